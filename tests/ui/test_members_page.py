"""The 委员履职 page over the demo year: the ranking it lists is the workbook's, figure for
figure; the group filter; the record beside it; both exports; the points tab of the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from liaison_desk.services import Services
from liaison_desk.ui.pages.members import MembersPage
from liaison_desk.ui.tasks import wait_for_tasks


def shown_cells(page: MembersPage) -> list[list[str]]:
    """Every row as the table shows it."""
    model = page.table.model()
    return [
        [
            str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
            for c in range(model.columnCount())
        ]
        for r in range(model.rowCount())
    ]


def test_the_page_lists_the_workbooks_figures(
    shown_page: object,
    demo_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page: MembersPage = shown_page(MembersPage, demo_services)  # type: ignore[operator]
    assert page.year_combo.currentData() == 2024
    listed = shown_cells(page)
    assert len(listed) == page.model.rowCount() > 100

    # The ranking button writes what the page lists.
    out = tmp_path / "排名.xlsx"
    told: list[Path] = []
    monkeypatch.setattr(MembersPage, "ask_path", lambda self, *a: out)
    monkeypatch.setattr(MembersPage, "tell_done", lambda self, p: told.append(p))
    page.ranking_button.click()
    assert wait_for_tasks()
    assert told == [out]
    sheet = load_workbook(out)["排名"]
    book_rows = list(sheet.iter_rows(min_row=4, values_only=True))
    # The page: rank, name, points, group, the figures; the workbook: rank, name, group,
    # sector, the figures, points.
    on_page = [(int(r[0]), r[1], r[3], *(int(v) for v in r[4:]), int(r[2])) for r in listed]
    assert on_page == [(r[0], r[1], r[2], *r[4:]) for r in book_rows]

    # The record of the selected member: name, points and rank.
    text = page.detail.text.toPlainText()
    first = book_rows[0]
    assert first[1] in text and f"{first[-1]} points, rank 1" in text

    # The record as a PDF.
    pdf = tmp_path / "档案.pdf"
    monkeypatch.setattr(MembersPage, "ask_path", lambda self, *a: pdf)
    page.record_button.click()
    assert wait_for_tasks()
    assert told[-1] == pdf and pdf.read_bytes().startswith(b"%PDF")


def test_the_group_filter(shown_page: object, demo_services: Services) -> None:
    page: MembersPage = shown_page(MembersPage, demo_services)  # type: ignore[operator]
    index = page.group_combo.findText("织里镇联络组")
    page.group_combo.setCurrentIndex(index)
    assert wait_for_tasks()
    rows = shown_cells(page)
    assert rows and {r[3] for r in rows} == {"织里镇联络组"}
    assert rows[0][0] == "1"
    # Sorting by points, lowest first, keeps the ranks with their members.
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    resorted = shown_cells(page)
    assert sorted(resorted) == sorted(rows) and resorted[0][0] == rows[-1][0]


def test_the_settings_page_has_the_points_table(qtbot: object, services: Services) -> None:
    from liaison_desk.ui.pages.settings import SettingsPage

    page = SettingsPage(services)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Duty points" in titles
    for key in ("points.hall_attendance", "points.hosting", "points.case_province"):
        assert key in page.fields
