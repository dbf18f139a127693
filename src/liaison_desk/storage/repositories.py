"""Data access over one session. Services open the session (one unit of work) and call these;
what comes back are domain objects, detached from the session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, exists, extract, func, or_, select
from sqlalchemy.orm import Session, selectinload

from liaison_desk.domain.entities import (
    CASE_SECTIONS,
    Attachment,
    AuditEntry,
    Case,
    CasePhoto,
    Consultation,
    LiaisonGroup,
    OutcomeItem,
    Person,
    ProcedureTemplate,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import (
    AttachmentKind,
    AuditAction,
    CaseStatus,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
)
from liaison_desk.domain.queries import (
    CaseFilter,
    ConsultationFilter,
    ConsultationSummary,
    OutcomeFilter,
    OutcomeItemSummary,
    Page,
    PageRequest,
    PersonFilter,
    RecycleBinEntry,
    YearStatistics,
)
from liaison_desk.domain.rules import LockedError
from liaison_desk.storage import mapping
from liaison_desk.storage.dialect import contains, insert_ignore
from liaison_desk.storage.models import (
    AttachmentRow,
    AuditRow,
    CaseRow,
    ConsultationRow,
    GroupRow,
    NumberCounterRow,
    OutcomeItemRow,
    ParticipantRow,
    PersonRow,
    ProcedureStepRow,
    SettingRow,
    SpeechRow,
    SubmissionCaseRow,
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

_GROUP_COLS: tuple[str, ...] = (
    "name",
    "town",
    "short_name",
    "leader",
    "secretary",
    "secretary_phone",
)
_GROUP_COLS += ("fonds_code", "org_code")
_PERSON_COLS: tuple[str, ...] = (
    "group_id",
    "name",
    "category",
    "unit",
    "title",
    "phone",
    "id_card",
)
_PERSON_COLS += ("cppcc_level", "sector", "consent_to_publish", "consent_note")
_CONSULTATION_COLS: tuple[str, ...] = (
    "group_id",
    "kind",
    "number",
    "title",
    "topic_source",
    "held_on",
)
_CONSULTATION_COLS += ("start_time", "end_time", "venue", "host", "recorder", "status", "agenda")
_CONSULTATION_COLS += ("minutes", "consensus", "author")
_OUTCOME_COLS: tuple[str, ...] = ("content", "responsible_body", "responsible_person", "deadline")
_OUTCOME_COLS += ("solved_on_spot", "adopted", "status", "unsolved_reason", "resolved_on")
_OUTCOME_COLS += ("revisit_on", "revisit_note", "satisfaction")
_ATTACHMENT_COLS: tuple[str, ...] = (
    "sha256",
    "original_name",
    "media_type",
    "size",
    "kind",
    "caption",
)
_ATTACHMENT_COLS += ("taken_at", "position", "is_cover", "case_id", "consultation_id")
_CASE_COLS: tuple[str, ...] = (
    "group_id",
    "year",
    "title",
    "subtitle",
    "sections",
    "status",
    "retention",
)
_CASE_COLS += ("version",)
_SUBMISSION_COLS: tuple[str, ...] = (
    "group_id",
    "target",
    "submitted_on",
    "file_name",
    "sha256",
    "note",
)


def _stamp_new(row: Any, obj: Any, now: datetime) -> None:
    row.uuid = obj.uuid
    row.revision = 1
    row.created_at = now
    row.updated_at = now
    row.deleted_at = obj.deleted_at


def _stamp_update(row: Any, now: datetime) -> None:
    row.revision = (row.revision or 0) + 1
    row.updated_at = now


def _upsert(s: Session, table: type[R], obj: Any, columns: tuple[str, ...], now: datetime) -> R:
    """The row of ``obj`` (new, or its stored row with the next revision), columns copied over."""
    row = s.get(table, obj.id) if obj.id else None
    if row is None:
        row = table()
        _stamp_new(row, obj, now)
        s.add(row)
    else:
        _stamp_update(row, now)
    mapping.apply(row, obj, columns)
    return row


def _page(
    s: Session, stmt: Any, page: PageRequest, sort_columns: dict[str, Any]
) -> tuple[list[Any], int]:
    total = s.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    if page.order_by and page.order_by in sort_columns:
        column = sort_columns[page.order_by]
        stmt = stmt.order_by(None).order_by(column.desc() if page.descending else column.asc())
    if page.offset:
        stmt = stmt.offset(page.offset)
    if page.limit is not None:
        stmt = stmt.limit(page.limit)
    return list(s.execute(stmt).all()), total


# --- groups -------------------------------------------------------------------------------------


def group_from_row(row: GroupRow) -> LiaisonGroup:
    return mapping.to_domain(LiaisonGroup, row)


def list_groups(s: Session) -> list[LiaisonGroup]:
    rows = s.scalars(select(GroupRow).where(GroupRow.deleted_at.is_(None)).order_by(GroupRow.id))
    return [group_from_row(r) for r in rows]


def get_group(s: Session, group_id: int) -> LiaisonGroup | None:
    row = s.get(GroupRow, group_id)
    return group_from_row(row) if row else None


def save_group(s: Session, group: LiaisonGroup, now: datetime) -> LiaisonGroup:
    row = _upsert(s, GroupRow, group, _GROUP_COLS, now)
    s.flush()
    return group_from_row(row)


# --- people -------------------------------------------------------------------------------------


def person_from_row(row: PersonRow) -> Person:
    return mapping.to_domain(Person, row)


def get_person(s: Session, person_id: int) -> Person | None:
    row = s.get(PersonRow, person_id)
    return person_from_row(row) if row else None


def save_person(s: Session, person: Person, now: datetime) -> Person:
    row = _upsert(s, PersonRow, person, _PERSON_COLS, now)
    s.flush()
    return person_from_row(row)


def list_people(s: Session, f: PersonFilter, page: PageRequest) -> Page[Person]:
    stmt = select(PersonRow).where(PersonRow.deleted_at.is_(None)).order_by(PersonRow.id)
    if f.group_id is not None:
        stmt = stmt.where(PersonRow.group_id == f.group_id)
    if f.category is not None:
        stmt = stmt.where(PersonRow.category == f.category.value)
    if f.text.strip():
        needle = f.text.strip()
        # "委员" or "群众" finds the people of that category too: the category is stored as a
        # code, so its Chinese label is matched here.
        categories = [c.value for c in ParticipantCategory if needle in c.label]
        stmt = stmt.where(
            or_(
                *(
                    contains(c, needle)
                    for c in (
                        PersonRow.name,
                        PersonRow.unit,
                        PersonRow.title,
                        PersonRow.phone,
                        PersonRow.sector,
                    )
                ),
                PersonRow.category.in_(categories),
            )
        )
    cols = {"name": PersonRow.name, "category": PersonRow.category, "unit": PersonRow.unit}
    rows, total = _page(s, stmt, page, cols)
    return Page([person_from_row(r[0]) for r in rows], total)


def people_named(s: Session, name: str) -> list[Person]:
    rows = s.scalars(
        select(PersonRow).where(PersonRow.name == name.strip(), PersonRow.deleted_at.is_(None))
    )
    return [person_from_row(r) for r in rows]


def all_people(s: Session, ids: set[int] | None = None) -> list[Person]:
    stmt = select(PersonRow)
    if ids is not None:
        stmt = stmt.where(PersonRow.id.in_(ids))
    return [person_from_row(r) for r in s.scalars(stmt)]


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
    row = _record_row(s, entity_type, record_id) if record_id else None
    if row is not None:
        _stamp_update(row, now)
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
            _stamp_new(item_row, item, now)
            row.outcome_items.append(item_row)
        elif _differs(item_row, item, _OUTCOME_COLS) or item_row.position != position:
            _stamp_update(item_row, now)
        mapping.apply(item_row, item, _OUTCOME_COLS)
        item_row.position = position
        kept.add(item.uuid)
    for uuid, item_row in existing.items():
        if uuid not in kept and item_row.deleted_at is None:
            item_row.deleted_at = now
            _stamp_update(item_row, now)


def _sync_attachments(row: ConsultationRow, files: list[Attachment], now: datetime) -> None:
    existing = {a.uuid: a for a in row.attachments}
    kept: set[str] = set()
    for position, att in enumerate(files):
        att_row = existing.get(att.uuid)
        if att_row is None:
            att_row = AttachmentRow()
            _stamp_new(att_row, att, now)
            row.attachments.append(att_row)
        elif _differs(att_row, att, _ATTACHMENT_COLS):
            _stamp_update(att_row, now)
        att.position = position
        mapping.apply(att_row, att, _ATTACHMENT_COLS)
        att_row.consultation_id = row.id
        kept.add(att.uuid)
    for uuid, att_row in existing.items():
        if uuid not in kept and att_row.deleted_at is None:
            att_row.deleted_at = now
            _stamp_update(att_row, now)
    # The record handed back must list its files in their new order, as a reload would.
    row.attachments.sort(key=lambda a: a.position)


def _differs(row: Any, obj: Any, columns: tuple[str, ...]) -> bool:
    return any(getattr(row, k) != v for k, v in mapping.column_values(obj, columns).items())


def save_consultation(s: Session, c: Consultation, now: datetime) -> Consultation:
    row = _consultation_row(s, c.id) if c.id else None
    if row is None:
        row = ConsultationRow()
        _stamp_new(row, c, now)
        s.add(row)
    else:
        _stamp_update(row, now)
    mapping.apply(row, c, _CONSULTATION_COLS)
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


def _consultation_filter(stmt: Any, f: ConsultationFilter) -> Any:
    if f.year is not None:
        stmt = stmt.where(extract("year", ConsultationRow.held_on) == f.year)
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
        stmt = stmt.where(or_(*(contains(c, needle) for c in columns), people, said))
    return stmt


CONSULTATION_SORT = {
    "number": ConsultationRow.number,
    "held_on": ConsultationRow.held_on,
    "title": ConsultationRow.title,
    "venue": ConsultationRow.venue,
    "host": ConsultationRow.host,
    "group_name": GroupRow.name,
    "status": ConsultationRow.status,
    "attendance_total": ConsultationRow.attendance_total,
    "member_attendance": ConsultationRow.member_attendance,
    "suggestion_count": ConsultationRow.suggestion_count,
    "solved_count": ConsultationRow.solved_count,
    "updated_at": ConsultationRow.updated_at,
}


def list_consultations(
    s: Session, f: ConsultationFilter, page: PageRequest
) -> Page[ConsultationSummary]:
    stmt = (
        select(ConsultationRow, GroupRow.name)
        .join(GroupRow, GroupRow.id == ConsultationRow.group_id)
        .where(ConsultationRow.deleted_at.is_(None))
        .order_by(ConsultationRow.held_on.desc(), ConsultationRow.id.desc())
    )
    rows, total = _page(s, _consultation_filter(stmt, f), page, CONSULTATION_SORT)
    items = [
        ConsultationSummary(
            id=r.id,
            uuid=r.uuid,
            number=r.number,
            kind=ConsultationKind(r.kind),
            title=r.title,
            held_on=r.held_on,
            venue=r.venue,
            host=r.host,
            group_id=r.group_id,
            group_name=name,
            status=ConsultationStatus(r.status),
            attendance_total=r.attendance_total,
            member_attendance=r.member_attendance,
            suggestion_count=r.suggestion_count,
            solved_count=r.solved_count,
            updated_at=r.updated_at,
        )
        for r, name in rows
    ]
    return Page(items, total)


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
        _stamp_new(row, item, now)
        s.add(row)
    else:
        _stamp_update(row, now)
    mapping.apply(row, item, _OUTCOME_COLS)
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
    "content": OutcomeItemRow.content,
    "responsible_body": OutcomeItemRow.responsible_body,
    "deadline": OutcomeItemRow.deadline,
    "status": OutcomeItemRow.status,
    "resolved_on": OutcomeItemRow.resolved_on,
    "consultation_number": ConsultationRow.number,
    "held_on": ConsultationRow.held_on,
}


def list_outcome_items(s: Session, f: OutcomeFilter, page: PageRequest) -> Page[OutcomeItemSummary]:
    stmt = (
        select(
            OutcomeItemRow,
            ConsultationRow.number,
            ConsultationRow.title,
            ConsultationRow.kind,
            ConsultationRow.held_on,
            GroupRow.name,
        )
        .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
        .join(GroupRow, GroupRow.id == ConsultationRow.group_id)
        .where(OutcomeItemRow.deleted_at.is_(None), ConsultationRow.deleted_at.is_(None))
        .order_by(
            ConsultationRow.held_on.desc(), OutcomeItemRow.consultation_id, OutcomeItemRow.position
        )
    )
    open_codes = [st.value for st in OutcomeStatus if st.is_open]
    if f.year is not None:
        stmt = stmt.where(extract("year", ConsultationRow.held_on) == f.year)
    if f.group_id is not None:
        stmt = stmt.where(ConsultationRow.group_id == f.group_id)
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
    if f.overdue_on is not None:
        stmt = stmt.where(
            OutcomeItemRow.status.in_(open_codes), OutcomeItemRow.deadline < f.overdue_on
        )
    if f.text.strip():
        needle = f.text.strip()
        stmt = stmt.where(
            or_(
                contains(OutcomeItemRow.content, needle),
                contains(OutcomeItemRow.responsible_body, needle),
                contains(OutcomeItemRow.responsible_person, needle),
                contains(ConsultationRow.number, needle),
            )
        )
    rows, total = _page(s, stmt, page, OUTCOME_SORT)
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
    row = _upsert(s, AttachmentRow, att, _ATTACHMENT_COLS, now)
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


# --- cases --------------------------------------------------------------------------------------


def case_from_row(row: CaseRow) -> Case:
    return mapping.to_domain(
        Case,
        row,
        archive_number=row.archive_number or "",
        sections=dict(row.sections or {}),
        consultation_ids=list(row.consultation_ids or []),
        photos=[
            CasePhoto(attachment_id=p["attachment_id"], caption=p.get("caption", ""))
            for p in row.photos or []
        ],
    )


def get_case(s: Session, case_id: int) -> Case | None:
    row = s.get(CaseRow, case_id)
    return case_from_row(row) if row else None


def save_case(s: Session, case: Case, now: datetime) -> Case:
    row = _upsert(s, CaseRow, case, _CASE_COLS, now)
    row.archive_number = case.archive_number or None
    row.sections = dict(case.sections)
    row.consultation_ids = list(case.consultation_ids)
    row.photos = [{"attachment_id": p.attachment_id, "caption": p.caption} for p in case.photos]
    s.flush()
    return case_from_row(row)


def _case_text_matches(needle: str) -> ColumnElement[bool]:
    """Title, subtitle, 档号 or the text of any section contains ``needle``. Each section is
    read out of the JSON column as text (json_extract on SQLite, ->> on PostgreSQL), because the
    stored JSON escapes Chinese characters."""
    sections = [CaseRow.sections[key].as_string() for key, _ in CASE_SECTIONS]
    columns = [CaseRow.title, CaseRow.subtitle, CaseRow.archive_number, *sections]
    return or_(*(contains(c, needle) for c in columns))


def list_cases(s: Session, f: CaseFilter, page: PageRequest) -> Page[Case]:
    stmt = (
        select(CaseRow)
        .where(CaseRow.deleted_at.is_(None))
        .order_by(CaseRow.year.desc(), CaseRow.id)
    )
    if f.year is not None:
        stmt = stmt.where(CaseRow.year == f.year)
    if f.group_id is not None:
        stmt = stmt.where(CaseRow.group_id == f.group_id)
    if f.status is not None:
        stmt = stmt.where(CaseRow.status == f.status.value)
    needle = f.text.strip()
    if needle:
        stmt = stmt.where(_case_text_matches(needle))
    rows, total = _page(
        s, stmt, page, {"title": CaseRow.title, "year": CaseRow.year, "status": CaseRow.status}
    )
    return Page([case_from_row(r[0]) for r in rows], total)


# --- submissions --------------------------------------------------------------------------------


def submission_from_row(row: SubmissionRow) -> Submission:
    return mapping.to_domain(
        Submission, row, cases=[mapping.to_domain(SubmissionCase, c) for c in row.cases]
    )


def get_submission(s: Session, submission_id: int) -> Submission | None:
    row = s.get(SubmissionRow, submission_id)
    return submission_from_row(row) if row else None


def save_submission(s: Session, sub: Submission, now: datetime) -> Submission:
    row = _upsert(s, SubmissionRow, sub, _SUBMISSION_COLS, now)
    existing = {c.case_id: c for c in row.cases}
    row.cases = [_submission_case_row(existing.get(c.case_id), c) for c in sub.cases]
    s.flush()
    return submission_from_row(row)


def _submission_case_row(row: SubmissionCaseRow | None, c: SubmissionCase) -> SubmissionCaseRow:
    row = row or SubmissionCaseRow(case_id=c.case_id)
    row.result = c.result.value
    row.note = c.note
    return row


def list_submissions(s: Session, group_id: int | None = None) -> list[Submission]:
    stmt = (
        select(SubmissionRow)
        .where(SubmissionRow.deleted_at.is_(None))
        .order_by(SubmissionRow.submitted_on.desc())
    )
    if group_id is not None:
        stmt = stmt.where(SubmissionRow.group_id == group_id)
    return [submission_from_row(r) for r in s.scalars(stmt)]


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


# --- audit --------------------------------------------------------------------------------------


def add_audit(s: Session, entry: AuditEntry) -> None:
    s.add(
        AuditRow(
            at=entry.at,
            actor=entry.actor,
            entity_type=entry.entity_type,
            entity_uuid=entry.entity_uuid,
            action=entry.action.value,
            revision=entry.revision,
            summary=entry.summary,
            changes=mapping.jsonable(entry.changes),
            reason=entry.reason,
        )
    )


def list_audit(
    s: Session, entity_type: str | None = None, entity_uuid: str | None = None
) -> list[AuditEntry]:
    stmt = select(AuditRow).order_by(AuditRow.at, AuditRow.id)
    if entity_type:
        stmt = stmt.where(AuditRow.entity_type == entity_type)
    if entity_uuid:
        stmt = stmt.where(AuditRow.entity_uuid == entity_uuid)
    return [
        AuditEntry(
            id=r.id,
            at=r.at,
            actor=r.actor,
            entity_type=r.entity_type,
            entity_uuid=r.entity_uuid,
            action=AuditAction(r.action),
            revision=r.revision,
            summary=r.summary,
            changes=dict(r.changes or {}),
            reason=r.reason,
        )
        for r in s.scalars(stmt)
    ]


# --- recycle bin --------------------------------------------------------------------------------


def lock_record(s: Session, entity_type: str, record_id: int | None) -> None:
    """Hold the record's row until the transaction ends, before reading it to save over it: on
    PostgreSQL SELECT … FOR UPDATE (another saver waits, then reads the new revision and is
    refused); on SQLite the write transaction already holds the database's write lock. Call
    it before anything of the record is loaded in the session."""
    if record_id:
        table = RECORD_TABLES[entity_type]
        s.execute(select(table.id).where(table.id == record_id).with_for_update())


@dataclass(frozen=True)
class RecordRef:
    """What the recycle bin and the history need of any record, read out of its row: who it
    is, how it is shown, and the parents whose lock rules it follows. Detached plain data."""

    entity_type: str
    id: int
    uuid: str
    revision: int
    title: str  # how the recycle bin names it ("织里-2024-议-001 标题", a person's name, …)
    deleted_at: datetime | None
    consultation_id: int | None = None  # an outcome item's or attachment's record
    case_id: int | None = None  # an attachment's case


def _record_row(s: Session, entity_type: str, record_id: int) -> Any:
    table = RECORD_TABLES.get(entity_type)
    if table is None:
        raise ValueError(f"unknown entity type {entity_type!r}")
    return s.get(table, record_id)


def _ref(entity_type: str, row: Any) -> RecordRef:
    return RecordRef(
        entity_type=entity_type,
        id=row.id,
        uuid=row.uuid,
        revision=row.revision,
        title=_title_of(entity_type, row),
        deleted_at=row.deleted_at,
        consultation_id=getattr(row, "consultation_id", None),
        case_id=getattr(row, "case_id", None),
    )


def record_ref(s: Session, entity_type: str, record_id: int) -> RecordRef | None:
    """The record of ``entity_type`` with this id (in the recycle bin or not), or None."""
    row = _record_row(s, entity_type, record_id)
    return _ref(entity_type, row) if row is not None else None


def record_uuid(s: Session, entity_type: str, record_id: int) -> str | None:
    """The UUID its audit entries are filed under, or None for an unknown id."""
    row = _record_row(s, entity_type, record_id)
    return str(row.uuid) if row is not None else None


def set_deleted(
    s: Session, entity_type: str, record_id: int, deleted_at: datetime | None
) -> RecordRef:
    """Put the record in the recycle bin (``deleted_at``) or take it out (None), as its next
    revision; an outcome item's consultation recounts its suggestions."""
    row = _record_row(s, entity_type, record_id)
    if row is None:
        raise KeyError(record_id)
    row.deleted_at = deleted_at
    row.revision += 1
    if entity_type == "outcome_item":
        parent = _record_row(s, "consultation", row.consultation_id)
        s.flush()
        s.refresh(parent, ["outcome_items"])
        refresh_counts(parent)
    return _ref(entity_type, row)


def purge_record(s: Session, entity_type: str, record_id: int) -> None:
    """Delete the record for good (its parts go with it)."""
    row = _record_row(s, entity_type, record_id)
    if row is None:
        raise KeyError(record_id)
    s.delete(row)
    s.flush()


def _title_of(entity_type: str, row: Any) -> str:
    if entity_type == "consultation":
        return f"{row.number} {row.title}"
    if entity_type in ("person", "group"):
        return str(row.name)
    if entity_type == "outcome_item":
        return str(row.content)[:60]
    if entity_type == "attachment":
        return str(row.caption or row.original_name)
    if entity_type == "submission":
        return f"{row.submitted_on} {row.target}"
    return str(row.title)


def group_has_records(s: Session, group_id: int) -> bool:
    for table in (ConsultationRow, CaseRow, SubmissionRow):
        if s.scalar(select(func.count()).select_from(table).where(table.group_id == group_id)):
            return True
    return False


def purge_blocker(s: Session, record: RecordRef) -> str:
    """Why a record cannot be deleted for good (another record still needs it), or ""."""
    if record.entity_type == "group" and group_has_records(s, record.id):
        return f"{record.title}还有协商活动、案例或报送记录，不能彻底删除。"
    if record.entity_type == "case":
        used = s.scalar(
            select(func.count())
            .select_from(SubmissionCaseRow)
            .where(SubmissionCaseRow.case_id == record.id)
        )
        if used:
            return f"案例《{record.title}》在报送记录中，报送台账需要它，不能彻底删除。"
    return ""


def detach_references(s: Session, record: RecordRef) -> None:
    """Before a person is purged, consultations keep the participant's copied name but no longer
    point at the roster entry."""
    if record.entity_type == "person":
        for p in s.scalars(select(ParticipantRow).where(ParticipantRow.person_id == record.id)):
            p.person_id = None
        s.flush()


def list_deleted(s: Session) -> list[RecycleBinEntry]:
    entries: list[RecycleBinEntry] = []
    for entity_type, table in RECORD_TABLES.items():
        for row in s.scalars(select(table).where(table.deleted_at.is_not(None))):
            entries.append(
                RecycleBinEntry(
                    entity_type, row.id, row.uuid, _title_of(entity_type, row), row.deleted_at
                )
            )
    entries.sort(key=lambda e: e.deleted_at, reverse=True)
    return entries


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


# --- settings -----------------------------------------------------------------------------------

# The row holding the version of the stored settings (config.SETTINGS_VERSION when written).
SETTINGS_VERSION_KEY = "_version"


def get_settings(s: Session) -> dict[str, Any]:
    """Every row of the ``settings`` table as key → value, ``_version`` and unknown keys included;
    services.settings checks them against the declarations in config."""
    return {row.key: row.value for row in s.scalars(select(SettingRow).order_by(SettingRow.key))}


def put_settings(s: Session, values: dict[str, Any]) -> None:
    """Insert or replace one row per key (JSON values; None is stored as JSON null)."""
    for key, value in values.items():
        row = s.get(SettingRow, key)
        if row is None:
            s.add(SettingRow(key=key, value=value))
        else:
            row.value = value
    s.flush()


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
