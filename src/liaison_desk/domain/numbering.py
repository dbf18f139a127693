"""编号 of consultations and 档号 of archived items (formats.md).

The counters that hand out sequence numbers live in storage; these functions only format and parse,
so the rule "numbers are never reused" is kept by the counter never going down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaison_desk.domain.enums import ConsultationKind, RetentionPeriod

_TOWN_SUFFIXES = ("街道", "镇", "乡", "社区")

ARCHIVE_CATEGORY_CODE = "WS"  # 门类代码: 文书


def short_name_of(town: str) -> str:
    """织里镇 → 织里, 龙泉街道 → 龙泉: the town part of a 编号."""
    name = town.strip()
    for suffix in _TOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def consultation_number(short_name: str, year: int, kind: ConsultationKind, seq: int) -> str:
    """织里-2024-议-012: per group, year and kind; at least three digits."""
    if seq < 1:
        raise ValueError("编号序号从 1 开始")
    return f"{short_name}-{year}-{kind.number_code}-{seq:03d}"


@dataclass(frozen=True)
class ParsedNumber:
    short_name: str
    year: int
    kind: ConsultationKind
    seq: int


_NUMBER_RE = re.compile(r"^(?P<short>.+)-(?P<year>\d{4})-(?P<code>[议微])-(?P<seq>\d{3,})$")


def parse_consultation_number(number: str) -> ParsedNumber | None:
    match = _NUMBER_RE.match(number.strip())
    if not match:
        return None
    kind = ConsultationKind.HALL if match["code"] == "议" else ConsultationKind.MICRO
    return ParsedNumber(match["short"], int(match["year"]), kind, int(match["seq"]))


def archive_number(
    fonds_code: str, year: int, retention: RetentionPeriod, org_code: str, item: int
) -> str:
    """档号 per DA/T 22: 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号, e.g. J012-WS·2024-Y-ZL-0001."""
    if item < 1:
        raise ValueError("件号从 1 开始")
    return f"{fonds_code}-{ARCHIVE_CATEGORY_CODE}·{year}-{retention.value}-{org_code}-{item:04d}"


@dataclass(frozen=True)
class ParsedArchiveNumber:
    """The parts of a 档号: 全宗号, 年度, 保管期限, 机构(问题)代码, 件号."""

    fonds_code: str
    year: int
    retention: RetentionPeriod
    org_code: str
    item: int


_ARCHIVE_RE = re.compile(
    rf"^(?P<fonds>[^-\s]+)-{ARCHIVE_CATEGORY_CODE}·(?P<year>\d{{4}})-(?P<retention>Y|D30|D10)"
    r"-(?P<org>[^-\s]+)-(?P<item>\d{4,})$"
)


def parse_archive_number(number: str) -> ParsedArchiveNumber | None:
    """J012-WS·2024-Y-ZL-0001 → its parts; None for anything not of that form."""
    match = _ARCHIVE_RE.match(number.strip())
    if not match:
        return None
    return ParsedArchiveNumber(
        match["fonds"],
        int(match["year"]),
        RetentionPeriod(match["retention"]),
        match["org"],
        int(match["item"]),
    )
