"""``liaison-desk export-cases`` and ``liaison-desk verify``: the four selected demo cases into a
package for 市政协 that standard tools open and that verifies; tampered packages refused with
the problem named and exit code 1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, main

NUMBERS = [
    "J012-WS·2024-Y-ZL-0001",
    "J012-WS·2024-Y-DX-0001",
    "J012-WS·2024-Y-LQ-0001",
    "J012-WS·2024-Y-KS-0001",
]
TARGET = "市政协优秀协商案例征集"


@pytest.fixture(autouse=True)
def app(qapp: QApplication) -> QApplication:
    return qapp


@pytest.fixture
def exported(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "报送"
    out.mkdir()
    args = ["export-cases", "--db", str(demo_db), "--target", TARGET, "--out", str(out)]
    for number in NUMBERS:
        args += ["--case", number]
    assert main([*args, "--sender", "吴兴区政协"]) == EXIT_OK
    printed = capsys.readouterr().out
    (package,) = out.iterdir()
    assert package.name.startswith("吴兴区政协-2024-协商案例报送-") and package.suffix == ".zip"
    assert f"报送包已生成：{package}" in printed
    assert "协商案例 4 篇" in printed and "已记入报送记录" in printed and "已隐藏" in printed
    return package


def test_export_gives_a_package_that_standard_tools_open_and_verify_accepts(
    exported: Path, demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(exported) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
    assert any(n.endswith("/data/案例汇编.pdf") for n in names)
    if shutil.which("unzip"):
        listing = subprocess.run(
            ["unzip", "-l", str(exported)],
            capture_output=True,
            check=True,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
        ).stdout.decode("utf-8")
        assert "data/cases/0001-助力青年返乡/案例.docx" in listing
        x = tmp_path / "x"
        subprocess.run(["unzip", "-q", str(exported), "-d", str(x)], check=True)
        (bag,) = x.iterdir()
        tool = Path(sys.executable).with_name("bagit.py")
        done = subprocess.run([str(tool), "--validate", str(bag)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr

    assert main(["verify", str(exported), "--db", str(demo_db)]) == EXIT_OK
    report = capsys.readouterr().out
    assert "校验通过" in report
    assert "协商案例 4 篇" in report
    assert "报送记录" in report  # this database sent it


def test_export_by_year_and_status(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "定稿.zip"
    code = main(
        ["export-cases", "--db", str(demo_db), "--year", "2024", "--status", "定稿",
         "--target", TARGET, "--out", str(out)]
    )  # fmt: skip
    assert code == EXIT_OK
    assert out.is_file()
    assert "协商案例 1 篇" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "J012-WS·2024-Y-ZZ-9999"], "找不到案例「J012-WS·2024-Y-ZZ-9999」"),
        (["--year", "2024", "--status", "草稿"], "还是草稿"),
        (["--year", "2023"], "2023 年度没有"),
        (["--year", "2024", "--status", "未知"], "不是有效的选项"),
    ],
)
def test_bad_selections_are_named_and_nothing_is_written(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "报送"
    out.mkdir()
    code = main(
        ["export-cases", "--db", str(demo_db), *args, "--target", TARGET, "--out", str(out)]
    )
    assert code == EXIT_PROBLEM
    assert message in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_out_must_be_a_folder_or_a_zip_name(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["export-cases", "--db", str(demo_db), "--case", NUMBERS[0], "--target", TARGET]
    assert main([*base, "--out", str(tmp_path / "没有的文件夹")]) == EXIT_PROBLEM
    assert "不是已有的文件夹" in capsys.readouterr().err
    existing = tmp_path / "已有.zip"
    existing.write_bytes(b"PK")
    assert main([*base, "--out", str(existing)]) == EXIT_PROBLEM
    assert "已经存在" in capsys.readouterr().err
    assert existing.read_bytes() == b"PK"


def test_case_and_year_are_mutually_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export-cases", "--case", "x", "--year", "2024", "--target", "t", "--out", "."])
    assert exit_info.value.code == EXIT_USAGE


@pytest.fixture(scope="module")
def package_to_tamper(demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One package (from a copy of the demo database) for all the tampering tests."""
    from liaison_desk.storage.attachments import AttachmentStore

    folder = tmp_path_factory.mktemp("tamper")
    db = folder / demo_master.name
    shutil.copyfile(demo_master, db)
    shutil.copytree(
        AttachmentStore.beside_database(demo_master).root, AttachmentStore.beside_database(db).root
    )
    out = folder / "报送包.zip"
    args = ["export-cases", "--db", str(db), "--target", TARGET, "--out", str(out)]
    assert main([*args, "--case", NUMBERS[0]]) == EXIT_OK
    return out


def _rewrite(source: Path, dest: Path, edit: object) -> Path:
    with zipfile.ZipFile(source) as zf:
        members = {zi.filename: zf.read(zi) for zi in zf.infolist() if not zi.is_dir()}
    edit(members)  # type: ignore[operator]
    with zipfile.ZipFile(dest, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return dest


def _photo(members: dict[str, bytes]) -> str:
    return next(n for n in members if "/照片/" in n)


def _flip(members: dict[str, bytes]) -> None:
    name = _photo(members)
    data = bytearray(members[name])
    data[-100] ^= 1
    members[name] = bytes(data)


def _edit_manifest(members: dict[str, bytes]) -> None:
    name = next(n for n in members if n.endswith("/manifest-sha256.txt"))
    members[name] = members[name].replace(b"a", b"b", 1)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_flip, "校验值不符"),
        (lambda m: m.pop(_photo(m)), "缺少"),
        (lambda m: m.__setitem__(_photo(m).replace(".jpg", "-多余.jpg"), b"x"), "多出来的文件"),
        (_edit_manifest, "清单文件被改动"),
        (lambda m: m.__setitem__("../../逃出去.txt", b"x"), "“..”"),
        (lambda m: m.__setitem__("/tmp/绝对.txt", b"x"), "绝对路径"),
    ],
    ids=["changed-photo", "missing-file", "extra-file", "edited-manifest", "dotdot", "absolute"],
)
def test_verify_refuses_a_tampered_package_naming_the_problem(
    package_to_tamper: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edit: object,
    expected: str,
) -> None:
    assert main(["verify", str(package_to_tamper)]) == EXIT_OK
    tampered = _rewrite(package_to_tamper, tmp_path / "篡改.zip", edit)
    assert main(["verify", str(tampered)]) == EXIT_PROBLEM
    report = capsys.readouterr().out
    assert expected in report
    assert "校验未通过" in report or "被拒绝" in report


def test_verify_refuses_a_zip_bomb_and_a_non_zip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "小文件.zip"
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("包/data/零.bin", "w") as out,
    ):
        for _ in range(48):
            out.write(b"\0" * (1 << 20))
    assert main(["verify", str(bomb)]) == EXIT_PROBLEM
    assert "压缩炸弹" in capsys.readouterr().out

    fake = tmp_path / "报送包.zip"
    fake.write_text("这不是压缩文件", encoding="utf-8")
    assert main(["verify", str(fake)]) == EXIT_PROBLEM
    assert "不是 ZIP 文件" in capsys.readouterr().out


def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("export-cases", "verify"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = capsys.readouterr().out
        assert "用法：" in text and "例如" in text
