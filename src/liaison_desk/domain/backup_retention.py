"""Which automatic backups to keep: the recent ones, plus one a day, a week and a month.

Thinning works like Anki's automatic backups (and restic's ``forget --keep-*``): each rule keeps
the newest backup of each of its most recent periods that have a backup at all, and a backup kept
by any rule stays. So after a holiday nothing is lost for want of backups in the missing days: the
last day worked still counts as a day. Periods are calendar days, ISO weeks and calendar months
in local time (the time of ``now``).

Pure Python: the backup service lists the files and deletes what this says is not kept.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

__all__ = [
    "AUTOMATIC_INTERVAL",
    "BackupKind",
    "RetentionPolicy",
    "backups_to_keep",
    "backups_to_remove",
]

#: At most one periodic backup in this time while the window is open (as Anki does).
AUTOMATIC_INTERVAL = timedelta(minutes=30)


class BackupKind(enum.StrEnum):
    """Why a backup was made; the value is the word in its file name and in the list."""

    AUTOMATIC = "自动"  # every 30 minutes while the window is open, when something changed
    ON_CLOSE = "关闭时"  # when the window is closed, when something changed
    BEFORE_IMPORT = "导入前"  # before a ledger import
    BEFORE_RESTORE = "恢复前"  # the current data, before a restore replaced it
    BEFORE_UPGRADE = "升级前"  # the database file before a new release upgraded it
    BEFORE_MERGE = "合并前"  # before another database's records are merged in
    MANUAL = "手动"  # made by the user (liaison-desk backup, or any other .zip put there)

    @property
    def thinned(self) -> bool:
        """Whether thinning may delete it: what the app made on its own, in its folder. A
        manual backup and the upgrade copy beside the database are the user's to remove."""
        return self not in (BackupKind.MANUAL, BackupKind.BEFORE_UPGRADE)


@dataclass(frozen=True)
class RetentionPolicy:
    """How many to keep of each (the settings ``backup.keep_*``)."""

    recent: int
    daily: int
    weekly: int
    monthly: int


def _day(t: datetime) -> Hashable:
    return t.date()


def _week(t: datetime) -> Hashable:
    year, week, _ = t.isocalendar()
    return (year, week)


def _month(t: datetime) -> Hashable:
    return (t.year, t.month)


def backups_to_keep(
    times: Iterable[datetime], now: datetime, policy: RetentionPolicy
) -> set[datetime]:
    """The times (of ``times``) whose backups are kept.

    - the ``policy.recent`` newest;
    - the newest of each of the ``policy.daily`` most recent days that have a backup, and the
      same for ISO weeks (``weekly``) and months (``monthly``);
    - every backup dated after ``now`` (the clock was put back: it is not ours to judge).

    Times may be naive (local) or aware; aware ones are compared in ``now``'s time zone.
    """
    local = now.tzinfo

    def in_local(t: datetime) -> datetime:
        if local is None:  # naive local times throughout
            return t.astimezone().replace(tzinfo=None) if t.tzinfo is not None else t
        return t.replace(tzinfo=local) if t.tzinfo is None else t.astimezone(local)

    ordered = sorted(set(times), key=in_local, reverse=True)
    future = {t for t in ordered if in_local(t) > now}
    past = [t for t in ordered if t not in future]
    kept = set(future) | set(past[: max(policy.recent, 0)])
    rules: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (policy.daily, _day),
        (policy.weekly, _week),
        (policy.monthly, _month),
    )
    for count, period_of in rules:
        seen: set[Hashable] = set()
        for t in past:  # newest first: the first of each period is its newest
            if len(seen) >= count:
                break
            period = period_of(in_local(t))
            if period not in seen:
                seen.add(period)
                kept.add(t)
    return kept


def backups_to_remove(
    times: Iterable[datetime], now: datetime, policy: RetentionPolicy
) -> set[datetime]:
    """The complement of :func:`backups_to_keep` within ``times``."""
    all_times = set(times)
    return all_times - backups_to_keep(all_times, now, policy)
