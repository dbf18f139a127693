"""When the recycle bin purges an entry by itself, as its page shows it."""

from __future__ import annotations

from datetime import datetime, timedelta

from liaison_desk.domain.rules import purge_due
from liaison_desk.services import Services


def test_purge_date_and_days_left(services: Services) -> None:
    deleted = datetime(2024, 12, 1, 9, 30)
    bin_ = services.recycle_bin
    assert bin_.purge_on(deleted) == datetime(2024, 12, 31, 9, 30)
    assert bin_.days_left(deleted, now=deleted) == 30
    assert bin_.days_left(deleted, now=deleted + timedelta(hours=1)) == 30  # rounded up
    assert bin_.days_left(deleted, now=deleted + timedelta(days=29)) == 1
    assert bin_.days_left(deleted, now=deleted + timedelta(days=29, hours=23)) == 1
    assert bin_.days_left(deleted, now=deleted + timedelta(days=30)) == 0
    assert bin_.days_left(deleted, now=deleted + timedelta(days=45)) == 0
    # The service's clock (2024-12-31 10:00 in the tests) when no moment is given.
    assert bin_.days_left(deleted) == 0
    assert bin_.days_left(datetime(2024, 12, 30, 10, 0)) == 29


def test_days_left_is_zero_exactly_when_the_purge_is_due(services: Services) -> None:
    deleted = datetime(2024, 11, 1, 8, 0)
    for hours in range(0, 32 * 24, 7):
        now = deleted + timedelta(hours=hours)
        assert (services.recycle_bin.days_left(deleted, now) == 0) == purge_due(deleted, now)
