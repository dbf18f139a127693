"""Moving a district's database file onto a shared PostgreSQL server (``migrate-to``).

Every row of every table and every attached file is copied in one transaction on the server,
then read back in the same transaction and compared (row counts and a checksum of every
table's content; each file's SHA-256 computed by the server); only when everything agrees is
it committed. Anything else (a refusal, a broken connection, a mismatch, a cancel) rolls it
back and the server's database holds no record. The schema is made by the migrations, as for
any new database; a database that already holds records is refused.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, delete, func, select, text
from sqlalchemy.exc import DBAPIError

from liaison_desk.progress import Progress
from liaison_desk.storage import search_index
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database, shown_url
from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.models import AttachmentBlobRow, AttachmentRow, Base

log = logging.getLogger(__name__)

#: Derived or server-only tables: the search index is rebuilt on the server (its folded text
#: differs by engine), the attachment contents come from the store.
_NOT_COPIED = {"search_docs", "attachment_blobs"}
#: Tables the migrations fill in a new database; the source's rows replace them.
_SEEDED = ("procedure_steps", "settings", "number_counters")
_CHUNK = 500


@dataclass
class CopyReport:
    """What was copied: rows per table, each table's content checksum, and the files."""

    rows: dict[str, int] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)
    files: int = 0
    file_bytes: int = 0


def copied_tables() -> list[Table]:
    """The tables copied, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in _NOT_COPIED]


def _canonical(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    return value


def table_checksum(conn: Connection, table: Table) -> tuple[int, str]:
    """(rows, SHA-256 of the rows' content in key order) through the table's own column
    types, so the same content gives the same sum on SQLite and on PostgreSQL."""
    digest = hashlib.sha256()
    count = 0
    query = select(table).order_by(*table.primary_key.columns)
    for row in conn.execute(query):
        values = [_canonical(v) for v in row]
        digest.update(json.dumps(values, sort_keys=True, default=str).encode("utf-8"))
        digest.update(b"\n")
        count += 1
    return count, digest.hexdigest()


def _record_count(conn: Connection) -> int:
    counted = [t for t in copied_tables() if t.name not in _SEEDED]
    total = 0
    for table in [*counted, AttachmentBlobRow.__table__]:
        total += conn.execute(select(func.count()).select_from(table)).scalar_one()
    return total


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    # Rows came with their ids: the next id a server hands out must come after them.
    for table in tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(max(id), 1), max(id) IS NOT NULL) FROM {table.name}"
            )
        )


def copy_to_server(
    source: Database,
    store: AttachmentStore,
    target_url: str,
    progress: Progress | None = None,
) -> CopyReport:
    """Copy every record and attached file of ``source`` (a database file) onto the empty
    server database at ``target_url``, verified, in one transaction."""
    if not source.is_sqlite:
        raise StorageError("只能把数据库文件搬到服务器上：请用 --db 指定要搬的数据库文件。")
    if "://" not in target_url or not target_url.startswith("postgresql"):
        raise StorageError(
            f"「{target_url}」不是数据库服务器的地址。请写成 "
            "postgresql+psycopg://用户名:密码@服务器/数据库名 这样的地址。"
        )
    shown = shown_url(target_url)
    target = Database.open(target_url)  # makes the schema by the migrations
    try:
        return _copy(source, store, target, shown, progress)
    finally:
        target.close()


def _copy(
    source: Database,
    store: AttachmentStore,
    target: Database,
    shown: str,
    progress: Progress | None,
) -> CopyReport:
    tables = copied_tables()
    report = CopyReport()
    with source.reading_connection() as src, src.begin():
        totals = {
            t.name: src.execute(select(func.count()).select_from(t)).scalar_one() for t in tables
        }
        hashes = sorted(set(src.execute(select(AttachmentRow.sha256).distinct()).scalars()))
        steps = sum(totals.values()) + len(hashes) + 1
        done = 0
        try:
            with target.engine.begin() as dst:
                already = _record_count(dst)
                if already:
                    raise StorageError(
                        f"服务器上的数据库「{shown}」里已经有 {already} 条记录。为了不混合或覆盖数据，"
                        "没有复制任何内容。请在服务器上新建一个空的数据库（例如 createdb liaison），"
                        "再把数据库文件搬到这个新数据库里。"
                    )
                # Nobody works in it while it is filled (another PC that opens it waits).
                dst.execute(text("LOCK TABLE liaison_groups IN EXCLUSIVE MODE"))
                for name in _SEEDED:
                    dst.execute(delete(Base.metadata.tables[name]))
                for table in tables:
                    query = select(table).order_by(*table.primary_key.columns)
                    batch: list[dict[str, Any]] = []
                    for row in src.execute(query):
                        batch.append(dict(row._mapping))
                        if len(batch) == _CHUNK:
                            dst.execute(table.insert(), batch)
                            done += len(batch)
                            batch = []
                            _tell(progress, done, steps, "正在复制记录")
                    if batch:
                        dst.execute(table.insert(), batch)
                        done += len(batch)
                    _tell(progress, done, steps, "正在复制记录")
                _reset_sequences(dst, tables)
                blobs: Table = AttachmentBlobRow.__table__  # type: ignore[assignment]
                for sha in hashes:
                    data = store.open_bytes(sha)
                    if hashlib.sha256(data).hexdigest() != sha:
                        raise StorageError(
                            f"数据库文件的附件（{sha[:12]}…）已损坏，与它的校验值不符，没有复制任何内容。"
                            "请先运行 liaison-desk check 检查数据库，从备份中恢复这个附件后再搬。"
                        )
                    dst.execute(blobs.insert().values(sha256=sha, size=len(data), data=data))
                    report.file_bytes += len(data)
                    done += 1
                    _tell(progress, done, steps, "正在复制附件")
                search_index.rebuild(dst)
                _verify(src, dst, tables, hashes, report, shown)
                done += 1
                _tell(progress, done, steps, "已核对")
        except DBAPIError as exc:
            raise StorageError(
                f"复制到服务器「{shown}」时出错（{str(exc.orig).strip()}），"
                "服务器上的数据库没有写入任何记录。请检查网络和服务器后重试。"
            ) from exc
    log.info("copied %s onto %s: %s", source.url, shown, report.rows)
    return report


def _verify(
    src: Connection,
    dst: Connection,
    tables: list[Table],
    hashes: list[str],
    report: CopyReport,
    shown: str,
) -> None:
    """Read back what was written, in the same transaction, and compare before committing."""
    for table in tables:
        source_sum = table_checksum(src, table)
        copied_sum = table_checksum(dst, table)
        if source_sum != copied_sum:
            raise StorageError(
                f"复制到服务器「{shown}」后核对不一致（表 {table.name}：原有 {source_sum[0]} 行，"
                f"服务器上 {copied_sum[0]} 行），已全部撤销，服务器上的数据库没有写入任何记录。"
                "请把这条消息发给技术支持人员。"
            )
        report.rows[table.name], report.checksums[table.name] = copied_sum
    stored: dict[str, str] = dict(
        dst.execute(text("SELECT sha256, encode(sha256(data), 'hex') FROM attachment_blobs")).all()
    )
    bad = [sha for sha in hashes if stored.get(sha) != sha]
    if bad or len(stored) != len(hashes):
        raise StorageError(
            f"复制到服务器「{shown}」后核对附件不一致（{len(bad)} 个附件与校验值不符），"
            "已全部撤销，服务器上的数据库没有写入任何记录。请检查网络后重试。"
        )
    report.files = len(stored)


def _tell(progress: Progress | None, done: int, total: int, message: str) -> None:
    if progress is not None:
        progress(done, total, message)
