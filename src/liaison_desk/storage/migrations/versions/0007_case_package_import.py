"""case packages imported at the district: partial import marks, the masking decision logged

- ``import_marks.partial``: the mark of a record a case package brought (a masked copy of some
  of its fields), which the group's records package of the same revision still completes.
- ``import_log.masked``: the imported package's masking decision, shown in 导入记录.

New columns only (nullable, or with a server default): nothing existing is rebuilt.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-09
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "import_marks",
        sa.Column("partial", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("import_log", sa.Column("masked", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("import_log") as batch_op:
        batch_op.drop_column("masked")
    with op.batch_alter_table("import_marks") as batch_op:
        batch_op.drop_column("partial")
