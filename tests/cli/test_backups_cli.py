"""The command line and automatic backups: `ledger import` backs up first (a dry run does not),
`liaison-desk backups` lists what there is, and `liaison-desk restore` restores a listed one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, main
from liaison_desk.domain.entities import Consultation
from liaison_desk.services import Services


def titles(db_file: Path) -> set[str]:
    conn = sqlite3.connect(db_file)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM consultations")}
    finally:
        conn.close()


def test_ledger_import_backs_up_first_and_backups_lists_it_and_restore_brings_it_back(
    db_file: Path,
    services: Services,
    new_consultation: Callable[..., Consultation],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    services.consultations.save(new_consultation(title="原有的记录"))
    ledger = tmp_path / "台账.xlsx"
    assert (
        main(["ledger", "export", "--db", str(db_file), "--no-mask", "--out", str(ledger)])
        == EXIT_OK
    )
    wb = load_workbook(ledger)
    ws = wb["协商活动"]
    ws.cell(2, next(c.column for c in ws[1] if c.value == "议题")).value = "改过的议题"
    wb.save(ledger)
    folder = db_file.parent / "备份"

    assert main(["ledger", "import", "--db", str(db_file), str(ledger), "--dry-run"]) == EXIT_OK
    assert not folder.exists()  # a dry run writes nothing, not even a backup
    assert main(["backups", "--db", str(db_file)]) == EXIT_OK
    assert "还没有备份" in capsys.readouterr().out

    assert main(["ledger", "import", "--db", str(db_file), str(ledger)]) == EXIT_OK
    [made] = list(folder.glob("*.zip"))
    assert "-导入前-" in made.name
    assert titles(db_file) == {"改过的议题"}
    capsys.readouterr()

    assert main(["backups", "--db", str(db_file)]) == EXIT_OK
    listed = capsys.readouterr().out
    assert "导入前" in listed and "协商活动 1" in listed and str(made) in listed

    services.ctx.db.close()  # the window would be closed too: restore needs the file to itself
    assert main(["restore", str(made), "--db", str(db_file)]) == EXIT_OK, capsys.readouterr().err
    assert titles(db_file) == {"原有的记录"}
    capsys.readouterr()
    assert main(["backups", "--db", str(db_file)]) == EXIT_OK
    assert "恢复前" in capsys.readouterr().out


def test_backups_of_a_missing_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backups", "--db", str(tmp_path / "没有.sqlite")]) == EXIT_PROBLEM
    assert "不存在" in capsys.readouterr().err
