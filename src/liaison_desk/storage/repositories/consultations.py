"""Consultations with their participants, speeches, outcome items and attachments; the
procedure templates; what the forms offer for completion (venues, responsible bodies)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased, selectinload

from liaison_desk.domain.entities import (
    Attachment,
    Consultation,
    OutcomeItem,
    ProcedureTemplate,
)
from liaison_desk.domain.enums import (
    AttachmentKind,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
)
from liaison_desk.domain.queries import (
    ConsultationFilter,
    ConsultationSummary,
    ConsultationTotals,
    OutcomeFilter,
    OutcomeItemSummary,
    Page,
    PageRequest,
)
from liaison_desk.storage import mapping, search_index
from liaison_desk.storage.dialect import contains
from liaison_desk.storage.list_order import Text
from liaison_desk.storage.models import (
    AttachmentRow,
    ConsultationRow,
    GroupRow,
    OutcomeItemRow,
    ParticipantRow,
    ProcedureStepRow,
    SpeechRow,
)
from liaison_desk.storage.repositories._common import (
    differs,
    page_rows,
    stamp_new,
    stamp_update,
    upsert,
)

CONSULTATION_COLUMNS: tuple[str, ...] = (
    "group_id",
    "kind",
    "number",
    "title",
    "topic_source",
    "held_on",
)
CONSULTATION_COLUMNS += ("start_time", "end_time", "venue", "host", "recorder", "status", "agenda")
CONSULTATION_COLUMNS += ("minutes", "consensus", "author")
OUTCOME_COLUMNS: tuple[str, ...] = ("content", "responsible_body", "responsible_person", "deadline")
OUTCOME_COLUMNS += ("solved_on_spot", "adopted", "status", "unsolved_reason", "resolved_on")
OUTCOME_COLUMNS += ("revisit_on", "revisit_note", "satisfaction")
_ATTACHMENT_COLS: tuple[str, ...] = (
    "sha256",
    "original_name",
    "media_type",
    "size",
    "kind",
    "caption",
)
_ATTACHMENT_COLS += ("taken_at", "position", "is_cover", "case_id", "consultation_id")


# --- consultations ------------------------------------------------------------------------------


def _outcome_from_row(row: OutcomeItemRow) -> OutcomeItem:
    return mapping.to_domain(OutcomeItem, row)


def _attachment_from_row(row: AttachmentRow) -> Attachment:
    return mapping.to_domain(Attachment, row)


def consultation_from_row(
    row: ConsultationRow, include_deleted_children: bool = False
) -> Consultation:
    items = [i for i in row.outcome_items if include_deleted_children or i.deleted_at is None]
    files = [a for a in row.attachments if include_deleted_children or a.deleted_at is None]
    return mapping.to_domain(
        Consultation,
        row,
        archive_number=row.archive_number or "",
        agenda=list(row.agenda or []),
        participants=[mapping.participant_from_row(p) for p in row.participants],
        speeches=[mapping.speech_from_row(sp) for sp in row.speeches],
        head_counts=mapping.head_counts_from_json(row.head_counts),
        checklist=mapping.checklist_from_json(row.checklist),
        outcome_items=[_outcome_from_row(i) for i in items],
        attachments=[_attachment_from_row(a) for a in files],
    )


def _consultation_row(s: Session, consultation_id: int) -> ConsultationRow | None:
    return s.get(
        ConsultationRow,
        consultation_id,
        options=[
            selectinload(ConsultationRow.participants),
            selectinload(ConsultationRow.speeches),
            selectinload(ConsultationRow.outcome_items),
            selectinload(ConsultationRow.attachments),
        ],
    )


def get_consultation(s: Session, consultation_id: int) -> Consultation | None:
    row = _consultation_row(s, consultation_id)
    return consultation_from_row(row) if row else None


def set_record_archive_number(s: Session, consultation_id: int, number: str) -> None:
    """Give the session's record sheet its 档号 (once; never changed afterwards). Not a change of
    the consultation itself: its revision and last-modified time stay, so an editor open on it
    does not see a conflict."""
    s.execute(
        update(ConsultationRow)
        .where(ConsultationRow.id == consultation_id, ConsultationRow.archive_number.is_(None))
        .values(archive_number=number)
        .execution_options(synchronize_session="fetch")
    )


def consultation_id_by_number(s: Session, number: str) -> int | None:
    return s.scalar(select(ConsultationRow.id).where(ConsultationRow.number == number.strip()))


def consultations_by_number(s: Session, numbers: list[str]) -> dict[str, Consultation]:
    """The records with these numbers (those in the recycle bin too), loaded in a few queries
    rather than one lookup each: a ledger names hundreds."""
    found: dict[str, Consultation] = {}
    wanted = sorted({n.strip() for n in numbers if n.strip()})
    for start in range(0, len(wanted), 500):
        stmt = (
            select(ConsultationRow)
            .where(ConsultationRow.number.in_(wanted[start : start + 500]))
            .options(
                selectinload(ConsultationRow.participants),
                selectinload(ConsultationRow.speeches),
                selectinload(ConsultationRow.outcome_items),
                selectinload(ConsultationRow.attachments),
            )
        )
        for row in s.scalars(stmt):
            found[row.number] = consultation_from_row(row)
    return found


def refresh_counts(row: ConsultationRow) -> None:
    c = consultation_from_row(row)
    row.attendance_total = c.attendance_total
    row.member_attendance = c.member_attendance
    row.suggestion_count = c.suggestion_count
    row.solved_count = c.solved_count


def _sync_outcome_items(
    s: Session, row: ConsultationRow, items: list[OutcomeItem], now: datetime
) -> None:
    """Match by UUID so an item keeps its identity (and revision) across edits; items the form
    dropped go to the recycle bin rather than vanishing."""
    existing = {i.uuid: i for i in row.outcome_items}
    kept: set[str] = set()
    for position, item in enumerate(items):
        item_row = existing.get(item.uuid)
        if item_row is None:
            item_row = OutcomeItemRow()
            stamp_new(item_row, item, now)
            row.outcome_items.append(item_row)
        elif differs(item_row, item, OUTCOME_COLUMNS) or item_row.position != position:
            stamp_update(item_row, now)
        mapping.apply(item_row, item, OUTCOME_COLUMNS)
        item_row.position = position
        kept.add(item.uuid)
    for uuid, item_row in existing.items():
        if uuid not in kept and item_row.deleted_at is None:
            item_row.deleted_at = now
            stamp_update(item_row, now)


def _sync_attachments(row: ConsultationRow, files: list[Attachment], now: datetime) -> None:
    existing = {a.uuid: a for a in row.attachments}
    kept: set[str] = set()
    for position, att in enumerate(files):
        att_row = existing.get(att.uuid)
        if att_row is None:
            att_row = AttachmentRow()
            stamp_new(att_row, att, now)
            row.attachments.append(att_row)
        elif differs(att_row, att, _ATTACHMENT_COLS):
            stamp_update(att_row, now)
        att.position = position
        mapping.apply(att_row, att, _ATTACHMENT_COLS)
        att_row.consultation_id = row.id
        kept.add(att.uuid)
    for uuid, att_row in existing.items():
        if uuid not in kept and att_row.deleted_at is None:
            att_row.deleted_at = now
            stamp_update(att_row, now)
    # The record handed back must list its files in their new order, as a reload would.
    row.attachments.sort(key=lambda a: a.position)


def save_consultation(s: Session, c: Consultation, now: datetime) -> Consultation:
    row = _consultation_row(s, c.id) if c.id else None
    if row is None:
        row = ConsultationRow()
        stamp_new(row, c, now)
        s.add(row)
    else:
        stamp_update(row, now)
    mapping.apply(row, c, CONSULTATION_COLUMNS)
    row.agenda = list(c.agenda)
    row.head_counts = mapping.head_counts_to_json(c.head_counts)
    row.checklist = mapping.checklist_to_json(c.checklist)
    row.participants = [
        ParticipantRow(
            position=i,
            **mapping.column_values(
                p, ("person_id", "name", "category", "unit", "title", "attended", "absence_reason")
            ),
        )
        for i, p in enumerate(c.participants)
    ]
    row.speeches = [
        SpeechRow(position=i, speaker=sp.speaker, capacity=sp.capacity, content=sp.content)
        for i, sp in enumerate(c.speeches)
    ]
    s.flush()
    _sync_outcome_items(s, row, c.outcome_items, now)
    _sync_attachments(row, c.attachments, now)
    s.flush()
    refresh_counts(row)
    s.flush()
    return consultation_from_row(row)


def _in_year(year: int) -> tuple[Any, Any]:
    """Held in ``year``, as a range of days: an index on the date answers it (the year of the
    date computed per row made every list of a year read the whole table)."""
    return (
        ConsultationRow.held_on >= date(year, 1, 1),
        ConsultationRow.held_on <= date(year, 12, 31),
    )


def _consultation_filter(
    s: Session, stmt: Any, f: ConsultationFilter, *, walk: str | None = None
) -> Any:
    if f.year is not None:
        stmt = stmt.where(*_in_year(f.year))
    if f.group_id is not None:
        stmt = stmt.where(ConsultationRow.group_id == f.group_id)
    if f.kind is not None:
        stmt = stmt.where(ConsultationRow.kind == f.kind.value)
    if f.status is not None:
        stmt = stmt.where(ConsultationRow.status == f.status.value)
    if f.held_from is not None:
        stmt = stmt.where(ConsultationRow.held_on >= f.held_from)
    if f.held_to is not None:
        stmt = stmt.where(ConsultationRow.held_on <= f.held_to)
    needle = f.text.strip()
    if needle:
        people = exists().where(
            ParticipantRow.consultation_id == ConsultationRow.id,
            contains(ParticipantRow.name, needle),
        )
        said = exists().where(
            SpeechRow.consultation_id == ConsultationRow.id,
            or_(contains(SpeechRow.speaker, needle), contains(SpeechRow.content, needle)),
        )
        columns = (
            ConsultationRow.number,
            ConsultationRow.title,
            ConsultationRow.venue,
            ConsultationRow.host,
            ConsultationRow.recorder,
            ConsultationRow.minutes,
            ConsultationRow.consensus,
        )
        substring = or_(*(contains(c, needle) for c in columns), people, said)
        stmt = stmt.where(
            search_index.matches(
                s, "consultation", ConsultationRow.id, needle, substring, walk=walk
            )
        )
    return stmt


# Text in the lists' order (``Text``); statuses by the order the list gives (value_order).
CONSULTATION_SORT = {
    "number": Text(ConsultationRow.number),
    "held_on": ConsultationRow.held_on,
    "title": Text(ConsultationRow.title),
    "venue": Text(ConsultationRow.venue),
    "host": Text(ConsultationRow.host),
    "group_name": Text(GroupRow.name),
    "status": ConsultationRow.status,
    "attendance_total": ConsultationRow.attendance_total,
    "member_attendance": ConsultationRow.member_attendance,
    "suggestion_count": ConsultationRow.suggestion_count,
    "solved_count": ConsultationRow.solved_count,
    "updated_at": ConsultationRow.updated_at,
}


# The columns of a list row: not whole ORM rows, whose minutes, agenda and speeches' text a
# list of 100k consultations would read, hold and throw away (seconds and hundreds of MB).
_SUMMARY_COLUMNS = (
    ConsultationRow.id,
    ConsultationRow.uuid,
    ConsultationRow.number,
    ConsultationRow.kind,
    ConsultationRow.title,
    ConsultationRow.held_on,
    ConsultationRow.venue,
    ConsultationRow.host,
    ConsultationRow.group_id,
    GroupRow.name,
    ConsultationRow.status,
    ConsultationRow.attendance_total,
    ConsultationRow.member_attendance,
    ConsultationRow.suggestion_count,
    ConsultationRow.solved_count,
    ConsultationRow.updated_at,
)


@cache  # one statement: a new alias each time costs its building and a compile (ms each)
def hidden_consultations() -> Any:
    """The ids of the consultations in the recycle bin (few: read from the deleted_at index)."""
    binned = aliased(ConsultationRow)
    return select(binned.id).where(binned.deleted_at.is_not(None))


def list_consultations(
    s: Session, f: ConsultationFilter, page: PageRequest, *, matched: int | None = None
) -> Page[ConsultationSummary]:
    """``matched``: the total, when already counted (the global search box counts every kind
    in one pass over the index)."""
    # Counted without the join to the groups (every consultation has one): the count of a
    # search then needs only the index and the deleted_at index, not every matching row.
    needle = f.text.strip()
    total = matched
    if total is None and needle and replace(f, text="") == ConsultationFilter():  # search box
        total = search_index.count_matches(s, "consultation", needle, hidden_consultations())
    if total is None:
        counted = select(func.count()).select_from(ConsultationRow)
        counted = counted.where(ConsultationRow.deleted_at.is_(None))
        total = s.scalar(_consultation_filter(s, counted, f)) or 0
    if total == 0:
        return Page([], 0)
    walk = None
    if needle and page.limit is not None and page.order_by in (None, "held_on"):
        rows_walked = search_index.table_rows(s, ConsultationRow.id)
        wanted = page.offset + page.limit
        walk = search_index.walks_sort_order(s, needle, total, wanted, rows_walked)
    stmt = (
        select(*_SUMMARY_COLUMNS)
        .join(GroupRow, GroupRow.id == ConsultationRow.group_id)
        .where(search_index.not_deleted(ConsultationRow.deleted_at, walk))
        .order_by(ConsultationRow.held_on.desc(), ConsultationRow.id.desc())
    )
    tiebreak = (ConsultationRow.held_on.desc(), ConsultationRow.id.desc())
    rows = page_rows(
        s, _consultation_filter(s, stmt, f, walk=walk), page, CONSULTATION_SORT, tiebreak
    )
    kinds = {k.value: k for k in ConsultationKind}
    statuses = {k.value: k for k in ConsultationStatus}
    items = [
        ConsultationSummary(
            id=r[0],
            uuid=r[1],
            number=r[2],
            kind=kinds[r[3]],
            title=r[4],
            held_on=r[5],
            venue=r[6],
            host=r[7],
            group_id=r[8],
            group_name=r[9],
            status=statuses[r[10]],
            attendance_total=r[11],
            member_attendance=r[12],
            suggestion_count=r[13],
            solved_count=r[14],
            updated_at=r[15],
        )
        for r in rows
    ]
    return Page(items, total)


def consultation_totals(s: Session, f: ConsultationFilter) -> ConsultationTotals:
    """What the list's status bar sums over every consultation matching ``f`` (one query,
    whatever part of the list is loaded)."""
    stmt = select(
        func.count(),
        func.coalesce(func.sum(ConsultationRow.attendance_total), 0),
        func.coalesce(func.sum(ConsultationRow.member_attendance), 0),
        func.coalesce(func.sum(ConsultationRow.suggestion_count), 0),
        func.coalesce(func.sum(ConsultationRow.solved_count), 0),
    ).where(ConsultationRow.deleted_at.is_(None))
    row = s.execute(_consultation_filter(s, stmt, f)).one()
    return ConsultationTotals(*(int(v or 0) for v in row))


def venues(s: Session, group_id: int | None, limit: int) -> list[str]:
    """Venues of the group's consultations (all groups' when None, the recycle bin left out),
    each once, the most recently used first, at most ``limit``."""
    latest = func.max(ConsultationRow.held_on)
    stmt = (
        select(ConsultationRow.venue, latest)
        .where(ConsultationRow.deleted_at.is_(None), ConsultationRow.venue != "")
        .group_by(ConsultationRow.venue)
        .order_by(latest.desc(), ConsultationRow.venue)
    )
    if group_id is not None:
        stmt = stmt.where(ConsultationRow.group_id == group_id)
    seen: dict[str, None] = {}
    for venue, _held_on in s.execute(stmt):
        text = (venue or "").strip()
        if text:
            seen.setdefault(text, None)
        if len(seen) >= limit:
            break
    return list(seen)


# --- outcome items ------------------------------------------------------------------------------


def get_outcome_item(s: Session, item_id: int) -> OutcomeItem | None:
    row = s.get(OutcomeItemRow, item_id)
    return _outcome_from_row(row) if row else None


def save_outcome_item(s: Session, item: OutcomeItem, now: datetime) -> OutcomeItem:
    row = s.get(OutcomeItemRow, item.id) if item.id else None
    if row is None:
        if item.consultation_id is None:
            raise ValueError("an outcome item belongs to a consultation")
        parent = _consultation_row(s, item.consultation_id)
        assert parent is not None
        row = OutcomeItemRow(
            consultation_id=item.consultation_id, position=len(parent.outcome_items)
        )
        stamp_new(row, item, now)
        s.add(row)
    else:
        stamp_update(row, now)
    mapping.apply(row, item, OUTCOME_COLUMNS)
    s.flush()
    parent = _consultation_row(s, row.consultation_id)
    assert parent is not None
    s.refresh(parent, ["outcome_items"])
    refresh_counts(parent)
    s.flush()
    return _outcome_from_row(row)


def responsible_bodies(s: Session, group_id: int | None) -> set[str]:
    """The responsible bodies (责任单位) named on live outcome items of live consultations (of
    the group, when given), stripped, each once."""
    stmt = (
        select(OutcomeItemRow.responsible_body)
        .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
        .where(
            OutcomeItemRow.deleted_at.is_(None),
            ConsultationRow.deleted_at.is_(None),
            OutcomeItemRow.responsible_body != "",
        )
        .distinct()
    )
    if group_id is not None:
        stmt = stmt.where(ConsultationRow.group_id == group_id)
    return {body.strip() for body in s.scalars(stmt) if body and body.strip()}


OUTCOME_SORT = {
    "content": Text(OutcomeItemRow.content),
    "responsible_body": Text(OutcomeItemRow.responsible_body),
    "responsible_person": Text(OutcomeItemRow.responsible_person),
    "deadline": OutcomeItemRow.deadline,
    "status": OutcomeItemRow.status,
    "resolved_on": OutcomeItemRow.resolved_on,
    "revisit_on": OutcomeItemRow.revisit_on,
    "satisfaction": OutcomeItemRow.satisfaction,
    "consultation_number": Text(ConsultationRow.number),
    "number": Text(ConsultationRow.number),  # the list's column of the consultation's number
    "kind": ConsultationRow.kind,
    "group": Text(GroupRow.name),
    "held_on": ConsultationRow.held_on,
}


def _outcome_items_query(s: Session, f: OutcomeFilter, *, walk: str | None) -> Any:
    needle = f.text.strip()
    searching = bool(walk) or (bool(needle) and s.get_bind().dialect.name == "sqlite")
    if walk:
        # The consultations walked newest first through the held_on index ("+ 0": not looked
        # up by id from the items), the recycle bin left out by id, not by reading each row.
        joined = ConsultationRow.id + 0 == OutcomeItemRow.consultation_id
        live = ConsultationRow.id.not_in(hidden_consultations())
    else:
        joined = ConsultationRow.id == OutcomeItemRow.consultation_id
        live = ConsultationRow.deleted_at.is_(None)
    stmt = (
        select(
            OutcomeItemRow,
            ConsultationRow.number,
            ConsultationRow.title,
            ConsultationRow.kind,
            ConsultationRow.held_on,
            GroupRow.name,
        )
        .join(ConsultationRow, joined)
        .join(GroupRow, GroupRow.id == ConsultationRow.group_id)
        # Searching: not the deleted_at index, which would read every live item's row.
        .where(search_index.not_deleted(OutcomeItemRow.deleted_at, searching), live)
        .order_by(
            ConsultationRow.held_on.desc(), OutcomeItemRow.consultation_id, OutcomeItemRow.position
        )
    )
    open_codes = [st.value for st in OutcomeStatus if st.is_open]
    if f.year is not None:
        stmt = stmt.where(*_in_year(f.year))
    if f.group_id is not None:
        stmt = stmt.where(ConsultationRow.group_id == f.group_id)
    # Always a lower bound on the date (every day is after date.min): SQLite then reads the
    # consultations newest first by their index and each one's items, and stops after a page,
    # instead of reading all 157k items and sorting them for the first page of "all years".
    stmt = stmt.where(ConsultationRow.held_on >= (f.held_from or date.min))
    if f.held_to is not None:
        stmt = stmt.where(ConsultationRow.held_on <= f.held_to)
    if f.consultation_id is not None:
        stmt = stmt.where(OutcomeItemRow.consultation_id == f.consultation_id)
    if f.status is not None:
        stmt = stmt.where(OutcomeItemRow.status == f.status.value)
    if f.open_only:
        stmt = stmt.where(OutcomeItemRow.status.in_(open_codes))
    if f.responsible_body.strip():
        stmt = stmt.where(contains(OutcomeItemRow.responsible_body, f.responsible_body.strip()))
    if f.due_before is not None:
        stmt = stmt.where(OutcomeItemRow.deadline <= f.due_before)
    if f.due_from is not None:
        stmt = stmt.where(OutcomeItemRow.deadline >= f.due_from)
    if f.overdue_on is not None:
        stmt = stmt.where(
            OutcomeItemRow.status.in_(open_codes), OutcomeItemRow.deadline < f.overdue_on
        )
    if needle:
        substring = or_(
            contains(OutcomeItemRow.content, needle),
            contains(OutcomeItemRow.responsible_body, needle),
            contains(OutcomeItemRow.responsible_person, needle),
            contains(ConsultationRow.number, needle),
        )
        stmt = stmt.where(
            search_index.matches(s, "outcome_item", OutcomeItemRow.id, needle, substring, walk=walk)
        )
    return stmt


@cache
def hidden_outcome_items() -> Any:
    """The ids of the outcome items in the recycle bin or of a consultation there (few)."""
    binned = aliased(OutcomeItemRow)
    of_binned = aliased(OutcomeItemRow)
    return (
        select(binned.id)
        .where(binned.deleted_at.is_not(None))
        .union_all(
            select(of_binned.id).where(of_binned.consultation_id.in_(hidden_consultations()))
        )
    )


def list_outcome_items(
    s: Session, f: OutcomeFilter, page: PageRequest, *, matched: int | None = None
) -> Page[OutcomeItemSummary]:
    """``matched``: the total, when already counted (as for ``list_consultations``)."""
    needle = f.text.strip()
    total = matched
    if total is None and needle and replace(f, text="") == OutcomeFilter():  # search box
        total = search_index.count_matches(s, "outcome_item", needle, hidden_outcome_items())
    if total is None:
        # Counted without the groups and the items' columns: an index count of the live items
        # of the live consultations matching.
        where = _outcome_items_query(s, f, walk=None).whereclause
        assert where is not None  # the live items of live consultations, at least
        counted = (
            select(func.count())
            .select_from(OutcomeItemRow)
            .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
            .where(where)
        )
        total = s.scalar(counted) or 0
    if page.limit == 0 or total == 0:  # only the count (the dashboard's figures); none
        return Page([], total)
    # A common word's first page: walk the consultations newest first and their items, keeping
    # the matches, rather than look up and sort all of them (70 ms for the 4k items with 张).
    walk = None
    if needle and page.limit is not None and page.order_by is None:
        rows_walked = search_index.table_rows(s, OutcomeItemRow.id)
        walk = search_index.walks_sort_order(
            s, needle, total, page.offset + page.limit, rows_walked
        )
    tiebreak = (
        ConsultationRow.held_on.desc(),
        OutcomeItemRow.consultation_id,
        OutcomeItemRow.position,
    )
    rows = page_rows(s, _outcome_items_query(s, f, walk=walk), page, OUTCOME_SORT, tiebreak)
    return Page(
        [
            OutcomeItemSummary(
                item=_outcome_from_row(r),
                consultation_id=r.consultation_id,
                consultation_number=number,
                consultation_title=title,
                consultation_kind=ConsultationKind(kind),
                held_on=held_on,
                group_name=group,
            )
            for r, number, title, kind, held_on, group in rows
        ],
        total,
    )


# --- attachments --------------------------------------------------------------------------------


def get_attachment(s: Session, attachment_id: int) -> Attachment | None:
    row = s.get(AttachmentRow, attachment_id)
    return _attachment_from_row(row) if row else None


def save_attachment(s: Session, att: Attachment, now: datetime) -> Attachment:
    row = upsert(s, AttachmentRow, att, _ATTACHMENT_COLS, now)
    s.flush()
    return _attachment_from_row(row)


def case_photos(s: Session, case_id: int) -> list[Attachment]:
    """The photos added to the case itself (not in the recycle bin), in their order."""
    stmt = (
        select(AttachmentRow)
        .where(
            AttachmentRow.case_id == case_id,
            AttachmentRow.deleted_at.is_(None),
            AttachmentRow.kind == AttachmentKind.PHOTO.value,
        )
        .order_by(AttachmentRow.position, AttachmentRow.id)
    )
    return [_attachment_from_row(r) for r in s.scalars(stmt)]


def attachment_hashes(s: Session) -> dict[str, list[str]]:
    """Every content hash the database refers to (recycle bin included), with the names under
    which it was added."""
    result: dict[str, list[str]] = {}
    for sha, name in s.execute(select(AttachmentRow.sha256, AttachmentRow.original_name)):
        result.setdefault(sha, []).append(name)
    return result


# --- procedure templates ------------------------------------------------------------------------


def get_template(s: Session, kind: ConsultationKind) -> ProcedureTemplate:
    names = s.scalars(
        select(ProcedureStepRow.name)
        .where(ProcedureStepRow.kind == kind.value)
        .order_by(ProcedureStepRow.position)
    )
    return ProcedureTemplate(kind=kind, steps=list(names))


def save_template(s: Session, template: ProcedureTemplate) -> None:
    for row in s.scalars(
        select(ProcedureStepRow).where(ProcedureStepRow.kind == template.kind.value)
    ):
        s.delete(row)
    s.flush()
    for i, name in enumerate(template.steps):
        s.add(ProcedureStepRow(kind=template.kind.value, position=i, name=name))
    s.flush()
