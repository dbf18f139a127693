"""What lists ask for and get back: filters, pages and the summary rows that lists show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

from liaison_desk.domain.entities import OutcomeItem
from liaison_desk.domain.enums import (
    CaseStatus,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
)

T = TypeVar("T")


@dataclass(frozen=True)
class PageRequest:
    offset: int = 0
    limit: int | None = None  # None: everything
    order_by: str | None = None  # a column name of the summary row
    descending: bool = False
    # The stored values of ``order_by``'s column in the order the list shows them (statuses
    # and categories by their label, groups by their name); empty: the column's own order.
    value_order: tuple[object, ...] = ()


@dataclass
class Page(Generic[T]):
    items: list[T]
    total: int  # matching rows, whatever the page size


@dataclass(frozen=True)
class ConsultationFilter:
    year: int | None = None
    group_id: int | None = None
    kind: ConsultationKind | None = None
    status: ConsultationStatus | None = None
    text: str = ""  # anywhere in number, title, venue, host, recorder, people, minutes, consensus
    held_from: date | None = None
    held_to: date | None = None


@dataclass(frozen=True)
class ConsultationSummary:
    id: int
    uuid: str
    number: str
    kind: ConsultationKind
    title: str
    held_on: date
    venue: str
    host: str
    group_id: int
    group_name: str
    status: ConsultationStatus
    attendance_total: int
    member_attendance: int
    suggestion_count: int
    solved_count: int
    updated_at: datetime


@dataclass(frozen=True)
class ConsultationTotals:
    """What a consultation list's status bar sums over every matching record."""

    count: int = 0
    attendance: int = 0
    member_attendance: int = 0
    suggestions: int = 0
    solved: int = 0


@dataclass(frozen=True)
class OutcomeFilter:
    year: int | None = None
    group_id: int | None = None
    status: OutcomeStatus | None = None
    open_only: bool = False
    responsible_body: str = ""
    due_before: date | None = None  # deadline on or before
    due_from: date | None = None  # deadline on or after ("due within": still to come)
    overdue_on: date | None = None  # open items whose deadline has passed on that day
    consultation_id: int | None = None
    text: str = ""
    held_from: date | None = None  # raised at a consultation held on or after
    held_to: date | None = None  # … and on or before (a quarter or month of a report)


@dataclass(frozen=True)
class OutcomeItemSummary:
    item: OutcomeItem
    consultation_id: int
    consultation_number: str
    consultation_title: str
    consultation_kind: ConsultationKind
    held_on: date
    group_name: str


@dataclass(frozen=True)
class PersonFilter:
    group_id: int | None = None
    category: ParticipantCategory | None = None
    text: str = ""


@dataclass(frozen=True)
class CaseFilter:
    year: int | None = None
    group_id: int | None = None
    status: CaseStatus | None = None
    text: str = ""


@dataclass(frozen=True)
class RecycleBinEntry:
    entity_type: str  # "consultation", "person", "case", "outcome_item", "attachment", "submission"
    id: int
    uuid: str
    title: str
    deleted_at: datetime


@dataclass(frozen=True)
class YearStatistics:
    """What the district reports per group and year (domain.md)."""

    year: int
    group_id: int | None
    hall_sessions: int = 0
    micro_consultations: int = 0
    attendance: int = 0  # 参与人次
    member_attendance: int = 0  # 委员人次
    suggestions: int = 0
    adopted: int = 0
    solved: int = 0
    overdue: int = 0
    cases_written: int = 0
    cases_submitted: int = 0
    cases_selected: int = 0
    by_month: dict[int, int] = field(default_factory=dict)  # consultations per month

    @property
    def solved_rate(self) -> float:
        return self.solved / self.suggestions if self.suggestions else 0.0
