"""liaison-desk stats / summary from a terminal: the files, the Chinese messages and the exit
codes (0 done, 1 a problem the user can fix and nothing written, 2 wrong usage)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, main


def test_stats_writes_the_workbook_of_a_quarter_for_one_group(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "织里-三季度.xlsx"
    args = ["stats", "--year", "2024", "--quarter", "3", "--group", "织里镇联络组"]
    assert main([*args, "--out", str(out), "--db", str(demo_db)]) == EXIT_OK
    said = capsys.readouterr().out
    assert "已生成织里镇联络组2024年第三季度协商工作统计报表" in said
    book = load_workbook(out)
    assert book.sheetnames == ["总表", "分组", "按月", "办理情况", "议题来源"]
    assert [r[0] for r in book["按月"].iter_rows(min_row=4, max_row=6, values_only=True)] == [
        "7月",
        "8月",
        "9月",
    ]
    # Not overwritten without --overwrite.
    assert main([*args, "--out", str(out), "--db", str(demo_db)]) == EXIT_PROBLEM
    assert "已经存在，不会覆盖" in capsys.readouterr().err
    assert main([*args, "--out", str(out), "--db", str(demo_db), "--overwrite"]) == EXIT_OK


def test_the_year_summary(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "综述.docx"
    assert main(["summary", "--year", "2024", "--docx", str(out), "--db", str(demo_db)]) == EXIT_OK
    assert out.exists() and "工作综述（数据部分初稿）" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "--year", "2024", "--month", "13"], "月份 13 不对，请写 1–12"),
        (["stats", "--year", "2024", "--group", "无此镇联络组"], "没有联络组「无此镇联络组」"),
        (["summary", "--year", "2024", "--group", "无此镇联络组"], "没有联络组「无此镇联络组」"),
    ],
)
def test_bad_choices_are_explained_and_nothing_is_written(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / ("x.xlsx" if args[0] == "stats" else "x.docx")
    option = "--out" if args[0] == "stats" else "--docx"
    assert main([*args, option, str(out), "--db", str(demo_db)]) == EXIT_PROBLEM
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_wrong_file_type_and_usage(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "报表.docx"
    assert (
        main(["stats", "--year", "2024", "--out", str(bad), "--db", str(demo_db)]) == EXIT_PROBLEM
    )
    assert "应以 .xlsx 结尾" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["stats", "--year", "2024", "--quarter", "1", "--month", "2", "--out", "x.xlsx"])
    assert exit_.value.code == EXIT_USAGE
    assert "不能与下面的参数同时使用" in capsys.readouterr().err
    missing = tmp_path / "无.sqlite"
    out = tmp_path / "x.xlsx"
    assert (
        main(["stats", "--year", "2024", "--out", str(out), "--db", str(missing)]) == EXIT_PROBLEM
    )
    assert "不存在" in capsys.readouterr().err and not missing.exists()
