"""Checking a submission package (校验报送包): whatever the file holds — any byte string — the
answer is a :class:`VerifyReport` listing its problems in Chinese, never an exception. The ZIP is
read through the bounded reader (``files.archive``) within :data:`PACKAGE_LIMITS`, unpacked
into a temporary folder, checked as a BagIt bag (checksums, tag files) and its package.json
against the shape ``documents.package`` writes. Split from ``documents.package`` (names,
writing), whose constants and helpers it uses."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import unicodedata
import uuid as _uuid
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bagit

from liaison_desk.documents.package import (
    CHECKSUM,
    FORMAT_NAME,
    KNOWN_FORMAT_VERSIONS,
    PACKAGE_JSON,
    SPACE_MARGIN,
    TAG_FILES,
    ProgressSteps,
    file_sha256,
)
from liaison_desk.documents.records_package import check_records_json, is_records_package
from liaison_desk.files.archive import ZipLimits, ZipRefused, name_problem, open_zip, size_text
from liaison_desk.files.errors import os_error_text
from liaison_desk.progress import Cancelled, Progress

log = logging.getLogger(__name__)

__all__ = [
    "PACKAGE_LIMITS",
    "PackageProblem",
    "VerifyReport",
    "verify_package",
]

# --- budgets of what verification reads (a crafted ZIP is refused before it fills the disk) ------
#: The ZIP itself: a district's year of cases with their photos stays far below.
MAX_PACKAGE_SIZE = 4 * 1024**3
#: Entries: a province's collection of 200 cases with 10 photos each, or a group's year of records
#: with their photos, makes 2 000–4 000; 10 000 keeps the worst case (every entry tiny, each
#: unpacked and checksummed) to a few seconds.
MAX_MEMBERS = 10_000
#: The ZIP's directory: 10 000 entries with names of 1 600 bytes (zipfile keeps it in memory).
MAX_DIRECTORY_SIZE = 16 * 1024**2
#: One file unpacked: the collection PDF of a whole year is a few hundred MB.
MAX_MEMBER_SIZE = 2 * 1024**3
#: Everything unpacked (the temporary folder's share of the disk).
MAX_TOTAL_SIZE = 4 * 1024**3
#: Unpacked / packed size of one member above RATIO_FLOOR: PDF ~1-3, JSON ~5-10, zeros ~1000.
MAX_RATIO = 100
RATIO_FLOOR = 1024**2
#: Unpacked / packed size of the whole above TOTAL_RATIO_FLOOR: photos are stored as they are
#: and PDFs are already compressed, so a real package is near 1; 480 members of zeros each just
#: under MAX_RATIO are not.
MAX_TOTAL_RATIO = 20
TOTAL_RATIO_FLOOR = 64 * 1024**2
#: package.json is read into memory: 64 MB is some 100 000 consultations.
MAX_PACKAGE_JSON = 64 * 1024**2
#: Tag files (bag-info.txt, manifests) are checked as text before bagit parses them.
MAX_TAG_FILE = 64 * 1024**2

PACKAGE_LIMITS = ZipLimits(
    max_file_size=MAX_PACKAGE_SIZE,
    max_entries=MAX_MEMBERS,
    max_directory_size=MAX_DIRECTORY_SIZE,
    max_entry_size=MAX_MEMBER_SIZE,
    max_total_size=MAX_TOTAL_SIZE,
    max_ratio=MAX_RATIO,
    max_total_ratio=MAX_TOTAL_RATIO,
    ratio_floor=RATIO_FLOOR,
    total_ratio_floor=TOTAL_RATIO_FLOOR,
)

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
    #: An error no check foresaw stopped verification (logged; the package counts as refused).
    unexpected: bool = False
    #: Things worth knowing that are not problems (e.g. the ZIP was re-made by another tool).
    notes: list[str] = field(default_factory=list)

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
        if self.ok and (self.package or {}).get("kind") == "records":
            c = self.counts
            sender = (self.package or {}).get("sender") or {}
            return (
                f"报送数据包「{name}」校验通过：BagIt 包完整有效，{self.files} 个文件的校验值全部相符，"
                f"package.json 与文件一致（{sender.get('name') or ''}：协商活动 "
                f"{c.get('consultation', 0)} 场，意见建议 {c.get('outcome_item', 0)} 条，"
                f"人员 {c.get('person', 0)} 人，照片文件 {c.get('photos', 0)} 个）。"
            )
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
        if self.notes:
            lines.append("")
            lines += [f"注意：{note}" for note in self.notes]
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
    work_dir: Path | None = None,
    limits: ZipLimits | None = None,
) -> VerifyReport:
    """Check a submission package (see the module docstring) and report what is wrong.

    Total: whatever bytes the file holds, the answer is a report — every problem goes into it;
    only ``Cancelled`` (raised by ``progress``) escapes. ``work_dir``: where to
    unpack (a temporary folder inside it, removed afterwards; default the system's temporary
    folder). ``limits``: the budgets (default :data:`PACKAGE_LIMITS`)."""
    path = Path(path)
    report = VerifyReport(path)
    steps = ProgressSteps(1, progress)
    try:
        _verify(path, report, steps, work_dir, limits or PACKAGE_LIMITS)
        report.checked_all = True
    except _Refused:
        pass
    except Cancelled:
        raise
    except Exception as exc:  # the last line of defence: a crafted file must not crash verify
        log.exception("verify: unexpected error while checking %s", path)
        report.unexpected = True
        report.add(
            path.name,
            f"无法完成校验（{type(exc).__name__}: {str(exc)[:200]}）。这个文件不能确认是完整的报送包，"
            "按不通过处理。",
        )
    return report


def _verify(
    path: Path, report: VerifyReport, steps: ProgressSteps, work_dir: Path | None, limits: ZipLimits
) -> None:
    name = path.name
    try:
        archive = open_zip(path, limits, what="报送包")
    except ZipRefused as exc:
        _add_refusal(report, exc)
        raise _Refused from exc
    with archive:
        if archive.name_encoding == "cp437":
            report.notes.append(_GARBLED_NAMES)
        elif archive.name_encoding is not None:
            report.notes.append(_REZIPPED.format(encoding=_ENCODING_NAMES[archive.name_encoding]))
        try:
            report.sha256 = file_sha256(path)
        except OSError as exc:
            report.add(name, f"无法读取文件（{os_error_text(exc)}）。")
            raise _Refused from exc
        infos = archive.entries
        if not infos:
            report.add(name, "压缩包是空的。")
            raise _Refused
        top = _single_top_folder(infos, report)
        try:
            tmp = tempfile.TemporaryDirectory(
                prefix="liaison-desk-verify-", dir=work_dir, ignore_cleanup_errors=True
            )
        except OSError as exc:
            report.add(name, f"无法建立临时文件夹来解压（{os_error_text(exc)}）。")
            raise _Refused from exc
        with tmp:
            root = Path(tmp.name)
            _ensure_space(root, archive.declared_total, report)
            steps.total = len(infos) * 2 + 2
            try:
                archive.extract_all(
                    root, on_entry=lambda zi: steps.advance(1, f"正在解压 {zi.filename}")
                )
            except ZipRefused as exc:
                _add_refusal(report, exc)
                raise _Refused from exc
            bag_dir = root / top
            report.bag_name = top
            _check_bag(bag_dir, report, steps)
            _check_package_json(bag_dir, report)


_ENCODING_NAMES = {"gb18030": "GBK（中文 Windows 的编码）", "utf-8": "UTF-8"}
_REZIPPED = (
    "这个 ZIP 文件不是本软件生成的原样文件：它被解压后又用其他压缩软件重新压缩过，里面的文件名"
    "按 {encoding} 保存，而不是报送包使用的 UTF-8 标记。本软件已按这种编码读出文件名再校验。"
    "重新压缩会改变文件的 SHA-256，报送记录里的校验值将对不上；正式报送请使用本软件导出的原始 .zip 文件。"
)


_GARBLED_NAMES = (
    "这个 ZIP 文件里的中文文件名没有按报送包使用的 UTF-8 保存，也不是 GBK 编码，无法正确读出，"
    "下面列出的路径多半因此成了乱码。它很可能被解压后又用其他压缩软件重新压缩过：请使用本软件导出的"
    "原始 .zip 文件。"
)


def _add_refusal(report: VerifyReport, refused: ZipRefused) -> None:
    """The reader's problems into the report; several unsafe entries under one heading."""
    problems = refused.problems
    if not refused.unpacking and (
        len(problems) > 1
        or (problems and problems[0].name and "没有解压" not in problems[0].message)
    ):
        report.add(report.path.name, "压缩包中有不安全的条目，为安全起见没有解压，详见下列各项。")
    for p in refused.problems:
        report.add(p.name or report.path.name, p.message)


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


def _ensure_space(folder: Path, needed: int, report: VerifyReport) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + SPACE_MARGIN:
        report.add(
            report.path.name,
            f"临时文件夹所在磁盘只剩 {size_text(free)}，解压需要 {size_text(needed)}。"
            "请清理磁盘空间后再校验。",
        )
        raise _Refused


def _bag_path(rel: str) -> str:
    """A path inside the bag as the user sees it: "/" between folders."""
    return rel.replace(os.sep, "/")


def _check_bag(bag_dir: Path, report: VerifyReport, steps: ProgressSteps) -> None:
    where = report.bag_name
    if not bag_dir.is_dir():
        report.add(where, "不是文件夹，报送包里应是一个 BagIt 包文件夹。")
        raise _Refused
    _check_tag_files(bag_dir, report)
    try:
        _check_bag_contents(bag_dir, report, steps)
    except (_Refused, Cancelled):
        raise
    except Exception as exc:
        # bagit parses what the sender wrote; whatever it trips over is a broken bag.
        log.info("bagit could not read %s: %r", bag_dir, exc)
        report.add(where, f"BagIt 包无法读取（{type(exc).__name__}: {str(exc)[:200]}）。")
        raise _Refused from exc


def _check_tag_files(bag_dir: Path, report: VerifyReport) -> None:
    """The tag files beside data/ must be UTF-8 text of a sane size before bagit reads them
    (it would stop on the first byte it cannot decode)."""
    where = report.bag_name
    if not (bag_dir / "bagit.txt").is_file():
        report.add(f"{where}/bagit.txt", "缺少，这不是 BagIt 包（或不完整）。")
        raise _Refused
    bad = False
    for tag in sorted(bag_dir.glob("*.txt")):
        if not tag.is_file():
            continue
        shown = f"{where}/{tag.name}"
        try:
            if tag.stat().st_size > MAX_TAG_FILE:
                report.add(shown, f"大得不正常（超过 {size_text(MAX_TAG_FILE)}），没有读取。")
                bad = True
                continue
            tag.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            report.add(
                shown,
                f"不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节无法识别），无法读取。"
                "报送包的清单文件都应是 UTF-8 编码。",
            )
            bad = True
        except OSError as exc:
            report.add(shown, f"无法读取（{os_error_text(exc)}）。")
            bad = True
    if bad:
        raise _Refused


def _check_bag_contents(bag_dir: Path, report: VerifyReport, steps: ProgressSteps) -> None:
    where = report.bag_name
    try:
        bag = bagit.Bag(str(bag_dir))
    except bagit.BagError as exc:
        report.add(where, f"BagIt 包无法读取：{exc}")
        raise _Refused from exc
    report.bag_info = {k: v if isinstance(v, str) else "；".join(v) for k, v in bag.info.items()}
    for tag in TAG_FILES:
        if not (bag_dir / tag).is_file():
            report.add(f"{where}/{tag}", "缺少（BagIt 包必需的清单文件）。")
    if not (bag_dir / "data").is_dir():
        report.add(f"{where}/data", "缺少（BagIt 包的内容文件夹）。")
        raise _Refused

    # Beside data/: only the tag files and what the tag manifest lists.
    listed_tags = {_bag_path(p) for p in bag.tagfile_entries()}
    # The tag manifest protects the other tag files; the app's packages always list these.
    for tag in TAG_FILES[:3]:
        if tag not in listed_tags and (bag_dir / tag).is_file():
            report.add(
                f"{where}/{TAG_FILES[3]}",
                f"没有列出 {tag} 的校验值：清单文件不完整或被改动过。",
            )
    allowed = set(TAG_FILES) | listed_tags
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
        if expected and file.is_file() and file_sha256(file) != expected.lower():
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
    if not isinstance(value, str) or not value or name_problem(value):
        return None
    return unicodedata.normalize("NFC", value)


def _check_package_json(bag_dir: Path, report: VerifyReport) -> None:
    where = f"{report.bag_name}/data/{PACKAGE_JSON}"
    file = bag_dir / "data" / PACKAGE_JSON
    if not file.is_file():
        report.add(where, "缺少（报送包的数据清单）。")
        return
    try:
        if file.stat().st_size > MAX_PACKAGE_JSON:
            report.add(where, f"大得不正常（超过 {size_text(MAX_PACKAGE_JSON)}），没有读取。")
            return
        doc = json.loads(file.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        report.add(where, f"不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节无法识别），无法读取。")
        return
    except RecursionError:
        report.add(where, "无法读取：JSON 嵌套层数多得不正常。")
        return
    except (ValueError, OSError) as exc:
        report.add(where, f"无法读取（不是有效的 JSON：{exc}）。")
        return
    if not isinstance(doc, dict):
        report.add(where, f"格式不对：应是一个 JSON 对象，却是{_kind(doc)}。")
        return
    if doc.get("format") != FORMAT_NAME:
        report.add(where, f"不是联络组履职档案台的报送包清单（format 应为 {FORMAT_NAME}）。")
        return
    if is_records_package(doc):
        _check_records_package(bag_dir, doc, report, where)
        return
    version = doc.get("format_version")
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or version not in KNOWN_FORMAT_VERSIONS
    ):
        report.add(
            where,
            f"格式版本 {_shown(version)} 无法识别（本程序认识版本 "
            f"{'、'.join(str(v) for v in sorted(KNOWN_FORMAT_VERSIONS))}）。"
            "如果报送包由更新版本的软件生成，请先升级软件。",
        )
        return
    shape: list[str] = []
    _check_shape(doc, _PACKAGE_SHAPE, "", shape)
    if shape:
        for problem in shape[:_MAX_SHAPE_PROBLEMS]:
            report.add(where, problem)
        if len(shape) > _MAX_SHAPE_PROBLEMS:
            report.add(where, f"另有 {len(shape) - _MAX_SHAPE_PROBLEMS} 处格式不对，不再一一列出。")
        return
    report.package = doc

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


def _check_records_package(
    bag_dir: Path, doc: dict[str, Any], report: VerifyReport, where: str
) -> None:
    data_dir = bag_dir / "data"
    payload = {
        unicodedata.normalize("NFC", p.relative_to(data_dir).as_posix())
        for p in data_dir.rglob("*")
        if p.is_file()
    }
    before = len(report.problems)
    check_records_json(doc, data_dir, lambda message: report.add(where, message), payload)
    if len(report.problems) == before:
        report.package = doc


def _list(
    doc: Mapping[str, Any], key: str, where: str, report: VerifyReport
) -> list[dict[str, Any]]:
    value = doc.get(key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        report.add(where, f"缺少 {key} 列表，或格式不对。")
        return []
    return value


# --- the shape of package.json ----------------------------------------------------------------------
# Checked before anything in it is used, so a sender's odd value ("photos": 5, a string where a
# list belongs, null, nesting) is a named problem, not a crash. A shape is a type (str, int,
# bool), _Nullable(shape), [shape] (a list of it), _MapOf(shape) (an object of any keys) or a
# dict of field -> shape (an object; a key ending in "?" may be absent; other keys are allowed).


@dataclass(frozen=True)
class _Nullable:
    shape: object


@dataclass(frozen=True)
class _MapOf:
    shape: object


_MAX_SHAPE_PROBLEMS = 20
_ID = {"uuid": str, "revision": int}
_PACKAGE_SHAPE: dict[str, object] = {
    "format": str,
    "format_version": int,
    "app?": {"name?": _Nullable(str), "version?": _Nullable(str)},
    "created_at?": _Nullable(str),
    "target?": _Nullable(str),
    "masked?": bool,
    "files": _MapOf(str),
    "groups?": [{**_ID, "name?": _Nullable(str)}],
    "cases": [
        {
            **_ID,
            "title": str,
            "folder": str,
            "files": _MapOf(str),
            "consultations?": [str],
            "photos?": [
                {**_ID, "file": str, "caption?": _Nullable(str), "taken_at?": _Nullable(str)}
            ],
        }
    ],
    "consultations": [
        {
            **_ID,
            "number?": _Nullable(str),
            "title?": _Nullable(str),
            "record_sheet?": _Nullable(str),
            "outcome_items?": [{**_ID, "content?": _Nullable(str)}],
        }
    ],
    "counts": {"cases": int, "consultations": int, "outcome_items": int, "photos": int},
}
_TYPE_NAMES = {str: "文字", int: "整数", bool: "true 或 false", list: "列表", dict: "对象"}


def _kind(value: object) -> str:
    if value is None:
        return "空值 null"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"数字 {_shown(value)}"
    if isinstance(value, str):
        return f"文字 {_shown(value)}"
    if isinstance(value, list):
        return "列表"
    return "对象"


def _shown(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "一个极大的数"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _check_shape(value: object, shape: object, at: str, out: list[str]) -> None:
    """Append to ``out`` where ``value`` does not have ``shape`` (see above), at most a few."""
    if len(out) > _MAX_SHAPE_PROBLEMS:
        return
    where = at or "最外层"
    if isinstance(shape, _Nullable):
        if value is not None:
            _check_shape(value, shape.shape, at, out)
        return
    if isinstance(shape, type):
        ok = isinstance(value, shape) and not (shape is int and isinstance(value, bool))
        if not ok:
            out.append(f"“{where}”应是{_TYPE_NAMES[shape]}，却是{_kind(value)}。")
        elif shape is int and not 0 <= value < 2**63:  # type: ignore[operator]
            # Revisions and counts: what a database column holds, never negative.
            out.append(f"“{where}”超出范围：{_shown(value)}。")
        return
    if isinstance(shape, list):
        if not isinstance(value, list):
            out.append(f"“{where}”应是列表，却是{_kind(value)}。")
            return
        for n, item in enumerate(value, 1):
            _check_shape(item, shape[0], f"{at} 第 {n} 项", out)
        return
    if not isinstance(value, dict):
        out.append(f"“{where}”应是对象，却是{_kind(value)}。")
        return
    if isinstance(shape, _MapOf):
        for key, item in value.items():
            _check_shape(item, shape.shape, f"{at}.{key}" if at else key, out)
        return
    assert isinstance(shape, dict)
    for field_name, inner in shape.items():
        key = field_name.rstrip("?")
        here = f"{at}.{key}" if at else key
        if key not in value:
            if not field_name.endswith("?"):
                out.append(f"缺少“{here}”。")
            continue
        _check_shape(value[key], inner, here, out)
