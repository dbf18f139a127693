"""Attachments of a database on a shared server, kept in the database itself.

An office of several PCs on one PostgreSQL server must see the same photos and scans. They are
stored in the table ``attachment_blobs`` (content-addressed by SHA-256, each stored once) rather
than in a shared folder, because a district office reaches its server over the government
network: in the database there is one backup (``pg_dump`` holds records and photos together),
one permission model (a township's login sees only its own group's photos, by the same
row-level security as its records, ``storage/server_security.py``) and no share to mount on
every PC. The cost is size: a year of a district is a few thousand photos of a few MB, some
GB in the database, well within what PostgreSQL and ``pg_dump`` handle; one file is at most
``MAX_FILE_SIZE`` (bytea holds up to 1 GB).

Each PC keeps a cache of what it has read (named by content, so it can never be stale) in its
own data folder; the cache is also where thumbnails are made, as for a database file.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from pathlib import Path

from sqlalchemy import Engine, Table, delete, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from liaison_desk.storage.attachments import AttachmentError, AttachmentStore, atomic_write
from liaison_desk.storage.database import Database
from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.models import AttachmentBlobRow

log = logging.getLogger(__name__)

_blobs: Table = AttachmentBlobRow.__table__  # type: ignore[assignment]


def attachment_store(db: Database, data_folder: Path) -> AttachmentStore:
    """Where the attachments of ``db`` are: the folder beside a database file; the database
    itself on a server, with this PC's cache in ``data_folder``."""
    path = db.file
    if db.is_sqlite:
        return (
            AttachmentStore.beside_database(path) if path else AttachmentStore(data_folder / "附件")
        )
    return ServerAttachmentStore(db.engine, cache_folder(db.url, data_folder))


def cache_folder(url: str, data_folder: Path) -> Path:
    """This PC's cache of one server database's attachments: one folder per server and
    database (never the password), in the data folder."""
    parsed = make_url(url)
    where = f"{parsed.username or ''}@{parsed.host or ''}:{parsed.port or ''}/{parsed.database}"
    for key in ("host", "port"):  # a Unix socket given as a query parameter
        where += f";{parsed.query.get(key, '')}"
    digest = hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]
    return data_folder / "服务器附件缓存" / digest


class ServerAttachmentStore(AttachmentStore):
    """The ``AttachmentStore`` of a server database: adding a file stores it in
    ``attachment_blobs`` (and this PC's cache); reading fetches it into the cache first."""

    def __init__(self, engine: Engine, cache: Path) -> None:
        super().__init__(cache)
        self.engine = engine

    def __repr__(self) -> str:
        return f"ServerAttachmentStore({self.engine.url.render_as_string(hide_password=True)})"

    def cached_path(self, sha256: str) -> Path:
        """Where this PC's copy of ``sha256`` is (it may not exist)."""
        return super().path_of(sha256)

    def path_of(self, sha256: str) -> Path:
        """This PC's copy of the file, fetched from the server when it is not cached yet (the
        path of a file that is nowhere yet, when the server does not have it either)."""
        path = self.cached_path(sha256)
        if not path.is_file():
            data = self._fetch(path.name)
            if data is not None:
                self._write_cache(path, data)
        return path

    def _fetch(self, digest: str) -> bytes | None:
        try:
            with self.engine.connect() as conn:
                data = conn.execute(select(_blobs.c.data).where(_blobs.c.sha256 == digest)).scalar()
        except DBAPIError as exc:
            raise _server_error(exc) from exc
        if data is None:
            return None
        data = bytes(data)
        if hashlib.sha256(data).hexdigest() != digest:
            # Never keep damaged content under its name: it would look good to the cache.
            log.warning("attachment %s on the server does not match its hash", digest[:12])
            raise AttachmentError(
                f"数据库服务器上的附件（{digest[:12]}…）已损坏，无法显示。"
                "请联系服务器管理员从备份中恢复数据库。"
            )
        return data

    def _write_cache(self, path: Path, data: bytes) -> None:
        atomic_write(path, lambda fh: fh.write(data), self._disk_full_message())

    def _already_stored(self, digest: str, size: int) -> bool:
        # Whether the server has it; a township's login may not see a photo another group
        # stored, and then stores it again, which changes nothing (ON CONFLICT DO NOTHING).
        try:
            with self.engine.connect() as conn:
                stored = conn.execute(
                    select(_blobs.c.size).where(_blobs.c.sha256 == digest)
                ).scalar()
        except DBAPIError as exc:
            raise _server_error(exc) from exc
        return stored == size and self.cached_path(digest).is_file()

    def _kept(self, digest: str) -> None:
        """The file just written to the cache goes to the server, in its own transaction: a
        file without a record is harmless (found and purged like one in a folder)."""
        from sqlalchemy.dialects import postgresql

        data = self.cached_path(digest).read_bytes()
        insert = (
            postgresql.insert(_blobs)
            .values(sha256=digest, size=len(data), data=data)
            .on_conflict_do_nothing()
        )
        try:
            with self.engine.begin() as conn:
                conn.execute(insert)
        except DBAPIError as exc:
            raise _server_error(exc) from exc

    def exists(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def verify(self, sha256: str) -> bool:
        """True when the server's copy hashes to its name."""
        try:
            return self._fetch(self.cached_path(sha256).name) is not None
        except AttachmentError:
            return False

    def all_hashes(self) -> set[str]:
        try:
            with self.engine.connect() as conn:
                return set(conn.execute(select(_blobs.c.sha256)).scalars())
        except DBAPIError as exc:
            raise _server_error(exc) from exc

    def remove(self, sha256: str) -> None:
        digest = self.cached_path(sha256).name
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(_blobs).where(_blobs.c.sha256 == digest))
        except DBAPIError as exc:
            raise _server_error(exc) from exc
        with contextlib.suppress(AttachmentError):  # a cache file in use stays until later
            super().remove(digest)


def _server_error(exc: DBAPIError) -> StorageError:
    from liaison_desk.storage.server_security import refused_error

    refused = refused_error(exc)
    if refused is not None:
        return refused
    return AttachmentError(
        f"无法在数据库服务器上读写附件（{str(exc.orig).strip()}）。"
        "请检查网络连接和服务器是否开启，然后重试；如果一直这样，请联系服务器管理员。"
    )
