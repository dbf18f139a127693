"""The lists' order of a column, given by the database: a list sorted by any column is one query
a page (ORDER BY the column, then the list's own order, LIMIT), run off the GUI thread while
SQLite holds no Python lock, instead of every row loaded and sorted in Python.

- Text sorts as the tables sort it (``domain/collation.py``: Chinese by pinyin, numbers inside
  text by value, Latin before Chinese): on SQLite by ``liaison_sort_key(column)``, a function
  each connection registers (``register_functions``); a server has no such function, and its
  lists sort text in the worker as before (``sorts_text``).
- A column whose stored values show as labels (statuses, categories, a group by its name) sorts
  by the position of its value in the order the list gives (``PageRequest.value_order``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import case, func, literal
from sqlalchemy.orm import Session

from liaison_desk.domain.collation import sort_key

SORT_KEY_FUNCTION = "liaison_sort_key"


class Text:
    """A text column of a list's sort columns: sorted in the lists' text order."""

    def __init__(self, column: Any) -> None:
        self.column = column


# Many rows share a value (a venue, a unit, a category): each is keyed once.
_cached_sort_key = lru_cache(maxsize=65536)(sort_key)


def register_functions(dbapi_connection: Any) -> None:
    """Called for every new SQLite connection."""
    dbapi_connection.create_function(SORT_KEY_FUNCTION, 1, _cached_sort_key, deterministic=True)


def sorts_text(dialect_name: str) -> bool:
    """Whether the database sorts text in the lists' order (``Text`` columns)."""
    return dialect_name == "sqlite"


def order_expression(s: Session, column: Any, value_order: Sequence[object] = ()) -> Any:
    """What ORDER BY sorts ``column`` by (a ``Text`` or a plain column)."""
    if value_order:
        # Values not named (none, or one the list does not know) first, as empty ones.
        ranks = {value: i for i, value in enumerate(value_order)}
        plain = column.column if isinstance(column, Text) else column
        return case(ranks, value=plain, else_=literal(-1))
    if isinstance(column, Text):
        if sorts_text(s.get_bind().dialect.name):
            return getattr(func, SORT_KEY_FUNCTION)(column.column)
        return column.column  # a server's collation: its pages sort text in the worker
    return column
