"""A database on a full disk (issue 12, finding 7): every command says the disk is full, that
nothing was lost, and to free space and retry — never that the file is damaged or should be
restored from a backup, which would roll back good data. Once space is freed, the file is intact.

Reproduced on a real small tmpfs (needs root; skipped with the reason elsewhere).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, main
from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage import database
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database, translate_operational_error
from liaison_desk.storage.errors import StorageError
from mounts import fill, small_disk

#: Words that would send the user to a backup, or tell them the file is broken.
_WRONG_ADVICE = ("restore", "恢复：", "已损坏", "损坏或不是", "被拔出")


def sqlite_error(message: str, code: int) -> OperationalError:
    orig = sqlite3.OperationalError(message)
    orig.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("INSERT ...", {}, orig)


def assert_full_disk_message(message: str) -> None:
    assert "磁盘空间不足" in message, message
    assert "没有丢失" in message
    assert "清理磁盘空间后重试" in message
    assert "MB" in message  # how much is left
    for words in _WRONG_ADVICE:
        assert words not in message, message


def save_consultation(services: Services, title: str, minutes: str = "") -> None:
    group = services.groups.all()[0]
    assert group.id is not None
    c = services.consultations.new(ConsultationKind.HALL, group.id)
    c.title, c.held_on, c.venue, c.minutes = title, date(2024, 3, 5), "议事堂", minutes
    services.consultations.save(c)


def assert_intact(db_file: Path, titles: list[str]) -> None:
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        found = [r[0] for r in conn.execute("SELECT title FROM consultations ORDER BY id")]
    finally:
        conn.close()
    assert found == titles


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "小磁盘", 8192) as folder:
        yield folder


@pytest.fixture
def full_db(disk: Path) -> Path:
    """A database with one consultation on a small disk, closed again."""
    db_file = disk / "履职档案.sqlite"
    db = Database.open(f"sqlite:///{db_file}")
    try:
        services = Services(ServiceContext(db, AttachmentStore.beside_database(db_file)))
        services.groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
        save_consultation(services, "老旧小区加装电梯")
    finally:
        db.close()
    return db_file


def test_commands_on_a_full_disk_say_it_is_full_and_the_file_is_intact_afterwards(
    full_db: Path, disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filler = fill(disk)
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    commands = [
        ["check", "--db", str(full_db)],
        ["backup", "--db", str(full_db), "--out", str(elsewhere / "备份.zip")],
        ["ledger", "--db", str(full_db), "export", "--out", str(elsewhere / "台账.xlsx")],
    ]
    for command in commands:
        capsys.readouterr()
        assert main(command) == EXIT_PROBLEM, command
        out = capsys.readouterr()
        assert_full_disk_message(out.err + out.out)
        assert "Traceback" not in out.err
    assert not list(elsewhere.iterdir())  # no half-written backup or ledger

    filler.unlink()
    assert_intact(full_db, ["老旧小区加装电梯"])
    assert main(["check", "--db", str(full_db)]) == EXIT_OK


def test_a_save_onto_a_full_disk_says_so_and_keeps_what_was_saved(
    full_db: Path, disk: Path
) -> None:
    db = Database.open(f"sqlite:///{full_db}")
    try:
        services = Services(ServiceContext(db, AttachmentStore.beside_database(full_db)))
        filler = fill(disk)
        with pytest.raises(StorageError) as caught:
            save_consultation(services, "农贸市场改造", minutes="会议记录。" * 100_000)
        assert_full_disk_message(str(caught.value))
        # Reading still works, and the next save goes through once there is room.
        assert [c.title for c in services.consultations.search().items] == ["老旧小区加装电梯"]
        filler.unlink()
        save_consultation(services, "农贸市场改造")
    finally:
        db.close()
    assert_intact(full_db, ["老旧小区加装电梯", "农贸市场改造"])


def test_an_io_error_is_a_full_disk_only_when_the_disk_is_nearly_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite often reports a full disk as SQLITE_IOERR (e.g. growing its -shm file)."""
    path = tmp_path / "库.sqlite"
    io_error = sqlite_error("disk I/O error", 10 | (3 << 8))  # SQLITE_IOERR_WRITE
    monkeypatch.setattr(database, "free_space", lambda _path: 4096)
    assert_full_disk_message(str(translate_operational_error(io_error, path)))
    monkeypatch.setattr(database, "free_space", lambda _path: 50 * 1024 * 1024 * 1024)
    message = str(translate_operational_error(io_error, path))
    assert "磁盘出错" in message and "磁盘空间不足" not in message
