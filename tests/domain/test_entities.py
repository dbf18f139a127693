"""Entities: totals of the record sheet, overdue items, locks, labels, procedure templates."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_desk.domain.entities import (
    CASE_SECTIONS,
    Case,
    Consultation,
    HeadCount,
    OutcomeItem,
    Participant,
)
from liaison_desk.domain.enums import (
    AttachmentKind,
    AuditAction,
    CaseStatus,
    ConsultationKind,
    ConsultationStatus,
    CppccLevel,
    OutcomeStatus,
    ParticipantCategory,
    RetentionPeriod,
    Satisfaction,
    SubmissionResult,
    TopicSource,
)
from liaison_desk.domain.procedure import (
    DEFAULT_HALL_STEPS,
    DEFAULT_MICRO_STEPS,
    checklist_from,
    default_template,
)

TODAY = date(2024, 6, 15)
DELETED = datetime(2024, 6, 1, 9, 0)
CJK = re.compile(r"[\u4e00-\u9fff]")


def consultation(**overrides: object) -> Consultation:
    values: dict[str, object] = {
        "kind": ConsultationKind.HALL,
        "title": "背街小巷停车难",
        "group_id": 1,
        "held_on": date(2024, 5, 20),
        "venue": "龙泉街道民生议事堂",
    }
    values.update(overrides)
    return Consultation(**values)  # type: ignore[arg-type]


# --- consultation totals ------------------------------------------------------------------------


def sample_consultation() -> Consultation:
    return consultation(
        participants=[
            Participant(name="李明", category=ParticipantCategory.MEMBER),
            Participant(name="王芳", category=ParticipantCategory.MEMBER),
            Participant(
                name="周华",
                category=ParticipantCategory.MEMBER,
                attended=False,
                absence_reason="出差",
            ),
            Participant(name="赵强", category=ParticipantCategory.TOWN_LEADER),
            Participant(name="张三", category=ParticipantCategory.RESIDENT),
            Participant(
                name="钱七",
                category=ParticipantCategory.RESIDENT,
                attended=False,
                absence_reason="生病",
            ),
        ],
        head_counts=[
            HeadCount(category=ParticipantCategory.RESIDENT, count=15),
            HeadCount(category=ParticipantCategory.MEMBER, count=2),
        ],
        outcome_items=[
            OutcomeItem(content="增设停车位", status=OutcomeStatus.SOLVED),
            OutcomeItem(content="错时停车", status=OutcomeStatus.IN_PROGRESS),
            OutcomeItem(content="划线", status=OutcomeStatus.SOLVED),
            OutcomeItem(content="重复录入", status=OutcomeStatus.SOLVED, deleted_at=DELETED),
            OutcomeItem(content="作废", status=OutcomeStatus.PENDING, deleted_at=DELETED),
            OutcomeItem(content="拆违", status=OutcomeStatus.UNSOLVED, unsolved_reason="产权"),
        ],
    )


def test_expected_and_attended_counts() -> None:
    c = sample_consultation()
    assert c.expected_count == 6  # 应到: everyone named
    assert c.attended_count == 4  # 实到
    assert c.expected_count - c.attended_count == 2  # 缺席


def test_attendance_total_adds_head_counts() -> None:
    assert sample_consultation().attendance_total == 4 + 15 + 2


def test_member_attendance_counts_attending_members_named_and_counted() -> None:
    assert sample_consultation().member_attendance == 2 + 2


def test_suggestion_and_solved_counts_exclude_deleted_items() -> None:
    c = sample_consultation()
    assert c.suggestion_count == 4
    assert c.solved_count == 2


def test_empty_consultation_totals_are_zero() -> None:
    c = consultation()
    assert (
        c.expected_count,
        c.attended_count,
        c.attendance_total,
        c.member_attendance,
        c.suggestion_count,
        c.solved_count,
    ) == (0, 0, 0, 0, 0, 0)


participants = st.lists(
    st.builds(
        Participant,
        name=st.just("某人"),
        category=st.sampled_from(list(ParticipantCategory)),
        attended=st.booleans(),
    ),
    max_size=20,
)
head_counts = st.lists(
    st.builds(
        HeadCount,
        category=st.sampled_from(list(ParticipantCategory)),
        count=st.integers(min_value=0, max_value=500),
    ),
    max_size=5,
)


@given(participants, head_counts)
def test_totals_are_consistent(people: list[Participant], crowds: list[HeadCount]) -> None:
    c = consultation(participants=people, head_counts=crowds)
    assert 0 <= c.attended_count <= c.expected_count == len(people)
    assert c.attendance_total == c.attended_count + sum(h.count for h in crowds)
    assert 0 <= c.member_attendance <= c.attendance_total


@given(
    st.lists(
        st.tuples(st.sampled_from(list(OutcomeStatus)), st.booleans()),
        max_size=20,
    )
)
def test_solved_never_exceeds_suggestions(specs: list[tuple[OutcomeStatus, bool]]) -> None:
    items = [
        OutcomeItem(content="建议", status=s, deleted_at=DELETED if deleted else None)
        for s, deleted in specs
    ]
    c = consultation(outcome_items=items)
    live = [s for s, deleted in specs if not deleted]
    assert c.suggestion_count == len(live)
    assert c.solved_count == live.count(OutcomeStatus.SOLVED)


def test_consultation_year_and_lock() -> None:
    assert consultation().year == 2024
    assert consultation(held_on=None).year is None
    assert not consultation().is_locked
    assert not consultation(status=ConsultationStatus.PLANNED).is_locked
    assert consultation(status=ConsultationStatus.ARCHIVED).is_locked


def test_records_get_distinct_uuids() -> None:
    a, b = consultation(), consultation()
    assert a.uuid != b.uuid
    assert uuid.UUID(a.uuid)
    assert a.id is None
    assert a.revision == 0
    assert not a.is_deleted
    a.deleted_at = DELETED
    assert a.is_deleted


def test_list_fields_are_not_shared_between_records() -> None:
    a, b = consultation(), consultation()
    a.participants.append(Participant(name="李明", category=ParticipantCategory.MEMBER))
    a.outcome_items.append(OutcomeItem(content="建议"))
    assert b.participants == []
    assert b.outcome_items == []


# --- outcome items ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "overdue"),
    [
        (OutcomeStatus.PENDING, True),
        (OutcomeStatus.IN_PROGRESS, True),
        (OutcomeStatus.SOLVED, False),
        (OutcomeStatus.UNSOLVED, False),
        (OutcomeStatus.NOT_ADOPTED, False),
    ],
    ids=str,
)
def test_overdue_only_for_open_statuses_past_deadline(status: OutcomeStatus, overdue: bool) -> None:
    item = OutcomeItem(content="建议", status=status, deadline=TODAY - timedelta(days=1))
    assert item.is_overdue(TODAY) is overdue


@pytest.mark.parametrize("status", [OutcomeStatus.PENDING, OutcomeStatus.IN_PROGRESS], ids=str)
def test_not_overdue_on_or_before_deadline_or_without_one(status: OutcomeStatus) -> None:
    assert not OutcomeItem(content="建议", status=status, deadline=TODAY).is_overdue(TODAY)
    later = TODAY + timedelta(days=10)
    assert not OutcomeItem(content="建议", status=status, deadline=later).is_overdue(TODAY)
    assert not OutcomeItem(content="建议", status=status).is_overdue(TODAY)


def test_new_outcome_item_is_pending() -> None:
    item = OutcomeItem(content="建议")
    assert item.status is OutcomeStatus.PENDING
    assert item.status.is_open


# --- cases --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "locked"),
    [
        (CaseStatus.DRAFT, False),
        (CaseStatus.FINAL, False),
        (CaseStatus.SUBMITTED, True),
        (CaseStatus.SELECTED, True),
        (CaseStatus.RETURNED, False),
    ],
    ids=str,
)
def test_case_locked_when_submitted_or_selected(status: CaseStatus, locked: bool) -> None:
    case = Case(group_id=1, year=2024, title="暖心餐", status=status)
    assert case.is_locked is locked
    assert status.is_locked is locked


def test_case_defaults() -> None:
    case = Case(group_id=1, year=2024, title="暖心餐")
    assert case.status is CaseStatus.DRAFT
    assert case.retention is RetentionPeriod.PERMANENT
    assert case.version == 1


def test_case_full_text_in_section_order() -> None:
    keys = [key for key, _ in CASE_SECTIONS]
    assert keys == ["basic_info", "background", "practice", "results", "insights"]
    assert [label for _, label in CASE_SECTIONS] == [
        "基本信息",
        "背景起因",
        "主要做法/协商过程",
        "成果成效",
        "经验启示",
    ]
    case = Case(
        group_id=1,
        year=2024,
        title="助力青年返乡",
        subtitle="织里镇联络组",
        sections={"insights": "四", "basic_info": "一", "results": "三"},
    )
    assert case.full_text() == "助力青年返乡\n织里镇联络组\n一\n三\n四"


# --- enums --------------------------------------------------------------------------------------

ALL_ENUMS = [
    ConsultationKind,
    TopicSource,
    ConsultationStatus,
    ParticipantCategory,
    CppccLevel,
    OutcomeStatus,
    Satisfaction,
    AttachmentKind,
    CaseStatus,
    RetentionPeriod,
    SubmissionResult,
    AuditAction,
]


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda e: e.__name__)
def test_from_label_round_trips_every_member(enum: type) -> None:
    for member in enum:
        assert CJK.search(member.label)
        assert enum.from_label(member.label) is member
        assert enum.from_label(f" {member.label} ") is member
        assert enum.from_label(member.value) is member


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda e: e.__name__)
def test_labels_are_unique(enum: type) -> None:
    labels = [m.label for m in enum]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize(
    ("enum", "label", "member"),
    [
        (ConsultationKind, "民生议事堂协商", ConsultationKind.HALL),
        (ConsultationKind, "微协商", ConsultationKind.MICRO),
        (OutcomeStatus, "已解决", OutcomeStatus.SOLVED),
        (TopicSource, "线上征集(码上商)", TopicSource.ONLINE),
        (ParticipantCategory, "政协委员", ParticipantCategory.MEMBER),
        (ParticipantCategory, "专家/律师", ParticipantCategory.EXPERT),
        (RetentionPeriod, "定期30年", RetentionPeriod.YEARS_30),
        (Satisfaction, "基本满意", Satisfaction.MOSTLY_SATISFIED),
        (CaseStatus, "入选", CaseStatus.SELECTED),
    ],
)
def test_from_label_known_labels(enum: type, label: str, member: object) -> None:
    assert enum.from_label(label) is member


@pytest.mark.parametrize("bad", ["", "已办结", "HALL", "民生议事堂"])
def test_from_label_rejects_unknown_with_chinese_message(bad: str) -> None:
    with pytest.raises(ValueError) as info:
        ConsultationKind.from_label(bad)
    message = str(info.value)
    assert CJK.search(message)
    assert "民生议事堂协商" in message
    assert "微协商" in message


def test_enum_codes_are_stored_values() -> None:
    assert ConsultationKind.HALL == "hall"
    assert RetentionPeriod.YEARS_10.value == "D10"
    assert ConsultationKind.HALL.number_code == "议"
    assert ConsultationKind.MICRO.number_code == "微"
    assert ConsultationKind.HALL.short_label == "民生议事堂"
    assert ConsultationKind.MICRO.short_label == "微协商"


def test_members_and_officials_are_not_residents() -> None:
    assert ParticipantCategory.RESIDENT.is_resident
    for category in (
        ParticipantCategory.MEMBER,
        ParticipantCategory.TOWN_LEADER,
        ParticipantCategory.DEPARTMENT_HEAD,
        ParticipantCategory.VILLAGE_CADRE,
        ParticipantCategory.EXPERT,
    ):
        assert not category.is_resident


# --- procedure templates ------------------------------------------------------------------------


def test_default_hall_template() -> None:
    template = default_template(ConsultationKind.HALL)
    assert template.kind is ConsultationKind.HALL
    assert len(template.steps) == 8
    assert template.steps[0] == "征集议题"
    assert template.steps[-1] == "跟踪问效"
    assert template.steps == [
        "征集议题",
        "审定议题",
        "调研准备",
        "发布公告",
        "协商议事",
        "形成成果",
        "交办转化",
        "跟踪问效",
    ]


def test_default_micro_template() -> None:
    template = default_template(ConsultationKind.MICRO)
    assert template.kind is ConsultationKind.MICRO
    assert template.steps == ["有议题", "有调研", "有协商", "有记录", "有成果", "有反馈"]


def test_editing_a_template_does_not_change_the_defaults() -> None:
    template = default_template(ConsultationKind.HALL)
    template.steps[0] = "改名"
    template.steps.append("回头看")
    assert default_template(ConsultationKind.HALL).steps[0] == "征集议题"
    assert len(DEFAULT_HALL_STEPS) == 8
    assert len(DEFAULT_MICRO_STEPS) == 6


def test_checklist_is_an_independent_copy() -> None:
    template = default_template(ConsultationKind.HALL)
    checklist = checklist_from(template)
    assert [s.name for s in checklist] == list(DEFAULT_HALL_STEPS)
    assert all(not s.done and s.done_on is None and s.note == "" for s in checklist)

    template.steps[0] = "议题征集（改）"
    template.steps.insert(1, "新增步骤")
    del template.steps[-1]

    assert [s.name for s in checklist] == list(DEFAULT_HALL_STEPS)


def test_checklists_from_one_template_do_not_share_steps() -> None:
    template = default_template(ConsultationKind.MICRO)
    first, second = checklist_from(template), checklist_from(template)
    first[0].done = True
    first[0].done_on = TODAY
    assert not second[0].done
    assert second[0].done_on is None
