"""A database on read-only media (issue 12, finding 8): a write-protected USB stick or a CD of
last year's archive. Every reading command works, a change is refused with a clear message, and
nothing at all is written there (no -wal/-shm, no lock file, no thumbnails, no upgrade copy).

The medium is a real read-only bind mount (needs root; skipped with the reason elsewhere).
"""

from __future__ import annotations

import io
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, main
from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.instance_lock import InstanceLock
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.storage.errors import StorageError
from mounts import listing, read_only_view

NUMBER = "织里-2024-议-001"
CASE = "J012-WS·2024-Y-ZL-0001"


def _photo() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 40, 40)).save(buf, "JPEG")
    return buf.getvalue()


PHOTO = _photo()


@pytest.fixture(autouse=True)
def app(qapp: QApplication) -> QApplication:
    return qapp


def on_a_stick(demo_db: Path, tmp_path: Path) -> Path:
    """A folder of its own holding the demo database and its attachment folder."""
    stick = tmp_path / "U盘"
    stick.mkdir()
    store = AttachmentStore.beside_database(demo_db).root
    shutil.move(demo_db, stick / demo_db.name)
    shutil.move(store, stick / store.name)
    return stick


@pytest.fixture
def medium(demo_db: Path, tmp_path: Path) -> Iterator[Path]:
    """The demo database with its attachments and a submission package, seen read-only."""
    source = on_a_stick(demo_db, tmp_path)
    package = tmp_path / "报送包"
    package.mkdir()
    assert (
        main(
            [
                *("export-cases", "--db", str(source / demo_db.name), "--case", CASE),
                *("--target", "市政协", "--out", str(package)),
            ]
        )
        == EXIT_OK
    )
    for made in package.iterdir():
        shutil.move(made, source / "报送包.zip")
    with read_only_view(source, tmp_path / "光盘") as folder:
        yield folder


def test_every_reading_command_works_and_nothing_is_written_there(
    medium: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(medium / "示例.sqlite")
    out = tmp_path / "导出"
    out.mkdir()
    before = listing(medium)
    commands = [
        ["check", "--db", db],
        ["backup", "--db", db, "--out", str(out / "备份.zip")],
        ["print", "signin", "--number", NUMBER, "--out", str(out / "签到表.pdf"), "--db", db],
        ["print", "record", "--number", NUMBER, "--out", str(out / "记录表.pdf"), "--db", db],
        ["ledger", "--db", db, "export", "--year", "2024", "--out", str(out / "台账.xlsx")],
        ["case-doc", "--db", db, "--case", CASE, "--docx", str(out / "案例.docx")],
        ["case-doc", "--db", db, "--case", CASE, "--pdf", str(out / "案例.pdf")],
        ["verify", str(medium / "报送包.zip")],
        *(
            ["screenshot", "--db", db, "--page", page, "--out", str(out / f"{page}.png")]
            for page in ("工作台", "民生议事堂", "协商案例", "人员名册")
        ),
    ]
    for command in commands:
        code = main(command)
        captured = capsys.readouterr()
        assert code == EXIT_OK, (command, captured.err)
        assert "无法打开数据库" not in captured.err
    assert len(list(out.iterdir())) == 10
    assert listing(medium) == before  # no -wal, -shm, lock, thumbnail or any other file


def test_a_change_is_refused_with_what_to_do(medium: Path) -> None:
    db_file = medium / "示例.sqlite"
    before = listing(medium)
    db = Database.open(f"sqlite:///{db_file}")
    try:
        assert db.read_only == "medium"
        services = Services(ServiceContext(db, AttachmentStore.beside_database(db_file)))
        assert services.read_only
        assert len(services.groups.all()) > 1  # reading works
        with pytest.raises(StorageError) as caught:
            services.groups.save(LiaisonGroup(name="新联络组", town="新镇"))
        message = str(caught.value)
        assert "只读的磁盘" in message
        assert "可以查看、打印和导出，不能修改" in message
        assert "复制到电脑上一个可以写入的文件夹" in message
        assert "「示例-附件」文件夹" in message
        # A photo is refused the same way, before anything is written into its folder.
        consultation = services.consultations.search().items[0]
        with pytest.raises(StorageError, match="只读的磁盘"):
            services.attachments.add(PHOTO, "会场.jpg", consultation_id=consultation.id)
        with pytest.raises(StorageError, match="只读的磁盘"):
            services.attachments.store_file(PHOTO, "会场.jpg")
        # The window's lock goes to this PC's data folder, not beside the database.
        lock = InstanceLock(db_file)
        assert lock.acquire() is None
        lock.release()
    finally:
        db.close()
    assert listing(medium) == before


def test_exporting_a_package_which_records_the_submission_is_refused_cleanly(
    medium: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "报送"
    out.mkdir()
    before = listing(medium)
    args = ["export-cases", "--db", str(medium / "示例.sqlite"), "--case", CASE]
    assert main([*args, "--target", "市政协", "--out", str(out)]) == EXIT_PROBLEM
    assert "只读的磁盘" in capsys.readouterr().err
    assert list(out.iterdir()) == []
    assert listing(medium) == before


def test_an_older_database_on_read_only_media_is_refused_not_upgraded(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = on_a_stick(demo_db, tmp_path)
    conn = sqlite3.connect(stick / demo_db.name)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    with read_only_view(stick, tmp_path / "光盘") as medium:
        before = listing(medium)
        assert main(["check", "--db", str(medium / demo_db.name)]) == EXIT_PROBLEM
        message = capsys.readouterr().err
        assert "旧版本" in message and "只读的磁盘" in message
        assert "复制到电脑上一个可以写入的文件夹" in message
        assert listing(medium) == before  # no upgrade copy, nothing


def copied_while_open(folder: Path) -> Path:
    """A database copied with its -wal and -shm files while a program had it open: its last
    save is only in the -wal file."""
    live = folder.parent / "在用" / "档案.sqlite"
    live.parent.mkdir()
    db = Database.open(f"sqlite:///{live}")
    keeper = sqlite3.connect(live)  # holds the -wal open, so nothing is folded back
    try:
        keeper.execute("PRAGMA wal_autocheckpoint=0")
        keeper.execute("SELECT count(*) FROM liaison_groups").fetchone()
        Services(ServiceContext(db, None)).groups.save(
            LiaisonGroup(name="织里镇联络组", town="织里镇")
        )
        folder.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{live}{suffix}", folder / f"档案.sqlite{suffix}")
    finally:
        keeper.close()
        db.close()
    assert (folder / "档案.sqlite-wal").stat().st_size > 0
    return folder / "档案.sqlite"


def test_a_copy_with_its_wal_reads_the_last_save_or_says_what_to_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = copied_while_open(tmp_path / "U盘")
    with read_only_view(db_file.parent, tmp_path / "光盘") as medium:
        before = listing(medium)
        db = Database.open(f"sqlite:///{medium / db_file.name}")
        try:
            groups = Services(ServiceContext(db, None)).groups.all()
            assert [g.name for g in groups] == ["织里镇联络组"]  # the save in the -wal
        finally:
            db.close()
        assert listing(medium) == before
    (db_file.parent / "档案.sqlite-shm").unlink()
    with read_only_view(db_file.parent, tmp_path / "光盘") as medium:
        assert main(["check", "--db", str(medium / db_file.name)]) == EXIT_PROBLEM
        message = capsys.readouterr().err
        assert "-wal" in message and "只读的磁盘" in message
        assert "连同以 -wal 结尾的文件" in message
