"""Revision history of a consultation and restoring an earlier revision: the record's own fields
come back as they were, the restore is logged with its reason and can itself be undone, outcome
items and attachments keep their own state, and an archived record refuses until unlocked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import TYPE_CHECKING

import pytest

from liaison_desk.domain.entities import (
    ChecklistStep,
    Consultation,
    HeadCount,
    OutcomeItem,
    Participant,
    Speech,
)
from liaison_desk.domain.enums import (
    AuditAction,
    OutcomeStatus,
    ParticipantCategory,
    TopicSource,
)
from liaison_desk.domain.rules import ConflictError, LockedError, ValidationError
from liaison_desk.services import Services
from liaison_desk.services.consultations import RESTORED_FIELDS

if TYPE_CHECKING:  # the clock fixture's type (conftest is not a package module)
    from clock import FixedClock

MakeConsultation = Callable[..., Consultation]


def own_fields(c: Consultation) -> dict[str, object]:
    return {name: getattr(c, name) for name in RESTORED_FIELDS}


def edited_three_times(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> list[Consultation]:
    """The consultation as saved at revisions 1, 2, 3 and 4 (four different states)."""
    first = services.consultations.save(
        new_consultation(
            participants=[Participant(name="沈建国", category=ParticipantCategory.MEMBER)],
            speeches=[Speech(speaker="沈建国", capacity="区政协委员", content="建议分时停车。")],
            agenda=["通报情况", "自由发言"],
            minutes="第一稿纪要。",
        )
    )
    states = [first]
    c = services.consultations.get(first.id)
    assert c is not None
    clock.advance(hours=1)
    c.title = "童装产业园区停车难"
    c.venue = "织里镇童装产业园会议室"
    c.start_time, c.end_time = time(9, 0), time(11, 30)
    c.participants.append(
        Participant(
            name="陈阿姨",
            category=ParticipantCategory.RESIDENT,
            attended=False,
            absence_reason="病假",
        )
    )
    c.head_counts = [HeadCount(category=ParticipantCategory.RESIDENT, count=12)]
    states.append(services.consultations.save(c))
    c = services.consultations.get(first.id)
    assert c is not None
    clock.advance(hours=1)
    c.speeches.append(Speech(speaker="王主任", capacity="镇城管办", content="可以增设临时车位。"))
    c.minutes = "第二稿纪要，补充了城管办的意见。"
    c.consensus = "增设临时车位 60 个。"
    c.checklist[0] = ChecklistStep(name=c.checklist[0].name, done=True, done_on=date(2024, 3, 1))
    c.topic_source = TopicSource.MEMBER
    states.append(services.consultations.save(c))
    c = services.consultations.get(first.id)
    assert c is not None
    clock.advance(hours=1)
    c.agenda = ["通报情况", "部门答复", "自由发言", "形成共识"]
    c.host = "沈建国"
    c.recorder = "李秘书"
    c.held_on = date(2024, 3, 6)
    states.append(services.consultations.save(c))
    assert [s.revision for s in states] == [1, 2, 3, 4]
    return states


def test_restoring_revision_1_puts_every_own_field_back(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> None:
    states = edited_three_times(services, new_consultation, clock)
    cid = states[0].id
    assert cid is not None

    restored = services.consultations.restore_revision(cid, 1, "第二、三、四次修改录错了会议")

    assert own_fields(restored) == own_fields(states[0])
    assert restored.number == states[0].number  # the 编号 never changes
    assert restored.revision == 5
    again = services.consultations.get(cid)
    assert again is not None and own_fields(again) == own_fields(states[0])


@pytest.mark.parametrize("revision", [2, 3])
def test_restoring_a_middle_revision_gives_that_revision(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock, revision: int
) -> None:
    states = edited_three_times(services, new_consultation, clock)
    assert states[0].id is not None
    restored = services.consultations.restore_revision(states[0].id, revision, "核对原始记录")
    assert own_fields(restored) == own_fields(states[revision - 1])


def test_history_lists_who_when_what_and_why(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> None:
    states = edited_three_times(services, new_consultation, clock)
    cid = states[0].id
    assert cid is not None
    clock.advance(hours=1)
    services.consultations.restore_revision(cid, 2, "恢复到只改了地点的那一版")

    revisions = services.consultations.revisions(cid)
    assert [r.revision for r in revisions] == [1, 2, 3, 4, 5]
    assert [r.action for r in revisions] == [AuditAction.CREATE] + [AuditAction.UPDATE] * 3 + [
        AuditAction.REVERT
    ]
    assert all(r.actor == "测试员" for r in revisions)
    assert [r.at.hour for r in revisions] == [10, 11, 12, 13, 14]
    # What changed: field → [old, new], as the audit log keeps it.
    assert revisions[1].changes["title"] == ["老旧小区加装电梯", "童装产业园区停车难"]
    assert set(revisions[3].changes) >= {"agenda", "host", "recorder", "held_on"}
    restore = revisions[-1]
    assert restore.reason == "恢复到只改了地点的那一版"
    assert "2" in restore.summary
    # The restore names what it changed back (revision 4's agenda, revision 3's minutes...).
    assert restore.changes["host"] == ["沈建国", ""]
    assert restore.changes["minutes"][1] == "第一稿纪要。"


def test_a_restore_can_itself_be_undone(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> None:
    states = edited_three_times(services, new_consultation, clock)
    cid = states[0].id
    assert cid is not None
    services.consultations.restore_revision(cid, 1, "试一下")
    # Back to the revision before the restore (4): the restore is undone.
    undone = services.consultations.restore_revision(cid, 4, "撤销刚才的恢复")
    assert own_fields(undone) == own_fields(states[3])
    assert undone.revision == 6
    # And the restore itself is a revision one can return to.
    again = services.consultations.restore_revision(cid, 5, "还是用第 1 版")
    assert own_fields(again) == own_fields(states[0])


def test_outcome_items_and_attachments_are_not_rolled_back(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> None:
    first = services.consultations.save(
        new_consultation(outcome_items=[OutcomeItem(content="增设临时车位")])
    )
    assert first.id is not None
    c = services.consultations.get(first.id)
    assert c is not None
    c.minutes = "补充纪要"
    c.outcome_items.append(OutcomeItem(content="错峰停车"))
    services.consultations.save(c)
    item = services.consultations.get(first.id).outcome_items[0]  # type: ignore[union-attr]
    assert item.id is not None
    services.consultations.set_outcome_status([item.id], OutcomeStatus.SOLVED)

    restored = services.consultations.restore_revision(first.id, 1, "纪要补错了")

    assert restored.minutes == ""
    assert [i.content for i in restored.outcome_items] == ["增设临时车位", "错峰停车"]
    assert restored.outcome_items[0].status is OutcomeStatus.SOLVED


def test_an_archived_record_refuses_a_restore_until_unlocked(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> None:
    states = edited_three_times(services, new_consultation, clock)
    cid = states[0].id
    assert cid is not None
    services.consultations.archive(cid)

    with pytest.raises(LockedError, match="解锁"):
        services.consultations.restore_revision(cid, 1, "想恢复")
    after = services.consultations.get(cid)
    assert after is not None and own_fields(after) == own_fields(states[3])
    assert after.is_locked

    services.consultations.unlock(cid, "发现录入错误")
    restored = services.consultations.restore_revision(cid, 1, "恢复原始记录")
    assert own_fields(restored) == own_fields(states[0])
    # The status is not part of a restore: unlocked stays unlocked.
    assert not restored.is_locked


def test_a_reason_is_required_and_nothing_changes_without_one(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> None:
    states = edited_three_times(services, new_consultation, clock)
    cid = states[0].id
    assert cid is not None
    with pytest.raises(ValidationError) as caught:
        services.consultations.restore_revision(cid, 1, "  ")
    assert caught.value.problems[0].field == "reason"
    after = services.consultations.get(cid)
    assert after is not None and after.revision == 4


def test_unknown_or_current_revision_is_refused_with_a_message(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> None:
    states = edited_three_times(services, new_consultation, clock)
    cid = states[0].id
    assert cid is not None
    with pytest.raises(ValidationError, match="没有第 9 版"):
        services.consultations.restore_revision(cid, 9, "原因")
    with pytest.raises(ValidationError, match="相同"):
        services.consultations.restore_revision(cid, 4, "原因")


def test_a_restore_over_changes_saved_elsewhere_is_refused(
    services: Services, new_consultation: MakeConsultation, clock: FixedClock
) -> None:
    states = edited_three_times(services, new_consultation, clock)
    cid = states[0].id
    assert cid is not None
    with pytest.raises(ConflictError):
        services.consultations.restore_revision(cid, 1, "原因", expected_revision=3)
    restored = services.consultations.restore_revision(cid, 1, "原因", expected_revision=4)
    assert restored.revision == 5
