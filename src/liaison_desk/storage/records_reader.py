"""Reading a records package's documents before anything is merged: the one place where what
came from outside is checked.

A package that verifies (its bag's checksums match) may still have been written by hand or by
another program: the checksums only say the files are as their sender made them. So every
document is checked against the columns it is written to (their types, lengths and the values
the app can read back), every reference must name a record of the package or of this database
that belongs to the sending group, a UUID must not name a record of another kind, and a
deletion may only remove the sending group's own records. All problems are collected and the
package is refused with them (``RecordsRefused``) before the trial merge; the merge
(``storage.exchange``) then only meets documents it can write.
"""

from __future__ import annotations

import re
import uuid as _uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Time, select
from sqlalchemy.orm import Session

from liaison_desk.storage import mapping
from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.exchange import (
    ENTITY_LABELS,
    ENTITY_ORDER,
    NOT_SENT,
    PART_NOT_SENT,
    PART_TABLES,
    REFERENCES,
    TABLES,
)
from liaison_desk.storage.models import (
    AttachmentRow,
    CaseRow,
    ConsultationRow,
    GroupRow,
    OutcomeItemRow,
)

#: A text column without a length of its own (minutes, consensus, a case's sections): a long
#: session's minutes are some ten thousand characters.
MAX_TEXT = 200_000
#: Parts of one record (participants, speeches, a case's consultations and photos).
MAX_PARTS = 5_000
#: Nesting of a JSON value (a checklist step is two levels deep).
MAX_DEPTH = 6
#: Dates and times the app's records can have.
FIRST_YEAR, LAST_YEAR = 1900, 2100
#: PostgreSQL's integer.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
#: Problems listed in the refusal (the rest are counted).
SHOWN_PROBLEMS = 20

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
#: Which references must name a record (the rest may be empty).
_REQUIRED_REFS = {("consultation", "group"), ("outcome_item", "consultation"), ("case", "group")}
#: Kinds whose records belong to a group directly.
_GROUP_KINDS = ("person", "consultation", "case", "submission")


class RecordsRefused(StorageError):
    """The package's documents cannot be merged; ``problems``: each one in words."""

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:SHOWN_PROBLEMS]
        more = len(problems) - len(shown)
        text = "报送包的内容有问题，没有导入任何数据：\n" + "\n".join(f"  {p}" for p in shown)
        if more:
            text += f"\n  ……另有 {more} 处问题。"
        text += "\n请让报送的联络组用本软件重新导出报送数据包。"
        super().__init__(text)
        self.problems = problems


@dataclass(frozen=True)
class IncomingRecords:
    """A package's documents, checked: what ``exchange.Merger.merge`` is given."""

    sender_uuid: str
    sender_name: str
    records: dict[str, list[dict[str, Any]]]
    tombstones: list[dict[str, Any]]


def read_records(s: Session, doc: Mapping[str, Any]) -> IncomingRecords:
    """The documents of package.json ``doc`` (its bag verified), checked against the columns
    and against this database (session ``s``, read only). RecordsRefused with every problem
    found."""
    problems: list[str] = []
    sender = doc.get("sender")
    records = doc.get("records")
    tombstones = doc.get("tombstones")
    if not isinstance(sender, dict) or not _is_uuid(sender.get("uuid")):
        raise RecordsRefused(["缺少报送联络组（sender）或其 UUID 无效。"])
    if not isinstance(records, dict) or not isinstance(tombstones, list):
        raise RecordsRefused(["缺少记录（records）或已删除记录（tombstones）的清单。"])
    sender_uuid = str(sender["uuid"])
    checked: dict[str, list[dict[str, Any]]] = {}
    for kind in ENTITY_ORDER:
        docs = records.get(kind, [])
        if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
            problems.append(f"{ENTITY_LABELS[kind]}的清单格式不对。")
            continue
        checked[kind] = docs
        for n, d in enumerate(docs, 1):
            problems += _document_problems(kind, d, f"{ENTITY_LABELS[kind]}第 {n} 条")
    for n, t in enumerate(tombstones, 1):
        if (
            not isinstance(t, dict)
            or t.get("type") not in TABLES
            or not _is_uuid(t.get("uuid"))
            or _date_problem(DateTime(), t.get("deleted_at"))
        ):
            problems.append(f"已删除记录第 {n} 条格式不对。")
    problems += _package_problems(checked, sender_uuid)
    if problems:
        raise RecordsRefused(problems)
    problems += _database_problems(s, checked, tombstones, sender_uuid)
    if problems:
        raise RecordsRefused(problems)
    return IncomingRecords(sender_uuid, str(sender.get("name") or ""), checked, tombstones)


# --- one document ---------------------------------------------------------------------------


def _document_problems(kind: str, doc: Mapping[str, Any], what: str) -> list[str]:
    problems: list[str] = []
    if not _is_uuid(doc.get("uuid")):
        return [f"{what}的 UUID 无效。"]
    title = _title(kind, doc)
    what = f"{what}「{title}」" if title else what
    revision = doc.get("revision")
    if not (isinstance(revision, int) and _is_int(revision) and 1 <= revision <= INT_MAX):
        problems.append(f"{what}的版本号（revision）应是正整数，却是 {_shown(revision)}。")
    table = TABLES[kind]
    refs = REFERENCES.get(kind, {})
    for column in table.__table__.columns:
        if column.name in NOT_SENT or column.name in ("uuid", "revision"):
            continue
        if column.name in refs:
            ref_kind = refs[column.name]
            value = doc.get(ref_kind)
            if value is None and (kind, ref_kind) in _REQUIRED_REFS:
                problems.append(f"{what}缺少所属的{ENTITY_LABELS[ref_kind]}。")
            elif value is not None and not _is_uuid(value):
                problems.append(f"{what}所属{ENTITY_LABELS[ref_kind]}的 UUID 无效。")
            continue
        if column.name not in doc:
            problems.append(f"{what}缺少字段 {column.name}。")
            continue
        problem = _value_problem(column, doc[column.name])
        if problem:
            problems.append(f"{what}的 {column.name} {problem}")
    if kind == "attachment" and doc.get("consultation") is None and doc.get("case") is None:
        problems.append(f"{what}既不属于协商活动，也不属于案例。")
    problems += _parts_problems(kind, doc, what)
    if not problems:
        problems += _readable_problems(kind, doc, what)
    return problems


def _parts_problems(kind: str, doc: Mapping[str, Any], what: str) -> list[str]:
    problems: list[str] = []
    if kind == "consultation":
        for name, part_table in PART_TABLES.items():
            parts = doc.get(name, [])
            if not _is_list_of_dicts(parts):
                problems.append(f"{what}的 {name} 格式不对。")
                continue
            for n, part in enumerate(parts, 1):
                for column in part_table.__table__.columns:
                    if column.name in PART_NOT_SENT:
                        continue
                    if column.name not in part:
                        problems.append(f"{what}的 {name} 第 {n} 项缺少字段 {column.name}。")
                        continue
                    problem = _value_problem(column, part[column.name])
                    if problem:
                        problems.append(f"{what}的 {name} 第 {n} 项 {column.name} {problem}")
                person = part.get("person")
                if name == "participants" and person is not None and not _is_uuid(person):
                    problems.append(f"{what}的参加人员第 {n} 项的人员 UUID 无效。")
    elif kind == "case":
        ids = doc.get("consultation_ids", [])
        if not isinstance(ids, list) or len(ids) > MAX_PARTS or not all(map(_is_uuid, ids)):
            problems.append(f"{what}的 consultation_ids 应是协商活动 UUID 的列表。")
        photos = doc.get("photos", [])
        if not _is_list_of_dicts(photos) or not all(
            (p.get("attachment") is None or _is_uuid(p.get("attachment")))
            and _is_text(p.get("caption", ""), 200)
            for p in photos
        ):
            problems.append(f"{what}的 photos 格式不对。")
    elif kind == "submission":
        cases = doc.get("cases", [])
        if not _is_list_of_dicts(cases) or not all(
            _is_uuid(c.get("case"))
            and _is_text(c.get("result", ""), 20)
            and _is_text(c.get("note", ""), MAX_TEXT)
            for c in cases
        ):
            problems.append(f"{what}的 cases 格式不对。")
        elif len({c["case"] for c in cases}) != len(cases):
            problems.append(f"{what}的 cases 中同一个案例出现了不止一次。")
    return problems


def _readable_problems(kind: str, doc: Mapping[str, Any], what: str) -> list[str]:
    """The document as the app reads it back (its codes: kinds, statuses, categories; its
    checklist and head counts): a value the app cannot read would break every list showing
    the record."""
    from liaison_desk.domain import entities

    table = TABLES[kind]
    row = table()
    for column in table.__table__.columns:
        if column.name in doc and column.name not in NOT_SENT:
            setattr(row, column.key, _decode(column, doc[column.name]))
    try:
        if kind == "consultation":
            mapping.to_domain(
                entities.Consultation,
                row,
                agenda=list(row.agenda or []),
                participants=[],
                speeches=[],
                head_counts=mapping.head_counts_from_json(row.head_counts),
                checklist=mapping.checklist_from_json(row.checklist),
                outcome_items=[],
                attachments=[],
            )
            for entry in doc.get("participants", []):
                mapping.to_domain(entities.Participant, _Part(entry))
            if not all(isinstance(a, str) and len(a) <= 500 for a in row.agenda or []):
                raise ValueError("agenda")
        elif kind == "case":
            sections = row.sections
            if not isinstance(sections, dict) or not all(
                isinstance(k, str) and _is_text(v, MAX_TEXT) for k, v in sections.items()
            ):
                raise ValueError("sections")
            mapping.to_domain(entities.Case, row, sections={}, consultation_ids=[], photos=[])
        else:
            cls = {
                "group": entities.LiaisonGroup,
                "person": entities.Person,
                "outcome_item": entities.OutcomeItem,
                "attachment": entities.Attachment,
                "submission": entities.Submission,
            }[kind]
            mapping.to_domain(cls, row, **({"cases": []} if kind == "submission" else {}))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        return [f"{what}有本软件无法识别的内容（{_short(str(exc))}）。"]
    return []


class _Part:
    """A part's document as attributes, for ``mapping.to_domain``."""

    def __init__(self, entry: Mapping[str, Any]) -> None:
        self.__dict__.update(entry)


def _value_problem(column: Any, value: Any) -> str:
    """What is wrong with ``value`` for ``column`` ("" when nothing)."""
    if value is None:
        return "" if column.nullable else "不能为空。"
    kind = column.type
    if isinstance(kind, Boolean):
        return "" if isinstance(value, bool) else f"应是 true 或 false，却是 {_shown(value)}。"
    if isinstance(kind, Integer):
        if not _is_int(value) or not INT_MIN <= value <= INT_MAX:
            return f"应是整数，却是 {_shown(value)}。"
        return ""
    if isinstance(kind, DateTime | Date | Time):
        return _date_problem(kind, value)
    if isinstance(kind, String):  # Text too
        limit = kind.length or MAX_TEXT
        if not isinstance(value, str):
            return f"应是文字，却是 {_shown(value)}。"
        if len(value) > limit:
            return f"长达 {len(value)} 个字，超过了 {limit} 个字的上限。"
        if "\x00" in value:
            return "含有空字符（NUL）。"
        return ""
    if isinstance(kind, JSON):
        return "" if _json_ok(value, MAX_DEPTH) else "格式不对（嵌套过深、过大或含有空字符）。"
    return ""


def _date_problem(kind: Any, value: Any) -> str:
    if not isinstance(value, str) or len(value) > 40:
        return f"应是日期，却是 {_shown(value)}。"
    try:
        parsed = _decode_value(kind, value)
    except ValueError:
        return f"不是有效的日期或时间：{_shown(value)}。"
    if isinstance(parsed, date) and not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        return f"的年份 {parsed.year} 不合理。"
    return ""


def _decode_value(kind: Any, value: str) -> Any:
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    return time.fromisoformat(value)


def _decode(column: Any, value: Any) -> Any:
    if isinstance(column.type, DateTime | Date | Time) and isinstance(value, str):
        return _decode_value(column.type, value)
    return value


def _json_ok(value: Any, depth: int, budget: list[int] | None = None) -> bool:
    budget = budget if budget is not None else [100_000]
    budget[0] -= 1
    if budget[0] < 0 or depth < 0:
        return False
    if isinstance(value, str):
        return len(value) <= MAX_TEXT and "\x00" not in value
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return INT_MIN <= value <= INT_MAX
    if isinstance(value, float):
        return value == value and abs(value) < 1e15
    if isinstance(value, list):
        return all(_json_ok(v, depth - 1, budget) for v in value)
    if isinstance(value, dict):
        return all(
            isinstance(k, str) and _json_ok(k, 0, budget) and _json_ok(v, depth - 1, budget)
            for k, v in value.items()
        )
    return False


# --- the package as a whole -----------------------------------------------------------------------


def _package_problems(records: Mapping[str, list[dict[str, Any]]], sender: str) -> list[str]:
    """What does not fit together inside the package: one group, the sender; UUIDs and
    numbers used once; every group reference naming the sender."""
    problems: list[str] = []
    groups = records.get("group", [])
    if len(groups) != 1 or groups[0].get("uuid") != sender:
        problems.append("报送包应当只有报送的联络组自己一个联络组的记录。")
    seen: dict[str, str] = {}
    for kind, docs in records.items():
        for d in docs:
            uid = str(d["uuid"])
            if uid in seen:
                problems.append(
                    f"UUID {uid} 在包中出现了不止一次（{ENTITY_LABELS[seen[uid]]}、"
                    f"{ENTITY_LABELS[kind]}）。"
                )
            seen[uid] = kind
            if kind in _GROUP_KINDS and d.get("group") not in (sender, None):
                problems.append(
                    f"{ENTITY_LABELS[kind]}「{_title(kind, d)}」属于另一个联络组，"
                    "报送包只能带报送的联络组自己的记录。"
                )
    for kind, key, label in (
        ("consultation", "number", "编号"),
        ("consultation", "archive_number", "档号"),
        ("case", "archive_number", "档号"),
    ):
        used = Counter(str(d[key]) for d in records.get(kind, []) if d.get(key))
        for value in sorted(v for v, n in used.items() if n > 1):
            problems.append(f"{label}「{value}」在包中被不止一条{ENTITY_LABELS[kind]}使用。")
    return problems


def _database_problems(
    s: Session,
    records: Mapping[str, list[dict[str, Any]]],
    tombstones: Iterable[Mapping[str, Any]],
    sender: str,
) -> list[str]:
    """What the package would do to this database that it may not: write over a record of
    another kind or another group, hang a record on one that is nowhere, delete another
    group's record."""
    problems: list[str] = []
    group_doc = records["group"][0]
    local_group = s.scalar(select(GroupRow).where(GroupRow.uuid == sender))
    if local_group is None:
        local_group = s.scalar(select(GroupRow).where(GroupRow.name == group_doc.get("name")))
    gid = local_group.id if local_group is not None else None
    in_package = {kind: {str(d["uuid"]) for d in docs} for kind, docs in records.items()}

    # A UUID of the package that names a record of another kind here.
    for kind, uuids in in_package.items():
        for other, table in TABLES.items():
            if other == kind or not uuids:
                continue
            for uid in _existing(s, table, uuids):
                problems.append(
                    f"{ENTITY_LABELS[kind]}的 UUID {uid} 在本库中是一条{ENTITY_LABELS[other]}。"
                )
    # A record here with a UUID of the package that belongs to another group.
    if gid is not None or any(in_package.values()):
        for kind in _GROUP_KINDS:
            table = TABLES[kind]
            uuids = in_package.get(kind, set())
            for uid, owner in _owners(s, table, table.group_id, uuids):
                if owner != gid:
                    problems.append(
                        f"{ENTITY_LABELS[kind]} {uid} 在本库中属于另一个联络组，不能由这个报送包修改。"
                    )
        for kind, table in (("outcome_item", OutcomeItemRow), ("attachment", AttachmentRow)):
            for uid in in_package.get(kind, set()):
                owner = _owner_group(s, kind, table, uid)
                if owner is not _NOWHERE and owner != gid:
                    problems.append(
                        f"{ENTITY_LABELS[kind]} {uid} 在本库中属于另一个联络组，不能由这个报送包修改。"
                    )
    # References: to a record of the package, or to one of the sender's records here.
    for kind, refs in REFERENCES.items():
        for ref_kind in refs.values():
            if ref_kind == "group":
                continue
            for d in records.get(kind, []):
                ref = d.get(ref_kind)
                if ref is None or ref in in_package.get(ref_kind, set()):
                    continue
                if _group_of_ref(s, ref_kind, str(ref)) != gid or gid is None:
                    problems.append(
                        f"{ENTITY_LABELS[kind]}「{_title(kind, d)}」所属的{ENTITY_LABELS[ref_kind]}"
                        f"（{ref}）既不在包中，也不是本库中这个联络组的记录。"
                    )
    # Deletions: only of the sender's own records.
    for t in tombstones:
        kind, uid = str(t["type"]), str(t["uuid"])
        owner = _owner_group(s, kind, TABLES[kind], uid)
        if owner is not _NOWHERE and (owner != gid or gid is None):
            problems.append(
                f"已删除记录 {uid}（{ENTITY_LABELS[kind]}）在本库中属于另一个联络组，"
                "报送包不能删除它。"
            )
        elif owner is _NOWHERE:
            here = [k for k, table in TABLES.items() if k != kind and _existing(s, table, {uid})]
            if here:
                problems.append(f"已删除记录 {uid} 在本库中是一条{ENTITY_LABELS[here[0]]}。")
    return problems


_NOWHERE: Any = object()


def _existing(s: Session, table: Any, uuids: set[str]) -> list[str]:
    found: list[str] = []
    items = sorted(uuids)
    for i in range(0, len(items), 500):
        found += s.scalars(select(table.uuid).where(table.uuid.in_(items[i : i + 500])))
    return found


def _owners(s: Session, table: Any, column: Any, uuids: set[str]) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    items = sorted(uuids)
    for i in range(0, len(items), 500):
        rows = s.execute(select(table.uuid, column).where(table.uuid.in_(items[i : i + 500])))
        found += [(u, g) for u, g in rows]
    return found


def _owner_group(s: Session, kind: str, table: Any, uid: str) -> Any:
    """The group id of the record ``uid`` of ``kind`` here (through its consultation or case),
    or _NOWHERE when there is none."""
    if kind == "group":
        row_id = s.scalar(select(GroupRow.id).where(GroupRow.uuid == uid))
        return row_id if row_id is not None else _NOWHERE
    if kind in _GROUP_KINDS:
        rows = s.execute(select(table.group_id).where(table.uuid == uid)).all()
        return rows[0][0] if rows else _NOWHERE
    if kind == "outcome_item":
        rows = s.execute(
            select(ConsultationRow.group_id)
            .join(OutcomeItemRow, OutcomeItemRow.consultation_id == ConsultationRow.id)
            .where(OutcomeItemRow.uuid == uid)
        ).all()
        return rows[0][0] if rows else _NOWHERE
    row = s.scalar(select(AttachmentRow).where(AttachmentRow.uuid == uid))
    if row is None:
        return _NOWHERE
    if row.consultation_id is not None:
        return s.scalar(
            select(ConsultationRow.group_id).where(ConsultationRow.id == row.consultation_id)
        )
    return s.scalar(select(CaseRow.group_id).where(CaseRow.id == row.case_id))


def _group_of_ref(s: Session, kind: str, uid: str) -> Any:
    owner = _owner_group(s, kind, TABLES[kind], uid)
    return None if owner is _NOWHERE else owner


# --- small helpers ---------------------------------------------------------------------------------


def _is_uuid(value: object) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value)) and _valid(value)


def _valid(value: str) -> bool:
    try:
        _uuid.UUID(value)
    except ValueError:
        return False
    return True


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: object, limit: int) -> bool:
    return isinstance(value, str) and len(value) <= limit and "\x00" not in value


def _is_list_of_dicts(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) <= MAX_PARTS
        and all(isinstance(v, dict) for v in value)
    )


def _title(kind: str, doc: Mapping[str, Any]) -> str:
    key = {"person": "name", "group": "name", "outcome_item": "content"}.get(kind, "title")
    if kind == "attachment":
        key = "original_name"
    value = doc.get(key)
    return _short(value) if isinstance(value, str) else ""


def _short(text: str, limit: int = 30) -> str:
    text = text.replace("\x00", "").replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"“{_short(value)}”"
    if isinstance(value, dict | list):
        return "一组数据" if isinstance(value, dict) else "一个列表"
    text = repr(value)
    return text if len(text) <= 30 else text[:30] + "…"
