"""问题跟踪: the list shows the outcome items the service finds, its filters narrow it as the
service does, overdue items are red with how late they are, and other pages link into it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import LiaisonGroup, OutcomeItem
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus
from liaison_desk.domain.queries import OutcomeFilter, OutcomeItemSummary
from liaison_desk.services import Services
from liaison_desk.ui.i18n import install_language
from liaison_desk.ui.pages.base import Detail, DetailPane, load_thumbnails
from liaison_desk.ui.pages.outcomes import OutcomesPage
from liaison_desk.ui.table import MUTED_COLOUR, OVERDUE_COLOUR, pinyin_key
from liaison_desk.ui.tasks import wait_for_tasks

if TYPE_CHECKING:  # the clock fixture's type (conftest is not a package module)
    from conftest import FixedClock

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
    assert page.model.rowCount() == found.total == 423
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
