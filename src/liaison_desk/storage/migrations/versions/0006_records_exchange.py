"""records packages: tombstones, import marks, import log

- ``tombstones``: records purged for good, so a records package can carry the deletion to the
  district (a record in the recycle bin travels as itself, with its ``deleted_at``).
- ``import_marks``: per record, the revision the last import brought (conflict detection).
- ``import_log``: 导入记录, with what each import changed so the last one can be undone.

New tables only: nothing existing is rebuilt.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tombstones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("entity_type", sa.String(length=30), nullable=False),
        sa.Column("group_uuid", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tombstones")),
    )
    op.create_index(op.f("ix_tombstones_uuid"), "tombstones", ["uuid"])
    op.create_index(op.f("ix_tombstones_group_uuid"), "tombstones", ["group_uuid"])
    op.create_index(op.f("ix_tombstones_deleted_at"), "tombstones", ["deleted_at"])
    op.create_table(
        "import_marks",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_import_marks")),
    )
    op.create_table(
        "import_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sender", sa.String(length=200), nullable=False),
        sa.Column("sender_uuid", sa.String(length=36), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=False),
        sa.Column("undo", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_log")),
    )
    op.create_index(op.f("ix_import_log_imported_at"), "import_log", ["imported_at"])
    op.create_index(op.f("ix_import_log_sha256"), "import_log", ["sha256"])
    op.create_index(op.f("ix_import_log_sender_uuid"), "import_log", ["sender_uuid"])


def downgrade() -> None:
    op.drop_table("import_log")
    op.drop_table("import_marks")
    op.drop_table("tombstones")
