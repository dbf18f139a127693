"""Submission packages without a database: a small package written with write_package, then
verified as it is and after each kind of tampering a recipient may meet."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import struct
import subprocess
import sys
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import bagit
import pytest
from PIL import Image

from liaison_desk.documents.package import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PACKAGE_JSON,
    PackageError,
    PayloadFile,
    safe_file_name,
    write_json,
    write_package,
    write_text,
)
from liaison_desk.documents.package_check import VerifyReport, verify_package
from liaison_desk.progress import Cancelled
from progress_fakes import FakeProgress

BAG = "吴兴区政协-织里镇联络组-2024-协商案例报送-20250110"
CASE = "cases/0001-助力青年返乡"
PHOTO = f"{CASE}/照片/01-返乡青年与委员面对面.jpg"


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(buf, "JPEG")
    return buf.getvalue()


def _package_doc() -> dict[str, object]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "files": {"readme": "说明.txt"},
        "cases": [
            {
                "uuid": str(uuid.uuid4()),
                "revision": 3,
                "title": "助力青年返乡",
                "folder": CASE,
                "files": {"pdf": f"{CASE}/案例.pdf"},
                "consultations": [],
                "photos": [{"uuid": str(uuid.uuid4()), "revision": 1, "file": PHOTO}],
            }
        ],
        "consultations": [],
        "counts": {"cases": 1, "consultations": 0, "outcome_items": 0, "photos": 1},
    }


def _payload(doc: dict[str, object] | None = None) -> list[PayloadFile]:
    jpeg = _jpeg()
    return [
        PayloadFile("说明.txt", write_text("协商案例报送包说明\n本包收录案例 1 篇。\n")),
        PayloadFile(f"{CASE}/案例.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n% test\n")),
        PayloadFile(PHOTO, lambda p: p.write_bytes(jpeg)),
        PayloadFile(PACKAGE_JSON, write_json(doc or _package_doc())),
    ]


INFO = {
    "Source-Organization": "吴兴区政协",
    "Contact-Name": "姚霞琴",
    "Contact-Phone": "0572-2389079",
    "External-Description": "报送“市政协优秀协商案例征集”的协商案例 1 篇",
}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return write_package(BAG, INFO, _payload(), out / f"{BAG}.zip").path


def _rewrite(
    source: Path,
    dest: Path,
    edit: Callable[[dict[str, bytes]], object],
    extra: Callable[[zipfile.ZipFile], None] | None = None,
) -> Path:
    """A copy of the ZIP with members changed by ``edit`` (name -> bytes; folders skipped)."""
    with zipfile.ZipFile(source) as zf:
        members = {zi.filename: zf.read(zi) for zi in zf.infolist() if not zi.is_dir()}
    edit(members)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if extra is not None:
            extra(zf)
    return dest


def _problems(report: VerifyReport) -> str:
    return "\n".join(str(p) for p in report.problems)


# --- writing -----------------------------------------------------------------------------------


def test_the_package_is_a_valid_bag_in_a_zip_with_chinese_names(
    package: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
        assert all(n.startswith(f"{BAG}/") for n in names)
        # Non-ASCII names carry the UTF-8 flag, so Windows Explorer and unzip show them.
        assert all(zi.flag_bits & 0x800 for zi in zf.infolist() if not zi.filename.isascii())
        assert f"{BAG}/data/{PHOTO}" in names
        zf.extractall(tmp_path / "x")
    bag = bagit.Bag(str(tmp_path / "x" / BAG))
    assert bag.validate()
    assert bag.version_info == (1, 0)
    assert bag.info["Source-Organization"] == "吴兴区政协"
    assert bag.info["Contact-Name"] == "姚霞琴"
    assert bag.info["Bag-Count"] == "1 of 1"
    assert "联络组履职档案台" in bag.info["Bag-Software-Agent"]
    assert bag.info["Payload-Oxum"].endswith(".4")
    readme = (tmp_path / "x" / BAG / "data" / "说明.txt").read_bytes()
    assert readme.startswith(b"\xef\xbb\xbf") and b"\r\n" in readme  # Notepad-friendly


def test_the_package_verifies(package: Path) -> None:
    report = verify_package(package)
    assert report.ok, report.render()
    assert report.bag_name == BAG
    assert report.files == 4
    assert "校验通过" in report.render()
    assert report.sha256 and report.sha256 in report.render()


@pytest.mark.skipif(shutil.which("unzip") is None, reason="needs Info-ZIP unzip")
def test_linux_unzip_lists_the_chinese_names(package: Path) -> None:
    listing = subprocess.run(
        ["unzip", "-l", str(package)],
        capture_output=True,
        check=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    ).stdout.decode("utf-8")
    assert f"{BAG}/data/{PHOTO}" in listing


def test_an_independent_validator_accepts_the_bag(package: Path, tmp_path: Path) -> None:
    """bagit.py's command line, in its own process, on the unpacked bag."""
    with zipfile.ZipFile(package) as zf:
        zf.extractall(tmp_path / "x")
    tool = Path(sys.executable).with_name("bagit.py")
    command = [str(tool)] if tool.exists() else [sys.executable, "-m", "bagit"]
    done = subprocess.run(
        [*command, "--validate", str(tmp_path / "x" / BAG)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "is valid" in done.stderr


def test_an_existing_file_is_not_overwritten(package: Path) -> None:
    with pytest.raises(PackageError, match="已经存在"):
        write_package(BAG, INFO, _payload(), package)


def test_a_missing_folder_is_refused_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="不存在"):
        write_package(BAG, INFO, _payload(), tmp_path / "没有" / "包.zip")


@pytest.mark.parametrize("stop_at", [1, 3, 6, 11])
def test_a_cancelled_export_leaves_nothing(tmp_path: Path, stop_at: int) -> None:
    """Cancelled while writing the payload, bagging or zipping: no ZIP, no temporary file, no
    working folder."""
    out = tmp_path / "out"
    out.mkdir()
    progress = FakeProgress(cancel_at=stop_at)
    with pytest.raises(Cancelled):
        write_package(BAG, INFO, _payload(), out / "包.zip", progress=progress)
    assert len(progress.calls) == stop_at
    assert list(out.iterdir()) == []


def test_a_failing_writer_leaves_nothing(tmp_path: Path) -> None:
    def broken(dest: Path) -> None:
        dest.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(PackageError, match="磁盘空间不足"):
        write_package(BAG, INFO, [*_payload(), PayloadFile("坏.pdf", broken)], tmp_path / "包.zip")
    assert list(tmp_path.iterdir()) == []


def test_safe_file_name_keeps_chinese_and_removes_what_windows_forbids() -> None:
    assert safe_file_name("清“顽疾”守护烟火气") == "清“顽疾”守护烟火气"
    assert safe_file_name('问题: 谁? <a>/b\\c|d*"e"') == "问题： 谁？ ＜a＞／b＼c｜d＊＂e＂"
    assert safe_file_name("  ..名字.. ") == "名字"
    assert safe_file_name("CON") == "_CON"
    assert safe_file_name("nul.txt") == "_nul.txt"
    assert safe_file_name("") == "未命名"
    assert safe_file_name("a\tb\nc") == "a b c"
    assert safe_file_name("字" * 100, max_length=40) == "字" * 40
    decomposed = "e\u0301"  # é as two code points
    assert safe_file_name(decomposed) == "\u00e9"


def test_unsafe_payload_paths_are_a_programming_error(tmp_path: Path) -> None:
    for bad in ("../x.txt", "/abs.txt", "a/b?.txt"):
        with pytest.raises(ValueError):
            write_package(BAG, INFO, [PayloadFile(bad, write_text("x"))], tmp_path / "p.zip")


# --- tampering ---------------------------------------------------------------------------------


def test_a_changed_byte_in_a_photo_is_named(package: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, bytes]) -> None:
        data = bytearray(m[f"{BAG}/data/{PHOTO}"])
        data[len(data) // 2] ^= 0xFF
        m[f"{BAG}/data/{PHOTO}"] = bytes(data)

    report = verify_package(_rewrite(package, tmp_path / "t.zip", edit))
    assert not report.ok
    assert report.problems[0].file == f"{BAG}/data/{PHOTO}"
    assert "校验值不符" in report.problems[0].message


def test_a_missing_file_is_named(package: Path, tmp_path: Path) -> None:
    report = verify_package(
        _rewrite(package, tmp_path / "t.zip", lambda m: m.pop(f"{BAG}/data/{CASE}/案例.pdf"))
    )
    assert not report.ok
    assert any(
        p.file == f"{BAG}/data/{CASE}/案例.pdf" and "缺少" in p.message for p in report.problems
    ), _problems(report)


def test_an_extra_file_is_named(package: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, bytes]) -> None:
        m[f"{BAG}/data/{CASE}/照片/99-多出来.jpg"] = _jpeg()

    report = verify_package(_rewrite(package, tmp_path / "t.zip", edit))
    assert not report.ok
    assert any(
        p.file.endswith("99-多出来.jpg") and "多出来" in p.message for p in report.problems
    ), _problems(report)


def test_an_extra_file_beside_the_payload_is_named(package: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, bytes]) -> None:
        m[f"{BAG}/readme.exe"] = b"MZ"

    report = verify_package(_rewrite(package, tmp_path / "t.zip", edit))
    assert [p.file for p in report.problems] == [f"{BAG}/readme.exe"]


def test_an_edited_manifest_is_named(package: Path, tmp_path: Path) -> None:
    """Someone swapped a photo and wrote its new checksum into the manifest: the tag manifest
    catches the edited manifest."""
    photo = f"{BAG}/data/{PHOTO}"

    def edit(m: dict[str, bytes]) -> None:
        import hashlib

        old = hashlib.sha256(m[photo]).hexdigest()
        m[photo] = m[photo] + b"\0"
        new = hashlib.sha256(m[photo]).hexdigest()
        manifest = f"{BAG}/manifest-sha256.txt"
        m[manifest] = m[manifest].replace(old.encode(), new.encode())

    report = verify_package(_rewrite(package, tmp_path / "t.zip", edit))
    assert not report.ok
    assert any(
        p.file == f"{BAG}/manifest-sha256.txt" and "清单文件被改动" in p.message
        for p in report.problems
    ), _problems(report)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        (f"{BAG}/../逃出去.txt", ".."),
        ("/etc/cron.d/evil", "绝对路径"),
        ("C:/Windows/evil.dll", "绝对路径"),
        (f"{BAG}\\..\\evil.txt", "反斜杠"),
    ],
)
def test_unsafe_paths_are_refused_before_unpacking(
    package: Path, tmp_path: Path, name: str, reason: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    tampered = _rewrite(package, tmp_path / "t.zip", lambda m: m.__setitem__(name, b"x"))
    report = verify_package(tampered, work_dir=work)
    assert not report.ok
    assert any(p.file == name and reason in p.message for p in report.problems), _problems(report)
    assert "没有解压" in report.render()
    assert list(work.iterdir()) == []  # nothing unpacked (and the temporary folder is gone)
    assert not (tmp_path / "逃出去.txt").exists()


def test_a_symbolic_link_is_refused(package: Path, tmp_path: Path) -> None:
    def add_link(zf: zipfile.ZipFile) -> None:
        zi = zipfile.ZipInfo(f"{BAG}/data/link")
        zi.create_system = 3
        zi.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(zi, "/etc/passwd")

    report = verify_package(_rewrite(package, tmp_path / "t.zip", lambda m: None, add_link))
    assert not report.ok
    assert any(p.file == f"{BAG}/data/link" and "符号链接" in p.message for p in report.problems)


def _patch_sizes(path: Path, member: str, size: int) -> None:
    """Overwrite the uncompressed size of ``member`` in its local header and in the central
    directory (a header that lies)."""
    data = bytearray(path.read_bytes())
    encoded = member.encode("utf-8")
    local = data.find(b"PK\x03\x04" + b"")
    while local != -1:
        name_len = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30 : local + 30 + name_len] == encoded:
            struct.pack_into("<I", data, local + 22, size)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == encoded:
            struct.pack_into("<I", data, central + 24, size)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_a_zip_bomb_declaring_gigabytes_is_refused_before_unpacking(
    package: Path, tmp_path: Path
) -> None:
    name = f"{BAG}/data/炸弹.bin"
    tampered = _rewrite(package, tmp_path / "t.zip", lambda m: m.__setitem__(name, b"\0" * 1000))
    _patch_sizes(tampered, name, 4_200_000_000)
    work = tmp_path / "work"
    work.mkdir()
    report = verify_package(tampered, work_dir=work)
    assert not report.ok
    assert "压缩炸弹" in report.render()
    assert list(work.iterdir()) == []


def test_a_zip_bomb_of_highly_compressed_zeros_is_refused(package: Path, tmp_path: Path) -> None:
    """64 MB of zeros packed into about 64 KB: refused by its ratio, never unpacked."""
    name = f"{BAG}/data/零.bin"

    def add_zeros(zf: zipfile.ZipFile) -> None:
        zi = zipfile.ZipInfo(name)
        zi.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(zi, "w") as out:
            block = b"\0" * (1 << 20)
            for _ in range(64):
                out.write(block)

    tampered = _rewrite(package, tmp_path / "t.zip", lambda m: None, add_zeros)
    assert tampered.stat().st_size < 1_000_000
    report = verify_package(tampered)
    assert not report.ok
    assert report.problems[0].file == name
    assert "压缩炸弹" in report.problems[0].message


def test_a_header_understating_the_size_cannot_fill_the_disk(package: Path, tmp_path: Path) -> None:
    """The header says 1 KB, the member holds 20 MB: unpacking stops at the declared size."""
    name = f"{BAG}/data/谎报.bin"
    tampered = _rewrite(
        package, tmp_path / "t.zip", lambda m: m.__setitem__(name, b"\0" * (20 << 20))
    )
    _patch_sizes(tampered, name, 1024)
    report = verify_package(tampered)
    assert not report.ok
    assert any(p.file == name for p in report.problems), _problems(report)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "报送包.zip"
    fake.write_bytes(b"%PDF-1.4 not a zip at all")
    report = verify_package(fake)
    assert not report.ok
    assert "不是 ZIP 文件" in report.render()


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    assert "找不到" in verify_package(tmp_path / "没有.zip").render()
    assert "文件夹" in verify_package(tmp_path).render()


# --- package.json ------------------------------------------------------------------------------


def _rebag(package: Path, tmp_path: Path, edit_doc: Callable[[dict[str, object]], None]) -> Path:
    """A package whose package.json was edited and whose manifests were then regenerated by the
    bagit library: a valid bag that disagrees with its own files."""
    x = tmp_path / "rebag"
    with zipfile.ZipFile(package) as zf:
        zf.extractall(x)
    doc_file = x / BAG / "data" / PACKAGE_JSON
    doc = json.loads(doc_file.read_text(encoding="utf-8"))
    edit_doc(doc)
    doc_file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    bagit.Bag(str(x / BAG)).save(manifests=True)
    out = tmp_path / "rebagged.zip"
    with zipfile.ZipFile(out, "w") as zf:
        for p in sorted((x / BAG).rglob("*")):
            if p.is_file():
                zf.write(p, f"{BAG}/{p.relative_to(x / BAG).as_posix()}")
    return out


def test_an_unknown_format_version_is_refused(package: Path, tmp_path: Path) -> None:
    report = verify_package(_rebag(package, tmp_path, lambda d: d.update(format_version=99)))
    assert not report.ok
    assert "格式版本 99 无法识别" in report.render()


def test_package_json_must_name_every_file_and_agree_on_counts(
    package: Path, tmp_path: Path
) -> None:
    def drop_photo(doc: dict[str, object]) -> None:
        cases = doc["cases"]
        assert isinstance(cases, list)
        cases[0]["photos"] = []

    report = verify_package(_rebag(package, tmp_path, drop_photo))
    text = _problems(report)
    assert not report.ok
    assert "照片数量不符" in text
    assert f"{BAG}/data/{PHOTO}：package.json 中没有这个文件" in text


def test_package_json_naming_a_missing_file_is_reported(package: Path, tmp_path: Path) -> None:
    def add_file(doc: dict[str, object]) -> None:
        files = doc["files"]
        assert isinstance(files, dict)
        files["collection"] = "案例汇编.pdf"

    report = verify_package(_rebag(package, tmp_path, add_file))
    assert any(
        p.file == f"{BAG}/data/案例汇编.pdf" and "缺少" in p.message for p in report.problems
    ), _problems(report)


def test_package_json_may_not_point_outside_the_bag(package: Path, tmp_path: Path) -> None:
    def escape(doc: dict[str, object]) -> None:
        files = doc["files"]
        assert isinstance(files, dict)
        files["readme"] = "../../etc/passwd"

    report = verify_package(_rebag(package, tmp_path, escape))
    assert "文件路径无效" in _problems(report)
