"""Submission packages (报送包): a BagIt bag (RFC 8493) in a ZIP, written and verified.

formats.md, "Submission package", describes what is inside. This module knows nothing of the
database: the caller (``services.packages``) decides the payload — a list of :class:`PayloadFile`
(a path inside ``data/`` and a function that writes the file) — and this module

* **writes** it (:func:`write_package`): the payload into a hidden working folder beside the target,
  the bag made with the Library of Congress's ``bagit`` library (manifests, ``bag-info.txt`` with its
  Payload-Oxum, tag manifest; no hand-written manifest), checked once with ``bagit``, then zipped
  to a temporary name in the target folder and renamed only when complete. Cancelled or failed,
  nothing is left behind: the working folder and the temporary ZIP are removed.
* **verifies** one (:func:`verify_package`): refuses a file that is not a ZIP, names that are
  absolute, contain ``..``, are links or would land outside the target folder, and ZIP bombs
  (declared sizes, compression ratio and a total cap are checked before anything is unpacked,
  and bytes are counted while unpacking, so a lying header cannot fill the disk); unpacks into a
  temporary folder; validates the bag with ``bagit`` (every checksum, nothing missing, nothing
  unexpected — inside ``data/`` and beside it); and checks that ``package.json`` has a known format
  version and agrees with the files. The result is a :class:`VerifyReport`: ``ok``, a list of
  problems each naming the file and what is wrong, and a summary, all in plain Chinese.

``package.json`` (format :data:`FORMAT_VERSION`), written by the service, is a JSON object::

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
import uuid as _uuid
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

import bagit

from liaison_desk import __version__
from liaison_desk.storage.errors import StorageError, os_error_text

log = logging.getLogger(__name__)
# bagit logs every file it hashes at INFO; our log file needs only its warnings.
logging.getLogger("bagit").setLevel(logging.WARNING)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "PACKAGE_JSON",
    "CancelCheck",
    "PackageCancelled",
    "PackageError",
    "PackageProblem",
    "PackageWritten",
    "PayloadFile",
    "Progress",
    "VerifyReport",
    "safe_file_name",
    "verify_package",
    "write_package",
]

FORMAT_NAME = "liaison-desk/submission-package"
FORMAT_VERSION = 1
KNOWN_FORMAT_VERSIONS = frozenset({1})
PACKAGE_JSON = "package.json"
BAGIT_VERSION = "1.0"  # RFC 8493
CHECKSUM = "sha256"

#: (done, total, message); may raise to stop (the UI's TaskControl.progress does on Cancel).
Progress = Callable[[int, int, str], object]
#: True when the user asked to stop.
CancelCheck = Callable[[], bool]

# --- limits of what verification unpacks (a ZIP bomb is refused before it fills the disk) -------
MAX_MEMBERS = 20_000
MAX_TOTAL_SIZE = 4 * 1024**3  # 4 GiB unpacked: a district's year of cases is far below
MAX_RATIO = 200  # unpacked / packed size of one member (PDF ~3, JSON ~10, zeros ~1000)
RATIO_FLOOR = 8 * 1024**2  # members smaller than this unpacked are never called bombs
_SPACE_MARGIN = 50 * 1024**2
_CHUNK = 1024 * 1024

#: Already compressed: stored as they are in the ZIP (JPEG, Office files, PNG).
_STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".zip"})
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)
_TAG_FILES = (
    "bagit.txt",
    "bag-info.txt",
    f"manifest-{CHECKSUM}.txt",
    f"tagmanifest-{CHECKSUM}.txt",
)

# bagit.make_bag and Bag.save change the working directory while they run: one at a time.
_BAGIT_LOCK = threading.Lock()


class PackageError(StorageError):
    """Writing a package failed for a reason the user can act on (the message says how)."""


class PackageCancelled(Exception):
    """The user cancelled; nothing was left behind."""


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
    its share of the work relative to a small file (a PDF of many pages: more)."""

    path: str
    write: Callable[[Path], object]
    label: str = ""
    weight: int = 1


@dataclass(frozen=True)
class PackageWritten:
    """A finished package: the ZIP, its SHA-256 and size, and the bag inside it."""

    path: Path
    sha256: str
    size: int
    bag_name: str
    files: int  # payload files in data/
    payload_bytes: int


class _Steps:
    def __init__(self, total: int, progress: Progress | None, cancel: CancelCheck | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise PackageCancelled

    def advance(self, n: int, message: str) -> None:
        self.done = min(self.done + n, self.total)
        if self.progress is not None:
            self.progress(self.done, self.total, message)
        self.check()


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
    cancel: CancelCheck | None = None,
) -> PackageWritten:
    """Write the payload as a BagIt bag named ``bag_name`` and zip it to ``out`` (a .zip file).

    ``bag_info``: the tags of ``bag-info.txt`` (Source-Organization, Contact-Name, Contact-Phone,
    External-Description, ...); Bagging-Date defaults to today, Bag-Count to "1 of 1",
    Bag-Software-Agent to this app and its version; bagit adds Payload-Oxum. An existing ``out``
    is replaced only with ``overwrite``. PackageError (a Chinese message) when the folder cannot
    be written or the disk is full; PackageCancelled when ``cancel()`` said so (or ``progress``
    raised): in every such case nothing is left behind."""
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

    steps = _Steps(
        sum(max(f.weight, 1) for f in payload) + 2 + len(payload) + len(_TAG_FILES),
        progress,
        cancel,
    )
    steps.check()
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
            item.write(dest)
            if not dest.is_file():
                raise RuntimeError(f"payload writer for {item.path!r} wrote no file")
            steps.advance(max(item.weight, 1), item.label or f"正在写入 {item.path}")
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


def _zip_folder(bag_dir: Path, bag_name: str, dest: Path, steps: _Steps) -> str:
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
    return _sha256(dest)


def _zip_time(path: Path) -> tuple[int, int, int, int, int, int]:
    t = datetime.fromtimestamp(path.stat().st_mtime)
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)


def _sha256(path: Path) -> str:
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


# --- verification -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageProblem:
    """One thing wrong with a package: the file (as named inside it, or the ZIP itself) and what
    is wrong with it, in Chinese."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}：{self.message}" if self.file else self.message


@dataclass
class VerifyReport:
    """The result of :func:`verify_package`. ``ok`` when nothing is wrong; ``problems`` name the
    file and what is wrong; ``summary`` says in one Chinese sentence what was found.
    ``package`` is the parsed ``package.json`` when it could be read (for showing the cases)."""

    path: Path
    problems: list[PackageProblem] = field(default_factory=list)
    sha256: str = ""
    bag_name: str = ""
    bag_info: dict[str, str] = field(default_factory=dict)
    package: dict[str, Any] | None = None
    files: int = 0
    payload_bytes: int = 0
    checked_all: bool = False  # got to the end (a refused ZIP is not unpacked at all)

    @property
    def ok(self) -> bool:
        return self.checked_all and not self.problems

    @property
    def counts(self) -> dict[str, int]:
        counts = (self.package or {}).get("counts")
        return (
            {k: v for k, v in counts.items() if isinstance(v, int)}
            if isinstance(counts, dict)
            else {}
        )

    @property
    def summary(self) -> str:
        name = self.path.name
        if self.ok:
            c = self.counts
            return (
                f"报送包「{name}」校验通过：BagIt 包完整有效，{self.files} 个文件的校验值全部相符，"
                f"package.json 与文件一致（协商案例 {c.get('cases', 0)} 篇，"
                f"协商活动 {c.get('consultations', 0)} 场，照片 {c.get('photos', 0)} 张）。"
            )
        if not self.checked_all and self.problems:
            return f"报送包「{name}」被拒绝：{self.problems[0].message}"
        return f"报送包「{name}」校验未通过，发现 {len(self.problems)} 个问题。"

    def render(self) -> str:
        """The whole report as text (the CLI prints it; the dialog shows it)."""
        lines = [self.summary]
        if self.problems:
            lines.append("")
            lines.append("问题：")
            lines += [f"  {i}. {p}" for i, p in enumerate(self.problems, 1)]
            lines.append("")
            lines.append(
                "请不要使用这个报送包：请报送单位重新导出并发送，或从原始邮件、U 盘重新复制一份再校验。"
            )
        if self.bag_name or self.bag_info:
            lines.append("")
            if self.bag_name:
                lines.append(f"包名：{self.bag_name}")
            for key, shown in (
                ("Source-Organization", "报送单位"),
                ("Contact-Name", "联系人"),
                ("Contact-Phone", "联系电话"),
                ("Bagging-Date", "打包日期"),
                ("External-Description", "说明"),
                ("Bag-Software-Agent", "生成软件"),
            ):
                if self.bag_info.get(key):
                    lines.append(f"{shown}：{self.bag_info[key]}")
        if self.package and isinstance(self.package.get("cases"), list):
            titles = [
                c.get("title")
                for c in self.package["cases"]
                if isinstance(c, dict) and c.get("title")
            ]
            if titles:
                lines.append("案例：" + "；".join(f"《{t}》" for t in titles))
        if self.sha256:
            lines.append(f"文件 SHA-256：{self.sha256}")
        return "\n".join(lines)

    def add(self, file: str, message: str) -> None:
        self.problems.append(PackageProblem(file, message))


class _Refused(Exception):
    """Stop verifying: the problems so far say why."""


def verify_package(
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    work_dir: Path | None = None,
) -> VerifyReport:
    """Check a submission package (see the module docstring) and report what is wrong.

    Never raises for a bad package — every problem goes into the report; PackageCancelled when
    cancelled. ``work_dir``: where to unpack (a temporary folder inside it, removed afterwards;
    default the system's temporary folder)."""
    path = Path(path)
    report = VerifyReport(path)
    steps = _Steps(1, progress, cancel)
    try:
        _verify(path, report, steps, work_dir)
        report.checked_all = True
    except _Refused:
        pass
    return report


def _verify(path: Path, report: VerifyReport, steps: _Steps, work_dir: Path | None) -> None:
    name = path.name
    if path.is_dir():
        report.add(name, "这是一个文件夹，不是报送包文件。请选择 .zip 报送包文件本身。")
        raise _Refused
    if not path.is_file():
        report.add(name, "找不到这个文件，请检查文件名和位置。")
        raise _Refused
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        report.add(name, f"无法读取文件（{os_error_text(exc)}）。")
        raise _Refused from exc
    if head[:2] != b"PK" or not zipfile.is_zipfile(path):
        report.add(
            name,
            "不是 ZIP 文件（报送包应是 .zip 压缩文件），可能是别的文件改了扩展名或文件已损坏。",
        )
        raise _Refused
    try:
        report.sha256 = _sha256(path)
        zf = zipfile.ZipFile(path)
    except _BROKEN_ZIP as exc:
        report.add(name, f"ZIP 文件已损坏，无法打开（{exc}）。")
        raise _Refused from exc
    with zf:
        infos = _examine_members(zf, report)
        top = _single_top_folder(infos, report)
        _refuse_bombs(path, infos, report)
        with tempfile.TemporaryDirectory(prefix="liaison-desk-verify-", dir=work_dir) as tmp:
            root = Path(tmp)
            _ensure_space(root, sum(zi.file_size for zi in infos), report)
            steps.total = len(infos) * 2 + 2
            _extract(zf, infos, root, report, steps)
            bag_dir = root / top
            report.bag_name = top
            _check_bag(bag_dir, report, steps)
            _check_package_json(bag_dir, report)


# Entry-name checks: nothing may leave the target folder, whatever system unpacks it.
_DRIVE = re.compile(r"^[A-Za-z]:")


def _name_problem(name: str) -> str | None:
    if "\x00" in name or _CONTROL.search(name):
        return "文件名中含有控制字符"
    if "\\" in name:
        return "路径中含有反斜杠“\\”（在 Windows 上会被当成文件夹分隔符，可能写到别处）"
    if name.startswith("/") or _DRIVE.match(name) or name.startswith("//"):
        return "是绝对路径（解压时会写到目标文件夹以外）"
    if ":" in name:
        return "路径中含有冒号“:”（在 Windows 上可能指向其他磁盘或隐藏数据流）"
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        return "路径中含有“..”（解压时会跳到目标文件夹以外）"
    if any(p in ("", ".") for p in parts):
        return "路径中有空的或“.”文件夹名"
    return None


def _is_link(zi: zipfile.ZipInfo) -> bool:
    """A symbolic link, as Unix zip tools store it: the file mode in the high 16 bits."""
    return stat.S_ISLNK(zi.external_attr >> 16)


def _examine_members(zf: zipfile.ZipFile, report: VerifyReport) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        report.add(
            report.path.name,
            f"压缩包里有 {len(infos)} 个条目，远超报送包应有的数量（上限 {MAX_MEMBERS}），为安全起见没有解压。",
        )
        raise _Refused
    seen: dict[str, str] = {}
    for zi in infos:
        name = zi.filename
        problem = _name_problem(name)
        if problem is None and _is_link(zi):
            problem = "是符号链接（解压后可能指向目标文件夹以外的文件）"
        if problem is None and zi.flag_bits & 0x1:
            problem = "被加密了"
        if problem is None:
            key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
            if key in seen:
                problem = f"与「{seen[key]}」重名（解压时会互相覆盖）"
            seen[key] = name
        if problem:
            report.add(name, problem)
    if report.problems:
        report.problems.insert(
            0,
            PackageProblem(
                report.path.name, "压缩包中有不安全的条目，为安全起见没有解压，详见下列各项。"
            ),
        )
        raise _Refused
    if not infos:
        report.add(report.path.name, "压缩包是空的。")
        raise _Refused
    return infos


def _single_top_folder(infos: Sequence[zipfile.ZipInfo], report: VerifyReport) -> str:
    tops = {zi.filename.split("/", 1)[0] for zi in infos}
    loose = [zi.filename for zi in infos if "/" not in zi.filename.rstrip("/") and not zi.is_dir()]
    if len(tops) != 1 or loose:
        report.add(
            report.path.name,
            "报送包应只含一个 BagIt 包文件夹，这个压缩包的最外层却有："
            + "、".join(sorted(tops)[:5])
            + ("等" if len(tops) > 5 else ""),
        )
        raise _Refused
    return tops.pop()


def _refuse_bombs(path: Path, infos: Sequence[zipfile.ZipInfo], report: VerifyReport) -> None:
    total = sum(zi.file_size for zi in infos)
    if total > MAX_TOTAL_SIZE:
        report.add(
            path.name,
            f"解压后将有 {_size(total)}，超过上限 {_size(MAX_TOTAL_SIZE)}，可能是“压缩炸弹”，"
            "为防止占满磁盘没有解压。",
        )
        raise _Refused
    for zi in infos:
        ratio = zi.file_size / max(zi.compress_size, 1)
        if zi.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            report.add(
                zi.filename,
                f"压缩了 {ratio:.0f} 倍（{_size(zi.compress_size)} 解压后为 {_size(zi.file_size)}），"
                "可能是“压缩炸弹”，为防止占满磁盘没有解压。",
            )
            raise _Refused


def _size(n: int) -> str:
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GB"
    if n >= 1024**2:
        return f"{n / 1024**2:.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} 字节"


def _ensure_space(folder: Path, needed: int, report: VerifyReport) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + _SPACE_MARGIN:
        report.add(
            report.path.name,
            f"临时文件夹所在磁盘只剩 {_size(free)}，解压需要 {_size(needed)}。请清理磁盘空间后再校验。",
        )
        raise _Refused


def _extract(
    zf: zipfile.ZipFile,
    infos: Sequence[zipfile.ZipInfo],
    root: Path,
    report: VerifyReport,
    steps: _Steps,
) -> None:
    """Unpack member by member, counting bytes: a member never gets more than it declared, the
    whole never more than MAX_TOTAL_SIZE."""
    resolved_root = root.resolve()
    written_total = 0
    for zi in infos:
        name = unicodedata.normalize("NFC", zi.filename)
        dest = (root / name).resolve()
        if dest != resolved_root and resolved_root not in dest.parents:
            report.add(zi.filename, "解压时会落到目标文件夹以外。")
            raise _Refused
        if zi.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        try:
            with zf.open(zi) as src, dest.open("wb") as out:
                while chunk := src.read(_CHUNK):
                    written += len(chunk)
                    written_total += len(chunk)
                    if written > zi.file_size or written_total > MAX_TOTAL_SIZE:
                        report.add(
                            zi.filename,
                            "解压出的内容比压缩包中声明的大小还多（文件头被改过，可能是“压缩炸弹”），已停止解压。",
                        )
                        raise _Refused
                    out.write(chunk)
        except _BROKEN_ZIP as exc:
            report.add(zi.filename, f"在压缩包中已损坏，无法解压（{exc}）。")
            raise _Refused from exc
        except OSError as exc:
            report.add(zi.filename, f"无法解压到临时文件夹（{os_error_text(exc)}）。")
            raise _Refused from exc
        steps.advance(1, f"正在解压 {zi.filename}")


def _bag_path(rel: str) -> str:
    """A path inside the bag as the user sees it: "/" between folders."""
    return rel.replace(os.sep, "/")


def _check_bag(bag_dir: Path, report: VerifyReport, steps: _Steps) -> None:
    where = report.bag_name
    if not bag_dir.is_dir():
        report.add(where, "不是文件夹，报送包里应是一个 BagIt 包文件夹。")
        raise _Refused
    try:
        bag = bagit.Bag(str(bag_dir))
    except bagit.BagError as exc:
        missing = [t for t in ("bagit.txt",) if not (bag_dir / t).is_file()]
        if missing:
            report.add(f"{where}/bagit.txt", "缺少，这不是 BagIt 包（或不完整）。")
        else:
            report.add(where, f"BagIt 包无法读取：{exc}")
        raise _Refused from exc
    report.bag_info = {k: v if isinstance(v, str) else "；".join(v) for k, v in bag.info.items()}
    for tag in _TAG_FILES:
        if not (bag_dir / tag).is_file():
            report.add(f"{where}/{tag}", "缺少（BagIt 包必需的清单文件）。")
    if not (bag_dir / "data").is_dir():
        report.add(f"{where}/data", "缺少（BagIt 包的内容文件夹）。")
        raise _Refused

    # Beside data/: only the tag files and what the tag manifest lists.
    listed_tags = {_bag_path(p) for p in bag.tagfile_entries()}
    allowed = set(_TAG_FILES) | listed_tags
    for p in sorted(bag_dir.rglob("*")):
        rel = p.relative_to(bag_dir).as_posix()
        if rel == "data" or rel.startswith("data/") or p.is_dir():
            continue
        if rel not in allowed:
            report.add(f"{where}/{rel}", "是多出来的文件：不在清单中，不属于这个报送包。")

    # data/: nothing missing, nothing unexpected.
    only_in_manifest, only_on_disk = bag.compare_manifests_with_fs()
    for rel in sorted(only_in_manifest):
        report.add(f"{where}/{_bag_path(rel)}", "缺少：清单中有这个文件，压缩包里却没有。")
    for rel in sorted(only_on_disk):
        report.add(
            f"{where}/{_bag_path(rel)}", "是多出来的文件：不在清单（manifest-sha256.txt）中。"
        )
    steps.advance(1, "正在核对校验值")

    # Every checksum, by the library; its first check (Payload-Oxum) names no file, so the files
    # are then named here from the same manifest entries.
    try:
        bag.validate()
    except bagit.BagValidationError as exc:
        details = list(getattr(exc, "details", None) or [])
        named = False
        for d in details:
            rel = _bag_path(getattr(d, "path", "") or "")
            if isinstance(d, bagit.ChecksumMismatch):
                report.add(f"{where}/{rel}", _mismatch_text(rel))
                named = True
        if not named and not only_in_manifest and not only_on_disk:
            named = _name_mismatches(bag, bag_dir, report)
            if not named:
                report.add(f"{where}/bag-info.txt", f"BagIt 包校验未通过：{exc}")
    except bagit.BagError as exc:
        report.add(where, f"BagIt 包校验未通过：{exc}")
    try:
        oxum = bag.info.get("Payload-Oxum", "")
        report.payload_bytes, report.files = (int(n) for n in str(oxum).split("."))
    except ValueError:
        report.files = len(bag.payload_entries())
    steps.advance(1, "正在核对 package.json")


def _mismatch_text(rel: str) -> str:
    if rel.startswith(("manifest-", "tagmanifest-", "bag-info", "bagit")):
        return "清单文件被改动过：它的校验值与 tagmanifest-sha256.txt 中记录的不符。"
    return "内容与清单中的校验值不符：文件被改动过或已损坏。"


def _name_mismatches(bag: bagit.Bag, bag_dir: Path, report: VerifyReport) -> bool:
    named = False
    for rel, hashes in sorted(bag.entries.items()):
        expected = hashes.get(CHECKSUM)
        file = bag_dir / rel
        if expected and file.is_file() and _sha256(file) != expected.lower():
            report.add(f"{report.bag_name}/{_bag_path(rel)}", _mismatch_text(_bag_path(rel)))
            named = True
    oxum = str(bag.info.get("Payload-Oxum", ""))
    if not named and oxum:
        actual = sum(p.stat().st_size for p in (bag_dir / "data").rglob("*") if p.is_file())
        if not oxum.startswith(f"{actual}."):
            report.add(
                f"{report.bag_name}/bag-info.txt",
                f"Payload-Oxum（{oxum}）与内容的实际大小（{actual} 字节）不符。",
            )
            named = True
    return named


def _safe_relative(value: object) -> str | None:
    """A path named by package.json, when it is a safe relative path; None otherwise."""
    if not isinstance(value, str) or not value or _name_problem(value):
        return None
    return unicodedata.normalize("NFC", value)


def _check_package_json(bag_dir: Path, report: VerifyReport) -> None:
    where = f"{report.bag_name}/data/{PACKAGE_JSON}"
    file = bag_dir / "data" / PACKAGE_JSON
    if not file.is_file():
        report.add(where, "缺少（报送包的数据清单）。")
        return
    try:
        doc = json.loads(file.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        report.add(where, f"无法读取（不是有效的 JSON：{exc}）。")
        return
    if not isinstance(doc, dict):
        report.add(where, "格式不对：应是一个 JSON 对象。")
        return
    report.package = doc
    if doc.get("format") != FORMAT_NAME:
        report.add(where, f"不是联络组履职档案台的报送包清单（format 应为 {FORMAT_NAME}）。")
        return
    version = doc.get("format_version")
    if version not in KNOWN_FORMAT_VERSIONS or isinstance(version, bool):
        report.add(
            where,
            f"格式版本 {version!r} 无法识别（本程序认识版本 "
            f"{'、'.join(str(v) for v in sorted(KNOWN_FORMAT_VERSIONS))}）。"
            "如果报送包由更新版本的软件生成，请先升级软件。",
        )
        return

    data_dir = bag_dir / "data"
    payload = {
        unicodedata.normalize("NFC", p.relative_to(data_dir).as_posix())
        for p in data_dir.rglob("*")
        if p.is_file()
    }
    referenced: set[str] = set()

    def need(value: object, what: str) -> None:
        rel = _safe_relative(value)
        if rel is None:
            report.add(where, f"{what}的文件路径无效：{value!r}")
            return
        referenced.add(rel)
        if rel not in payload:
            report.add(f"{report.bag_name}/data/{rel}", f"缺少：package.json 列出了它（{what}）。")

    files = doc.get("files")
    if isinstance(files, dict):
        for key, value in files.items():
            need(value, f"“{key}”")
    else:
        report.add(where, "缺少 files（说明、目录、汇编等文件）。")

    uuids: set[str] = set()

    def check_uuid(entry: Mapping[str, Any], what: str) -> None:
        value = entry.get("uuid")
        try:
            text = str(_uuid.UUID(str(value)))
        except ValueError:
            report.add(where, f"{what}的 UUID 无效：{value!r}")
            return
        if text in uuids:
            report.add(where, f"{what}的 UUID {text} 重复出现。")
        uuids.add(text)
        if not isinstance(entry.get("revision"), int):
            report.add(where, f"{what}缺少版本号（revision）。")

    cases = _list(doc, "cases", where, report)
    consultations = _list(doc, "consultations", where, report)
    photos = 0
    items = 0
    consultation_uuids = {str(c.get("uuid")) for c in consultations}
    for n, case in enumerate(cases, 1):
        what = f"第 {n} 篇案例《{case.get('title', '')}》"
        check_uuid(case, what)
        folder = _safe_relative(case.get("folder"))
        if folder is None or not (data_dir / folder).is_dir():
            report.add(where, f"{what}的文件夹 {case.get('folder')!r} 不存在。")
        case_files = case.get("files")
        if isinstance(case_files, dict) and case_files:
            for key, value in case_files.items():
                need(value, f"{what}的 {key}")
        else:
            report.add(where, f"{what}没有列出它的文件。")
        for photo in case.get("photos") or []:
            photos += 1
            if isinstance(photo, dict):
                check_uuid(photo, f"{what}的照片")
                need(photo.get("file"), f"{what}的照片")
        for linked in case.get("consultations") or []:
            if str(linked) not in consultation_uuids:
                report.add(where, f"{what}引用的协商活动 {linked} 不在 consultations 中。")
    for n, c in enumerate(consultations, 1):
        what = f"协商活动 {c.get('number') or n}"
        check_uuid(c, what)
        if c.get("record_sheet"):
            need(c.get("record_sheet"), f"{what}的议事记录表")
        for item in c.get("outcome_items") or []:
            items += 1
            if isinstance(item, dict):
                check_uuid(item, f"{what}的意见建议")

    counts = doc.get("counts")
    actual = {
        "cases": len(cases),
        "consultations": len(consultations),
        "outcome_items": items,
        "photos": photos,
    }
    shown = {
        "cases": "协商案例",
        "consultations": "协商活动",
        "outcome_items": "意见建议",
        "photos": "照片",
    }
    if not isinstance(counts, dict):
        report.add(where, "缺少 counts（各类数量）。")
    else:
        for key, value in actual.items():
            if counts.get(key) != value:
                report.add(
                    where,
                    f"{shown[key]}数量不符：counts 写的是 {counts.get(key)!r}，列表中实有 {value}。",
                )
    photo_files = {p for p in payload if "/照片/" in f"/{p}"}
    if len(photo_files) != photos:
        report.add(where, f"照片数量不符：列出 {photos} 张，包中实有 {len(photo_files)} 张。")
    for rel in sorted(payload - referenced - {PACKAGE_JSON}):
        report.add(f"{report.bag_name}/data/{rel}", "package.json 中没有这个文件：来历不明的文件。")


def _list(
    doc: Mapping[str, Any], key: str, where: str, report: VerifyReport
) -> list[dict[str, Any]]:
    value = doc.get(key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        report.add(where, f"缺少 {key} 列表，或格式不对。")
        return []
    return value
