"""change notices on a server: every table announces its changes (PostgreSQL only)

An open window learns that another PC changed the database from a notification the server
sends when the change is committed (``LISTEN liaison_desk_changes``, see
``storage/change_notices.py``). One statement-level trigger per table sends it, so every
table counts (follow-ups, speeches, case text, deletions, tombstones, settings) without the
window scanning tables. SQLite has no such thing and needs none (``PRAGMA data_version``).

A table added by a later migration needs ``add_change_notice`` too
(tests/storage/test_server.py checks every table has it).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-20
"""

from alembic import op
from sqlalchemy import text

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CHANNEL = "liaison_desk_changes"
FUNCTION = "liaison_desk_changed"

# The payload is empty, so the notices of one transaction collapse into one (PostgreSQL
# delivers identical notices of a transaction once), and it says nothing about the rows: a
# township's login learns only that something changed, never what (row-level security).
_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END $$
"""


def add_change_notice(table: str) -> None:
    op.execute(text(f'DROP TRIGGER IF EXISTS {FUNCTION} ON "{table}"'))
    op.execute(
        text(
            f'CREATE TRIGGER {FUNCTION} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(text(_FUNCTION_SQL))
    tables = op.get_bind().execute(
        text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename <> 'alembic_version' ORDER BY tablename"
        )
    )
    for (table,) in tables.all():
        add_change_notice(table)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(text(f"DROP FUNCTION IF EXISTS {FUNCTION}() CASCADE"))
