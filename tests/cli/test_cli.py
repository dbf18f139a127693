"""Every command of the command line, with its error paths: a clear Chinese message and a
non-zero exit code, never a traceback."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import table_dump
from liaison_desk import __version__
from liaison_desk.cli import EXIT_BUG, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, main
from liaison_desk.config import data_dir
from liaison_desk.storage.attachments import AttachmentStore


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_a_usage_error_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == EXIT_USAGE
    assert "参数错误" in capsys.readouterr().err


def test_backup_without_out_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["backup"])
    assert exit_info.value.code == EXIT_USAGE
    assert "--out" in capsys.readouterr().err


def test_demo_builds_the_2024_volumes_and_check_reports_healthy(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", str(demo_db)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "检查通过" in out
    conn = sqlite3.connect(demo_db)
    try:
        kinds = dict(
            conn.execute(
                "SELECT kind, count(*) FROM consultations "
                "WHERE strftime('%Y', held_on) = '2024' AND deleted_at IS NULL GROUP BY kind"
            ).fetchall()
        )
        solved = conn.execute(
            "SELECT count(*) FROM outcome_items WHERE status='solved'"
        ).fetchone()[0]
        groups = conn.execute("SELECT count(*) FROM liaison_groups").fetchone()[0]
    finally:
        conn.close()
    assert kinds == {"hall": 85, "micro": 158}
    assert solved >= 160
    assert groups == 16


def test_demo_refuses_a_database_that_has_records(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha(demo_db)
    assert main(["demo", "--db", str(demo_db)]) == EXIT_PROBLEM
    assert "已经有数据" in capsys.readouterr().err
    assert sha(demo_db) == before


def test_demo_scale_must_be_positive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--db", str(tmp_path / "x.sqlite"), "--scale", "0"])
    assert exit_info.value.code == EXIT_USAGE
    assert not (tmp_path / "x.sqlite").exists()


def test_check_of_a_missing_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite"
    assert main(["check", "--db", str(missing)]) == EXIT_PROBLEM
    assert "找不到数据库文件" in capsys.readouterr().err
    assert not missing.exists()


def test_a_file_that_is_not_a_database_is_refused_and_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "会议纪要.sqlite"
    junk.write_text("这不是数据库，只是一段文字。" * 20, encoding="utf-8")
    before = sha(junk)
    assert main(["check", "--db", str(junk)]) == EXIT_PROBLEM
    assert "不是联络组履职档案台的数据库文件" in capsys.readouterr().err
    assert sha(junk) == before


def test_a_database_newer_than_the_app_is_refused_and_unchanged(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = sha(demo_db)
    assert main(["check", "--db", str(demo_db)]) == EXIT_PROBLEM
    assert "更新版本" in capsys.readouterr().err
    assert sha(demo_db) == before


def test_check_reports_a_missing_attachment(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = AttachmentStore.beside_database(demo_db)
    victim = sorted(store.all_hashes())[0]
    store.path_of(victim).unlink()
    assert main(["check", "--db", str(demo_db)]) == EXIT_PROBLEM
    assert "缺失" in capsys.readouterr().out


def test_backup_then_restore_into_an_empty_folder_reproduces_the_database(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "备份.zip"
    assert main(["backup", "--db", str(demo_db), "--out", str(archive)]) == EXIT_OK
    assert "备份完成" in capsys.readouterr().out
    target = tmp_path / "新电脑" / "恢复.sqlite"
    target.parent.mkdir()
    assert main(["restore", str(archive), "--db", str(target)]) == EXIT_OK
    assert table_dump(target) == table_dump(demo_db)
    old_store = AttachmentStore.beside_database(demo_db)
    new_store = AttachmentStore.beside_database(target)
    assert new_store.all_hashes() == old_store.all_hashes()
    assert all(new_store.verify(h) for h in new_store.all_hashes())
    assert main(["check", "--db", str(target)]) == EXIT_OK


def test_restore_over_existing_data_keeps_a_safety_backup(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "备份.zip"
    assert main(["backup", "--db", str(demo_db), "--out", str(archive)]) == EXIT_OK
    other = tmp_path / "其他" / "数据.sqlite"
    other.parent.mkdir()
    assert main(["check", "--db", str(other)]) == EXIT_PROBLEM  # does not exist yet
    from liaison_desk.storage.database import Database

    Database.open(f"sqlite:///{other}").close()
    assert main(["restore", str(archive), "--db", str(other)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "自动备份" in out
    safety = list((other.parent / "备份").glob("*.zip"))
    assert len(safety) == 1


def test_a_truncated_backup_is_refused_and_changes_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "备份.zip"
    assert main(["backup", "--db", str(demo_db), "--out", str(archive)]) == EXIT_OK
    data = archive.read_bytes()
    cut = tmp_path / "不完整的备份.zip"
    cut.write_bytes(data[: len(data) // 2])
    before = sha(demo_db)
    assert main(["restore", str(cut), "--db", str(demo_db)]) == EXIT_PROBLEM
    assert "备份" in capsys.readouterr().err
    assert sha(demo_db) == before
    assert not (demo_db.parent / "备份").exists()


def test_a_backup_with_a_path_outside_the_folder_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "备份.zip"
    assert main(["backup", "--db", str(demo_db), "--out", str(archive)]) == EXIT_OK
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(evil, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("../../逃逸.txt", "x")
    before = sha(demo_db)
    assert main(["restore", str(evil), "--db", str(demo_db)]) == EXIT_PROBLEM
    assert sha(demo_db) == before
    assert not (tmp_path.parent / "逃逸.txt").exists()


def test_restore_of_a_missing_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["restore", str(tmp_path / "无.zip"), "--db", str(tmp_path / "d.sqlite")])
        == EXIT_PROBLEM
    )
    assert "找不到备份文件" in capsys.readouterr().err


def test_backup_into_a_missing_folder_says_so(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "没有这个文件夹" / "备份.zip"
    assert main(["backup", "--db", str(demo_db), "--out", str(out)]) == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    assert not out.exists()


def test_an_internal_error_goes_to_the_log_not_the_screen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import liaison_desk.cli as cli

    def broken(_args: object) -> int:
        raise RuntimeError("simulated bug")

    monkeypatch.setitem(cli._COMMANDS, "check", broken)
    assert main(["check", "--db", str(tmp_path / "x.sqlite")]) == EXIT_BUG
    err = capsys.readouterr().err
    assert "程序内部错误" in err and "Traceback" not in err
    log_file = data_dir() / "logs" / "liaison-desk.log"
    assert "simulated bug" in log_file.read_text(encoding="utf-8")


def test_every_user_facing_error_is_a_problem_to_fix_not_a_bug(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No list of expected errors to keep: any UserFacingError (a new kind too) is printed as
    it is and exits with 1; the same command failing with anything else is a bug (exit 3)."""
    import liaison_desk.cli as cli
    from liaison_desk.errors import UserFacingError

    class ReportRefused(UserFacingError):
        pass

    def refused(_args: object) -> int:
        raise ReportRefused("这份报表不能生成：请先选择年度。")

    monkeypatch.setitem(cli._COMMANDS, "check", refused)
    assert main(["check", "--db", str(tmp_path / "x.sqlite")]) == EXIT_PROBLEM
    assert capsys.readouterr().err.strip() == "这份报表不能生成：请先选择年度。"


def test_the_installed_entry_point_never_prints_a_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00\x01garbage" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "liaison_desk", "check", "--db", str(junk)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == EXIT_PROBLEM
    assert "Traceback" not in result.stderr
    assert "数据库" in result.stderr


def test_demo_never_mixes_into_a_database_with_any_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even a database with only a group and no consultations is real work: demo refuses it."""
    from liaison_desk.domain.entities import LiaisonGroup
    from liaison_desk.services import ServiceContext, Services
    from liaison_desk.storage.database import Database

    real = tmp_path / "真实.sqlite"
    db = Database.open(f"sqlite:///{real}")
    Services(ServiceContext(db, None)).groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    db.close()
    before = table_dump(real)
    assert main(["demo", "--db", str(real)]) == EXIT_PROBLEM
    assert "已经有数据" in capsys.readouterr().err
    assert table_dump(real) == before


def test_demo_into_an_empty_file_replaces_it_whole(tmp_path: Path) -> None:
    empty = tmp_path / "空.sqlite"
    empty.write_bytes(b"")
    assert main(["demo", "--db", str(empty)]) == EXIT_OK
    assert table_dump(empty)["consultations"]


def test_check_of_an_empty_file_reports_it_and_leaves_it_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "空.sqlite"
    empty.write_bytes(b"")
    assert main(["check", "--db", str(empty)]) == EXIT_PROBLEM
    assert "是空的" in capsys.readouterr().err
    assert empty.stat().st_size == 0


def test_backup_never_overwrites_an_existing_file(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precious = tmp_path / "重要.zip"
    precious.write_bytes(b"an earlier backup")
    assert main(["backup", "--db", str(demo_db), "--out", str(precious)]) == EXIT_PROBLEM
    assert "已经存在" in capsys.readouterr().err
    assert precious.read_bytes() == b"an earlier backup"
    document = tmp_path / "重要.docx"
    assert main(["backup", "--db", str(demo_db), "--out", str(document)]) == EXIT_PROBLEM
    assert ".zip" in capsys.readouterr().err
    assert not document.exists()


def test_backup_with_missing_photos_warns_and_exits_non_zero(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = AttachmentStore.beside_database(demo_db)
    shutil.rmtree(store.root)  # the folder beside the database was not copied along
    archive = tmp_path / "备份.zip"
    assert main(["backup", "--db", str(demo_db), "--out", str(archive)]) == EXIT_PROBLEM
    captured = capsys.readouterr()
    assert archive.exists() and "备份完成" in captured.out
    assert "缺少" in captured.err and "liaison-desk check" in captured.err


def test_restore_refuses_while_the_database_is_open_elsewhere(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "备份.zip"
    assert main(["backup", "--db", str(demo_db), "--out", str(archive)]) == EXIT_OK
    from liaison_desk.storage.database import Database

    open_app = Database.open(f"sqlite:///{demo_db}")  # as an open window would hold it
    try:
        with open_app.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM consultations").fetchall()
            assert main(["restore", str(archive), "--db", str(demo_db)]) == EXIT_PROBLEM
    finally:
        open_app.close()
    assert "正被使用" in capsys.readouterr().err
    assert not (demo_db.parent / "备份").exists()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("foo://bar", "不支持"),
        ("postgresql+nosuchdriver://u@127.0.0.1:1/x", "不支持"),
        ("postgresql+pg8000://user:secret@127.0.0.1:1/x", "驱动"),
    ],
)
def test_a_bad_server_address_gets_a_clear_message_without_the_password(
    url: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", url]) == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert expected in err
    assert "secret" not in err and "Traceback" not in err


def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["restore", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "显示本帮助并退出" in out
    assert "usage" not in out and "options" not in out


def test_restore_refuses_while_a_window_has_the_database_open(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window's lock is checked before anything is touched (no safety backup either)."""
    from liaison_desk.instance_lock import InstanceLock

    archive = tmp_path / "备份.zip"
    assert main(["backup", "--db", str(demo_db), "--out", str(archive)]) == EXIT_OK
    before = sha(demo_db)
    window = InstanceLock(demo_db)
    assert window.acquire() is None
    try:
        assert main(["restore", str(archive), "--db", str(demo_db)]) == EXIT_PROBLEM
    finally:
        window.release()
    err = capsys.readouterr().err
    assert "正在联络组履职档案台中打开" in err and "本机的进程" in err
    assert sha(demo_db) == before
    assert not (demo_db.parent / "备份").exists()
    assert main(["restore", str(archive), "--db", str(demo_db)]) == EXIT_OK  # closed: it works


def test_usage_errors_are_wholly_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15, finding 11: "参数 --year: not allowed with 参数 --case" was half English."""
    with pytest.raises(SystemExit):
        main(["export-cases", "--year", "2024", "--case", "x", "--target", "t", "--out", "o"])
    err = capsys.readouterr().err
    assert "不能与" in err and "not allowed" not in err


def test_help_lines_up_and_wraps_by_display_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chinese takes two columns: help text starts in one column for every option and no line
    runs past the terminal; the commands are listed under one heading."""
    from liaison_desk.cli import display_width

    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(display_width(line) <= 100 for line in out.splitlines())
    assert "命令：\n  命令\n" not in out
    db_line = next(line for line in out.splitlines() if line.lstrip().startswith("--db"))
    version_line = next(line for line in out.splitlines() if line.lstrip().startswith("--version"))
    help_at = display_width(db_line[: db_line.index("要打开")])
    assert help_at == display_width(version_line[: version_line.index("显示版本号")])
