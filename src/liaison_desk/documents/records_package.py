"""The records package (报送数据包): a group's own records for the district office, as a BagIt
ZIP like the case package (``documents.package`` writes the bag, ``documents.package_check``
verifies it). Its ``package.json`` has ``"kind": "records"`` and holds every record as a
document (``storage.exchange`` makes and merges them) with its UUID and revision, the
deletions (tombstones), the sender group, the period and the masking choice; the photos are the
stored files themselves, named by their SHA-256 (``照片/<sha256>.jpg``), so the receiving
database stores each file once and can check it."""

from __future__ import annotations

import hashlib
import re
import uuid as _uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from liaison_desk import __version__
from liaison_desk.documents.package import (
    FORMAT_NAME,
    PACKAGE_JSON,
    PackageWritten,
    PayloadFile,
    safe_file_name,
    write_json,
    write_package,
    write_text,
)
from liaison_desk.progress import Progress

KIND = "records"
RECORDS_FORMAT_VERSION = 1
KNOWN_RECORDS_VERSIONS = frozenset({1})
README = "说明.txt"
PHOTOS_FOLDER = "照片"
#: The kinds of record in ``records``, as the district office reads them.
KIND_LABELS = {
    "group": "联络组",
    "person": "人员",
    "consultation": "协商活动",
    "outcome_item": "意见建议",
    "case": "协商案例",
    "attachment": "照片记录",
    "submission": "报送记录",
}
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class RecordsPackageData:
    """One snapshot of a group's records (``storage.exchange.RecordsSnapshot``, masked as the
    privacy policy says), ready to write."""

    group: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]
    tombstones: list[dict[str, Any]]
    photo_hashes: list[str]
    period: dict[str, Any]
    masked: bool
    masking: dict[str, bool]
    today: date
    created_at: datetime
    sender_office: str = ""
    contact: tuple[str, str] = ("", "")
    photo_exts: dict[str, str] = field(default_factory=dict)

    def photo_path(self, sha: str) -> str:
        return f"{PHOTOS_FOLDER}/{sha}{self.photo_exts.get(sha, '.jpg')}"


def period_text(period: Mapping[str, Any]) -> str:
    if period.get("year"):
        return f"{period['year']}年"
    if period.get("since"):
        return f"{period['since']}以来"
    return "全部"


def bag_name(data: RecordsPackageData) -> str:
    """e.g. 织里镇联络组-2024-报送数据包-20250110."""
    period = data.period
    when = str(period.get("year") or (f"{period['since']}起" if period.get("since") else "全部"))
    parts = [str(data.group.get("name", "")), when, "报送数据包", data.today.strftime("%Y%m%d")]
    return safe_file_name("-".join(p for p in parts if p), max_length=80)


def counts_of(data: RecordsPackageData) -> dict[str, int]:
    counts = {kind: len(data.records.get(kind, [])) for kind in KIND_LABELS}
    counts["tombstones"] = len(data.tombstones)
    counts["photos"] = len(data.photo_hashes)
    return counts


def package_json(data: RecordsPackageData) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": RECORDS_FORMAT_VERSION,
        "kind": KIND,
        "app": {"name": "liaison-desk", "version": __version__},
        "created_at": data.created_at.isoformat(),
        "sender": {"uuid": data.group.get("uuid"), "name": data.group.get("name")},
        "period": data.period,
        "masked": data.masked,
        "masking": data.masking,
        "records": data.records,
        "tombstones": data.tombstones,
        "photos": {sha: data.photo_path(sha) for sha in data.photo_hashes},
        "counts": counts_of(data),
    }


def readme(data: RecordsPackageData) -> str:
    counts = counts_of(data)
    lines = [
        f"{data.group.get('name', '')} 报送数据包（{period_text(data.period)}）",
        "",
        "这是联络组履职档案台导出的联络组记录，供区政协办公室用“导入报送包”合并到区里的数据库。",
        "请不要修改包里的任何文件：导入前会逐一核对校验值，改动过的包会被拒绝。",
        "",
        "包含：",
    ]
    lines += [f"  {label} {counts[kind]} 条" for kind, label in KIND_LABELS.items()]
    lines.append(f"  已彻底删除的记录 {counts['tombstones']} 条")
    lines.append(f"  照片文件 {counts['photos']} 个（文件夹“{PHOTOS_FOLDER}”）")
    lines.append("")
    if data.masked:
        lines.append("个人信息：未同意公开的人员，手机号和身份证号已隐藏（如 138****8000）。")
    else:
        lines.append("个人信息：未隐藏（导出人选择了不隐藏），请按内部资料妥善保管。")
    lines.append(f"导出时间：{data.created_at:%Y-%m-%d %H:%M}")
    return "\n".join(lines) + "\n"


def write_records_package(
    data: RecordsPackageData,
    out: Path,
    photo_file: Callable[[str], Path],
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> PackageWritten:
    """Write the package to ``out`` (temporary name, renamed when complete: ``write_package``).
    ``photo_file(sha256)``: where the stored file is; it is copied as it is (its name is its
    checksum)."""
    payload = [
        PayloadFile(README, write_text(readme(data)), "正在写入说明"),
        PayloadFile(PACKAGE_JSON, write_json(package_json(data)), "正在写入数据清单", weight=5),
    ]
    for sha in data.photo_hashes:
        payload.append(
            PayloadFile(data.photo_path(sha), _copy(photo_file(sha)), f"正在写入照片 {sha[:8]}")
        )
    name, phone = data.contact
    sender = " ".join(p for p in (data.sender_office, str(data.group.get("name", ""))) if p)
    info = {
        "Source-Organization": sender,
        "Contact-Name": name,
        "Contact-Phone": phone,
        "Bagging-Date": data.today.isoformat(),
        "External-Description": (
            f"{data.group.get('name', '')}的履职记录（{period_text(data.period)}），供区政协汇总"
            + ("；个人信息已隐藏" if data.masked else "；未隐藏个人信息，仅供内部使用")
        ),
        "External-Identifier": bag_name(data),
    }
    return write_package(bag_name(data), info, payload, out, overwrite=overwrite, progress=progress)


def _copy(source: Path) -> Callable[[Path], None]:
    def write(dest: Path) -> None:
        dest.write_bytes(source.read_bytes())

    return write


# --- verification ------------------------------------------------------------------------------


def is_records_package(doc: Mapping[str, Any]) -> bool:
    return doc.get("kind") == KIND


def check_records_json(
    doc: Mapping[str, Any], data_dir: Path, add: Callable[[str], None], payload: set[str]
) -> None:
    """What ``package_check`` checks of a records package's package.json beyond the bag: a known
    version, the shape, UUIDs, counts, and every photo file present with the checksum its name
    says; ``add(message)`` reports a problem, ``payload``: the files of ``data/`` (NFC)."""
    version = doc.get("format_version")
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or version not in KNOWN_RECORDS_VERSIONS
    ):
        add(
            f"报送数据包的格式版本 {version!r} 无法识别（本程序认识版本 "
            f"{'、'.join(str(v) for v in sorted(KNOWN_RECORDS_VERSIONS))}）。"
            "如果它由更新版本的软件生成，请先升级软件再导入。"
        )
        return
    records = doc.get("records")
    sender = doc.get("sender")
    if not isinstance(records, dict) or not all(
        isinstance(v, list) and all(isinstance(d, dict) for d in v) for v in records.values()
    ):
        add("缺少 records（各类记录的列表），或格式不对。")
        return
    if not isinstance(sender, dict) or not _is_uuid(sender.get("uuid")):
        add("缺少报送联络组（sender）或其 UUID 无效。")
        return
    unknown = set(records) - set(KIND_LABELS)
    if unknown:
        add(f"records 中有无法识别的记录类别：{'、'.join(sorted(unknown))}。")
    seen: set[str] = set()
    for kind, docs in records.items():
        for n, d in enumerate(docs, 1):
            what = f"{KIND_LABELS.get(kind, kind)}第 {n} 条"
            if not _is_uuid(d.get("uuid")):
                add(f"{what}的 UUID 无效：{d.get('uuid')!r}")
            elif d["uuid"] in seen:
                add(f"{what}的 UUID {d['uuid']} 重复出现。")
            else:
                seen.add(d["uuid"])
            if not isinstance(d.get("revision"), int) or isinstance(d.get("revision"), bool):
                add(f"{what}缺少版本号（revision）。")
    tombstones = doc.get("tombstones")
    if not isinstance(tombstones, list) or not all(
        isinstance(t, dict) and _is_uuid(t.get("uuid")) and t.get("type") in KIND_LABELS
        for t in tombstones
    ):
        add("tombstones（已删除记录）缺少或格式不对。")
        tombstones = []
    photos = doc.get("photos")
    if not isinstance(photos, dict):
        add("缺少 photos（照片文件清单）。")
        photos = {}
    listed = set()
    for sha, rel in photos.items():
        if not isinstance(sha, str) or not _SHA.match(sha) or not isinstance(rel, str):
            add(f"照片清单中有无效的条目：{sha!r}")
            continue
        listed.add(rel)
        if rel not in payload:
            add(f"缺少照片文件 {rel}（package.json 列出了它）。")
            continue
        actual = hashlib.sha256((data_dir / rel).read_bytes()).hexdigest()
        if actual != sha:
            add(f"照片文件 {rel} 的内容与它的校验值不符。")
    hashes = {str(d.get("sha256")) for d in records.get("attachment", [])}
    missing = hashes - set(photos)
    if missing:
        add(f"有 {len(missing)} 条照片记录的文件不在包中。")
    counts = doc.get("counts")
    actual_counts = {kind: len(records.get(kind, [])) for kind in KIND_LABELS}
    actual_counts["tombstones"] = len(tombstones)
    actual_counts["photos"] = len(photos)
    if not isinstance(counts, dict):
        add("缺少 counts（各类数量）。")
    else:
        for key, value in actual_counts.items():
            if counts.get(key) != value:
                label = KIND_LABELS.get(
                    key, {"tombstones": "已删除记录", "photos": "照片文件"}.get(key, key)
                )
                add(f"{label}数量不符：counts 写的是 {counts.get(key)!r}，实有 {value}。")
    for rel in sorted(payload - listed - {PACKAGE_JSON, README}):
        add(f"包中有 package.json 没有列出的文件：{rel}")


def _is_uuid(value: object) -> bool:
    try:
        _uuid.UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)
