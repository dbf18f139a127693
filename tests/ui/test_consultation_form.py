"""The consultation form inside the 民生议事堂 and 微协商 pages: what is typed is what is stored and
what comes back; problems show next to their fields before anything is saved; unsaved changes
are asked about on 返回列表, on switching pages and on closing the window; drafts come back after
a crash; archived records are read-only until unlocked with a reason; printing and signed
sheets go to the right services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from helpers import type_into
from liaison_desk.documents.sheets import SheetKind
from liaison_desk.domain.entities import (
    Consultation,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Person,
)
from liaison_desk.domain.enums import (
    AuditAction,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
    Satisfaction,
    TopicSource,
)
from liaison_desk.domain.serialization import to_data
from liaison_desk.services import Services
from liaison_desk.services.scans import WrongSheetError
from liaison_desk.ui import consultation_form as form_module
from liaison_desk.ui import messages, printing
from liaison_desk.ui.consultation_form import ConsultationForm
from liaison_desk.ui.drafts_dialog import DraftsDialog
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.pages import consultations as page_module
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.tasks import wait_for_tasks

HALL, MICRO = ConsultationKind.HALL, ConsultationKind.MICRO
Save, Discard, Cancel = (
    QMessageBox.StandardButton.Save,
    QMessageBox.StandardButton.Discard,
    QMessageBox.StandardButton.Cancel,
)


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a test fail with a form still unsaved, closing its window must not wait for an
    answer: Discard unless the test answers itself."""
    from PySide6.QtWidgets import QMessageBox

    from liaison_desk.ui.consultation_form import ConsultationForm
    from liaison_desk.ui.main_window import MainWindow

    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(MainWindow, "ask_about_unsaved", lambda self, pages: discard)
    monkeypatch.setattr(ConsultationForm, "ask_save_changes", lambda self: discard)


@pytest.fixture
def open_page(
    qtbot: QtBot, services: Services, group: LiaisonGroup
) -> Callable[[ConsultationKind], ConsultationsPage]:
    def make(kind: ConsultationKind) -> ConsultationsPage:
        page = ConsultationsPage(services, kind)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        page.activate()
        assert wait_for_tasks()
        return page

    return make


@pytest.fixture
def answer_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Message boxes of ``messages`` answered with their accept button (the first one)."""
    asked: list[str] = []

    def accept(box: QMessageBox) -> None:
        asked.append(box.text())
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
                button.click()
                return

    monkeypatch.setattr(messages, "_dialog_override", accept)
    yield asked


def new_form(page: ConsultationsPage) -> ConsultationForm:
    assert page.new_record()
    assert wait_for_tasks()
    assert page.form_shown()
    return page.form


def fill_every_field(qtbot: QtBot, form: ConsultationForm, roster: list[Person]) -> None:
    """Every field of the form, through its widgets."""
    f = form.facts
    type_into(qtbot, f.title, "织里镇童装产业园区停车难协商")
    f.topic_source.setCurrentIndex(f.topic_source.findData(TopicSource.GRASSROOTS.value))
    type_into(qtbot, f.held_on.line, "2024年5月6日")
    type_into(qtbot, f.start_time, "9点30")
    type_into(qtbot, f.end_time, "11:45")
    type_into(qtbot, f.venue, "织里镇民生议事堂")
    type_into(qtbot, f.host, "沈建华")
    type_into(qtbot, f.recorder, "李晓燕")
    f.status.setCurrentIndex(f.status.findData(ConsultationStatus.COMPLETED.value))
    p = form.participants
    p.add_people(roster)
    p.people.add_row(
        {
            "name": "王小明",
            "category": ParticipantCategory.RESIDENT,
            "unit": "织里镇秧宝村",
            "title": "村民",
            "attended": False,
            "absence_reason": "外出务工",
        },
        edit=False,
    )
    p.counts.add_row({"category": ParticipantCategory.RESIDENT, "count": 12}, edit=False)
    form.agenda.table.add_row({"text": "通报园区停车现状"}, edit=False)
    form.agenda.table.add_row({"text": "委员和群众代表发言"}, edit=False)
    form.speeches.table.add_row(
        {"speaker": "沈建华", "capacity": "政协委员", "content": "建议利用闲置地块\n建临时停车场"},
        edit=False,
    )
    form.texts.minutes.setPlainText("会议由沈建华主持。\n与会人员逐一发言。")
    form.texts.consensus.setPlainText("三条共识：建停车场、错峰停车、加强管理。")
    steps = form.checklist.table
    steps.set_value(0, "done", True)
    steps.set_value(0, "done_on", "2024-04-20")
    steps.set_value(0, "note", "收到群众反映12条")
    o = form.outcomes
    o.add_item()
    o.content.setPlainText("利用闲置地块建临时停车场")
    type_into(qtbot, o.body, "织里镇城管办")
    type_into(qtbot, o.person, "张强")
    type_into(qtbot, o.deadline.line, "2024-08-31")
    o.on_spot.setChecked(False)
    o.adopted.setChecked(True)
    o.status.setCurrentIndex(o.status.findData(OutcomeStatus.SOLVED.value))
    type_into(qtbot, o.resolved_on.line, "2024-08-20")
    type_into(qtbot, o.revisit_on.line, "2024-09-10")
    type_into(qtbot, o.revisit_note, "停车场已投用")
    o.satisfaction.setCurrentIndex(o.satisfaction.findData(Satisfaction.SATISFIED.value))


def check_every_field(c: Consultation, roster: list[Person], group: LiaisonGroup) -> None:
    assert c.title == "织里镇童装产业园区停车难协商"
    assert c.topic_source is TopicSource.GRASSROOTS
    assert c.held_on == date(2024, 5, 6)
    assert (c.start_time, c.end_time) == (time(9, 30), time(11, 45))
    assert c.venue == "织里镇民生议事堂"
    assert c.group_id == group.id
    assert (c.host, c.recorder) == ("沈建华", "李晓燕")
    assert c.status is ConsultationStatus.COMPLETED
    assert c.number.startswith("织里-2024-")
    assert [(x.name, x.person_id, x.attended) for x in c.participants] == [
        *[(r.name, r.id, True) for r in roster],
        ("王小明", None, False),
    ]
    assert c.participants[-1] == Participant(
        name="王小明",
        category=ParticipantCategory.RESIDENT,
        unit="织里镇秧宝村",
        title="村民",
        attended=False,
        absence_reason="外出务工",
    )
    assert [(h.category, h.count) for h in c.head_counts] == [(ParticipantCategory.RESIDENT, 12)]
    assert c.attendance_total == len(roster) + 12
    assert c.agenda == ["通报园区停车现状", "委员和群众代表发言"]
    assert [(s.speaker, s.capacity, s.content) for s in c.speeches] == [
        ("沈建华", "政协委员", "建议利用闲置地块\n建临时停车场")
    ]
    assert c.minutes == "会议由沈建华主持。\n与会人员逐一发言。"
    assert c.consensus == "三条共识：建停车场、错峰停车、加强管理。"
    first = c.checklist[0]
    assert (first.done, first.done_on, first.note) == (True, date(2024, 4, 20), "收到群众反映12条")
    assert not any(step.done for step in c.checklist[1:])
    [item] = c.outcome_items
    assert (item.content, item.responsible_body, item.responsible_person) == (
        "利用闲置地块建临时停车场",
        "织里镇城管办",
        "张强",
    )
    assert item.deadline == date(2024, 8, 31)
    assert (item.solved_on_spot, item.adopted, item.status) == (False, True, OutcomeStatus.SOLVED)
    assert (item.resolved_on, item.revisit_on) == (date(2024, 8, 20), date(2024, 9, 10))
    assert (item.revisit_note, item.satisfaction) == ("停车场已投用", Satisfaction.SATISFIED)


@pytest.fixture
def roster(services: Services, group: LiaisonGroup) -> list[Person]:
    return [
        services.people.save(
            Person(name=name, category=category, group_id=group.id, unit=unit, title=title)
        )
        for name, category, unit, title in [
            ("沈建华", ParticipantCategory.MEMBER, "织里镇商会", "会长"),
            ("陆美琴", ParticipantCategory.TOWN_LEADER, "织里镇人民政府", "副镇长"),
        ]
    ]


@pytest.mark.parametrize("kind", [HALL, MICRO])
def test_every_field_entered_is_stored_and_comes_back_when_reopened(
    qtbot: QtBot,
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    services: Services,
    group: LiaisonGroup,
    roster: list[Person],
    kind: ConsultationKind,
) -> None:
    page = open_page(kind)
    form = new_form(page)
    assert form.facts.number.text() == ""  # assigned on the first save
    assert [s["name"] for s in form.checklist.table.rows()] == (
        services.consultations.template(kind).steps
    )
    fill_every_field(qtbot, form, roster)
    assert form.has_unsaved_changes()
    assert "12" in form.participants.totals.text()

    qtbot.keyClick(form.facts.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not form.has_unsaved_changes(), form.general_problem.text()
    assert wait_for_tasks()
    [summary] = services.consultations.search().items
    stored = services.consultations.get(summary.id)
    assert stored is not None and stored.kind is kind
    check_every_field(stored, roster, group)
    assert form.facts.number.text() == stored.number  # shown once assigned
    assert [r.id for r in page.model.rows()] == [stored.id]  # the list reloaded

    # Edit, save, reopen in a fresh page: what the fields show is what is stored.
    type_into(qtbot, form.facts.venue, "织里镇童装园区会议室")
    form.outcomes.table.selectRow(0)
    type_into(qtbot, form.outcomes.person, "李四")
    assert form.save()
    again = services.consultations.get(summary.id)
    assert again is not None
    assert (again.venue, again.outcome_items[0].responsible_person) == (
        "织里镇童装园区会议室",
        "李四",
    )
    assert again.outcome_items[0].uuid == stored.outcome_items[0].uuid  # the same item, edited

    other = ConsultationsPage(services, kind)
    qtbot.addWidget(other)
    other.show()
    other.activate()
    assert wait_for_tasks()
    other.open_record(other.model.rows()[0])
    assert wait_for_tasks()
    shown, unreadable = other.form.consultation()
    assert unreadable == []
    assert to_data(shown) == to_data(again)
    assert not other.form.has_unsaved_changes()


def commit_text(widget: Any, text: str) -> None:
    """Chinese typed as the input method hands it over: one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


# The offscreen platform says so when the completion popup is shown; it is not ours.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_clicking_the_next_field_while_the_completion_list_is_open_moves_there(
    qtbot: QtBot, open_page: Callable[[ConsultationKind], ConsultationsPage]
) -> None:
    page = open_page(MICRO)  # one screen: 责任单位 and 责任人 side by side
    form = new_form(page)
    form.window().activateWindow()
    o = form.outcomes
    o.add_item()
    o.body_completer.model().setStringList(["区住建局", "区住建局城建科"])  # type: ignore[attr-defined]
    o.body.setFocus()
    commit_text(o.body, "区住建局")
    qtbot.waitUntil(lambda: o.body_completer.popup().isVisible())
    # The press arrives where the mouse is, on the window: the popup has the mouse grab.
    window = form.window().windowHandle()
    where = o.person.mapTo(form.window(), o.person.rect().center())
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    assert not o.body_completer.popup().isVisible()
    assert QApplication.focusWidget() is o.person
    commit_text(QApplication.focusWidget(), "王科长")
    assert (o.body.text(), o.person.text()) == ("区住建局", "王科长")


def test_every_problem_is_shown_next_to_its_field_and_nothing_is_saved(
    qtbot: QtBot,
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    services: Services,
) -> None:
    form = new_form(open_page(HALL))
    f = form.facts
    type_into(qtbot, f.held_on.line, "2024-13-45")
    type_into(qtbot, f.start_time, "15:00")
    type_into(qtbot, f.end_time, "14:00")
    form.participants.people.add_row(
        {"name": "王小明", "category": ParticipantCategory.RESIDENT, "attended": False},
        edit=False,
    )
    form.outcomes.add_item()
    form.outcomes.status.setCurrentIndex(
        form.outcomes.status.findData(OutcomeStatus.UNSOLVED.value)
    )

    assert not form.save()

    assert "请填写议题" in f.boxes["title"].problem_text()
    assert "请填写地点" in f.boxes["venue"].problem_text()
    assert "2024-03-05" in f.boxes["held_on"].problem_text()  # how to type a date
    assert "结束时间应晚于开始时间" in f.boxes["end_time"].problem_text()
    assert "王小明缺席，请填写缺席原因" in form.participants.people.problem_text()
    assert "意见建议的内容" in form.outcomes.problem_text()
    assert "未解决的原因" in form.outcomes.item_boxes["unsolved_reason"].problem_text()
    assert services.consultations.search().total == 0
    assert form.tabs.currentIndex() == 0  # the tab of the first problem
    assert form.tabs.tabBar().tabTextColor(form._tab_of[form.outcomes]).name() == "#b3261e"

    type_into(qtbot, f.title, "停车难")
    assert f.boxes["title"].problem_text() == ""  # cleared as the user types


def test_back_to_list_asks_about_unsaved_changes(
    qtbot: QtBot,
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    services: Services,
    new_consultation: Callable[..., Consultation],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = services.consultations.save(new_consultation(title="老旧小区加装电梯"))
    page = open_page(HALL)
    page.open_record(page.model.rows()[0])
    assert wait_for_tasks()
    form = page.form
    assert not form.has_unsaved_changes()
    type_into(qtbot, form.facts.title, "老旧小区加装电梯（二）")
    assert page.has_unsaved_changes()

    answers = [Cancel]
    monkeypatch.setattr(form, "ask_save_changes", lambda: answers.pop(0))
    form.back_button.click()
    assert page.form_shown() and form.facts.title.text() == "老旧小区加装电梯（二）"

    answers.append(Discard)
    qtbot.keyClick(form.facts.title, Qt.Key.Key_Escape)
    assert not page.form_shown()
    assert services.consultations.get(saved.id or 0).title == "老旧小区加装电梯"  # type: ignore[union-attr]

    page.open_record(page.model.rows()[0])
    assert wait_for_tasks()
    type_into(qtbot, form.facts.title, "老旧小区加装电梯（三）")
    answers.append(Save)
    form.back_button.click()
    assert not page.form_shown()
    assert services.consultations.get(saved.id or 0).title == "老旧小区加装电梯（三）"  # type: ignore[union-attr]
    assert wait_for_tasks()
    assert page.model.rows()[0].title == "老旧小区加装电梯（三）"


def make_window(qtbot: QtBot, services: Services, keep: bool = True) -> MainWindow:
    window = MainWindow(services, "测试库")
    if keep:  # closed by qtbot after the test
        qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    assert wait_for_tasks()
    return window


def test_switching_pages_and_closing_the_window_ask_first(
    qtbot: QtBot, services: Services, group: LiaisonGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, services)
    window.show_page("hall")
    page = window.pages["hall"]
    assert isinstance(page, ConsultationsPage)
    form = new_form(page)
    type_into(qtbot, form.facts.title, "停车难")
    type_into(qtbot, form.facts.venue, "织里镇民生议事堂")

    answers = [Cancel]
    monkeypatch.setattr(form, "ask_save_changes", lambda: answers.pop(0))
    window.show_page("people")
    assert window.current_page() is page
    assert window.nav.currentRow() == list(window.pages).index("hall")

    answers.append(Save)
    window.show_page("people")
    assert window.current_page() is window.pages["people"]
    assert [s.title for s in services.consultations.search().items] == ["停车难"]

    # Closing: the main window's own question; Discard drops the edits and their draft.
    window.show_page("hall")
    type_into(qtbot, form.facts.title, "停车难（改）")
    assert form.keep_draft()
    assert services.drafts.pending()
    monkeypatch.setattr(window, "ask_about_unsaved", lambda pages: Cancel)
    assert not window.close()
    monkeypatch.setattr(window, "ask_about_unsaved", lambda pages: Discard)
    assert window.close()
    assert services.drafts.pending() == []
    assert [s.title for s in services.consultations.search().items] == ["停车难"]


def test_closing_the_window_with_save_saves_the_form(
    qtbot: QtBot, services: Services, group: LiaisonGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, services)
    window.show_page("micro")
    page = window.pages["micro"]
    assert isinstance(page, ConsultationsPage)
    form = new_form(page)
    type_into(qtbot, form.facts.title, "垃圾分类")
    monkeypatch.setattr(window, "ask_about_unsaved", lambda pages: Save)
    assert not window.close()  # the venue is missing: the window stays, the problem shows
    assert "请填写地点" in form.facts.boxes["venue"].problem_text()
    type_into(qtbot, form.facts.venue, "秧宝村协商驿站")
    assert window.close()
    [summary] = services.consultations.search().items
    assert (summary.title, summary.kind) == ("垃圾分类", MICRO)


def test_a_draft_kept_before_a_crash_is_offered_and_restored(
    qtbot: QtBot, services: Services, group: LiaisonGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, services, keep=False)
    window.show_page("micro")
    page = window.pages["micro"]
    assert isinstance(page, ConsultationsPage)
    form = new_form(page)
    type_into(qtbot, form.facts.title, "背街小巷路灯不亮")
    form.speeches.table.add_row({"speaker": "周立家", "content": "路灯坏了三个月"}, edit=False)
    assert services.drafts.pending() == []
    form._draft_timer.timeout.emit()  # 30 seconds later
    [info] = services.drafts.pending()
    assert "背街小巷路灯不亮" in info.title
    # The focus moving on keeps the newest text too.
    type_into(qtbot, form.facts.venue, "龙泉街道协商驿站")
    form.facts.host.setFocus()
    QApplication.processEvents()
    form.keep_draft()

    # The crash: the window goes without closing (no question, nothing saved).
    window.hide()
    Shiboken.delete(window)
    assert services.consultations.search().total == 0

    offered: list[list[str]] = []

    def restore_first(dialog: DraftsDialog) -> int:
        offered.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.restore_selected()
        return 1

    monkeypatch.setattr(DraftsDialog, "exec", restore_first)
    again = make_window(qtbot, services)
    assert wait_for_tasks()
    assert len(offered) == 1 and "背街小巷路灯不亮" in offered[0][0]
    restored = again.pages["micro"]
    assert isinstance(restored, ConsultationsPage)
    assert again.current_page() is restored and restored.form_shown()
    assert restored.form.facts.title.text() == "背街小巷路灯不亮"
    assert restored.form.facts.venue.text() == "龙泉街道协商驿站"
    assert restored.form.speeches.table.rows()[0]["content"] == "路灯坏了三个月"
    assert restored.has_unsaved_changes()
    assert restored.form.save()
    assert services.drafts.pending() == []  # saved: not offered again
    assert [s.title for s in services.consultations.search().items] == ["背街小巷路灯不亮"]


def test_archived_records_are_read_only_until_unlocked_with_a_reason(
    qtbot: QtBot,
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    services: Services,
    new_consultation: Callable[..., Consultation],
    answer_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = services.consultations.save(new_consultation())
    assert saved.id is not None
    page = open_page(HALL)
    page.open_record(page.model.rows()[0])
    assert wait_for_tasks()
    form = page.form
    assert not form.banner.isVisible()

    form.archive_button.click()
    assert answer_boxes  # asked before archiving
    assert services.consultations.get(saved.id).is_locked  # type: ignore[union-attr]
    assert form.banner.isVisible()
    assert form.facts.title.isReadOnly() and not form.save_button.isEnabled()
    assert not form.facts.status.isEnabled()
    assert not form.participants.people.add_button.isEnabled()
    assert not form.outcomes.add_button.isEnabled()
    assert form.unlock_button.isVisible() and not form.archive_button.isVisible()
    assert not form.save()

    monkeypatch.setattr(form_module, "ask_unlock_reason", lambda parent: None)
    form.banner_unlock.click()
    assert services.consultations.get(saved.id).is_locked  # type: ignore[union-attr]

    monkeypatch.setattr(form_module, "ask_unlock_reason", lambda parent: "更正参加人员名单")
    form.unlock_button.click()
    assert not services.consultations.get(saved.id).is_locked  # type: ignore[union-attr]
    assert not form.banner.isVisible() and not form.facts.title.isReadOnly()
    unlocks = [
        e for e in services.consultations.history(saved.id) if e.action is AuditAction.UNLOCK
    ]
    assert [e.reason for e in unlocks] == ["更正参加人员名单"]


def test_print_preview_and_signed_sheet_use_the_saved_record(
    qtbot: QtBot,
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    services: Services,
    new_consultation: Callable[..., Consultation],
    answer_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    saved = services.consultations.save(new_consultation(kind=MICRO))
    page = open_page(MICRO)
    page.open_record(page.model.rows()[0])
    assert wait_for_tasks()
    form = page.form
    assert list(form.print_actions) == [SheetKind.CARD, SheetKind.SIGNIN, SheetKind.SLIP]
    previews: list[tuple[SheetKind, list[int]]] = []
    monkeypatch.setattr(
        printing, "preview", lambda parent, services, kind, ids: previews.append((kind, ids))
    )
    form.print_actions[SheetKind.CARD].trigger()
    assert previews == [(SheetKind.CARD, [saved.id])]
    assert answer_boxes == []  # nothing unsaved: no question

    # Unsaved edits are saved first (after asking), so the printout shows them.
    type_into(qtbot, form.facts.title, "加装电梯（改）")
    form.print_actions[SheetKind.SIGNIN].trigger()
    assert len(answer_boxes) == 1
    assert previews[-1] == (SheetKind.SIGNIN, [saved.id])
    assert services.consultations.get(saved.id or 0).title == "加装电梯（改）"  # type: ignore[union-attr]

    scan = tmp_path / "签到表.jpg"
    scan.write_bytes(b"not read: the service is replaced")
    monkeypatch.setattr(
        page_module.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(scan), "")
    )
    calls: list[tuple[int, Path, bool]] = []

    def attach(consultation_id: int, image: Path, *, force: bool = False) -> object:
        calls.append((consultation_id, image, force))
        if not force:
            raise WrongSheetError(saved.number, "织里-2024-微-099", "另一个活动")
        return None

    monkeypatch.setattr(services.scans, "attach_signed_sheet", attach)
    form.sheet_button.click()
    assert wait_for_tasks()
    assert calls == [(saved.id, scan, False), (saved.id, scan, True)]
    assert "织里-2024-微-099" in answer_boxes[-1]  # asked before attaching anyway


def test_copy_as_new_from_the_list_and_from_the_form(
    qtbot: QtBot,
    open_page: Callable[[ConsultationKind], ConsultationsPage],
    services: Services,
    new_consultation: Callable[..., Consultation],
) -> None:
    services.consultations.save(
        new_consultation(
            participants=[Participant(name="沈建华", category=ParticipantCategory.MEMBER)],
            outcome_items=[OutcomeItem(content="修路灯")],
        )
    )
    page = open_page(HALL)
    page.table.selectRow(0)
    page.duplicate_action.trigger()
    assert wait_for_tasks()
    form = page.form
    assert page.form_shown() and form.has_unsaved_changes()
    assert form.facts.number.text() == ""
    assert form.facts.venue.text() == "织里镇民生议事堂"
    assert [r["name"] for r in form.participants.people.rows()] == ["沈建华"]
    assert form.outcomes.items() == []
    assert form.save()
    assert services.consultations.search().total == 2
    form.duplicate_button.click()
    assert wait_for_tasks()
    assert form.has_unsaved_changes() and form.record() is not None
    assert form.record().id is None  # type: ignore[union-attr]
