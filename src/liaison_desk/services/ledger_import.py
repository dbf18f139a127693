"""Planning a ledger import (see ``services.ledger``): the plan's rows and changes, and the
planner that reads a ledger file row by row and works out what would happen — created, updated,
unchanged, duplicate, skipped, or an error with its reason — reading the database but writing
nothing. ``LedgerService.plan_import`` runs it; ``apply_import`` saves the plan."""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from liaison_desk.documents.ledger import (
    COLUMNS,
    CONSULTATION_SHEET,
    ITEM_SHEET,
    LedgerColumn,
    LedgerFile,
    RawSheet,
    Role,
    SheetLayout,
    as_date,
    as_int,
    as_text,
    as_time,
    as_yes_no,
    column_by_heading,
    normalise_heading,
)
from liaison_desk.domain.entities import Consultation, HeadCount, LiaisonGroup, OutcomeItem
from liaison_desk.domain.enums import (
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
    Satisfaction,
    TopicSource,
)
from liaison_desk.domain.numbering import parse_consultation_number, short_name_of
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.domain.rules import (
    Problem,
    validate_consultation,
    validate_outcome_item,
)
from liaison_desk.services.base import changes_between
from liaison_desk.services.consultations import ConsultationService
from liaison_desk.storage import repositories as repo

log = logging.getLogger(__name__)


class RowResult(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    DUPLICATE = "duplicate"  # a row without 编号 that repeats a record (re-importing a ledger)
    ERROR = "error"

    @property
    def label(self) -> str:
        return _RESULT_LABELS[self]


_RESULT_LABELS = {
    RowResult.CREATED: "新建",
    RowResult.UPDATED: "更新",
    RowResult.UNCHANGED: "无变化",
    RowResult.SKIPPED: "跳过",
    RowResult.DUPLICATE: "重复",
    RowResult.ERROR: "错误",
}


@dataclass
class LedgerRow:
    """What importing one row of the file does (or would do), and why."""

    sheet: str
    row: int  # the row number Excel shows
    result: RowResult
    number: str = ""  # 编号; for an item row 活动编号 and 序号, e.g. 织里-2024-议-012 第2条
    title: str = ""  # 议题, or the start of the item's content
    reasons: list[str] = field(default_factory=list)  # Chinese: the error, or what changed

    @property
    def where(self) -> str:
        return f"{self.sheet} 第{self.row}行"

    def fail(self, reason: str) -> None:
        self.result = RowResult.ERROR
        if reason not in self.reasons:
            self.reasons.append(reason)

    def note(self, reason: str) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)


@dataclass
class _Change:
    """A record the import saves: its new content, with the revision it was read at."""

    record: Consultation
    original: Consultation | None  # None: new
    row: LedgerRow | None  # its row on 协商活动 (None: only its items are in the file)
    item_rows: dict[str, LedgerRow] = field(default_factory=dict)  # item uuid → its row
    counts: dict[str, int | None] = field(default_factory=dict)  # computed columns as written
    saved_number: str = ""


@dataclass
class LedgerImportPlan:
    """What importing a ledger file does, row by row; ``ok`` when it may be applied."""

    file: LedgerFile
    layouts: list[SheetLayout]
    rows: list[LedgerRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the file as a whole cannot be imported
    notes: list[str] = field(default_factory=list)  # columns ignored or missing
    changes: list[_Change] = field(default_factory=list)
    applied: bool = False

    @property
    def errors(self) -> list[LedgerRow]:
        return [r for r in self.rows if r.result is RowResult.ERROR]

    @property
    def ok(self) -> bool:
        return not self.problems and not self.errors

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    def count(self, result: RowResult) -> int:
        return sum(1 for r in self.rows if r.result is result)

    def summary(self) -> str:
        """One Chinese sentence: how many rows of each result, and whether anything was written."""
        counts = "，".join(f"{r.label} {self.count(r)} 行" for r in RowResult)
        if self.problems or self.errors:
            bad = len(self.errors) + len(self.problems)
            return f"{counts}。有 {bad} 处错误，没有导入任何内容：请改正后重新导入。"
        if self.applied:
            return f"{counts}。已导入。"
        if not self.changes:
            return f"{counts}。台账与数据库中的记录一致，没有需要导入的内容。"
        return f"{counts}。检查通过，尚未导入。"


_FIELD_LABELS = {
    "kind": "类型",
    "title": "议题",
    "topic_source": "议题来源",
    "held_on": "日期",
    "start_time": "开始时间",
    "end_time": "结束时间",
    "venue": "地点",
    "group_id": "联络组",
    "host": "主持人",
    "recorder": "记录人",
    "status": "状态",
    "consensus": "协商成果",
    "head_counts": "人数",
    "content": "内容",
    "responsible_body": "责任单位",
    "responsible_person": "责任人",
    "deadline": "完成时限",
    "solved_on_spot": "现场解决",
    "adopted": "采纳",
    "unsolved_reason": "未解决原因",
    "resolved_on": "解决日期",
    "revisit_on": "回访日期",
    "revisit_note": "回访情况",
    "satisfaction": "满意度",
}

_TOTAL_WORDS = {"合计", "总计", "小计", "共计"}


def fold_text(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _enum_value(enum: Any, text: str, extra: dict[str, Any] | None = None) -> Any:
    """The member of ``enum`` whose label (or code, or an extra name) ``text`` is, tolerating
    full-width brackets and spaces; ValueError with the choices otherwise."""
    folded = fold_text(text)
    for name, member in (extra or {}).items():
        if fold_text(name) == folded:
            return member
    for member in enum:
        if folded in (fold_text(member.label), member.value):
            return member
    choices = "、".join(m.label for m in enum)
    raise ValueError(f"「{text}」不是可选的值，可选：{choices}")


_KIND_NAMES = {
    "民生议事堂": ConsultationKind.HALL,
    "议事堂": ConsultationKind.HALL,
    "民生议事堂协商活动": ConsultationKind.HALL,
    "协商驿站微协商": ConsultationKind.MICRO,
}
_SOURCE_NAMES = {"线上征集": TopicSource.ONLINE, "码上商": TopicSource.ONLINE}
_OUTCOME_NAMES = {"已办结": OutcomeStatus.SOLVED, "办结": OutcomeStatus.SOLVED}


def group_by_name(groups: Sequence[LiaisonGroup], text: str) -> LiaisonGroup | None:
    name = fold_text(text)
    for g in groups:
        names = {g.name, g.town, g.short_name or short_name_of(g.town)}
        names.add(g.name.removesuffix("联络组"))
        if name in {fold_text(n) for n in names if n}:
            return g
    return None


def _short(text: str, length: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


COMPUTED_COLUMNS = ("member_attendance", "attendance_total", "suggestion_count", "solved_count")


def heading_of(sheet: RawSheet, index: int) -> str:
    return sheet.headings[index] if index < len(sheet.headings) else ""


def apply_heading_map(plan: LedgerImportPlan, heading_map: dict[str, str]) -> None:
    """--map 表头=标准列名: put each named heading of the file onto that standard column in
    every sheet whose role has such a column (a column that had it before loses it)."""
    wanted = {normalise_heading(k): v for k, v in heading_map.items()}
    found: set[str] = set()
    raw = {s.title: s for s in plan.file.sheets}
    for layout in plan.layouts:
        sheet = raw.get(layout.title)
        if sheet is None:
            continue
        for index, heading in enumerate(sheet.headings):
            target = wanted.get(normalise_heading(heading))
            if target is None:
                continue
            roles: list[Role] = [layout.role] if layout.role else ["consultations", "items"]
            for role in roles:
                column = column_by_heading(target, role)
                if column is None:
                    continue
                if layout.role is None:
                    layout.role = role
                layout.mapping = {i: k for i, k in layout.mapping.items() if k != column.key}
                layout.mapping[index] = column.key
                found.add(normalise_heading(heading))
                break
    for heading, target in heading_map.items():
        if normalise_heading(heading) not in found:
            plan.notes.append(
                f"--map「{heading}={target}」：文件中没有这个表头，或没有这个标准列。"
            )


# --- planning an import -------------------------------------------------------------------------


def _working_copy(c: Consultation) -> Consultation:
    """A copy to apply a row to: the fields and outcome items a ledger sets are its own; the
    parts it never touches (participants, speeches, files) are shared with ``c``."""
    return dataclasses.replace(c, outcome_items=[dataclasses.replace(i) for i in c.outcome_items])


def _text(value: Any, old: str) -> str:
    """Free text from a cell; the stored text is kept when they differ only in the spaces and
    line breaks around them (Excel and WPS trim and add those freely)."""
    text = as_text(value)
    return old if text.strip() == old.strip() else text.strip()


class ImportPlanner:
    """One import plan being worked out (reads the database, writes nothing)."""

    def __init__(
        self,
        consultations: ConsultationService,
        groups: list[LiaisonGroup],
        plan: LedgerImportPlan,
        default_kind: ConsultationKind | None,
        default_group_id: int | None,
    ) -> None:
        self.consultations = consultations
        self.ctx = consultations.ctx
        self.plan = plan
        self.default_kind = default_kind
        self.default_group_id = default_group_id
        self.today = self.ctx.today()
        self.groups = groups
        self.by_number: dict[str, _Change] = {}  # records of the file, by 编号
        self.rejected: set[str] = set()  # numbers whose row has an error
        self.first_row: dict[str, int] = {}  # 编号 → the row of 协商活动 that has it
        self.raw_date: Any = None  # the 日期 cell of the row being read, as it was
        # New records without a number, by (group, date, folded topic) → where it already is.
        self.seen_new: dict[tuple[int, date, str], str] = {}
        self.looked_up: set[tuple[int, date]] = set()
        self.changes: list[_Change] = []

    def run(self, sheets: dict[Role, tuple[RawSheet, SheetLayout]]) -> None:
        numbers: list[str] = []
        for sheet, layout in sheets.values():
            for key in ("number", "consultation_number"):
                column = layout.column_of(key)
                if column is not None:
                    numbers += [
                        as_text(cells[column]).strip()
                        for _n, cells in sheet.rows
                        if column < len(cells)
                    ]
        with self.ctx.db.reading() as s:
            self.known = repo.consultations_by_number(s, numbers)
        if "consultations" in sheets:
            self._consultation_rows(*sheets["consultations"])
        if "items" in sheets:
            self._item_rows(*sheets["items"])
        for change in self.changes:
            self._settle(change)
        self.plan.changes = [
            ch for ch in self.changes if ch.original is None or ch.original != ch.record
        ]

    # --- cells ----------------------------------------------------------------------------------

    def _cells(self, layout: SheetLayout, cells: list[Any]) -> dict[str, Any]:
        return {key: cells[i] if i < len(cells) else None for i, key in layout.mapping.items()}

    @staticmethod
    def _blank(cells: list[Any]) -> bool:
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in cells)

    @staticmethod
    def _is_total(cells: list[Any]) -> bool:
        texts = [fold_text(as_text(v)) for v in cells if v is not None and as_text(v).strip()]
        return bool(texts) and texts[0] in _TOTAL_WORDS

    def _parse(
        self, row: LedgerRow, columns: dict[str, LedgerColumn], values: dict[str, Any]
    ) -> dict[str, Any]:
        """Each mapped cell as its Python value; a cell that cannot be read is an error on
        the row naming the column."""
        parsed: dict[str, Any] = {}
        for key, value in values.items():
            column = columns[key]
            try:
                if column.type == "date":
                    parsed[key] = as_date(value)
                elif column.type == "time":
                    parsed[key] = as_time(value)
                elif column.type == "int":
                    parsed[key] = as_int(value)
                elif column.type == "yesno":
                    parsed[key] = as_yes_no(value)
                else:
                    parsed[key] = value
            except ValueError as exc:
                row.fail(f"“{column.heading}”：{exc}。")
        return parsed

    # --- 协商活动 -----------------------------------------------------------------------------

    def _login_groups(self) -> str | None:
        """On a shared server, the groups of a township's login (row-level security holds it
        to them: the others are out of its sight, not missing); None for any other login."""
        scope = self.ctx.db.scope
        if scope is None:
            return None
        return "、".join(name for _, name in scope.groups) or "不属于任何联络组"

    def _group_named(self, text: str) -> LiaisonGroup | None:
        return group_by_name(self.groups, text)

    def _duplicate_of(self, group_id: int, held_on: Any, title: str) -> str | None:
        """Where a new record without a number already is: "数据库中的 <编号>", "第N行", or None.
        Records of that group and day are looked up once; rows of the file are remembered."""
        if not isinstance(held_on, date) or not fold_text(title):
            return None
        key = (group_id, held_on, fold_text(title))
        if (group_id, held_on) not in self.looked_up:
            self.looked_up.add((group_id, held_on))
            found = self.consultations.search(
                ConsultationFilter(group_id=group_id, held_from=held_on, held_to=held_on)
            ).items
            for summary in found:
                self.seen_new.setdefault(
                    (group_id, summary.held_on, fold_text(summary.title)),
                    f"数据库中已有的 {summary.number}",
                )
        return self.seen_new.get(key)

    def _importable_rows(
        self, sheet: RawSheet, layout: SheetLayout
    ) -> Iterator[tuple[LedgerRow, dict[str, Any]]]:
        """Each row of ``sheet`` in the plan's report, with its values by standard column;
        blank rows are passed over, total rows and rows with nothing mapped are reported as
        skipped and not yielded."""
        for row_number, cells in sheet.rows:
            if self._blank(cells):
                continue
            row = LedgerRow(sheet.title, row_number, RowResult.UNCHANGED)
            self.plan.rows.append(row)
            values = self._cells(layout, cells)
            if self._is_total(cells):
                row.result = RowResult.SKIPPED
                row.note("合计行，不导入。")
                continue
            if self._blank(list(values.values())):
                row.result = RowResult.SKIPPED
                row.note("没有可导入的内容（对应的列都是空的）。")
                continue
            yield row, values

    def _consultation_rows(self, sheet: RawSheet, layout: SheetLayout) -> None:
        columns = {c.key: c for c in COLUMNS["consultations"]}
        for row, values in self._importable_rows(sheet, layout):
            row.number = as_text(values.get("number")).strip()
            row.title = _short(as_text(values.get("title")))
            parsed = self._parse(row, columns, values)
            self.raw_date = values.get("held_on")
            change = self._consultation_from_row(row, parsed)
            if change is None:
                if row.number:
                    self.rejected.add(row.number)
                continue
            change.row = row
            change.counts = {k: parsed.get(k) for k in COMPUTED_COLUMNS if k in parsed}
            if row.result is RowResult.ERROR and row.number:
                self.rejected.add(row.number)

    def _consultation_from_row(self, row: LedgerRow, v: dict[str, Any]) -> _Change | None:
        number = row.number
        if number and number in self.first_row:
            first = self.first_row[number]
            row.fail(f"编号 {number} 在第{first}行已经出现过，同一条记录只能有一行。")
            return None
        if number:
            self.first_row[number] = row.row
        kind: ConsultationKind | None = None
        if as_text(v.get("kind")).strip():
            try:
                kind = _enum_value(ConsultationKind, as_text(v["kind"]), _KIND_NAMES)
            except ValueError as exc:
                row.fail(f"“类型”：{exc}。")
        group: LiaisonGroup | None = None
        group_text = as_text(v.get("group")).strip()
        if group_text:
            group = self._group_named(group_text)
            if group is None and self._login_groups() is not None:
                row.fail(
                    f"联络组「{group_text}」不是本账号的联络组：本账号（{self._login_groups()}）"
                    "只能导入本联络组的记录，服务器不允许写入别的联络组的记录。"
                    "请删去这些行后重新导入，或请区政协办公室用办公室的账号导入。"
                )
            elif group is None:
                names = "、".join(g.name for g in self.groups) or "（还没有联络组）"
                row.fail(
                    f"联络组「{group_text}」不存在。请改成已有的联络组：{names}；"
                    "或先在“设置”中添加这个联络组。"
                )
        existing = self.known.get(number) if number else None
        if existing is not None:
            if existing.is_deleted:
                row.fail(f"编号 {number} 的记录在回收站中。请先从回收站恢复它，再导入。")
                return None
            if kind is not None and kind is not existing.kind:
                row.fail(
                    f"编号 {number} 是{existing.kind.short_label}，与本行的类型"
                    f"“{kind.short_label}”不符。类型不能在台账中修改。"
                )
            if group is not None and group.id != existing.group_id:
                owner = next((g.name for g in self.groups if g.id == existing.group_id), "")
                row.fail(
                    f"编号 {number} 属于{owner}，与本行的联络组“{group.name}”不符。"
                    "一条记录不能在台账中改到别的联络组。"
                )
            if row.result is RowResult.ERROR:
                return None
            record = _working_copy(existing)
            change = _Change(record, existing, row)
        else:
            parsed_number = parse_consultation_number(number) if number else None
            if kind is None and parsed_number is not None:
                kind = parsed_number.kind
            kind = kind or self.default_kind
            if kind is None:
                row.fail("新记录需要“类型”：请填写 民生议事堂 或 微协商。")
            if group is None and not group_text:
                group = next(
                    (g for g in self.groups if g.id == self.default_group_id),
                    self.groups[0] if len(self.groups) == 1 else None,
                )
                if group is None:
                    row.fail("新记录需要“联络组”：请填写联络组名称，如 织里镇联络组。")
            if kind is None or group is None or row.result is RowResult.ERROR:
                return None
            if not number:
                title = as_text(v.get("title"))
                where = self._duplicate_of(group.id or 0, v.get("held_on"), title)
                if where is not None:
                    row.result = RowResult.DUPLICATE
                    row.note(
                        f"与{where}重复（同一联络组、日期和议题），已跳过。"
                        "如确是另一场活动，请在议题中写明区别。"
                    )
                    return None
                if isinstance(v.get("held_on"), date) and fold_text(title):
                    self.seen_new[group.id or 0, v["held_on"], fold_text(title)] = f"第{row.row}行"
            record = self.consultations.new(kind, group.id)
            record.number = number
            record.status = ConsultationStatus.COMPLETED
            record.topic_source = TopicSource.OTHER
            record.author = self.ctx.actor
            change = _Change(record, None, row)
            if number:
                self._check_new_number(row, number, kind, group, v.get("held_on"))
        self._apply_consultation(row, change.record, v)
        if change.original is None:
            self._head_counts(row, change.record, v)
        self.changes.append(change)
        if number:
            self.by_number[number] = change
        return change

    def _check_new_number(
        self,
        row: LedgerRow,
        number: str,
        kind: ConsultationKind,
        group: LiaisonGroup,
        held_on: date | None,
    ) -> None:
        parsed = parse_consultation_number(number)
        short = group.short_name or short_name_of(group.town)
        example = f"{short}-{held_on.year if held_on else 2024}-{kind.number_code}-001"
        if parsed is None:
            row.fail(
                f"编号「{number}」不在数据库中，格式也不对（应如 {example}）。"
                "新记录请把编号留空，导入时会自动编号。"
            )
        elif parsed.short_name != short and self._login_groups() is not None:
            # Not "leave it blank": on the server that would copy another group's record.
            row.fail(
                f"编号 {number} 不是{group.name}的编号，可能是别的联络组的记录：本账号"
                f"（{self._login_groups()}）只能导入本联络组的记录。请删去这一行后重新导入，"
                "或请区政协办公室用办公室的账号导入。"
            )
        elif parsed.short_name != short:
            row.fail(
                f"编号 {number} 不是{group.name}的编号（应以“{short}-”开头）。"
                "新记录请把编号留空，导入时会自动编号。"
            )
        elif parsed.kind is not kind:
            row.fail(f"编号 {number} 是{parsed.kind.short_label}的编号，与本行的类型不符。")
        elif held_on is not None and parsed.year != held_on.year:
            row.fail(f"编号 {number} 是 {parsed.year} 年的编号，与本行的日期 {held_on} 不符。")

    def _apply_consultation(self, row: LedgerRow, c: Consultation, v: dict[str, Any]) -> None:
        for key in ("title", "venue", "host", "recorder", "consensus"):
            if key in v:
                setattr(c, key, _text(v[key], getattr(c, key)))
        for key in ("held_on", "start_time", "end_time"):
            if key in v:
                setattr(c, key, v[key])
        moment = self.raw_date
        if "start_time" not in v and isinstance(moment, datetime) and moment.time() != time(0):
            c.start_time = moment.time().replace(microsecond=0)  # 日期 2024-03-05 09:30
        source = as_text(v.get("topic_source")).strip()
        if source:
            try:
                c.topic_source = _enum_value(TopicSource, source, _SOURCE_NAMES)
            except ValueError as exc:
                row.fail(f"“议题来源”：{exc}。")
        status = as_text(v.get("status")).strip()
        if status:
            try:
                c.status = _enum_value(ConsultationStatus, status)
            except ValueError as exc:
                row.fail(f"“状态”：{exc}。")

    def _head_counts(self, row: LedgerRow, c: Consultation, v: dict[str, Any]) -> None:
        """A new record's 委员人次 and 参与人次 as head counts (the ledger names nobody)."""
        members = v.get("member_attendance")
        total = v.get("attendance_total")
        if members is None and total is None:
            return
        members = members or 0
        if total is not None and total < members:
            row.fail(f"参与人次（{total}）不能少于委员人次（{members}）。")
            return
        others = (total or members) - members
        c.head_counts = [
            HeadCount(category=category, count=count)
            for category, count in (
                (ParticipantCategory.MEMBER, members),
                (ParticipantCategory.OTHER, others),
            )
            if count
        ]
        row.note("参加人员没有名单：委员人次和参与人次记为人数（委员、其他）。")

    # --- 意见建议 -----------------------------------------------------------------------------

    def _item_rows(self, sheet: RawSheet, layout: SheetLayout) -> None:
        columns = {c.key: c for c in COLUMNS["items"]}
        seen: dict[tuple[str, int], int] = {}
        originals: dict[str, int] = {}  # number → how many items the record had
        for row, values in self._importable_rows(sheet, layout):
            number = as_text(values.get("consultation_number")).strip()
            row.title = _short(as_text(values.get("content")))
            row.number = number
            parsed = self._parse(row, columns, values)
            if not number:
                row.fail("请填写“活动编号”：每条意见建议要写明是哪场活动提出的。")
                continue
            change = self._change_for(number, row)
            if change is None:
                continue
            position = parsed.get("position")
            if position is not None:
                row.number = f"{number} 第{position}条"
                if position < 1:
                    row.fail("“序号”应从 1 开始。")
                    continue
                if (number, position) in seen:
                    row.fail(
                        f"{number} 的第 {position} 条在第{seen[number, position]}行已经出现过。"
                    )
                    continue
                seen[number, position] = row.row
            live = [i for i in change.record.outcome_items if not i.is_deleted]
            had = originals.setdefault(number, len(live))
            if position is not None and position <= had:
                item = live[position - 1]
                is_new = False
            else:
                item = OutcomeItem(content="", consultation_id=change.record.id)
                is_new = True
            if row.result is RowResult.ERROR:
                continue
            self._apply_item(row, item, parsed, is_new)
            if is_new:
                change.record.outcome_items.append(item)
                place = len([i for i in change.record.outcome_items if not i.is_deleted])
                if position is not None and position != place:
                    row.note(
                        f"新增的意见建议将是 {number} 的第 {place} 条（表中序号为 {position}）。"
                    )
            change.item_rows[item.uuid] = row

    def _change_for(self, number: str, row: LedgerRow) -> _Change | None:
        change = self.by_number.get(number)
        if change is not None:
            return change
        existing = self.known.get(number)
        if (existing is None or existing.is_deleted) and number in self.rejected:
            row.fail(
                f"活动编号 {number} 所在的“{CONSULTATION_SHEET}”行有错误，这条意见建议也不能导入。"
            )
            return None
        if existing is None or existing.is_deleted:
            why = "在回收站中" if existing is not None else "不存在"
            if existing is None and self._login_groups() is not None:
                why = f"不存在，或是别的联络组的记录（本账号（{self._login_groups()}）只能导入本联络组的记录）"
            row.fail(
                f"活动编号 {number} {why}。请核对编号；新活动的意见建议，"
                f"要在“{CONSULTATION_SHEET}”表中给这场活动填上编号后才能一起导入。"
            )
            self.rejected.add(number)
            return None
        change = _Change(_working_copy(existing), existing, None)
        self.by_number[number] = change
        self.changes.append(change)
        return change

    def _apply_item(
        self, row: LedgerRow, item: OutcomeItem, v: dict[str, Any], is_new: bool
    ) -> None:
        for key in ("content", "responsible_body", "responsible_person", "revisit_note"):
            if key in v:
                setattr(item, key, _text(v[key], getattr(item, key)))
        if "unsolved_reason" in v and as_text(v["unsolved_reason"]).strip():
            item.unsolved_reason = _text(v["unsolved_reason"], item.unsolved_reason)
        for key in ("deadline", "resolved_on", "revisit_on"):
            if key in v:
                setattr(item, key, v[key])
        for key in ("solved_on_spot", "adopted"):
            if v.get(key) is not None:
                setattr(item, key, v[key])
        status = as_text(v.get("status")).strip()
        if status:
            try:
                item.status = _enum_value(OutcomeStatus, status, _OUTCOME_NAMES)
            except ValueError as exc:
                row.fail(f"“状态”：{exc}。")
        if "satisfaction" in v:
            text = as_text(v["satisfaction"]).strip()
            try:
                item.satisfaction = _enum_value(Satisfaction, text) if text else None
            except ValueError as exc:
                row.fail(f"“满意度”：{exc}。")
        for problem in validate_outcome_item(item, self.today):
            row.fail(problem.message)
        if is_new:
            row.result = RowResult.ERROR if row.result is RowResult.ERROR else RowResult.CREATED

    # --- each record as a whole ------------------------------------------------------------------

    def _settle(self, change: _Change) -> None:
        """The record's result: created, updated (saying what changed) or unchanged; an error
        when it breaks a rule or is archived and would change."""
        c, old, row = change.record, change.original, change.row
        item_rows = change.item_rows
        failed = (row is not None and row.result is RowResult.ERROR) or any(
            r.result is RowResult.ERROR for r in item_rows.values()
        )
        if old is None:
            if row is not None and row.result is not RowResult.ERROR:
                row.result = RowResult.CREATED
        else:
            changed = changes_between(old, c) if old != c else {}
            own = [k for k in changed if k != "outcome_items"]
            if own and row is not None and row.result is not RowResult.ERROR:
                row.result = RowResult.UPDATED
                row.note("修改了：" + "、".join(_FIELD_LABELS.get(k, k) for k in own) + "。")
            old_items = {i.uuid: i for i in old.outcome_items}
            for uuid, item_row in item_rows.items():
                before = old_items.get(uuid)
                if before is None or item_row.result is RowResult.ERROR:
                    continue
                after = next(i for i in c.outcome_items if i.uuid == uuid)
                diff = changes_between(before, after) if before != after else {}
                if diff:
                    item_row.result = RowResult.UPDATED
                    item_row.note(
                        "修改了：" + "、".join(_FIELD_LABELS.get(k, k) for k in diff) + "。"
                    )
            if changed and old.is_locked:
                message = (
                    f"{old.number} 已归档，是只读的，不能导入修改。"
                    "如需修改，请先在软件中解锁（填写原因），再导入；或把这一行改回原样。"
                )
                for r in [row, *item_rows.values()]:
                    if r is not None and r.result in (RowResult.UPDATED, RowResult.CREATED):
                        r.result = RowResult.ERROR
                        r.reasons = [message]
                return
        if failed:
            return
        if old is None or old != c:
            self._validate(change)
        self._check_counts(change)

    def _validate(self, change: _Change) -> None:
        c = change.record
        by_index = {i: change.item_rows.get(item.uuid) for i, item in enumerate(c.outcome_items)}
        for problem in validate_consultation(c, self.today):
            match = re.match(r"outcome_items\[(\d+)\]\.", problem.field)
            target = by_index.get(int(match[1])) if match else None
            target = target or change.row
            if target is None:  # only items in the file: the record itself breaks a rule
                target = next(iter(change.item_rows.values()))
                problem = Problem(problem.field, f"{c.number}：{problem.message}")
            target.fail(problem.message)

    def _check_counts(self, change: _Change) -> None:
        """Computed columns: a value that is neither the stored one nor what the record will
        have is reported (and not imported)."""
        row, old, c = change.row, change.original, change.record
        if row is None or row.result is RowResult.ERROR:
            return
        names = {
            "member_attendance": ("委员人次", "参加人员名单"),
            "attendance_total": ("参与人次", "参加人员名单"),
            "suggestion_count": ("建议条数", f"“{ITEM_SHEET}”表"),
            "solved_count": ("已解决条数", f"“{ITEM_SHEET}”表"),
        }
        for key, written in change.counts.items():
            if written is None:
                continue
            now = getattr(c, key)
            before = getattr(old, key) if old is not None else now
            if written in (now, before):
                continue
            heading, source = names[key]
            row.note(
                f"“{heading}”由{source}算出，现为 {now}；台账中的 {written} 没有导入。"
                + ("如需修改，请在协商活动表单中编辑。" if key in COMPUTED_COLUMNS[:2] else "")
            )


def parse_heading_map(items: Sequence[str]) -> dict[str, str]:
    """``表头=标准列名`` pairs (the command line's --map) as a dict; ValueError naming the bad one."""
    result: dict[str, str] = {}
    for item in items:
        heading, sep, target = item.partition("=")
        if not sep or not heading.strip() or not target.strip():
            raise ValueError(f"「{item}」应写成 表头=标准列名，如 协商主题=议题")
        if not any(column_by_heading(target, role) for role in COLUMNS):
            names = "、".join(dict.fromkeys(c.heading for role in COLUMNS for c in COLUMNS[role]))
            raise ValueError(f"「{target}」不是标准列名，可选：{names}")
        result[heading.strip()] = target.strip()
    return result


def report_lines(plan: LedgerImportPlan, every_row: bool = False) -> list[str]:
    """The row-by-row report as lines of Chinese text (the command line prints them): file
    problems and notes, then each row with its result and reasons; unchanged rows without a
    note only when ``every_row``."""
    lines = [f"问题：{p}" for p in plan.problems]
    lines += [f"说明：{n}" for n in plan.notes]
    quiet = 0
    for r in plan.rows:
        if r.result is RowResult.UNCHANGED and not r.reasons and not every_row:
            quiet += 1
            continue
        parts = [r.where, r.number or "（无编号）", r.result.label]
        if r.title:
            parts.insert(2, r.title)
        line = "  ".join(parts)
        if r.reasons:
            line += "：" + " ".join(r.reasons)
        lines.append(line)
    if quiet:
        lines.append(f"另有 {quiet} 行与数据库中的记录相同，没有列出。")
    lines.append(plan.summary())
    return lines


__all__ = ["LedgerImportPlan", "LedgerRow", "RowResult", "parse_heading_map", "report_lines"]
