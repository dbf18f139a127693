"""catalogue dates and record-sheet 档号

The 归档文件目录 (DA/T 22) lists each case by the day it was finalised (定稿) and each record sheet
as a 件 of its own with its own 档号 (docs/formats-notes.md says why). Neither was stored:

- ``cases.finalised_on``: the 定稿 day. Filled here for the cases already past 草稿 from their
  history: the day of the last audit entry that set the status to 定稿, else (a case saved as
  定稿 when created) the day it was created, else the day of its first submission, else the day
  it was created. Never the last-modified time: an export changes that.
- ``consultations.archive_number``: the record sheet's 档号, given when a case using the session
  is finalised (or, for cases finalised before this version, when they are next exported).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN and CREATE INDEX: no table is rebuilt. A rebuild (batch mode) drops the
    # old table, and on SQLite with foreign keys on that cascade-deletes every participant,
    # speech and item of the consultations.
    op.add_column("cases", sa.Column("finalised_on", sa.Date(), nullable=True))
    op.add_column("consultations", sa.Column("archive_number", sa.String(length=60), nullable=True))
    op.create_index(
        "uq_consultations_archive_number", "consultations", ["archive_number"], unique=True
    )
    _fill_finalised_on()


def downgrade() -> None:
    op.drop_index("uq_consultations_archive_number", table_name="consultations")
    with op.batch_alter_table("consultations") as batch:
        batch.drop_column("archive_number")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("finalised_on")


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            return None
    return None


def _fill_finalised_on() -> None:
    conn = op.get_bind()
    cases = sa.table(
        "cases",
        sa.column("id", sa.Integer),
        sa.column("uuid", sa.String),
        sa.column("status", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("finalised_on", sa.Date),
    )
    audit = sa.table(
        "audit_entries",
        sa.column("at", sa.DateTime),
        sa.column("entity_type", sa.String),
        sa.column("entity_uuid", sa.String),
        sa.column("action", sa.String),
        sa.column("changes", sa.JSON),
    )
    submissions = sa.table(
        "submissions", sa.column("id", sa.Integer), sa.column("submitted_on", sa.Date)
    )
    links = sa.table(
        "submission_cases", sa.column("submission_id", sa.Integer), sa.column("case_id", sa.Integer)
    )
    rows = conn.execute(
        sa.select(cases.c.id, cases.c.uuid, cases.c.created_at).where(cases.c.status != "draft")
    ).all()
    for case_id, uuid, created_at in rows:
        entries = conn.execute(
            sa.select(audit.c.at, audit.c.action, audit.c.changes)
            .where(audit.c.entity_type == "case", audit.c.entity_uuid == uuid)
            .order_by(audit.c.at)
        ).all()
        finalised: date | None = None
        created: date | None = None
        for at, action, changes in entries:
            status = (changes or {}).get("status") if isinstance(changes, dict) else None
            if isinstance(status, list) and len(status) == 2 and status[1] == "final":
                finalised = _day(at)
            if action == "create" and created is None:
                created = _day(at)
        if finalised is None:
            finalised = created
        if finalised is None:
            first = conn.execute(
                sa.select(sa.func.min(submissions.c.submitted_on))
                .select_from(links.join(submissions, links.c.submission_id == submissions.c.id))
                .where(links.c.case_id == case_id)
            ).scalar()
            finalised = _day(first) or _day(created_at)
        if finalised is not None:
            conn.execute(cases.update().where(cases.c.id == case_id).values(finalised_on=finalised))
