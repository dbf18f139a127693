"""What differs between SQLite and PostgreSQL, behind one interface.

Text search is a substring match, because Chinese has no spaces for a word tokenizer to split on:
SQLite's LIKE and PostgreSQL's ILIKE both find 议事 inside 民生议事堂. At the volumes of a district
(a few thousand consultations, tens of thousands at --scale 20) that is fast enough; a trigram index
(pg_trgm, or FTS5's trigram tokenizer) can be slotted in here if it ever is not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Executable

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: Any, needle: str) -> ColumnElement[bool]:
    """Case-insensitive substring match on either engine."""
    result: ColumnElement[bool] = column.ilike(f"%{_escape_like(needle)}%", escape="\\")
    return result


def insert_ignore(s: Session, table: Any, values: dict[str, Any]) -> Executable:
    """INSERT … ON CONFLICT DO NOTHING (both engines have it): a row created by whoever comes
    first, without a unique-key error for the one who comes second."""
    # Imported here: the PostgreSQL dialect and its drivers' modules cost a tenth
    # of a second at start-up, and a SQLite database never needs it.
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table).values(**values).on_conflict_do_nothing()
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table).values(**values).on_conflict_do_nothing()
