"""Thinning automatic backups: the recent ones stay, and the newest of each recent day, week and
month; a gap (a holiday) costs no older copies; nothing dated after now is deleted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from liaison_desk.domain.backup_retention import (
    BackupKind,
    RetentionPolicy,
    backups_to_keep,
    backups_to_remove,
)

CST = timezone(timedelta(hours=8))
NOW = datetime(2025, 3, 20, 17, 0, tzinfo=CST)  # a Thursday


def at(day: int, hour: int = 9, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=CST)


def test_every_backup_is_kept_while_there_are_fewer_than_the_recent_count() -> None:
    times = [NOW - timedelta(minutes=30 * i) for i in range(5)]
    assert backups_to_keep(times, NOW, RetentionPolicy(10, 0, 0, 0)) == set(times)


def test_only_the_recent_count_is_kept_when_no_daily_weekly_or_monthly_copies() -> None:
    times = [NOW - timedelta(minutes=30 * i) for i in range(30)]
    kept = backups_to_keep(times, NOW, RetentionPolicy(20, 0, 0, 0))
    assert kept == set(times[:20])
    assert backups_to_remove(times, NOW, RetentionPolicy(20, 0, 0, 0)) == set(times[20:])


def test_daily_copies_are_the_last_backup_of_each_recent_day_with_backups() -> None:
    # Three backups a day, on 10 days.
    times = [at(d, h) for d in range(11, 21) for h in (9, 12, 16)]
    kept = backups_to_keep(times, NOW, RetentionPolicy(2, 4, 0, 0))
    assert kept == {at(20, 16), at(20, 12), at(19, 16), at(18, 16), at(17, 16)}


def test_a_holiday_does_not_cost_the_older_daily_copies() -> None:
    # Worked on 1–3 March, then away until the 20th: the 3 days before the gap still count.
    times = [at(d, 10) for d in (1, 2, 3)] + [at(20, 10)]
    kept = backups_to_keep(times, NOW, RetentionPolicy(1, 4, 0, 0))
    assert kept == set(times)


def test_weekly_copies_are_the_newest_of_each_iso_week() -> None:
    # One backup every day for five weeks (Monday 10 Feb – Thursday 20 Mar).
    start = at(10, 9, month=2)
    times = [start + timedelta(days=i) for i in range(39)]
    kept = backups_to_keep(times, NOW, RetentionPolicy(1, 0, 3, 0))
    # This week's newest (Thu 20 Mar), then the Sundays of the two weeks before.
    assert kept == {at(20), at(16), at(9)}


def test_monthly_copies_are_the_newest_of_each_month_across_a_year_end() -> None:
    times = [datetime(2024, m, 15, 9, tzinfo=CST) for m in range(1, 13)]
    times += [datetime(2024, 12, 31, 18, tzinfo=CST), at(5, month=1), at(5, month=2), at(18)]
    kept = backups_to_keep(times, NOW, RetentionPolicy(0, 0, 0, 4))
    assert kept == {at(18), at(5, month=2), at(5, month=1), datetime(2024, 12, 31, 18, tzinfo=CST)}


def test_the_rules_add_up_and_one_backup_may_satisfy_several() -> None:
    # Every 30 minutes from 9:00 to 17:00 on each working day of March so far.
    times = [
        at(d, 9) + timedelta(minutes=30 * i)
        for d in range(3, 21)
        if at(d).weekday() < 5
        for i in range(17)
        if at(d, 9) + timedelta(minutes=30 * i) <= NOW
    ]
    policy = RetentionPolicy(recent=20, daily=7, weekly=8, monthly=8)
    kept = backups_to_keep(times, NOW, policy)
    newest_first = sorted(times, reverse=True)
    recent = set(newest_first[:20])  # all of the 20th (17 copies) and the 19th's last 3
    assert at(19, 16) in recent
    # Daily: the 20th and 19th are among the recent; the evenings of 18, 17, 14, 13, 12.
    daily = {at(day, 17) for day in (18, 17, 14, 13, 12)}
    # Weekly: this week and last week are covered; the week of 3–7 March adds Friday 7th.
    # Monthly: March is covered; there is nothing before March.
    assert kept == recent | daily | {at(7, 17)}


def test_backups_dated_after_now_are_kept_and_do_not_use_up_the_counts() -> None:
    future = NOW + timedelta(days=2)  # the PC's clock was put back since
    times = [future, NOW - timedelta(hours=1), NOW - timedelta(hours=2)]
    kept = backups_to_keep(times, NOW, RetentionPolicy(1, 0, 0, 0))
    assert kept == {future, NOW - timedelta(hours=1)}


def test_days_are_counted_in_local_time() -> None:
    # 23:30 and 00:30 local time are two days, although both are the same day in UTC.
    late = datetime(2025, 3, 18, 23, 30, tzinfo=CST)
    early = datetime(2025, 3, 19, 0, 30, tzinfo=CST)
    in_utc = [late.astimezone(UTC), early.astimezone(UTC)]
    assert in_utc[0].date() == in_utc[1].date()
    kept = backups_to_keep(in_utc, NOW, RetentionPolicy(0, 2, 0, 0))
    assert kept == set(in_utc)


def test_naive_times_work_with_a_naive_now() -> None:
    now = NOW.replace(tzinfo=None)
    times = [now - timedelta(days=i) for i in range(5)]
    assert backups_to_keep(times, now, RetentionPolicy(1, 2, 0, 0)) == set(times[:2])


def test_zero_everywhere_keeps_nothing_and_an_empty_list_is_fine() -> None:
    times = [NOW - timedelta(hours=i) for i in range(3)]
    assert backups_to_keep(times, NOW, RetentionPolicy(0, 0, 0, 0)) == set()
    assert backups_to_keep([], NOW, RetentionPolicy(20, 7, 8, 8)) == set()


def test_manual_backups_and_upgrade_copies_are_never_thinned() -> None:
    assert not BackupKind.MANUAL.thinned
    assert not BackupKind.BEFORE_UPGRADE.thinned
    assert all(
        k.thinned
        for k in (
            BackupKind.AUTOMATIC,
            BackupKind.ON_CLOSE,
            BackupKind.BEFORE_IMPORT,
            BackupKind.BEFORE_RESTORE,
            BackupKind.BEFORE_MERGE,
        )
    )
