"""Opening the database: choose the file or URL, check it is ours and not newer than the app,
back it up and upgrade it when older, and hand out one session per unit of work."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import QueuePool

from liaison_desk.domain.rules import ConflictError
from liaison_desk.progress import Progress
from liaison_desk.storage import list_order
from liaison_desk.storage.errors import (
    DatabaseLockedError,
    DatabaseTooNewError,
    NotADatabaseError,
    StorageError,
    os_error_text,
)
from liaison_desk.storage.location import read_only_reason, sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

    from liaison_desk.storage.server_security import LoginScope

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


# The newest migration's revision id, known without importing Alembic (0.2 s at start-up) so
# that opening an up-to-date database never loads it; tests/storage/test_migrations.py checks
# it against Alembic's own head. A new migration changes it.
HEAD_REVISION = "0009"


def migrations_config(connection: Any = None) -> Config:
    from alembic.config import Config  # only to upgrade or to walk the migrations

    cfg = Config()
    location = resources.files("liaison_desk.storage") / "migrations"
    cfg.set_main_option("script_location", str(location))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return HEAD_REVISION


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations_config())
    return {rev.revision for rev in script.walk_revisions()}


def _revision_of(conn: Connection) -> str | None:
    """The schema's revision (alembic_version), one query; None when it has none yet."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _upgrade(conn: Connection, progress: Progress | None = None) -> None:
    """Create or upgrade the schema to the newest revision (Alembic is loaded only here);
    ``progress`` hears of long steps (building the search index)."""
    from alembic import command

    cfg = migrations_config(conn)
    cfg.attributes["progress"] = progress
    command.upgrade(cfg, "head")


def read_only_uri(path: Path, reason: str | None = None) -> str:
    """A SQLite URI that opens ``path`` for reading only and writes nothing beside it.

    Without a -wal file beside it the file is opened as immutable: a plain read-only connection
    to a WAL database would create -wal/-shm files, and on a read-only disk or folder it cannot,
    so SQLite would refuse to open it at all. Immutable is safe there because nobody can be
    writing (no -wal exists, and none can be made). A read-only file in a writable folder may
    still be written by its owner, so it is opened without that promise."""
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro"
    if not wal.exists() and reason != "file":
        flags += "&immutable=1"
    return f"{path.absolute().as_uri()}?{flags}"


def _refuse_wal_without_shm(path: Path, reason: str) -> None:
    """The last saves of a database copied while it was open sit in its -wal file; SQLite can
    read them without writing only when the -shm file came along too."""
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    if wal.exists() and not shm.exists():
        raise StorageError(
            f"数据库「{path}」旁边有一个以 -wal 结尾的文件，里面是最后几次保存的内容（可能是在程序开着时"
            f"复制的），而它{_READ_ONLY_PLACES[reason]}，这些内容无法在这里读出。"
            f"请把数据库文件连同以 -wal 结尾的文件和「{path.stem}-附件」文件夹一起复制到电脑上"
            "一个可以写入的文件夹（例如“文档”）里，再打开复制出来的文件。"
        )


def _read_sqlite_revision(path: Path) -> tuple[str | None, bool]:
    """(alembic revision, has any table) read through a read-only connection, so a file we must
    refuse is left exactly as it was."""
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(
            f"无法读取数据库文件「{path}」（{os_error_text(exc)}）。"
            "请检查文件是否存在、是否有读取权限；如果它在 U 盘或共享文件夹上，请确认它已连接。"
        ) from exc
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"「{path}」不是联络组履职档案台的数据库文件。请检查文件名，或用 --db 指定正确的数据库文件。"
        )
    if not header:  # an empty file: treat as a new database
        return None, False
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            names = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in names:
                return None, bool(names)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return (row[0] if row else None), True
        finally:
            conn.close()
    except UnicodeDecodeError as exc:  # SQLite's message quoted damaged text
        raise NotADatabaseError(
            f"「{path}」已损坏（文件结构中有无法读取的文字）。请从备份恢复：liaison-desk restore 备份文件。"
        ) from exc
    except sqlite3.DatabaseError as exc:
        # A full or failing disk is not a damaged file: telling the user to restore would
        # roll back good data.
        problem = _sqlite_problem(exc, str(exc), path)
        if problem not in ("corrupt", "other"):
            raise _sqlite_error(problem, path, str(exc)) from exc
        raise NotADatabaseError(
            f"「{path}」已损坏或不是数据库文件（{exc}）。请从备份恢复：liaison-desk restore 备份文件。"
        ) from exc


def _sqlite_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # No journal mode here: changing it is a write, and the file's own mode is what it is.
    # Transactions begin as on a writable file (``_sqlite_begin``; IMMEDIATE falls back to a
    # reading transaction on read-only media).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    list_order.register_functions(dbapi_connection)  # the lists' text order
    cursor.close()


def _read_only_engine(path: Path, reason: str | None) -> Engine:
    uri = read_only_uri(path, reason)

    def connect() -> sqlite3.Connection:
        # The pages load in background threads, as on a writable database.
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _sqlite_read_only_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


# How a transaction begins on SQLite, per connection (an execution option): IMMEDIATE takes the
# write lock at BEGIN, DEFERRED only reads a snapshot.
BEGIN_OPTION = "liaison_desk_begin"


def _sqlite_pragmas(dbapi_connection: Any, record: Any) -> None:
    # Python's sqlite3 would itself emit BEGIN only before the first INSERT/UPDATE, so the SELECT
    # that reads a record's revision or a number counter would run before the write lock is
    # taken, and two processes could both save over the same revision. The driver is put in
    # autocommit mode and ``_sqlite_begin`` emits BEGIN for every transaction instead.
    dbapi_connection.isolation_level = None
    record.info["synchronous"] = "FULL"
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    list_order.register_functions(dbapi_connection)  # the lists' text order
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on the disk (WAL synced) before "已保存" is shown, so a power cut or an
    # OS crash cannot take it back. NORMAL would be faster but may lose the last commits.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """BEGIN IMMEDIATE unless the connection asks for a reading (DEFERRED) transaction: a unit
    of work that may write takes the write lock before it reads anything, so what it read
    (a revision, the last number of a counter) cannot change under it before it writes. Another
    writer waits (busy_timeout) rather than failing on a stale snapshot."""
    mode = conn.get_execution_options().get(BEGIN_OPTION, "IMMEDIATE")
    try:
        conn.exec_driver_sql(f"BEGIN {mode}")
    except OperationalError as exc:
        # Read-only media: the write lock cannot be had, but reading can still go on. A write
        # in this transaction then fails with SQLite's read-only error, reported as such.
        if mode == "DEFERRED" or _sqlite_problem(exc.orig, str(exc.orig)) != "readonly":
            raise
        conn.exec_driver_sql("BEGIN DEFERRED")


def sqlite_online_backup(source: Path, dest: Path) -> None:
    """A consistent copy of a live SQLite database (readers and the WAL included), written to a
    temporary name first."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    # A read-write connection: a read-only one would leave -wal/-shm files beside a closed
    # database in WAL mode. The backup API itself only reads. Where nothing can be written beside
    # the file (a read-only disk or folder), a read-only connection that writes nothing.
    reason = read_only_reason(source)
    src = (
        sqlite3.connect(read_only_uri(source, reason), uri=True)
        if reason
        else sqlite3.connect(source)
    )
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            # A copy must not depend on a -wal file beside it.
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    finally:
        src.close()
    os.replace(tmp, dest)


class Database:
    """An opened, up-to-date database. Sessions come from ``session()`` (a unit of work that
    may write) or ``reading()`` (one that only reads); nobody keeps one."""

    def __init__(
        self,
        engine: Engine,
        url: str,
        read_only: str | None = None,
        scope: LoginScope | None = None,
    ) -> None:
        self.engine = engine
        self.url = url
        #: Why the database is open for reading only (see ``read_only_reason``), or None.
        self.read_only = read_only
        #: On a shared server, the groups a township's login may write (row-level security
        #: holds it to them); None for a login that may write every group, and on SQLite.
        self.scope = scope
        if scope is None:
            self._sessions = sessionmaker(engine, expire_on_commit=False)
        else:
            self._sessions = sessionmaker(
                engine, class_=_ScopedSession, expire_on_commit=False, info={SCOPE_KEY: scope}
            )
        # Reads begin DEFERRED on SQLite: a consistent snapshot (WAL) without the write lock,
        # so lists, reports and exports never wait for (or hold up) a save elsewhere.
        self._readers = sessionmaker(
            engine.execution_options(**{BEGIN_OPTION: "DEFERRED"}), expire_on_commit=False
        )
        # Every unit of work that may write keeps the text-search index up to date.
        from liaison_desk.storage import search_index

        search_index.watch(self._sessions)
        self._watch: Any = None  # the connection change_token reads PRAGMA data_version on
        self._notices: Any = None  # on a server: the connection change_token listens on
        self._synchronous = "FULL"
        if self.is_sqlite:
            event.listen(engine, "checkout", self._set_durability)

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sorts_text(self) -> bool:
        """Whether queries sort text in the lists' order (pinyin; ``storage/list_order``)."""
        return list_order.sorts_text(self.engine.dialect.name)

    @classmethod
    def open(
        cls,
        url: str,
        *,
        create: bool = True,
        read_only: bool = False,
        progress: Progress | None = None,
    ) -> Database:
        """Open ``url``; create it when missing (if allowed), upgrade it when older (after a
        backup), refuse it when newer or not ours, leaving the file untouched.

        A file that cannot be written where it is opens read-only (``Database.read_only``);
        ``read_only`` asks for that for an existing file that nobody else writes (a copy being
        checked), so it stays byte for byte as it was. ``progress`` hears of long upgrade steps
        (building the search index of an existing database)."""
        path = sqlite_path(url)
        backup_before: str | None = None
        up_to_date = False  # a SQLite file already at head: opening it writes nothing
        if path is not None:
            if path.exists():
                if path.is_dir():
                    raise NotADatabaseError(f"「{path}」是一个文件夹，不是数据库文件。")
                if not create and path.stat().st_size == 0:
                    raise NotADatabaseError(
                        f"数据库文件「{path}」是空的（0 字节），里面没有任何数据，可能在复制或保存时出了问题。"
                        "请从备份恢复：liaison-desk restore 备份文件.zip"
                    )
                reason = read_only_reason(path) or ("copy" if read_only else None)
                if reason in ("medium", "folder"):
                    _refuse_wal_without_shm(path, reason)
                revision, has_tables = _read_sqlite_revision(path)
                _check_revision(revision, has_tables, str(path))
                if reason is not None:
                    return cls._open_read_only(url, path, reason, revision)
                if revision is not None and revision != head_revision():
                    backup_before = revision
                up_to_date = revision == head_revision()
            elif not create:
                raise StorageError(
                    f"找不到数据库文件「{path}」。请检查路径，或先运行 liaison-desk demo 建立示例数据库。"
                )
            else:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StorageError(
                        f"无法创建数据库所在的文件夹「{path.parent}」：{exc.strerror}。"
                    ) from exc
            if backup_before:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                copy = path.with_name(
                    f"{path.stem}.升级前备份-{backup_before}-{stamp}{path.suffix}"
                )
                sqlite_online_backup(path, copy)
                log.info("backed up %s to %s before upgrading", path, copy)

        engine = _create_engine(url)
        if engine.dialect.name == "postgresql":
            from liaison_desk.storage.models import declare_server_options

            declare_server_options()
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        # Creating or upgrading takes the write lock from the start; checking a file that is
        # already up to date only reads, so it opens while another program is writing.
        begin = "DEFERRED" if up_to_date else "IMMEDIATE"
        scope: LoginScope | None = None
        try:
            with engine.execution_options(**{BEGIN_OPTION: begin}).begin() as conn:
                if path is None:  # a server: check the revision over the connection itself
                    current = _revision_of(conn)
                    has_tables = bool(inspect(conn).get_table_names())
                    _check_revision(current, has_tables, url)
                    up_to_date = current == HEAD_REVISION
                if not up_to_date:
                    _upgrade(conn, progress)
                if conn.dialect.name == "postgresql":  # logins and row security: a server's
                    from liaison_desk.storage.server_security import login_scope

                    scope = login_scope(conn)
        except OperationalError as exc:
            engine.dispose()
            if path is None:
                raise _server_error(url, exc) from exc
            raise translate_operational_error(exc, path) from exc
        except DBAPIError as exc:
            engine.dispose()
            if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
                # A township's or the office's login may not change the schema.
                raise StorageError(
                    f"服务器上的数据库「{_shown(url)}」需要先升级（建立或更新数据表），而您登录的账号"
                    "没有这个权限。请服务器管理员用数据表所有者的账号先运行一次："
                    "liaison-desk check --db 服务器地址，之后各台电脑就可以打开了。"
                ) from exc
            raise
        except Exception:
            engine.dispose()
            raise
        return cls(engine, url, scope=scope)

    @classmethod
    def _open_read_only(cls, url: str, path: Path, reason: str, revision: str | None) -> Database:
        """A database that cannot be written where it is (a read-only disk, folder or file) opens
        for reading only: nothing is written beside it, and it is never upgraded."""
        if revision != head_revision():
            what = (
                "是空的，还没有建立"
                if revision is None
                else f"是旧版本的联络组履职档案台建立的（数据库版本 {revision}），需要先升级才能打开，"
                "而升级要写入数据库"
            )
            raise StorageError(
                f"数据库「{path}」{what}；它{_READ_ONLY_PLACES[reason]}，不能写入，所以无法打开。"
                f"{_copy_advice(path)}"
            )
        engine = _read_only_engine(path, reason)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchone()
        except OperationalError as exc:
            engine.dispose()
            raise translate_operational_error(exc, path) from exc
        log.info("opened %s read-only (%s)", path, reason)
        return cls(engine, url, read_only=reason)

    def refuse_if_read_only(self) -> None:
        """Before work that writes beside the database (e.g. attachments into its folder): the
        same message a save gets from SQLite on a read-only database, before anything is done."""
        if self.read_only is not None:
            raise _sqlite_error("readonly", self.file, "attempt to write a readonly database")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work that may write: committed when the block ends, rolled back on any
        error. On SQLite it holds the write lock from its first statement (BEGIN IMMEDIATE);
        on PostgreSQL saves are compare-and-set on the revision and counters are row-locked.
        A save that lost a race with another writer is a ``ConflictError``."""
        with self._unit(self._sessions()) as session:
            yield session

    def _set_durability(self, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("synchronous") != self._synchronous:
            dbapi_connection.execute(f"PRAGMA synchronous={self._synchronous}")
            record.info["synchronous"] = self._synchronous

    @contextmanager
    def bulk_writes(self, synchronous: str = "NORMAL") -> Iterator[None]:
        """Many commits in a row that need not each survive a power cut (building the demo):
        synchronous=NORMAL meanwhile, which is much faster; a commit may then be lost in a
        power cut or an OS crash (never corrupted). The first ordinary commit afterwards
        syncs them all. ``synchronous="OFF"`` (the demo, built into a temporary file) does
        not even sync checkpoints: a power cut may then corrupt the file being built."""
        if synchronous not in ("NORMAL", "OFF"):
            raise ValueError(synchronous)
        self._synchronous = synchronous
        try:
            yield
        finally:
            self._synchronous = "FULL"

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads: one consistent snapshot, without the write lock."""
        with self._unit(self._readers()) as session:
            yield session

    @contextmanager
    def _unit(self, session: Session) -> Iterator[Session]:
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise translate_operational_error(exc, self.file) from exc
        except StaleDataError as exc:
            # The UPDATE's WHERE carried the revision read; another writer got there first —
            # or, for a township's login, the server let it see a row it may not delete.
            touched = session.info.get(TOUCHED_KEY, []) if self.scope is not None else []
            session.rollback()
            if self.scope is not None and self._refused_rows(touched):
                raise self.scope.refused() from exc
            raise ConflictError(_stale_what(str(exc))) from exc
        except IntegrityError as exc:
            session.rollback()
            if _is_unique_violation(exc):
                if self.scope is not None:
                    # Held by a row the server hides from this login (another group's).
                    from liaison_desk.storage.server_security import hidden_unique_value

                    hidden = hidden_unique_value(self.engine, exc, self.scope)
                    if hidden is not None:
                        raise hidden from exc
                # Two writers claimed the same unique value (a 编号) at once; the other one won.
                raise ConflictError(
                    "",
                    "保存时，另一处（另一个窗口、另一台电脑或命令行）刚刚用了同一个"
                    f"{_unique_what(exc)}，这次没有保存，什么都没有改动。请重试；"
                    "编号留空时，重试会分到一个新的编号。",
                ) from exc
            raise
        except DBAPIError as exc:
            session.rollback()
            # On a shared server, a write row-level security refuses (another group's record).
            from liaison_desk.storage.server_security import refused_error

            refused = refused_error(exc, self.scope)
            if refused is not None:
                raise refused from exc
            raise
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()

    def _refused_rows(self, touched: list[tuple[str, int, int | None]]) -> bool:
        """Whether a write that matched no row was refused: a row it meant is still there
        with the revision it was read at (so no other writer changed it), or is there but out
        of the login's sight."""
        from liaison_desk.storage.server_security import row_exists

        with self.engine.connect() as conn:
            for table, row_id, revision in touched:
                seen = conn.execute(
                    text(f'SELECT revision FROM "{table}" WHERE id = :i'), {"i": row_id}
                ).first()
                if seen is None and row_exists(conn, table, row_id):
                    return True
                if seen is not None and revision is not None and seen[0] == revision:
                    return True
        return False

    def change_token(self) -> tuple[int, ...]:
        """A cheap value that changes whenever another connection (another window, another
        process, the command line) commits a change, for an open window to refresh its lists.
        SQLite: ``PRAGMA data_version`` of one kept connection (it changes only for commits by
        other connections, so it is read on a connection that never writes). PostgreSQL: the
        change notices the server sent since the first call (``storage/change_notices.py``)."""
        if self.is_sqlite:
            if self._watch is None:
                # The engine's own kind of connection (same file, same flags), kept aside.
                self._watch = self.engine.raw_connection()
            cursor = self._watch.cursor()
            try:
                row = cursor.execute("PRAGMA data_version").fetchone()
            finally:
                cursor.close()
            return (int(row[0]),)
        if self._notices is None:
            from liaison_desk.storage.change_notices import ChangeNotices

            self._notices = ChangeNotices(self.engine)
        return self._notices.token()

    def reading_connection(self) -> Connection:
        """A Core connection whose transactions only read (BEGIN DEFERRED on SQLite): checks
        that should not hold up saves elsewhere while they run."""
        return self.engine.connect().execution_options(**{BEGIN_OPTION: "DEFERRED"})

    def current_revision(self) -> str | None:
        with self.reading_connection() as conn:
            return _revision_of(conn)

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        if self._notices is not None:
            self._notices.close()
            self._notices = None
        self.engine.dispose()


SCOPE_KEY = "liaison_desk_scope"
TOUCHED_KEY = "liaison_desk_touched"


class _ScopedSession(Session):
    """A unit of work of a login row-level security holds to its groups (a township's, on a
    shared server). A record it looks up by id and cannot see is another group's when the row
    exists all the same: the write it was about to make is refused here, with the message
    naming the login's group, rather than taken for a record gone ("不存在", a lost race)."""

    def get(self, entity: Any, ident: Any, **kwargs: Any) -> Any:
        found = super().get(entity, ident, **kwargs)
        if found is None and isinstance(ident, int):
            from liaison_desk.storage.server_security import row_exists

            table = inspect(entity).local_table.name
            if row_exists(self, table, ident):
                raise self.info[SCOPE_KEY].refused()
        return found

    def flush(self, objects: Any = None) -> None:
        # What this flush changes or deletes, kept for telling a refusal from a lost race
        # should it match no row (a failed flush forgets it).
        self.info[TOUCHED_KEY] = _touched_rows(self)
        super().flush(objects)


def _touched_rows(session: Session) -> list[tuple[str, int, int | None]]:
    """(table, id, revision as read) of the rows a failed flush meant to change or delete."""
    rows = []
    for obj in [*session.deleted, *session.dirty]:
        row_id = getattr(obj, "id", None)
        table = getattr(obj, "__tablename__", None)
        if isinstance(row_id, int) and isinstance(table, str):
            state = inspect(obj)
            history = state.attrs.revision.history if "revision" in state.attrs else None
            revision = None
            if history is not None:
                before = history.deleted or history.unchanged
                revision = before[0] if before else None
            rows.append((table, row_id, revision))
    return rows


# What a table's rows are called, for the message of a save that lost a race.
_RECORD_NAMES = {
    "consultations": "这条协商活动",
    "outcome_items": "这条意见建议",
    "attachments": "这个附件",
    "cases": "这个案例",
    "people": "这个人员",
    "liaison_groups": "这个联络组",
    "submissions": "这条报送记录",
}


def _stale_what(text: str) -> str:
    """The record an ORM StaleDataError ("UPDATE statement on table 'cases' expected…") is
    about, in words."""
    for table, name in _RECORD_NAMES.items():
        if f"'{table}'" in text:
            return name
    return "这条记录"


def _unique_what(exc: IntegrityError) -> str:
    text = str(exc.orig)
    if "number" in text:  # consultations.number, cases.archive_number
        return "编号"
    if "name" in text:
        return "名称"
    return "不能重复的内容"


def _is_unique_violation(exc: IntegrityError) -> bool:
    orig = exc.orig
    if getattr(orig, "sqlstate", None) == "23505":  # PostgreSQL unique_violation
        return True
    return "UNIQUE constraint failed" in str(orig)


def _create_engine(url: str) -> Engine:
    shown = _shown(url)
    try:
        return create_engine(url)
    except NoSuchModuleError as exc:
        raise StorageError(
            f"不支持数据库地址「{shown}」中的数据库类型。请用数据库文件的路径，"
            "或 postgresql+psycopg://用户@服务器/数据库名 这样的服务器地址。"
        ) from exc
    except ArgumentError as exc:
        raise StorageError(f"数据库地址「{shown}」的格式不对。请检查后重新输入。") from exc
    except ImportError as exc:
        raise StorageError(
            f"连接数据库「{shown}」需要的驱动程序没有安装（{exc.name}）。"
            "连接 PostgreSQL 服务器请先安装驱动：pip install psycopg"
        ) from exc


def _shown(url: str) -> str:
    """The address as it may be shown: never with its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def shown_url(url: str) -> str:
    """A database address as it may be shown to a person: never with its password."""
    return _shown(url)


def _server_error(url: str, exc: OperationalError) -> StorageError:
    return StorageError(
        f"无法连接数据库服务器「{_shown(url)}」。请检查地址、端口、用户名和密码是否正确，"
        "以及服务器是否已开启、网络是否连通；也可以先改用本机的数据库文件（--db 文件路径）。"
    )


def _check_revision(revision: str | None, has_tables: bool, where: str) -> None:
    if revision is None and has_tables:
        raise NotADatabaseError(
            f"「{where}」是其他软件的数据库，不是联络组履职档案台的数据库。请用 --db 指定正确的文件。"
        )
    # At the head (the usual case) it is known without walking the migrations (Alembic).
    if revision is not None and revision != HEAD_REVISION and revision not in known_revisions():
        raise DatabaseTooNewError(
            f"数据库「{where}」由更新版本的联络组履职档案台创建（数据库版本 {revision}），"
            "本程序无法安全打开。请先把软件升级到最新版本；数据库文件没有被改动。"
        )


# SQLite result codes (https://sqlite.org/rescode.html). Python 3.11+ puts the extended code on
# the exception as ``sqlite_errorcode``; its low byte is the primary code. Errors built without
# it (other drivers, tests) are recognised by their English text instead.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26
_SQLITE_READONLY_DBMOVED = _SQLITE_READONLY | (4 << 8)
_SQLITE_READONLY_DIRECTORY = _SQLITE_READONLY | (6 << 8)

_SQLITE_KINDS = {
    _SQLITE_BUSY: "busy",
    _SQLITE_LOCKED: "busy",
    _SQLITE_READONLY: "readonly",
    _SQLITE_IOERR: "io",
    _SQLITE_CORRUPT: "corrupt",
    _SQLITE_NOTADB: "corrupt",
    _SQLITE_FULL: "full",
    _SQLITE_CANTOPEN: "cantopen",
}


#: Below this much free space, an I/O error is taken for a full disk (SQLite often reports a
#: full disk as SQLITE_IOERR, e.g. when it cannot grow its -shm file).
FULL_DISK_BELOW = 8 * 1024 * 1024


def free_space(path: Path) -> int | None:
    """Free bytes on the disk that holds ``path`` (None when unknown)."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _sqlite_problem(orig: BaseException | None, text: str, path: Path | None = None) -> str:
    """What went wrong, as one of busy, readonly, readonly-folder, moved, full, io, corrupt,
    cantopen or other. An I/O error on a (nearly) full disk counts as full."""
    problem = _sqlite_kind(orig, text)
    if problem == "io" and path is not None:
        free = free_space(path)
        if free is not None and free < FULL_DISK_BELOW:
            return "full"
    return problem


def _sqlite_kind(orig: BaseException | None, text: str) -> str:
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        if code == _SQLITE_READONLY_DIRECTORY:
            return "readonly-folder"
        if code == _SQLITE_READONLY_DBMOVED:
            return "moved"
        if code & 0xFF in _SQLITE_KINDS:
            return _SQLITE_KINDS[code & 0xFF]
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return "busy"
    if "readonly" in lowered or "read-only" in lowered:
        return "readonly"
    if "full" in lowered and "disk" in lowered:
        return "full"
    if "disk i/o error" in lowered:
        return "io"
    if "malformed" in lowered or "not a database" in lowered or "could not decode" in lowered:
        return "corrupt"  # the last: text in a row that is not UTF-8, as only damage leaves
    if "unable to open" in lowered:
        return "cantopen"
    return "other"


def sqlite_problem(exc: BaseException, path: Path | None) -> str:
    """The kind of a database error (see ``_sqlite_problem``), for callers that word their own
    message for some kinds (e.g. ``check`` tells a damaged file from a full disk)."""
    orig = getattr(exc, "orig", exc)
    return _sqlite_problem(orig, str(orig), path)


_READ_ONLY_PLACES = {
    "medium": "在只读的磁盘上（例如写保护的 U 盘、光盘或只读的共享文件夹）",
    "folder": "所在的文件夹不允许写入",
    "file": "是只读文件",
    "copy": "只能按只读方式打开",
}


def _copy_advice(path: Path) -> str:
    return (
        f"要修改，请把数据库文件连同旁边的「{path.stem}-附件」文件夹一起复制到电脑上一个可以写入的"
        "文件夹（例如“文档”）里，再打开复制出来的文件。"
    )


def _copy_advice_en(path: Path | None) -> str:
    beside = f" with the “{path.stem}-附件” folder beside it" if path else ""
    return (
        f"To change it, copy the database file{beside} to a folder on this computer that can be "
        "written to (for example Documents), then open the copy."
    )


_ASK_ADMIN_EN = (
    "If it must stay where it is (for example an office shared folder), ask your computer "
    "administrator for write permission."
)


def translate_operational_error(exc: OperationalError, path: Path | None) -> StorageError:
    """A clear Chinese message, saying what to do, for a database error the user can act on:
    another program writing, a read-only file or folder, a full or failing disk."""
    orig = exc.orig
    text = str(orig) if orig is not None else str(exc)
    if orig is not None and not isinstance(orig, sqlite3.Error):
        return _server_operational_error(text)
    return _sqlite_error(_sqlite_problem(orig, text, path), path, text)


def _sqlite_error(problem: str, path: Path | None, text: str) -> StorageError:
    where = f"「{path}」" if path else ""
    shown = f"“{path}” " if path else ""  # the English texts' ``where``
    if problem in ("readonly", "readonly-folder") and path is not None:
        # A database opened read-only gets SQLite's plain "readonly": say which place is.
        reason = read_only_reason(path)
        if reason == "medium":
            return StorageError(
                f"数据库{where}{_READ_ONLY_PLACES['medium']}：可以查看、打印和导出，不能修改，"
                f"这次的修改没有保存。{_copy_advice(path)}",
                english=f"The database {shown}is on a read-only disk (a write-protected USB stick, "
                "a CD or a read-only shared folder): it can be viewed, printed and exported but "
                f"not changed, and this change was not saved. {_copy_advice_en(path)}",
            )
        if reason == "folder":
            problem = "readonly-folder"
    copy_it = (
        f"请把数据库文件连同旁边的「{path.stem}-附件」文件夹一起复制到一个可以写入的文件夹"
        "（例如“文档”）里，再打开复制出来的文件"
        if path
        else "请把数据库文件复制到一个可以写入的文件夹里，再打开复制出来的文件"
    )
    ask_it = (
        "如果它必须留在原处（例如单位的共享文件夹），请联系单位的电脑管理员（信息科）开通写入权限。"
    )
    if problem == "busy":
        return DatabaseLockedError(
            f"数据库{where}正被另一个程序或另一个窗口占用，它正在写入数据"
            "（可能是另一个打开的联络组履职档案台，或者正在进行的备份）。本程序等待后仍然无法写入，"
            "这次操作没有完成，已保存的数据不受影响。请稍等片刻后重试；"
            "如果一直这样，请关闭其他打开这个数据库的窗口后再试。",
            english=f"The database {shown}is busy: another program or window is writing to it "
            "(another Liaison Desk window, or a backup in progress). This program waited but "
            "still could not write, so this action was not completed; saved data is not "
            "affected. Wait a moment and try again; if it keeps happening, close the other "
            "windows that have this database open.",
        )
    if problem == "readonly-folder":
        folder = f"「{path.parent}」" if path else ""
        return StorageError(
            f"数据库{where}所在的文件夹{folder}不允许写入（只读），可以查看、打印和导出，"
            "但不能修改：保存修改时要在数据库文件旁边建立临时文件（文件名以 -wal 和 -shm 结尾）。"
            f"{copy_it}；{ask_it}",
            english=f"The folder of the database {shown}cannot be written to (read-only): the "
            "database can be viewed, printed and exported but not changed, because saving needs "
            "temporary files beside it (ending in -wal and -shm). "
            f"{_copy_advice_en(path)} {_ASK_ADMIN_EN}",
        )
    if problem == "readonly":
        folder = f"它在文件夹「{path.parent}」里。" if path else ""
        return StorageError(
            f"数据库文件{where}是只读的，不能保存修改（可以查看，但不能新增或修改记录）。{folder}"
            f"要继续录入，{copy_it}；{ask_it}"
            "在 Windows 上，也可以在文件的“属性”里取消勾选“只读”后重试。",
            english=f"The database file {shown}is read-only, so changes cannot be saved (records "
            f"can be viewed but not added or changed). {_copy_advice_en(path)} {_ASK_ADMIN_EN} "
            "On Windows you can also clear “Read-only” in the file's Properties and try again.",
        )
    if problem == "moved":
        return StorageError(
            f"数据库文件{where}在程序打开期间被移动、改名或删除了，这次的修改没有保存。"
            "请关闭本程序，把文件放回原处（或用 --db 指定它的新位置）后重新打开。"
        )
    if problem == "full":
        free = free_space(path) if path is not None else None
        left = f"只剩 {free / 1024 / 1024:.1f} MB" if free is not None else "已满"
        left_en = f"only {free / 1024 / 1024:.1f} MB left" if free is not None else "full"
        return StorageError(
            f"磁盘空间不足（数据库{where}所在的磁盘{left}），这次操作没有完成；"
            "已保存的数据没有丢失，数据库文件没有损坏，不需要从备份恢复。"
            "请删除不需要的文件、清理磁盘空间后重试，或把数据库移到空间更大的磁盘上。",
            english=f"The disk is full (the disk of the database {shown}has {left_en}), so this "
            "action was not completed. Saved data is not lost and the database is not damaged; "
            "there is no need to restore a backup. Delete files you do not need to free some "
            "space and try again, or move the database to a larger disk.",
        )
    if problem == "io":
        return StorageError(
            f"读写数据库{where}时磁盘出错，这次操作没有完成。如果数据库在 U 盘、移动硬盘或共享文件夹上，"
            "可能是它被拔出或网络断开了：请重新连接后重新打开本程序。如果反复出现，磁盘可能有故障，"
            "请尽快备份（liaison-desk backup）。"
        )
    if problem == "corrupt":
        return StorageError(
            f"数据库{where}已损坏，无法读写。请从备份恢复：liaison-desk restore 备份文件.zip"
        )
    if problem == "cantopen":
        return StorageError(
            f"无法打开数据库{where}。请检查文件和它所在的文件夹是否存在、是否有读写权限；"
            "如果数据库在 U 盘或共享文件夹上，请确认它已连接。"
        )
    return StorageError(f"数据库出错：{text}")


def _server_operational_error(text: str) -> StorageError:
    """The same for a database server (PostgreSQL): locks, a full disk, a lost connection."""
    lowered = text.lower()
    if "lock" in lowered:
        return DatabaseLockedError(
            "这些数据正被另一台电脑或另一个窗口修改（数据库服务器上的记录被占用），"
            "这次操作没有完成，已保存的数据不受影响。请稍等片刻后重试。"
        )
    if "no space left" in lowered or "disk full" in lowered or "could not extend" in lowered:
        return StorageError(
            "数据库服务器的磁盘空间不足，这次操作没有完成；已保存的数据没有丢失。"
            "请联系服务器管理员清理磁盘空间后重试。"
        )
    return StorageError(
        f"与数据库服务器通信时出错（{text.strip()}），这次操作没有完成。"
        "请检查网络连接和服务器是否开启，然后重试；如果一直这样，请联系服务器管理员。"
    )


def copy_file_atomically(source: Path, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".part")
    shutil.copyfile(source, tmp)
    os.replace(tmp, dest)
