"""The clock the tests control (imported as ``from clock import FixedClock``; the tests folder is
on the path). Kept out of conftest.py because two conftest modules exist (tests/, tests/ui/)."""

from __future__ import annotations

from datetime import datetime, timedelta

START = datetime(2024, 12, 31, 10, 0)


class FixedClock:
    """Returns the same moment until a test moves it (recycle-bin expiry, overdue items)."""

    def __init__(self, moment: datetime = START) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment
