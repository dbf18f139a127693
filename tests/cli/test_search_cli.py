"""liaison-desk search: one search over every kind of record, in Chinese, exit 0 with results
and 1 without; check --rebuild-search mends a search index that disagrees with the records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, main


def test_search_prints_each_kind_with_number_title_and_the_match_marked(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "电梯", "--db", str(demo_db)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "包含「电梯」的记录共" in out
    assert "\n协商活动（" in out
    assert "【电梯】" in out
    # Each hit shows its kind, its number (编号) and title.
    assert any(line.startswith("  协商活动  ") and "-2024-" in line for line in out.splitlines())


def test_search_by_kind_and_limit(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "织里", "--kind", "活动", "--limit", "3", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "\n协商活动（" in out and "显示前 3 条" in out
    assert "\n意见建议（" not in out and "\n人员（" not in out
    hits = [line for line in out.splitlines() if line.startswith("  协商活动  ")]
    assert len(hits) == 3


def test_search_finds_cases_and_people(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "童装", "--kind", "案例", "--db", str(demo_db)]) == EXIT_OK
    assert "助力青年返乡" in capsys.readouterr().out
    assert main(["search", "委员", "--kind", "人员", "--db", str(demo_db)]) == EXIT_OK
    assert "\n人员（" in capsys.readouterr().out


def test_nothing_found_exits_1(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "没有这样的文字", "--db", str(demo_db)]) == EXIT_PROBLEM
    assert "没有找到包含「没有这样的文字」的记录" in capsys.readouterr().out


def test_an_unknown_kind_says_which_there_are(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "电梯", "--kind", "照片", "--db", str(demo_db)]) == EXIT_PROBLEM
    assert "协商活动、意见建议、协商案例、人员" in capsys.readouterr().err


def test_check_rebuild_search_mends_the_index(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("DELETE FROM search_docs WHERE kind = 1")
    conn.close()
    assert main(["check", "--db", str(demo_db)]) == EXIT_PROBLEM
    assert "check --rebuild-search" in capsys.readouterr().out
    assert main(["check", "--rebuild-search", "--db", str(demo_db)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "全文搜索索引已重新建立" in out and "检查通过" in out
    assert main(["search", "电梯", "--db", str(demo_db)]) == EXIT_OK
