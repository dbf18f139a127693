"""What every area shares: stamping a new or changed row, paging a query, the table of each
kind of record, holding a record for the save, the one lock rule, and number counters."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liaison_desk.domain.enums import (
    CaseStatus,
    ConsultationStatus,
)
from liaison_desk.domain.queries import PageRequest
from liaison_desk.domain.rules import LockedError
from liaison_desk.storage import mapping
from liaison_desk.storage.dialect import insert_ignore
from liaison_desk.storage.list_order import order_expression
from liaison_desk.storage.models import (
    AttachmentRow,
    CaseRow,
    ConsultationRow,
    GroupRow,
    NumberCounterRow,
    OutcomeItemRow,
    PersonRow,
    SubmissionRow,
)

R = TypeVar("R")

RECORD_TABLES: dict[str, Any] = {
    "group": GroupRow,
    "person": PersonRow,
    "consultation": ConsultationRow,
    "outcome_item": OutcomeItemRow,
    "attachment": AttachmentRow,
    "case": CaseRow,
    "submission": SubmissionRow,
}


def stamp_new(row: Any, obj: Any, now: datetime) -> None:
    row.uuid = obj.uuid
    row.revision = 1
    row.created_at = now
    row.updated_at = now
    row.deleted_at = obj.deleted_at


def stamp_update(row: Any, now: datetime) -> None:
    row.revision = (row.revision or 0) + 1
    row.updated_at = now


def upsert(s: Session, table: type[R], obj: Any, columns: tuple[str, ...], now: datetime) -> R:
    """The row of ``obj`` (new, or its stored row with the next revision), columns copied over."""
    row = s.get(table, obj.id) if obj.id else None
    if row is None:
        row = table()
        stamp_new(row, obj, now)
        s.add(row)
    else:
        stamp_update(row, now)
    mapping.apply(row, obj, columns)
    return row


def paged(
    s: Session,
    stmt: Any,
    page: PageRequest,
    sort_columns: dict[str, Any],
    tiebreak: Sequence[Any] = (),
) -> tuple[list[Any], int]:
    total = s.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    if page.limit == 0:  # only the count (the dashboard's figures): no second statement
        return [], total
    return page_rows(s, stmt, page, sort_columns, tiebreak), total


_FETCH_SLICE = 1000


def page_rows(
    s: Session,
    stmt: Any,
    page: PageRequest,
    sort_columns: dict[str, Any],
    tiebreak: Sequence[Any] = (),
) -> list[Any]:
    """The rows of ``page`` of ``stmt`` (sorted by ``page.order_by`` when it names a column).

    ``tiebreak`` is the list's default order: rows equal in the sort column keep it, as a
    stable sort of the default list would (a list fetched a page at a time must give every
    row one place). Empty values first ascending and last descending, as the lists sort them
    in memory, on either engine."""
    if page.limit == 0:
        return []
    if page.order_by and page.order_by in sort_columns:
        column = order_expression(s, sort_columns[page.order_by], page.value_order)
        first = column.desc().nulls_last() if page.descending else column.asc().nulls_first()
        stmt = stmt.order_by(None).order_by(first, *tiebreak)
    if page.offset:
        stmt = stmt.offset(page.offset)
    if page.limit is not None:
        stmt = stmt.limit(page.limit)
    # In slices: SQLAlchemy's compiled row processing holds the GIL for a whole fetch, and a
    # list of 360k people fetched at once kept the window's GUI thread waiting for 0.7 s.
    rows: list[Any] = []
    for part in s.execute(stmt).partitions(_FETCH_SLICE):
        rows.extend(part)
    return rows


def _locked_counter(s: Session, scope: str) -> NumberCounterRow:
    """The counter of ``scope``, created when missing, locked until the transaction ends.

    On SQLite the whole write transaction already holds the database's write lock (BEGIN
    IMMEDIATE). On PostgreSQL the row is locked (SELECT … FOR UPDATE); its first insert is
    INSERT … ON CONFLICT DO NOTHING, so two transactions creating the same counter at once
    both go on to lock the one row instead of one failing on the primary key."""
    s.execute(insert_ignore(s, NumberCounterRow, {"scope": scope, "last": 0}))
    row = s.scalars(
        select(NumberCounterRow)
        .where(NumberCounterRow.scope == scope)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    return row


def next_sequence(s: Session, scope: str) -> int:
    """The next number in ``scope``; the counter only goes up, so numbers are never reused."""
    row = _locked_counter(s, scope)
    row.last += 1
    s.flush()
    return row.last


def touch(s: Session, entity_type: str, record_id: int | None, now: datetime) -> None:
    """A new revision for a record whose parts changed (a photo added to a consultation)."""
    row = row_of(s, entity_type, record_id) if record_id else None
    if row is not None:
        stamp_update(row, now)
        s.flush()


def refuse_if_locked(s: Session, consultation_id: int | None, case_id: int | None) -> None:
    """The one lock rule for a record and its parts (items, photos): an archived consultation
    or a submitted case is read-only."""
    if consultation_id:
        row = s.get(ConsultationRow, consultation_id)
        if row is not None and row.status == ConsultationStatus.ARCHIVED.value:
            raise LockedError(f"{row.number} 已归档，是只读的。如需修改，请先解锁并填写原因。")
    if case_id:
        case = s.get(CaseRow, case_id)
        if case is not None and CaseStatus(case.status).is_locked:
            raise LockedError(f"案例《{case.title}》已报送，是只读的。")


def raise_sequence(s: Session, scope: str, at_least: int) -> None:
    """Make sure the counter of ``scope`` never hands out ``at_least`` or anything below it."""
    row = _locked_counter(s, scope)
    if row.last < at_least:
        row.last = at_least
    s.flush()


def differs(row: Any, obj: Any, columns: tuple[str, ...]) -> bool:
    return any(getattr(row, k) != v for k, v in mapping.column_values(obj, columns).items())


# --- any record ---------------------------------------------------------------------------------


def lock_record(s: Session, entity_type: str, record_id: int | None) -> None:
    """Hold the record's row until the transaction ends, before reading it to save over it: on
    PostgreSQL SELECT … FOR UPDATE (another saver waits, then reads the new revision and is
    refused); on SQLite the write transaction already holds the database's write lock. Call
    it before anything of the record is loaded in the session."""
    if record_id:
        table = RECORD_TABLES[entity_type]
        s.execute(select(table.id).where(table.id == record_id).with_for_update())


def row_of(s: Session, entity_type: str, record_id: int) -> Any:
    """The live row of any kind of record, or None: for the repositories only, which hand out
    domain objects or a RecordRef instead."""
    table = RECORD_TABLES.get(entity_type)
    if table is None:
        raise ValueError(f"unknown entity type {entity_type!r}")
    return s.get(table, record_id)
