"""Two processes on one database (the window and the command line, two PCs on a shared file):
no save is lost, every lost race is reported as 已被另一处修改, and concurrent ledger imports
each land whole or are refused whole — never an internal error."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]


def test_two_processes_saving_one_record_lose_no_save(tmp_path: Path) -> None:
    script = ROOT / "benchmarks" / "concurrent_saves.py"
    done = subprocess.run(
        [sys.executable, str(script), "--saves", "100", "--folder", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["errors"] == []  # no IntegrityError, no "database is locked", nothing else
    assert figures["bad_rises"] == 0  # every successful save raised the revision by exactly one
    assert figures["saves"] == figures["revision_rise"]  # so no save was overwritten
    assert figures["saves"] + figures["conflicts"] == 200  # every other one was reported
    assert figures["saves"] > 0
    assert done.returncode == 0


ROWS = 20


def _numberless_ledger(path: Path) -> None:
    """A township's own ledger: no 编号 column, so every row is a new record to number."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["议题", "地点", "日期", "联络组"])
    for n in range(ROWS):
        ws.append([f"河道保洁（{n + 1}）", "大河村协商驿站", date(2024, 7, 1 + n), "织里镇联络组"])
    wb.save(path)


def test_three_concurrent_ledger_imports_each_land_whole_or_are_refused(tmp_path: Path) -> None:
    db_file = tmp_path / "履职档案.sqlite"
    db = Database.open(f"sqlite:///{db_file}")
    Services(ServiceContext(db, AttachmentStore.beside_database(db_file))).groups.save(
        LiaisonGroup(name="织里镇联络组", town="织里镇", fonds_code="J012", org_code="ZL")
    )
    db.close()
    ledger = tmp_path / "织里镇台账.xlsx"
    _numberless_ledger(ledger)

    command = [sys.executable, "-m", "liaison_desk", "ledger", "import", "--db", str(db_file)]
    command += [str(ledger), "--kind", "micro"]
    env = {**os.environ, "LIAISON_DESK_DATA_DIR": str(tmp_path / "data")}
    runs = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        for _ in range(3)
    ]
    results = [(p.wait(timeout=300), *p.communicate()) for p in runs]

    for code, _out, err in results:
        assert code in (0, 1), err  # never 3, an internal error
        assert "内部错误" not in err and "IntegrityError" not in err
        if code == 1:
            assert err.strip()  # refused with a message saying why
    conn = sqlite3.connect(db_file)
    try:
        numbers = [r[0] for r in conn.execute("SELECT number FROM consultations")]
    finally:
        conn.close()
    # One import landed whole; each of the others found its rows already there (重复) or, when
    # it had planned before the first landed, was refused whole: no record is there twice.
    assert len(numbers) == ROWS
    assert len(set(numbers)) == len(numbers)
    assert any(code == 0 and "新建 " in out for code, out, _e in results)


def test_an_import_planned_before_another_landed_is_refused_whole(
    services: Services, group: LiaisonGroup, tmp_path: Path
) -> None:
    """Two imports of one number-less ledger checked at the same time (two windows, or the
    window and the command line): the second to write finds the first's records under the
    write lock and writes nothing, rather than creating every record twice."""
    from liaison_desk.domain.enums import ConsultationKind
    from liaison_desk.domain.rules import ConflictError
    from liaison_desk.services.ledger import RowResult

    ledger = tmp_path / "台账.xlsx"
    _numberless_ledger(ledger)
    kind = ConsultationKind.MICRO
    first = services.ledger.plan_import(ledger, default_kind=kind)
    second = services.ledger.plan_import(ledger, default_kind=kind)
    assert first.ok and second.ok
    services.ledger.apply_import(first)
    total = services.consultations.search().total
    assert total == ROWS
    try:
        services.ledger.apply_import(second)
    except ConflictError as exc:
        assert "没有写入任何内容" in str(exc) and "重复" in str(exc)
    else:
        raise AssertionError("the second import was written")
    assert services.consultations.search().total == ROWS
    again = services.ledger.plan_import(ledger, default_kind=kind)
    assert again.rows and all(r.result is RowResult.DUPLICATE for r in again.rows)
