"""Lists fetched a page at a time (a district's ten years: 100k consultations, 360k people):
the first page shows, more come as the list scrolls, a header click sorts the whole list, and
the selected record stays selected across reloads. A small page size over the demo year."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter, PersonFilter
from liaison_desk.services import Services
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.pages.people import PeoplePage
from liaison_desk.ui.table import sortable
from liaison_desk.ui.tasks import wait_for_tasks

PAGE = 20


@pytest.fixture
def people_page(
    shown_page: Callable[..., Any], demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> PeoplePage:
    monkeypatch.setattr(PeoplePage, "page_size", PAGE)
    page: PeoplePage = shown_page(PeoplePage, demo_services)
    return page


def scroll_to_end(page: Any) -> None:
    page.table.scrollToBottom()
    assert wait_for_tasks()


def test_the_list_opens_with_one_page_and_fetches_more_as_it_scrolls(
    people_page: PeoplePage, demo_services: Services
) -> None:
    total = demo_services.people.search().total
    assert total > 5 * PAGE
    model = people_page.model
    first = model.rowCount()  # a page, and more while the view has room for more
    assert PAGE <= first < 3 * PAGE and model.total_rows() == total
    assert str(total) in people_page.status_text()  # the count of the whole list
    scroll_to_end(people_page)
    assert first < model.rowCount() < total  # the next page, not the whole list
    while model.canFetchMore():
        scroll_to_end(people_page)
    everyone = demo_services.people.search().items
    assert [p.id for p in model.rows()] == [
        p.id for p in sorted(everyone, key=lambda p: sortable(p.name))
    ]  # names in pinyin order, as the whole list sorted in memory


@pytest.mark.parametrize(("key", "attribute"), [("phone", "phone"), ("unit", "unit")])
def test_a_header_click_sorts_the_whole_list(
    people_page: PeoplePage, demo_services: Services, key: str, attribute: str
) -> None:
    column = people_page.model.column_index(key)
    people_page.table.horizontalHeader().sectionClicked.emit(column)  # as a click does
    people_page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert wait_for_tasks()
    everyone = demo_services.people.search().items
    want = sorted(everyone, key=lambda p: sortable(getattr(p, attribute)), reverse=True)
    shown = people_page.model.rows()
    assert PAGE <= len(shown) < len(want)
    # The first of the whole list, not the first of the page loaded before the click.
    assert [p.id for p in shown] == [p.id for p in want[: len(shown)]]


def test_sorting_a_consultation_list_by_date_is_done_by_the_database(
    shown_page: Callable[..., Any], demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ConsultationsPage, "page_size", PAGE)
    page: ConsultationsPage = shown_page(
        lambda s: ConsultationsPage(s, ConsultationKind.MICRO), demo_services
    )
    every = demo_services.consultations.search(
        ConsultationFilter(year=2024, kind=ConsultationKind.MICRO)
    ).items
    assert len(every) > 3 * PAGE
    assert page.model.rowCount() < len(every)
    page.table.sortByColumn(page.model.column_index("held_on"), Qt.SortOrder.AscendingOrder)
    assert wait_for_tasks()
    oldest = min(every, key=lambda r: r.held_on)
    assert page.model.rows()[0].held_on == oldest.held_on
    assert [r.id for r in page.model.rows()] == [
        r.id for r in sorted(every, key=lambda r: r.held_on)[: page.model.rowCount()]
    ]  # a stable sort of the newest-first list: equal dates keep that order
    # The status bar sums the whole list, not the loaded page.
    attendance = sum(r.attendance_total for r in every)
    assert str(attendance) in page.status_text()


def test_the_selection_stays_on_its_record_across_reloads(
    people_page: PeoplePage, demo_services: Services
) -> None:
    scroll_to_end(people_page)
    row = PAGE + 3  # on the second page
    people_page.table.selectRow(row)
    chosen = people_page.current_record()
    assert chosen is not None
    people_page.refresh()  # as after a change elsewhere (the window's change watch)
    assert wait_for_tasks()
    again = people_page.current_record()
    assert again is not None and again.id == chosen.id
    assert people_page.model.rowCount() < people_page.model.total_rows()


def test_a_record_far_down_the_list_is_fetched_to_be_selected(
    people_page: PeoplePage, demo_services: Services
) -> None:
    everyone = sorted(demo_services.people.search().items, key=lambda p: sortable(p.name))
    far = everyone[7 * PAGE + 5]
    people_page.select_after_reload(far.id)  # as after saving that person
    assert wait_for_tasks()
    current = people_page.current_record()
    assert current is not None and current.id == far.id


def test_the_roster_filters_still_count_every_match(
    people_page: PeoplePage, demo_services: Services
) -> None:
    people_page.search.setText("委员")
    people_page.reload()
    assert wait_for_tasks()
    found = demo_services.people.search(PersonFilter(text="委员")).total
    assert people_page.model.total_rows() == found
    assert str(found) in people_page.status_text()
