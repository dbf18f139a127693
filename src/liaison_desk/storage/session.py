"""The type of a unit of work, for code outside storage that passes one between repository
calls (a service saving several records in one transaction). Services name it from here, so
that only storage imports SQLAlchemy (tests/test_architecture.py checks it)."""

from __future__ import annotations

from typing import TypeAlias

import sqlalchemy.orm

Session: TypeAlias = sqlalchemy.orm.Session

__all__ = ["Session"]
