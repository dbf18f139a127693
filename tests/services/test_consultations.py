"""Recording consultations: numbering, one-transaction saves, validation, audit, locking, and the
follow-up of outcome items with the totals that lists show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest
from sqlalchemy import func, select

from liaison_desk.domain.entities import (
    ChecklistStep,
    Consultation,
    HeadCount,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    ProcedureTemplate,
    Speech,
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
from liaison_desk.domain.queries import ConsultationSummary
from liaison_desk.domain.rules import LockedError, ValidationError
from liaison_desk.services import Services
from liaison_desk.storage import repositories
from liaison_desk.storage.models import (
    AuditRow,
    ConsultationRow,
    NumberCounterRow,
    OutcomeItemRow,
    ParticipantRow,
    SpeechRow,
)
from liaison_desk.storage.repositories import consultations as consultation_rows

NewConsultation = Callable[..., Consultation]

HALL = ConsultationKind.HALL
MICRO = ConsultationKind.MICRO


def has_chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


def resident(name: str = "张三", **kw: object) -> Participant:
    return Participant(name=name, category=ParticipantCategory.RESIDENT, **kw)


def member(name: str = "李委员", **kw: object) -> Participant:
    return Participant(name=name, category=ParticipantCategory.MEMBER, **kw)


def item(content: str = "增设路灯", **kw: object) -> OutcomeItem:
    return OutcomeItem(content=content, **kw)


def audit_of(services: Services, entity_type: str, uuid: str) -> list:
    with services.ctx.db.session() as s:
        return repositories.list_audit(s, entity_type, uuid)


def count(services: Services, table: type) -> int:
    with services.ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def counters(services: Services) -> dict[str, int]:
    with services.ctx.db.session() as s:
        return {r.scope: r.last for r in s.scalars(select(NumberCounterRow))}


def summary(services: Services, consultation_id: int) -> ConsultationSummary:
    (found,) = [c for c in services.consultations.search().items if c.id == consultation_id]
    return found


def totals(services: Services, consultation_id: int) -> tuple[int, int, int, int]:
    """What a list shows: the totals stored with the row."""
    s = summary(services, consultation_id)
    return s.attendance_total, s.member_attendance, s.suggestion_count, s.solved_count


# --- 编号 ---------------------------------------------------------------------------------------


def test_numbers_run_per_group_year_and_kind(
    services: Services, new_consultation: NewConsultation
) -> None:
    save = services.consultations.save
    first = save(new_consultation())
    second = save(new_consultation(title="停车难"))
    micro = save(new_consultation(kind=MICRO, title="楼道堆物", venue="两山协商驿站"))
    earlier_year = save(new_consultation(title="河道保洁", held_on=date(2023, 11, 2)))
    micro_2 = save(new_consultation(kind=MICRO, title="垃圾分类", venue="两山协商驿站"))
    third = save(new_consultation(title="菜场改造", held_on=date(2024, 12, 30)))
    assert [first.number, second.number, micro.number, earlier_year.number] == [
        "织里-2024-议-001",
        "织里-2024-议-002",
        "织里-2024-微-001",
        "织里-2023-议-001",
    ]
    assert micro_2.number == "织里-2024-微-002"
    assert third.number == "织里-2024-议-003"


def test_each_group_numbers_on_its_own(
    services: Services, group: LiaisonGroup, new_consultation: NewConsultation
) -> None:
    other = services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))
    assert other.short_name == "埭溪"
    ours = services.consultations.save(new_consultation())
    theirs = services.consultations.save(new_consultation(group_id=other.id, title="暖心餐"))
    assert ours.number == "织里-2024-议-001"
    assert theirs.number == "埭溪-2024-议-001"


def test_the_number_stays_when_the_record_is_edited(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation())
    c.title = "老旧小区加装电梯（二次协商）"
    again = services.consultations.save(c)
    assert again.number == c.number == "织里-2024-议-001"
    assert services.consultations.save(new_consultation()).number == "织里-2024-议-002"
    assert services.consultations.get_by_number("织里-2024-议-001").id == c.id


def test_a_number_is_never_reused_even_after_its_record_is_purged(
    services: Services, new_consultation: NewConsultation
) -> None:
    services.consultations.save(new_consultation())
    last = services.consultations.save(new_consultation(title="停车难"))
    assert last.number == "织里-2024-议-002"
    services.recycle_bin.delete("consultation", last.id)
    services.recycle_bin.purge("consultation", last.id)
    assert services.consultations.get(last.id) is None
    assert services.consultations.save(new_consultation()).number == "织里-2024-议-003"


def test_a_failed_save_can_be_retried_and_numbering_goes_on(
    services: Services, new_consultation: NewConsultation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_trouble(row: object) -> None:
        raise OSError("模拟：写入时出错")

    c = new_consultation()
    with monkeypatch.context() as m:
        m.setattr(consultation_rows, "refresh_counts", disk_trouble)
        with pytest.raises(OSError):
            services.consultations.save(c)
    retried = services.consultations.save(c)  # the user presses 保存 again
    following = services.consultations.save(new_consultation(title="停车难"))
    assert {retried.number, following.number} == {"织里-2024-议-001", "织里-2024-议-002"}


def test_a_given_number_that_is_taken_is_a_validation_error(
    services: Services, new_consultation: NewConsultation
) -> None:
    services.consultations.save(new_consultation())
    with pytest.raises(ValidationError) as exc:
        services.consultations.save(new_consultation(number="织里-2024-议-001"))
    assert has_chinese(str(exc.value))


# --- one transaction ----------------------------------------------------------------------------


def test_a_save_that_fails_midway_writes_nothing_and_keeps_the_counter(
    services: Services, new_consultation: NewConsultation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(row: object) -> None:
        raise RuntimeError("模拟：保存到一半出错")

    before_audit = count(services, AuditRow)
    with monkeypatch.context() as m:
        m.setattr(consultation_rows, "refresh_counts", fail)
        with pytest.raises(RuntimeError):
            services.consultations.save(
                new_consultation(
                    participants=[resident(), member()],
                    speeches=[Speech(speaker="李委员", content="建议分批加装")],
                    outcome_items=[item()],
                )
            )
    for table in (ConsultationRow, ParticipantRow, SpeechRow, OutcomeItemRow):
        assert count(services, table) == 0, table.__tablename__
    assert count(services, AuditRow) == before_audit
    assert counters(services) == {}
    assert services.consultations.save(new_consultation()).number == "织里-2024-议-001"


def test_an_update_that_fails_midway_leaves_the_stored_record_as_it_was(
    services: Services, new_consultation: NewConsultation, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = services.consultations.save(new_consultation(outcome_items=[item("修路"), item("路灯")]))
    c.title = "改了的议题"
    c.outcome_items.pop()

    def fail(row: object) -> None:
        raise RuntimeError("模拟：保存到一半出错")

    with monkeypatch.context() as m:
        m.setattr(consultation_rows, "refresh_counts", fail)
        with pytest.raises(RuntimeError):
            services.consultations.save(c)
    stored = services.consultations.get(c.id)
    assert stored is not None
    assert stored.title == "老旧小区加装电梯"
    assert stored.revision == 1
    assert [i.content for i in stored.outcome_items] == ["修路", "路灯"]
    assert services.recycle_bin.entries() == []


# --- validation ---------------------------------------------------------------------------------


def test_validation_lists_every_problem_in_chinese_and_writes_nothing(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = new_consultation(
        title="",
        venue="  ",
        held_on=date(2025, 1, 5),  # after "today" (2024-12-31) while not planned
        start_time=time(10, 0),
        end_time=time(9, 30),
        participants=[resident(""), member("王委员", attended=False)],
        head_counts=[HeadCount(category=ParticipantCategory.RESIDENT, count=-3)],
        speeches=[Speech(speaker=" ", content="发言")],
        outcome_items=[item(""), item("修路", status=OutcomeStatus.UNSOLVED)],
    )
    before_audit = count(services, AuditRow)
    with pytest.raises(ValidationError) as exc:
        services.consultations.save(c)
    problems = exc.value.problems
    assert {p.field for p in problems} == {
        "title",
        "venue",
        "held_on",
        "end_time",
        "participants[0].name",
        "participants[1].absence_reason",
        "head_counts[0].count",
        "speeches[0].speaker",
        "outcome_items[0].content",
        "outcome_items[1].unsolved_reason",
    }
    assert all(has_chinese(p.message) for p in problems)
    for p in problems:
        assert p.message in str(exc.value)
    assert count(services, ConsultationRow) == 0
    assert count(services, AuditRow) == before_audit
    assert counters(services) == {}
    assert c.number == ""


def test_a_consultation_needs_a_group_that_exists(
    services: Services, new_consultation: NewConsultation
) -> None:
    with pytest.raises(ValidationError) as exc:
        services.consultations.save(new_consultation(group_id=None))
    assert [p.field for p in exc.value.problems] == ["group_id"]
    with pytest.raises(ValidationError) as exc:
        services.consultations.save(new_consultation(group_id=999))
    assert [p.field for p in exc.value.problems] == ["group_id"]
    assert has_chinese(str(exc.value))
    assert count(services, ConsultationRow) == 0
    assert counters(services) == {}


def test_a_future_date_is_allowed_only_for_a_planned_session(
    services: Services, new_consultation: NewConsultation
) -> None:
    with pytest.raises(ValidationError):
        services.consultations.save(new_consultation(held_on=date(2025, 1, 10)))
    planned = services.consultations.save(
        new_consultation(held_on=date(2025, 1, 10), status=ConsultationStatus.PLANNED)
    )
    assert planned.number == "织里-2025-议-001"


# --- what is stored -----------------------------------------------------------------------------


def test_every_field_comes_back_as_it_was_saved(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = new_consultation(
        topic_source=TopicSource.ONLINE,
        start_time=time(14, 0),
        end_time=time(16, 30),
        host="沈组长",
        recorder="陈联络员",
        agenda=["介绍情况", "协商讨论", "形成共识"],
        minutes="会议纪要：居民普遍支持加装。",
        consensus="分批加装，先试点3幢。",
        author="陈联络员",
        participants=[resident("张三", unit="河西社区"), member("李委员", title="区政协委员")],
        head_counts=[HeadCount(category=ParticipantCategory.RESIDENT, count=12)],
        speeches=[Speech(speaker="李委员", capacity="区政协委员", content="建议先做意愿调查")],
    )
    c.checklist[0] = ChecklistStep(
        name="征集议题", done=True, done_on=date(2024, 2, 1), note="码上商"
    )
    saved = services.consultations.save(c)
    got = services.consultations.get(saved.id)
    assert got == saved
    assert got.topic_source is TopicSource.ONLINE
    assert (got.start_time, got.end_time) == (time(14, 0), time(16, 30))
    assert got.agenda == ["介绍情况", "协商讨论", "形成共识"]
    assert [(p.name, p.category, p.unit, p.title) for p in got.participants] == [
        ("张三", ParticipantCategory.RESIDENT, "河西社区", ""),
        ("李委员", ParticipantCategory.MEMBER, "", "区政协委员"),
    ]
    assert got.head_counts == c.head_counts
    assert got.speeches == c.speeches
    assert got.checklist == c.checklist
    assert (got.created_at, got.updated_at) == (services.ctx.now(), services.ctx.now())


def test_the_checklist_is_a_copy_that_template_edits_do_not_rewrite(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation())
    assert [s.name for s in c.checklist][:2] == ["征集议题", "审定议题"]
    services.consultations.save_template(ProcedureTemplate(kind=HALL, steps=["第一步", "第二步"]))
    assert [s.name for s in services.consultations.get(c.id).checklist] == [
        s.name for s in c.checklist
    ]
    assert [s.name for s in new_consultation().checklist] == ["第一步", "第二步"]
    assert len(new_consultation(kind=MICRO).checklist) == 6


def test_an_update_bumps_the_revision_and_audits_what_changed_and_who(
    services: Services, new_consultation: NewConsultation, clock: Any
) -> None:
    c = services.consultations.save(new_consultation())
    created = c.created_at
    assert c.revision == 1
    clock.advance(hours=2)
    c.title = "老旧小区加装电梯协商"
    c.venue = "织里镇为民服务中心"
    updated = services.consultations.save(c)
    assert updated.revision == 2
    assert updated.created_at == created
    assert updated.updated_at == clock()

    entries = audit_of(services, "consultation", c.uuid)
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.UPDATE]
    assert "织里-2024-议-001" in entries[0].summary
    last = entries[-1]
    assert last.actor == "测试员"
    assert last.at == clock()
    assert last.revision == 2
    assert last.changes["title"] == ["老旧小区加装电梯", "老旧小区加装电梯协商"]
    assert last.changes["venue"] == ["织里镇民生议事堂", "织里镇为民服务中心"]
    assert not {"revision", "updated_at", "created_at", "number", "held_on"} & set(last.changes)


# --- archived records ---------------------------------------------------------------------------


def test_an_archived_consultation_is_read_only_until_unlocked_with_a_reason(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation(outcome_items=[item()]))
    archived = services.consultations.archive(c.id)
    assert archived.status is ConsultationStatus.ARCHIVED

    edit = services.consultations.get(c.id)
    assert edit is not None
    edit.title = "偷偷改一下"
    with pytest.raises(LockedError) as exc:
        services.consultations.save(edit)
    assert "织里-2024-议-001" in str(exc.value) and has_chinese(str(exc.value))
    outcome = edit.outcome_items[0]
    outcome.status = OutcomeStatus.SOLVED
    with pytest.raises(LockedError):
        services.consultations.save_outcome_item(outcome)
    stored = services.consultations.get(c.id)
    assert stored.title == "老旧小区加装电梯"
    assert stored.outcome_items[0].status is OutcomeStatus.PENDING

    for reason in ("", "   "):
        with pytest.raises(ValidationError) as vexc:
            services.consultations.unlock(c.id, reason)
        assert has_chinese(str(vexc.value))
    assert services.consultations.get(c.id).status is ConsultationStatus.ARCHIVED

    unlocked = services.consultations.unlock(c.id, " 补录遗漏的发言 ")
    assert unlocked.status is ConsultationStatus.COMPLETED
    entries = audit_of(services, "consultation", c.uuid)
    assert [e.action for e in entries][-2:] == [AuditAction.LOCK, AuditAction.UNLOCK]
    assert entries[-1].reason == "补录遗漏的发言"
    assert entries[-1].actor == "测试员"

    edit = services.consultations.get(c.id)
    edit.title = "老旧小区加装电梯（补录）"
    assert services.consultations.save(edit).title == "老旧小区加装电梯（补录）"


def test_an_archived_consultation_cannot_be_unlocked_by_saving_another_status(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation())
    services.consultations.archive(c.id)
    edit = services.consultations.get(c.id)
    edit.status = ConsultationStatus.COMPLETED
    edit.title = "绕过归档修改"
    with pytest.raises(LockedError):
        services.consultations.save(edit)


def test_bulk_status_change_respects_the_archive_lock(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation(outcome_items=[item()]))
    services.consultations.archive(c.id)
    with pytest.raises(LockedError):
        services.consultations.set_outcome_status(
            [c.outcome_items[0].id],
            OutcomeStatus.SOLVED,
        )


# --- outcome items ------------------------------------------------------------------------------


def test_outcome_items_keep_their_identity_and_dropped_ones_go_to_the_recycle_bin(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(
        new_consultation(outcome_items=[item("增设路灯"), item("修路"), item("加装电梯")])
    )
    before = [(i.id, i.uuid) for i in c.outcome_items]
    c.outcome_items[0].content = "增设路灯两盏"
    dropped = c.outcome_items.pop(1)
    c.outcome_items.append(item("新增停车位"))
    saved = services.consultations.save(c)

    assert [(i.id, i.uuid) for i in saved.outcome_items[:2]] == [before[0], before[2]]
    assert saved.outcome_items[0].content == "增设路灯两盏"
    assert saved.outcome_items[0].revision == 2
    assert saved.outcome_items[2].uuid not in {u for _, u in before}
    assert saved.suggestion_count == 3
    assert totals(services, c.id)[2] == 3

    entries = services.recycle_bin.entries()
    assert [(e.entity_type, e.id, e.uuid, e.title) for e in entries] == [
        ("outcome_item", dropped.id, dropped.uuid, "修路")
    ]
    services.recycle_bin.restore("outcome_item", dropped.id)
    back = services.consultations.get(c.id)
    assert dropped.uuid in {i.uuid for i in back.outcome_items}
    assert totals(services, c.id)[2] == 4


def test_stored_totals_follow_participants_and_outcome_items(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(
        new_consultation(
            participants=[
                resident("张三"),
                member("李委员"),
                member("王委员", attended=False, absence_reason="出差"),
            ],
            head_counts=[
                HeadCount(category=ParticipantCategory.RESIDENT, count=12),
                HeadCount(category=ParticipantCategory.MEMBER, count=2),
            ],
            outcome_items=[
                item("增设路灯", status=OutcomeStatus.SOLVED, resolved_on=date(2024, 3, 5)),
                item("修路"),
            ],
        )
    )
    cid: int = c.id
    assert (c.attendance_total, c.member_attendance, c.suggestion_count, c.solved_count) == (
        16,
        3,
        2,
        1,
    )
    assert totals(services, cid) == (16, 3, 2, 1)

    # An item added on its own (the follow-up page), then solved there.
    added = services.consultations.save_outcome_item(item("加装路灯", consultation_id=cid))
    assert totals(services, cid) == (16, 3, 3, 1)
    added.status = OutcomeStatus.SOLVED
    added.resolved_on = date(2024, 12, 1)
    added = services.consultations.save_outcome_item(added)
    assert totals(services, cid) == (16, 3, 3, 2)

    # Bulk: the rest solved, then two back to 办理中.
    ids = [i.id for i in services.consultations.get(cid).outcome_items]
    services.consultations.set_outcome_status(ids, OutcomeStatus.SOLVED)
    assert totals(services, cid) == (16, 3, 3, 3)
    services.consultations.set_outcome_status(ids[:2], OutcomeStatus.IN_PROGRESS)
    assert totals(services, cid) == (16, 3, 3, 1)

    # The recycle bin: a solved item deleted, then restored.
    services.recycle_bin.delete("outcome_item", added.id)
    assert totals(services, cid) == (16, 3, 2, 0)
    assert services.consultations.get(cid).solved_count == 0
    services.recycle_bin.restore("outcome_item", added.id)
    assert totals(services, cid) == (16, 3, 3, 1)

    # Fewer people on the next edit.
    c = services.consultations.get(cid)
    c.participants = c.participants[:1]
    c.head_counts = []
    services.consultations.save(c)
    assert totals(services, cid) == (1, 0, 3, 1)


def test_bulk_status_change_sets_dates_and_reasons_and_audits_each_item(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation(outcome_items=[item("修路"), item("路灯")]))
    a, b = c.outcome_items
    solved = services.consultations.set_outcome_status([a.id], OutcomeStatus.SOLVED)
    assert solved[0].resolved_on == date(2024, 12, 31)  # today by default
    assert solved[0].revision == 2
    services.consultations.set_outcome_status(
        [b.id],
        OutcomeStatus.UNSOLVED,
        reason="资金未落实",
    )
    stored = {i.id: i for i in services.consultations.get(c.id).outcome_items}
    assert stored[a.id].status is OutcomeStatus.SOLVED
    assert stored[b.id].unsolved_reason == "资金未落实"
    entry = audit_of(services, "outcome_item", a.uuid)[-1]
    assert entry.action is AuditAction.UPDATE
    assert entry.changes["status"] == ["pending", "solved"]
    assert entry.changes["resolved_on"] == [None, "2024-12-31"]


def test_bulk_status_change_is_all_or_nothing(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation(outcome_items=[item("修路"), item("路灯")]))
    a, b = c.outcome_items
    with pytest.raises(ValidationError) as exc:  # 未解决 needs a reason
        services.consultations.set_outcome_status([a.id, b.id], OutcomeStatus.UNSOLVED)
    assert has_chinese(str(exc.value))
    with pytest.raises(KeyError):
        services.consultations.set_outcome_status([a.id, 9999], OutcomeStatus.SOLVED)
    stored = services.consultations.get(c.id).outcome_items
    assert [i.status for i in stored] == [OutcomeStatus.PENDING, OutcomeStatus.PENDING]
    assert [i.revision for i in stored] == [1, 1]
    assert totals(services, c.id)[3] == 0


def test_an_outcome_item_needs_content_and_no_future_dates(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation())
    bad = item(" ", consultation_id=c.id, resolved_on=date(2025, 2, 1), revisit_on=date(2025, 2, 2))
    with pytest.raises(ValidationError) as exc:
        services.consultations.save_outcome_item(bad)
    assert {p.field for p in exc.value.problems} == {"content", "resolved_on", "revisit_on"}
    assert count(services, OutcomeItemRow) == 0


def test_a_revisit_is_recorded_on_the_item(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation(outcome_items=[item()]))
    i = c.outcome_items[0]
    revisited = services.consultations.record_revisit(
        i.id,
        date(2024, 12, 20),
        "路灯已亮，居民反映良好",
        Satisfaction.SATISFIED,
    )
    assert (revisited.revisit_on, revisited.revisit_note, revisited.satisfaction) == (
        date(2024, 12, 20),
        "路灯已亮，居民反映良好",
        Satisfaction.SATISFIED,
    )
    with pytest.raises(ValidationError):
        services.consultations.record_revisit(i.id, date(2025, 1, 5), "", None)


def test_duplicate_as_new_starts_a_planned_copy_without_results(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(
        new_consultation(
            participants=[member()],
            agenda=["通报情况"],
            minutes="纪要",
            speeches=[Speech(speaker="李委员", content="发言")],
            outcome_items=[item()],
        )
    )
    copy = services.consultations.duplicate_as_new(c.id)
    assert (copy.id, copy.number, copy.status) == (None, "", ConsultationStatus.PLANNED)
    assert copy.uuid != c.uuid
    assert (copy.venue, copy.agenda, copy.participants) == (c.venue, c.agenda, c.participants)
    assert (copy.outcome_items, copy.speeches, copy.minutes) == ([], [], "")
    saved = services.consultations.save(copy)
    assert saved.number == "织里-2024-议-002"
    assert len(services.consultations.get(c.id).outcome_items) == 1
