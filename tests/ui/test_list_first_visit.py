"""A list page's first visit builds only what the list shows, and reads nothing on the GUI
thread: the consultation form is built when a record is first opened (and then works as
before), the year and group choices are read in the background. Sorting by any column is the
database's work, in the order the table showed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.services import Services
from liaison_desk.ui.consultation_form import ConsultationForm
from liaison_desk.ui.pages.base import RecordListPage
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.pages.outcomes import OutcomesPage
from liaison_desk.ui.pages.people import PeoplePage
from liaison_desk.ui.table import sortable
from liaison_desk.ui.tasks import wait_for_tasks


def _show(qtbot: QtBot, page: RecordListPage[Any]) -> None:
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activate()
    assert wait_for_tasks()


def test_the_form_is_built_when_a_record_is_first_opened_and_works(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = ConsultationsPage(demo_services, ConsultationKind.HALL)
    _show(qtbot, page)
    assert page.findChildren(ConsultationForm) == []
    # What the window asks of a page before leaving it or closing needs no form either.
    assert not page.has_unsaved_changes() and page.confirm_leave() and page.save()
    assert page.findChildren(ConsultationForm) == []
    assert page.focus_search()

    first = page.model.rows()[0]
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the record
    assert wait_for_tasks()
    assert page.form_shown()
    form = page.form
    assert page.findChildren(ConsultationForm) == [form]
    assert form.facts.title.text() == first.title
    assert not any(a.isEnabled() for a in page.print_button.sheet_actions.values())
    assert not page.focus_search()  # Ctrl+F is the form's while it shows

    form.facts.title.setText(first.title + "（改）")
    assert page.has_unsaved_changes()
    assert form.save()
    assert wait_for_tasks()
    qtbot.keyClick(form.facts.title, Qt.Key.Key_Escape)  # back to the list
    assert not page.form_shown()
    assert wait_for_tasks()
    assert page.table.hasFocus() or page.table.isAncestorOf(page.focusWidget())
    assert any(r.title == first.title + "（改）" for r in page.model.rows())
    assert all(a.isEnabled() for a in page.print_button.sheet_actions.values())
    page.new_record()  # the same form again, not a second one
    assert page.findChildren(ConsultationForm) == [form]


@pytest.mark.parametrize("make", ["hall", "outcomes"])
def test_the_filter_choices_are_read_off_the_gui_thread(
    qtbot: QtBot, demo_services: Services, monkeypatch: pytest.MonkeyPatch, make: str
) -> None:
    on_gui_thread: list[bool] = []
    years = demo_services.statistics.years

    def recorded() -> list[int]:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return years()

    monkeypatch.setattr(demo_services.statistics, "years", recorded)
    page: RecordListPage[Any]
    if make == "hall":
        page = ConsultationsPage(demo_services, ConsultationKind.HALL)
    else:
        page = OutcomesPage(demo_services)
    _show(qtbot, page)
    assert on_gui_thread and not any(on_gui_thread)
    combo = page.year_combo if isinstance(page, ConsultationsPage) else page.year
    # The list opened on the default year, as before.
    assert combo.currentData() == 2024
    assert combo.findData(None) == 0
    assert page.model.rowCount() > 0


def test_the_consultations_sorted_by_venue_in_the_tables_order_by_the_database(
    qtbot: QtBot, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ConsultationsPage(demo_services, ConsultationKind.MICRO)
    _show(qtbot, page)
    newest_first = page.model.rows()

    def every_row(*_args: object) -> None:
        raise AssertionError("every row loaded to be sorted in Python")

    monkeypatch.setattr(page, "fetch", every_row)
    column = page.model.column_index("venue")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        page.table.sortByColumn(column, order)
        assert wait_for_tasks()
        expected = sorted(
            newest_first,
            key=lambda r: sortable(r.venue),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        assert [r.id for r in page.model.rows()] == [r.id for r in expected]


def test_the_roster_sorted_by_category_as_its_labels_by_the_database(
    qtbot: QtBot, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = PeoplePage(demo_services)
    _show(qtbot, page)

    def every_value(*_args: object) -> None:
        raise AssertionError("every person's value loaded to be sorted in Python")

    monkeypatch.setattr(demo_services.people, "sort_values", every_value)
    everyone = sorted(demo_services.people.search().items, key=lambda p: p.id or 0)
    column = page.model.column_index("category")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        page.table.sortByColumn(column, order)
        assert wait_for_tasks()
        while page.model.canFetchMore():
            page.model.fetchMore()
            assert wait_for_tasks()
        expected = sorted(
            everyone,
            key=lambda p: sortable(p.category),  # the label shown, as the table sorts it
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        assert [p.id for p in page.model.rows()] == [p.id for p in expected]
