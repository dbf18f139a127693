"""The audit log and the recycle bin: records are referred to by a detached RecordRef, and
changed (deleted, restored, purged) only through the functions here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liaison_desk.domain.entities import AuditEntry
from liaison_desk.domain.enums import AuditAction
from liaison_desk.domain.queries import RecycleBinEntry
from liaison_desk.storage import mapping
from liaison_desk.storage.models import (
    AuditRow,
    CaseRow,
    ConsultationRow,
    GroupRow,
    ParticipantRow,
    SubmissionCaseRow,
    SubmissionRow,
    TombstoneRow,
)
from liaison_desk.storage.repositories._common import RECORD_TABLES, row_of
from liaison_desk.storage.repositories.consultations import refresh_counts

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
    row = row_of(s, entity_type, record_id)
    return _ref(entity_type, row) if row is not None else None


def record_uuid(s: Session, entity_type: str, record_id: int) -> str | None:
    """The UUID its audit entries are filed under, or None for an unknown id."""
    row = row_of(s, entity_type, record_id)
    return str(row.uuid) if row is not None else None


def set_deleted(
    s: Session, entity_type: str, record_id: int, deleted_at: datetime | None
) -> RecordRef:
    """Put the record in the recycle bin (``deleted_at``) or take it out (None), as its next
    revision; an outcome item's consultation recounts its suggestions."""
    row = row_of(s, entity_type, record_id)
    if row is None:
        raise KeyError(record_id)
    row.deleted_at = deleted_at
    row.revision += 1
    if entity_type == "outcome_item":
        parent = row_of(s, "consultation", row.consultation_id)
        s.flush()
        s.refresh(parent, ["outcome_items"])
        refresh_counts(parent)
    return _ref(entity_type, row)


def purge_record(s: Session, entity_type: str, record_id: int, at: datetime | None = None) -> None:
    """Delete the record for good (its parts go with it). With ``at``, a tombstone remembers
    it, so the group's next records package carries the deletion to the district."""
    row = row_of(s, entity_type, record_id)
    if row is None:
        raise KeyError(record_id)
    if at is not None:
        add_tombstone(s, entity_type, row, at)
    s.delete(row)
    s.flush()


def group_uuid_of(s: Session, kind: str, row: Any) -> str | None:
    """The UUID of the group a record belongs to (None for a district-wide submission)."""
    if kind == "group":
        return str(row.uuid)
    if kind in ("person", "consultation", "case", "submission"):
        group_id = row.group_id
    elif kind == "outcome_item":
        group_id = s.scalar(
            select(ConsultationRow.group_id).where(ConsultationRow.id == row.consultation_id)
        )
    else:  # attachment
        if row.consultation_id is not None:
            group_id = s.scalar(
                select(ConsultationRow.group_id).where(ConsultationRow.id == row.consultation_id)
            )
        else:
            group_id = s.scalar(select(CaseRow.group_id).where(CaseRow.id == row.case_id))
    if group_id is None:
        return None
    return s.scalar(select(GroupRow.uuid).where(GroupRow.id == group_id))


def add_tombstone(s: Session, kind: str, row: Any, at: datetime) -> None:
    """Remember a record purged for good, for the next records package."""
    s.add(
        TombstoneRow(
            uuid=row.uuid, entity_type=kind, group_uuid=group_uuid_of(s, kind, row), deleted_at=at
        )
    )


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
