"""The 民生议事堂 and 微协商 pages: the rows shown are the database's, the filters narrow them as
the service does, sorting orders them, and the detail pane shows the whole record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import Consultation
from liaison_desk.domain.enums import AttachmentKind, ConsultationKind, ConsultationStatus
from liaison_desk.domain.queries import ConsultationFilter, ConsultationSummary
from liaison_desk.services import Services
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.paging import ListSource
from liaison_desk.ui.tasks import wait_for_tasks

HALL, MICRO = ConsultationKind.HALL, ConsultationKind.MICRO


@pytest.fixture
def open_page(
    qtbot: QtBot, demo_services: Services
) -> Callable[[ConsultationKind], ConsultationsPage]:
    def make(kind: ConsultationKind) -> ConsultationsPage:
        page = ConsultationsPage(demo_services, kind)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        page.activate()
        assert wait_for_tasks()
        return page

    return make


def shown(page: ConsultationsPage) -> list[ConsultationSummary]:
    return page.model.rows()


def ids(rows: list[ConsultationSummary]) -> set[int]:
    return {r.id for r in rows}


def expected(services: Services, **f: object) -> set[int]:
    return ids(services.consultations.search(ConsultationFilter(**f)).items)


def search_for(qtbot: QtBot, page: ConsultationsPage, text: str) -> None:
    page.search.setText(text)  # typed: Chinese comes through the input method, not key clicks
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert wait_for_tasks()


def detail_text(page: ConsultationsPage) -> str:
    return page.detail.text.toPlainText()


def select(page: ConsultationsPage, consultation_id: int) -> None:
    row = next(i for i, r in enumerate(shown(page)) if r.id == consultation_id)
    page.table.selectRow(row)
    assert wait_for_tasks()


@pytest.mark.parametrize(("kind", "count"), [(HALL, 85), (MICRO, 158)])
def test_each_page_lists_the_years_records_of_its_kind(
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    demo_services: Services,
    kind: ConsultationKind,
    count: int,
) -> None:
    page = open_page(kind)

    assert page.page_id == kind.value
    assert page.year_combo.currentData() == 2024
    assert len(shown(page)) == count
    assert ids(shown(page)) == expected(demo_services, year=2024, kind=kind)
    assert {r.kind for r in shown(page)} == {kind}
    assert str(count) in page.status_text()


def test_all_years_and_a_year_without_records(
    open_page: Callable[[ConsultationKind], ConsultationsPage],
) -> None:
    page = open_page(HALL)

    page.year_combo.setCurrentIndex(page.year_combo.findData(None))  # "All years"
    assert wait_for_tasks()
    assert len(shown(page)) == 85  # the demo holds one year

    page.apply_filter({"year": 2023})
    assert wait_for_tasks()
    assert page.year_combo.currentText() == "2023"
    assert shown(page) == []
    assert "0" in page.status_text()
    assert "No records match." in detail_text(page)


def test_the_group_filter_shows_exactly_that_groups_sessions(
    open_page: Callable[[ConsultationKind], ConsultationsPage], demo_services: Services
) -> None:
    page = open_page(MICRO)
    group = demo_services.groups.all()[2]

    page.group_combo.setCurrentIndex(page.group_combo.findData(group.id))
    assert wait_for_tasks()

    want = expected(demo_services, year=2024, kind=MICRO, group_id=group.id)
    assert 0 < len(want) < 158
    assert ids(shown(page)) == want
    assert {r.group_name for r in shown(page)} == {group.name}
    assert str(len(want)) in page.status_text()


def test_the_status_filter(
    open_page: Callable[[ConsultationKind], ConsultationsPage], demo_services: Services
) -> None:
    page = open_page(HALL)

    page.status_combo.setCurrentIndex(page.status_combo.findData(ConsultationStatus.ARCHIVED))
    assert wait_for_tasks()

    want = expected(demo_services, year=2024, kind=HALL, status=ConsultationStatus.ARCHIVED)
    assert 0 < len(want) < 85
    assert ids(shown(page)) == want
    assert {r.status for r in shown(page)} == {ConsultationStatus.ARCHIVED}


def test_searching_a_chinese_phrase_of_the_minutes_finds_that_record(
    qtbot: QtBot,
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    demo_services: Services,
) -> None:
    page = open_page(HALL)
    target = demo_services.consultations.get(shown(page)[10].id)
    assert target is not None
    # A phrase from the middle of the minutes that no other hall session of the year holds.
    minutes = target.minutes.replace("\n", "")
    phrase = next(
        minutes[i : i + 8]
        for i in range(len(minutes) // 3, len(minutes) - 8)
        if expected(demo_services, year=2024, kind=HALL, text=minutes[i : i + 8]) == {target.id}
    )
    assert phrase not in target.title

    search_for(qtbot, page, phrase)

    assert ids(shown(page)) == {target.id}
    assert target.title in detail_text(page)

    page.search.setText("没有这种说法qx")  # no Return: the list follows the typing
    qtbot.waitUntil(lambda: shown(page) == [], timeout=5000)
    assert wait_for_tasks()
    assert "No records match." in detail_text(page)


@pytest.mark.parametrize("key", ["held_on", "attendance_total"])
def test_sorting_by_date_and_by_attendance(
    open_page: Callable[[ConsultationKind], ConsultationsPage], key: str
) -> None:
    page = open_page(MICRO)
    column = page.model.column_index(key)

    page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert wait_for_tasks()  # the whole list is sorted again, off the GUI thread
    values = [getattr(r, key) for r in shown(page)]
    assert values == sorted(values)
    assert len(set(values)) > 1
    first = page.model.index(0, column).data()
    assert first == (values[0].isoformat() if isinstance(values[0], date) else str(values[0]))

    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert wait_for_tasks()
    assert [getattr(r, key) for r in shown(page)] == sorted(values, reverse=True)


def test_the_list_opens_newest_first(
    open_page: Callable[[ConsultationKind], ConsultationsPage],
) -> None:
    page = open_page(HALL)
    dates = [r.held_on for r in shown(page)]
    assert dates == sorted(dates, reverse=True)


def _with_photos_and_items(services: Services, kind: ConsultationKind) -> Consultation:
    for row in services.consultations.search(ConsultationFilter(year=2024, kind=kind)).items:
        c = services.consultations.get(row.id)
        assert c is not None
        photos = [a for a in c.attachments if a.kind is AttachmentKind.PHOTO]
        if len(photos) >= 2 and c.outcome_items and c.minutes and c.speeches:
            return c
    raise AssertionError("the demo has sessions with photos")


def test_the_detail_pane_shows_the_whole_record_and_its_photos(
    open_page: Callable[[ConsultationKind], ConsultationsPage], demo_services: Services
) -> None:
    page = open_page(HALL)
    c = _with_photos_and_items(demo_services, HALL)

    select(page, c.id or 0)

    text = detail_text(page)
    assert c.title in text
    assert c.number in text
    assert c.venue in text
    assert c.minutes.splitlines()[0] in text
    assert c.consensus.splitlines()[0][:30] in text
    for item in c.outcome_items:
        assert item.content in text
    for p in c.participants:
        assert p.name in text
    for sp in c.speeches:
        assert sp.speaker in text
    for step in c.checklist:
        assert step.name in text
    photos = sorted(
        (a for a in c.attachments if a.kind is AttachmentKind.PHOTO),
        key=lambda a: (not a.is_cover, a.position),
    )
    assert not page.detail.photos.isHidden()
    captions = [page.detail.photos.item(i).text() for i in range(page.detail.photos.count())]
    assert captions == [a.caption or a.original_name for a in photos]
    icon = page.detail.photos.item(0).icon()
    assert not icon.isNull()


def test_a_record_without_photos_shows_no_thumbnails(
    open_page: Callable[[ConsultationKind], ConsultationsPage], demo_services: Services
) -> None:
    page = open_page(MICRO)
    bare = next(
        r
        for r in shown(page)
        if not (c := demo_services.consultations.get(r.id)) or not c.attachments
    )

    select(page, bare.id)

    assert bare.title in detail_text(page)
    assert page.detail.photos.isHidden()
    assert page.detail.photos.count() == 0


def test_an_archived_record_says_it_is_read_only_and_who_archived_it(
    open_page: Callable[[ConsultationKind], ConsultationsPage], demo_services: Services
) -> None:
    page = open_page(HALL)
    archived = next(r for r in shown(page) if r.status is ConsultationStatus.ARCHIVED)
    lock = demo_services.consultations.history(archived.id)[-1]

    select(page, archived.id)

    text = detail_text(page)
    assert "read-only" in text
    assert lock.actor in text
    assert lock.at.strftime("%Y-%m-%d") in text


def test_apply_filter_sets_every_filter_and_loads_once(
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    demo_services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(HALL)
    group = demo_services.groups.all()[0]
    calls: list[ConsultationFilter] = []
    open_list = page.open_list

    def counted(filters: ConsultationFilter, *args: Any) -> ListSource[ConsultationSummary]:
        calls.append(filters)
        return open_list(filters, *args)

    monkeypatch.setattr(page, "open_list", counted)

    page.apply_filter(
        {"year": 2024, "group_id": group.id, "status": ConsultationStatus.COMPLETED, "text": "社区"}
    )
    assert wait_for_tasks()

    want = ConsultationFilter(
        year=2024, group_id=group.id, kind=HALL, status=ConsultationStatus.COMPLETED, text="社区"
    )
    assert calls == [want]
    assert ids(shown(page)) == ids(demo_services.consultations.search(want).items)
    assert page.group_combo.currentText() == group.name
    assert page.search.text() == "社区"

    # Keys left out mean "all": the dashboard's link to a whole year.
    page.apply_filter({"year": None})
    assert wait_for_tasks()
    assert calls[-1] == ConsultationFilter(kind=HALL)
    assert len(shown(page)) == 85


def test_columns_can_be_shown_and_hidden(
    open_page: Callable[[ConsultationKind], ConsultationsPage],
) -> None:
    page = open_page(HALL)
    venue = page.model.column_index("venue")
    group = page.model.column_index("group_name")
    assert page.table.isColumnHidden(venue)
    assert not page.table.isColumnHidden(group)  # the demo holds 16 groups

    action = next(a for a in page.column_actions() if a.text() == page.model.columns[venue].header)
    action.setChecked(True)

    assert not page.table.isColumnHidden(venue)


def test_a_database_of_one_group_hides_the_group_column(
    qtbot: QtBot, services: Services, new_consultation: Callable[..., Consultation]
) -> None:
    services.consultations.save(new_consultation())
    page = ConsultationsPage(services, HALL)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert wait_for_tasks()

    assert len(shown(page)) == 1
    assert page.table.isColumnHidden(page.model.column_index("group_name"))
    assert page.group_combo.isHidden()
