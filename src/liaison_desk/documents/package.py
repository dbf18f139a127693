"""Submission packages (报送包): a BagIt bag (RFC 8493) in a ZIP, written and verified.

formats.md, "Submission package", describes what is inside. This module knows nothing of the
database: the caller (``documents.package_writer``) decides the payload — a list of :class:`PayloadFile`
(a path inside ``data/`` and a function that writes the file) — and this module

* **writes** it (:func:`write_package`): the payload into a hidden working folder beside the target,
  the bag made with the Library of Congress's ``bagit`` library (manifests, ``bag-info.txt`` with its
  Payload-Oxum, tag manifest; no hand-written manifest), checked once with ``bagit``, then zipped
  to a temporary name in the target folder and renamed only when complete. Cancelled (the
  caller's ``progress`` raised ``liaison_desk.progress.Cancelled``) or failed,
  nothing is left behind: the working folder and the temporary ZIP are removed.
* **verifies** one (:func:`verify_package`): refuses a file that is not a ZIP, names that are
  absolute, contain ``..``, are links or would land outside the target folder, and ZIP bombs
  (declared sizes, compression ratio and a total cap are checked before anything is unpacked,
  and bytes are counted while unpacking, so a lying header cannot fill the disk); unpacks into a
  temporary folder; validates the bag with ``bagit`` (every checksum, nothing missing, nothing
  unexpected — inside ``data/`` and beside it); and checks that ``package.json`` has a known format
  version and agrees with the files. The result is a :class:`VerifyReport`: ``ok``, a list of
  problems each naming the file and what is wrong, and a summary, all in plain Chinese.

``package.json`` (format :data:`FORMAT_VERSION`), written by ``documents.package_writer``, is a JSON object::

    {"format": "liaison-desk/submission-package", "format_version": 1,
     "app": {"name": ..., "version": ...}, "created_at": "2024-12-31T10:00:00",
     "target": "市政协优秀协商案例征集", "masked": true,
     "files": {"readme": "说明.txt", "catalogue": "归档文件目录.xlsx", "collection": "案例汇编.pdf"},
     "groups": [{"uuid", "revision", "name", "town", ...}],
     "cases": [{"uuid", "revision", "title", ..., "folder": "cases/0001-…",
                "files": {"docx": "cases/0001-…/案例.docx", "pdf": "cases/0001-…/案例.pdf"},
                "consultations": [uuid, ...],
                "photos": [{"uuid", "revision", "caption", "file": "cases/0001-…/照片/01-….jpg"}]}],
     "consultations": [{"uuid", "revision", "number", ..., "record_sheet": "records/….pdf",
                        "outcome_items": [{"uuid", "revision", "content", ...}]}],
     "counts": {"cases": 4, "consultations": 8, "outcome_items": 31, "photos": 12}}

Each group, case, photo, consultation and outcome item may also carry ``"record"``: its fields as
the database stores them (codes, not labels; masked by the package's one decision), so that a
district can import the package (``documents.case_package_records``). Packages written before it
was added have none; readers take it as optional, and the format version stays 1.

Every path is relative to ``data/`` with "/" between folders. Verification checks that every path
it names exists, that every payload file is named by it (so nothing rides along unexplained), that
the counts match the lists, and that the UUIDs are UUIDs and unique.

Names inside the package keep their Chinese characters: :func:`safe_file_name` normalises them to
NFC and replaces what Windows forbids. The ZIP marks its names as UTF-8 (general-purpose flag bit
11, which Python's zipfile sets for every non-ASCII name), so Windows Explorer, 7-Zip and Linux's
``unzip`` show them correctly.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import stat
import tempfile
import threading
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

import bagit

from liaison_desk import __version__
from liaison_desk.files.errors import StorageError, os_error_text
from liaison_desk.progress import Progress, within

log = logging.getLogger(__name__)
# bagit logs every file it hashes at INFO; our log file needs only its warnings.
logging.getLogger("bagit").setLevel(logging.WARNING)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "PACKAGE_JSON",
    "PackageError",
    "PackageWritten",
    "PayloadFile",
    "safe_file_name",
    "write_package",
]

FORMAT_NAME = "liaison-desk/submission-package"
FORMAT_VERSION = 1
KNOWN_FORMAT_VERSIONS = frozenset({1})
PACKAGE_JSON = "package.json"
BAGIT_VERSION = "1.0"  # RFC 8493
CHECKSUM = "sha256"

SPACE_MARGIN = 50 * 1024**2
_CHUNK = 1024 * 1024

#: Already compressed: stored as they are in the ZIP (JPEG, Office files, PNG).
_STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".zip"})
TAG_FILES = (
    "bagit.txt",
    "bag-info.txt",
    f"manifest-{CHECKSUM}.txt",
    f"tagmanifest-{CHECKSUM}.txt",
)

# bagit.make_bag and Bag.save change the working directory while they run: one at a time.
_BAGIT_LOCK = threading.Lock()


class PackageError(StorageError):
    """Writing a package failed for a reason the user can act on (the message says how)."""


# --- file names -----------------------------------------------------------------------------------

# What Windows forbids in a file name, replaced by the full-width form a Chinese reader expects.
_WINDOWS_FORBIDDEN = str.maketrans(
    {
        "<": "＜",
        ">": "＞",
        ":": "：",
        '"': "＂",
        "/": "／",
        "\\": "＼",
        "|": "｜",
        "?": "？",
        "*": "＊",
    }
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$")


def safe_file_name(text: str, *, max_length: int = 60, fallback: str = "未命名") -> str:
    """``text`` as one file or folder name that every system accepts and that keeps its Chinese:
    NFC-normalised; what Windows forbids (``<>:"/\\|?*``) replaced by its full-width form; control
    characters and runs of white space made one space; no leading or trailing dots and spaces; not
    a device name (CON, NUL, COM1…); at most ``max_length`` characters; ``fallback`` when nothing
    is left."""
    name = unicodedata.normalize("NFC", text)
    name = _CONTROL.sub(" ", name).translate(_WINDOWS_FORBIDDEN)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if len(name) > max_length:
        name = name[:max_length].rstrip(" .")
    if not name:
        name = fallback
    if _RESERVED.match(name):
        name = f"_{name}"
    return name


def _check_payload_path(path: str) -> PurePosixPath:
    """A payload path as the caller gave it must already be safe (a programming error if not)."""
    pure = PurePosixPath(path)
    if (
        pure.is_absolute()
        or not pure.parts
        or any(part != safe_file_name(part, max_length=255) for part in pure.parts)
        or path != unicodedata.normalize("NFC", path)
    ):
        raise ValueError(f"unsafe payload path {path!r}: build names with safe_file_name()")
    return pure


# --- writing ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayloadFile:
    """One file of ``data/``: where it goes and how to write it.

    ``path`` is relative to ``data/`` with "/" between folders, each part made with
    :func:`safe_file_name`. ``write(dest)`` writes the file at ``dest`` (its folder exists).
    ``label`` says in Chinese what is being written (shown under the progress bar); ``weight`` is
    its share of the work relative to a small file (a PDF of many pages: more). ``reports``:
    ``write`` is called as ``write(dest, progress)`` and reports its own steps (and so honours a
    cancel while it runs), shown as its share of the whole."""

    path: str
    write: Callable[..., object]
    label: str = ""
    weight: int = 1
    reports: bool = False


@dataclass(frozen=True)
class PackageWritten:
    """A finished package: the ZIP, its SHA-256 and size, and the bag inside it."""

    path: Path
    sha256: str
    size: int
    bag_name: str
    files: int  # payload files in data/
    payload_bytes: int


class ProgressSteps:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress

    def check(self, message: str) -> None:
        """Honour a cancel before any work (the bar stays where it is)."""
        if self.progress is not None:
            self.progress(self.done, self.total, message)

    def advance(self, n: int, message: str) -> None:
        self.done = min(self.done + n, self.total)
        if self.progress is not None:
            self.progress(self.done, self.total, message)

    def part(self, n: int, message: str) -> Progress | None:
        """The progress of a step of weight ``n`` that reports its own ``(done, total)``."""
        reported = within(self.progress, self.done, n, self.total)
        if reported is None:
            return None
        inner = reported

        def report(done: int, total: int, _message: str = "", /) -> None:
            inner(done, total, message)

        return report


def zip_target(out: Path, bag_name: str) -> Path:
    """Where a package goes: ``out`` itself when it names a .zip file, else ``<bag_name>.zip``
    inside the folder ``out``."""
    out = Path(out)
    if out.suffix.lower() == ".zip" and not out.is_dir():
        return out
    return out / f"{bag_name}.zip"


def write_package(
    bag_name: str,
    bag_info: Mapping[str, str],
    payload: Sequence[PayloadFile],
    out: Path,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> PackageWritten:
    """Write the payload as a BagIt bag named ``bag_name`` and zip it to ``out`` (a .zip file).

    ``bag_info``: the tags of ``bag-info.txt`` (Source-Organization, Contact-Name, Contact-Phone,
    External-Description, ...); Bagging-Date defaults to today, Bag-Count to "1 of 1",
    Bag-Software-Agent to this app and its version; bagit adds Payload-Oxum. An existing ``out``
    is replaced only with ``overwrite``. PackageError (a Chinese message) when the folder cannot
    be written or the disk is full; ``Cancelled`` when ``progress`` raised it: in every such case
    nothing is left behind."""
    out = Path(out)
    if bag_name != safe_file_name(bag_name, max_length=255):
        raise ValueError(f"unsafe bag name {bag_name!r}: build it with safe_file_name()")
    paths = [_check_payload_path(f.path) for f in payload]
    if len({str(p).casefold() for p in paths}) != len(paths):
        raise ValueError("two payload files have the same path")
    folder = out.parent
    if not folder.is_dir():
        raise PackageError(f"文件夹「{folder}」不存在，请先建好文件夹或换一个位置。")
    if out.is_dir():
        raise PackageError(f"「{out}」是一个文件夹，请写报送包文件的完整文件名（以 .zip 结尾）。")
    if out.exists() and not overwrite:
        raise PackageError(f"文件「{out}」已经存在。请换一个文件名，或先移走原来的文件。")

    steps = ProgressSteps(
        sum(max(f.weight, 1) for f in payload) + 2 + len(payload) + len(TAG_FILES),
        progress,
    )
    steps.check("正在准备报送包")
    try:
        work = Path(tempfile.mkdtemp(prefix=".报送包-", dir=folder))
    except OSError as exc:
        raise _write_error(folder, exc) from exc
    tmp_zip = folder / f".{out.stem}-{secrets.token_hex(4)}.zip.part"
    try:
        bag_dir = work / bag_name
        bag_dir.mkdir()
        for item, pure in zip(payload, paths, strict=True):
            dest = bag_dir.joinpath(*pure.parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            label = item.label or f"正在写入 {item.path}"
            if item.reports:
                item.write(dest, steps.part(max(item.weight, 1), label))
            else:
                item.write(dest)
            if not dest.is_file():
                raise RuntimeError(f"payload writer for {item.path!r} wrote no file")
            steps.advance(max(item.weight, 1), label)
        bag = _make_bag(bag_dir, bag_info)
        steps.advance(1, "正在生成校验清单")
        bag.validate()  # the bag just made must pass the library's own check
        steps.advance(1, "正在核对校验清单")
        payload_bytes, files = (int(n) for n in bag.info["Payload-Oxum"].split("."))
        sha = _zip_folder(bag_dir, bag_name, tmp_zip, steps)
        size = tmp_zip.stat().st_size
        os.replace(tmp_zip, out)
    except OSError as exc:
        raise _write_error(folder, exc) from exc
    finally:
        tmp_zip.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    log.info("wrote submission package %s (%d files, %d bytes)", out, files, size)
    return PackageWritten(out, sha, size, bag_name, files, payload_bytes)


def _write_error(folder: Path, exc: OSError) -> PackageError:
    return PackageError(
        f"无法在「{folder}」中写入报送包（{os_error_text(exc)}）。"
        "请清理磁盘空间、换一个有写入权限的文件夹，或先关闭正在打开该文件的程序，然后重试。"
    )


def _make_bag(bag_dir: Path, bag_info: Mapping[str, str]) -> bagit.Bag:
    info = {
        "Bagging-Date": datetime.now().strftime("%Y-%m-%d"),
        "Bag-Count": "1 of 1",
        "Bag-Software-Agent": f"联络组履职档案台 (liaison-desk) {__version__}",
        **{k: v for k, v in bag_info.items() if v},
    }
    with _BAGIT_LOCK:
        bag = bagit.make_bag(str(bag_dir), info, checksums=[CHECKSUM])
        # bagit.py writes BagIt-Version 0.97; RFC 8493 is version 1.0, same layout. The library
        # then rewrites the tag manifest over the changed bagit.txt.
        (bag_dir / "bagit.txt").write_text(
            f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n",
            encoding="utf-8",
            newline="\n",
        )
        bag = bagit.Bag(str(bag_dir))
        bag.save()
    return bag


def _zip_folder(bag_dir: Path, bag_name: str, dest: Path, steps: ProgressSteps) -> str:
    """Zip ``bag_dir`` as ``<bag_name>/...`` into ``dest``; the SHA-256 of the ZIP."""
    files = sorted(p for p in bag_dir.rglob("*") if p.is_file())
    folders = sorted({p.parent for p in files if p.parent != bag_dir} | {bag_dir})
    with zipfile.ZipFile(dest, "w", allowZip64=True) as zf:
        # Folder entries first, so every unzip tool shows the tree even before the files.
        for d in folders:
            rel = d.relative_to(bag_dir).as_posix()
            arc = bag_name if rel == "." else f"{bag_name}/{rel}"
            zi = zipfile.ZipInfo(f"{arc}/", date_time=_zip_time(d))
            zi.external_attr = (stat.S_IFDIR | 0o755) << 16 | 0x10
            zf.writestr(zi, b"")
        for p in files:
            rel = p.relative_to(bag_dir).as_posix()
            stored = p.suffix.lower() in _STORED_SUFFIXES
            zf.write(
                p,
                f"{bag_name}/{rel}",
                compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
                compresslevel=None if stored else 6,
            )
            steps.advance(1, f"正在压缩 {rel}")
    with dest.open("rb") as fh:
        os.fsync(fh.fileno())
    return file_sha256(dest)


def _zip_time(path: Path) -> tuple[int, int, int, int, int, int]:
    t = datetime.fromtimestamp(path.stat().st_mtime)
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_json(doc: Mapping[str, Any]) -> Callable[[Path], None]:
    """A writer of ``doc`` as indented UTF-8 JSON (Chinese kept readable)."""

    def write(dest: Path) -> None:
        dest.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    return write


def write_text(text: str) -> Callable[[Path], None]:
    """A writer of a plain-text file Windows Notepad opens correctly: UTF-8 with a BOM, CRLF."""

    def write(dest: Path) -> None:
        dest.write_text(text, encoding="utf-8-sig", newline="\r\n")

    return write
