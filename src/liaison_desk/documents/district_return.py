"""The district's return (区政协联络组工作情况月报 / 季报 / 年报): every liaison group's figures
of one period side by side, a totals row, and how each figure is counted.

What the return and the window's group comparison (各组对比) show is one ``GroupComparison``,
read by ``services.reports`` from the statistics workbook's own data (its 分组 rows and 总表
total, counted once in ``storage/repositories/statistics.py``). The columns are data, not code:
``COMPARISON_COLUMNS`` lists them in order with their heading and counting rule; a further
column (say 最近导入, the date of a group's last records package) is one more
``ComparisonColumn`` here and its values in ``GroupFigures.extra``, filled by the service.

The workbook is print-ready: A4 landscape fitted to the page width, the heading row repeated on
every page, the period in the page header, 11 pt text (notes 10 pt), page numbers below, and a
second sheet 统计口径 with each figure's counting rule. Written through ``documents.workbook``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liaison_desk.documents.statistics_data import HEADLINE, headline_value
from liaison_desk.documents.statistics_workbook import GROUP_COLUMNS
from liaison_desk.documents.workbook import display_width, new_workbook, put, save_workbook
from liaison_desk.domain.periods import ReportPeriod
from liaison_desk.domain.queries import YearStatistics

RETURN_SHEET = "报表"
RULES_SHEET = "统计口径"
TOTAL_NAME = "合计"


@dataclass(frozen=True)
class ComparisonColumn:
    """One figure column: ``key`` names a ``YearStatistics`` figure (``solved_rate`` is its
    property) or an entry of ``GroupFigures.extra``; ``heading`` is the return's heading (with
    its unit), ``rule`` how it is counted."""

    key: str
    heading: str
    rule: str


def _rule(key: str) -> str:
    return next(h.definition for h in HEADLINE if h.key == key)


# The 分组 sheet's columns, in its order, with the 总表's counting rules.
COMPARISON_COLUMNS: tuple[ComparisonColumn, ...] = tuple(
    ComparisonColumn(key, heading, _rule(key)) for heading, key in GROUP_COLUMNS
)

#: The day each group's last records package was imported here (empty: none yet).
LAST_IMPORT = ComparisonColumn(
    "last_import",
    "最近导入",
    "本组报送数据包最近一次导入本库的日期（已撤销的导入不算）；空白表示尚未导入",
)


def return_name(office: str, period: ReportPeriod) -> str:
    """吴兴区政协联络组工作情况月报 / 季报 / 年报, by the period's length."""
    kind = "年报"
    if period.month is not None:
        kind = "月报"
    elif period.quarter is not None:
        kind = "季报"
    return f"{office}联络组工作情况{kind}"


@dataclass(frozen=True)
class GroupFigures:
    """One row: a group (``group_id``) or the totals (``group_id`` None)."""

    group_id: int | None
    name: str
    statistics: YearStatistics
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_total(self) -> bool:
        return self.group_id is None

    def value(self, key: str) -> Any:
        """The figure of column ``key`` as the return shows it (the rate in per cent)."""
        if key in self.extra:
            return self.extra[key]
        if key != "solved_rate" and not hasattr(self.statistics, key):
            return None  # a further column this row has no value of (the totals' 最近导入)
        return headline_value(self.statistics, key)


@dataclass
class GroupComparison:
    """The groups × figures of one period. ``office``: the district office (吴兴区政协);
    ``as_of``: the day overdue items are judged on."""

    period: ReportPeriod
    office: str
    as_of: date
    made_on: date
    rows: list[GroupFigures]
    total: GroupFigures
    columns: tuple[ComparisonColumn, ...] = COMPARISON_COLUMNS

    @property
    def title(self) -> str:
        """吴兴区政协联络组工作情况季报（2024年第一季度）"""
        return f"{return_name(self.office, self.period)}（{self.period.label}）"

    def all_rows(self) -> list[GroupFigures]:
        """The group rows, then the totals row."""
        return [*self.rows, self.total]


_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8E4D8")
_TOTAL_FILL = PatternFill("solid", fgColor="F3F1EA")
_TITLE_FONT = Font(name="宋体", bold=True, size=16)
_NOTE_FONT = Font(name="宋体", size=10, color="444444")
_HEADER_FONT = Font(name="宋体", bold=True, size=11)
_BODY_FONT = Font(name="宋体", size=11)
_BOLD_FONT = Font(name="宋体", size=11, bold=True)
HEADING_ROW = 3  # title, the period's note, then the headings


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def period_note(comparison: GroupComparison) -> str:
    p = comparison.period
    return (
        f"统计范围：各联络组{_day(p.start)}至{_day(p.end)}举行的协商活动；"
        f"超期按{_day(comparison.as_of)}计；案例按所属年度{p.year}年计；"
        f"制表日期：{_day(comparison.made_on)}。"
    )


def _print_setup(ws: Worksheet, header: str, *, landscape: bool) -> None:
    ws.print_title_rows = f"{HEADING_ROW}:{HEADING_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddHeader.center.text = header
    ws.oddHeader.center.size = 10
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 10


def _title_rows(ws: Worksheet, title: str, note: str, width: int) -> None:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    put(ws.cell(row=1, column=1), title)
    ws.cell(row=1, column=1).font = _TITLE_FONT
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    put(ws.cell(row=2, column=1), note)
    ws.cell(row=2, column=1).font = _NOTE_FONT
    ws.cell(row=2, column=1).alignment = Alignment(vertical="center", wrap_text=True)
    ws.row_dimensions[2].height = 30


def _heading_lines(heading: str) -> list[str]:
    """A heading with its unit on a line of its own: 民生议事堂 / （场）."""
    name, bracket, unit = heading.partition("（")
    return [name, bracket + unit] if bracket else [heading]


def _headings(ws: Worksheet, headings: Sequence[str]) -> None:
    for col, heading in enumerate(headings, start=1):
        cell = ws.cell(row=HEADING_ROW, column=col)
        put(cell, "\n".join(_heading_lines(heading)))
        cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[HEADING_ROW].height = 32


def _return_sheet(ws: Worksheet, comparison: GroupComparison) -> None:
    columns = comparison.columns
    headings = ["联络组", *(c.heading for c in columns)]
    _title_rows(ws, comparison.title, period_note(comparison), len(headings))
    _headings(ws, headings)
    # Figure columns as wide as their heading's longest line, names in full.
    widths = [max(max(display_width(x) for x in _heading_lines(h)) + 2, 8.0) for h in headings]
    row = HEADING_ROW
    for figures in comparison.all_rows():
        row += 1
        values = [figures.name, *(figures.value(c.key) for c in columns)]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col)
            put(cell, value)
            cell.border = _BORDER
            cell.font = _BOLD_FONT if figures.is_total else _BODY_FONT
            if figures.is_total:
                cell.fill = _TOTAL_FILL
            if isinstance(value, float):
                cell.number_format = "0.0"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            if isinstance(value, str):
                cell.alignment = Alignment(vertical="center")
                widths[col - 1] = max(widths[col - 1], display_width(value) + 2)
            else:
                cell.alignment = Alignment(horizontal="right", vertical="center")
        ws.row_dimensions[row].height = 20
    row += 2
    note = (
        "注：解决率 = 已解决 ÷ 意见建议（%）；合计行的解决率按合计数计算。"
        f"各项数字的统计口径见“{RULES_SHEET}”表。"
    )
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headings))
    put(ws.cell(row=row, column=1), note)
    ws.cell(row=row, column=1).font = _NOTE_FONT
    ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[row].height = 30
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = round(width, 1)
    ws.freeze_panes = ws.cell(row=HEADING_ROW + 1, column=2)
    _print_setup(ws, f"{comparison.title}", landscape=True)


def _rules_sheet(ws: Worksheet, comparison: GroupComparison) -> None:
    _title_rows(ws, f"{comparison.title}·统计口径", period_note(comparison), 2)
    _headings(ws, ("指标", "统计口径"))
    row = HEADING_ROW
    for column in comparison.columns:
        row += 1
        for col, value in enumerate((column.heading, column.rule), start=1):
            cell = ws.cell(row=row, column=col)
            put(cell, value)
            cell.font, cell.border = _BODY_FONT, _BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=col == 2)
        ws.row_dimensions[row].height = 32
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 70
    _print_setup(ws, f"{comparison.title}·统计口径", landscape=False)


def build_district_return(comparison: GroupComparison) -> Any:
    """The workbook (openpyxl ``Workbook``) of ``comparison``."""
    book = new_workbook(comparison.title)
    ws = book.active
    assert ws is not None
    ws.title = RETURN_SHEET
    _return_sheet(ws, comparison)
    _rules_sheet(book.create_sheet(RULES_SHEET), comparison)
    return book


def write_district_return(comparison: GroupComparison, path: Path) -> None:
    """Write the return to ``path`` (temporary name beside it, renamed when complete; OSError
    when the folder cannot be written)."""
    save_workbook(build_district_return(comparison), Path(path))
