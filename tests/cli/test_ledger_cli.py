"""liaison-desk ledger export / import: the round trip from a terminal, --dry-run, --map, and
the exit codes (0 done, 1 a bad row or file and nothing written, 2 wrong usage)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from helpers import table_dump
from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, main
from liaison_desk.domain.entities import Consultation, OutcomeItem
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.services import Services


def set_cell(path: Path, sheet: str, row: int, heading: str, value: object) -> None:
    wb = load_workbook(path)
    ws = wb[sheet]
    column = next(c.column for c in ws[1] if c.value == heading)
    ws.cell(row, column).value = value
    wb.save(path)


@pytest.fixture
def recorded(
    services: Services, new_consultation: Callable[..., Consultation]
) -> list[Consultation]:
    hall = services.consultations.save(
        new_consultation(outcome_items=[OutcomeItem(content="加装电梯")])
    )
    micro = services.consultations.save(
        new_consultation(kind=ConsultationKind.MICRO, title="村口停车", held_on=date(2024, 5, 6))
    )
    return [hall, micro]


def test_export_then_import_round_trips_and_dry_run_writes_nothing(
    db_file: Path,
    recorded: list[Consultation],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "民生议事堂台账-2024.xlsx"
    assert (
        main(["ledger", "export", "--db", str(db_file), "--year", "2024", "--kind", "hall", "--no-mask", "--out", str(out)])
        == EXIT_OK
    )  # fmt: skip
    assert "1 场协商活动、1 条意见建议" in capsys.readouterr().out
    ws = load_workbook(out)["协商活动"]
    assert ws.max_row == 2 and ws["A2"].value == recorded[0].number

    before = table_dump(db_file)
    assert main(["ledger", "import", "--db", str(db_file), str(out)]) == EXIT_OK
    assert "无变化 2 行" in capsys.readouterr().out  # the consultation and its item
    assert table_dump(db_file) == before

    set_cell(out, "协商活动", 2, "主持人", "沈建国")
    assert main(["ledger", "import", "--db", str(db_file), str(out), "--dry-run"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "协商活动 第2行" in printed and "更新" in printed and "主持人" in printed
    assert "试运行" in printed
    assert table_dump(db_file) == before

    assert main(["ledger", "import", "--db", str(db_file), str(out)]) == EXIT_OK
    assert "已导入" in capsys.readouterr().out
    assert table_dump(db_file) != before


def test_a_bad_row_exits_1_lists_every_bad_row_and_writes_nothing(
    db_file: Path,
    recorded: list[Consultation],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "台账.xlsx"
    assert (
        main(["ledger", "export", "--db", str(db_file), "--no-mask", "--out", str(out)]) == EXIT_OK
    )
    set_cell(out, "协商活动", 2, "日期", "2024-13-01")
    set_cell(out, "协商活动", 3, "联络组", "不存在的联络组")
    set_cell(out, "意见建议", 2, "内容", "")
    capsys.readouterr()
    before = table_dump(db_file)
    assert main(["ledger", "import", "--db", str(db_file), str(out)]) == EXIT_PROBLEM
    printed = capsys.readouterr().out
    for where in ("协商活动 第2行", "协商活动 第3行", "意见建议 第2行"):
        assert where in printed
    assert "2024-13-01" in printed and "不存在的联络组" in printed and "意见建议的内容" in printed
    assert "没有导入任何内容" in printed
    assert table_dump(db_file) == before


def test_a_damaged_file_exits_1_with_a_chinese_message(
    db_file: Path,
    recorded: list[Consultation],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "台账.xlsx"
    assert main(["ledger", "export", "--db", str(db_file), "--out", str(out)]) == EXIT_OK
    out.write_bytes(out.read_bytes()[:2000])
    before = table_dump(db_file)
    assert main(["ledger", "import", "--db", str(db_file), str(out)]) == EXIT_PROBLEM
    assert "损坏" in capsys.readouterr().err
    assert table_dump(db_file) == before


def test_map_puts_a_groups_own_headings_onto_the_standard_columns(
    db_file: Path,
    recorded: list[Consultation],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    own = tmp_path / "我们的台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["议事事项", "举办地", "日期", "联络组"])
    ws.append(["河道保洁", "大河村协商驿站", date(2024, 7, 1), "织里镇联络组"])
    wb.save(own)
    args = ["ledger", "import", "--db", str(db_file), str(own), "--kind", "micro"]
    assert main(args) == EXIT_PROBLEM  # 议事事项 and 举办地 are nothing the app knows
    assert main([*args, "--map", "议事事项=议题", "--map", "举办地=地点"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "新建" in printed and "织里-2024-微-002" in printed


def test_wrong_usage_exits_2(db_file: Path, tmp_path: Path) -> None:
    for argv in (
        ["ledger"],
        ["ledger", "export", "--db", str(db_file)],  # no --out
        ["ledger", "export", "--db", str(db_file), "--kind", "big", "--out", "x.xlsx"],
        ["ledger", "import", "--db", str(db_file), "x.xlsx", "--map", "议题"],
        ["ledger", "import", "--db", str(db_file), "x.xlsx", "--map", "事项=不是列名"],
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == EXIT_USAGE, argv


def test_export_refuses_a_wrong_file_name(
    db_file: Path, recorded: list[Consultation], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "台账.xls"
    assert main(["ledger", "export", "--db", str(db_file), "--out", str(out)]) == EXIT_PROBLEM
    assert ".xlsx" in capsys.readouterr().err
    assert not out.exists()
    missing = ["ledger", "export", "--db", str(db_file), "--group", "火星联络组"]
    assert main([*missing, "--out", str(tmp_path / "a.xlsx")]) == EXIT_PROBLEM
    assert "织里镇联络组" in capsys.readouterr().err


def _own_ledger(path: Path, rows: list[list[object]]) -> Path:
    """A township's own ledger: no 联络组 column, no 编号."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["议题", "日期", "地点"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def two_groups(services: Services, recorded: list[Consultation]) -> None:
    from liaison_desk.domain.entities import LiaisonGroup

    services.groups.save(
        LiaisonGroup(name="八里店镇联络组", town="八里店镇", fonds_code="J013", org_code="BLD")
    )


def test_group_fills_a_ledger_without_that_column_and_reimporting_creates_nothing_twice(
    db_file: Path,
    services: Services,
    two_groups: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    own = _own_ledger(
        tmp_path / "八里店台账.xlsx",
        [
            ["河道保洁", date(2024, 7, 1), "潘店村"],
            ["老街  新韵", date(2024, 7, 2), "老街"],
            ["老街新韵", date(2024, 7, 2), "老街"],  # the same row again, spaced differently
        ],
    )
    args = ["ledger", "import", "--db", str(db_file), str(own), "--kind", "micro"]
    # Two groups and no 联络组 column: without --group every row says what is missing.
    assert main(args) == EXIT_PROBLEM
    assert "新记录需要“联络组”" in capsys.readouterr().out

    before = table_dump(db_file)
    assert main([*args, "--group", "火星联络组"]) == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert "没有联络组「火星联络组」" in err and "织里镇联络组、八里店镇联络组" in err
    assert table_dump(db_file) == before

    assert main([*args, "--group", "八里店镇联络组"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "新建 2 行" in printed and "重复 1 行" in printed
    assert "Sheet 第4行" in printed and "与第3行重复" in printed
    created = [c for c in services.consultations.search().items if c.group_name == "八里店镇联络组"]
    assert sorted(c.title for c in created) == ["河道保洁", "老街  新韵"]

    # The same ledger again: every row is recognised, nothing is created.
    after_first = table_dump(db_file)
    assert main([*args, "--group", "八里店镇"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "新建 0 行" in printed and "重复 3 行" in printed
    assert "与数据库中已有的" in printed and "已跳过" in printed
    assert table_dump(db_file) == after_first


def test_a_row_naming_its_own_group_keeps_it_over_group(
    db_file: Path,
    services: Services,
    two_groups: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    own = tmp_path / "台账.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["议题", "日期", "联络组", "地点"])
    ws.append(["村口停车二期", date(2024, 8, 1), "织里镇", "大河村"])
    ws.append(["河道保洁", date(2024, 8, 2), None, "潘店村"])
    wb.save(own)
    argv = ["ledger", "import", "--db", str(db_file), str(own), "--kind", "micro"]
    assert main([*argv, "--group", "八里店镇联络组"]) == EXIT_OK
    by_title = {c.title: c.group_name for c in services.consultations.search().items}
    assert by_title["村口停车二期"] == "织里镇联络组"
    assert by_title["河道保洁"] == "八里店镇联络组"


def test_text_that_looks_like_a_formula_is_exported_as_text(
    db_file: Path,
    services: Services,
    new_consultation: Callable[..., Consultation],
    tmp_path: Path,
) -> None:
    titles = ["=1+1", "@SUM(A1)", '=HYPERLINK("http://x","老街新韵")', "+86 电话", "-减负"]
    for i, title in enumerate(titles):
        services.consultations.save(
            new_consultation(
                title=title,
                held_on=date(2024, 3, 1 + i),
                outcome_items=[OutcomeItem(content=title)],
            )
        )
    out = tmp_path / "台账.xlsx"
    assert (
        main(["ledger", "export", "--db", str(db_file), "--no-mask", "--out", str(out)]) == EXIT_OK
    )
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    wb = load_workbook(out)
    assert sorted(c.value for c in wb["协商活动"]["C"][1:]) == sorted(titles)
    assert sorted(c.value for c in wb["意见建议"]["C"][1:]) == sorted(titles)
    # …and it comes back in as the same text: nothing changed.
    before = table_dump(db_file)
    assert main(["ledger", "import", "--db", str(db_file), str(out)]) == EXIT_OK
    assert table_dump(db_file) == before


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 300 KB tmpfs filled to the last byte (skipped where it cannot be mounted)."""
    import os
    import shutil
    import subprocess

    folder = tmp_path / "满盘"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root (the disk-full test runs in CI as root)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        with (folder / "占位").open("wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)

            except OSError:
                pass
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_export_onto_a_full_disk_says_so_and_nothing_else(
    db_file: Path, recorded: list[Consultation], full_disk: Path, tmp_path: Path
) -> None:
    """Finding 12: the right message was followed by "Exception ignored in: ZipFile.__del__"."""
    import os
    import subprocess
    import sys

    out = full_disk / "台账.xlsx"
    env = dict(os.environ, LIAISON_DESK_DATA_DIR=str(tmp_path / "data"))
    argv = ["ledger", "export", "--db", str(db_file), "--out", str(out)]
    run = subprocess.run(
        [sys.executable, "-m", "liaison_desk", *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == EXIT_PROBLEM, run.stderr
    assert "磁盘空间不足" in run.stderr
    assert "Exception ignored" not in run.stderr and "Traceback" not in run.stderr
    assert [p.name for p in full_disk.iterdir()] == ["占位"]  # no half-written or temporary file


def test_export_neither_overwrites_nor_writes_an_empty_ledger(
    db_file: Path,
    recorded: list[Consultation],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 15, finding 11: like export-cases, an existing file is kept unless --overwrite;
    a year without records writes no empty workbook and says so (exit 1)."""
    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"the secretary's own file")
    args = ["ledger", "export", "--db", str(db_file), "--no-mask", "--out", str(out)]
    assert main(args) == EXIT_PROBLEM
    assert "已经存在" in capsys.readouterr().err and out.read_bytes() == b"the secretary's own file"
    assert main([*args, "--overwrite"]) == EXIT_OK
    assert load_workbook(out)["协商活动"].max_row == 3

    empty = tmp_path / "2019.xlsx"
    assert main([*args[:-1], str(empty), "--year", "2019"]) == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert "没有符合条件的协商活动" in err and "2019" in err
    assert not empty.exists()


def test_the_default_export_is_masked_and_its_import_is_refused_with_exit_1(
    db_file: Path,
    recorded: list[Consultation],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "台账.xlsx"
    assert main(["ledger", "export", "--db", str(db_file), "--out", str(out)]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "已隐藏" in printed and "--no-mask" in printed
    assert str(load_workbook(out)["协商活动"]["A1"].value).startswith("【已隐藏个人信息】")
    before = table_dump(db_file)
    for extra in ([], ["--dry-run"]):
        assert main(["ledger", "import", "--db", str(db_file), str(out), *extra]) == EXIT_PROBLEM
        err = capsys.readouterr().err
        assert "隐藏了个人信息" in err and "没有导入" in err and "--no-mask" in err
    assert table_dump(db_file) == before
    assert not (db_file.parent / "备份").exists()  # not even a backup before the import

    working = tmp_path / "工作底稿.xlsx"
    assert (
        main(["ledger", "export", "--db", str(db_file), "--no-mask", "--out", str(working)])
        == EXIT_OK
    )
    assert "工作底稿" in capsys.readouterr().out
    assert main(["ledger", "import", "--db", str(db_file), str(working)]) == EXIT_OK
    assert table_dump(db_file) == before
