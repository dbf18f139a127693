"""Automatic backups: made only when the data changed, at most every 30 minutes, on close and
before an import; thinned by the settings; listed with kind, date and record counts; restored
from the list; a missing or full backup folder says so and loses nothing."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from liaison_desk.config import MachineSettings
from liaison_desk.domain.backup_retention import BackupKind, RetentionPolicy
from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import ServiceContext, Services
from liaison_desk.services.backups import BackupService, BackupSettings
from liaison_desk.storage import backup as backup_module
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.backup import read_backup
from liaison_desk.storage.backup_files import list_backups
from liaison_desk.storage.database import Database, head_revision, sqlite_online_backup
from liaison_desk.storage.errors import BackupError

CST = timezone(timedelta(hours=8))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 20, 9, 0).astimezone()  # local time, as the app's clock

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def backup_clock() -> Clock:
    return Clock()


@pytest.fixture
def backups(services: Services, backup_clock: Clock) -> BackupService:
    services.backups.clock = backup_clock
    return services.backups


def ledger_with_new_row(services: Services, path: Path, **values: str) -> Path:
    """An exported ledger with one more row typed in, as a secretary would."""
    from openpyxl import load_workbook

    from liaison_desk.documents.ledger import CONSULTATION_SHEET

    services.ledger.export(ConsultationFilter(), path, masked=False)
    wb = load_workbook(path)
    ws = wb[CONSULTATION_SHEET]
    headings = [c.value for c in ws[1]]
    ws.append([values.get(str(h)) for h in headings])
    wb.save(path)
    return path


def record(services: Services, group: LiaisonGroup, title: str) -> None:
    c = services.consultations.new(ConsultationKind.MICRO, group.id)
    c.title, c.venue, c.held_on = title, "驿站", date(2024, 3, 1)
    services.consultations.save(c)


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def titles(services: Services) -> set[str]:
    return {r.title for r in services.consultations.search(ConsultationFilter()).items}


# --- when ---------------------------------------------------------------------------------------


def test_the_periodic_backup_is_made_only_when_something_changed_and_every_30_minutes_at_most(
    services: Services, group: LiaisonGroup, backups: BackupService, backup_clock: Clock
) -> None:
    folder = backups.folder()
    assert folder == backups.database_file.parent / "备份"
    first = backups.back_up_if_due()  # never backed up before: due, and there is data
    assert first is not None and first.parent == folder
    assert re.fullmatch(r"履职档案-自动-20250320-090000\.zip", first.name)

    backup_clock.advance(10)
    record(services, group, "十分钟后的记录")
    assert backups.back_up_if_due() is None  # changed, but only 10 minutes later
    backup_clock.advance(19)
    assert backups.back_up_if_due() is None  # 29 minutes
    backup_clock.advance(1)
    second = backups.back_up_if_due()  # 30 minutes, and changed
    assert second is not None

    backup_clock.advance(45)
    assert backups.back_up_if_due() is None  # due, but nothing changed since
    assert len(files(folder)) == 2


def test_a_write_that_changes_nothing_is_not_a_change(
    services: Services, group: LiaisonGroup, backups: BackupService, backup_clock: Clock
) -> None:
    backups.back_up_if_due()
    # A checkpoint rewrites the database file (new modification time) with the same content.
    conn = sqlite3.connect(backups.database_file)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    backup_clock.advance(60)
    assert not backups.changed_since_last_backup()
    assert backups.back_up_if_due() is None


def test_on_close_a_backup_is_made_only_when_the_data_changed(
    services: Services, group: LiaisonGroup, backups: BackupService, backup_clock: Clock
) -> None:
    made = backups.back_up_on_close()
    assert made is not None and "-关闭时-" in made.name
    backup_clock.advance(1)
    assert backups.back_up_on_close() is None  # nothing changed since

    # The next session (a new service over the same file) learns it from the folder.
    again = BackupService(services.ctx, clock=backup_clock)
    assert again.back_up_on_close() is None
    assert not again.automatic_due()  # the close backup was one minute ago
    record(services, group, "新的记录")
    assert again.back_up_on_close() is not None


def test_a_server_database_has_no_automatic_backups(backup_clock: Clock) -> None:
    db = Database.open("sqlite://")  # no file: like a server, nothing to copy
    try:
        service = BackupService(ServiceContext(db, None), clock=backup_clock)
        assert not service.available
        assert service.back_up_if_due() is None
        assert service.back_up_on_close() is None
        assert service.back_up_before(BackupKind.BEFORE_IMPORT) is None
        assert service.backups() == []
    finally:
        db.close()


# --- before risky operations --------------------------------------------------------------------


def test_a_ledger_import_is_preceded_by_a_backup_holding_the_data_before_it(
    services: Services, group: LiaisonGroup, backups: BackupService, tmp_path: Path
) -> None:
    record(services, group, "导入前就有的记录")
    path = ledger_with_new_row(
        services,
        tmp_path / "台账.xlsx",
        编号="织里-2024-微-009",
        类型="微协商",
        议题="导入的记录",
        日期="2024/3/2",
        地点="驿站",
        联络组="织里镇联络组",
    )
    plan = services.ledger.plan_import(path)
    assert plan.ok and plan.has_changes
    services.ledger.apply_import(plan)

    [entry] = backups.backups()
    assert entry.kind is BackupKind.BEFORE_IMPORT and "-导入前-" in entry.path.name
    assert entry.counts["consultations"] == 1  # as it was before the import
    assert titles(services) == {"导入前就有的记录", "导入的记录"}


def test_an_import_whose_backup_fails_is_refused_and_changes_nothing(
    services: Services, group: LiaisonGroup, backups: BackupService, tmp_path: Path
) -> None:
    unplugged = tmp_path / "U盘" / "联络组备份"  # the stick is not plugged in
    backups.save_settings(BackupSettings(str(unplugged), backups.settings().policy))
    path = ledger_with_new_row(
        services,
        tmp_path / "台账.xlsx",
        类型="微协商",
        议题="导入的记录",
        日期="2024/3/2",
        地点="驿站",
        联络组="织里镇联络组",
    )
    plan = services.ledger.plan_import(path)
    with pytest.raises(BackupError) as refused:
        services.ledger.apply_import(plan)
    message = str(refused.value)
    assert "没有导入" in message and "U 盘" in message and str(unplugged) in message
    assert titles(services) == set()
    assert not unplugged.parent.exists()  # not made on the computer's own disk


def test_merge_has_its_backup_function(
    services: Services, group: LiaisonGroup, backups: BackupService
) -> None:
    made = backups.back_up_before_merge()
    assert made is not None
    assert [e.kind for e in backups.backups()] == [BackupKind.BEFORE_MERGE]


# --- thinning -----------------------------------------------------------------------------------


def test_old_automatic_backups_are_thinned_by_the_settings_and_manual_ones_are_kept(
    services: Services, group: LiaisonGroup, backups: BackupService, backup_clock: Clock
) -> None:
    backups.save_settings(
        BackupSettings("", RetentionPolicy(recent=3, daily=2, weekly=0, monthly=0))
    )
    manual = backups.back_up_now()
    made: list[Path] = []
    for day in range(3):  # three days, four changed half-hours each
        for n in range(4):
            record(services, group, f"第{day}天第{n}条")
            path = backups.back_up_if_due()
            assert path is not None
            made.append(path)
            backup_clock.advance(30)
        backup_clock.advance(60 * 24 - 120)
    left = {e.path for e in backups.backups()}
    # The 3 newest, the last of yesterday (today's newest is among the recent), the manual one.
    assert left == {*made[-3:], made[7], manual}


def test_a_missing_or_full_backup_folder_fails_clearly_and_loses_no_old_backup(
    services: Services,
    group: LiaisonGroup,
    backups: BackupService,
    backup_clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    backups.save_settings(BackupSettings(str(usb / "备份"), RetentionPolicy(1, 0, 0, 0)))
    first = backups.back_up_on_close()
    assert first is not None and first.parent == usb / "备份"
    before = {p: p.read_bytes() for p in (usb / "备份").iterdir()}

    record(services, group, "拔掉 U 盘后的记录")
    shutil.rmtree(usb)  # the stick was pulled out
    with pytest.raises(BackupError, match=r"找不到备份文件夹.*以前的备份都还在"):
        backups.back_up_on_close()
    assert not usb.exists()

    (usb / "备份").mkdir(parents=True)  # plugged in again, but full
    for path, data in before.items():
        path.write_bytes(data)

    class Usage:
        free = 1024

    monkeypatch.setattr(backup_module.shutil, "disk_usage", lambda _p: Usage())
    with pytest.raises(BackupError, match="空间不足"):
        backups.back_up_on_close()
    assert {p: p.read_bytes() for p in (usb / "备份").iterdir()} == before  # nothing thinned


def test_a_folder_that_is_a_file_is_refused(
    services: Services, group: LiaisonGroup, backups: BackupService, tmp_path: Path
) -> None:
    taken = tmp_path / "备份文件夹"
    taken.write_text("不是文件夹")
    backups.save_settings(BackupSettings(str(taken), backups.settings().policy))
    with pytest.raises(BackupError, match="无法使用备份文件夹"):
        backups.back_up_on_close()


# --- settings -----------------------------------------------------------------------------------


def test_folder_and_counts_round_trip_through_this_computers_settings(
    backups: BackupService, tmp_path: Path
) -> None:
    chosen = BackupSettings(str(tmp_path / "备份盘"), RetentionPolicy(5, 6, 7, 24))
    backups.save_settings(chosen)
    assert backups.settings() == chosen
    assert MachineSettings().get("backup.keep_monthly") == 24  # in settings.json
    assert backups.folder() == tmp_path / "备份盘"


def test_bad_settings_are_refused_one_by_one_and_nothing_is_saved(
    backups: BackupService,
) -> None:
    before = backups.settings()
    with pytest.raises(ValidationError) as refused:
        backups.save_settings(BackupSettings("相对路径", RetentionPolicy(0, -1, 7, 8)))
    fields = {p.field for p in refused.value.problems}
    assert fields == {"backup.keep_recent", "backup.keep_daily"}
    with pytest.raises(ValidationError, match="完整的位置"):
        backups.save_settings(BackupSettings("相对路径", before.policy))
    assert backups.settings() == before


def test_defaults() -> None:
    machine = MachineSettings()
    assert machine.get("backup.folder") == ""
    assert [machine.get(f"backup.keep_{k}") for k in ("recent", "daily", "weekly", "monthly")] == [
        12,
        7,
        4,
        12,
    ]


# --- the list and restoring ---------------------------------------------------------------------


@pytest.fixture
def with_history(
    services: Services, group: LiaisonGroup, backups: BackupService, backup_clock: Clock
) -> Iterator[dict[str, Any]]:
    record(services, group, "第一条")
    first = backups.back_up_on_close()
    backup_clock.advance(40)
    record(services, group, "第二条")
    second = backups.back_up_if_due()
    yield {"first": first, "second": second}


def test_the_list_shows_kind_date_size_and_counts_newest_first(
    services: Services, backups: BackupService, with_history: dict[str, Any]
) -> None:
    entries = backups.backups()
    assert [e.kind for e in entries] == [BackupKind.AUTOMATIC, BackupKind.ON_CLOSE]
    assert [e.counts["consultations"] for e in entries] == [2, 1]
    assert [e.created_at for e in entries] == [
        datetime(2025, 3, 20, 9, 40).astimezone(),
        datetime(2025, 3, 20, 9, 0).astimezone(),
    ]
    assert all(e.size > 0 and e.problem is None for e in entries)
    assert read_backup(entries[0].path).counts["consultations"] == 2


def test_restoring_from_the_list_brings_the_data_back_and_keeps_the_current_data(
    services: Services, group: LiaisonGroup, backups: BackupService, with_history: dict[str, Any]
) -> None:
    record(services, group, "第三条")
    old_db = services.ctx.db
    first = next(e for e in backups.backups() if e.kind is BackupKind.ON_CLOSE)
    safety = backups.restore(first)
    assert services.ctx.db is not old_db  # opened again
    assert titles(services) == {"第一条"}
    kinds = [e.kind for e in backups.backups()]
    assert kinds[0] is BackupKind.BEFORE_RESTORE  # the data before the restore, in the list
    assert safety is not None and safety in {e.path for e in backups.backups()}
    restored_safety = next(e for e in backups.backups() if e.kind is BackupKind.BEFORE_RESTORE)
    assert restored_safety.counts["consultations"] == 3


def test_a_refused_restore_leaves_the_data_and_the_database_open(
    services: Services, group: LiaisonGroup, backups: BackupService, with_history: dict[str, Any]
) -> None:
    entry = backups.backups()[0]
    data = bytearray(entry.path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # damaged on the USB stick
    entry.path.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        backups.restore(entry)
    assert titles(services) == {"第一条", "第二条"}


def test_the_copy_made_before_an_upgrade_is_listed_and_restores(
    services: Services, group: LiaisonGroup, backups: BackupService, db_file: Path
) -> None:
    record(services, group, "升级前的记录")
    copy = db_file.with_name(f"{db_file.stem}.升级前备份-{head_revision()}-20250101-080000.sqlite")
    sqlite_online_backup(db_file, copy)
    record(services, group, "升级后的记录")
    [entry] = list_backups(db_file, [backups.folder()])
    assert entry.kind is BackupKind.BEFORE_UPGRADE and entry.is_raw_copy
    assert entry.counts["consultations"] == 1
    assert entry.created_at == datetime(2025, 1, 1, 8, 0).astimezone()
    backups.restore(entry)
    assert titles(services) == {"升级前的记录"}
    assert copy.exists()  # an upgrade copy is never removed by thinning or restoring
    _ = AttachmentStore
