"""导出台账… and 导入台账… on the consultation list pages: export follows the list's filters;
the import dialog maps a group's own headings, shows the row-by-row check, imports only a
workbook without errors, and the list reloads afterwards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import Consultation, LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter, PageRequest
from liaison_desk.services import Services
from liaison_desk.ui import ledger_dialogs
from liaison_desk.ui.ledger_dialogs import LedgerImportDialog
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.tasks import wait_for_tasks


@pytest.fixture
def recorded(
    services: Services, new_consultation: Callable[..., Consultation]
) -> list[Consultation]:
    return [
        services.consultations.save(new_consultation(title="老旧小区加装电梯")),
        services.consultations.save(
            new_consultation(
                kind=ConsultationKind.MICRO, title="村口停车", held_on=date(2024, 5, 6)
            )
        ),
    ]


@pytest.fixture
def hall_page(services: Services, recorded: list[Consultation], qtbot: QtBot) -> ConsultationsPage:
    page = ConsultationsPage(services, ConsultationKind.HALL)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.activate()
    assert wait_for_tasks()
    return page


def own_ledger(path: Path, headings: list[str], *rows: list[Any]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "我们的台账"
    ws.append(headings)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def titles(services: Services) -> list[str]:
    return sorted(r.title for r in services.consultations.search(ConsultationFilter()).items)


def test_the_page_offers_export_and_import(hall_page: ConsultationsPage) -> None:
    button = hall_page.ledger_button
    assert button.isVisibleTo(hall_page)
    menu = button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["&Export ledger…", "&Import ledger…"]
    assert all(not a.shortcut().isEmpty() for a in menu.actions())


def test_export_writes_what_the_list_shows(
    hall_page: ConsultationsPage,
    recorded: list[Consultation],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[str] = []

    def choose(_parent: object, default_name: str) -> Path:
        offered.append(default_name)
        return tmp_path / default_name

    monkeypatch.setattr(ledger_dialogs, "choose_export_copy", lambda _p, _r: False)
    monkeypatch.setattr(ledger_dialogs, "choose_export_path", choose)
    hall_page.ledger_button.menu().actions()[0].trigger()
    assert wait_for_tasks()
    assert offered == ["全部联络组-民生议事堂台账-2024-工作底稿.xlsx"]
    ws = load_workbook(tmp_path / offered[0])["协商活动"]
    assert [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)] == [recorded[0].number]
    assert offered[0] in hall_page.status_text()
    assert "not masked" in hall_page.status_text()


def test_the_export_offers_the_masked_ledger_first_and_says_what_it_hides(
    services: Services, qtbot: QtBot
) -> None:
    dialog = ledger_dialogs.LedgerExportChoice(services.ledger.masking_rules())
    qtbot.addWidget(dialog)
    assert dialog.masked()  # masked unless the user chooses the working copy
    assert "consent is not recorded" in dialog.masked_note.text()
    assert "张某" in dialog.masked_note.text()
    assert "cannot be imported back" in dialog.masked_note.text()
    dialog.working_button.setChecked(True)
    assert not dialog.masked()
    services.settings.update({"masking.resident_names": False})
    names_kept = ledger_dialogs.LedgerExportChoice(services.ledger.masking_rules())
    qtbot.addWidget(names_kept)
    assert "张某" not in names_kept.masked_note.text()  # the note follows the settings


def test_a_masked_export_is_refused_by_the_import_dialog_with_a_message(
    hall_page: ConsultationsPage,
    services: Services,
    recorded: list[Consultation],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "台账.xlsx"
    monkeypatch.setattr(ledger_dialogs, "choose_export_copy", lambda _p, _r: True)
    monkeypatch.setattr(ledger_dialogs, "choose_export_path", lambda _p, _n: path)
    hall_page.ledger_button.menu().actions()[0].trigger()
    assert wait_for_tasks()
    assert "cannot be imported back" in hall_page.status_text()
    shown: list[BaseException] = []
    monkeypatch.setattr(ledger_dialogs, "choose_import_path", lambda _p: path)
    monkeypatch.setattr(ledger_dialogs, "show_error", lambda _p, exc: shown.append(exc))
    before = titles(services)
    hall_page.ledger_button.menu().actions()[1].trigger()
    assert wait_for_tasks()
    (error,) = shown
    assert "隐藏了个人信息" in str(error) and "工作底稿" in str(error)
    assert titles(services) == before


def test_import_dialog_maps_renamed_columns_checks_and_imports(
    services: Services,
    group: LiaisonGroup,
    recorded: list[Consultation],
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    path = own_ledger(
        tmp_path / "台账.xlsx",
        ["议事事项", "活动日期", "协商地点", "编号", "所属联络组"],
        ["河道保洁", date(2024, 7, 1), "大河村协商驿站", None, "织里镇联络组"],
        ["老旧小区加装电梯（二次）", date(2024, 3, 5), "织里镇民生议事堂", recorded[0].number, "织里镇联络组"],
    )  # fmt: skip
    ledger, layouts = services.ledger.read(path)
    dialog = LedgerImportDialog(
        services, ledger, layouts, default_kind=ConsultationKind.MICRO, default_group_id=group.id
    )
    qtbot.addWidget(dialog)
    dialog.show()
    (sheet,) = dialog.sheets
    assert sheet.role() == "consultations"
    proposed = [combo.currentText() for combo in sheet.combos]
    assert proposed == ["(not imported)", "日期", "地点", "编号", "联络组"]
    sheet.combos[0].setCurrentIndex(sheet.combos[0].findData("title"))  # 议事事项 → 议题

    dialog.check_button.click()
    assert wait_for_tasks()
    assert dialog.stack.currentIndex() == 1
    assert dialog.import_button.isEnabled()
    shown = [
        [dialog.report.topLevelItem(i).text(c) for c in range(6)]
        for i in range(dialog.report.topLevelItemCount())
    ]
    assert [(row[1], row[4]) for row in shown] == [("2", "Create"), ("3", "Update")]
    assert titles(services) == ["村口停车", "老旧小区加装电梯"]  # nothing written yet

    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
        assert wait_for_tasks()
    assert titles(services) == ["村口停车", "河道保洁", "老旧小区加装电梯（二次）"]
    assert not dialog.import_button.isVisible()
    assert dialog.close_button.text() == "Close"


def test_a_workbook_with_errors_cannot_be_imported(
    services: Services, recorded: list[Consultation], tmp_path: Path, qtbot: QtBot
) -> None:
    path = own_ledger(
        tmp_path / "台账.xlsx",
        ["议题", "日期", "地点", "联络组", "类型"],
        ["好的一行", date(2024, 7, 1), "驿站", "织里镇联络组", "微协商"],
        ["日期不对", "2024-02-30", "驿站", "织里镇联络组", "微协商"],
        ["", date(2024, 7, 2), "驿站", "火星联络组", "微协商"],
    )
    ledger, layouts = services.ledger.read(path)
    dialog = LedgerImportDialog(services, ledger, layouts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check_button.click()
    assert wait_for_tasks()
    assert not dialog.import_button.isEnabled()
    results = {
        dialog.report.topLevelItem(i).text(1): dialog.report.topLevelItem(i).text(5)
        for i in range(dialog.report.topLevelItemCount())
        if dialog.report.topLevelItem(i).text(4) == "Error"
    }
    assert set(results) == {"3", "4"}
    assert "2024-02-30" in results["3"]
    assert "火星联络组" in results["4"]
    assert "Nothing can be imported" in dialog.summary.text()
    dialog.back_button.click()  # back to the mapping to change it
    assert dialog.stack.currentIndex() == 0
    assert titles(services) == ["村口停车", "老旧小区加装电梯"]


def test_import_from_the_page_reloads_the_list(
    hall_page: ConsultationsPage,
    services: Services,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = own_ledger(
        tmp_path / "台账.xlsx",
        ["议题", "日期", "地点", "联络组"],
        ["河道保洁", date(2024, 7, 1), "大河村协商驿站", "织里镇联络组"],
    )
    monkeypatch.setattr(ledger_dialogs, "choose_import_path", lambda _parent: path)
    before = hall_page.model.rowCount()
    hall_page.ledger_button.menu().actions()[1].trigger()
    assert wait_for_tasks()
    (dialog,) = hall_page.findChildren(LedgerImportDialog)
    assert dialog.isVisible()
    dialog.check_button.click()
    assert wait_for_tasks()
    with qtbot.waitSignal(hall_page.data_changed):
        dialog.import_button.click()
        assert wait_for_tasks()
    assert wait_for_tasks()
    assert hall_page.model.rowCount() == before + 1  # a hall session: the page's own kind
    (created,) = [
        r
        for r in services.consultations.search(ConsultationFilter(), PageRequest()).items
        if r.title == "河道保洁"
    ]
    assert created.kind is ConsultationKind.HALL
    dialog.close_button.click()


def test_a_damaged_workbook_is_reported_and_no_dialog_opens(
    hall_page: ConsultationsPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_unexpected_message_box: list[str],
) -> None:
    path = tmp_path / "坏的台账.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    monkeypatch.setattr(ledger_dialogs, "choose_import_path", lambda _parent: path)
    hall_page.ledger_button.menu().actions()[1].trigger()
    assert wait_for_tasks()
    assert hall_page.findChildren(LedgerImportDialog) == []
    assert len(no_unexpected_message_box) == 1 and "损坏" in no_unexpected_message_box[0]
    no_unexpected_message_box.clear()


def test_a_group_chosen_in_the_dialog_fills_rows_without_one_and_a_second_import_is_all_duplicates(
    services: Services, recorded: list[Consultation], tmp_path: Path, qtbot: QtBot
) -> None:
    other = services.groups.save(
        LiaisonGroup(name="八里店镇联络组", town="八里店镇", fonds_code="J013", org_code="BLD")
    )
    path = own_ledger(
        tmp_path / "八里店台账.xlsx",
        ["议题", "日期", "地点"],
        ["河道保洁", date(2024, 7, 1), "潘店村"],
        ["老街新韵", date(2024, 7, 2), "老街"],
    )

    def run_dialog() -> LedgerImportDialog:
        ledger, layouts = services.ledger.read(path)
        dialog = LedgerImportDialog(services, ledger, layouts, default_kind=ConsultationKind.MICRO)
        qtbot.addWidget(dialog)
        dialog.show()
        # Two groups and none chosen by the list page: the user picks one.
        assert dialog.group_combo.currentData() is None
        assert [dialog.group_combo.itemText(i) for i in range(1, dialog.group_combo.count())] == [
            "织里镇联络组",
            "八里店镇联络组",
        ]
        dialog.group_combo.setCurrentIndex(dialog.group_combo.findData(other.id))
        dialog.check_button.click()
        assert wait_for_tasks()
        return dialog

    dialog = run_dialog()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert wait_for_tasks()
    created = [
        r for r in services.consultations.search(ConsultationFilter(group_id=other.id)).items
    ]
    assert sorted(r.title for r in created) == ["河道保洁", "老街新韵"]
    dialog.close()

    again = run_dialog()
    assert not again.import_button.isEnabled()  # nothing new
    assert "2 duplicates skipped" in again.summary.text()
    results = [
        again.report.topLevelItem(i).text(4) for i in range(again.report.topLevelItemCount())
    ]
    assert results == ["Duplicate, skipped", "Duplicate, skipped"]
    again.close()
