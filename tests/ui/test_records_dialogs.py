"""导出报送数据包… / 导入报送包… / 导入记录 from the window's menu (issue 17): the export runs off the
GUI thread; the import shows the trial's result and conflicts before writing, then imports;
the import log lists it and undoes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clock import FixedClock
from liaison_desk.demo import reduce_to_group
from liaison_desk.services import Services
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.records import ImportReport
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.records_dialogs import (
    ImportLogDialog,
    RecordsExportDialog,
    RecordsImporter,
)


@pytest.fixture
def township(qtbot: Any, demo_services: Services) -> MainWindow:
    reduce_to_group(demo_services, "织里镇联络组")
    w = MainWindow(demo_services, "织里", offer_drafts_on_show=False)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def district(qtbot: Any, tmp_path: Path) -> Any:
    db_file = tmp_path / "区" / "区政协.sqlite"
    db_file.parent.mkdir()
    database = Database.open(f"sqlite:///{db_file}")
    services = Services(
        ServiceContext(database, AttachmentStore.beside_database(db_file), clock=FixedClock())
    )
    w = MainWindow(services, "区政协", offer_drafts_on_show=False)
    qtbot.addWidget(w)
    yield w
    database.close()


def test_export_import_and_undo_from_the_menus(
    qtbot: Any,
    township: MainWindow,
    district: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "织里.zip"
    exported: list[Any] = []
    monkeypatch.setattr(RecordsExportDialog, "ask_path", lambda self, suggested: out)
    monkeypatch.setattr(RecordsExportDialog, "tell_done", lambda self, r: exported.append(r))
    township.export_records_action.trigger()
    dialog = township.findChild(RecordsExportDialog)
    assert isinstance(dialog, RecordsExportDialog)
    assert dialog.group.currentText() == "织里镇联络组" and dialog.masking.isChecked()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(exported), timeout=120_000)
    assert out.is_file() and exported[0].masked

    trials: list[ImportReport] = []
    done: list[ImportReport] = []
    monkeypatch.setattr(RecordsImporter, "choose", lambda self, t: trials.append(t) or set())
    monkeypatch.setattr(RecordsImporter, "tell_done", lambda self, r: done.append(r))
    district.import_package(out)
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    assert trials[0].dry_run and trials[0].counts["new"] > 0
    assert done[0].counts == trials[0].counts and done[0].log_id is not None
    services = district.services
    assert services.statistics.row_counts()["consultation"] > 0

    monkeypatch.setattr(ImportLogDialog, "ask_undo", lambda self: True)
    district.import_log_action.trigger()
    log = district.findChild(ImportLogDialog)
    assert isinstance(log, ImportLogDialog) and log.table.rowCount() == 1
    assert log.table.item(0, 1).text() == "织里.zip"
    log.undo_button.click()
    assert services.statistics.row_counts()["consultation"] == 0
    assert not log.undo_button.isEnabled()


def test_a_case_package_is_imported_from_the_same_menu_and_logged_as_one(
    qtbot: Any,
    township: MainWindow,
    district: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from liaison_desk.domain.enums import CaseStatus

    sv = township.services
    [case, *_] = sv.cases.in_statuses({CaseStatus.SELECTED})
    assert case.id is not None
    out = tmp_path / "案例"
    out.mkdir()
    package = sv.packages.export([case.id], "区政协协商案例征集", out).path

    done: list[ImportReport] = []
    monkeypatch.setattr(RecordsImporter, "choose", lambda self, t: set())
    monkeypatch.setattr(RecordsImporter, "tell_done", lambda self, r: done.append(r))
    district.import_package(package)
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    text = done[0].render()
    assert "案例报送包" in text and "新增" in text and "个人信息已隐藏" in text
    assert district.services.statistics.row_counts()["case"] == 1

    district.import_log_action.trigger()
    log = district.findChild(ImportLogDialog)
    assert isinstance(log, ImportLogDialog) and log.table.rowCount() == 1
    header = [log.table.horizontalHeaderItem(c).text() for c in range(log.table.columnCount())]
    row = dict(zip(header, (log.table.item(0, c).text() for c in range(len(header))), strict=True))
    assert row["Kind"] == "Case package" and row["Personal data"] == "Masked"
