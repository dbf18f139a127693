"""Writing many new records at once (the demo at ``--scale 400``): Core ``INSERT`` executemany
with ids given up front, instead of one ORM unit of work per record.

The rows written are those the repositories write for a new record (the same column lists and
JSON forms); the caller has already normalised and validated the records, numbered them and
stamped them (uuid, revision, created/updated) as the services would have. A ``BulkBatch`` is
filled with records and written in one transaction; ids are taken from the tables' current
maximum at that moment, so ordinary saves may run between batches.

Derived tables (indexes kept beside the records, such as a search index) are not filled row by
row here: call ``rebuild_derived_tables`` once after the last batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, update

from liaison_desk.domain.entities import AuditEntry, Consultation, Person
from liaison_desk.storage import mapping
from liaison_desk.storage.models import (
    AuditRow,
    ConsultationRow,
    NumberCounterRow,
    OutcomeItemRow,
    ParticipantRow,
    PersonRow,
    SpeechRow,
)
from liaison_desk.storage.repositories.consultations import CONSULTATION_COLUMNS, OUTCOME_COLUMNS
from liaison_desk.storage.repositories.groups_people import PERSON_COLUMNS
from liaison_desk.storage.session import Session

_PARTICIPANT_COLS = ("person_id", "name", "category", "unit", "title", "attended", "absence_reason")
_STAMP_COLS = ("uuid", "revision", "created_at", "updated_at", "deleted_at")


@dataclass
class BulkBatch:
    """New people, consultations (with participants, speeches and outcome items) and audit
    entries, written in this order by ``write_batch``. The objects get their ids when written
    (``Person.id``, ``Consultation.id``, each ``OutcomeItem.id`` and ``consultation_id``)."""

    people: list[Person] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    # Number counters to raise to at least this value (scope -> last sequence handed out).
    sequences: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.people) + len(self.consultations) + len(self.audit)


def _table(row_class: Any) -> Table:
    """The Core table of a model: executemany without the ORM's per-row bookkeeping."""
    return cast(Table, row_class.__table__)


def _next_id(s: Session, table: Any) -> int:
    return int(s.scalar(select(func.max(table.id))) or 0) + 1


def write_batch(s: Session, batch: BulkBatch) -> None:
    """Insert everything in ``batch`` in the caller's transaction and empty it."""
    if batch.people:
        next_id = _next_id(s, PersonRow)
        rows = []
        for p in batch.people:
            p.id, next_id = next_id, next_id + 1
            rows.append({"id": p.id, **mapping.column_values(p, _STAMP_COLS + PERSON_COLUMNS)})
        s.execute(insert(_table(PersonRow)), rows)
    if batch.consultations:
        _write_consultations(s, batch.consultations)
    if batch.audit:
        s.execute(
            insert(_table(AuditRow)),
            [
                {
                    "at": e.at,
                    "actor": e.actor,
                    "entity_type": e.entity_type,
                    "entity_uuid": e.entity_uuid,
                    "action": e.action.value,
                    "revision": e.revision,
                    "summary": e.summary,
                    "changes": mapping.jsonable(e.changes),
                    "reason": e.reason,
                }
                for e in batch.audit
            ],
        )
    for scope, last in batch.sequences.items():
        row = s.get(NumberCounterRow, scope)
        if row is None:
            s.add(NumberCounterRow(scope=scope, last=last))
        elif row.last < last:
            s.execute(
                update(NumberCounterRow).where(NumberCounterRow.scope == scope).values(last=last)
            )
    s.flush()
    batch.people.clear()
    batch.consultations.clear()
    batch.audit.clear()
    batch.sequences.clear()


def _write_consultations(s: Session, records: list[Consultation]) -> None:
    cid = _next_id(s, ConsultationRow)
    pid = _next_id(s, ParticipantRow)
    sid = _next_id(s, SpeechRow)
    iid = _next_id(s, OutcomeItemRow)
    consultations: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    speeches: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for c in records:
        c.id, cid = cid, cid + 1
        consultations.append(
            {
                "id": c.id,
                **mapping.column_values(c, _STAMP_COLS + CONSULTATION_COLUMNS),
                "agenda": list(c.agenda),
                "head_counts": mapping.head_counts_to_json(c.head_counts),
                "checklist": mapping.checklist_to_json(c.checklist),
                "attendance_total": c.attendance_total,
                "member_attendance": c.member_attendance,
                "suggestion_count": c.suggestion_count,
                "solved_count": c.solved_count,
            }
        )
        for position, p in enumerate(c.participants):
            participants.append(
                {
                    "id": pid,
                    "consultation_id": c.id,
                    "position": position,
                    **mapping.column_values(p, _PARTICIPANT_COLS),
                }
            )
            pid += 1
        for position, sp in enumerate(c.speeches):
            speeches.append(
                {
                    "id": sid,
                    "consultation_id": c.id,
                    "position": position,
                    "speaker": sp.speaker,
                    "capacity": sp.capacity,
                    "content": sp.content,
                }
            )
            sid += 1
        for position, item in enumerate(c.outcome_items):
            item.id, iid = iid, iid + 1
            item.consultation_id = c.id
            items.append(
                {
                    "id": item.id,
                    "consultation_id": c.id,
                    "position": position,
                    **mapping.column_values(item, _STAMP_COLS + OUTCOME_COLUMNS),
                }
            )
    s.execute(insert(_table(ConsultationRow)), consultations)
    if participants:
        s.execute(insert(_table(ParticipantRow)), participants)
    if speeches:
        s.execute(insert(_table(SpeechRow)), speeches)
    if items:
        s.execute(insert(_table(OutcomeItemRow)), items)


def rebuild_derived_tables(s: Session) -> None:
    """Rebuild, from the records, every table derived from them (indexes kept beside the
    records). Called once after bulk writes, which fill only the records' own tables: Core
    inserts pass by the session events that keep the search index current."""
    from liaison_desk.storage import search_index

    search_index.rebuild(s.connection())


def current_sequences(s: Session) -> dict[str, int]:
    """Every number counter's last sequence handed out (scope -> last)."""
    return {row.scope: row.last for row in s.scalars(select(NumberCounterRow))}
