"""Yearly statistics, row counts and the change summary a server database is watched by."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, extract, func, select
from sqlalchemy.orm import Session

from liaison_desk.domain.enums import (
    CaseStatus,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
)
from liaison_desk.domain.queries import YearStatistics
from liaison_desk.storage.models import (
    AttachmentRow,
    CaseRow,
    ConsultationRow,
    GroupRow,
    OutcomeItemRow,
    PersonRow,
    SubmissionRow,
)
from liaison_desk.storage.repositories._common import RECORD_TABLES

# --- statistics ---------------------------------------------------------------------------------


def record_years(s: Session) -> list[int]:
    """Years that have consultations (not deleted), newest first: the year filters offer them."""
    year = extract("year", ConsultationRow.held_on)
    rows = s.execute(
        select(year)
        .where(ConsultationRow.deleted_at.is_(None))
        .group_by(year)
        .order_by(year.desc())
    ).scalars()
    return [int(y) for y in rows if y is not None]


def _held_in_year(year: int, group_id: int | None) -> list[Any]:
    """The consultations the statistics count: held (not planned) in ``year``, not deleted."""
    where = [
        ConsultationRow.deleted_at.is_(None),
        extract("year", ConsultationRow.held_on) == year,
        ConsultationRow.status != ConsultationStatus.PLANNED.value,
    ]
    if group_id is not None:
        where.append(ConsultationRow.group_id == group_id)
    return where


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
    c_where = _held_in_year(year, group_id)
    kinds = dict(
        s.execute(
            select(ConsultationRow.kind, func.count())
            .where(*c_where)
            .group_by(ConsultationRow.kind)
        ).all()
    )
    sums = s.execute(
        select(
            func.coalesce(func.sum(ConsultationRow.attendance_total), 0),
            func.coalesce(func.sum(ConsultationRow.member_attendance), 0),
        ).where(*c_where)
    ).one()
    month = extract("month", ConsultationRow.held_on)
    by_month = {
        int(m): int(n)
        for m, n in s.execute(select(month, func.count()).where(*c_where).group_by(month)).all()
    }
    open_codes = [st.value for st in OutcomeStatus if st.is_open]
    item_base = (
        select(func.count())
        .select_from(OutcomeItemRow)
        .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
        .where(OutcomeItemRow.deleted_at.is_(None), *c_where)
    )
    suggestions = s.scalar(item_base) or 0
    adopted = s.scalar(item_base.where(OutcomeItemRow.adopted.is_(True))) or 0
    solved = s.scalar(item_base.where(OutcomeItemRow.status == OutcomeStatus.SOLVED.value)) or 0
    # For a past year, "overdue" means overdue at the end of that year.
    as_of = min(today, date(year, 12, 31))
    overdue = (
        s.scalar(
            item_base.where(
                and_(OutcomeItemRow.status.in_(open_codes), OutcomeItemRow.deadline < as_of)
            )
        )
        or 0
    )
    case_where = [CaseRow.deleted_at.is_(None), CaseRow.year == year]
    if group_id is not None:
        case_where.append(CaseRow.group_id == group_id)
    case_statuses = dict(
        s.execute(
            select(CaseRow.status, func.count()).where(*case_where).group_by(CaseRow.status)
        ).all()
    )
    submitted = sum(
        case_statuses.get(st.value, 0)
        for st in (CaseStatus.SUBMITTED, CaseStatus.SELECTED, CaseStatus.RETURNED)
    )
    return YearStatistics(
        year=year,
        group_id=group_id,
        hall_sessions=kinds.get(ConsultationKind.HALL.value, 0),
        micro_consultations=kinds.get(ConsultationKind.MICRO.value, 0),
        attendance=int(sums[0]),
        member_attendance=int(sums[1]),
        suggestions=suggestions,
        adopted=adopted,
        solved=solved,
        overdue=overdue,
        cases_written=sum(case_statuses.values()),
        cases_submitted=submitted,
        cases_selected=case_statuses.get(CaseStatus.SELECTED.value, 0),
        by_month=by_month,
    )


def count_rows(s: Session) -> dict[str, int]:
    """Rows per table (recycle bin included): what check and backup report."""
    return {
        name: s.scalar(select(func.count()).select_from(table)) or 0
        for name, table in RECORD_TABLES.items()
    }


_WATCHED_TABLES = (
    GroupRow,
    PersonRow,
    ConsultationRow,
    OutcomeItemRow,
    AttachmentRow,
    CaseRow,
    SubmissionRow,
)


def change_summary(s: Session) -> tuple[int, ...]:
    """Row count, sum of revisions and highest id of every main table, in one query: every
    save raises a revision, every new record raises a count and an id, every purge lowers a
    count, so any committed change elsewhere changes the tuple (a server database's stand-in
    for SQLite's data_version)."""
    columns: list[Any] = []
    for table in _WATCHED_TABLES:
        columns += [
            select(func.count()).select_from(table).scalar_subquery(),
            select(func.coalesce(func.sum(table.revision), 0)).scalar_subquery(),
            select(func.coalesce(func.max(table.id), 0)).scalar_subquery(),
        ]
    return tuple(int(v or 0) for v in s.execute(select(*columns)).one())
