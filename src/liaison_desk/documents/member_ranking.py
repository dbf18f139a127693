"""The year's 履职积分 ranking as a workbook: sheet 排名 (one member a row: rank, name, group,
sector, the figures of ``domain.member_record.RANKING_FIGURES``), sheet 积分规则 (the points table
the ranking was counted by). Print-ready: the title in the sheet and the page header, A4
landscape fitted to the page width, the heading row repeated, 11 pt text, page numbers. Text
goes through ``documents.workbook.put`` and the file through ``save_workbook``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liaison_desk.documents.workbook import display_width, new_workbook, put, save_workbook
from liaison_desk.domain.member_record import (
    RANKING_FIGURES,
    PointRules,
    RankedMember,
    figure,
    rule_table,
)
from liaison_desk.domain.privacy import Privacy

RANKING_SHEET = "排名"
RULES_SHEET = "积分规则"
HEADINGS = ("名次", "姓名", "联络组", "界别", *(h for _k, h in RANKING_FIGURES))
HEADING_ROW = 3  # title, note, headings

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8E4D8")
_TITLE_FONT = Font(name="宋体", bold=True, size=16)
_NOTE_FONT = Font(name="宋体", size=10, color="555555")
_HEADER_FONT = Font(name="宋体", bold=True, size=11)
_BODY_FONT = Font(name="宋体", size=11)


@dataclass(frozen=True)
class RankingData:
    title: str
    note: str
    rows: tuple[tuple[Any, ...], ...]  # as HEADINGS
    rules: tuple[tuple[str, int], ...]  # (what, points each)


def ranking_data(
    year: int,
    scope: str,
    rules: PointRules,
    rows: Sequence[RankedMember],
    privacy: Privacy,
    made_on: date,
) -> RankingData:
    lines = []
    for r in rows:
        p = r.record.person
        lines.append(
            (
                r.rank,
                privacy.name(p),
                r.group_name,
                p.sector,
                *(figure(r.record, k) for k, _h in RANKING_FIGURES),
            )
        )
    return RankingData(
        title=f"{scope}{year}年度政协委员履职积分排名",
        note=(
            f"统计范围：{scope}的政协委员，{year}年已举行的协商活动和当年的协商案例；积分相同的"
            f"名次并列。制表日期：{made_on.year}年{made_on.month}月{made_on.day}日。"
        ),
        rows=tuple(lines),
        rules=rule_table(rules),
    )


def _sheet(ws: Worksheet, title: str, note: str, headings: Sequence[str]) -> list[float]:
    width = len(headings)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    put(ws.cell(row=1, column=1), title)
    ws.cell(row=1, column=1).font = _TITLE_FONT
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    put(ws.cell(row=2, column=1), note)
    ws.cell(row=2, column=1).font = _NOTE_FONT
    ws.cell(row=2, column=1).alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[2].height = 30
    for col, heading in enumerate(headings, start=1):
        cell = ws.cell(row=HEADING_ROW, column=col)
        put(cell, heading)
        cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[HEADING_ROW].height = 30
    return [display_width(h) + 2 for h in headings]


def _rows(ws: Worksheet, rows: Sequence[Sequence[Any]], widths: list[float]) -> None:
    for r, values in enumerate(rows, start=HEADING_ROW + 1):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col)
            put(cell, value)
            cell.font, cell.border = _BODY_FONT, _BORDER
            if isinstance(value, str):
                cell.alignment = Alignment(vertical="center")
                widths[col - 1] = max(widths[col - 1], min(display_width(value) + 2, 30.0))
            else:
                cell.alignment = Alignment(horizontal="right", vertical="center")


def _finish(ws: Worksheet, title: str, widths: Sequence[float], landscape: bool) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = round(max(width, 6.0), 1)
    ws.freeze_panes = ws.cell(row=HEADING_ROW + 1, column=1)
    ws.print_title_rows = f"{HEADING_ROW}:{HEADING_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddHeader.center.text = f"{title}·{ws.title}"
    ws.oddHeader.center.size = 10
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 10


def build_ranking_workbook(data: RankingData) -> Any:
    book = new_workbook(data.title)
    ws = book.active
    assert ws is not None
    ws.title = RANKING_SHEET
    widths = _sheet(ws, data.title, data.note, HEADINGS)
    _rows(ws, data.rows, widths)
    _finish(ws, data.title, widths, landscape=True)
    rules = book.create_sheet(RULES_SHEET)
    rule_headings = ("项目", "每次（每条、每篇）分值")
    widths = _sheet(
        rules,
        f"{data.title}·积分规则",
        "分值在软件“设置·履职积分”中设定；同一案例只按入选的最高层级计一次。",
        rule_headings,
    )
    _rows(rules, data.rules, widths)
    _finish(rules, data.title, widths, landscape=False)
    return book


def write_ranking_workbook(data: RankingData, path: Path) -> None:
    """Write the workbook to ``path`` (temporary name, renamed when complete; OSError when the
    folder cannot be written)."""
    save_workbook(build_ranking_workbook(data), Path(path))
