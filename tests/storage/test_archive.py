"""The bounded ZIP reader shared by packages and backups (files.archive): budgets checked
before unpacking, bytes counted while unpacking, every failure a ZipRefused in Chinese; and a
backup whose ZIP lies is refused through it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from liaison_desk.files.archive import ZipLimits, ZipRefused, open_zip
from liaison_desk.storage.backup import BACKUP_LIMITS, read_backup, verify_backup
from liaison_desk.storage.errors import BackupError
from zip_crafting import RawEntry, deflated, deflated_entry, write_raw_zip

SMALL = ZipLimits(
    max_file_size=10 * 1024**2,
    max_entries=50,
    max_directory_size=64 * 1024,
    max_entry_size=1024**2,
    max_total_size=4 * 1024**2,
    max_ratio=50,
    max_total_ratio=10,
    ratio_floor=64 * 1024,
    total_ratio_floor=256 * 1024,
)


def test_a_plain_zip_within_budgets_unpacks(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("包/说明.txt", "你好")
        zf.writestr("包/子/数据.bin", bytes(range(256)) * 10)
    with open_zip(path, SMALL) as archive:
        written = archive.extract_all(tmp_path / "out")
    assert written == 2 + 3 * 2 + 2560 - 2  # "你好" is 6 bytes in UTF-8
    assert (tmp_path / "out" / "包" / "说明.txt").read_text(encoding="utf-8") == "你好"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["d/x", "d/x/y"], "既是文件又是文件夹"),
        (["d/" + "名" * 86 + "/a"], "太长"),
        (["d/A.txt", "d/a.TXT"], "重名"),
        (["d/../x"], ".."),
        (["d\\x"], "反斜杠"),
        (["C:/x"], "绝对路径"),
        (["d/x\x01y"], "控制字符"),
        (["d/NUL.txt"], "Windows"),
    ],
)
def test_unsafe_names_are_refused_before_unpacking(
    tmp_path: Path, names: list[str], expected: str
) -> None:
    path = write_raw_zip(tmp_path / "a.zip", [deflated_entry(n, b"x") for n in names])
    with pytest.raises(ZipRefused) as exc:
        open_zip(path, SMALL)
    assert not exc.value.unpacking
    assert any(expected in p.message for p in exc.value.problems), exc.value.problems


def test_too_many_entries_are_refused_from_the_end_record(tmp_path: Path) -> None:
    path = write_raw_zip(tmp_path / "a.zip", [deflated_entry(f"d/{n}", b"") for n in range(60)])
    with pytest.raises(ZipRefused, match="60 个条目"):
        open_zip(path, SMALL)


def test_many_small_bombs_are_refused_by_the_total_ratio(tmp_path: Path) -> None:
    data, crc, size = deflated(b"\0" * 60 * 1024)  # each under ratio_floor: not judged alone
    entries = [RawEntry(f"d/{n}", data, size, crc) for n in range(40)]
    path = write_raw_zip(tmp_path / "a.zip", entries)
    with pytest.raises(ZipRefused, match="压缩炸弹"):
        open_zip(path, SMALL)


def test_a_member_producing_more_than_declared_is_stopped(tmp_path: Path) -> None:
    data, crc, _ = deflated(b"\0" * 200_000)
    path = write_raw_zip(tmp_path / "a.zip", [RawEntry("d/x", data, 1000, crc)])
    with open_zip(path, SMALL) as archive, pytest.raises(ZipRefused) as exc:
        archive.extract_all(tmp_path / "out")
    assert exc.value.unpacking
    assert (tmp_path / "out" / "d" / "x").stat().st_size <= 1000


def test_backups_are_read_through_the_same_reader(tmp_path: Path) -> None:
    """A backup whose database entry declares 2 GB packed in a few KB (beyond what DEFLATE can
    do) is refused before anything is unpacked, with a backup's message."""
    data, crc, _ = deflated(b"\0" * 1024**2)
    entries = [
        deflated_entry("manifest.json", b"{}"),
        RawEntry("database.sqlite", data, 2 * 1024**3, crc),
    ]
    path = write_raw_zip(tmp_path / "备份.zip", entries)
    for read in (read_backup, verify_backup):
        with pytest.raises(BackupError, match="压缩炸弹"):
            read(path)
    assert BACKUP_LIMITS.max_ratio > 1032  # never refuses what DEFLATE can really produce


def test_a_backup_with_a_file_and_folder_of_one_name_is_refused(tmp_path: Path) -> None:
    entries = [deflated_entry("attachments/x", b"a"), deflated_entry("attachments/x/y", b"b")]
    path = write_raw_zip(tmp_path / "备份.zip", entries)
    with pytest.raises(BackupError, match="既是文件又是文件夹"):
        read_backup(path)


def test_a_damaged_entry_and_a_damaged_zip_are_told_in_chinese(tmp_path: Path) -> None:
    """A package with one byte changed (issue 17's tampered package) is refused in Chinese:
    zipfile's own English ("Bad CRC-32 for file …", "File is not a zip file") is not shown."""
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("包/数据.bin", b"0123456789" * 100)
    data = bytearray(path.read_bytes())
    data[data.index(b"0123456789") + 5] ^= 1
    path.write_bytes(bytes(data))
    with open_zip(path, SMALL) as archive, pytest.raises(ZipRefused) as refused:
        archive.extract_all(tmp_path / "out")
    text = str(refused.value)
    assert "已损坏" in text and "校验值不符" in text
    assert "CRC" not in text and "Bad" not in text

    not_zip = tmp_path / "b.zip"
    not_zip.write_bytes(b"PK\x03\x04" + b"x" * 200)
    with pytest.raises(ZipRefused) as refused:
        open_zip(not_zip, SMALL)
    assert "已损坏" in str(refused.value) and "zip file" not in str(refused.value)
