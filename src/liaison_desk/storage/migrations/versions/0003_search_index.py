"""text-search index

The index of every record's text (storage/search_index.py): ``search_docs`` and, on SQLite, an
FTS5 table of characters and bigrams; on PostgreSQL an array of them with a GIN index. Built here
for the records already in the database, with progress (``progress`` in the Alembic config's
attributes, a ``liaison_desk.progress.Progress``; the log otherwise).

The index is derived data, so the building uses the app's own tokenizer rather than a copy
frozen here: whatever version reads the index is the one that built it.

Revision ID: 0003
Revises: 0002
Create Date: 2027-03-02
"""

import logging

import sqlalchemy as sa
from alembic import context, op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger("liaison_desk.storage.migrations")


def upgrade() -> None:
    from liaison_desk.storage import search_index

    op.create_table(
        "search_docs",
        sa.Column("kind", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("record_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_search_docs")),
    )
    conn = op.get_bind()
    search_index.create_structures(conn)
    progress = context.config.attributes.get("progress")
    total = search_index.rebuild(conn, progress)
    log.info("search index built for %d records", total)


def downgrade() -> None:
    from liaison_desk.storage import search_index

    search_index.drop_structures(op.get_bind())
    op.drop_table("search_docs")
