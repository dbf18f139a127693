"""liaison-desk district-return from a terminal: the district's return of a quarter or month,
the Chinese messages and the exit codes (0 done, 1 a problem the user can fix and nothing
written, 2 wrong usage)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, main


def test_the_quarterly_return(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "季报.xlsx"
    args = ["district-return", "--year", "2024", "--quarter", "1", "--db", str(demo_db)]
    assert main([*args, "--out", str(out)]) == EXIT_OK
    said = capsys.readouterr().out
    assert "已生成吴兴区政协联络组工作情况季报（2024年第一季度）：16 个联络组" in said
    book = load_workbook(out)
    assert book.sheetnames == ["报表", "统计口径"]
    assert book["报表"].cell(4 + 16, 1).value == "合计"
    # Not overwritten without --overwrite.
    assert main([*args, "--out", str(out)]) == EXIT_PROBLEM
    assert "已经存在，不会覆盖" in capsys.readouterr().err
    assert main([*args, "--out", str(out), "--overwrite"]) == EXIT_OK


def test_the_monthly_return_is_a_month_report(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "月报.xlsx"
    args = ["district-return", "--year", "2024", "--month", "3", "--out", str(out)]
    assert main([*args, "--db", str(demo_db)]) == EXIT_OK
    assert "工作情况月报（2024年3月）" in capsys.readouterr().out
    assert load_workbook(out)["报表"].cell(1, 1).value.endswith("月报（2024年3月）")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--year", "2024", "--quarter", "5"], EXIT_PROBLEM, "季度 5 不对，请写 1–4"),
        (["--year", "2024", "--month", "13"], EXIT_PROBLEM, "月份 13 不对，请写 1–12"),
        (["--year", "2024", "--quarter", "1", "--month", "2"], EXIT_USAGE, "不能与"),
        (["--quarter", "1"], EXIT_USAGE, "--year"),
    ],
)
def test_bad_periods_are_explained_and_nothing_is_written(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    out = tmp_path / "x.xlsx"
    command = ["district-return", *args, "--out", str(out), "--db", str(demo_db)]
    if code == EXIT_USAGE:  # argparse ends the program itself
        with pytest.raises(SystemExit) as exit_info:
            main(command)
        assert exit_info.value.code == EXIT_USAGE
    else:
        assert main(command) == code
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_database_or_a_wrong_file_name_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "无.sqlite"
    out = tmp_path / "x.xlsx"
    args = ["district-return", "--year", "2024", "--out", str(out), "--db", str(missing)]
    assert main(args) == EXIT_PROBLEM
    assert "不存在。请用 --db 指定数据库" in capsys.readouterr().err
    assert not missing.exists() and not out.exists()
    bad = ["district-return", "--year", "2024", "--out", str(tmp_path / "x.csv")]
    assert main([*bad, "--db", str(missing)]) == EXIT_PROBLEM
    assert "应以 .xlsx 结尾" in capsys.readouterr().err
