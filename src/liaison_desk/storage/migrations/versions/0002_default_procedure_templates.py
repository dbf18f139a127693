"""default procedure templates

Seeds the neutral default checklists (domain.md) that the office can later rename, reorder and
extend in Settings. The steps are written out here, not imported, so this migration keeps doing
what it did when it was written even if the defaults in the code change.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_HALL = [
    "征集议题",
    "审定议题",
    "调研准备",
    "发布公告",
    "协商议事",
    "形成成果",
    "交办转化",
    "跟踪问效",
]
_MICRO = ["有议题", "有调研", "有协商", "有记录", "有成果", "有反馈"]


def upgrade() -> None:
    steps = sa.table(
        "procedure_steps",
        sa.column("kind", sa.String),
        sa.column("position", sa.Integer),
        sa.column("name", sa.String),
    )
    conn = op.get_bind()
    if conn.execute(sa.select(sa.func.count()).select_from(steps)).scalar():
        return  # the office already has its own
    rows = [{"kind": "hall", "position": i, "name": n} for i, n in enumerate(_HALL)]
    rows += [{"kind": "micro", "position": i, "name": n} for i, n in enumerate(_MICRO)]
    op.bulk_insert(steps, rows)


def downgrade() -> None:
    op.execute("DELETE FROM procedure_steps")
