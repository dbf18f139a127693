"""The ledger (台账) workbook of formats.md: writing it, and reading any group's ledger back.

Two sheets: 协商活动 (one row per consultation) and 意见建议 (one row per outcome item), each with
a frozen header row, widths that fit Chinese text, dates and times as real date cells, counts as
numbers, and a drop-down list (data validation) on each column of a fixed vocabulary — 类型, 议题
来源, 状态, 是/否, 满意度, taken from the domain's enums — so a typo in a returned ledger is caught in
Excel or WPS, not only on import.

Printed: A4 landscape, fitted to the page width, the header row repeated on every page, each
sheet with its own page header. The columns are sized so that fitting them to the width never
prints the 10.5 pt text below 9 pt: long text wraps (each row as tall as its lines), and the
协商活动 sheet's detail columns (开始时间, 结束时间, 记录人, 委员人次) are an outline group, collapsed
— not printed, one click (+) shows them; import reads them either way.

This module knows cells, not records: ``write_ledger`` takes plain rows (column key → value) and
``read_ledger`` returns the cells under each sheet's header row with the headings as found.
``propose_layout`` then says which column holds what, matching the standard headings exactly and
then tolerantly (synonyms, spaces, full-width brackets, trailing colons, notes in brackets), so
that a group's own ledger with its columns in another order or named a little differently can be
mapped — and the user may change the proposal before anything is imported. No database here: the
service (services/ledger.py) turns rows into consultations.

A masked ledger (numbers and residents' names hidden, to be read outside the group) says so
twice: a note above the headings of each sheet, beginning with ``MASKED_NOTE_MARK``, for the
reader, and a hidden defined name ``MASKED_MARKER`` for the import, which refuses such a file
(``LedgerFile.masked``): its 138****8000 and 张某 would overwrite what they hide. Either mark is
enough, so a sheet copied into another workbook with its note, or a workbook whose note row was
deleted, is still known as masked.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from liaison_desk.documents.spreadsheet import UnreadableDate, WorkbookRefused, read_workbook
from liaison_desk.documents.workbook import (
    clean_text,
    display_width,
    new_workbook,
    put,
    save_workbook,
)
from liaison_desk.domain.enums import (
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    Satisfaction,
    TopicSource,
)
from liaison_desk.domain.rules import Problem, ValidationError
from liaison_desk.progress import Progress

CONSULTATION_SHEET = "协商活动"
ITEM_SHEET = "意见建议"

#: The hidden defined name that marks a masked ledger (Excel and WPS keep it when saving).
MASKED_MARKER = "LiaisonDesk.MaskedLedger"
#: How the visible note of a masked ledger begins, on the row above each sheet's headings.
MASKED_NOTE_MARK = "【已隐藏个人信息】"

Role = Literal["consultations", "items"]
CellType = Literal["text", "long", "date", "time", "int", "yesno"]


@dataclass(frozen=True)
class LedgerColumn:
    key: str  # what the service calls it
    heading: str  # the standard heading of formats.md
    type: CellType
    synonyms: tuple[str, ...] = ()  # other headings groups use for it
    exported: bool = True  # False: recognised on import only
    choices: tuple[str, ...] = ()  # the only values it takes (a drop-down list in the workbook)
    detail: bool = False  # left out of the printout (a collapsed outline group)


CONSULTATION_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("number", "编号", "text", ("活动编号", "协商编号", "议事编号", "档案编号")),
    LedgerColumn(
        "kind",
        "类型",
        "text",
        ("活动类型", "协商类型", "协商形式", "活动形式", "形式", "类别"),
        choices=tuple(k.short_label for k in ConsultationKind),
    ),
    LedgerColumn(
        "title",
        "议题",
        "long",
        ("协商议题", "主题", "协商主题", "议题名称", "活动主题", "协商内容", "题目"),
    ),
    LedgerColumn(
        "topic_source",
        "议题来源",
        "text",
        ("来源", "选题来源", "点题方式", "议题类型"),
        choices=tuple(t.label for t in TopicSource),
    ),
    LedgerColumn(
        "held_on",
        "日期",
        "date",
        ("协商日期", "活动日期", "议事日期", "时间", "协商时间", "活动时间", "举办日期"),
    ),
    LedgerColumn("start_time", "开始时间", "time", ("开始", "起始时间", "开始时刻"), detail=True),
    LedgerColumn("end_time", "结束时间", "time", ("结束", "终止时间", "结束时刻"), detail=True),
    LedgerColumn(
        "venue", "地点", "text", ("协商地点", "活动地点", "议事地点", "场所", "地址", "活动场所")
    ),
    LedgerColumn(
        "group", "联络组", "text", ("所属联络组", "委员联络组", "联络组名称", "镇街", "所属镇街")
    ),
    LedgerColumn("host", "主持人", "text", ("主持", "主持人员")),
    LedgerColumn("recorder", "记录人", "text", ("记录", "记录员", "记录人员"), detail=True),
    LedgerColumn(
        "member_attendance",
        "委员人次",
        "int",
        ("参加委员人次", "参与委员人次", "委员人数", "参加委员", "参与委员"),
        detail=True,
    ),
    LedgerColumn(
        "attendance_total", "参与人次", "int", ("参加人次", "参与人数", "参加人数", "人次")
    ),
    LedgerColumn(
        "suggestion_count",
        "建议条数",
        "int",
        ("意见建议条数", "建议数", "意见建议数", "提出建议数", "建议数量"),
    ),
    LedgerColumn(
        "solved_count", "已解决条数", "int", ("解决条数", "解决问题数", "已解决数", "解决数")
    ),
    LedgerColumn(
        "status",
        "状态",
        "text",
        ("活动状态", "进度"),
        choices=tuple(st.label for st in ConsultationStatus),
    ),
    LedgerColumn(
        "consensus",
        "协商成果",
        "long",
        ("成果", "协商结果", "达成共识", "共识", "主要成果", "协商成效", "成效"),
    ),
)

ITEM_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn(
        "consultation_number", "活动编号", "text", ("协商编号", "编号", "所属活动", "活动")
    ),
    LedgerColumn("position", "序号", "int", ("条目序号", "建议序号", "序", "条目")),
    LedgerColumn(
        "content",
        "内容",
        "long",
        ("意见建议", "建议内容", "意见建议内容", "问题", "问题内容", "建议", "具体内容"),
    ),
    LedgerColumn("responsible_body", "责任单位", "text", ("承办单位", "办理单位", "交办单位")),
    LedgerColumn("responsible_person", "责任人", "text", ("联系人", "承办人", "经办人")),
    LedgerColumn(
        "deadline", "完成时限", "date", ("时限", "办理时限", "截止日期", "完成期限", "办结时限")
    ),
    LedgerColumn("solved_on_spot", "现场解决", "yesno", ("当场解决", "是否现场解决")),
    LedgerColumn("adopted", "采纳", "yesno", ("是否采纳",)),
    LedgerColumn(
        "status",
        "状态",
        "text",
        ("办理状态", "进展", "办理进度"),
        choices=tuple(st.label for st in OutcomeStatus),
    ),
    LedgerColumn("resolved_on", "解决日期", "date", ("办结日期", "完成日期", "解决时间")),
    LedgerColumn("revisit_on", "回访日期", "date", ("回头看日期", "回访时间")),
    LedgerColumn("revisit_note", "回访情况", "long", ("回头看情况", "回访记录", "回头看")),
    LedgerColumn(
        "satisfaction",
        "满意度",
        "text",
        ("群众满意度", "满意情况", "满意程度"),
        choices=tuple(x.label for x in Satisfaction),
    ),
    # Not a column of formats.md: a status 未解决 needs its reason, which a group's own ledger
    # may keep beside it. Recognised on import so such rows can be taken in; never exported.
    LedgerColumn(
        "unsolved_reason",
        "未解决原因",
        "long",
        ("原因", "不予采纳原因", "未采纳原因", "说明"),
        exported=False,
    ),
)

COLUMNS: dict[Role, tuple[LedgerColumn, ...]] = {
    "consultations": CONSULTATION_COLUMNS,
    "items": ITEM_COLUMNS,
}
SHEET_TITLES: dict[Role, str] = {"consultations": CONSULTATION_SHEET, "items": ITEM_SHEET}

YES, NO = "是", "否"

# --- writing ------------------------------------------------------------------------------------

_DATE_FORMAT = "yyyy-mm-dd"
_TIME_FORMAT = "hh:mm"
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8E4D8")
BODY_SIZE = 10.5  # 五号
_HEADER_FONT = Font(name="宋体", bold=True, size=BODY_SIZE)
_BODY_FONT = Font(name="宋体", size=BODY_SIZE)
_NOTE_FONT = Font(name="宋体", bold=True, size=BODY_SIZE, color="B3261E")
_LINE_HEIGHT = BODY_SIZE * 1.35  # points per line of CJK text (宋体 about 1.3 em, Noto CJK more)
_MAX_WIDTH = {"text": 12.0, "long": 30.0}  # in Excel's character units; longer text wraps
_MIN_WIDTH = {"date": 11.5, "time": 7.0, "int": 6.0, "yesno": 6.0, "text": 6.0, "long": 14.0}
# A4 landscape less the margins, in Excel's character units (7 px each at 96 dpi, plus 5 px of
# padding per column), at the smallest scale that keeps 10.5 pt text at 9 pt or more.
_MARGIN_SIDE = 0.4  # inches
MIN_PRINTED_SIZE = 9.0
_SMALLEST_SCALE = MIN_PRINTED_SIZE / BODY_SIZE + 0.01
_PAGE_PX = (297 / 25.4 - 2 * _MARGIN_SIDE) * 96


def page_width_units(columns: int, scale: float = _SMALLEST_SCALE) -> float:
    """How many character units ``columns`` printed columns may add up to at ``scale``."""
    return (_PAGE_PX / scale - 5 * columns) / 7


def printed_scale(widths: Sequence[float]) -> float:
    """The scale "fit to width" prints columns of these widths at on A4 landscape (at most 1)."""
    px = sum(7 * w + 5 for w in widths)
    return min(1.0, _PAGE_PX / px) if px else 1.0


_NUMBERS = {"number", "consultation_number"}


def _heading_width(column: LedgerColumn) -> float:
    """A column's width before its values are seen: a short column (a count, 是/否, a time)
    takes its heading on two lines (委员 / 人次), a text column on one up to ten units."""
    heading = display_width(column.heading)
    if column.type in ("int", "yesno", "time"):
        return max(_MIN_WIDTH[column.type], math.ceil(heading / 2) + 2)
    return max(_MIN_WIDTH[column.type], min(heading + 2, 10.0))


def vocabulary(column: LedgerColumn) -> tuple[str, ...]:
    """The values a column takes when it has a fixed vocabulary (是/否 for the yes/no ones)."""
    return (YES, NO) if column.type == "yesno" else column.choices


def _validation(column: LedgerColumn, letter: str, first_row: int = 2) -> DataValidation:
    """A drop-down list of the column's vocabulary below its header, refusing anything else."""
    values = vocabulary(column)
    rule = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop",
        errorTitle=f"{column.heading}填写有误",
        error=f"{column.heading}只能是：{'、'.join(values)}。请从下拉列表中选择。",
        promptTitle=column.heading,
        prompt=f"可选：{'、'.join(values)}",
    )
    rule.add(f"{letter}{first_row}:{letter}1048576")
    return rule


def _write_sheet(
    ws: Worksheet,
    columns: Sequence[LedgerColumn],
    rows: Sequence[Mapping[str, Any]],
    header_text: str,
    tick: Callable[[], None],
    note: str = "",
) -> None:
    widths = [_heading_width(c) for c in columns]
    # A note (a masked ledger's) takes the first row; the headings and rows move down one.
    heading_row = 2 if note else 1
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(row=heading_row, column=col, value=column.heading)
        cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if vocabulary(column):
            ws.add_data_validation(_validation(column, get_column_letter(col), heading_row + 1))
    for r, values in enumerate(rows, start=heading_row + 1):
        tick()
        for col, column in enumerate(columns, start=1):
            value = values.get(column.key)
            cell = ws.cell(row=r, column=col)
            cell.font, cell.border = _BODY_FONT, _BORDER
            wrap = column.type == "long"
            if value is None or value == "":
                cell.value = None
            elif column.type == "date":
                cell.value = value
                cell.number_format = _DATE_FORMAT
            elif column.type == "time":
                cell.value = value
                cell.number_format = _TIME_FORMAT
            elif column.type == "int":
                cell.value = int(value)
                cell.number_format = "0"
            elif column.type == "yesno":
                cell.value = YES if value else NO
                cell.alignment = Alignment(horizontal="center", vertical="top")
            else:
                text = clean_text(str(value))
                put(cell, text)  # never a formula, whatever the text starts with
                longest = max((display_width(line) for line in text.split("\n")), default=0)
                # A 编号 never wraps (it would split mid-number); other text wraps past its most.
                most = longest + 2 if column.key in _NUMBERS else _MAX_WIDTH[column.type]
                widths[col - 1] = max(widths[col - 1], min(longest + 2, most))
                wrap = wrap or "\n" in text or longest + 2 > most
            if column.type != "yesno":
                cell.alignment = Alignment(vertical="top", wrap_text=wrap)
    # The long columns share what the printed page has left, so fitting to the width keeps the
    # text at 9 pt or more; their text wraps.
    printed = [i for i, c in enumerate(columns) if not c.detail]
    long_cols = [i for i in printed if columns[i].type == "long"]
    room = page_width_units(len(printed)) - sum(
        widths[i] for i in printed if columns[i].type != "long"
    )
    if long_cols:
        share = max(room / len(long_cols), _MIN_WIDTH["long"])
        for i in long_cols:
            widths[i] = share
    widths = [math.floor(w * 10) / 10 for w in widths]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    # The detail columns: an outline group, collapsed (not printed; + shows them on screen).
    for col, column in enumerate(columns, start=1):
        if column.detail:
            dim = ws.column_dimensions[get_column_letter(col)]
            dim.outlineLevel = 1
            dim.hidden = True
    # Neither Excel nor WPS grows a row for wrapped text written by another program: give
    # each row the height of its tallest wrapped cell.
    for r, values in enumerate(rows, start=heading_row + 1):
        lines = 1
        for col, column in enumerate(columns):
            value = values.get(column.key)
            if column.type in ("text", "long") and isinstance(value, str) and value:
                usable = max(widths[col] - 1.5, 4.0)
                lines = max(
                    lines,
                    sum(max(1, math.ceil(display_width(t) / usable)) for t in value.split("\n")),
                )
        ws.row_dimensions[r].height = min(_LINE_HEIGHT * lines + 4, 409)
    header_lines = max(
        math.ceil(display_width(c.heading) / max(widths[i] - 1.5, 4.0))
        for i, c in enumerate(columns)
    )
    ws.row_dimensions[heading_row].height = _LINE_HEIGHT * header_lines + 6
    if note:
        put(ws.cell(row=1, column=1), note)
        ws.cell(row=1, column=1).font = _NOTE_FONT
        ws.cell(row=1, column=1).alignment = Alignment(vertical="center", wrap_text=True)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
        printed_width = sum(w for w, c in zip(widths, columns, strict=True) if not c.detail)
        usable = max(printed_width - 2, 20.0)
        ws.row_dimensions[1].height = _LINE_HEIGHT * math.ceil(display_width(note) / usable) + 6
    ws.freeze_panes = f"A{heading_row + 1}"
    ws.print_title_rows = f"1:{heading_row}"  # the note is printed on every page too
    if rows:
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A{heading_row}:{last}{len(rows) + heading_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = _MARGIN_SIDE
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    if header_text:
        ws.oddHeader.center.text = header_text
        ws.oddHeader.center.size = 12
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 11  # whole points only (&11)


def item_title(title: str) -> str:
    """The 意见建议 sheet's page header from the ledger's: 织里镇联络组 民生议事堂台账（2024年）
    → 织里镇联络组 民生议事堂意见建议台账（2024年）."""
    if not title:
        return ""
    if "台账" in title:
        head, _, tail = title.partition("台账")
        return f"{head}意见建议台账{tail}"
    return f"{title} 意见建议"


def write_ledger(
    path: Path,
    consultations: Sequence[Mapping[str, Any]],
    items: Sequence[Mapping[str, Any]],
    title: str = "",
    progress: Progress | None = None,
    *,
    masked_note: str = "",
) -> None:
    """Write the ledger to ``path`` (a temporary name in the same folder, renamed when complete).

    Rows map column keys (``CONSULTATION_COLUMNS``, ``ITEM_COLUMNS``) to values: str, date, time,
    int, bool for 是/否, None for an empty cell. ``title`` is printed at the top of each page of
    the 协商活动 sheet; the 意见建议 sheet's pages carry its own (:func:`item_title`).
    ``masked_note`` (what was hidden, for a masked ledger; it should begin with
    ``MASKED_NOTE_MARK``) is written above each sheet's headings and marks the workbook as
    masked (``MASKED_MARKER``), so the import refuses it; the rows must already be masked.
    ``progress(done, total)`` (rows laid out so far) raising ``Cancelled`` stops before anything
    is written: the file at ``path``, if any, is left as it was."""
    total = len(consultations) + len(items)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and done % 20 == 0:
            progress(done, total)

    wb = new_workbook(title or "台账")
    ws = wb.active
    assert ws is not None
    ws.title = CONSULTATION_SHEET
    exported_items = [c for c in ITEM_COLUMNS if c.exported]
    _write_sheet(ws, CONSULTATION_COLUMNS, consultations, title, tick, masked_note)
    items_sheet = wb.create_sheet(ITEM_SHEET)
    _write_sheet(items_sheet, exported_items, items, item_title(title), tick, masked_note)
    if masked_note:
        wb.defined_names[MASKED_MARKER] = DefinedName(MASKED_MARKER, attr_text='"是"', hidden=True)
    save_workbook(wb, Path(path))
    if progress is not None:
        progress(total, total)


# --- reading ------------------------------------------------------------------------------------


class LedgerFileError(ValidationError):
    """The file is no workbook that can be read; the message says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__([Problem("file", message)])


@dataclass
class RawSheet:
    """One worksheet as found: its headings (by column, 0-based) and the cells below them."""

    title: str
    header_row: int  # 1-based row number of the headings
    headings: list[str]
    rows: list[tuple[int, list[Any]]]  # (1-based row number, cell values by column)

    def sample(self, column: int, limit: int = 3) -> list[Any]:
        """The first few non-empty values of a column (shown beside it when mapping)."""
        found = []
        for _n, cells in self.rows:
            if column < len(cells) and cells[column] not in (None, ""):
                found.append(cells[column])
                if len(found) >= limit:
                    break
        return found


@dataclass
class LedgerFile:
    path: Path
    sheets: list[RawSheet]
    #: Written masked (numbers and names hidden, for reading outside the group): not importable.
    masked: bool = False


_MAX_HEADER_SEARCH = 10  # a title or notes above the headings: look this far down


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_ledger(path: Path) -> LedgerFile:
    """The sheets of an .xlsx workbook with their headings and rows, or ``LedgerFileError``
    (a clear Chinese reason) for any file that cannot be read: read through the bounded reader
    of documents/spreadsheet.py (sizes, rows and columns checked, ``<dimension>`` not trusted)."""
    path = Path(path)
    try:
        found = read_workbook(path)
    except WorkbookRefused as exc:
        raise LedgerFileError(exc.message) from exc
    sheets = [_raw_sheet(sheet.title, sheet.rows) for sheet in found.sheets]
    masked = MASKED_MARKER in found.names or any(_has_masked_note(s.rows) for s in found.sheets)
    return LedgerFile(path, sheets, masked)


def _has_masked_note(rows: list[tuple[int, list[Any]]]) -> bool:
    """A masked ledger's note among the first rows of a sheet (where the export writes it)."""
    return any(
        isinstance(v, str) and v.lstrip().startswith(MASKED_NOTE_MARK)
        for _n, cells in rows[:_MAX_HEADER_SEARCH]
        for v in cells
    )


def _raw_sheet(title: str, rows: list[tuple[int, list[Any]]]) -> RawSheet:
    """Find the heading row: of the first rows with content, the one whose cells name most
    known columns (a ledger often has its title, or a note, above the headings)."""
    rows = [(n, cells) for n, cells in rows if any(_cell_text(v) for v in cells)]
    best, best_score = 0, -1
    for i, (_n, cells) in enumerate(rows[:_MAX_HEADER_SEARCH]):
        score = sum(1 for v in cells if (t := _cell_text(v)) and _match_any(t))
        if score > best_score:
            best, best_score = i, score
    if best_score <= 0:  # nothing known: the first row with content, for the user to map
        best = 0
    if not rows:
        return RawSheet(title, 1, [], [])
    header_row, cells = rows[best]
    headings = [_cell_text(v) for v in cells]
    while headings and not headings[-1]:
        headings.pop()
    return RawSheet(title, header_row, headings, rows[best + 1 :])


# --- matching headings to columns ---------------------------------------------------------------

_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]|【.*?】|〔.*?〕|<.*?>|《.*?》")


def normalise_heading(text: str) -> str:
    """A heading compared by what it says: full-width forms folded (NFKC), notes in brackets
    ("现场解决（是/否）"), spaces, required-marks and trailing colons left out."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _BRACKETS.sub("", folded)
    folded = re.sub(r"[\s*＊※]", "", folded)
    return folded.rstrip(":：").lower()


def _match_any(heading: str) -> bool:
    return any(match_heading(heading, role) for role in COLUMNS)


@functools.cache
def _known_names(role: Role) -> tuple[tuple[str, str], ...]:
    """(column key, normalised heading or synonym) of every column of a sheet."""
    return tuple(
        (column.key, normalise_heading(n))
        for column in COLUMNS[role]
        for n in (column.heading, *column.synonyms)
    )


@functools.lru_cache(maxsize=4096)
def match_heading(heading: str, role: Role) -> tuple[str, bool] | None:
    """(column key, exact) for a heading: its standard heading or a synonym (exact); else the
    column whose longest synonym the heading contains ("协商议题名称" → 议题)."""
    name = normalise_heading(heading)
    if not name:
        return None
    for column_key, known in _known_names(role):
        if known == name:
            return column_key, True
    best: tuple[int, str] | None = None
    tie = False
    for column_key, key in _known_names(role):
        if len(key) >= 2 and key in name:
            if best is None or len(key) > best[0]:
                best, tie = (len(key), column_key), False
            elif len(key) == best[0] and column_key != best[1]:
                tie = True
    if best is None or tie:
        return None
    return best[1], False


@dataclass
class SheetLayout:
    """What a sheet holds and which column is which; proposed, then changed by the user."""

    title: str
    role: Role | None  # None: the sheet is not imported
    mapping: dict[int, str] = field(default_factory=dict)  # column index → column key

    def column_of(self, key: str) -> int | None:
        return next((i for i, k in self.mapping.items() if k == key), None)


def propose_mapping(headings: Sequence[str], role: Role) -> dict[int, str]:
    """Column index → key for the headings that match; an exact match wins over a tolerant
    one, and the first column wins among equals. Each key is used once."""
    found: dict[int, tuple[str, bool]] = {}
    for i, heading in enumerate(headings):
        match = match_heading(heading, role)
        if match is not None:
            found[i] = match
    mapping: dict[int, str] = {}
    for exact_pass in (True, False):
        for i, (key, exact) in found.items():
            if exact is exact_pass and key not in mapping.values():
                mapping[i] = key
    return dict(sorted(mapping.items()))


def _role_of(sheet: RawSheet) -> tuple[Role | None, dict[int, str]]:
    for role, title in SHEET_TITLES.items():
        if normalise_heading(sheet.title) == normalise_heading(title):
            return role, propose_mapping(sheet.headings, role)
    scored = []
    for role in COLUMNS:
        mapping = propose_mapping(sheet.headings, role)
        # Keys both sheets share (状态, 编号…) say little about which sheet this is.
        own = {c.key for c in COLUMNS[role]} - {"status", "number", "consultation_number"}
        scored.append((sum(1 for k in mapping.values() if k in own), role, mapping))
    scored.sort(key=lambda t: -t[0])
    score, role, mapping = scored[0]
    if score < 2 or score == scored[1][0]:
        return None, {}
    return role, mapping


def propose_layout(ledger: LedgerFile) -> list[SheetLayout]:
    """A layout per sheet: 协商活动 and 意见建议 by their names, other sheets by their headings;
    one sheet of each role at most (the first), the rest not imported."""
    layouts: list[SheetLayout] = []
    taken: set[Role] = set()
    for sheet in ledger.sheets:
        role, mapping = _role_of(sheet)
        if role in taken:
            role, mapping = None, {}
        if role is not None:
            taken.add(role)
        layouts.append(SheetLayout(sheet.title, role, mapping))
    return layouts


def column_by_heading(text: str, role: Role) -> LedgerColumn | None:
    """The standard column a user named (by its heading or a synonym), for ``--map``."""
    match = match_heading(text, role)
    if match is None or not match[1]:
        return None
    return next(c for c in COLUMNS[role] if c.key == match[0])


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column: 0 → A."""
    return get_column_letter(index + 1)


def as_date(value: Any) -> date | None:
    """A cell's date: a date cell, or text such as 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日,
    20240305. ValueError (Chinese) when it is no date; None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, UnreadableDate):
        raise ValueError(_unreadable(value))
    if isinstance(value, datetime):  # a time of day with it is the caller's to use or drop
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"「{value}」不是日期，请写成 2024-03-05 或设为日期格式")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = re.sub(r"\s+\d{1,2}\s*[:点时]\s*\d{0,2}\s*分?(?::\d{1,2})?$", "", text)  # 09:30 after it
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
    if match is None:
        match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if match is None:
        raise ValueError(f"「{value}」不是日期，请写成 2024-03-05")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f"「{value}」不是有效的日期（没有这一天），请核对") from None


def _unreadable(value: UnreadableDate) -> str:
    return (
        f"单元格 {value.cell} 设为日期格式，但其中的数值 {value} 不是有效的日期或时刻，"
        "请改为 2024-03-05 或 09:30 这样的值"
    )


def as_time(value: Any) -> time | None:
    """A cell's time of day: a time cell, or text such as 9:30, 09:30, 9：30, 9点30, 9时30分."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, UnreadableDate):
        raise ValueError(_unreadable(value))
    if isinstance(value, datetime):
        if value.date() not in (date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1)):
            raise ValueError(f"「{value}」不是时刻，请写成 09:30")
        value = value.time()
    if isinstance(value, time):
        # A time from Excel is a fraction of a day: round off what the float lost.
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        seconds += round(value.microsecond / 1_000_000)
        return time(min(seconds // 3600, 23), seconds // 60 % 60, seconds % 60)
    if isinstance(value, float) and 0 <= value < 1:
        seconds = round(value * 86400)
        return time(min(seconds // 3600, 23), seconds // 60 % 60, seconds % 60)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = re.fullmatch(r"(\d{1,2})\s*[:点时]\s*(\d{1,2})?\s*分?(?::(\d{1,2}))?", text)
    if match is None:
        raise ValueError(f"「{value}」不是时刻，请写成 09:30")
    try:
        return time(int(match[1]), int(match[2] or 0), int(match[3] or 0))
    except ValueError:
        raise ValueError(f"「{value}」不是有效的时刻，请写成 09:30") from None


def as_int(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"「{value}」不是整数")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if re.fullmatch(r"\d+", text):
        return int(text)
    raise ValueError(f"「{value}」不是整数")


_YES = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "已", "对", "有"}
_NO = {"否", "n", "no", "false", "0", "×", "✗", "✘", "不", "无", "未", "-"}


def as_yes_no(value: Any) -> bool | None:
    """是 / 否 (also √, ×, Y, N, 1, 0); None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"「{value}」应为“是”或“否”")


def as_text(value: Any) -> str:
    """A cell as text: numbers without a spurious ``.0``, dates as 2024-03-05, Windows line
    breaks as plain ones."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n")
