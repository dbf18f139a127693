"""Database errors the user can act on become clear Chinese messages that say what to do: another
program writing, a read-only file or folder, a full or failing disk.

The read-only cases are reproduced for real with chmod. Root ignores file permissions, so when
the tests run as root the scenario runs in a child process without the capabilities that let
root do so (``setpriv``), and is skipped where that is not possible; the same messages are also
checked by handing ``translate_operational_error`` the errors SQLite raises.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage import database
from liaison_desk.storage.database import Database, translate_operational_error
from liaison_desk.storage.errors import DatabaseLockedError, StorageError


def has_chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


def sqlite_error(message: str, code: int | None = None) -> OperationalError:
    """The error SQLAlchemy raises for a failed SQLite statement."""
    orig = sqlite3.OperationalError(message)
    if code is not None:
        orig.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("INSERT INTO liaison_groups ...", {}, orig)


def assert_clear(message: str) -> None:
    assert has_chinese(message)
    assert "Traceback" not in message and "sqlite3" not in message


@pytest.fixture
def saved_db(db_file: Path) -> Path:
    """A database with one group in it, closed again."""
    db = Database.open(f"sqlite:///{db_file}")
    Services(ServiceContext(db, None)).groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    db.close()
    return db_file


# --- (a) another program is writing --------------------------------------------------------------


@pytest.fixture
def other_writer(saved_db: Path) -> Iterator[sqlite3.Connection]:
    """A second program in the middle of a write: it holds the write lock until it lets go."""
    other = sqlite3.connect(saved_db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_save_while_another_program_writes_says_so_and_to_try_again(
    saved_db: Path, other_writer: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    db = Database.open(f"sqlite:///{saved_db}")
    try:
        services = Services(ServiceContext(db, None))
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError) as caught:
            services.groups.save(LiaisonGroup(name="八里店镇联络组", town="八里店镇"))
        assert time.monotonic() - started < 5  # waited the busy timeout, not forever
        message = str(caught.value)
        assert_clear(message)
        assert str(saved_db) in message
        assert "另一个程序或另一个窗口" in message
        assert "重试" in message
        assert "没有完成" in message and "不受影响" in message

        # Others can still read while one program writes (WAL) ...
        assert [g.name for g in services.groups.all()] == ["织里镇联络组"]
        # ... and once it lets go, the same save goes through.
        other_writer.execute("ROLLBACK")
        services.groups.save(LiaisonGroup(name="八里店镇联络组", town="八里店镇"))
        assert len(services.groups.all()) == 2
    finally:
        db.close()


def test_opening_while_another_program_writes_still_works(
    saved_db: Path, other_writer: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    db = Database.open(f"sqlite:///{saved_db}")
    try:
        assert [g.name for g in Services(ServiceContext(db, None)).groups.all()] == ["织里镇联络组"]
    finally:
        db.close()


@pytest.mark.parametrize(
    ("message", "code"),
    [("database is locked", 5), ("database table is locked", 6), ("database is locked", None)],
)
def test_locked_and_busy_errors_become_database_locked_errors(
    tmp_path: Path, message: str, code: int | None
) -> None:
    exc = translate_operational_error(sqlite_error(message, code), tmp_path / "库.sqlite")
    assert isinstance(exc, DatabaseLockedError)
    assert "占用" in str(exc) and "重试" in str(exc)


# --- (b) a read-only file or folder --------------------------------------------------------------

_SCENARIO = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    path, probe = Path(sys.argv[1]), Path(sys.argv[2])
    out = {}
    try:
        with open(probe, "a"):
            pass
        out["privileged"] = True  # permissions are not enforced for this process
    except PermissionError:
        out["privileged"] = False

    from liaison_desk.domain.entities import LiaisonGroup
    from liaison_desk.services import ServiceContext, Services
    from liaison_desk.storage.database import Database
    from liaison_desk.storage.errors import StorageError

    try:
        db = Database.open(f"sqlite:///{path}", create=False)
    except StorageError as exc:
        out["open"] = [type(exc).__name__, str(exc)]
    else:
        services = Services(ServiceContext(db, None))
        out["read"] = [g.name for g in services.groups.all()]
        try:
            services.groups.save(LiaisonGroup(name="新联络组", town="新镇"))
            out["save"] = None
        except StorageError as exc:
            out["save"] = [type(exc).__name__, str(exc)]
        db.close()
    print(json.dumps(out, ensure_ascii=False))
    """
)

# Root without these capabilities is bound by file permissions like anyone else.
_DROP_ROOT_POWERS = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
    "--",
]


def run_without_write_permission(db_file: Path, probe: Path) -> dict[str, object]:
    """Open, read and save ``db_file`` in a child process that file permissions apply to."""
    command = [sys.executable, "-c", _SCENARIO, str(db_file), str(probe)]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, and setpriv is not available to drop root's powers")
        command = _DROP_ROOT_POWERS + command
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env)
    if result.returncode != 0 and command[0] == "setpriv" and "setpriv" in result.stderr:
        pytest.skip(f"could not drop root's powers: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    out: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    if out["privileged"]:
        pytest.skip("this process may write read-only files")
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_file_can_be_read_but_a_save_says_what_to_do(
    saved_db: Path, tmp_path: Path
) -> None:
    probe = tmp_path / "probe"
    probe.touch()
    probe.chmod(0o444)
    saved_db.chmod(0o444)
    try:
        out = run_without_write_permission(saved_db, probe)
    finally:
        saved_db.chmod(0o644)
    assert "open" not in out
    assert out["read"] == ["织里镇联络组"]
    assert isinstance(out["save"], list)
    kind, message = out["save"]
    assert kind == "StorageError"  # not "locked": waiting will not help
    assert_clear(message)
    assert "只读" in message
    assert str(saved_db) in message and str(saved_db.parent) in message
    assert "复制" in message and "可以写入的文件夹" in message
    assert "写入权限" in message
    # Nothing was written.
    db = Database.open(f"sqlite:///{saved_db}")
    try:
        assert [g.name for g in Services(ServiceContext(db, None)).groups.all()] == ["织里镇联络组"]
    finally:
        db.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_database_in_a_read_only_folder_opens_for_reading_and_writes_nothing_there(
    saved_db: Path, tmp_path: Path
) -> None:
    probe = tmp_path / "probe"
    probe.touch()
    probe.chmod(0o444)
    folder = saved_db.parent
    before = sorted(p.name for p in folder.iterdir())
    folder.chmod(0o555)
    try:
        out = run_without_write_permission(saved_db, probe)
    finally:
        folder.chmod(0o755)
    assert "open" not in out
    assert out["read"] == ["织里镇联络组"]
    assert isinstance(out["save"], list)
    kind, message = out["save"]
    assert kind == "StorageError"
    assert_clear(message)
    assert f"所在的文件夹「{folder}」不允许写入" in message
    assert "可以查看、打印和导出" in message
    assert "复制" in message and "写入权限" in message
    assert sorted(p.name for p in folder.iterdir()) == before  # no -wal, -shm or lock file


def test_read_only_errors_say_where_the_file_is_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "联络组" / "2025.sqlite"
    for code in (8, None):  # SQLITE_READONLY, and the same error known only by its text
        exc = translate_operational_error(
            sqlite_error("attempt to write a readonly database", code), path
        )
        assert type(exc) is StorageError
        message = str(exc)
        assert_clear(message)
        assert f"数据库文件「{path}」是只读的" in message
        assert f"它在文件夹「{path.parent}」里" in message
        assert "「2025-附件」文件夹" in message  # the attachments go along with the copy
        assert "复制到一个可以写入的文件夹" in message
        assert "电脑管理员" in message and "写入权限" in message


def test_a_read_only_folder_error_is_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "共享" / "库.sqlite"
    readonly_directory = 8 | (6 << 8)
    exc = translate_operational_error(
        sqlite_error("attempt to write a readonly database", readonly_directory), path
    )
    assert f"所在的文件夹「{path.parent}」不允许写入" in str(exc)
    assert "-wal" in str(exc) and "-shm" in str(exc)
    assert "可以查看" in str(exc)


def test_a_database_moved_while_open(tmp_path: Path) -> None:
    readonly_dbmoved = 8 | (4 << 8)
    exc = translate_operational_error(
        sqlite_error("attempt to write a readonly database", readonly_dbmoved),
        tmp_path / "a.sqlite",
    )
    assert "被移动、改名或删除" in str(exc)


# --- (c) a full or failing disk, and the rest ----------------------------------------------------


def test_a_full_disk_says_nothing_was_lost(saved_db: Path) -> None:
    """SQLite reports a database that reached its page limit exactly like a full disk."""
    with sqlite3.connect(saved_db) as conn:
        conn.execute("CREATE TABLE filler (x BLOB)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    db = Database.open(f"sqlite:///{saved_db}")
    try:
        event.listen(
            db.engine,
            "connect",
            lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count={pages + 2}"),
        )
        db.engine.dispose()  # new connections, with the limit
        with pytest.raises(StorageError) as caught, db.session() as s:
            s.execute(text("INSERT INTO filler VALUES (randomblob(1000000))"))
        message = str(caught.value)
        assert_clear(message)
        assert "磁盘空间不足" in message
        assert "没有丢失" in message
        assert "清理磁盘空间后重试" in message
        with db.session() as s:
            assert s.execute(text("SELECT count(*) FROM filler")).scalar() == 0
    finally:
        db.close()


@pytest.mark.parametrize(
    ("message", "code", "expected"),
    [
        ("database or disk is full", 13, "磁盘空间不足"),
        ("database or disk is full", None, "磁盘空间不足"),
        ("disk I/O error", 10, "磁盘出错"),
        ("disk I/O error", None, "U 盘"),
        ("database disk image is malformed", 11, "liaison-desk restore"),
        ("file is not a database", 26, "已损坏"),
        ("unable to open database file", 14, "是否有读写权限"),
        ("unable to open database file", None, "无法打开数据库"),
        ("no such savepoint: sa_1", 1, "数据库出错：no such savepoint: sa_1"),
    ],
)
def test_other_sqlite_errors(tmp_path: Path, message: str, code: int | None, expected: str) -> None:
    path = tmp_path / "库.sqlite"
    exc = translate_operational_error(sqlite_error(message, code), path)
    assert type(exc) is StorageError
    assert expected in str(exc)
    assert has_chinese(str(exc))


def test_without_a_file_the_message_names_none(tmp_path: Path) -> None:
    exc = translate_operational_error(sqlite_error("attempt to write a readonly database", 8), None)
    assert "None" not in str(exc) and "「」" not in str(exc)
    assert "只读" in str(exc)


@pytest.mark.parametrize(
    ("message", "kind", "expected"),
    [
        ("canceling statement due to lock timeout", DatabaseLockedError, "稍等片刻后重试"),
        ("deadlock detected", DatabaseLockedError, "另一台电脑"),
        ("could not extend file: No space left on device", StorageError, "服务器管理员"),
        ("server closed the connection unexpectedly", StorageError, "网络连接"),
    ],
)
def test_server_errors_do_not_talk_about_files(
    message: str, kind: type[StorageError], expected: str
) -> None:
    exc = translate_operational_error(OperationalError("UPDATE", {}, Exception(message)), None)
    assert type(exc) is kind
    assert expected in str(exc)
    assert "文件夹" not in str(exc) and "只读" not in str(exc)
