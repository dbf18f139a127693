"""lists at scale: the roster's pinyin sort key and indexes for the lists' first page

- ``people.name_sort_key``: the name's place in the lists' pinyin order
  (``liaison_desk.domain.collation.sort_key``), so the database sorts the roster a page at a
  time. Filled here for the people already stored, a few thousand at a time.
- Partial indexes of the records not in the recycle bin, in the lists' default order:
  consultations by (kind, date) and by date, outcome items by (consultation, position),
  people by the sort key.
- ``deleted_at`` of those three tables indexed only where set (the recycle bin): a full index
  made SQLite read "deleted_at IS NULL" (nearly every row) as the best way into a list.

Plain ADD COLUMN and CREATE INDEX: no table is rebuilt (a rebuild on SQLite with foreign keys
on would cascade-delete the people's participations and the consultations' children).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from liaison_desk.domain.collation import sort_key

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_LIVE = sa.text("deleted_at IS NULL")
_BINNED = sa.text("deleted_at IS NOT NULL")
_TABLES = ("people", "consultations", "outcome_items")
_BATCH = 5000


def _where(clause: sa.TextClause) -> dict[str, Any]:
    return {"sqlite_where": clause, "postgresql_where": clause}


def upgrade() -> None:
    key_type = sa.String().with_variant(sa.String(collation="C"), "postgresql")
    op.add_column("people", sa.Column("name_sort_key", key_type, nullable=True))
    _fill_sort_keys()
    for table in _TABLES:
        op.drop_index(f"ix_{table}_deleted_at", table_name=table)
        op.create_index(f"ix_{table}_deleted_at", table, ["deleted_at"], **_where(_BINNED))
    op.create_index(
        "ix_people_live_name_sort_key", "people", ["name_sort_key", "id"], **_where(_LIVE)
    )
    op.create_index(
        "ix_consultations_live_kind_held_on", "consultations", ["kind", "held_on"], **_where(_LIVE)
    )
    op.create_index("ix_consultations_live_held_on", "consultations", ["held_on"], **_where(_LIVE))
    op.create_index(
        "ix_outcome_items_live_consultation",
        "outcome_items",
        ["consultation_id", "position"],
        **_where(_LIVE),
    )


def _fill_sort_keys() -> None:
    conn = op.get_bind()
    people = sa.table("people", sa.column("id", sa.Integer), sa.column("name", sa.String))
    update = sa.text("UPDATE people SET name_sort_key = :key WHERE id = :pid")
    last = 0
    while True:
        rows = conn.execute(
            sa.select(people.c.id, people.c.name)
            .where(people.c.id > last)
            .order_by(people.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        conn.execute(update, [{"key": sort_key(name), "pid": pid} for pid, name in rows])
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_outcome_items_live_consultation", table_name="outcome_items")
    op.drop_index("ix_consultations_live_held_on", table_name="consultations")
    op.drop_index("ix_consultations_live_kind_held_on", table_name="consultations")
    op.drop_index("ix_people_live_name_sort_key", table_name="people")
    for table in _TABLES:
        op.drop_index(f"ix_{table}_deleted_at", table_name=table)
        op.create_index(f"ix_{table}_deleted_at", table, ["deleted_at"])
    # Plain DROP COLUMN (SQLite 3.35+): a batch rebuild would cascade-delete the children.
    op.execute("ALTER TABLE people DROP COLUMN name_sort_key")
