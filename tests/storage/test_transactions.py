"""How units of work meet the database: saves are durable when "已保存" is shown (synchronous
FULL), a unit that may write holds SQLite's write lock from its first read (so what it read
cannot change before it writes), a read does not, a save over a revision changed meanwhile is a
ConflictError, and another connection's commit changes the change token."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from liaison_desk.domain.entities import Consultation
from liaison_desk.domain.rules import ConflictError
from liaison_desk.services import Services
from liaison_desk.storage import database
from liaison_desk.storage.database import Database
from liaison_desk.storage.models import ConsultationRow


def _pragma(db: Database, name: str) -> object:
    with db.reading() as s:
        return s.execute(text(f"PRAGMA {name}")).scalar()


def test_connections_are_durable_wal_and_wait_for_a_busy_database(db: Database) -> None:
    assert _pragma(db, "synchronous") == 2  # FULL: a commit is on the disk before it returns
    assert _pragma(db, "journal_mode") == "wal"
    assert _pragma(db, "busy_timeout") == database.BUSY_TIMEOUT_MS
    assert _pragma(db, "foreign_keys") == 1


def test_bulk_writes_relax_durability_only_meanwhile(db: Database) -> None:
    with db.bulk_writes():
        assert _pragma(db, "synchronous") == 1  # NORMAL, for building the demo
    assert _pragma(db, "synchronous") == 2


def _other_writer_blocked(db_file: Path) -> bool:
    other = sqlite3.connect(db_file, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    finally:
        other.close()
    return False


def test_a_unit_that_may_write_holds_the_write_lock_from_its_first_read(
    db: Database, db_file: Path
) -> None:
    with db.session() as s:
        s.execute(text("SELECT count(*) FROM consultations")).scalar()
        # What it just read (a revision, a counter) cannot be changed by anyone else now.
        assert _other_writer_blocked(db_file)
    assert not _other_writer_blocked(db_file)
    with db.reading() as s:
        s.execute(text("SELECT count(*) FROM consultations")).scalar()
        assert not _other_writer_blocked(db_file)  # reading never holds up a save


def test_a_save_over_a_revision_changed_meanwhile_is_a_conflict(
    services: Services, new_consultation: Callable[..., Consultation], db: Database
) -> None:
    saved = services.consultations.save(new_consultation())
    with pytest.raises(ConflictError, match="已被另一处修改"), db.session() as s:
        row = s.get(ConsultationRow, saved.id)
        assert row is not None
        # Another writer saves between this unit's read and its write (possible on a server,
        # where reads take no lock): its UPDATE raises the revision.
        s.execute(
            text(
                "UPDATE consultations SET revision = revision + 1, minutes = '别处' WHERE id = :i"
            ),
            {"i": saved.id},
        )
        row.minutes = "这里"
        row.revision += 1
        s.flush()
    stored = services.consultations.get(saved.id or 0)
    assert stored is not None and stored.minutes == "" and stored.revision == saved.revision


def test_the_change_token_moves_when_another_connection_commits(
    services: Services, new_consultation: Callable[..., Consultation], db_file: Path
) -> None:
    first = services.changes.token()
    assert services.changes.token() == first  # nothing happened
    other = sqlite3.connect(db_file)
    with other:
        other.execute("UPDATE liaison_groups SET leader = '沈建国'")
    other.close()
    second = services.changes.token()
    assert second != first
    services.consultations.save(new_consultation())  # this window's own save, too
    assert services.changes.token() != second
