"""Yearly statistics, row counts and the change summary a server database is watched by."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import (
    String,
    and_,
    bindparam,
    case,
    exists,
    extract,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, selectinload

from liaison_desk.domain.entities import Case, Consultation, Person
from liaison_desk.domain.enums import (
    CaseStatus,
    ConsultationKind,
    ConsultationStatus,
    CppccLevel,
    OutcomeStatus,
    ParticipantCategory,
)
from liaison_desk.domain.queries import YearStatistics
from liaison_desk.storage.models import (
    CaseRow,
    ConsultationRow,
    GroupRow,
    OutcomeItemRow,
    ParticipantRow,
    PersonRow,
    SpeechRow,
)
from liaison_desk.storage.repositories._common import RECORD_TABLES
from liaison_desk.storage.repositories.cases import case_from_row
from liaison_desk.storage.repositories.consultations import consultation_from_row

# --- statistics ---------------------------------------------------------------------------------


def record_years(s: Session) -> list[int]:
    """Years that have consultations (not deleted), newest first: the year filters offer them."""
    # One index seek per year (the latest day before the year found last), not a pass over
    # every consultation: a page's year filter is filled on the GUI thread.
    # One Core statement (compiled once, cached) per year: through the ORM session four
    # hundred years took 0.9 s.
    years: list[int] = []
    conn = s.connection()
    day = conn.execute(_LATEST_BEFORE, {"before": date.max}).scalar()
    while day is not None:
        years.append(day.year)
        day = conn.execute(_LATEST_BEFORE, {"before": date(day.year, 1, 1)}).scalar()
    return years


_LATEST_BEFORE = select(func.max(ConsultationRow.held_on)).where(
    ConsultationRow.deleted_at.is_(None), ConsultationRow.held_on < bindparam("before")
)


def _held_in_year(year: int, group_id: int | None) -> list[Any]:
    """The consultations the statistics count: held (not planned) in ``year``, not deleted."""
    return _held_between(date(year, 1, 1), date(year, 12, 31), group_id)


def _held_between(start: date, end: date, group_id: int | None) -> list[Any]:
    """The consultations a report of ``start``–``end`` counts: held (not planned) on a day of
    the period, not deleted. The one rule of which consultations the statistics count."""
    where = [
        ConsultationRow.deleted_at.is_(None),
        ConsultationRow.held_on >= start,
        ConsultationRow.held_on <= end,
        ConsultationRow.status != ConsultationStatus.PLANNED.value,
    ]
    if group_id is not None:
        where.append(ConsultationRow.group_id == group_id)
    return where


def overdue_as_of(today: date, end: date) -> date:
    """The day "overdue" is judged on for a report ending on ``end``: for a past period, its
    last day; for the current one, today."""
    return min(today, end)


def _is_solved() -> Any:
    """An outcome item counted as a problem solved (domain.md: status 已解决)."""
    return OutcomeItemRow.status == OutcomeStatus.SOLVED.value


def _is_overdue(as_of: date) -> Any:
    """An outcome item counted as overdue on ``as_of``: still open, its deadline before it."""
    open_codes = [st.value for st in OutcomeStatus if st.is_open]
    return and_(OutcomeItemRow.status.in_(open_codes), OutcomeItemRow.deadline < as_of)


def attendance_by_kind(s: Session, year: int, group_id: int | None) -> dict[str, tuple[int, int]]:
    """Kind code → (参与人次, 委员人次) of the consultations year_statistics counts."""
    rows = s.execute(
        select(
            ConsultationRow.kind,
            func.coalesce(func.sum(ConsultationRow.attendance_total), 0),
            func.coalesce(func.sum(ConsultationRow.member_attendance), 0),
        )
        .where(*_held_in_year(year, group_id))
        .group_by(ConsultationRow.kind)
    ).all()
    return {kind: (int(total), int(members)) for kind, total, members in rows}


def year_statistics(s: Session, year: int, group_id: int | None, today: date) -> YearStatistics:
    return period_statistics(s, date(year, 1, 1), date(year, 12, 31), group_id, today)


def period_statistics(
    s: Session, start: date, end: date, group_id: int | None, today: date
) -> YearStatistics:
    """The headline figures of ``start``–``end`` (within one year): what 工作台 shows for a
    year and the statistics workbook's 总表 for a year, quarter or month. Cases count by the
    year they belong to (a case has no date of its own)."""
    return breakdown(s, start, end, group_id, today, None)[None]


Breakdown = Literal["group", "month", "topic_source"]


def breakdown(
    s: Session,
    start: date,
    end: date,
    group_id: int | None,
    today: date,
    by: Breakdown | None,
) -> dict[Any, YearStatistics]:
    """The figures of ``period_statistics`` split by group id, month number or topic source
    code (``by``; None: one entry, key None), counted by the same rules. Keys with nothing to
    count are left out."""
    c_where = _held_between(start, end, group_id)
    # No key column at all for the headline figures: a constant in GROUP BY is read as a
    # column position by some engines.
    keys: list[Any] = []
    if by == "group":
        keys = [ConsultationRow.group_id]
    elif by == "month":
        keys = [extract("month", ConsultationRow.held_on)]
    elif by == "topic_source":
        keys = [ConsultationRow.topic_source]
    figures: dict[Any, dict[str, Any]] = {}

    def entry(k: Any) -> dict[str, Any]:
        if by is None:
            k = None
        elif by != "topic_source":
            k = int(k)
        return figures.setdefault(k, {})

    for *k, kind, n, total, members in s.execute(
        select(
            *keys,
            ConsultationRow.kind,
            func.count(),
            func.coalesce(func.sum(ConsultationRow.attendance_total), 0),
            func.coalesce(func.sum(ConsultationRow.member_attendance), 0),
        )
        .where(*c_where)
        .group_by(*keys, ConsultationRow.kind)
    ).all():
        values = entry(k[0] if k else None)
        kind_key = "hall_sessions" if kind == ConsultationKind.HALL.value else "micro_consultations"
        values[kind_key] = int(n)
        values["attendance"] = values.get("attendance", 0) + int(total)
        values["member_attendance"] = values.get("member_attendance", 0) + int(members)
    as_of = overdue_as_of(today, end)
    for *k, n, adopted, solved, overdue in s.execute(
        select(
            *keys,
            func.count(),
            func.coalesce(func.sum(case((OutcomeItemRow.adopted.is_(True), 1), else_=0)), 0),
            func.coalesce(func.sum(case((_is_solved(), 1), else_=0)), 0),
            func.coalesce(func.sum(case((_is_overdue(as_of), 1), else_=0)), 0),
        )
        .select_from(OutcomeItemRow)
        .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
        .where(OutcomeItemRow.deleted_at.is_(None), *c_where)
        .group_by(*keys)
    ).all():
        entry(k[0] if k else None).update(
            suggestions=int(n), adopted=int(adopted), solved=int(solved), overdue=int(overdue)
        )
    if by in (None, "group"):
        case_keys: list[Any] = [] if by is None else [CaseRow.group_id]
        case_where = [CaseRow.deleted_at.is_(None), CaseRow.year == start.year]
        if group_id is not None:
            case_where.append(CaseRow.group_id == group_id)
        submitted_codes = [
            st.value for st in (CaseStatus.SUBMITTED, CaseStatus.SELECTED, CaseStatus.RETURNED)
        ]
        for *k, written, submitted, selected in s.execute(
            select(
                *case_keys,
                func.count(),
                func.coalesce(func.sum(case((CaseRow.status.in_(submitted_codes), 1), else_=0)), 0),
                func.coalesce(
                    func.sum(case((CaseRow.status == CaseStatus.SELECTED.value, 1), else_=0)), 0
                ),
            )
            .where(*case_where)
            .group_by(*case_keys)
        ).all():
            entry(k[0] if k else None).update(
                cases_written=int(written),
                cases_submitted=int(submitted),
                cases_selected=int(selected),
            )
    if by is None:
        month = extract("month", ConsultationRow.held_on)
        by_month = {
            int(m): int(n)
            for m, n in s.execute(select(month, func.count()).where(*c_where).group_by(month))
        }
        entry(None)["by_month"] = by_month
    if by is None:
        entry(None)  # an empty period still has its (zero) figures
    return {
        k: YearStatistics(year=start.year, group_id=group_id, **values)
        for k, values in figures.items()
    }


def items_by_status(s: Session, start: date, end: date, group_id: int | None) -> dict[str, int]:
    """Status code → how many of the outcome items ``period_statistics`` counts as suggestions
    have it (so the counts add up to ``suggestions``). Statuses no item has are left out."""
    rows = s.execute(
        select(OutcomeItemRow.status, func.count())
        .select_from(OutcomeItemRow)
        .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
        .where(OutcomeItemRow.deleted_at.is_(None), *_held_between(start, end, group_id))
        .group_by(OutcomeItemRow.status)
    ).all()
    return {str(status): int(n) for status, n in rows}


@dataclass(frozen=True)
class ItemFacts:
    """One outcome item as the 办理情况 sheet counts it."""

    responsible_body: str
    solved: bool
    overdue: bool
    held_on: date
    resolved_on: date | None
    revisited: bool
    satisfaction: str | None


def item_facts(
    s: Session, start: date, end: date, group_id: int | None, today: date
) -> list[ItemFacts]:
    """The outcome items of the consultations ``period_statistics`` counts, with whether each
    counts as solved and overdue by its rules (days to solve need date arithmetic that differs
    between engines, so it is left to the caller)."""
    as_of = overdue_as_of(today, end)
    rows = s.execute(
        select(
            OutcomeItemRow.responsible_body,
            _is_solved(),
            _is_overdue(as_of),
            ConsultationRow.held_on,
            OutcomeItemRow.resolved_on,
            OutcomeItemRow.revisit_on.is_not(None),
            OutcomeItemRow.satisfaction,
        )
        .select_from(OutcomeItemRow)
        .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
        .where(OutcomeItemRow.deleted_at.is_(None), *_held_between(start, end, group_id))
    ).all()
    return [
        ItemFacts(
            responsible_body=(body or "").strip(),
            solved=bool(solved),
            overdue=bool(overdue),
            held_on=held_on,
            resolved_on=resolved_on,
            revisited=bool(revisited),
            satisfaction=satisfaction,
        )
        for body, solved, overdue, held_on, resolved_on, revisited, satisfaction in rows
    ]


# --- members' duty records (domain/member_record.py) ----------------------------------------------


def members(
    s: Session, ids: set[int] | None = None, *, group_id: int | None = None
) -> list[Person]:
    """The CPPCC members (政协委员) on the roster, not in the recycle bin (of one group with
    ``group_id``), by id."""
    where = _members_where(group_id)
    if ids is not None:
        where.append(PersonRow.id.in_(ids))
    columns = [
        # Times as stored text, read by datetime.fromisoformat below: SQLAlchemy's parser of
        # SQLite's text took a third of a second for 128k members. (PostgreSQL hands out
        # datetimes, which pass through.)
        type_coerce(PersonRow.__table__.c[name], String)
        if name in _TIMES
        else PersonRow.__table__.c[name]
        for name in _PERSON_FIELDS
    ]
    stmt = select(*columns).where(*where).order_by(PersonRow.id)
    # Plain rows of the connection, not ORM objects: a district's 128k members took 8 s to
    # load through the session. The same Person as person_from_row gives.
    levels = {level.value: level for level in CppccLevel}
    categories = {c.value: c for c in ParticipantCategory}
    people = []
    for row in s.connection().execute(stmt):
        values = dict(zip(_PERSON_FIELDS, row, strict=True))
        values["category"] = categories[values["category"]]
        level = values["cppcc_level"]
        values["cppcc_level"] = levels[level] if level is not None else None
        for name in _TIMES:
            when = values[name]
            if isinstance(when, str):
                values[name] = datetime.fromisoformat(when)
        people.append(Person(**values))
    return people


def members_by_group(s: Session, group_id: int | None = None) -> list[tuple[Person, str]]:
    """``members`` with the name of each one's group ("" without a live group), ordered by
    the group's name, then the member's name (both as Python orders text: by code point),
    then id: the ranking's order among equal points, sorted by the engine rather than by
    Python over a district's 128k members."""
    group_name: Any = func.coalesce(GroupRow.name, "")
    person_name: Any = PersonRow.name
    if s.get_bind().dialect.name == "postgresql":
        # SQLite's BINARY order of UTF-8 is code point order; PostgreSQL's locale is not.
        group_name, person_name = group_name.collate("C"), person_name.collate("C")
    # Only the keys are sorted by the engine (sorting whole rows took it a second). "Not in
    # the recycle bin" is written so that SQLite does not walk the roster's partial name
    # index and look each member up by id (1 s) but reads the table in order (0.2 s).
    live = func.coalesce(PersonRow.deleted_at, None).is_(None)
    order = (
        select(PersonRow.id, GroupRow.name)
        .outerjoin(GroupRow, and_(GroupRow.id == PersonRow.group_id, GroupRow.deleted_at.is_(None)))
        .where(*_members_where(group_id, live))
        .order_by(group_name, person_name, PersonRow.id)
    )
    ordered = s.connection().execute(order).all()
    by_id = {p.id: p for p in members(s, group_id=group_id)}
    return [(by_id[pid], name or "") for pid, name in ordered]


_PERSON_FIELDS = [f.name for f in dataclasses.fields(Person)]
_TIMES = {"created_at", "updated_at", "deleted_at"}


def _members_where(group_id: int | None, live: Any = None) -> list[Any]:
    if live is None:
        live = PersonRow.deleted_at.is_(None)
    where = [live, PersonRow.category == ParticipantCategory.MEMBER.value]
    if group_id is not None:
        where.append(PersonRow.group_id == group_id)
    return where


def counted_consultations(
    s: Session, year: int | None, person: Person | None = None
) -> list[Consultation]:
    """The consultations of ``year`` (of every year with None) the statistics count
    (``_held_between``), with their participants, speeches and outcome items. With ``person``:
    only those that can count for that member (domain/member_record.py): listing the person,
    or held by the person's group with the person's name in its host or a speaker (a member is
    named there by text; the rule's exact match is member_activity's, this only narrows)."""
    where = (
        _held_in_year(year, None) if year is not None else _held_between(date.min, date.max, None)
    )
    if person is not None:
        # IN, not a correlated EXISTS: the engine then looks the person's participations up
        # by index instead of testing every consultation of four hundred years (0.4 s).
        listed = ConsultationRow.id.in_(
            select(ParticipantRow.consultation_id).where(ParticipantRow.person_id == person.id)
        )
        name = person.name.strip()
        if person.group_id is not None and name:
            named = or_(
                ConsultationRow.host.contains(name, autoescape=True),
                exists().where(
                    SpeechRow.consultation_id == ConsultationRow.id,
                    SpeechRow.speaker.contains(name, autoescape=True),
                ),
            )
            where.append(or_(listed, and_(ConsultationRow.group_id == person.group_id, named)))
        else:
            where.append(listed)
    stmt = (
        select(ConsultationRow)
        .where(*where)
        .order_by(ConsultationRow.held_on, ConsultationRow.id)
        .options(
            selectinload(ConsultationRow.participants),
            selectinload(ConsultationRow.speeches),
            selectinload(ConsultationRow.outcome_items),
            selectinload(ConsultationRow.attachments),
        )
    )
    return [consultation_from_row(row) for row in s.scalars(stmt)]


def cases_of_year(s: Session, year: int | None) -> list[Case]:
    """The case write-ups of ``year`` (of every year with None), not in the recycle bin."""
    stmt = select(CaseRow).where(CaseRow.deleted_at.is_(None))
    if year is not None:
        stmt = stmt.where(CaseRow.year == year)
    return [case_from_row(r) for r in s.scalars(stmt.order_by(CaseRow.id))]


def count_rows(s: Session) -> dict[str, int]:
    """Rows per table (recycle bin included): what check and backup report."""
    return {
        name: s.scalar(select(func.count()).select_from(table)) or 0
        for name, table in RECORD_TABLES.items()
    }
