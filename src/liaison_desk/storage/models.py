"""SQLAlchemy 2 tables. Plain ORM and Core types only, so the same schema runs on SQLite and
PostgreSQL; anything engine-specific lives in ``dialect.py``."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    event,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from liaison_desk.domain.collation import sort_key

# Stable constraint names so that Alembic migrations work the same on SQLite (batch mode) and
# PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _live(*columns: str, name: str) -> Index:
    """An index of the records not in the recycle bin (a partial index): a list of 100k
    consultations or 360k people reads its first page in that index's order."""
    return _partial(Index(name, *columns, sqlite_where=text("deleted_at IS NULL")))


def _binned(table: str) -> Index:
    """The recycle bin's index of ``deleted_at``: only the deleted records. A full index made
    SQLite take "deleted_at IS NULL" (nearly every row) as the most selective term of a list's
    query and sort the whole table for its first page."""
    where = text("deleted_at IS NOT NULL")
    return _partial(Index(f"ix_{table}_deleted_at", "deleted_at", sqlite_where=where))


# The partial indexes' PostgreSQL form is declared only when a server is opened
# (``declare_server_options``): naming a "postgresql_" option here would import SQLAlchemy's
# PostgreSQL dialect on every start of the app on a database file (it validates the option).
_PARTIAL_INDEXES: list[Index] = []


def _partial(index: Index) -> Index:
    _PARTIAL_INDEXES.append(index)
    return index


def declare_server_options() -> None:
    """Give the partial indexes their PostgreSQL ``WHERE`` too (idempotent)."""
    for index in _PARTIAL_INDEXES:
        if index.dialect_kwargs.get("postgresql_where") is None:
            index.dialect_kwargs["postgresql_where"] = index.dialect_kwargs["sqlite_where"]


# Sort keys (domain/collation.py) compare byte by byte: PostgreSQL's "C" collation.
SORT_KEY = String().with_variant(String(collation="C"), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class RecordMixin:
    """UUID and revision on every record (for merging packages later), timestamps, recycle bin."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None, index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Compare-and-set: every UPDATE (and DELETE) of a record carries "AND revision = <the
        # revision read>" and its row count is checked, so of two writers that read the same
        # revision only one can save (the other gets StaleDataError, shown as a conflict).
        # The repositories set the next revision themselves (_stamp_update).
        table = cls.__table__  # type: ignore[attr-defined]
        return {"version_id_col": table.c.revision, "version_id_generator": False}


class GroupRow(RecordMixin, Base):
    __tablename__ = "liaison_groups"
    name: Mapped[str] = mapped_column(String(100), unique=True)
    town: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(50))
    leader: Mapped[str] = mapped_column(String(50), default="")
    secretary: Mapped[str] = mapped_column(String(50), default="")
    secretary_phone: Mapped[str] = mapped_column(String(30), default="")
    fonds_code: Mapped[str] = mapped_column(String(20), default="")
    org_code: Mapped[str] = mapped_column(String(20), default="")


class PersonRow(RecordMixin, Base):
    __tablename__ = "people"
    __table_args__ = (
        _binned("people"),
        _live("name_sort_key", "id", name="ix_people_live_name_sort_key"),
    )
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("liaison_groups.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    category: Mapped[str] = mapped_column(String(30))
    unit: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    id_card: Mapped[str] = mapped_column(String(18), default="")
    cppcc_level: Mapped[str | None] = mapped_column(String(20))
    sector: Mapped[str] = mapped_column(String(50), default="")
    consent_to_publish: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_note: Mapped[str] = mapped_column(Text, default="")
    # The name's place in the roster's pinyin order (domain.collation.sort_key), kept by
    # every write: set with the name (below) or, for bulk inserts, by the column default.
    name_sort_key: Mapped[str | None] = mapped_column(
        SORT_KEY, default=lambda ctx: sort_key(ctx.get_current_parameters().get("name"))
    )


@event.listens_for(PersonRow.name, "set", propagate=True)
def _name_set(target: PersonRow, value: str | None, _old: object, _initiator: object) -> None:
    target.name_sort_key = sort_key(value)


class ConsultationRow(RecordMixin, Base):
    __tablename__ = "consultations"
    __table_args__ = (
        Index("ix_consultations_group_kind_date", "group_id", "kind", "held_on"),
        # A unique index, not a constraint: migration 0004 adds it without rebuilding the table
        # (a rebuild on SQLite with foreign keys on would cascade-delete every child row).
        Index("uq_consultations_archive_number", "archive_number", unique=True),
        _binned("consultations"),
        _live("kind", "held_on", name="ix_consultations_live_kind_held_on"),
        _live("held_on", name="ix_consultations_live_held_on"),
    )
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    group_id: Mapped[int] = mapped_column(ForeignKey("liaison_groups.id"))
    kind: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(50), unique=True)
    # 档号 of the session's record sheet, a 件 of its own (DA/T 22), given on its case's 定稿.
    archive_number: Mapped[str | None] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(200))
    topic_source: Mapped[str] = mapped_column(String(30))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(200))
    host: Mapped[str] = mapped_column(String(50), default="")
    recorder: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    agenda: Mapped[list[Any]] = mapped_column(JSON, default=list)
    minutes: Mapped[str] = mapped_column(Text, default="")
    consensus: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(50), default="")
    # Crowds counted by category, and the record's own copy of its procedure checklist.
    head_counts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    checklist: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # Totals kept with the row (recomputed on every save of the consultation or one of its
    # outcome items) so that lists can sort and sum them in SQL on any engine.
    attendance_total: Mapped[int] = mapped_column(Integer, default=0)
    member_attendance: Mapped[int] = mapped_column(Integer, default=0)
    suggestion_count: Mapped[int] = mapped_column(Integer, default=0)
    solved_count: Mapped[int] = mapped_column(Integer, default=0)

    participants: Mapped[list[ParticipantRow]] = relationship(
        order_by="ParticipantRow.position", cascade="all, delete-orphan"
    )
    speeches: Mapped[list[SpeechRow]] = relationship(
        order_by="SpeechRow.position", cascade="all, delete-orphan"
    )
    outcome_items: Mapped[list[OutcomeItemRow]] = relationship(
        order_by="OutcomeItemRow.position", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[AttachmentRow]] = relationship(
        order_by="AttachmentRow.position",
        primaryjoin="ConsultationRow.id == AttachmentRow.consultation_id",
        cascade="all, delete-orphan",
    )


class ParticipantRow(Base):
    __tablename__ = "participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    category: Mapped[str] = mapped_column(String(30))
    unit: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    attended: Mapped[bool] = mapped_column(Boolean, default=True)
    absence_reason: Mapped[str] = mapped_column(String(200), default="")


class SpeechRow(Base):
    __tablename__ = "speeches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(50))
    capacity: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text, default="")


class OutcomeItemRow(RecordMixin, Base):
    __tablename__ = "outcome_items"
    __table_args__ = (
        _binned("outcome_items"),
        _live("consultation_id", "position", name="ix_outcome_items_live_consultation"),
    )
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    responsible_body: Mapped[str] = mapped_column(String(200), default="", index=True)
    responsible_person: Mapped[str] = mapped_column(String(50), default="")
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    solved_on_spot: Mapped[bool] = mapped_column(Boolean, default=False)
    adopted: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), index=True)
    unsolved_reason: Mapped[str] = mapped_column(Text, default="")
    resolved_on: Mapped[date | None] = mapped_column(Date)
    revisit_on: Mapped[date | None] = mapped_column(Date)
    revisit_note: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str | None] = mapped_column(String(20))


class AttachmentRow(RecordMixin, Base):
    __tablename__ = "attachments"
    consultation_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    caption: Mapped[str] = mapped_column(String(200), default="")
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_cover: Mapped[bool] = mapped_column(Boolean, default=False)


class CaseRow(RecordMixin, Base):
    __tablename__ = "cases"
    group_id: Mapped[int] = mapped_column(ForeignKey("liaison_groups.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(200))
    subtitle: Mapped[str] = mapped_column(String(200), default="")
    sections: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), index=True)
    retention: Mapped[str] = mapped_column(String(10))
    archive_number: Mapped[str | None] = mapped_column(String(60), unique=True)
    finalised_on: Mapped[date | None] = mapped_column(Date)  # 定稿 day: the catalogue's 日期
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Ordered list of consultation ids and of {attachment_id, caption}.
    consultation_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    photos: Mapped[list[Any]] = mapped_column(JSON, default=list)


class SubmissionRow(RecordMixin, Base):
    __tablename__ = "submissions"
    # None: a district-wide submission made by the district office.
    group_id: Mapped[int | None] = mapped_column(ForeignKey("liaison_groups.id"), index=True)
    target: Mapped[str] = mapped_column(String(200))
    submitted_on: Mapped[date] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    cases: Mapped[list[SubmissionCaseRow]] = relationship(
        order_by="SubmissionCaseRow.id", cascade="all, delete-orphan"
    )


class SubmissionCaseRow(Base):
    __tablename__ = "submission_cases"
    __table_args__ = (UniqueConstraint("submission_id", "case_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    result: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class AuditRow(Base):
    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entity", "entity_type", "entity_uuid"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(50))
    entity_type: Mapped[str] = mapped_column(String(30))
    entity_uuid: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(20))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(Text, default="")


class NumberCounterRow(Base):
    """Last sequence handed out per scope (e.g. "consultation:<group>:2024:hall"). It only ever goes
    up, so a number is never reused, even after its record is purged."""

    __tablename__ = "number_counters"
    scope: Mapped[str] = mapped_column(String(100), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class ProcedureStepRow(Base):
    """The current procedure templates, editable in Settings."""

    __tablename__ = "procedure_steps"
    __table_args__ = (UniqueConstraint("kind", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))


class SettingRow(Base):
    """Settings that belong to the database (shared by everyone who opens it)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class SearchDocRow(Base):
    """What the text-search index holds for one record: its folded text fields (JSON), as
    indexed. The engine's own index structures beside it are made in ``search_index``."""

    __tablename__ = "search_docs"
    kind: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    record_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text, default="")


class AttachmentBlobRow(Base):
    """The content of an attached file, stored once by its SHA-256, on a shared server: every
    PC of the office sees the same photos with one backup and one permission model, and no
    shared folder to mount (``storage/server_store.py``). A SQLite database keeps its files in
    the folder beside it and leaves this table empty."""

    __tablename__ = "attachment_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class TombstoneRow(Base):
    """A record purged for good (records packages carry deletions to the district): its UUID, what
    it was, the group it belonged to and when. A record in the recycle bin needs none: it travels
    as itself, with its ``deleted_at``."""

    __tablename__ = "tombstones"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), index=True)
    entity_type: Mapped[str] = mapped_column(String(30))
    group_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    deleted_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class ImportMarkRow(Base):
    """The revision of a record as the last imported package brought it: a record whose local
    revision and incoming revision both moved on from it was changed on both sides (a conflict)."""

    __tablename__ = "import_marks"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    # Brought by a case package: a masked copy of some fields, which the group's records
    # package of the same revision still completes.
    partial: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ImportLogRow(Base):
    """导入记录: one imported package. ``undo`` holds what the import changed (the before-images
    of the records and marks it touched), so the last import can be undone exactly."""

    __tablename__ = "import_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(50), default="")
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    sender: Mapped[str] = mapped_column(String(200), default="")
    sender_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    conflicts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    undo: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The package's masking decision (personal data hidden or not), as it said; None: not said.
    masked: Mapped[bool | None] = mapped_column(Boolean)
