"""归档文件目录 (archival catalogue, DA/T 22-2015) as an Excel workbook (formats.md "Archival
catalogue").

One sheet per catalogue (DA/T 22-2015 8.2: a catalogue is compiled per 全宗, 年度, 保管期限 and
机构(问题)): a package holding 永久 and 定期30年 items, or two years, gets a sheet for each, so the
cover of each sheet matches the 档号 of every row on it. Each sheet, A4 landscape:

- row 1: the title 归档文件目录;
- rows 2–3: the cover row set: 全宗名称 / 年度, 机构(问题) / 保管期限 (each "label：value");
- row 4: the columns, in this order: 序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注;
- then one row per 件, in 件号 order, 序号 counting from 1.

日期 is written as the eight digits YYYYMMDD (text, so no spreadsheet turns it into a number or a
date of its own format); 页数 as a number. A title the office wrote itself (the item had none of
its own, e.g. a record sheet the app prints) is put in square brackets: [织里-2024-议-003 议事记录表].

Printing: the columns are sized from the display width of their text and together fit the width
of A4 landscape at 100 %, so "fit to width" never shrinks the 10.5 pt text; long text wraps and
each row is as tall as its wrapped lines; the header row repeats on every page.

Which items become rows is the caller's business (``CatalogueRow``); this module only writes them.
No Qt.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liaison_desk.documents.workbook import display_width, new_workbook, put, save_workbook
from liaison_desk.domain.entities import Case, Consultation, LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.numbering import ParsedArchiveNumber, parse_archive_number

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
SHEET_TITLE = "归档文件目录"
HEADER_ROW = 4

_FONT = "宋体"
_HEAD_FONT = "黑体"
BODY_SIZE = 10.5  # 五号: the smallest size the printed catalogue uses, over 9 pt
_HEAD_SIZE = 11.0
_COVER_SIZE = 11.0
_TITLE_SIZE = 18.0
# Points per line of CJK text (宋体 about 1.3 em, Noto CJK more).
_LINE = 1.35

# Column widths in Excel's character units (a digit of the default font; a Chinese character
# is two): the least and the most each column takes. 题名 takes what is left of the page.
_MIN_WIDTH = {"序号": 6, "档号": 12, "文号": 6, "责任者": 10, "日期": 11, "密级": 6, "页数": 6}
_MAX_WIDTH = {"序号": 6, "档号": 28, "文号": 14, "责任者": 16, "日期": 11, "密级": 6, "页数": 6}
_NOTE_WIDTH = (10, 18)
_TITLE_MIN = 30
_NO_WRAP = {"档号", "日期", "序号", "页数"}  # a number is never split across lines
_CENTRED = {"序号", "日期", "密级", "页数"}

# A4 landscape less the margins below, in the same units (7 px each at 96 dpi, plus Excel's
# 5 px of padding per column): what the columns may add up to without being shrunk to fit.
_MARGIN_SIDE = 0.5  # inches
_MARGIN_TOP = 0.75
PAGE_WIDTH_UNITS = ((297 / 25.4 - 2 * _MARGIN_SIDE) * 96 - 5 * len(COLUMNS)) / 7
_BUDGET = math.floor(PAGE_WIDTH_UNITS) - 3  # a little room: spreadsheets round widths


@dataclass(frozen=True)
class CatalogueRow:
    """One 件 of the catalogue. ``composed_title``: the office wrote the title itself (the
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

    @property
    def parsed_number(self) -> ParsedArchiveNumber | None:
        return parse_archive_number(self.archive_number)


@dataclass(frozen=True)
class CatalogueCover:
    """The cover row set: 全宗名称, 年度, 保管期限 (e.g. 永久), 机构(问题) (e.g. 织里镇联络组)."""

    fonds_name: str
    year: int | str
    retention: str
    organisation: str


@dataclass(frozen=True)
class CatalogueSection:
    """One catalogue: the 件 of one 全宗, 年度, 保管期限 and 机构(问题), under their cover."""

    cover: CatalogueCover
    rows: tuple[CatalogueRow, ...]
    sheet_title: str = SHEET_TITLE


def case_row(
    case: Case, group: LiaisonGroup | None, pages: int | None = None, note: str = ""
) -> CatalogueRow:
    """A case as a row: 档号, 责任者 (its group's full name as the settings hold it, e.g.
    吴兴区政协织里镇委员联络组), 题名 (title and subtitle: the case's own title, so without
    brackets), 日期 (the day it was finalised, 定稿 — blank for a draft; never the day it was
    last saved, which an export changes), 页数."""
    title = (
        f"{case.title}{case.subtitle}"
        if case.subtitle.startswith("—")
        else ("　".join(x for x in (case.title, case.subtitle) if x.strip()))
    )
    return CatalogueRow(
        archive_number=case.archive_number,
        title=title,
        responsible=group.name if group is not None else "",
        on=case.finalised_on,
        pages=pages,
        note=note,
    )


def record_title(consultation: Consultation, title: str | None = None) -> str:
    """The composed title of a session's record sheet: 织里-2024-议-003《…》议事记录表
    (``title``: the topic as shown, e.g. masked)."""
    kind = "议事记录表" if consultation.kind is ConsultationKind.HALL else "微协商记录卡"
    shown = consultation.title if title is None else title
    return f"{consultation.number}《{shown}》{kind}"


def record_row(
    consultation: Consultation,
    group: LiaisonGroup | None,
    pages: int | None = None,
    note: str = "",
    title: str | None = None,
) -> CatalogueRow:
    """A session's record sheet as a 件 of its own: its 档号, 责任者 (the session's group), a
    title the office composed (so in [brackets]), 日期 (the session's date), 页数."""
    return CatalogueRow(
        archive_number=consultation.archive_number,
        title=record_title(consultation, title),
        responsible=group.name if group is not None else "",
        on=consultation.held_on,
        pages=pages,
        note=note,
        composed_title=True,
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


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` units wide."""
    usable = max(width - 1.5, 2.0)
    return sum(max(1, math.ceil(display_width(t) / usable)) for t in text.split("\n"))


def column_widths(rows: Sequence[CatalogueRow]) -> list[float]:
    """Each column's width from the display width of its heading and values, within its
    bounds; 题名 takes the rest of the page's width (and 备注 gives some up when needed)."""
    values = [row_values(n, r) for n, r in enumerate(rows, 1)]
    widths: dict[str, float] = {}
    for i, name in enumerate(COLUMNS):
        longest = max([display_width(name)] + [display_width(str(v[i] or "")) for v in values])
        if name in _MIN_WIDTH:
            widths[name] = min(max(longest + 2, _MIN_WIDTH[name]), _MAX_WIDTH[name])
        elif name == "备注":
            widths[name] = min(max(longest + 2, _NOTE_WIDTH[0]), _NOTE_WIDTH[1])
    rest = _BUDGET - sum(widths.values())
    if rest < _TITLE_MIN:
        widths["备注"] = max(_NOTE_WIDTH[0], widths["备注"] - (_TITLE_MIN - rest))
        rest = _BUDGET - sum(widths.values())
    widths["题名"] = rest
    return [round(widths[name], 1) for name in COLUMNS]


def sections_of(
    rows: Sequence[CatalogueRow], cover_of: CoverOf, *, one_title: str = SHEET_TITLE
) -> list[CatalogueSection]:
    """The rows split into catalogues by the 全宗, 年度, 保管期限 and 机构 of their 档号 (each in
    件号 order), with the cover ``cover_of(parsed 档号)`` gives. Rows without a 档号 of the right
    form come last, on a sheet of their own. A single catalogue's sheet is called ``one_title``;
    several are called after their 年度, 保管期限 and 机构代码 (2024-永久-ZL)."""
    keyed: dict[tuple[str, int, str, str], list[tuple[int, CatalogueRow]]] = {}
    loose: list[CatalogueRow] = []
    for row in rows:
        parsed = row.parsed_number
        if parsed is None:
            loose.append(row)
            continue
        key = (parsed.fonds_code, parsed.year, parsed.retention.value, parsed.org_code)
        keyed.setdefault(key, []).append((parsed.item, row))
    sections: list[CatalogueSection] = []
    fonds_count = len({k[0] for k in keyed})
    for key in sorted(keyed, key=lambda k: (k[0], k[1], _RETENTION_ORDER.get(k[2], 9), k[3])):
        items = [r for _, r in sorted(keyed[key], key=lambda p: p[0])]
        parsed = items[0].parsed_number
        assert parsed is not None
        name = f"{parsed.year}-{parsed.retention.label}-{parsed.org_code}"
        if fonds_count > 1:
            name = f"{parsed.fonds_code}-{name}"
        sections.append(CatalogueSection(cover_of(parsed), tuple(items), name[:31]))
    if loose:
        sections.append(CatalogueSection(cover_of(None), tuple(loose), "未编档号"))
    if len(sections) == 1:
        only = sections[0]
        sections = [CatalogueSection(only.cover, only.rows, one_title)]
    return sections


_RETENTION_ORDER = {"Y": 0, "D30": 1, "D10": 2}


class CoverOf:
    """The cover of a catalogue from its 档号's parts (None: rows without a 档号)."""

    def __init__(
        self, fonds_name: str, organisations: dict[str, str], fallback: CatalogueCover
    ) -> None:
        self.fonds_name = fonds_name
        self.organisations = organisations  # 机构代码 -> its name
        self.fallback = fallback

    def __call__(self, parsed: ParsedArchiveNumber | None) -> CatalogueCover:
        if parsed is None:
            return self.fallback
        return CatalogueCover(
            fonds_name=self.fonds_name,
            year=parsed.year,
            retention=parsed.retention.label,
            organisation=self.organisations.get(parsed.org_code, parsed.org_code),
        )


def _write_sheet(sheet: Worksheet, section: CatalogueSection) -> None:
    rows, cover = section.rows, section.cover
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    last = get_column_letter(len(COLUMNS))
    widths = column_widths(rows)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width

    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = SHEET_TITLE
    sheet["A1"].font = Font(name=_HEAD_FONT, size=_TITLE_SIZE)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 36

    # The cover row set: the long values (全宗名称, 机构) in the wide left piece.
    split = COLUMNS.index("日期")  # the left piece: 序号 … 题名
    left, right = sum(widths[:split]), sum(widths[split:])
    pieces = (
        (2, "A", get_column_letter(split), f"全宗名称：{cover.fonds_name}", left),
        (2, get_column_letter(split + 1), last, f"年度：{cover.year}", right),
        (3, "A", get_column_letter(split), f"机构(问题)：{cover.organisation}", left),
        (3, get_column_letter(split + 1), last, f"保管期限：{cover.retention}", right),
    )
    heights: dict[int, float] = {}
    for r, first, end, text, width in pieces:
        sheet.merge_cells(f"{first}{r}:{end}{r}")
        cell = sheet[f"{first}{r}"]
        put(cell, text)
        cell.font = Font(name=_FONT, size=_COVER_SIZE)
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        lines = _lines(text, width)
        heights[r] = max(heights.get(r, 0), lines * _COVER_SIZE * _LINE + 6)
    for r, height in heights.items():
        sheet.row_dimensions[r].height = height

    for col, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=col, value=name)
        cell.font = Font(name=_HEAD_FONT, size=_HEAD_SIZE)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
    sheet.row_dimensions[HEADER_ROW].height = _HEAD_SIZE * _LINE + 8

    for number, row in enumerate(rows, start=1):
        r = HEADER_ROW + number
        values = row_values(number, row)
        for col, value in enumerate(values, start=1):
            name = COLUMNS[col - 1]
            cell = sheet.cell(row=r, column=col)
            put(cell, value)  # a title such as =HYPERLINK(…) stays text
            cell.font = Font(name=_FONT, size=BODY_SIZE)
            cell.border = box
            cell.alignment = Alignment(
                horizontal="center" if name in _CENTRED else "left",
                vertical="center",
                wrap_text=name not in _NO_WRAP,
            )
            if name == "日期":
                cell.number_format = "@"  # eight digits as text
        # Room for the wrapped lines (spreadsheets do not all grow a row by themselves).
        lines = max(
            _lines(str(v or ""), w)
            for v, w, name in zip(values, widths, COLUMNS, strict=True)
            if name not in _NO_WRAP
        )
        sheet.row_dimensions[r].height = max(lines, 1) * BODY_SIZE * _LINE + 6

    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = _MARGIN_SIDE
    sheet.page_margins.top = sheet.page_margins.bottom = _MARGIN_TOP
    sheet.oddHeader.center.text = f"归档文件目录　{cover.year}年度　{cover.retention}"
    sheet.oddHeader.center.size = 11  # whole points only (&11)
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.size = 11
    sheet.print_area = f"A1:{last}{HEADER_ROW + max(len(rows), 1)}"


def build_sections(sections: Sequence[CatalogueSection]) -> Workbook:
    """A workbook with a sheet per catalogue."""
    book = new_workbook(SHEET_TITLE)
    first = book.active
    assert isinstance(first, Worksheet)
    for n, section in enumerate(sections or [CatalogueSection(_EMPTY, ())]):
        sheet = first if n == 0 else book.create_sheet()
        sheet.title = section.sheet_title
        _write_sheet(sheet, section)
    return book


_EMPTY = CatalogueCover("", "", "", "")


def build_catalogue(rows: Sequence[CatalogueRow], cover: CatalogueCover) -> Workbook:
    """One catalogue of ``rows`` under ``cover``, on one sheet."""
    return build_sections([CatalogueSection(cover, tuple(rows))])


def write_catalogue(rows: Sequence[CatalogueRow], path: Path, cover: CatalogueCover) -> Path:
    """Write the catalogue to ``path`` (.xlsx): through a temporary file in the same folder,
    renamed when complete (OSError when the folder cannot be written)."""
    return save_workbook(build_catalogue(rows, cover), Path(path))


def write_sections(sections: Sequence[CatalogueSection], path: Path) -> Path:
    """Write the catalogues to ``path`` (.xlsx), a sheet each, as :func:`write_catalogue`."""
    return save_workbook(build_sections(sections), Path(path))


__all__ = [
    "BODY_SIZE",
    "COLUMNS",
    "PAGE_WIDTH_UNITS",
    "CatalogueCover",
    "CatalogueRow",
    "CatalogueSection",
    "CoverOf",
    "build_catalogue",
    "build_sections",
    "case_row",
    "column_widths",
    "date_text",
    "record_row",
    "record_title",
    "sections_of",
    "write_catalogue",
    "write_sections",
]
