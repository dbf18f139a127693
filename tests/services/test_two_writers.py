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
    landed = sum(1 for code, _o, _e in results if code == 0)
    # Each import landed whole (all its rows) or not at all; at least the first one landed.
    assert len(numbers) % ROWS == 0
    assert ROWS <= len(numbers) <= ROWS * landed
    assert len(set(numbers)) == len(numbers)
