"""The bulk path of the demo (the earlier years of ``--scale``) writes the database the services
would have written: the same rows in every table, in the same order, with the same ids, numbers,
timestamps, revisions and audit log. Only the random UUIDs differ; they are compared by what
they point at."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from liaison_desk.demo import build_demo
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.storage.search_index import is_engine_structure

# A day well after the years built, so that items of the earlier year are followed up too.
LATER = datetime(2026, 3, 1, 9, 0)


def _build(path: Path, *, bulk: bool) -> None:
    db = Database.open(f"sqlite:///{path}")
    store = AttachmentStore.beside_database(path)
    services = Services(ServiceContext(db, store, actor="示例数据", clock=lambda: LATER))
    try:
        build_demo(services, scale=2, bulk=bulk)
    finally:
        db.close()


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in id order; a UUID replaced by (table, id) of its record."""
    con = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            # The FTS5 engine's own tables can't be listed row by row; search_docs (the text
            # indexed) is compared like any table.
            if not is_engine_structure(name)
        ]
        uuids: dict[str, tuple[str, int]] = {}
        for table in tables:
            columns = [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
            if "uuid" in columns and "id" in columns:  # a record (import_marks has no id)
                for uuid, rid in con.execute(f'SELECT uuid, id FROM "{table}"'):
                    uuids[uuid] = (table, rid)
        dump: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            rows = con.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            dump[table] = [
                tuple(uuids.get(v, v) if isinstance(v, str) else v for v in row) for row in rows
            ]
        return dump
    finally:
        con.close()


def test_bulk_years_are_the_rows_the_services_write(tmp_path: Path) -> None:
    _build(tmp_path / "services.sqlite", bulk=False)
    _build(tmp_path / "bulk.sqlite", bulk=True)
    by_services = _dump(tmp_path / "services.sqlite")
    in_bulk = _dump(tmp_path / "bulk.sqlite")
    assert by_services.keys() == in_bulk.keys()
    # The earlier year is there (people, consultations, follow-up in the audit log).
    con = sqlite3.connect(tmp_path / "bulk.sqlite")
    years = {y for (y,) in con.execute("SELECT DISTINCT substr(held_on, 1, 4) FROM consultations")}
    con.close()
    assert years == {"2023", "2024"}
    for table in by_services:
        assert len(by_services[table]) == len(in_bulk[table]), table
        for expected, got in zip(by_services[table], in_bulk[table], strict=True):
            assert got == expected, table
