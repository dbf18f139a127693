"""``liaison-desk case-doc``: one case as a Word file and/or a PDF, found by its 档号 (or title or
序号); a clear Chinese message and exit code 1 for an unknown case or a path that cannot be
written, 2 when no output file is given; no file left behind on failure."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import docx
import pytest
from pdfminer.high_level import extract_text
from PySide6.QtWidgets import QApplication

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, main

CASE = "J012-WS·2024-Y-ZL-0001"


@pytest.fixture(autouse=True)
def app(qapp: QApplication) -> QApplication:
    """The application the test session shares (the command would otherwise make a plain
    QGuiApplication, which the widget tests cannot use)."""
    return qapp


def test_a_case_by_archive_number_to_word_and_pdf(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    word, pdf = tmp_path / "助力青年返乡.docx", tmp_path / "助力青年返乡.pdf"
    args = ["case-doc", "--db", str(demo_db), "--case", CASE, "--docx", str(word)]
    assert main([*args, "--pdf", str(pdf)]) == EXIT_OK
    assert capsys.readouterr().out.split() == [str(word), str(pdf)]
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs if p.text.strip()]
    assert paragraphs[:2] == ["助力青年返乡", "——织里镇联络组搭建青年返乡创业就业“连心桥”"]
    text = re.sub(r"\s+", "", extract_text(str(pdf)))
    assert text.startswith("助力青年返乡——织里镇联络组") and "一、基本信息" in text


def test_a_case_by_title(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "案例.pdf"
    assert main(
        ["case-doc", "--db", str(demo_db), "--case", "关爱青少年心理健康", "--pdf", str(out)]
    ) == (EXIT_OK)
    assert "关爱青少年心理健康" in extract_text(str(out))


def test_an_unknown_case_is_named(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.docx"
    code = main(
        ["case-doc", "--db", str(demo_db), "--case", "J012-WS·2024-Y-ZL-9999", "--docx", str(out)]
    )
    assert code == EXIT_PROBLEM
    assert "找不到案例「J012-WS·2024-Y-ZL-9999」" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("没有的文件夹/案例.pdf", "不存在"),
        ("案例.txt", "应以 .pdf 结尾"),
    ],
)
def test_a_bad_output_path_is_refused_before_any_work(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    code = main(["case-doc", "--db", str(demo_db), "--case", CASE, "--pdf", str(tmp_path / name)])
    assert code == EXIT_PROBLEM
    assert message in capsys.readouterr().err


def test_an_unwritable_folder_gives_a_message_and_leaves_nothing(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root writes anyway: make the rename refuse
            from liaison_desk.documents import atomic

            def refuse(source: object, target: object) -> None:
                raise PermissionError(errno.EACCES, "Permission denied", str(target))

            monkeypatch.setattr(atomic.os, "replace", refuse)
        out = folder / "a.docx"
        code = main(["case-doc", "--db", str(demo_db), "--case", CASE, "--docx", str(out)])
        assert code == EXIT_PROBLEM
        err = capsys.readouterr().err
        assert f"无法写入「{out}」" in err and "Traceback" not in err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_without_an_output_file_it_says_how(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case-doc", "--db", str(demo_db), "--case", CASE]) == EXIT_USAGE
    assert "--docx 或 --pdf" in capsys.readouterr().err


@pytest.mark.parametrize("separator", [".", "-", "．", " "])
def test_the_archive_number_may_be_typed_without_the_middle_dot(
    demo_db: Path, tmp_path: Path, separator: str
) -> None:
    """Issue 15, finding 11: the middle dot of J012-WS·2024-… is hard to type."""
    word = tmp_path / "案例.docx"
    typed = CASE.replace("·", separator).lower()
    assert main(["case-doc", "--db", str(demo_db), "--case", typed, "--docx", str(word)]) == EXIT_OK
    assert docx.Document(str(word)).paragraphs[0].text == "助力青年返乡"
