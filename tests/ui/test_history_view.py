"""The history tab of a consultation: every audit entry with who, when, what changed (field
names and old → new) and why; restoring an earlier version asks why, puts the record back and
tells the form; an archived record cannot be restored until unlocked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import Consultation, Participant
from liaison_desk.domain.enums import AuditAction, ParticipantCategory
from liaison_desk.domain.rules import ConflictError
from liaison_desk.services import Services
from liaison_desk.services.consultations import RESTORED_FIELDS
from liaison_desk.ui import history_view
from liaison_desk.ui.history_view import HistoryView, ReasonDialog, ask_unlock_reason
from liaison_desk.ui.labels import consultation_field_label, label
from liaison_desk.ui.tasks import wait_for_tasks

if TYPE_CHECKING:  # the clock fixture's type (conftest is not a package module)
    from clock import FixedClock

MakeConsultation = Callable[..., Consultation]


def own_fields(c: Consultation) -> dict[str, object]:
    return {name: getattr(c, name) for name in RESTORED_FIELDS}


@pytest.fixture
def edited(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> list[Consultation]:
    """A consultation saved three times: revisions 1, 2 and 3."""
    first = services.consultations.save(
        new_consultation(
            participants=[Participant(name="沈建国", category=ParticipantCategory.MEMBER)],
            minutes="第一稿",
        )
    )
    assert first.id is not None
    states = [first]
    c = services.consultations.get(first.id)
    assert c is not None
    clock.advance(hours=1)
    c.title, c.start_time = "童装产业园区停车难", time(9, 30)
    c.participants.append(Participant(name="陈阿姨", category=ParticipantCategory.RESIDENT))
    states.append(services.consultations.save(c))
    clock.advance(hours=1)
    c = services.consultations.get(first.id)
    assert c is not None
    c.minutes = "第二稿"
    states.append(services.consultations.save(c))
    return states


class Asked:
    def __init__(self) -> None:
        self.reason: str | None = "核对原始记录后恢复"
        self.prompts: list[str] = []
        self.errors: list[BaseException] = []

    def ask_reason(self, _parent: object, title: str, prompt: str, _ok: str = "") -> str | None:
        self.prompts.append(f"{title}\n{prompt}")
        return self.reason

    def show_error(self, _parent: object, exc: BaseException, _title: str | None = None) -> None:
        self.errors.append(exc)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    given = Asked()
    monkeypatch.setattr(history_view, "ask_reason", given.ask_reason)
    monkeypatch.setattr(history_view, "show_error", given.show_error)
    return given


def open_view(qtbot: QtBot, services: Services, consultation_id: int) -> HistoryView:
    view = HistoryView(services)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.show_history(consultation_id)
    assert view.is_busy()  # loading off the GUI thread
    assert wait_for_tasks()
    assert not view.is_busy()
    return view


def cell(view: HistoryView, row: int, key: str) -> str:
    model = view.model
    return str(model.data(model.index(row, model.column_index(key))) or "")


def select_revision(view: HistoryView, revision: int) -> int:
    row = next(
        i for i, r in enumerate(view.model.rows()) if r.restorable and r.entry.revision == revision
    )
    view.table.selectRow(row)
    return row


def test_the_history_lists_who_when_what_changed_and_why_newest_first(
    qtbot: QtBot, services: Services, edited: list[Consultation], asked: Asked
) -> None:
    cid = edited[0].id
    assert cid is not None
    services.consultations.archive(cid)
    services.consultations.unlock(cid, "纪要需要更正")
    view = open_view(qtbot, services, cid)

    actions = [r.entry.action for r in view.model.rows()]
    assert actions == [
        AuditAction.UNLOCK,
        AuditAction.LOCK,
        AuditAction.UPDATE,
        AuditAction.UPDATE,
        AuditAction.CREATE,
    ]
    assert cell(view, 0, "action") == label(AuditAction.UNLOCK)
    assert cell(view, 0, "reason") == "纪要需要更正"
    assert cell(view, 0, "actor") == "测试员"
    assert cell(view, 4, "at") == "2024-12-31 10:00"
    assert cell(view, 3, "at") == "2024-12-31 11:00"
    # What changed: the field's name and old → new, short.
    changes = cell(view, 3, "changes")
    assert f"{consultation_field_label('title')}：老旧小区加装电梯 → 童装产业园区停车难" in changes
    assert f"{consultation_field_label('start_time')}：" in changes and "→ 09:30；" in changes
    assert "+陈阿姨" in changes
    assert f"{consultation_field_label('minutes')}：第一稿 → 第二稿" in cell(view, 2, "changes")
    assert edited[0].number in cell(view, 4, "changes")  # 新建 <编号>
    # Versions: 1, 2, 3, the last one current; lock and unlock are not versions.
    assert [cell(view, i, "revision") for i in range(5)][2:] == ["3 (current)", "2", "1"]
    assert cell(view, 0, "revision") == "" and cell(view, 1, "revision") == ""
    # The detail below names everything that changed in the selected entry.
    select_revision(view, 2)
    detail = view.detail.toPlainText()
    assert "童装产业园区停车难" in detail and "测试员" in detail


def test_restoring_a_version_asks_why_puts_it_back_and_tells_the_form(
    qtbot: QtBot, services: Services, edited: list[Consultation], asked: Asked
) -> None:
    cid = edited[0].id
    assert cid is not None
    view = open_view(qtbot, services, cid)
    select_revision(view, 1)
    assert view.restore_button.isEnabled()

    with qtbot.waitSignal(view.restored) as restored:
        view.restore_button.click()
        assert wait_for_tasks()
    assert wait_for_tasks()

    assert len(asked.prompts) == 1 and "1" in asked.prompts[0]
    saved = restored.args[0]
    assert isinstance(saved, Consultation)
    assert own_fields(saved) == own_fields(edited[0])
    stored = services.consultations.get(cid)
    assert stored is not None and own_fields(stored) == own_fields(edited[0])
    # The list reloads with the restore on top, current, with its reason.
    top = view.model.rows()[0]
    assert top.entry.action is AuditAction.REVERT and top.current
    assert cell(view, 0, "reason") == "核对原始记录后恢复"
    assert "1" in cell(view, 0, "changes")


def test_the_restore_can_be_undone_from_the_list(
    qtbot: QtBot, services: Services, edited: list[Consultation], asked: Asked
) -> None:
    cid = edited[0].id
    assert cid is not None
    view = open_view(qtbot, services, cid)
    select_revision(view, 1)
    view.restore_selected()
    assert wait_for_tasks()
    select_revision(view, 3)  # the version before the restore
    with qtbot.waitSignal(view.restored) as restored:
        view.restore_selected()
        assert wait_for_tasks()
    assert own_fields(restored.args[0]) == own_fields(edited[2])


def test_nothing_is_restored_without_a_reason_or_when_the_form_says_no(
    qtbot: QtBot, services: Services, edited: list[Consultation], asked: Asked
) -> None:
    cid = edited[0].id
    assert cid is not None
    view = open_view(qtbot, services, cid)
    select_revision(view, 1)
    asked.reason = None  # cancelled
    view.restore_selected()
    assert wait_for_tasks()
    view.before_restore = lambda: False  # "keep my unsaved edits"
    asked.reason = "原因"
    view.restore_selected()
    assert wait_for_tasks()
    assert len(asked.prompts) == 1
    stored = services.consultations.get(cid)
    assert stored is not None and stored.revision == 3


def test_the_current_version_and_lock_entries_cannot_be_restored(
    qtbot: QtBot, services: Services, edited: list[Consultation], asked: Asked
) -> None:
    cid = edited[0].id
    assert cid is not None
    view = open_view(qtbot, services, cid)
    select_revision(view, 3)
    assert not view.restore_button.isEnabled()
    assert "current" in view.restore_button.toolTip()


def test_an_archived_record_shows_its_history_but_restore_waits_for_unlock(
    qtbot: QtBot, services: Services, edited: list[Consultation], asked: Asked
) -> None:
    cid = edited[0].id
    assert cid is not None
    services.consultations.archive(cid)
    view = open_view(qtbot, services, cid)
    assert view.model.rowCount() == 4
    select_revision(view, 1)
    assert not view.restore_button.isEnabled()
    assert "unlock" in view.restore_button.toolTip().lower()
    assert "unlock" in view.status.text().lower()
    view.restore_selected()
    assert wait_for_tasks()
    assert asked.prompts == []
    stored = services.consultations.get(cid)
    assert stored is not None and stored.revision == 4 and stored.is_locked


def test_a_restore_over_a_change_saved_meanwhile_is_refused_with_a_message(
    qtbot: QtBot, services: Services, edited: list[Consultation], asked: Asked
) -> None:
    cid = edited[0].id
    assert cid is not None
    view = open_view(qtbot, services, cid)
    select_revision(view, 1)
    c = services.consultations.get(cid)  # another PC saves after the history was shown
    assert c is not None
    c.venue = "织里镇文体中心"
    services.consultations.save(c)
    view.restore_selected()
    assert wait_for_tasks()
    assert len(asked.errors) == 1 and isinstance(asked.errors[0], ConflictError)
    stored = services.consultations.get(cid)
    assert stored is not None and stored.venue == "织里镇文体中心"


def test_the_reason_dialog_needs_a_reason(qtbot: QtBot) -> None:
    dialog = ReasonDialog("解锁", "为什么？", "解锁(&U)")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.isVisible() and dialog.problem.text()
    dialog.reason.setPlainText("  纪要录错  ")
    assert not dialog.problem.isVisible()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == "纪要录错"


def test_ask_unlock_reason_gives_the_reason_or_none(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def type_and_ok(dialog: ReasonDialog) -> int:
        dialog.reason.setPlainText("发现录入错误")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReasonDialog, "exec", type_and_ok)
    assert ask_unlock_reason(None) == "发现录入错误"
    monkeypatch.setattr(ReasonDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert ask_unlock_reason(None) is None
