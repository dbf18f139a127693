"""问题跟踪: the list shows the outcome items the service finds, its filters narrow it as the
service does, overdue items are red with how late they are, and other pages link into it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import LiaisonGroup, OutcomeItem
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus, Satisfaction
from liaison_desk.domain.queries import OutcomeFilter, OutcomeItemSummary
from liaison_desk.domain.rules import LockedError, ValidationError
from liaison_desk.services import Services
from liaison_desk.ui import follow_up_dialogs
from liaison_desk.ui.follow_up_dialogs import Revisit, StatusChange
from liaison_desk.ui.i18n import install_language
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.pages import outcomes as outcomes_module
from liaison_desk.ui.pages.base import Detail, DetailPane
from liaison_desk.ui.pages.outcomes import OutcomesPage
from liaison_desk.ui.table import MUTED_COLOUR, OVERDUE_COLOUR, pinyin_key
from liaison_desk.ui.tasks import wait_for_tasks
from liaison_desk.ui.thumbnails import load_thumbnails

if TYPE_CHECKING:  # the clock fixture's type (conftest is not a package module)
    from clock import FixedClock

TODAY = date(2024, 12, 31)


def open_page(qtbot: QtBot, services: Services) -> OutcomesPage:
    page = OutcomesPage(services)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activate()
    assert wait_for_tasks()
    assert not page.is_busy()
    return page


def shown_ids(page: OutcomesPage) -> set[int]:
    return {r.item.id for r in page.model.rows()}


def service_ids(services: Services, f: OutcomeFilter) -> set[int]:
    return {s.item.id for s in services.consultations.search_outcome_items(f).items}


def select_data(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    assert wait_for_tasks()


def test_the_year_opens_with_every_item_the_service_finds(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    found = demo_services.consultations.search_outcome_items(OutcomeFilter(year=2024))
    assert page.year.currentData() == 2024
    assert page.model.total_rows() == found.total == 423
    while page.model.canFetchMore():  # scrolled to the end: the rest, a page at a time
        page.model.fetchMore()
        assert wait_for_tasks()
    assert shown_ids(page) == {s.item.id for s in found.items}
    overdue = sum(1 for s in found.items if s.item.is_overdue(TODAY))
    assert str(found.total) in page.status_text() and str(overdue) in page.status_text()
    # Newest meetings first.
    dates = [r.held_on for r in page.model.rows()]
    assert dates == sorted(dates, reverse=True)


def test_columns_show_the_item_and_its_consultation(qtbot: QtBot, demo_services: Services) -> None:
    page = open_page(qtbot, demo_services)
    model = page.model
    row = next(i for i, r in enumerate(model.rows()) if r.item.revisit_on and r.item.satisfaction)
    record = model.rows()[row]

    def cell(key: str) -> str:
        return model.data(model.index(row, model.column_index(key)))

    assert cell("number") == record.consultation_number
    assert cell("content") == record.item.content
    assert cell("responsible_body") == record.item.responsible_body
    assert cell("status") == record.item.status.label
    assert cell("revisit_on") == record.item.revisit_on.isoformat()
    assert cell("satisfaction") == record.item.satisfaction.label
    assert cell("kind") == record.consultation_kind.label
    assert cell("group") == record.group_name


@pytest.mark.parametrize("status", list(OutcomeStatus))
def test_the_status_filter_narrows_as_the_service_does(
    qtbot: QtBot, demo_services: Services, status: OutcomeStatus
) -> None:
    page = open_page(qtbot, demo_services)
    select_data(page.status, status.value)
    expected = service_ids(demo_services, OutcomeFilter(year=2024, status=status))
    assert shown_ids(page) == expected
    assert all(r.item.status is status for r in page.model.rows())


def test_open_only_keeps_what_is_still_being_worked_on(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    select_data(page.status, "open")
    assert shown_ids(page) == service_ids(demo_services, OutcomeFilter(year=2024, open_only=True))
    assert {r.item.status for r in page.model.rows()} == {
        OutcomeStatus.PENDING,
        OutcomeStatus.IN_PROGRESS,
    }


def test_overdue_items_are_red_with_how_late_they_are(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    select_data(page.due, "overdue")
    expected = service_ids(demo_services, OutcomeFilter(year=2024, overdue_on=TODAY))
    assert shown_ids(page) == expected and len(expected) == 11
    model = page.model
    for row, record in enumerate(model.rows()):
        assert record.item.is_overdue(TODAY)
        brush = model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
        assert isinstance(brush, QBrush) and brush.color() == OVERDUE_COLOUR
        late = (TODAY - record.item.deadline).days
        tip = model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
        assert str(late) in tip and record.item.content in tip


def test_only_open_items_past_their_deadline_are_red_and_not_adopted_ones_grey(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    model = page.model
    seen_muted = False
    for row, record in enumerate(model.rows()):
        brush = model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
        if record.item.is_overdue(TODAY):
            assert brush.color() == OVERDUE_COLOUR
        elif record.item.status is OutcomeStatus.NOT_ADOPTED:
            assert brush.color() == MUTED_COLOUR
            seen_muted = True
        else:
            assert brush is None
    assert seen_muted


@pytest.mark.parametrize("days", [7, 30])
def test_due_within_shows_open_items_due_from_today(
    qtbot: QtBot, demo_services: Services, clock: FixedClock, days: int
) -> None:
    # A day a few days before an open item falls due.
    deadlines = sorted(
        s.item.deadline
        for s in demo_services.consultations.search_outcome_items(
            OutcomeFilter(year=2024, open_only=True)
        ).items
        if s.item.deadline is not None and s.item.deadline < TODAY
    )
    today = deadlines[-1] - timedelta(days=3)
    clock.set(datetime.combine(today, datetime.min.time()).replace(hour=9))
    page = open_page(qtbot, demo_services)
    select_data(page.due, days)
    items = [
        s.item
        for s in demo_services.consultations.search_outcome_items(
            OutcomeFilter(year=2024, open_only=True, due_before=today + timedelta(days=days))
        ).items
    ]
    expected = {i.id for i in items if i.deadline is not None and i.deadline >= today}
    assert expected
    assert shown_ids(page) == expected
    for r in page.model.rows():
        assert r.item.status.is_open
        assert r.item.deadline is not None and today <= r.item.deadline <= today + timedelta(days)


def test_the_body_filter_offers_the_bodies_and_narrows_to_them(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    bodies = [page.body.itemText(i) for i in range(page.body.count())]
    assert bodies == sorted(demo_services.consultations.responsible_bodies(), key=pinyin_key)
    page.body.setEditText("区住建局")
    assert page.is_busy()  # typing waits a moment before the list reloads
    qtbot.waitUntil(lambda: not page.is_busy())
    expected = service_ids(demo_services, OutcomeFilter(year=2024, responsible_body="区住建局"))
    assert expected and shown_ids(page) == expected
    assert all("区住建局" in r.item.responsible_body for r in page.model.rows())


def test_filters_combine_with_the_group_and_the_search_box(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    group = demo_services.groups.all()[0]
    select_data(page.group, group.id)
    select_data(page.status, OutcomeStatus.SOLVED.value)
    assert shown_ids(page) == service_ids(
        demo_services, OutcomeFilter(year=2024, group_id=group.id, status=OutcomeStatus.SOLVED)
    )
    number = page.model.rows()[0].consultation_number
    page.search.setText(number)
    page.reload()
    assert wait_for_tasks()
    assert shown_ids(page) == service_ids(
        demo_services,
        OutcomeFilter(year=2024, group_id=group.id, status=OutcomeStatus.SOLVED, text=number),
    )
    assert {r.consultation_number for r in page.model.rows()} == {number}


def test_apply_filter_sets_the_bar_and_shows_the_matching_items(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    group = demo_services.groups.all()[2]
    page.apply_filter({"year": 2024, "group_id": group.id, "status": OutcomeStatus.SOLVED})
    assert wait_for_tasks()
    assert page.group.currentData() == group.id
    assert page.status.currentData() == OutcomeStatus.SOLVED.value
    assert shown_ids(page) == service_ids(
        demo_services, OutcomeFilter(year=2024, group_id=group.id, status=OutcomeStatus.SOLVED)
    )

    # Keys left out no longer restrict: the dashboard's "all overdue" link.
    page.apply_filter({"overdue": True, "group_id": None})
    assert wait_for_tasks()
    assert page.year.currentData() is None and page.status.currentData() is None
    assert shown_ids(page) == service_ids(demo_services, OutcomeFilter(overdue_on=TODAY))

    page.apply_filter({"open_only": True, "responsible_body": "区教育局", "due_within_days": 400})
    assert wait_for_tasks()
    assert page.status.currentData() == "open" and page.due.currentData() == 400
    expected = {
        s.item.id
        for s in demo_services.consultations.search_outcome_items(
            OutcomeFilter(
                open_only=True,
                responsible_body="区教育局",
                due_before=TODAY + timedelta(days=400),
            )
        ).items
        if s.item.deadline and s.item.deadline >= TODAY
    }
    assert expected and shown_ids(page) == expected


def test_a_link_to_one_item_lands_on_it_with_its_detail(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    target: OutcomeItemSummary = [
        s
        for s in demo_services.consultations.search_outcome_items(
            OutcomeFilter(overdue_on=TODAY)
        ).items
    ][-1]
    page.apply_filter({"text": target.consultation_number, "item_id": target.item.id})
    assert wait_for_tasks()
    assert page.search.text() == target.consultation_number
    current = page.current_record()
    assert current is not None and current.item.id == target.item.id
    consultation = demo_services.consultations.get(target.consultation_id)
    assert consultation is not None
    shown = page.detail.text.toPlainText()
    for text in (
        target.item.content,
        target.item.responsible_body,
        target.consultation_number,
        consultation.title,
        consultation.venue,
        consultation.host,
        str((TODAY - target.item.deadline).days),
    ):
        assert text in shown, text


def test_the_detail_shows_the_revisit(qtbot: QtBot, demo_services: Services) -> None:
    page = open_page(qtbot, demo_services)
    row = next(i for i, r in enumerate(page.model.rows()) if r.item.revisit_note)
    record = page.model.rows()[row]
    page.table.selectRow(row)
    assert wait_for_tasks()
    shown = page.detail.text.toPlainText()
    assert record.item.revisit_note in shown
    assert record.item.revisit_on.isoformat() in shown
    assert record.item.satisfaction is not None and record.item.satisfaction.label in shown


def test_enter_opens_the_items_consultation_on_its_page(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    for kind, page_id in ((ConsultationKind.HALL, "hall"), (ConsultationKind.MICRO, "micro")):
        row = next(i for i, r in enumerate(page.model.rows()) if r.consultation_kind is kind)
        record = page.model.rows()[row]
        page.table.setFocus()
        page.table.setCurrentIndex(page.model.index(row, 0))
        with qtbot.waitSignal(page.navigate) as opened:
            qtbot.keyClick(page.table, Qt.Key.Key_Return)
        assert opened.args == [page_id, {"text": record.consultation_number}]


def test_new_bodies_and_groups_appear_after_a_refresh(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    assert page.body.findText("区气象局") < 0
    groups_before = page.group.count()
    group = demo_services.groups.save(LiaisonGroup(name="测试联络组", town="测试镇"))
    c = demo_services.consultations.new(ConsultationKind.MICRO, group.id)
    c.title, c.held_on, c.venue = "防汛预警", date(2024, 12, 30), "测试驿站"
    c.outcome_items = [OutcomeItem(content="增设气象预警屏", responsible_body="区气象局")]
    demo_services.consultations.save(c)
    page.refresh()
    assert wait_for_tasks()
    assert page.body.findText("区气象局") >= 0
    assert page.group.count() == groups_before + 1
    assert "增设气象预警屏" in {r.item.content for r in page.model.rows()}


def test_the_body_choices_are_in_pinyin_order(qtbot: QtBot, demo_services: Services) -> None:
    page = open_page(qtbot, demo_services)
    bodies = [page.body.itemText(i) for i in range(page.body.count())]
    assert sorted(bodies) == sorted(demo_services.consultations.responsible_bodies())
    assert bodies == sorted(bodies, key=pinyin_key)
    # Pinyin, not character code: ai 爱, ba 八, dong 东, qu 区, zhi 织.
    firsts = [b[0] for b in bodies if b[0] in "爱八东区织"]
    assert firsts == sorted(firsts, key="爱八东区织".index)
    assert set(firsts) == set("爱八东区织")


def all_visible_inside(page: OutcomesPage) -> None:
    """Every filter widget, the search box and the print button lie wholly inside the page."""
    widgets = [*page._filter_boxes, page.search, page.print_button]
    for widget in widgets:
        assert widget.isVisible()
        rect = widget.rect().translated(widget.mapTo(page, widget.rect().topLeft()))
        assert page.rect().contains(rect), (widget, rect, page.rect())
        assert widget.width() >= widget.minimumSizeHint().width()
    for combo in (page.year, page.group, page.status, page.due):
        text_width = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        assert combo.width() > text_width  # the choices are not cut ("全部责…")


@pytest.mark.parametrize(("width", "rows"), [(1400, 1), (1024, 2), (800, 2)])
def test_the_filter_bar_fits_the_page(
    qtbot: QtBot, demo_services: Services, width: int, rows: int
) -> None:
    install_language("zh_CN")  # the conftest goes back to the source language afterwards
    page = OutcomesPage(demo_services)
    qtbot.addWidget(page)
    page.resize(width - 130, 700)  # beside the main window's navigation list
    page.show()
    page.activate()
    assert wait_for_tasks()
    qtbot.wait(10)
    all_visible_inside(page)
    assert _rows_of(page) == rows
    page.resize(1400, 700)  # wider again: back on one row
    qtbot.wait(10)
    all_visible_inside(page)
    assert _rows_of(page) == 1


def _rows_of(page: OutcomesPage) -> int:
    """How many rows the year filter and the search box take (a pixel or two apart is one row:
    combo boxes and line edits differ a little in height)."""
    centres = [w.mapTo(page, w.rect().center()).y() for w in (page.year, page.search)]
    return 1 if abs(centres[0] - centres[1]) < page.year.height() // 2 else 2


# --- follow-up of several items at once ---------------------------------------------------------


class Asked:
    """Stands in for the follow-up dialogs and the error box: records what was asked and
    answers as told."""

    def __init__(self) -> None:
        self.status_change: StatusChange | None = None
        self.revisit: Revisit | None = None
        self.asked: list[tuple[str, int, OutcomeStatus | None]] = []
        self.errors: list[BaseException] = []

    def ask_status_change(
        self, _parent: object, count: int, today: date, status: OutcomeStatus | None = None
    ) -> StatusChange | None:
        assert today == TODAY  # the services' day, not the PC's
        self.asked.append(("status", count, status))
        return self.status_change

    def ask_revisit(self, _parent: object, count: int, today: date) -> Revisit | None:
        assert today == TODAY
        self.asked.append(("revisit", count, None))
        return self.revisit

    def show_error(self, _parent: object, exc: BaseException, _title: str | None = None) -> None:
        self.errors.append(exc)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    given = Asked()
    monkeypatch.setattr(follow_up_dialogs, "ask_status_change", given.ask_status_change)
    monkeypatch.setattr(follow_up_dialogs, "ask_revisit", given.ask_revisit)
    monkeypatch.setattr(outcomes_module, "show_error", given.show_error)
    return given


def all_items(services: Services) -> dict[int, OutcomeItem]:
    return {
        s.item.id: s.item
        for s in services.consultations.search_outcome_items().items
        if s.item.id is not None
    }


def select_rows(page: OutcomesPage, rows: list[int]) -> None:
    """Click the first row and Ctrl+click the others, as a user picks several items."""
    table = page.table
    for n, row in enumerate(rows):
        index = page.model.index(row, 0)
        table.scrollTo(index)
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot_click(table, table.visualRect(index).center(), modifier)
    assert wait_for_tasks()


def qtbot_click(table: Any, pos: Any, modifier: Qt.KeyboardModifier) -> None:
    from PySide6.QtTest import QTest

    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def open_rows_of_unlocked(page: OutcomesPage, services: Services, count: int) -> list[int]:
    rows: list[int] = []
    for i, r in enumerate(page.model.rows()):
        c = services.consultations.get(r.consultation_id)
        if r.item.status.is_open and c is not None and not c.is_locked:
            rows.append(i)
            if len(rows) == count:
                return rows
    raise AssertionError("not enough open items")


def test_bulk_status_changes_exactly_the_selected_items(
    qtbot: QtBot, demo_services: Services, asked: Asked
) -> None:
    page = open_page(qtbot, demo_services)
    assert not page.status_button.isEnabled() or page.selected_records()
    before = all_items(demo_services)
    rows = open_rows_of_unlocked(page, demo_services, 4)
    select_rows(page, rows)
    chosen = {page.model.rows()[i].item.id for i in rows}
    assert {r.item.id for r in page.selected_records()} == chosen
    assert page.status_button.isEnabled() and "4" in page.selection_label.text()
    asked.status_change = StatusChange(OutcomeStatus.SOLVED, resolved_on=date(2024, 12, 30))

    with qtbot.waitSignal(page.data_changed):  # the dashboard and other pages reload
        page.status_actions[OutcomeStatus.SOLVED].trigger()
        assert wait_for_tasks()
    assert wait_for_tasks()

    assert asked.asked == [("status", 4, OutcomeStatus.SOLVED)]
    assert asked.errors == []
    after = all_items(demo_services)
    for item_id, item in after.items():
        if item_id in chosen:
            assert item.status is OutcomeStatus.SOLVED
            assert item.resolved_on == date(2024, 12, 30)
        else:
            assert item == before[item_id]
    # The list shows the new status, keeps the same items selected and says what was done.
    shown = {r.item.id: r.item for r in page.model.rows()}
    assert all(shown[i].status is OutcomeStatus.SOLVED for i in chosen)
    assert {r.item.id for r in page.selected_records()} == chosen
    assert "4" in page.status_text() and "已解决" in page.status_text()


def test_cancelling_the_dialog_changes_nothing(
    qtbot: QtBot, demo_services: Services, asked: Asked
) -> None:
    page = open_page(qtbot, demo_services)
    before = all_items(demo_services)
    select_rows(page, open_rows_of_unlocked(page, demo_services, 2))
    asked.status_change = None
    page.change_status(OutcomeStatus.IN_PROGRESS)
    asked.revisit = None
    page.record_revisit()
    assert wait_for_tasks()
    assert [a[0] for a in asked.asked] == ["status", "revisit"]
    assert all_items(demo_services) == before


def test_unsolved_without_a_reason_is_refused_and_nothing_changes(
    qtbot: QtBot, demo_services: Services, asked: Asked
) -> None:
    page = open_page(qtbot, demo_services)
    before = all_items(demo_services)
    rows = [
        i
        for i in open_rows_of_unlocked(page, demo_services, 6)
        if not page.model.rows()[i].item.unsolved_reason
    ][:3]
    select_rows(page, rows)
    # The dialog would not let this through; the service refuses it all the same.
    asked.status_change = StatusChange(OutcomeStatus.UNSOLVED)
    page.change_status(OutcomeStatus.UNSOLVED)
    assert wait_for_tasks()
    assert len(asked.errors) == 1 and isinstance(asked.errors[0], ValidationError)
    assert "原因" in str(asked.errors[0])
    assert all_items(demo_services) == before
    assert page.status_button.isEnabled()  # ready for the next try


def test_a_locked_consultations_item_refuses_with_a_clear_message(
    qtbot: QtBot, demo_services: Services, asked: Asked
) -> None:
    page = open_page(qtbot, demo_services)
    rows = open_rows_of_unlocked(page, demo_services, 3)
    locked = page.model.rows()[rows[1]]
    demo_services.consultations.archive(locked.consultation_id)
    before = all_items(demo_services)
    select_rows(page, rows)
    asked.status_change = StatusChange(OutcomeStatus.IN_PROGRESS)
    page.change_status()
    assert wait_for_tasks()
    asked.revisit = Revisit(on=TODAY, note="回访", satisfaction=Satisfaction.SATISFIED)
    page.record_revisit()
    assert wait_for_tasks()
    assert len(asked.errors) == 2
    for error in asked.errors:
        assert isinstance(error, LockedError)
        assert locked.consultation_number in str(error) and "解锁" in str(error)
    assert all_items(demo_services) == before


def test_a_revisit_is_recorded_for_the_selected_items(
    qtbot: QtBot, demo_services: Services, asked: Asked
) -> None:
    page = open_page(qtbot, demo_services)
    before = all_items(demo_services)
    rows = open_rows_of_unlocked(page, demo_services, 3)
    select_rows(page, rows)
    chosen = {page.model.rows()[i].item.id for i in rows}
    asked.revisit = Revisit(
        on=date(2024, 12, 29), note="路灯已全部修复", satisfaction=Satisfaction.SATISFIED
    )
    with qtbot.waitSignal(page.data_changed):
        page.revisit_button.click()
        assert wait_for_tasks()
    assert wait_for_tasks()
    assert asked.asked == [("revisit", 3, None)]
    after = all_items(demo_services)
    for item_id, item in after.items():
        if item_id in chosen:
            assert (item.revisit_on, item.revisit_note, item.satisfaction) == (
                date(2024, 12, 29),
                "路灯已全部修复",
                Satisfaction.SATISFIED,
            )
        else:
            assert item == before[item_id]
    model = page.model
    for row, r in enumerate(model.rows()):
        if r.item.id in chosen:
            cell = model.data(model.index(row, model.column_index("satisfaction")))
            assert cell == "满意"


def next_tab_stop(widget: Any) -> Any:
    """Where Tab goes from ``widget``: the next widget in the focus chain that takes focus."""
    nxt = widget.nextInFocusChain()
    while nxt is not widget and not (
        nxt.focusPolicy() & Qt.FocusPolicy.TabFocus and nxt.isVisible() and nxt.isEnabled()
    ):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_follow_up_is_reachable_by_keyboard_and_context_menu(
    qtbot: QtBot, demo_services: Services
) -> None:
    page = open_page(qtbot, demo_services)
    assert page.table.selectionMode() is QAbstractItemView.SelectionMode.ExtendedSelection
    # Mnemonics (Alt+T, Alt+V) and the Tab order: filter bar, these buttons, the list.
    assert "&t" in page.status_button.text().lower()
    assert "&v" in page.revisit_button.text().lower()
    assert next_tab_stop(page.print_button) is page.status_button
    assert next_tab_stop(page.status_button) is page.revisit_button
    assert next_tab_stop(page.revisit_button) is page.table
    # Ctrl+A selects every item; the context menu offers every status and the revisit.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_records()) == page.model.rowCount()
    menu = page.context_menu()
    texts = [a.text() for a in menu.actions()]
    assert page.revisit_action in menu.actions()
    status_menu = menu.actions()[0].menu()
    assert status_menu is not None and status_menu.isEnabled()
    assert [a.text().rstrip("…") for a in status_menu.actions()] == [
        st.label for st in OutcomeStatus
    ]
    assert any("Open" in t for t in texts)
    menu.deleteLater()
    # Nothing selected: nothing to do.
    page.table.clearSelection()
    assert not page.status_button.isEnabled() and not page.revisit_button.isEnabled()


def test_overdue_deadlines_say_how_late_and_the_dashboard_counts_follow_a_change(
    qtbot: QtBot, demo_services: Services, asked: Asked
) -> None:
    window = MainWindow(demo_services, "测试.sqlite")
    qtbot.addWidget(window)
    window.show()
    window.show_page("dashboard")
    assert wait_for_tasks()
    dashboard = window.pages["dashboard"]
    overdue_before = int(dashboard.cards["overdue"].number.text())
    assert overdue_before == 11

    window.show_page("outcomes", {"year": 2024, "overdue": True})
    assert wait_for_tasks()
    page = window.pages["outcomes"]
    assert isinstance(page, OutcomesPage)
    model = page.model
    for row, r in enumerate(model.rows()):
        late = (TODAY - r.item.deadline).days
        cell = model.data(model.index(row, model.column_index("deadline")))
        assert r.item.deadline.isoformat() in cell and str(late) in cell
    rows = open_rows_of_unlocked(page, demo_services, 2)
    select_rows(page, rows)
    asked.status_change = StatusChange(OutcomeStatus.SOLVED)
    page.change_status(OutcomeStatus.SOLVED)
    assert wait_for_tasks()
    assert asked.errors == []
    assert page.model.rowCount() == overdue_before - 2  # solved ones are no longer overdue

    window.show_page("dashboard")
    assert wait_for_tasks()
    assert int(dashboard.cards["overdue"].number.text()) == overdue_before - 2


# --- the detail pane's photos (shared by the pages that show them) -----------------------------


def test_a_missing_photo_file_says_so_and_where_the_files_belong(
    qtbot: QtBot, demo_services: Services
) -> None:
    photos = load_thumbnails(demo_services, [("0" * 64, "协商现场")])
    assert len(photos) == 1
    image, caption = photos[0]
    assert caption == "协商现场"
    assert not image.isNull()
    folder = demo_services.attachments.store.root.name
    assert folder.endswith("-附件")
    tooltip = image.text("tooltip")
    assert "协商现场" in tooltip and f"“{folder}”" in tooltip and "missing" in tooltip
    # Something is written on the tile: not every pixel is the grey background.
    grey = image.pixel(0, 0)
    assert any(
        image.pixel(x, y) != grey for x in range(image.width()) for y in range(image.height())
    )
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_detail(Detail("<p>x</p>", photos))
    assert pane.photos.count() == 1
    assert pane.photos.item(0).toolTip() == tooltip
    assert pane.photos.item(0).text() == "协商现场"


def test_select_all_changes_every_item_of_a_list_fetched_in_pages(
    qtbot: QtBot, demo_services: Services, asked: Asked, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+A over a list holding only its first page: the follow-up is for every item the
    list holds, not just those scrolled to."""
    monkeypatch.setattr(OutcomesPage, "page_size", 20)
    page = open_page(qtbot, demo_services)
    total = page.model.total_rows()
    assert page.model.rowCount() < total
    page.table.setFocus()
    page.table.selectAll()
    asked.status_change = None  # cancelled: only the count asked about matters
    page.change_status(OutcomeStatus.IN_PROGRESS)
    assert asked.asked == [("status", total, OutcomeStatus.IN_PROGRESS)]
