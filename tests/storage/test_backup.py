"""Backups are one ZIP that restores the same rows and files; a bad backup is refused before the
current data is touched; a restore keeps a safety backup that itself restores."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import types
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from PIL import Image

from liaison_desk import __version__
from liaison_desk.domain.entities import (
    Case,
    HeadCount,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Person,
)
from liaison_desk.domain.enums import (
    CaseStatus,
    ConsultationKind,
    OutcomeStatus,
    ParticipantCategory,
)
from liaison_desk.progress import Cancelled
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.backup import (
    BACKUP_FORMAT,
    create_backup,
    read_backup,
    verify_backup,
)
from liaison_desk.storage.database import Database, head_revision
from liaison_desk.storage.errors import BackupError
from liaison_desk.storage.integrity import check_database
from liaison_desk.storage.restore import restore_backup
from liaison_desk.storage.search_index import is_engine_structure
from progress_fakes import FakeProgress

CJK = re.compile(r"[\u4e00-\u9fff]")


# ------------------------------------------------------------------------------ sample data


def make_photo(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buf, "JPEG")
    return buf.getvalue()


@dataclass
class Sample:
    db_file: Path
    db: Database
    store: AttachmentStore
    services: Services
    group_id: int


def open_sample(db_file: Path) -> Sample:
    db = Database.open(f"sqlite:///{db_file}")
    store = AttachmentStore.beside_database(db_file)
    sv = Services(ServiceContext(db, store, clock=lambda: datetime(2024, 6, 1, 9, 30)))
    groups = sv.groups.all()
    return Sample(db_file, db, store, sv, groups[0].id if groups and groups[0].id else 0)


def build_sample(db_file: Path) -> Sample:
    s = open_sample(db_file)
    sv = s.services
    g = sv.groups.save(
        LiaisonGroup(name="织里镇联络组", town="织里镇", fonds_code="J012", org_code="ZL")
    )
    assert g.id is not None
    s.group_id = g.id
    sv.people.save(Person(name="李委员", category=ParticipantCategory.MEMBER, group_id=g.id))
    sv.people.save(Person(name="张三", category=ParticipantCategory.RESIDENT, group_id=g.id))
    c = sv.consultations.new(ConsultationKind.HALL, g.id)
    c.title, c.venue, c.held_on = "老旧小区加装电梯", "织里镇民生议事堂", date(2024, 3, 5)
    c.participants = [
        Participant(name="张三", category=ParticipantCategory.RESIDENT),
        Participant(name="李委员", category=ParticipantCategory.MEMBER),
    ]
    c.head_counts = [HeadCount(category=ParticipantCategory.RESIDENT, count=12)]
    c.outcome_items = [
        OutcomeItem(content="增设路灯", status=OutcomeStatus.SOLVED, resolved_on=date(2024, 4, 1)),
        OutcomeItem(content="修缮道路", deadline=date(2024, 5, 1)),
    ]
    hall = sv.consultations.save(c)
    m = sv.consultations.new(ConsultationKind.MICRO, g.id)
    m.title, m.venue, m.held_on = "菜场门口停车难", "东港社区", date(2024, 4, 10)
    m.outcome_items = [OutcomeItem(content="划定临时停车位")]
    sv.consultations.save(m)
    sv.attachments.add(make_photo((200, 30, 30)), "会场全景.jpg", consultation_id=hall.id)
    sv.attachments.add(make_photo((30, 200, 30)), "签到表.jpg", consultation_id=hall.id)
    case = sv.cases.save(
        Case(group_id=g.id, year=2024, title="加装电梯惠民生", status=CaseStatus.FINAL)
    )
    sv.attachments.add(make_photo((30, 30, 200)), "案例封面.jpg", case_id=case.id)
    return s


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Sample]:
    s = build_sample(tmp_path / "数据" / "档案.sqlite")
    yield s
    s.db.close()


@pytest.fixture
def backup(sample: Sample, tmp_path: Path) -> Path:
    out = tmp_path / "备份.zip"
    create_backup(sample.db, sample.store, out)
    return out


# ---------------------------------------------------------------------------------- helpers


def dump(db_file: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    conn = sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if not is_engine_structure(r[0])  # FTS5's own tables can't be read row by row
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rewrite_zip(source: Path, dest: Path, change: dict[str, bytes | None]) -> None:
    """Copy a ZIP, replacing (or with None dropping) the named members; new names are added."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            if info.filename in change:
                data = change.pop(info.filename)
                if data is not None:
                    zout.writestr(info.filename, data)
            else:
                zout.writestr(info, zin.read(info))
        for name, data in change.items():
            if data is not None:
                zout.writestr(name, data)


def manifest_of(archive: Path) -> dict[str, Any]:
    with zipfile.ZipFile(archive) as zf:
        result: dict[str, Any] = json.loads(zf.read("manifest.json"))
        return result


class Recorder:
    """A progress callback that keeps every call and never cancels."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int, message: str = "", /) -> None:
        self.calls.append((done, total))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or "恢复" in p.name)


# ----------------------------------------------------------------------------------- backup


def test_backup_holds_manifest_database_and_attachments(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "备份.zip"
    info = create_backup(sample.db, sample.store, out)
    hashes = sample.store.all_hashes()
    assert len(hashes) == 3
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert zf.testzip() is None
        db_bytes = zf.read("database.sqlite")
    assert names == {"manifest.json", "database.sqlite", *(f"attachments/{h}" for h in hashes)}
    assert db_bytes.startswith(b"SQLite format 3\x00")
    manifest = manifest_of(out)
    assert manifest["format"] == BACKUP_FORMAT == info.format
    assert manifest["app_version"] == __version__ == info.app_version
    assert manifest["revision"] == head_revision() == info.revision
    assert manifest["database_sha256"] == hashlib.sha256(db_bytes).hexdigest()
    assert {e["sha256"] for e in manifest["attachments"]} == hashes
    assert info.attachments == 3
    assert info.damaged_attachments == ()
    assert read_backup(out) == info
    assert verify_backup(out) == info
    assert not out.with_name(out.name + ".part").exists()


def test_backup_reports_progress_in_bytes(sample: Sample, tmp_path: Path) -> None:
    recorder = Recorder()
    create_backup(sample.db, sample.store, tmp_path / "b.zip", recorder)
    calls = recorder.calls
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1] > 0
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_cancelled_backup_leaves_nothing(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "备份.zip"
    with pytest.raises(Cancelled):
        create_backup(sample.db, sample.store, out, FakeProgress(when=lambda d, _t: d > 0))
    assert not out.exists()
    assert not out.with_name(out.name + ".part").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["数据"]


def test_backup_refuses_a_missing_folder(sample: Sample, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="不存在") as exc:
        create_backup(sample.db, sample.store, tmp_path / "没有这个文件夹" / "b.zip")
    assert CJK.search(str(exc.value))


def test_backup_refuses_a_folder_as_the_file(sample: Sample, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="文件夹"):
        create_backup(sample.db, sample.store, tmp_path)


def test_backup_refuses_a_server_database(tmp_path: Path) -> None:
    server = cast(Database, types.SimpleNamespace(is_sqlite=False, file=None))
    with pytest.raises(BackupError, match="pg_dump"):
        create_backup(server, None, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def test_damaged_store_file_is_left_out_and_reported(sample: Sample, tmp_path: Path) -> None:
    bad = sorted(sample.store.all_hashes())[0]
    sample.store.path_of(bad).write_bytes(b"not the photo any more")
    out = tmp_path / "b.zip"
    info = create_backup(sample.db, sample.store, out)
    assert info.damaged_attachments == (bad,)
    assert info.attachments == 2
    with zipfile.ZipFile(out) as zf:
        assert f"attachments/{bad}" not in zf.namelist()
    verify_backup(out)  # still a consistent, restorable backup


# ---------------------------------------------------------------------------------- restore


def test_restore_into_an_empty_folder_reproduces_everything(
    sample: Sample, backup: Path, tmp_path: Path
) -> None:
    target = tmp_path / "新电脑" / "档案.sqlite"
    recorder = Recorder()
    assert restore_backup(backup, target, recorder) is None
    steps = recorder.calls
    assert dump(target) == dump(sample.db_file)
    restored_store = AttachmentStore.beside_database(target)
    assert restored_store.all_hashes() == sample.store.all_hashes()
    assert steps[-1][0] == steps[-1][1]
    assert leftovers(target.parent) == []
    assert not (target.parent / "备份").exists()

    restored = open_sample(target)
    try:
        report = check_database(restored.db, restored.store)
        assert report.healthy, report.render()
        assert restored.services.consultations.search().total == 2
    finally:
        restored.db.close()


def test_restore_over_existing_data_keeps_a_safety_backup(
    sample: Sample, backup: Path, tmp_path: Path
) -> None:
    before = dump(sample.db_file)
    # Work goes on after the backup: a new group and a photo.
    sample.services.groups.save(LiaisonGroup(name="龙泉街道联络组", town="龙泉街道"))
    sample.services.attachments.add(make_photo((9, 9, 9)), "新照片.jpg")
    later = dump(sample.db_file)
    later_hashes = sample.store.all_hashes()
    assert later != before
    sample.db.close()

    safety = restore_backup(backup, sample.db_file)
    assert safety is not None
    assert safety.parent == sample.db_file.parent / "备份"
    assert safety.name.startswith("恢复前自动备份-")
    assert safety.suffix == ".zip"
    assert dump(sample.db_file) == before
    # Files are only ever added by a restore, never taken away.
    assert sample.store.all_hashes() == later_hashes
    assert leftovers(sample.db_file.parent) == []

    # The safety backup brings back the data as it was just before the restore.
    second = restore_backup(safety, sample.db_file)
    assert second is not None and second != safety
    assert dump(sample.db_file) == later
    Database.open(f"sqlite:///{sample.db_file}").close()


def test_restore_of_an_older_revision_is_upgraded(
    sample: Sample, backup: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.zip"
    work = tmp_path / "old.sqlite"
    with zipfile.ZipFile(backup) as zf:
        work.write_bytes(zf.read("database.sqlite"))
    # A backup made by an older version: the same records at revision 0002 (before the search
    # index and the catalogue's dates), taken down by the migrations themselves. Restoring it
    # upgrades it, and every participant, speech and item must come through (a table rebuilt
    # with foreign keys on would have lost them).
    from alembic import command
    from sqlalchemy import create_engine

    from liaison_desk.storage.database import migrations_config

    engine = create_engine(f"sqlite:///{work}")
    with engine.begin() as conn:
        command.downgrade(migrations_config(conn), "0002")
    engine.dispose()
    data = work.read_bytes()
    manifest = manifest_of(backup)
    manifest.update(
        revision="0002", database_sha256=hashlib.sha256(data).hexdigest(), database_size=len(data)
    )
    rewrite_zip(
        backup, old, {"database.sqlite": data, "manifest.json": json.dumps(manifest).encode()}
    )
    assert read_backup(old).revision == "0002"

    target = tmp_path / "新电脑" / "档案.sqlite"
    restore_backup(old, target)
    restored, original = dump(target), dump(sample.db_file)
    assert restored.pop("alembic_version") == [(head_revision(),)]
    original.pop("alembic_version")
    assert restored == original
    # Database.open kept its own copy of the file before upgrading it.
    assert [p.name for p in target.parent.glob("档案.升级前备份-0002-*")]


def test_restore_over_a_damaged_database_keeps_its_raw_file(sample: Sample, backup: Path) -> None:
    before = dump(sample.db_file)
    sample.db.close()
    garbage = b"SQLite format 3\x00" + b"\xab" * 8000
    sample.db_file.write_bytes(garbage)
    safety = restore_backup(backup, sample.db_file)
    assert safety is not None
    assert safety.read_bytes() == garbage
    assert dump(sample.db_file) == before


def test_restore_can_be_cancelled_while_checking(sample: Sample, backup: Path) -> None:
    sample.db.close()
    before = file_sha(sample.db_file)
    with pytest.raises(Cancelled):
        restore_backup(backup, sample.db_file, FakeProgress(when=lambda d, _t: d > 0))
    assert file_sha(sample.db_file) == before
    assert leftovers(sample.db_file.parent) == []
    assert not (sample.db_file.parent / "备份").exists()


def test_restore_can_be_cancelled_during_the_safety_backup(sample: Sample, backup: Path) -> None:
    sample.db.close()
    before = file_sha(sample.db_file)
    with zipfile.ZipFile(backup) as zf:
        checked = sum(i.file_size for i in zf.infolist() if i.filename != "manifest.json")
    with pytest.raises(Cancelled):
        restore_backup(backup, sample.db_file, FakeProgress(when=lambda d, _t: d > checked))
    assert file_sha(sample.db_file) == before
    assert leftovers(sample.db_file.parent) == []
    assert not (sample.db_file.parent / "备份").exists()
    assert sorted(p.name for p in sample.db_file.parent.iterdir()) == ["档案-附件", "档案.sqlite"]


# ------------------------------------------------------------------------- refused backups


def _truncated(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "被截断.zip"
    data = backup.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    return bad


def _not_a_zip(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "照片.zip"
    bad.write_bytes(make_photo((1, 2, 3)))
    return bad


def _evil_member(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "evil.zip"
    rewrite_zip(backup, bad, {"../evil": b"boo"})
    return bad


def _altered_database(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "altered.zip"
    with zipfile.ZipFile(backup) as zf:
        db = bytearray(zf.read("database.sqlite"))
    db[-100] ^= 0xFF
    rewrite_zip(backup, bad, {"database.sqlite": bytes(db)})
    return bad


def with_database_changed(backup: Path, dest: Path, *statements: str) -> Path:
    """A copy of ``backup`` whose database had ``statements`` run on it (foreign keys off, as
    another program or a damaged disk could), with a manifest that matches: every checksum
    right, so only the checks of the data itself can tell."""
    work = dest.with_suffix(".sqlite")
    with zipfile.ZipFile(backup) as zf:
        work.write_bytes(zf.read("database.sqlite"))
    conn = sqlite3.connect(work)
    conn.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    data = work.read_bytes()
    manifest = manifest_of(backup)
    manifest.update(database_sha256=hashlib.sha256(data).hexdigest(), database_size=len(data))
    rewrite_zip(
        backup, dest, {"database.sqlite": data, "manifest.json": json.dumps(manifest).encode()}
    )
    return dest


def _dangling_outcome_item(backup: Path, tmp_path: Path) -> Path:
    """Finding 9 of issue 12: an outcome item pointing at a consultation that is not there."""
    return with_database_changed(
        backup,
        tmp_path / "dangling.zip",
        "UPDATE outcome_items SET consultation_id = 9999 WHERE id = (SELECT min(id) FROM outcome_items)",
    )


def _wrong_totals(backup: Path, tmp_path: Path) -> Path:
    return with_database_changed(
        backup, tmp_path / "totals.zip", "UPDATE consultations SET suggestion_count = 99"
    )


def _newer_revision(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "newer.zip"
    work = tmp_path / "newer.sqlite"
    with zipfile.ZipFile(backup) as zf:
        work.write_bytes(zf.read("database.sqlite"))
    conn = sqlite3.connect(work)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    data = work.read_bytes()
    manifest = manifest_of(backup)
    manifest.update(
        revision="9999",
        database_sha256=hashlib.sha256(data).hexdigest(),
        database_size=len(data),
    )
    rewrite_zip(
        backup,
        bad,
        {"database.sqlite": data, "manifest.json": json.dumps(manifest).encode()},
    )
    return bad


def _newer_database_only(backup: Path, tmp_path: Path) -> Path:
    """The manifest still says head: the database itself must be checked too."""
    bad = _newer_revision(backup, tmp_path)
    manifest = manifest_of(bad)
    manifest["revision"] = head_revision()
    fixed = tmp_path / "newer-db.zip"
    rewrite_zip(bad, fixed, {"manifest.json": json.dumps(manifest).encode()})
    return fixed


def _attachment_swapped(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "swapped.zip"
    with zipfile.ZipFile(backup) as zf:
        name = next(n for n in zf.namelist() if n.startswith("attachments/"))
        photo = bytearray(zf.read(name))
    photo[-10] ^= 0xFF  # same size, different content
    rewrite_zip(backup, bad, {name: bytes(photo)})
    return bad


def _attachment_dropped(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "dropped.zip"
    with zipfile.ZipFile(backup) as zf:
        name = next(n for n in zf.namelist() if n.startswith("attachments/"))
    rewrite_zip(backup, bad, {name: None})
    return bad


def _no_manifest(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "no-manifest.zip"
    rewrite_zip(backup, bad, {"manifest.json": None})
    return bad


def _future_format(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "future.zip"
    manifest = manifest_of(backup)
    manifest["format"] = BACKUP_FORMAT + 1
    rewrite_zip(backup, bad, {"manifest.json": json.dumps(manifest).encode()})
    return bad


def _absolute_member(backup: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "absolute.zip"
    rewrite_zip(backup, bad, {"/etc/evil": b"boo"})
    return bad


@pytest.mark.parametrize(
    ("make_bad", "expected"),
    [
        (_truncated, "不是有效的备份文件，或文件不完整（可能复制时中断）。请换一个备份文件。"),
        (_not_a_zip, "不是有效的备份文件"),
        (_evil_member, "不安全的路径「../evil」"),
        (_absolute_member, "不安全的路径"),
        (_altered_database, "校验值不符"),
        (_newer_revision, "升级到最新版本"),
        (_newer_database_only, "升级到最新版本"),
        (_attachment_swapped, "内容与校验值不符"),
        (_attachment_dropped, "附件与备份说明不一致"),
        (_no_manifest, "没有备份说明"),
        (_future_format, "升级到最新版本"),
        (_dangling_outcome_item, "有 1 条意见建议指向不存在的协商活动"),
        (_wrong_totals, "统计数字与明细不一致"),
    ],
)
def test_bad_backup_is_refused_and_current_data_untouched(
    sample: Sample,
    backup: Path,
    tmp_path: Path,
    make_bad: Any,
    expected: str,
) -> None:
    bad: Path = make_bad(backup, tmp_path)
    sample.db.close()
    before = file_sha(sample.db_file)
    hashes = sample.store.all_hashes()
    with pytest.raises(BackupError) as exc:
        restore_backup(bad, sample.db_file)
    message = str(exc.value)
    assert expected in message
    assert CJK.search(message)
    assert file_sha(sample.db_file) == before
    assert sample.store.all_hashes() == hashes
    assert leftovers(sample.db_file.parent) == []
    assert not (sample.db_file.parent / "备份").exists()
    with pytest.raises(BackupError):
        verify_backup(bad)


def test_bad_backup_into_an_empty_folder_leaves_no_folder(backup: Path, tmp_path: Path) -> None:
    target = tmp_path / "新电脑" / "档案.sqlite"
    with pytest.raises(BackupError):
        restore_backup(_altered_database(backup, tmp_path), target)
    assert not target.parent.exists()


def test_missing_backup_file(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="找不到备份文件"):
        read_backup(tmp_path / "没有.zip")


def test_a_backup_that_check_would_find_broken_is_refused_from_the_command_line(
    sample: Sample, backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from liaison_desk.cli import EXIT_PROBLEM, main

    bad = _dangling_outcome_item(backup, tmp_path)
    sample.db.close()
    before = file_sha(sample.db_file)
    assert main(["restore", str(bad), "--db", str(sample.db_file)]) == EXIT_PROBLEM
    message = capsys.readouterr().err
    assert "有 1 条意见建议指向不存在的协商活动" in message
    assert "这份备份不能恢复；请选择另一份备份" in message
    assert "当前数据没有被改动" in message
    assert "liaison-desk restore" not in message  # no advice to restore from inside a refusal
    assert file_sha(sample.db_file) == before
    assert not (sample.db_file.parent / "备份").exists()
