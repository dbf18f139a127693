"""Opening the database file: create, check, refuse without touching, back up and upgrade."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage import database
from liaison_desk.storage.database import Database, head_revision, migrations_config
from liaison_desk.storage.errors import (
    DatabaseLockedError,
    DatabaseTooNewError,
    NotADatabaseError,
    StorageError,
)
from liaison_desk.storage.location import ENV_VAR, database_url, sqlite_path


def has_chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# --- a new file ---------------------------------------------------------------------------------


def test_new_file_is_created_at_head_with_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "子文件夹" / "新库.sqlite"
    db = Database.open(url_of(path))
    try:
        assert path.read_bytes().startswith(b"SQLite format 3\x00")
        assert db.file == path
        assert db.is_sqlite
        assert db.current_revision() == head_revision()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == database.BUSY_TIMEOUT_MS
            assert database.BUSY_TIMEOUT_MS > 0
    finally:
        db.close()


def test_new_database_enforces_foreign_keys(db: Database) -> None:
    with (
        pytest.raises(Exception, match="FOREIGN KEY"),
        db.engine.begin() as conn,
    ):
        conn.execute(
            text(
                "INSERT INTO people (group_id, name, category, unit, title, phone, id_card,"
                " sector, consent_to_publish, consent_note, uuid, revision, created_at,"
                " updated_at) VALUES (999, '张三', 'resident', '', '', '', '', '', 0, '',"
                " 'u-1', 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
            )
        )


def test_new_database_has_the_default_procedure_templates(services: Services) -> None:
    hall = services.consultations.template(ConsultationKind.HALL).steps
    micro = services.consultations.template(ConsultationKind.MICRO).steps
    assert hall == [
        "征集议题",
        "审定议题",
        "调研准备",
        "发布公告",
        "协商议事",
        "形成成果",
        "交办转化",
        "跟踪问效",
    ]
    assert micro == ["有议题", "有调研", "有协商", "有记录", "有成果", "有反馈"]


def test_an_empty_file_is_treated_as_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "空.sqlite"
    path.write_bytes(b"")
    db = Database.open(url_of(path))
    try:
        assert db.current_revision() == head_revision()
    finally:
        db.close()


def test_reopening_a_current_database_keeps_data_and_makes_no_backup(db_file: Path) -> None:
    db = Database.open(url_of(db_file))
    Services(ServiceContext(db, None)).groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    db.close()
    again = Database.open(url_of(db_file))
    try:
        assert [g.name for g in Services(ServiceContext(again, None)).groups.all()] == [
            "织里镇联络组"
        ]
        assert not [n for n in siblings(db_file) if "升级前备份" in n]
    finally:
        again.close()


def test_a_missing_file_is_refused_when_creation_is_not_allowed(tmp_path: Path) -> None:
    path = tmp_path / "没有.sqlite"
    with pytest.raises(StorageError) as exc:
        Database.open(url_of(path), create=False)
    assert has_chinese(str(exc.value))
    assert not path.exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "文件夹.sqlite"
    folder.mkdir()
    with pytest.raises(NotADatabaseError) as exc:
        Database.open(url_of(folder))
    assert has_chinese(str(exc.value))


# --- files that are not ours --------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "会议纪要：老旧小区加装电梯\n".encode(),
        b"hello",  # shorter than the SQLite header
        b"SQLite format 2\x00" + b"\x00" * 200,
    ],
    ids=["chinese-text", "short-text", "almost-sqlite"],
)
def test_a_text_file_is_refused_and_left_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "纪要.sqlite"
    path.write_bytes(content)
    before = snapshot(path)
    with pytest.raises(NotADatabaseError) as exc:
        Database.open(url_of(path))
    assert has_chinese(str(exc.value))
    assert "Traceback" not in str(exc.value)
    assert snapshot(path) == before
    assert siblings(path) == {path.name}


def test_a_corrupt_sqlite_file_is_refused_with_a_chinese_message(tmp_path: Path) -> None:
    path = tmp_path / "坏.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = snapshot(path)
    with pytest.raises(NotADatabaseError) as exc:
        Database.open(url_of(path))
    assert has_chinese(str(exc.value))
    assert snapshot(path) == before


def _other_apps_database(path: Path, journal_mode: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal_mode}")
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('张三', '13800138000')")
    conn.commit()
    conn.close()


def test_another_apps_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "通讯录.db"
    _other_apps_database(path, "delete")
    before = snapshot(path)
    time.sleep(0.01)
    with pytest.raises(NotADatabaseError) as exc:
        Database.open(url_of(path))
    assert "其他软件" in str(exc.value)
    assert snapshot(path) == before
    assert siblings(path) == {path.name}
    # It really was left alone: no alembic table was added.
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert names == {"contacts"}


def test_another_apps_wal_database_is_refused_without_leaving_wal_files(tmp_path: Path) -> None:
    path = tmp_path / "通讯录.db"
    _other_apps_database(path, "wal")
    assert siblings(path) == {path.name}
    with pytest.raises(NotADatabaseError):
        Database.open(url_of(path))
    assert siblings(path) == {path.name}


def _newer_database(path: Path, journal_mode: str) -> None:
    """A database as a later version of the app would leave it: ours, at an unknown revision."""
    db = Database.open(url_of(path))
    Services(ServiceContext(db, None)).groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute(f"PRAGMA journal_mode={journal_mode}")
    conn.close()
    assert siblings(path) == {path.name}


@pytest.mark.parametrize(
    "journal_mode",
    [
        "delete",
        "wal",
    ],
)
def test_a_newer_database_is_refused_and_left_exactly_as_it_was(
    tmp_path: Path, journal_mode: str
) -> None:
    path = tmp_path / "新版本.sqlite"
    _newer_database(path, journal_mode)
    before = snapshot(path)
    time.sleep(0.01)
    with pytest.raises(DatabaseTooNewError) as exc:
        Database.open(url_of(path))
    message = str(exc.value)
    assert has_chinese(message)
    assert "9999" in message
    assert snapshot(path) == before
    assert siblings(path) == {path.name}


# --- an older database --------------------------------------------------------------------------

_STAMP = "2024-01-02 09:00:00.000000"


def _database_at_0001(path: Path) -> None:
    engine = create_engine(url_of(path))
    with engine.begin() as conn:
        command.upgrade(migrations_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO liaison_groups (id, name, town, short_name, leader, secretary,"
                " secretary_phone, fonds_code, org_code, uuid, revision, created_at, updated_at)"
                " VALUES (1, '织里镇联络组', '织里镇', '织里', '沈组长', '', '', 'J012', 'ZL',"
                " 'group-uuid-1', 1, :t, :t)"
            ),
            {"t": _STAMP},
        )
        conn.execute(
            text(
                "INSERT INTO consultations (id, group_id, kind, number, title, topic_source,"
                " held_on, venue, host, recorder, status, agenda, minutes, consensus, author,"
                " head_counts, checklist, attendance_total, member_attendance, suggestion_count,"
                " solved_count, uuid, revision, created_at, updated_at) VALUES (1, 1, 'hall',"
                " '织里-2024-议-001', '老旧小区加装电梯', 'residents', '2024-03-05',"
                " '织里镇民生议事堂', '沈组长', '', 'completed', '[]', '会议纪要', '', '',"
                " '[]', '[]', 12, 1, 0, 0, 'consultation-uuid-1', 1, :t, :t)"
            ),
            {"t": _STAMP},
        )
        conn.execute(
            text("INSERT INTO number_counters (scope, last) VALUES ('consultation:1:2024:hall', 1)")
        )
    engine.dispose()


def test_an_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "旧库.sqlite"
    _database_at_0001(path)

    db = Database.open(url_of(path))
    try:
        assert db.current_revision() == head_revision()
        services = Services(ServiceContext(db, None))
        (g,) = services.groups.all()
        assert (g.name, g.leader, g.fonds_code, g.org_code) == (
            "织里镇联络组",
            "沈组长",
            "J012",
            "ZL",
        )
        c = services.consultations.get_by_number("织里-2024-议-001")
        assert c is not None
        assert (c.title, c.held_on, c.venue, c.minutes) == (
            "老旧小区加装电梯",
            date(2024, 3, 5),
            "织里镇民生议事堂",
            "会议纪要",
        )
        assert len(services.consultations.template(ConsultationKind.HALL).steps) == 8
        assert len(services.consultations.template(ConsultationKind.MICRO).steps) == 6
    finally:
        db.close()

    backups = sorted(tmp_path.glob("*升级前备份-0001-*"))
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith("旧库.") and backup.suffix == ".sqlite"
    assert not list(tmp_path.glob("*.part"))
    # The backup is a complete, standalone revision-0001 database with the same data.
    assert not Path(f"{backup}-wal").exists()
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert conn.execute("SELECT name FROM liaison_groups").fetchall() == [("织里镇联络组",)]
        assert conn.execute("SELECT number FROM consultations").fetchall() == [
            ("织里-2024-议-001",)
        ]
        assert conn.execute("SELECT count(*) FROM procedure_steps").fetchone() == (0,)
    finally:
        conn.close()


def test_an_upgraded_database_goes_on_numbering_where_it_stopped(tmp_path: Path) -> None:
    path = tmp_path / "旧库.sqlite"
    _database_at_0001(path)
    db = Database.open(url_of(path))
    try:
        services = Services(ServiceContext(db, None, clock=lambda: datetime(2024, 12, 31, 10, 0)))
        c = services.consultations.new(ConsultationKind.HALL, 1)
        c.title, c.venue, c.held_on = "停车难", "织里镇民生议事堂", date(2024, 6, 1)
        saved = services.consultations.save(c)
        assert saved.number == "织里-2024-议-002"
    finally:
        db.close()


# --- which database ----------------------------------------------------------------------------


def test_database_url_prefers_the_command_line_then_the_environment_then_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "默认.sqlite"
    cli = tmp_path / "命令行.sqlite"
    env = tmp_path / "环境.sqlite"

    monkeypatch.delenv(ENV_VAR, raising=False)
    assert database_url(None, default) == f"sqlite:///{default.resolve()}"
    assert database_url(cli, default) == f"sqlite:///{cli.resolve()}"

    monkeypatch.setenv(ENV_VAR, str(env))
    assert database_url(None, default) == f"sqlite:///{env.resolve()}"
    assert database_url(str(cli), default) == f"sqlite:///{cli.resolve()}"


def test_database_url_passes_server_urls_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = "postgresql+psycopg://联络员@db.example/liaison"
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert database_url(server, tmp_path / "x.sqlite") == server
    monkeypatch.setenv(ENV_VAR, server)
    assert database_url(None, tmp_path / "x.sqlite") == server
    # --db still wins over a server named in the environment.
    assert database_url(tmp_path / "本机.sqlite", tmp_path / "x.sqlite").startswith("sqlite:///")


def test_database_url_makes_relative_and_home_paths_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    assert database_url("数据/档案.sqlite", Path("x")) == (
        f"sqlite:///{(tmp_path / '数据' / '档案.sqlite').resolve()}"
    )
    monkeypatch.setenv("HOME", str(tmp_path))
    assert (
        database_url("~/档案.sqlite", Path("x"))
        == f"sqlite:///{(tmp_path / '档案.sqlite').resolve()}"
    )


def test_sqlite_path_of_urls(tmp_path: Path) -> None:
    assert sqlite_path(url_of(tmp_path / "a.sqlite")) == tmp_path / "a.sqlite"
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("sqlite:///:memory:") is None
    assert sqlite_path("postgresql://u@h/db") is None


# --- another program holds the file --------------------------------------------------------------


def test_a_save_into_a_locked_database_fails_with_a_chinese_message(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    db = Database.open(url_of(db_file))
    services = Services(ServiceContext(db, None))
    other = sqlite3.connect(db_file, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError) as exc:
            services.groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
        assert isinstance(exc.value, DatabaseLockedError)
        message = str(exc.value)
        assert has_chinese(message)
        assert "占用" in message
        assert "Traceback" not in message and "sqlite3" not in message
        other.execute("ROLLBACK")
        # Nothing half-written; once the other program lets go, saving works.
        assert services.groups.all() == []
        services.groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
        assert [g.name for g in services.groups.all()] == ["织里镇联络组"]
    finally:
        other.close()
        db.close()
