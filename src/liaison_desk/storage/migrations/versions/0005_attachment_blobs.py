"""attachment contents in the database (a shared server)

On a PostgreSQL server every PC of an office must see the same photos and scans, so their
content is kept in the database itself, by SHA-256 and stored once (``attachment_blobs``,
``storage/server_store.py``). A SQLite database keeps its files in the folder beside it and
leaves the table empty; the table is made on both so that the schema is one.

Revision ID: 0005
Revises: 0004
Create Date: 2027-04-20
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blobs")),
    )


def downgrade() -> None:
    op.drop_table("attachment_blobs")
