"""Records packages between databases: a group's records as plain JSON-able documents, and
merging such documents into another database by UUID and revision.

A document is one record: its table's columns (the row id and foreign-key ids left out),
references to other records by UUID (``group``, ``person``, ``consultation``, ``case``,
``attachment``), and for a consultation its participants and speeches (parts without an identity
of their own). Counts kept with a consultation row are not sent: they are recomputed here as the
repositories do (``refresh_counts``).

Merging (``Merger``) goes through the ORM session, so the text-search index (session events in
``search_index``) stays current. For every record:

- unknown UUID: new (a record purged here before stays purged: its tombstone says so);
- the incoming revision is the one the last import brought (``import_marks``): nothing changed
  there, skipped;
- changed there and here since the last import: a conflict, kept as ours unless ``theirs``;
- else newer: updated; equal: skipped; older: skipped and reported.

What the merge changes is written down as before-images (the record's document and row id as
it was, or "new"), with the number counters and import marks it moved: ``undo`` puts all of it
back, so the last import can be undone on SQLite and PostgreSQL alike, with the same row ids.
"""

from __future__ import annotations

import uuid as _uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Date, DateTime, Time, delete, or_, select
from sqlalchemy.orm import Session

from liaison_desk.domain.numbering import parse_archive_number, parse_consultation_number
from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.models import (
    AttachmentRow,
    CaseRow,
    ConsultationRow,
    GroupRow,
    ImportLogRow,
    ImportMarkRow,
    NumberCounterRow,
    OutcomeItemRow,
    ParticipantRow,
    PersonRow,
    SpeechRow,
    SubmissionCaseRow,
    SubmissionRow,
    TombstoneRow,
)
from liaison_desk.storage.repositories._common import raise_sequence
from liaison_desk.storage.repositories.consultations import refresh_counts

#: The kinds of record a package carries, in the order they are merged (a record's references
#: come before it; a case's photos are attachments, set once the attachments are in).
ENTITY_ORDER = (
    "group",
    "person",
    "consultation",
    "outcome_item",
    "case",
    "attachment",
    "submission",
)
TABLES: dict[str, Any] = {
    "group": GroupRow,
    "person": PersonRow,
    "consultation": ConsultationRow,
    "outcome_item": OutcomeItemRow,
    "attachment": AttachmentRow,
    "case": CaseRow,
    "submission": SubmissionRow,
}
#: Foreign-key columns and the kind of record they name (sent as that record's UUID).
REFERENCES: dict[str, dict[str, str]] = {
    "person": {"group_id": "group"},
    "consultation": {"group_id": "group"},
    "outcome_item": {"consultation_id": "consultation"},
    "attachment": {"consultation_id": "consultation", "case_id": "case"},
    "case": {"group_id": "group"},
    "submission": {"group_id": "group"},
}
# Derived columns: the receiving database computes its own (totals, a name's sort key).
_NOT_SENT = {
    "id",
    "attendance_total",
    "member_attendance",
    "suggestion_count",
    "solved_count",
    "name_sort_key",
}
_PART_TABLES = {"participants": ParticipantRow, "speeches": SpeechRow}
_PART_NOT_SENT = {"id", "consultation_id", "person_id"}
#: The same, for ``records_reader`` (which checks incoming documents against them).
NOT_SENT, PART_TABLES, PART_NOT_SENT = _NOT_SENT, _PART_TABLES, _PART_NOT_SENT

ENTITY_LABELS = {
    "group": "联络组",
    "person": "人员",
    "consultation": "协商活动",
    "outcome_item": "意见建议",
    "attachment": "照片",
    "case": "协商案例",
    "submission": "报送记录",
}


class UndoRefused(StorageError):
    """The last import cannot be undone without losing a later change; the message says which."""


# --- values ------------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _decode(column: Any, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Time):
        return time.fromisoformat(value)
    return value


def _columns(table: Any, skip: set[str]) -> list[Any]:
    return [c for c in table.__table__.columns if c.name not in skip]


# --- reading a group's records --------------------------------------------------------------------


@dataclass
class Period:
    """Which records go: of ``year`` (consultations held, cases written that year), changed
    since ``since``, or everything (both None)."""

    year: int | None = None
    since: date | None = None


@dataclass
class RecordsSnapshot:
    """A group's records as documents by kind, the tombstones of its purged records, and the
    SHA-256 of every photo file the attachments name."""

    group: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]
    tombstones: list[dict[str, Any]]
    photo_hashes: list[str] = field(default_factory=list)


class _Refs:
    """UUID <-> row id of every kind of record, read once per session (and extended as new
    rows are written)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self._uuid: dict[str, dict[int, str]] = {}
        self._id: dict[str, dict[str, int]] = {}

    def _load(self, kind: str) -> None:
        if kind in self._uuid:
            return
        table = TABLES[kind]
        pairs = self.s.execute(select(table.id, table.uuid)).all()
        self._uuid[kind] = {i: u for i, u in pairs}
        self._id[kind] = {u: i for i, u in pairs}

    def uuid_of(self, kind: str, row_id: int | None) -> str | None:
        if row_id is None:
            return None
        self._load(kind)
        return self._uuid[kind].get(row_id)

    def id_of(self, kind: str, uuid: str | None) -> int | None:
        if uuid is None:
            return None
        self._load(kind)
        return self._id[kind].get(uuid)

    def learn(self, kind: str, row_id: int, uuid: str) -> None:
        self._load(kind)
        self._uuid[kind][row_id] = uuid
        self._id[kind][uuid] = row_id

    def forget(self, kind: str, row_id: int, uuid: str) -> None:
        self._load(kind)
        self._uuid[kind].pop(row_id, None)
        self._id[kind].pop(uuid, None)


def document_of(kind: str, row: Any, refs: _Refs) -> dict[str, Any]:
    """The record as it travels (see the module docstring)."""
    table = TABLES[kind]
    refs_of = REFERENCES.get(kind, {})
    doc: dict[str, Any] = {}
    for column in _columns(table, _NOT_SENT):
        value = getattr(row, column.key)
        if column.name in refs_of:
            doc[refs_of[column.name]] = refs.uuid_of(refs_of[column.name], value)
        else:
            doc[column.name] = _encode(value)
    if kind == "consultation":
        for name, part_table in _PART_TABLES.items():
            parts = []
            for part in getattr(row, name):
                entry = {
                    c.name: _encode(getattr(part, c.key))
                    for c in _columns(part_table, _PART_NOT_SENT)
                }
                if name == "participants":
                    entry["person"] = refs.uuid_of("person", part.person_id)
                parts.append(entry)
            doc[name] = parts
    elif kind == "case":
        doc["consultation_ids"] = [
            refs.uuid_of("consultation", i) for i in row.consultation_ids or []
        ]
        doc["photos"] = [
            {
                "attachment": refs.uuid_of("attachment", p.get("attachment_id")),
                "caption": p.get("caption", ""),
            }
            for p in row.photos or []
        ]
    elif kind == "submission":
        doc["cases"] = [
            {"case": refs.uuid_of("case", c.case_id), "result": c.result, "note": c.note}
            for c in row.cases
        ]
    return doc


def group_names(s: Session) -> list[str]:
    return list(s.scalars(select(GroupRow.name).order_by(GroupRow.id)))


def collect_records(s: Session, group_name: str, period: Period) -> RecordsSnapshot:
    """Every record of the group for ``period``, in the recycle bin or not (a record deleted
    there travels with its ``deleted_at``), and the tombstones of what it purged. KeyError for
    an unknown group."""
    group = s.scalar(select(GroupRow).where(GroupRow.name == group_name))
    if group is None:
        raise KeyError(group_name)
    refs = _Refs(s)
    gid = group.id

    consultations = select(ConsultationRow).where(ConsultationRow.group_id == gid)
    cases = select(CaseRow).where(CaseRow.group_id == gid)
    submissions = select(SubmissionRow).where(SubmissionRow.group_id == gid)
    if period.year is not None:
        consultations = consultations.where(
            ConsultationRow.held_on >= date(period.year, 1, 1),
            ConsultationRow.held_on <= date(period.year, 12, 31),
        )
        cases = cases.where(CaseRow.year == period.year)
        submissions = submissions.where(
            SubmissionRow.submitted_on >= date(period.year, 1, 1),
            SubmissionRow.submitted_on <= date(period.year, 12, 31),
        )
    consultation_rows = list(s.scalars(consultations.order_by(ConsultationRow.id)))
    consultation_ids = [c.id for c in consultation_rows]
    item_rows = list(
        s.scalars(
            select(OutcomeItemRow)
            .where(OutcomeItemRow.consultation_id.in_(consultation_ids))
            .order_by(OutcomeItemRow.id)
        )
    )
    case_rows = list(s.scalars(cases.order_by(CaseRow.id)))
    case_ids = [c.id for c in case_rows]
    attachment_rows = list(
        s.scalars(
            select(AttachmentRow)
            .where(
                or_(
                    AttachmentRow.consultation_id.in_(consultation_ids),
                    AttachmentRow.case_id.in_(case_ids),
                )
            )
            .order_by(AttachmentRow.id)
        )
    )
    submission_rows = list(s.scalars(submissions.order_by(SubmissionRow.id)))
    people_rows = list(
        s.scalars(select(PersonRow).where(PersonRow.group_id == gid).order_by(PersonRow.id))
    )
    if period.since is not None:
        # Only what changed since then; a consultation whose item or photo changed goes whole.
        moment = datetime.combine(period.since, time())
        item_rows = [r for r in item_rows if r.updated_at >= moment]
        attachment_rows = [r for r in attachment_rows if r.updated_at >= moment]
        touched = {r.consultation_id for r in item_rows} | {
            r.consultation_id for r in attachment_rows
        }
        consultation_rows = [
            r for r in consultation_rows if r.updated_at >= moment or r.id in touched
        ]
        case_rows = [r for r in case_rows if r.updated_at >= moment]
        submission_rows = [r for r in submission_rows if r.updated_at >= moment]
        people_rows = [r for r in people_rows if r.updated_at >= moment]
    records = {
        "group": [document_of("group", group, refs)],
        "person": [document_of("person", r, refs) for r in people_rows],
        "consultation": [document_of("consultation", r, refs) for r in consultation_rows],
        "outcome_item": [document_of("outcome_item", r, refs) for r in item_rows],
        "case": [document_of("case", r, refs) for r in case_rows],
        "attachment": [document_of("attachment", r, refs) for r in attachment_rows],
        "submission": [document_of("submission", r, refs) for r in submission_rows],
    }
    stones = select(TombstoneRow).where(TombstoneRow.group_uuid == group.uuid)
    if period.since is not None:
        stones = stones.where(TombstoneRow.deleted_at >= datetime.combine(period.since, time()))
    tombstones = [
        {"uuid": t.uuid, "type": t.entity_type, "deleted_at": t.deleted_at.isoformat()}
        for t in s.scalars(stones.order_by(TombstoneRow.id))
    ]
    hashes = sorted({r.sha256 for r in attachment_rows})
    return RecordsSnapshot(records["group"][0], records, tombstones, hashes)


# --- merging ----------------------------------------------------------------------------------------


@dataclass
class Conflict:
    """A record changed on both sides since the last import, or one whose number another
    record of this database already has. ``ours``/``theirs``: the two documents."""

    kind: str
    uuid: str
    title: str
    reason: str
    ours: dict[str, Any]
    theirs: dict[str, Any]
    resolvable: bool = True  # False: "keep theirs" is not possible (a number in use)

    def as_data(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "uuid": self.uuid,
            "title": self.title,
            "reason": self.reason,
            "resolvable": self.resolvable,
        }


@dataclass
class MergeResult:
    new: int = 0
    updated: int = 0
    skipped: int = 0
    older: int = 0
    deleted: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    older_records: list[str] = field(default_factory=list)
    #: what to put back on undo (see ``undo``)
    undo: dict[str, Any] = field(
        default_factory=lambda: {"records": [], "marks": {}, "counters": {}}
    )

    @property
    def counts(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "skipped": self.skipped,
            "older": self.older,
            "conflicts": len(self.conflicts),
            "deleted": self.deleted,
        }

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.deleted)


def title_of(kind: str, doc: Mapping[str, Any]) -> str:
    if kind == "consultation":
        return f"{doc.get('number', '')} {doc.get('title', '')}".strip()
    if kind in ("person", "group"):
        return str(doc.get("name", ""))
    if kind == "outcome_item":
        return str(doc.get("content", ""))[:40]
    if kind == "attachment":
        return str(doc.get("caption") or doc.get("original_name", ""))
    if kind == "submission":
        return f"{doc.get('submitted_on', '')} {doc.get('target', '')}"
    return str(doc.get("title", ""))


def _comparable(doc: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in ("revision", "updated_at")}


#: A key of a partial document: values given only to a record the merge creates.
WHEN_NEW = "_when_new"


class Merger:
    """Merges one package's documents in one session (the caller's transaction).

    ``partial``: the documents are a case package's (``documents.case_package_records``): masked
    copies of some fields only. A key a document leaves out is left as it is here; a newer
    revision updates the rest; an equal one is skipped (the copy of what is here). Their import
    marks say "partial", so the group's records package of the same revision still brings the
    whole record (counted as an update), unless it was changed here since (a conflict)."""

    def __init__(
        self, s: Session, *, theirs: bool | Collection[str] = False, partial: bool = False
    ) -> None:
        """``theirs``: in a conflict, take the package's version (True: always; a collection:
        for the records of these UUIDs, as chosen one by one)."""
        self.s = s
        self._theirs = theirs
        self.partial = partial
        self.refs = _Refs(s)
        self.result = MergeResult()
        self._touched_consultations: set[int] = set()
        #: each touched mark as it was: its revision (None: none), or [revision, True] partial
        self._marks_before: dict[str, Any] = {}
        self._counters_before: dict[str, int | None] = {}
        self._group_alias: dict[str, str] = {}
        self._case_photos: list[tuple[int, list[dict[str, Any]]]] = []

    # -- the steps --

    def merge(
        self, records: Mapping[str, list[dict[str, Any]]], tombstones: Iterable[Mapping[str, Any]]
    ) -> MergeResult:
        for kind in ENTITY_ORDER:
            for doc in records.get(kind, []):
                self._merge_one(kind, doc)
        for row_id, photos in self._case_photos:
            row = self.s.get(CaseRow, row_id)
            if row is not None:
                row.photos = self._case_photo_ids(photos)
        for stone in tombstones:
            self._apply_tombstone(str(stone.get("type")), str(stone.get("uuid")))
        self._recount()
        self.s.flush()
        self.result.undo["marks"] = self._marks_before
        self.result.undo["counters"] = self._counters_before
        return self.result

    def _merge_one(self, kind: str, doc: dict[str, Any]) -> None:
        uid = str(doc["uuid"])
        incoming = int(doc["revision"])
        table = TABLES[kind]
        if kind == "group":
            uid = self._group_alias_of(doc)
        row = self.s.scalar(select(table).where(table.uuid == uid))
        mark = self.s.get(ImportMarkRow, uid)
        marked = mark.revision if mark is not None else None
        if row is None:
            if self.s.scalar(select(TombstoneRow.id).where(TombstoneRow.uuid == uid)):
                self.result.skipped += 1  # purged here: stays purged
                return
            clash = self._number_clash(kind, doc, None)
            if clash:
                self._conflict(kind, doc, None, clash, resolvable=False)
                return
            self._write(kind, {**doc.get(WHEN_NEW, {}), **doc}, None)
            self.result.new += 1
            self._mark(uid, incoming)
            return
        local = int(row.revision)
        # The record here is a case package's copy of this very revision: this package (a
        # records package) brings the whole of it.
        fill = not self.partial and mark is not None and mark.partial and incoming == marked
        if marked is not None and incoming == marked and not fill:
            self.result.skipped += 1
            return
        ours = document_of(kind, row, self.refs)
        if kind == "group" and uid != doc["uuid"]:
            self.result.skipped += 1  # a group set up here under its own UUID: ours stays
            return
        if (
            not self.partial
            and _comparable(ours) == _comparable({**doc, "uuid": uid})
            and incoming == local
        ):
            self.result.skipped += 1
            self._mark(uid, incoming)
            return
        both = not fill and marked is not None and local != marked and incoming > marked
        # Equal revisions, different contents: for a case package, the masked copy of what is
        # here (skipped below); otherwise two versions nobody can order.
        same = not fill and not self.partial and marked is None and incoming == local
        refilled = fill and local != marked
        if both or same or refilled:
            if both:
                reason = "两边在上次导入后都修改过这条记录"
            elif same:
                reason = "两边的版本号相同，内容却不同"
            else:
                reason = (
                    "本库在导入案例报送包后修改过这条记录，报送数据包带来的是它修改前的完整记录"
                )
            if not self.wants_theirs(uid):
                self._conflict(kind, doc, ours, reason)
                return
        elif not fill and incoming < local:
            self.result.older += 1
            self.result.older_records.append(f"{ENTITY_LABELS[kind]}「{title_of(kind, doc)}」")
            return
        elif not fill and incoming == local:
            self.result.skipped += 1
            return
        clash = self._number_clash(kind, doc, row.id)
        if clash:
            self._conflict(kind, doc, ours, clash, resolvable=False)
            return
        if both or same or refilled:
            self._conflict_resolved(kind, doc, ours)
        self.result.undo["records"].append({"kind": kind, "id": row.id, "before": ours})
        self._write(kind, doc, row)
        self.result.updated += 1
        self._mark(uid, incoming)

    def wants_theirs(self, uid: str) -> bool:
        if isinstance(self._theirs, bool):
            return self._theirs
        return uid in self._theirs

    def _conflict_resolved(self, kind: str, doc: dict[str, Any], ours: dict[str, Any]) -> None:
        self.result.conflicts.append(
            Conflict(kind, str(doc["uuid"]), title_of(kind, doc), "已按报送方的版本更新", ours, doc)
        )

    def _conflict(
        self,
        kind: str,
        doc: dict[str, Any],
        ours: dict[str, Any] | None,
        reason: str,
        *,
        resolvable: bool = True,
    ) -> None:
        self.result.conflicts.append(
            Conflict(
                kind, str(doc["uuid"]), title_of(kind, doc), reason, ours or {}, doc, resolvable
            )
        )

    def _group_alias_of(self, doc: Mapping[str, Any]) -> str:
        """A group is matched by UUID, else by its name (a district that set its groups up
        itself): its records then land in that group."""
        uid = str(doc["uuid"])
        if self.refs.id_of("group", uid) is None:
            local = self.s.scalar(select(GroupRow).where(GroupRow.name == doc.get("name")))
            if local is not None:
                self._group_alias[uid] = local.uuid
                return str(local.uuid)
        return uid

    def _number_clash(self, kind: str, doc: Mapping[str, Any], own_id: int | None) -> str:
        checks: list[tuple[Any, str, str]] = []
        if kind == "consultation":
            checks = [
                (ConsultationRow.number, "number", "编号"),
                (ConsultationRow.archive_number, "archive_number", "档号"),
            ]
        elif kind == "case":
            checks = [(CaseRow.archive_number, "archive_number", "档号")]
        elif kind == "person" or kind == "group":
            checks = [(GroupRow.name, "name", "名称")] if kind == "group" else []
        for column, key, label in checks:
            value = doc.get(key)
            if not value:
                continue
            table = column.class_
            other = self.s.scalar(
                select(table.id).where(column == value, table.uuid != doc["uuid"])
            )
            if other is not None and other != own_id:
                return f"{label}「{value}」已被本库另一条记录使用"
        return ""

    def _mark(self, uid: str, revision: int) -> None:
        mark = self.s.get(ImportMarkRow, uid)
        if uid not in self._marks_before:
            self._marks_before[uid] = (
                None if mark is None else [mark.revision, True] if mark.partial else mark.revision
            )
        if mark is None:
            self.s.add(ImportMarkRow(uuid=uid, revision=revision, partial=self.partial))
        else:
            mark.revision = revision
            mark.partial = self.partial

    # -- writing a row --

    def _write(
        self,
        kind: str,
        doc: Mapping[str, Any],
        row: Any,
        *,
        row_id: int | None = None,
        part_ids: Mapping[str, list[int]] | None = None,
    ) -> Any:
        table = TABLES[kind]
        new = row is None
        if new:
            row = table()
            if row_id is not None:
                row.id = row_id
        refs_of = REFERENCES.get(kind, {})
        for column in _columns(table, _NOT_SENT):
            if column.name in refs_of:
                ref_kind = refs_of[column.name]
                if ref_kind not in doc:
                    continue  # a partial document that does not say: left as it is
                ref = doc.get(ref_kind)
                if ref_kind == "group" and ref is not None:
                    ref = self._group_alias.get(ref, ref)
                setattr(row, column.key, self.refs.id_of(ref_kind, ref))
            elif column.name == "uuid" and kind == "group":
                row.uuid = self._group_alias.get(doc["uuid"], doc["uuid"])
            elif column.name in doc:
                setattr(row, column.key, _decode(column, doc[column.name]))
        if kind == "case" and "consultation_ids" in doc:
            row.consultation_ids = [
                i
                for i in (
                    self.refs.id_of("consultation", u) for u in doc.get("consultation_ids", [])
                )
                if i
            ]
        if new:
            self.s.add(row)
        if kind == "consultation":
            self._write_parts(row, doc, part_ids or {})
        elif kind == "submission":
            self._write_submission_cases(row, doc)
        self.s.flush()
        self.refs.learn(kind, row.id, row.uuid)
        if kind == "case":
            self._case_photos.append((row.id, list(doc.get("photos", []))))
            row.photos = self._case_photo_ids(doc.get("photos", []))
        if kind == "consultation":
            self._touched_consultations.add(row.id)
            self._raise_counter(row)
        elif kind == "outcome_item":
            self._touched_consultations.add(row.consultation_id)
        elif kind == "case" and row.archive_number:
            self._raise_archive_counter(row)
        if new:
            self.result.undo["records"].append({"kind": kind, "new": row.uuid})
        return row

    def _case_photo_ids(self, photos: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for p in photos:
            aid = self.refs.id_of("attachment", p.get("attachment"))
            if aid is not None:
                out.append({"attachment_id": aid, "caption": p.get("caption", "")})
        return out

    def _write_parts(
        self, row: ConsultationRow, doc: Mapping[str, Any], part_ids: Mapping[str, list[int]]
    ) -> None:
        """Participants and speeches, updated in place by position (their row ids stay); new
        ones take ``part_ids`` when given (an undo putting a purged record back)."""
        for name, part_table in _PART_TABLES.items():
            if name not in doc:
                continue  # a partial document without them: those here stay
            existing = list(getattr(row, name))
            wanted = list(doc.get(name, []))
            ids = list(part_ids.get(name, []))
            for i, entry in enumerate(wanted):
                part: Any = existing[i] if i < len(existing) else part_table()
                if i >= len(existing) and i < len(ids):
                    part.id = ids[i]
                for column in _columns(part_table, _PART_NOT_SENT):
                    if column.name in entry:
                        setattr(part, column.key, _decode(column, entry[column.name]))
                if name == "participants":
                    part.person_id = self.refs.id_of("person", entry.get("person"))
                if i >= len(existing):
                    getattr(row, name).append(part)
            for extra in existing[len(wanted) :]:
                getattr(row, name).remove(extra)

    def _write_submission_cases(self, row: SubmissionRow, doc: Mapping[str, Any]) -> None:
        existing = {c.case_id: c for c in row.cases}
        keep: set[int] = set()
        for entry in doc.get("cases", []):
            case_id = self.refs.id_of("case", entry.get("case"))
            if case_id is None:
                continue
            part = existing.get(case_id)
            if part is None:
                part = SubmissionCaseRow(case_id=case_id)
                row.cases.append(part)
            part.result, part.note = entry.get("result", ""), entry.get("note", "")
            keep.add(case_id)
        for case_id, part in existing.items():
            if case_id not in keep:
                row.cases.remove(part)

    def _raise_counter(self, row: ConsultationRow) -> None:
        parsed = parse_consultation_number(row.number or "")
        if parsed is not None:
            self._raise(
                f"consultation:{row.group_id}:{parsed.year}:{parsed.kind.value}", parsed.seq
            )
        if row.archive_number:
            self._raise_archive_counter(row)

    def _raise_archive_counter(self, row: Any) -> None:
        parsed = parse_archive_number(row.archive_number or "")
        if parsed is not None:
            scope = f"archive:{row.group_id}:{parsed.year}:{parsed.retention.value}"
            self._raise(scope, parsed.item)

    def _raise(self, scope: str, at_least: int) -> None:
        if scope not in self._counters_before:
            self._counters_before[scope] = self.s.scalar(
                select(NumberCounterRow.last).where(NumberCounterRow.scope == scope)
            )
        raise_sequence(self.s, scope, at_least)

    def _apply_tombstone(self, kind: str, uid: str) -> None:
        table = TABLES.get(kind)
        if table is None:
            return
        row = self.s.scalar(select(table).where(table.uuid == uid))
        if row is None:
            return
        before = document_of(kind, row, self.refs)
        undo = self.result.undo["records"]
        # Its parts go with it (cascade): their before-images first, put back after it on undo.
        parts: list[tuple[str, Any]] = []
        if kind == "consultation":
            parts = [("outcome_item", r) for r in row.outcome_items] + [
                ("attachment", r) for r in row.attachments
            ]
        entry: dict[str, Any] = {"kind": kind, "id": row.id, "before": before, "purged": True}
        if kind == "consultation":  # put back under the same row ids
            entry["part_ids"] = {name: [p.id for p in getattr(row, name)] for name in _PART_TABLES}
        undo.append(entry)
        for part_kind, part in parts:
            undo.append(
                {
                    "kind": part_kind,
                    "id": part.id,
                    "before": document_of(part_kind, part, self.refs),
                    "purged": True,
                }
            )
        if kind == "consultation":
            self._touched_consultations.discard(row.id)
        elif kind == "outcome_item":
            self._touched_consultations.add(row.consultation_id)
        self.refs.forget(kind, row.id, uid)
        self.s.delete(row)
        self.s.flush()
        self.result.deleted += 1

    def _recount(self) -> None:
        self.s.flush()
        for cid in self._touched_consultations:
            row = self.s.get(ConsultationRow, cid)
            if row is not None:
                self.s.refresh(row, ["outcome_items"])
                refresh_counts(row)


def undo(s: Session, data: Mapping[str, Any]) -> None:
    """Put back what one merge changed (its ``MergeResult.undo``), newest change first.
    UndoRefused, changing nothing, when a record the merge wrote was changed here since: undoing
    would silently lose that change."""
    merger = Merger(s)
    entries = list(data.get("records", []))
    marks: Mapping[str, Any] = data.get("marks", {})
    for entry in entries:
        if entry.get("purged"):
            continue
        table = TABLES[entry["kind"]]
        if "new" in entry:
            row = s.scalar(select(table).where(table.uuid == entry["new"]))
        else:
            row = s.get(table, entry["id"])
        if row is None or row.uuid not in marks:
            continue
        mark = s.get(ImportMarkRow, row.uuid)
        if mark is not None and row.revision != mark.revision:
            shown = title_of(entry["kind"], document_of(entry["kind"], row, merger.refs))
            raise UndoRefused(
                f"{ENTITY_LABELS[entry['kind']]}「{shown}」在导入后又修改过，撤销导入会丢掉这次修改，"
                "所以没有撤销。如确需撤销，请从“合并前”的自动备份恢复。"
            )
    for entry in reversed(entries):
        kind = entry["kind"]
        table = TABLES[kind]
        if "new" in entry:
            row = s.scalar(select(table).where(table.uuid == entry["new"]))
            if row is not None:
                s.delete(row)
                s.flush()
                merger.refs.forget(kind, row.id, entry["new"])
    # Purged records come back before updated ones are rewritten (parts after their record).
    purged = [e for e in entries if e.get("purged")]
    for entry in purged:
        merger._write(
            entry["kind"],
            entry["before"],
            None,
            row_id=entry["id"],
            part_ids=entry.get("part_ids"),
        )
    for entry in reversed([e for e in entries if "before" in e and not e.get("purged")]):
        row = s.get(TABLES[entry["kind"]], entry["id"])
        if row is not None:
            merger._write(entry["kind"], entry["before"], row)
    for row_id, photos in merger._case_photos:
        row = s.get(CaseRow, row_id)
        if row is not None:
            row.photos = merger._case_photo_ids(photos)
    merger._recount()
    for uid, before in data.get("marks", {}).items():
        mark = s.get(ImportMarkRow, uid)
        revision, partial = before if isinstance(before, list) else (before, False)
        if revision is None:
            if mark is not None:
                s.delete(mark)
        elif mark is None:
            s.add(ImportMarkRow(uuid=uid, revision=revision, partial=bool(partial)))
        else:
            mark.revision = revision
            mark.partial = bool(partial)
    for scope, last in data.get("counters", {}).items():
        if last is None:
            s.execute(delete(NumberCounterRow).where(NumberCounterRow.scope == scope))
        else:
            counter = s.get(NumberCounterRow, scope)
            if counter is not None:
                counter.last = last
    s.flush()


# --- the import log --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportLogEntry:
    id: int
    imported_at: datetime
    actor: str
    file_name: str
    sha256: str
    kind: str
    sender: str
    counts: dict[str, int]
    conflicts: list[dict[str, Any]]
    undone_at: datetime | None
    masked: bool | None = None  # the package's masking decision (None: it did not say)


def add_import_log(
    s: Session,
    *,
    at: datetime,
    actor: str,
    file_name: str,
    sha256: str,
    kind: str,
    sender: str,
    sender_uuid: str | None,
    result: MergeResult,
    masked: bool | None = None,
) -> int:
    row = ImportLogRow(
        masked=masked,
        imported_at=at,
        actor=actor,
        file_name=file_name,
        sha256=sha256,
        kind=kind,
        sender=sender,
        sender_uuid=sender_uuid,
        counts=result.counts,
        conflicts=[c.as_data() for c in result.conflicts],
        undo=result.undo,
    )
    s.add(row)
    s.flush()
    return int(row.id)


def _entry(row: ImportLogRow) -> ImportLogEntry:
    return ImportLogEntry(
        row.id,
        row.imported_at,
        row.actor,
        row.file_name,
        row.sha256,
        row.kind,
        row.sender,
        dict(row.counts or {}),
        list(row.conflicts or []),
        row.undone_at,
        row.masked,
    )


def import_log(s: Session) -> list[ImportLogEntry]:
    rows = s.scalars(select(ImportLogRow).order_by(ImportLogRow.id.desc()))
    return [_entry(r) for r in rows]


def last_imports_by_group(s: Session) -> dict[int, datetime]:
    """Each group's newest records package imported here and not undone (group id → when):
    the comparison's 最近导入, so the office sees who has not reported. A sender is known by
    its UUID, or by its name where the import matched the group by name."""
    groups = s.execute(select(GroupRow.id, GroupRow.uuid, GroupRow.name)).all()
    by_uuid = {g.uuid: g.id for g in groups}
    by_name = {g.name: g.id for g in groups}
    found: dict[int, datetime] = {}
    rows = s.execute(
        select(ImportLogRow.sender_uuid, ImportLogRow.sender, ImportLogRow.imported_at).where(
            ImportLogRow.undone_at.is_(None), ImportLogRow.kind == "records"
        )
    )
    for sender_uuid, sender, at in rows:
        group_id = by_uuid.get(sender_uuid or "") or by_name.get(sender or "")
        if group_id is not None and (group_id not in found or at > found[group_id]):
            found[group_id] = at
    return found


def last_import(s: Session) -> tuple[ImportLogEntry, dict[str, Any]] | None:
    """The newest import not undone yet, with its undo data."""
    row = s.scalar(
        select(ImportLogRow)
        .where(ImportLogRow.undone_at.is_(None))
        .order_by(ImportLogRow.id.desc())
        .limit(1)
    )
    if row is None:
        return None
    return _entry(row), dict(row.undo or {})


def mark_undone(s: Session, log_id: int, at: datetime) -> None:
    row = s.get(ImportLogRow, log_id)
    if row is not None:
        row.undone_at = at
        row.undo = {}


def valid_uuid(value: object) -> bool:
    try:
        _uuid.UUID(str(value))
    except ValueError:
        return False
    return True


# --- one group's share of a database (the single-group demo) -----------------------------------------


def keep_only_group(s: Session, name: str) -> None:
    """Delete, for good and without tombstones, every record of every other group (and their
    audit entries and number counters): what is left is exactly that group's share, with the
    same UUIDs. Through the session, so the search index follows. KeyError for an unknown
    group."""
    from liaison_desk.storage.models import AuditRow

    keep = s.scalar(select(GroupRow).where(GroupRow.name == name))
    if keep is None:
        raise KeyError(name)
    others = [g for g in s.scalars(select(GroupRow)) if g.id != keep.id]
    other_ids = [g.id for g in others]
    gone: set[str] = {g.uuid for g in others}
    tables: tuple[Any, ...] = (SubmissionRow, CaseRow, ConsultationRow, PersonRow)
    for table in tables:
        for row in s.scalars(select(table).where(table.group_id.in_(other_ids))):
            gone.add(row.uuid)
            if table is ConsultationRow:
                gone.update(i.uuid for i in row.outcome_items)
                gone.update(a.uuid for a in row.attachments)
            if table is CaseRow:
                for a in s.scalars(select(AttachmentRow).where(AttachmentRow.case_id == row.id)):
                    gone.add(a.uuid)
                    s.delete(a)
            s.delete(row)
        s.flush()
    # District-wide submissions (no group) go too: they are the district office's.
    for row in s.scalars(select(SubmissionRow).where(SubmissionRow.group_id.is_(None))):
        gone.add(row.uuid)
        s.delete(row)
    for g in others:
        s.delete(g)
    s.flush()
    gone_list = list(gone)
    for i in range(0, len(gone_list), 500):
        s.execute(delete(AuditRow).where(AuditRow.entity_uuid.in_(gone_list[i : i + 500])))
    for gid in other_ids:
        s.execute(
            delete(NumberCounterRow).where(
                or_(
                    NumberCounterRow.scope.like(f"consultation:{gid}:%"),
                    NumberCounterRow.scope.like(f"archive:{gid}:%"),
                )
            )
        )
    s.flush()


def kept_figures(s: Session) -> dict[str, int]:
    """Hall sessions, micro-consultations and solved items of the database (recycle bin left
    out), as the demo reports them."""
    from sqlalchemy import func

    def count(kind: str) -> int:
        return int(
            s.scalar(
                select(func.count())
                .select_from(ConsultationRow)
                .where(ConsultationRow.kind == kind, ConsultationRow.deleted_at.is_(None))
            )
            or 0
        )

    solved = s.scalar(
        select(func.count())
        .select_from(OutcomeItemRow)
        .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
        .where(
            OutcomeItemRow.status == "solved",
            OutcomeItemRow.deleted_at.is_(None),
            ConsultationRow.deleted_at.is_(None),
        )
    )
    return {"hall": count("hall"), "micro": count("micro"), "solved": int(solved or 0)}
