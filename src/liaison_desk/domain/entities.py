"""Entities of domain.md as plain dataclasses.

Every record carries a UUID and a revision counter so that packages from several groups can be
merged later; ``id`` is the local database key (None until saved).
"""

from __future__ import annotations

import uuid as _uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time

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


def new_uuid() -> str:
    return str(_uuid.uuid4())


@dataclass(kw_only=True)
class Record:
    """What every stored record has."""

    id: int | None = None
    uuid: str = field(default_factory=new_uuid)
    revision: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(kw_only=True)
class LiaisonGroup(Record):
    name: str  # 织里镇联络组
    town: str  # 织里镇
    short_name: str = ""  # 织里, used in 编号; derived from the town when empty
    leader: str = ""
    secretary: str = ""
    secretary_phone: str = ""
    fonds_code: str = ""  # 全宗号, e.g. J012
    org_code: str = ""  # 机构(问题)代码, e.g. ZL


@dataclass(kw_only=True)
class Person(Record):
    name: str
    category: ParticipantCategory
    group_id: int | None = None
    unit: str = ""
    title: str = ""
    phone: str = ""
    id_card: str = ""
    cppcc_level: CppccLevel | None = None
    sector: str = ""  # 界别, for members
    consent_to_publish: bool = False  # 单独同意: lifts the mask for this person
    consent_note: str = ""


@dataclass(kw_only=True)
class Participant:
    """A named person at a consultation; the name is copied so the record survives roster edits."""

    name: str
    category: ParticipantCategory
    person_id: int | None = None
    unit: str = ""
    title: str = ""
    attended: bool = True
    absence_reason: str = ""


@dataclass(kw_only=True)
class HeadCount:
    """Crowds of residents counted by category rather than named."""

    category: ParticipantCategory
    count: int


@dataclass(kw_only=True)
class Speech:
    speaker: str
    capacity: str = ""  # 身份
    content: str = ""


@dataclass(kw_only=True)
class ChecklistStep:
    """A consultation's own copy of a procedure step, so later template edits never rewrite it."""

    name: str
    done: bool = False
    done_on: date | None = None
    note: str = ""


@dataclass(kw_only=True)
class ProcedureTemplate:
    kind: ConsultationKind
    steps: list[str]


@dataclass(kw_only=True)
class OutcomeItem(Record):
    content: str
    consultation_id: int | None = None
    responsible_body: str = ""
    responsible_person: str = ""
    deadline: date | None = None
    solved_on_spot: bool = False
    adopted: bool = False
    status: OutcomeStatus = OutcomeStatus.PENDING
    unsolved_reason: str = ""
    resolved_on: date | None = None
    revisit_on: date | None = None
    revisit_note: str = ""
    satisfaction: Satisfaction | None = None

    def is_overdue(self, today: date) -> bool:
        return self.status.is_open and self.deadline is not None and self.deadline < today


@dataclass(kw_only=True)
class Attachment(Record):
    sha256: str
    original_name: str
    media_type: str = "application/octet-stream"
    size: int = 0
    kind: AttachmentKind = AttachmentKind.PHOTO
    caption: str = ""
    taken_at: datetime | None = None
    position: int = 0
    is_cover: bool = False
    consultation_id: int | None = None
    case_id: int | None = None


@dataclass(kw_only=True)
class Consultation(Record):
    kind: ConsultationKind
    title: str
    group_id: int | None
    held_on: date | None
    venue: str
    number: str = ""  # 编号, assigned on first save
    # 档号 of the record sheet (a 件 of its own), given when a case using it is finalised;
    # the repository never writes it back from here.
    archive_number: str = ""
    topic_source: TopicSource = TopicSource.RESIDENTS
    start_time: time | None = None
    end_time: time | None = None
    host: str = ""
    recorder: str = ""
    status: ConsultationStatus = ConsultationStatus.COMPLETED
    agenda: list[str] = field(default_factory=list)
    minutes: str = ""
    consensus: str = ""  # 协商成果
    author: str = ""
    participants: list[Participant] = field(default_factory=list)
    head_counts: list[HeadCount] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    checklist: list[ChecklistStep] = field(default_factory=list)
    outcome_items: list[OutcomeItem] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def is_locked(self) -> bool:
        return self.status is ConsultationStatus.ARCHIVED

    @property
    def year(self) -> int | None:
        return self.held_on.year if self.held_on else None

    # Totals of the record sheet: 应到 / 实到 / 参与人次 / 委员人次.
    @property
    def expected_count(self) -> int:
        return len(self.participants)

    @property
    def attended_count(self) -> int:
        return sum(1 for p in self.participants if p.attended)

    @property
    def attendance_total(self) -> int:
        """参与人次: everyone named who attended plus the counted crowd."""
        return self.attended_count + sum(h.count for h in self.head_counts)

    @property
    def member_attendance(self) -> int:
        """委员人次: CPPCC members who attended."""
        named = sum(
            1 for p in self.participants if p.attended and p.category is ParticipantCategory.MEMBER
        )
        counted = sum(h.count for h in self.head_counts if h.category is ParticipantCategory.MEMBER)
        return named + counted

    @property
    def suggestion_count(self) -> int:
        return len([i for i in self.outcome_items if not i.is_deleted])

    @property
    def solved_count(self) -> int:
        return sum(
            1 for i in self.outcome_items if not i.is_deleted and i.status is OutcomeStatus.SOLVED
        )


CASE_SECTIONS: tuple[tuple[str, str], ...] = (
    ("basic_info", "基本信息"),
    ("background", "背景起因"),
    ("practice", "主要做法/协商过程"),
    ("results", "成果成效"),
    ("insights", "经验启示"),
)


@dataclass(kw_only=True)
class CasePhoto:
    attachment_id: int
    caption: str = ""


@dataclass(kw_only=True)
class Case(Record):
    group_id: int | None
    year: int
    title: str
    subtitle: str = ""
    sections: dict[str, str] = field(default_factory=dict)  # keys of CASE_SECTIONS
    status: CaseStatus = CaseStatus.DRAFT
    retention: RetentionPeriod = RetentionPeriod.PERMANENT
    archive_number: str = ""  # 档号, assigned on 定稿
    finalised_on: date | None = None  # the day of 定稿 (of this version): its catalogue 日期
    version: int = 1
    consultation_ids: list[int] = field(default_factory=list)
    photos: list[CasePhoto] = field(default_factory=list)

    @property
    def is_locked(self) -> bool:
        return self.status.is_locked

    def full_text(self) -> str:
        """Title, subtitle and sections in order: the text whose 字数 is counted."""
        parts = [self.title, self.subtitle]
        parts += [self.sections.get(key, "") for key, _ in CASE_SECTIONS]
        return "\n".join(p for p in parts if p)


@dataclass(kw_only=True)
class SubmissionCase:
    case_id: int
    result: SubmissionResult = SubmissionResult.PENDING
    note: str = ""


@dataclass(kw_only=True)
class Submission(Record):
    group_id: int | None
    target: str  # 市政协优秀协商案例征集
    submitted_on: date
    file_name: str = ""
    sha256: str = ""
    note: str = ""
    cases: list[SubmissionCase] = field(default_factory=list)


@dataclass(kw_only=True)
class AuditEntry:
    entity_type: str  # "consultation", "person", ...
    entity_uuid: str
    action: AuditAction
    actor: str
    at: datetime
    summary: str = ""  # what changed, in Chinese
    changes: dict[str, object] = field(default_factory=dict)  # field -> [old, new]
    reason: str = ""
    revision: int = 0
    id: int | None = None
