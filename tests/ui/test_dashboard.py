"""工作台: the year's figures as the statistics count them, each opening the list it counts, what
needs following up now (overdue first), and the latest records — loaded without freezing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import CaseStatus, ConsultationKind, OutcomeStatus
from liaison_desk.domain.queries import ConsultationFilter, OutcomeFilter, PageRequest
from liaison_desk.services import Services
from liaison_desk.ui.pages.dashboard import DashboardPage
from liaison_desk.ui.table import OVERDUE_COLOUR
from liaison_desk.ui.tasks import wait_for_tasks

if TYPE_CHECKING:  # the clock fixture's type (conftest is not a package module)
    from clock import FixedClock


def open_dashboard(qtbot: QtBot, services: Services) -> DashboardPage:
    page = DashboardPage(services)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activate()
    assert page.is_busy()
    assert page.loading.isVisible()
    assert wait_for_tasks()
    assert not page.is_busy()
    assert not page.loading.isVisible()
    return page


def double_click(qtbot: QtBot, view: QAbstractItemView, row: int, column: int) -> None:
    """As a user does: the first click selects, the second opens. (Qt's test double-click
    alone is not always seen as one when it is the first mouse event of the program.)"""
    pos = view.visualRect(view.model().index(row, column)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def figure(page: DashboardPage, key: str) -> str:
    return page.cards[key].number.text()


def test_the_demo_year_shows_the_districts_figures(qtbot: QtBot, demo_services: Services) -> None:
    page = open_dashboard(qtbot, demo_services)
    stats = demo_services.statistics.year(2024)
    assert page.year.currentData() == 2024
    assert page.group.currentData() is None
    assert figure(page, "hall") == "85"
    assert figure(page, "micro") == "158"
    assert figure(page, "suggestions") == str(stats.suggestions)
    assert figure(page, "solved") == str(stats.solved)
    assert figure(page, "solved_rate") == f"{stats.solved_rate:.1%}"
    assert figure(page, "attendance") == str(stats.attendance)
    assert figure(page, "member_attendance") == str(stats.member_attendance)
    assert figure(page, "cases_written") == str(stats.cases_written)
    assert figure(page, "cases_submitted") == str(stats.cases_submitted)
    assert figure(page, "cases_selected") == str(stats.cases_selected)
    # On the last day of the year "overdue now" is what the statistics count.
    assert figure(page, "overdue") == str(stats.overdue)
    assert page.cards["overdue"].number.property("alert") is True
    assert page.cards["hall"].accessibleName().endswith(": 85")


SCOPE = {"year": 2024, "group_id": None}


@pytest.mark.parametrize(
    ("key", "page_id", "filters"),
    [
        ("hall", "hall", SCOPE),
        ("micro", "micro", SCOPE),
        ("suggestions", "outcomes", SCOPE),
        ("solved", "outcomes", {**SCOPE, "status": OutcomeStatus.SOLVED}),
        ("solved_rate", "outcomes", {**SCOPE, "status": OutcomeStatus.SOLVED}),
        ("overdue", "outcomes", {**SCOPE, "overdue": True}),
        ("cases_written", "cases", SCOPE),
        (
            "cases_submitted",
            "cases",
            {**SCOPE, "statuses": [CaseStatus.SUBMITTED, CaseStatus.SELECTED, CaseStatus.RETURNED]},
        ),
        ("cases_selected", "cases", {**SCOPE, "statuses": [CaseStatus.SELECTED]}),
        # Person-times are counted from the consultations, not the roster.
        ("attendance", "hall", SCOPE),
        ("member_attendance", "hall", SCOPE),
    ],
)
def test_every_figure_opens_the_list_it_counts(
    qtbot: QtBot, demo_services: Services, key: str, page_id: str, filters: dict[str, Any]
) -> None:
    page = open_dashboard(qtbot, demo_services)
    with qtbot.waitSignal(page.navigate) as clicked:
        qtbot.mouseClick(page.cards[key], Qt.MouseButton.LeftButton)
    assert clicked.args == [page_id, filters]


def test_figures_are_reached_and_opened_with_the_keyboard(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_dashboard(qtbot, demo_services)
    card = page.cards["micro"]
    assert card.focusPolicy() & Qt.FocusPolicy.TabFocus
    card.setFocus()
    with qtbot.waitSignal(page.navigate) as pressed:
        qtbot.keyClick(card, Qt.Key.Key_Return)
    assert pressed.args == ["micro", SCOPE]
    with qtbot.waitSignal(page.navigate) as spaced:
        qtbot.keyClick(page.cards["cases_written"], Qt.Key.Key_Space)
    assert spaced.args == ["cases", SCOPE]


def test_the_submitted_and_selected_links_use_the_statuses_the_statistics_count(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_dashboard(qtbot, demo_services)
    cases = demo_services.cases.search().items
    for key in ("cases_submitted", "cases_selected"):
        _page_id, filters = page.figure_target(key)
        counted = [c for c in cases if c.year == 2024 and c.status in filters["statuses"]]
        assert str(len(counted)) == figure(page, key)


def test_the_group_selector_shows_that_groups_figures(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_dashboard(qtbot, demo_services)
    groups = demo_services.groups.all()
    assert page.group.count() == len(groups) + 1
    group = groups[3]
    page.group.setCurrentIndex(page.group.findData(group.id))
    assert page.is_busy()
    assert wait_for_tasks()
    stats = demo_services.statistics.year(2024, group.id)
    assert stats.hall_sessions + stats.micro_consultations < 85 + 158
    assert figure(page, "hall") == str(stats.hall_sessions)
    assert figure(page, "micro") == str(stats.micro_consultations)
    assert figure(page, "suggestions") == str(stats.suggestions)
    assert figure(page, "solved") == str(stats.solved)
    assert {r.group_name for r in page.latest_model.rows()} == {group.name}
    assert {r.group_name for r in page.follow_up_model.rows()} <= {group.name}
    with qtbot.waitSignal(page.navigate) as clicked:
        qtbot.mouseClick(page.cards["hall"], Qt.MouseButton.LeftButton)
    assert clicked.args == ["hall", {"year": 2024, "group_id": group.id}]


def test_a_year_without_records_shows_zeros(qtbot: QtBot, demo_services: Services) -> None:
    page = open_dashboard(qtbot, demo_services)
    page.apply_filter({"year": 2023})
    assert wait_for_tasks()
    assert page.year.currentData() == 2023
    assert figure(page, "hall") == "0"
    assert figure(page, "suggestions") == "0"
    assert page.latest_stack.currentIndex() == 1  # "no records in this year"


def expected_follow_up(services: Services, today: date) -> list[int]:
    items = [s.item for s in services.consultations.search_outcome_items().items]
    due = [
        i
        for i in items
        if i.status.is_open and i.deadline is not None and i.deadline <= today + timedelta(days=7)
    ]
    return [i.id for i in sorted(due, key=lambda i: i.deadline or today)]


def test_follow_up_lists_open_items_overdue_or_due_within_a_week_overdue_first(
    qtbot: QtBot, demo_services: Services, clock: FixedClock
) -> None:
    # On 2024-12-31 nothing of the demo year falls due in the next week: only overdue items.
    page = open_dashboard(qtbot, demo_services)
    today = date(2024, 12, 31)
    rows = page.follow_up_model.rows()
    assert [r.item.id for r in rows] == expected_follow_up(demo_services, today)
    assert rows and all(r.item.is_overdue(today) for r in rows)
    assert page.all_overdue.text().endswith(f"({len(rows)})")

    # Earlier in the year some items are due within the week as well.
    clock.set(datetime(2024, 12, 3, 9, 0))
    page.refresh()
    assert wait_for_tasks()
    today = date(2024, 12, 3)
    rows = page.follow_up_model.rows()
    assert [r.item.id for r in rows] == expected_follow_up(demo_services, today)
    overdue = [r.item.is_overdue(today) for r in rows]
    assert True in overdue and False in overdue
    assert overdue == sorted(overdue, reverse=True)  # overdue ones first
    assert all(r.item.status.is_open for r in rows)
    deadlines = [r.item.deadline for r in rows]
    assert deadlines == sorted(deadlines)  # soonest first
    for row, record in enumerate(rows):
        brush = page.follow_up_model.data(
            page.follow_up_model.index(row, 0), Qt.ItemDataRole.ForegroundRole
        )
        if record.item.is_overdue(today):
            assert isinstance(brush, QBrush) and brush.color() == OVERDUE_COLOUR
        else:
            assert brush is None


def test_a_follow_up_row_and_the_overdue_link_open_problem_tracking(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_dashboard(qtbot, demo_services)
    first = page.follow_up_model.rows()[0]
    table = page.follow_up
    with qtbot.waitSignal(page.navigate) as opened:
        double_click(qtbot, table, 0, 2)
    assert opened.args == [
        "outcomes",
        {"text": first.consultation_number, "item_id": first.item.id},
    ]
    table.setFocus()
    table.setCurrentIndex(page.follow_up_model.index(0, 0))
    with qtbot.waitSignal(page.navigate) as entered:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert entered.args == opened.args

    overdue_total = demo_services.consultations.search_outcome_items(
        OutcomeFilter(overdue_on=date(2024, 12, 31))
    ).total
    assert page.all_overdue.text().endswith(f"({overdue_total})")
    with qtbot.waitSignal(page.navigate) as linked:
        qtbot.mouseClick(page.all_overdue, Qt.MouseButton.LeftButton)
    assert linked.args == ["outcomes", {"overdue": True, "group_id": None}]


def test_latest_records_are_the_years_ten_newest_and_open_on_their_page(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_dashboard(qtbot, demo_services)
    rows = page.latest_model.rows()
    newest = demo_services.consultations.search(
        ConsultationFilter(year=2024), PageRequest(order_by="held_on", descending=True)
    ).items
    assert len(rows) == 10
    assert [r.held_on for r in rows] == [c.held_on for c in newest[:10]]
    emitted: list[tuple[str, dict[str, Any]]] = []
    page.navigate.connect(lambda page_id, filters: emitted.append((page_id, filters)))
    for row, record in enumerate(rows[:4]):
        with qtbot.waitSignal(page.navigate) as opened:
            double_click(qtbot, page.latest, row, 2)
        expected = "hall" if record.kind is ConsultationKind.HALL else "micro"
        assert opened.args == [expected, {"text": record.number}]
    assert len(emitted) == 4  # one page opened per double-click


def test_an_empty_database_shows_zeros_and_empty_lists(qtbot: QtBot, services: Services) -> None:
    page = open_dashboard(qtbot, services)
    assert page.year.currentData() == 2024  # this year by the services' clock
    rate = page.cards.pop("solved_rate")
    assert all(card.number.text() == "0" for card in page.cards.values())
    # No rate without suggestions: a dash, and no "0 of 0" under it.
    assert rate.number.text() == "—"
    assert not rate.note.text().strip()
    assert not page.cards["attendance"].note.text().strip()
    assert page.follow_up_stack.currentIndex() == 1
    assert page.latest_stack.currentIndex() == 1
    assert not page.all_overdue.isEnabled()


def test_person_times_split_by_kind_and_match_the_hall_list(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_dashboard(qtbot, demo_services)
    split = demo_services.statistics.attendance_by_kind(2024)
    hall, micro = split[ConsultationKind.HALL], split[ConsultationKind.MICRO]
    stats = demo_services.statistics.year(2024)
    assert hall.total + micro.total == stats.attendance
    note = page.tr("Hall {hall} · micro {micro}")
    assert page.cards["attendance"].note.text() == note.format(hall=hall.total, micro=micro.total)
    assert page.cards["member_attendance"].note.text() == note.format(
        hall=hall.members, micro=micro.members
    )
    # The hall list the card opens sums the same hall attendance in its status bar.
    halls = demo_services.consultations.search(
        ConsultationFilter(year=2024, kind=ConsultationKind.HALL)
    ).items
    assert sum(c.attendance_total for c in halls) == hall.total
    assert sum(c.member_attendance for c in halls) == hall.members


def test_opens_on_the_databases_own_group(qtbot: QtBot, demo_services: Services) -> None:
    groups = demo_services.groups.all()
    own = groups[4]
    demo_services.settings.update({"profile.group_id": own.id})
    page = open_dashboard(qtbot, demo_services)
    assert page.group.currentData() == own.id
    assert page.data is not None and page.data.group_id == own.id
    stats = demo_services.statistics.year(2024, own.id)
    assert figure(page, "hall") == str(stats.hall_sessions)
    # The user can still look at the whole district, and it stays so on refresh.
    page.group.setCurrentIndex(page.group.findData(None))
    assert wait_for_tasks()
    assert page.data.group_id is None
    assert figure(page, "hall") == str(demo_services.statistics.year(2024).hall_sessions)
    page.refresh()
    assert wait_for_tasks()
    assert page.group.currentData() is None and page.data.group_id is None
    page.apply_filter({"year": 2024})  # no group given: the group shown stays
    assert wait_for_tasks()
    assert page.data.group_id is None


def test_without_an_own_group_it_opens_on_all_groups(qtbot: QtBot, demo_services: Services) -> None:
    page = open_dashboard(qtbot, demo_services)
    assert page.group.currentData() is None
    assert page.data is not None and page.data.group_id is None


def test_the_window_painted_before_its_database_is_open_keeps_its_layout_when_figures_arrive(
    qtbot: QtBot, demo_db: Path
) -> None:
    """At start-up 工作台 is painted before the database is open (issue 16): blank figures, a
    count not yet known shown as "–" (not 0), and nothing moves when the figures arrive."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QTableView, QWidget

    from liaison_desk.app import opening_services
    from liaison_desk.ui.main_window import MainWindow

    services = opening_services(f"sqlite:///{demo_db}")
    window = MainWindow(services, str(demo_db), None, offer_drafts_on_show=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    page = window.current_page()
    assert isinstance(page, DashboardPage)

    def places() -> dict[str, QRect]:
        widgets: dict[str, QWidget] = dict(page.cards)
        widgets |= {f"table {i}": t for i, t in enumerate(page.findChildren(QTableView))}
        return {k: QRect(w.mapTo(page, QPoint(0, 0)), w.size()) for k, w in widgets.items()}

    window.show()
    qtbot.waitExposed(window)
    assert not services.is_open or page.data is None
    before = places()
    assert {c.number.text() for c in page.cards.values()} == {"–"}
    assert "–" in page.all_overdue.text() and "0" not in page.all_overdue.text()
    assert page.loading.isVisible()

    qtbot.waitUntil(lambda: services.is_open and page.data is not None, timeout=20_000)
    assert wait_for_tasks()
    qtbot.wait(50)  # the layout's deferred pass
    assert page.cards["hall"].number.text() != "–"
    assert places() == before
    window.close()
    wait_for_tasks()
    services.ctx.db.close()
