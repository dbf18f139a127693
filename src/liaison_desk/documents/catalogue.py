"""归档文件目录 (archival catalogue, DA/T 22-2015) as an Excel workbook (formats.md "Archival
catalogue").

One sheet, "归档文件目录", A4 portrait, fitted to the page width, its header row repeated at the
top of every printed page and frozen on screen:

- row 1: the title 归档文件目录;
- rows 2–3: the cover row set: 全宗名称, 年度 / 保管期限, 机构(问题) (each "label：value");
- row 4: the columns, in this order: 序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注;
- then one row per item, 序号 counting from 1.

日期 is written as the eight digits YYYYMMDD (text, so no spreadsheet turns it into a number or a
date of its own format); 页数 as a number. A title the office wrote itself (the item had none of
its own, e.g. a record sheet the app prints) is put in square brackets: [织里-2024-议-003 议事记录表].

Which items become rows is the caller's business (``CatalogueRow``); this module only writes them.
No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liaison_desk.documents.workbook import new_workbook, put, save_workbook
from liaison_desk.domain.entities import Case, LiaisonGroup

COLUMNS: tuple[str, ...] = (
    "序号",
    "档号",
    "文号",
    "责任者",
    "题名",
    "日期",
    "密级",
    "页数",
    "备注",
)
# Widths in characters of the default font (a Chinese character is about two).
_WIDTHS = (5, 24, 10, 14, 38, 10, 5, 5, 10)
SHEET_TITLE = "归档文件目录"
HEADER_ROW = 4

_FONT = "宋体"
_HEAD_FONT = "黑体"


@dataclass(frozen=True)
class CatalogueRow:
    """One item of the catalogue. ``composed_title``: the office wrote the title itself (the
    item has none of its own); it is shown in [square brackets]."""

    archive_number: str  # 档号, e.g. J012-WS·2024-Y-ZL-0001
    title: str  # 题名
    responsible: str = ""  # 责任者, e.g. 吴兴区政协织里镇委员联络组
    on: date | None = None  # 日期
    pages: int | None = None  # 页数
    document_number: str = ""  # 文号
    classification: str = ""  # 密级 (blank: not classified)
    note: str = ""  # 备注
    composed_title: bool = False

    @property
    def shown_title(self) -> str:
        title = self.title.strip()
        if self.composed_title and not (title.startswith("[") and title.endswith("]")):
            return f"[{title}]"
        return title


@dataclass(frozen=True)
class CatalogueCover:
    """The cover row set: 全宗名称, 年度, 保管期限 (e.g. 永久), 机构(问题) (e.g. 织里镇联络组)."""

    fonds_name: str
    year: int | str
    retention: str
    organisation: str


def case_row(
    case: Case, group: LiaisonGroup | None, pages: int | None = None, note: str = ""
) -> CatalogueRow:
    """A case as a row: 档号, 责任者 (its group's full name as the settings hold it, e.g.
    吴兴区政协织里镇委员联络组), 题名 (title and subtitle: the case's own title, so without
    brackets), 日期 (last saved), 页数."""
    title = (
        f"{case.title}{case.subtitle}"
        if case.subtitle.startswith("—")
        else ("　".join(x for x in (case.title, case.subtitle) if x.strip()))
    )
    when = case.updated_at or case.created_at
    return CatalogueRow(
        archive_number=case.archive_number,
        title=title,
        responsible=group.name if group is not None else "",
        on=when.date() if when else None,
        pages=pages,
        note=note,
    )


def date_text(d: date | None) -> str:
    """YYYYMMDD, as DA/T 22 writes dates."""
    return f"{d.year:04d}{d.month:02d}{d.day:02d}" if d else ""


def row_values(number: int, row: CatalogueRow) -> list[object]:
    """The cells of one row in the order of COLUMNS."""
    return [
        number,
        row.archive_number,
        row.document_number,
        row.responsible,
        row.shown_title,
        date_text(row.on),
        row.classification,
        row.pages,
        row.note,
    ]


def _lines(text: str, width: int) -> int:
    """About how many lines ``text`` takes in a column ``width`` characters wide (a Chinese
    character counting two)."""
    used = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    return -(-used // max(width - 1, 1)) if used else 1


def build_catalogue(rows: Sequence[CatalogueRow], cover: CatalogueCover) -> Workbook:
    book = new_workbook(SHEET_TITLE)
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET_TITLE
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap_left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    last = get_column_letter(len(COLUMNS))

    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = SHEET_TITLE
    sheet["A1"].font = Font(name=_HEAD_FONT, size=18)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 36

    # The cover row set, on two rows of two merged pieces each.
    pieces = (
        (2, "A", "E", f"全宗名称：{cover.fonds_name}"),
        (2, "F", last, f"年度：{cover.year}"),
        (3, "A", "E", f"保管期限：{cover.retention}"),
        (3, "F", last, f"机构(问题)：{cover.organisation}"),
    )
    for r, first, end, text in pieces:
        sheet.merge_cells(f"{first}{r}:{end}{r}")
        cell = sheet[f"{first}{r}"]
        put(cell, text)
        cell.font = Font(name=_FONT, size=11)
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        sheet.row_dimensions[r].height = 22

    for col, (name, width) in enumerate(zip(COLUMNS, _WIDTHS, strict=True), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=col, value=name)
        cell.font = Font(name=_HEAD_FONT, size=11)
        cell.alignment = wrap_centre
        cell.border = box
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 24

    centred = {"序号", "日期", "密级", "页数"}
    for number, row in enumerate(rows, start=1):
        r = HEADER_ROW + number
        for col, value in enumerate(row_values(number, row), start=1):
            cell = sheet.cell(row=r, column=col)
            put(cell, value)  # a title such as =HYPERLINK(…) stays text
            cell.font = Font(name=_FONT, size=10.5)
            cell.border = box
            cell.alignment = wrap_centre if COLUMNS[col - 1] in centred else wrap_left
            if COLUMNS[col - 1] == "日期":
                cell.number_format = "@"  # eight digits as text
        # Room for the wrapped lines (spreadsheets do not all grow a row by themselves).
        lines = max(
            _lines(str(v or ""), width)
            for v, width in zip(row_values(number, row), _WIDTHS, strict=True)
        )
        sheet.row_dimensions[r].height = max(lines, 1) * 14 + 6

    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.8
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.print_area = f"A1:{last}{HEADER_ROW + max(len(rows), 1)}"
    return book


def write_catalogue(rows: Sequence[CatalogueRow], path: Path, cover: CatalogueCover) -> Path:
    """Write the catalogue to ``path`` (.xlsx): through a temporary file in the same folder,
    renamed when complete (OSError when the folder cannot be written)."""
    return save_workbook(build_catalogue(rows, cover), Path(path))


__all__ = [
    "COLUMNS",
    "CatalogueCover",
    "CatalogueRow",
    "build_catalogue",
    "case_row",
    "date_text",
    "write_catalogue",
]
