"""The statistics workbook (统计报表): five sheets from one ``StatisticsReport``.

- 总表: the period's headline figures, one a row, each with how it is counted (``HEADLINE``);
- 分组: groups × indicators, with a bar chart comparing the groups;
- 按月: months × sessions, 参与人次, suggestions raised and solved, with a line chart of the trend;
- 办理情况: per responsible body — items, solved, rate, overdue, average days, revisits,
  satisfaction;
- 议题来源: topic sources × sessions.

Native Excel charts (openpyxl.chart: drawn by Excel, WPS and LibreOffice from the cells, so they
follow any correction the user makes). Every sheet is ready to print: a title in the sheet and in
the page header, A4 fitted to the page width, the heading row repeated on every page, 11 pt text
(never under 9 pt), page numbers in the footer. Text goes through ``documents.workbook.put``
(never a formula); the file is written through ``save_workbook`` (temporary name, renamed)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liaison_desk.documents.ledger import display_width
from liaison_desk.documents.statistics_data import (
    HEADLINE,
    HEADLINE_FIRST_ROW,
    StatisticsReport,
    headline_value,
)
from liaison_desk.documents.workbook import new_workbook, put, save_workbook
from liaison_desk.domain.queries import YearStatistics

SUMMARY_SHEET = "总表"
GROUP_SHEET = "分组"
MONTH_SHEET = "按月"
BODY_SHEET = "办理情况"
SOURCE_SHEET = "议题来源"

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8E4D8")
_TOTAL_FILL = PatternFill("solid", fgColor="F3F1EA")
_TITLE_FONT = Font(name="宋体", bold=True, size=16)
_NOTE_FONT = Font(name="宋体", size=10, color="555555")
_HEADER_FONT = Font(name="宋体", bold=True, size=11)
_BODY_FONT = Font(name="宋体", size=11)
_BOLD_FONT = Font(name="宋体", size=11, bold=True)
_HEADING_ROW = 3  # title, note, then the headings
_PERCENT = "0.0"

# (heading, figure) of the indicator columns of 分组 (and their order).
GROUP_COLUMNS: tuple[tuple[str, str], ...] = (
    ("民生议事堂（场）", "hall_sessions"),
    ("微协商（次）", "micro_consultations"),
    ("参与人次", "attendance"),
    ("委员人次", "member_attendance"),
    ("意见建议（条）", "suggestions"),
    ("已解决（个）", "solved"),
    ("解决率（%）", "solved_rate"),
    ("超期（条）", "overdue"),
    ("案例（篇）", "cases_written"),
    ("入选（篇）", "cases_selected"),
)
MONTH_COLUMNS: tuple[tuple[str, str], ...] = (
    ("民生议事堂（场）", "hall_sessions"),
    ("微协商（次）", "micro_consultations"),
    ("参与人次", "attendance"),
    ("意见建议（条）", "suggestions"),
    ("已解决（个）", "solved"),
)
SOURCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("民生议事堂（场）", "hall_sessions"),
    ("微协商（次）", "micro_consultations"),
    ("参与人次", "attendance"),
    ("意见建议（条）", "suggestions"),
    ("已解决（个）", "solved"),
)
BODY_HEADINGS = (
    "责任单位",
    "交办（条）",
    "已解决（个）",
    "解决率（%）",
    "超期（条）",
    "平均解决天数",
    "回访（条）",
    "满意",
    "基本满意",
    "不满意",
)


def _figure(stats: YearStatistics, key: str) -> float | int:
    return headline_value(stats, key)


class _Sheet:
    """One sheet being laid out: title, note, a heading row and rows below it."""

    def __init__(
        self, ws: Worksheet, report: StatisticsReport, title: str, headings: Sequence[str]
    ) -> None:
        self.ws = ws
        self.headings = list(headings)
        self.widths = [display_width(h) + 3 for h in headings]
        self.row = _HEADING_ROW
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headings))
        put(ws.cell(row=1, column=1), title)
        ws.cell(row=1, column=1).font = _TITLE_FONT
        ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[1].height = 30
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(headings))
        put(ws.cell(row=2, column=1), _note(report))
        ws.cell(row=2, column=1).font = _NOTE_FONT
        ws.cell(row=2, column=1).alignment = Alignment(
            horizontal="left", vertical="center", wrap_text=True
        )
        ws.row_dimensions[2].height = 28  # two lines where the sheet is narrow
        for col, heading in enumerate(headings, start=1):
            cell = ws.cell(row=_HEADING_ROW, column=col)
            put(cell, heading)
            cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[_HEADING_ROW].height = 30

    def add(self, values: Sequence[Any], *, total: bool = False, wrap: Collection[int] = ()) -> int:
        self.row += 1
        for col, value in enumerate(values, start=1):
            cell = self.ws.cell(row=self.row, column=col)
            put(cell, value)
            cell.font = _BOLD_FONT if total else _BODY_FONT
            cell.border = _BORDER
            if total:
                cell.fill = _TOTAL_FILL
            if isinstance(value, float):
                cell.number_format = _PERCENT
            if isinstance(value, str):
                limit = 60.0 if col in wrap else 30.0
                self.widths[col - 1] = max(
                    self.widths[col - 1], min(display_width(value) + 2, limit)
                )
                cell.alignment = Alignment(vertical="center", wrap_text=col in wrap)
            else:
                cell.alignment = Alignment(horizontal="right", vertical="center")
        return self.row

    def finish(self, report: StatisticsReport, *, landscape: bool) -> None:
        ws = self.ws
        for col, width in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = round(max(width, 8.0), 1)
        ws.freeze_panes = ws.cell(row=_HEADING_ROW + 1, column=2)
        ws.print_title_rows = f"{_HEADING_ROW}:{_HEADING_ROW}"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = (
            ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
        )
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as it takes
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.75
        ws.oddHeader.center.text = f"{report.title}·{ws.title}"
        ws.oddHeader.center.size = 10
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        ws.oddFooter.center.size = 10


def _note(report: StatisticsReport) -> str:
    scope = report.group_name or "全部联络组"
    return (
        f"统计范围：{scope}{_day(report.period.start)}至{_day(report.period.end)}举行的协商活动；"
        f"超期按{_day(report.as_of)}计；制表日期：{_day(report.made_on)}。"
    )


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _style_chart(chart: Any, title: str, y_title: str, width: float, height: float) -> None:
    """Title, axis title, size in centimetres, legend below."""
    chart.title = title
    chart.y_axis.title = y_title
    chart.width, chart.height = width, height
    chart.legend.position = "b"
    # openpyxl 3.1 marks axes deleted unless told otherwise; Excel and WPS then draw none.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _summary_sheet(ws: Worksheet, report: StatisticsReport) -> None:
    sheet = _Sheet(ws, report, report.title, ("指标", "数值", "单位", "统计口径"))
    for item in HEADLINE:
        row = sheet.add(
            (item.name, _figure(report.total, item.key), item.unit, item.definition), wrap={4}
        )
        assert row == HEADLINE_FIRST_ROW + HEADLINE.index(item)
        ws.row_dimensions[row].height = 30
    sheet.widths[3] = 60.0
    sheet.finish(report, landscape=False)


def _group_sheet(ws: Worksheet, report: StatisticsReport) -> None:
    sheet = _Sheet(
        ws,
        report,
        f"{report.title}·分组",
        ("联络组", *(h for h, _k in GROUP_COLUMNS)),
    )
    first = sheet.row + 1
    for name, stats in report.by_group:
        sheet.add((name, *(_figure(stats, k) for _h, k in GROUP_COLUMNS)))
    last = sheet.row
    if len(report.by_group) > 1:
        sheet.add(("合计", *(_figure(report.total, k) for _h, k in GROUP_COLUMNS)), total=True)
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    for col in (2, 3, 7):  # 民生议事堂, 微协商, 已解决
        chart.add_data(
            Reference(ws, min_col=col, min_row=_HEADING_ROW, max_row=last), titles_from_data=True
        )
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    _style_chart(chart, "各联络组协商活动与解决问题", "场次 / 个数", 26, 11)
    ws.add_chart(chart, f"A{sheet.row + 3}")
    sheet.finish(report, landscape=True)


def _month_sheet(ws: Worksheet, report: StatisticsReport) -> None:
    sheet = _Sheet(ws, report, f"{report.title}·按月", ("月份", *(h for h, _k in MONTH_COLUMNS)))
    first = sheet.row + 1
    for month, stats in report.by_month:
        sheet.add((f"{month}月", *(_figure(stats, k) for _h, k in MONTH_COLUMNS)))
    last = sheet.row
    if len(report.by_month) > 1:
        sheet.add(("合计", *(_figure(report.total, k) for _h, k in MONTH_COLUMNS)), total=True)
    chart = LineChart()
    for col in (2, 3, 5, 6):  # 民生议事堂, 微协商, 意见建议, 已解决
        chart.add_data(
            Reference(ws, min_col=col, min_row=_HEADING_ROW, max_row=last), titles_from_data=True
        )
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    for series in chart.series:
        series.marker.symbol = "circle"
        series.smooth = False
    _style_chart(chart, "协商活动与意见建议月度走势", "场次 / 条数", 18, 10)
    ws.add_chart(chart, f"A{sheet.row + 3}")
    sheet.finish(report, landscape=False)


def _body_sheet(ws: Worksheet, report: StatisticsReport) -> None:
    sheet = _Sheet(ws, report, f"{report.title}·办理情况", BODY_HEADINGS)
    for b in report.by_body:
        sheet.add(
            (
                b.body,
                b.assigned,
                b.solved,
                round(b.solved_rate * 100, 1),
                b.overdue,
                b.average_days if b.average_days is not None else "—",
                b.revisited,
                b.satisfied,
                b.mostly_satisfied,
                b.dissatisfied,
            ),
            wrap={1},
        )
    if report.by_body:
        total = report.total
        sheet.add(
            (
                "合计",
                total.suggestions,
                total.solved,
                round(total.solved_rate * 100, 1),
                total.overdue,
                "",
                sum(b.revisited for b in report.by_body),
                sum(b.satisfied for b in report.by_body),
                sum(b.mostly_satisfied for b in report.by_body),
                sum(b.dissatisfied for b in report.by_body),
            ),
            total=True,
        )
    sheet.add(
        (
            "说明：平均解决天数为已解决且填了解决日期的条目，从协商日期到解决日期的天数平均；"
            "回访为填了回访日期的条数。",
        )
    )
    ws.merge_cells(
        start_row=sheet.row, start_column=1, end_row=sheet.row, end_column=len(BODY_HEADINGS)
    )
    note = ws.cell(row=sheet.row, column=1)
    note.font, note.border = _NOTE_FONT, Border()
    sheet.widths[0] = min(max(sheet.widths[0], 16.0), 36.0)
    sheet.finish(report, landscape=True)


def _source_sheet(ws: Worksheet, report: StatisticsReport) -> None:
    sheet = _Sheet(
        ws, report, f"{report.title}·议题来源", ("议题来源", *(h for h, _k in SOURCE_COLUMNS))
    )
    for label, stats in report.by_source:
        sheet.add((label, *(_figure(stats, k) for _h, k in SOURCE_COLUMNS)))
    sheet.add(("合计", *(_figure(report.total, k) for _h, k in SOURCE_COLUMNS)), total=True)
    sheet.finish(report, landscape=False)


def build_statistics_workbook(report: StatisticsReport) -> Any:
    """The workbook (openpyxl ``Workbook``) of ``report``."""
    book = new_workbook(report.title)
    ws = book.active
    assert ws is not None
    ws.title = SUMMARY_SHEET
    _summary_sheet(ws, report)
    _group_sheet(book.create_sheet(GROUP_SHEET), report)
    _month_sheet(book.create_sheet(MONTH_SHEET), report)
    _body_sheet(book.create_sheet(BODY_SHEET), report)
    _source_sheet(book.create_sheet(SOURCE_SHEET), report)
    return book


def write_statistics_workbook(report: StatisticsReport, path: Path) -> None:
    """Write the workbook to ``path`` (temporary name in the same folder, renamed when
    complete; OSError when the folder cannot be written)."""
    save_workbook(build_statistics_workbook(report), Path(path))
