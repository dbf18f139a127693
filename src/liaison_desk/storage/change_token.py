"""Whether the database changed since someone last looked, with a database error turned into a
message the user can act on (services do not see SQLAlchemy's exceptions)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from liaison_desk.storage.database import Database, translate_operational_error
from liaison_desk.storage.errors import StorageError


def change_token(db: Database) -> tuple[int, ...]:
    """A value that differs after any change committed by another connection."""
    try:
        return db.change_token()
    except OperationalError as exc:
        raise translate_operational_error(exc, db.file) from exc
    except sqlite3.Error as exc:
        raise StorageError(f"无法读取数据库的修改情况（{exc}）。") from exc
