"""``liaison-desk print``: the four sheets as a PDF by consultation number, masked unless told
otherwise; a clear Chinese message, exit code 1 and no file for an unknown number or a path that
cannot be written."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage
from PySide6.QtWidgets import QApplication

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, main

HALL = "织里-2024-议-001"
HALL_2 = "织里-2024-议-002"
MICRO = "织里-2024-微-001"


@pytest.fixture(autouse=True)
def app(qapp: QApplication) -> QApplication:
    """The application the test session shares (the command would otherwise make a plain
    QGuiApplication, which the widget tests cannot use)."""
    return qapp


def squashed_text(path: Path) -> str:
    return re.sub(r"\s+", "", extract_text(str(path)))


def page_count(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in PDFPage.get_pages(f))


@pytest.mark.parametrize(
    ("sheet", "number", "title"),
    [
        ("record", HALL, "民生议事堂协商活动议事记录表"),
        ("signin", HALL, "民生议事堂协商活动签到表"),
        ("slip", HALL, "协商意见交办单"),
        ("card", MICRO, "微协商记录卡"),
    ],
)
def test_each_sheet_prints_to_a_pdf_and_says_where(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sheet: str,
    number: str,
    title: str,
) -> None:
    out = tmp_path / f"{sheet}.pdf"
    code = main(["print", sheet, "--number", number, "--out", str(out), "--db", str(demo_db)])
    assert code == EXIT_OK
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF")
    text = squashed_text(out)
    assert title in text and number in text
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [out.name]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_several_numbers_go_into_one_file_each_on_new_pages(demo_db: Path, tmp_path: Path) -> None:
    one, both = tmp_path / "一份.pdf", tmp_path / "两份.pdf"
    assert main(["print", "record", "--number", HALL, "--out", str(one), "--db", str(demo_db)]) == 0
    args = ["print", "record", "--number", HALL, "--number", HALL_2, "--out", str(both)]
    assert main([*args, "--db", str(demo_db)]) == EXIT_OK
    assert page_count(both) > page_count(one)
    text = squashed_text(both)
    assert HALL in text and HALL_2 in text


def test_masked_by_default_and_in_full_with_no_mask(demo_db: Path, tmp_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_db)
    try:
        phone = conn.execute(
            "SELECT pe.phone FROM participants p JOIN people pe ON pe.id = p.person_id "
            "JOIN consultations c ON c.id = p.consultation_id "
            "WHERE c.number = ? AND pe.phone != '' AND pe.consent_to_publish = 0 "
            "AND pe.category = 'resident'",
            (HALL,),
        ).fetchone()[0]
    finally:
        conn.close()
    masked, full = tmp_path / "外发.pdf", tmp_path / "内部.pdf"
    base = ["print", "signin", "--number", HALL, "--db", str(demo_db)]
    assert main([*base, "--out", str(masked)]) == EXIT_OK
    assert main([*base, "--out", str(full), "--no-mask"]) == EXIT_OK
    assert phone not in squashed_text(masked)
    assert f"{phone[:3]}****{phone[-4:]}" in squashed_text(masked)
    assert phone in squashed_text(full)


def test_blank_rows_are_counted_on(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "签到表.pdf"
    args = ["print", "signin", "--number", HALL, "--out", str(out), "--blank-rows", "0"]
    assert main([*args, "--db", str(demo_db)]) == EXIT_OK
    fewer = page_count(out)
    args[-1] = "40"
    assert main([*args, "--db", str(demo_db)]) == EXIT_OK
    assert page_count(out) > fewer


def test_an_unknown_number_is_named_and_nothing_is_written(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "记录表.pdf"
    args = ["print", "record", "--number", HALL, "--number", "织里-2099-议-999"]
    code = main([*args, "--out", str(out), "--db", str(demo_db)])
    assert code == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert "找不到编号为「织里-2099-议-999」的协商活动" in err
    assert HALL not in err and "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".pdf" or p.name.startswith(".")]


def test_a_missing_folder_is_a_clear_problem(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "没有这个文件夹" / "记录表.pdf"
    args = ["print", "record", "--number", HALL, "--out", str(out), "--db", str(demo_db)]
    assert main(args) == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert "不存在" in err and str(out.parent) in err
    assert not out.parent.exists()


def test_a_folder_that_cannot_be_written_is_a_clear_problem(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root writes anyway: make the folder refuse
            from liaison_desk.documents import pdf_writer

            def refuse(path: Path) -> Path:
                raise PermissionError(errno.EACCES, "Permission denied", str(path.parent))

            monkeypatch.setattr(pdf_writer, "_reserve_temporary", refuse)
        out = folder / "记录表.pdf"
        args = ["print", "record", "--number", HALL, "--out", str(out), "--db", str(demo_db)]
        assert main(args) == EXIT_PROBLEM
        err = capsys.readouterr().err
        assert f"无法写入「{out}」" in err and "Traceback" not in err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_folder_given_as_the_file_or_a_wrong_suffix_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["print", "record", "--number", HALL, "--db", str(demo_db)]
    assert main([*base, "--out", str(tmp_path)]) == EXIT_PROBLEM
    assert "是一个文件夹" in capsys.readouterr().err
    assert main([*base, "--out", str(tmp_path / "记录表.docx")]) == EXIT_PROBLEM
    assert ".pdf" in capsys.readouterr().err


def test_a_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "没有.sqlite"
    args = ["print", "record", "--number", HALL, "--out", str(tmp_path / "a.pdf"), "--db", str(db)]
    assert main(args) == EXIT_PROBLEM
    assert "不存在" in capsys.readouterr().err
    assert not db.exists()


def test_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for args in (
        ["print", "poster", "--number", HALL, "--out", str(tmp_path / "a.pdf")],
        ["print", "record", "--out", str(tmp_path / "a.pdf")],
        ["print", "record", "--number", HALL],
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(args)
        assert exit_info.value.code == EXIT_USAGE
        assert "参数错误" in capsys.readouterr().err


def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["print", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "签到表" in out and "--no-mask" in out and "编号" in out


def test_the_command_runs_without_a_screen(demo_db: Path, tmp_path: Path) -> None:
    """A fresh process with no display and no Qt platform set (a server, SSH, a scheduled task)."""
    out = tmp_path / "记录表.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    args = ["print", "record", "--number", HALL, "--out", str(out), "--db", str(demo_db)]
    result = subprocess.run(
        [sys.executable, "-m", "liaison_desk", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=env,
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stdout.strip() == str(out)
    assert HALL in squashed_text(out)
