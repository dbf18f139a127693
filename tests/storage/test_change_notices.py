"""The change token of a server database (storage/change_notices.py): every table announces
its commits, so a window sees a change in any of them — also ones that leave row counts and
revisions as they were — and nothing that was rolled back; a lost connection is a change.

Runs on the throw-away cluster of ``tests/pg_cluster.py`` (skipped where PostgreSQL is missing).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

import pg_cluster
from liaison_desk.storage.database import Database
from liaison_desk.storage.models import Base

pg_url = pg_cluster.pg_url


@pytest.fixture(scope="module")
def server(pg_url: str) -> str:
    url = pg_cluster.fresh_database(pg_url, "change_notices")
    Database.open(url).close()  # the schema, by the migrations
    return url


@pytest.fixture
def window(server: str) -> Iterator[Database]:
    """The database as one PC's window has it open."""
    db = Database.open(server)
    yield db
    db.close()


def test_every_table_announces_its_changes(server: str) -> None:
    """A new table needs the trigger too (migration 0007's ``add_change_notice``)."""
    engine = create_engine(server)
    with engine.connect() as conn:
        announced = set(
            conn.execute(
                text(
                    "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE t.tgname = 'liaison_desk_changed' AND NOT t.tgisinternal"
                )
            ).scalars()
        )
    engine.dispose()
    assert set(Base.metadata.tables) == announced


@pytest.mark.parametrize(
    "change",
    [
        # Tables without revisions, which a count-and-revision token could not see.
        "UPDATE speeches SET content = content || '。'",
        "UPDATE participants SET name = name",
        "INSERT INTO settings (key, value) VALUES ('change-test', '1') "
        "ON CONFLICT (key) DO UPDATE SET value = to_json(now()::text)",
        "INSERT INTO tombstones (uuid, entity_type, deleted_at) "
        "VALUES ('00000000-0000-4000-8000-000000000001', 'consultation', now())",
        # One row deleted and one added in one transaction: same count, same sum.
        "DELETE FROM number_counters WHERE scope = 'change-test'; "
        "INSERT INTO number_counters (scope, last) VALUES ('change-test', 1)",
    ],
)
def test_a_change_committed_elsewhere_changes_the_token(
    window: Database, server: str, change: str
) -> None:
    before = window.change_token()
    assert window.change_token() == before  # nothing changed: the same token
    elsewhere = create_engine(server)
    try:
        with elsewhere.begin() as conn:
            for statement in change.split("; "):
                conn.execute(text(statement))
    finally:
        elsewhere.dispose()
    assert window.change_token() != before


def test_a_rolled_back_change_leaves_the_token_as_it_was(window: Database, server: str) -> None:
    before = window.change_token()
    elsewhere = create_engine(server)
    try:
        with elsewhere.connect() as conn:
            conn.execute(text("INSERT INTO number_counters (scope, last) VALUES ('undone', 1)"))
            assert window.change_token() == before  # not committed yet: nothing to see
            conn.rollback()
    finally:
        elsewhere.dispose()
    assert window.change_token() == before


def test_a_lost_connection_counts_as_a_change_and_listening_goes_on(
    window: Database, server: str
) -> None:
    """Commits made while the window's listening connection was down are not announced to it:
    listening again counts as a change, so the window reloads, and later changes are seen."""
    before = window.change_token()
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        after_loss = window.change_token()
        assert after_loss != before
        assert window.change_token() == after_loss
        with admin.connect() as conn:
            conn.execute(text("INSERT INTO number_counters (scope, last) VALUES ('later', 1)"))
        assert window.change_token() != after_loss
    finally:
        admin.dispose()
