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

    monkeypatch.setattr(ImportLogDialog, "ask_undo", lambda self, entry: True)
    undone: list[Any] = []
    monkeypatch.setattr(ImportLogDialog, "tell_undone", lambda self, entry: undone.append(entry))
    district.import_log_action.trigger()
    log = district.findChild(ImportLogDialog)
    assert isinstance(log, ImportLogDialog) and log.table.rowCount() == 1
    assert log.table.item(0, 1).text() == "织里.zip"
    log.undo_button.click()
    assert services.statistics.row_counts()["consultation"] == 0
    assert not log.undo_button.isEnabled()
    assert [e.file_name for e in undone] == ["织里.zip"]


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


# --- tried as the district office would (the window in Chinese and English) ----------------------


def _entry(n: int, file_name: str, *, undone: bool = False, kind: str = "records") -> Any:
    from datetime import datetime

    from liaison_desk.services.records import ImportLogEntry

    return ImportLogEntry(
        id=n,
        imported_at=datetime(2025, 1, 10 + n, 9, 30),
        actor="区政协办公室",
        file_name=file_name,
        sha256="ab" * 32,
        kind=kind,
        sender="仁皇山街道联络组",
        counts={"new": 1450, "updated": 12, "skipped": 3, "conflicts": 1, "deleted": 2},
        conflicts=[],
        undone_at=datetime(2025, 1, 12, 8, 0) if undone else None,
        masked=True,
    )


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: Any) -> Any:
    from liaison_desk.fonts import apply_ui_font
    from liaison_desk.ui.i18n import install_language

    apply_ui_font(qapp)  # as the app does: the font the widths are measured in
    install_language(request.param)
    yield request.param


def _boxes(monkeypatch: pytest.MonkeyPatch, accept: bool = True) -> list[tuple[str, str]]:
    """Every message box shown, (title, text); a question is answered with its OK button."""
    from PySide6.QtWidgets import QMessageBox

    from liaison_desk.ui import messages

    shown: list[tuple[str, str]] = []

    def answer(box: QMessageBox) -> None:
        shown.append((box.windowTitle(), box.text()))
        for button in box.buttons():
            if accept and box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
                button.click()
                return

    monkeypatch.setattr(messages, "_dialog_override", answer)
    return shown


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_the_import_speaks_chinese_in_the_chinese_window(
    qtbot: Any, district: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The importer's boxes were titled in English ("Import package"): their texts were looked
    up under the window's class, where they are not translated."""
    from liaison_desk.storage.exchange import MergeResult

    shown = _boxes(monkeypatch)
    importer = RecordsImporter(district.services, district, lambda: None)
    report = ImportReport(
        tmp_path / "织里.zip",
        "0" * 64,
        "织里镇联络组",
        "records",
        MergeResult(new=3),
        False,
        1,
        masked=True,
    )
    importer.tell_done(report)
    assert shown[0][0] == "导入报送包" and "报送数据包" in shown[0][1]

    # A package that is not one: refused, titled as such, in Chinese, saying what to do.
    bad = tmp_path / "坏的.zip"
    bad.write_bytes(b"PK\x03\x04" + b"x" * 300)
    district.import_package(bad)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=60_000)
    title, text = shown[1]
    assert title == "报送包未导入"
    assert "没有导入任何数据" in text and "重新" in text
    assert district.services.records.log() == []


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_the_import_log_shows_every_column_whole_at_1366x768(
    qtbot: Any, district: MainWindow, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Date (with "undone"), sender, counts, kind and masking all readable without scrolling:
    the log's columns were cut and the last two off the dialog."""
    from test_fit import cut_texts

    entries = [
        _entry(2, "仁皇山街道联络组-2024-报送数据包-20250112.zip"),
        _entry(
            1,
            "吴兴区政协-仁皇山街道联络组-2024-协商案例报送-20250111.zip",
            undone=True,
            kind="cases",
        ),
    ]
    monkeypatch.setattr(district.services.records, "log", lambda: entries)
    dialog = district.show_import_log()
    assert isinstance(dialog, ImportLogDialog)
    district.resize(1366, 768)
    assert dialog.width() <= 1366
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert cut_texts(dialog) == []
    assert table.horizontalScrollBar().maximum() == 0, "a column is off the dialog"
    metrics = table.fontMetrics()
    for col in (0, 2, 3, 8, 9):  # the date, the sender, a count, the kind, the masking
        for row in range(table.rowCount()):
            text = table.item(row, col).text()
            assert metrics.horizontalAdvance(text) <= table.columnWidth(col), text
    assert table.item(1, 0).text().endswith("（已撤销）" if language == "zh_CN" else " (undone)")
    dialog.close()


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_undo_names_the_import_and_says_it_is_done(
    qtbot: Any, district: MainWindow, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    entries = [_entry(2, "八里店.zip"), _entry(1, "织里.zip")]
    records = district.services.records
    monkeypatch.setattr(records, "log", lambda: entries)
    monkeypatch.setattr(records, "undo_last", lambda: entries[0])
    shown = _boxes(monkeypatch)
    dialog = district.show_import_log()
    assert isinstance(dialog, ImportLogDialog)
    dialog.undo_button.click()
    (ask_title, ask), (done_title, done) = shown
    assert ask_title == done_title == "撤销最近一次导入"
    assert "八里店.zip" in ask and "仁皇山街道联络组" in ask and "2025-01-12 09:30" in ask
    assert "已撤销“八里店.zip”" in done and "已撤销" in done
    dialog.close()

    # Cancelled: nothing undone, nothing more said.
    shown.clear()
    undone: list[int] = []
    monkeypatch.setattr(records, "undo_last", lambda: undone.append(1))
    _boxes(monkeypatch, accept=False)
    dialog = district.show_import_log()
    assert isinstance(dialog, ImportLogDialog)
    dialog.undo_button.click()
    assert undone == []
    dialog.close()


def test_import_package_has_a_shortcut_of_its_own(district: MainWindow) -> None:
    """The office imports sixteen packages in a row: 导入报送包… is Ctrl+Shift+I (Ctrl+I is the
    list pages' ledger import), and no other action of the window has it."""
    from PySide6.QtGui import QAction, QKeySequence

    key = QKeySequence("Ctrl+Shift+I")
    assert district.import_action.shortcut() == key
    users = [a.text() for a in district.findChildren(QAction) if a.shortcut() == key]
    assert users == [district.import_action.text()]
