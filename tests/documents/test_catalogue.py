"""The archival catalogue (归档文件目录.xlsx, DA/T 22-2015): the columns in order, one row per
item, dates as YYYYMMDD, titles the office wrote in [brackets], the cover row set, and the print
set-up (A4, header row repeated on every page, fit to width); a case's own row from the demo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from liaison_desk.documents.catalogue import (
    COLUMNS,
    CatalogueCover,
    CatalogueRow,
    write_catalogue,
)
from liaison_desk.services import Services

COVER = CatalogueCover(
    fonds_name="吴兴区政协（J012）", year=2024, retention="永久", organisation="织里镇联络组"
)


def rows() -> list[CatalogueRow]:
    return [
        CatalogueRow(
            archive_number="J012-WS·2024-Y-ZL-0001",
            title="助力青年返乡——织里镇联络组搭建青年返乡创业就业“连心桥”",
            responsible="织里镇联络组",
            on=date(2024, 10, 10),
            pages=5,
        ),
        CatalogueRow(
            archive_number="J012-WS·2024-Y-ZL-0002",
            title="织里-2024-议-003 议事记录表",
            responsible="织里镇联络组",
            on=date(2024, 4, 18),
            pages=3,
            composed_title=True,
            note="案例附件",
        ),
        CatalogueRow(archive_number="J012-WS·2024-Y-ZL-0003", title="[已带括号的题名]"),
    ]


def test_the_catalogue_has_the_da_t_22_columns_and_one_row_per_item(tmp_path: Path) -> None:
    out = write_catalogue(rows(), tmp_path / "归档文件目录.xlsx", COVER)
    assert [p.name for p in tmp_path.iterdir()] == ["归档文件目录.xlsx"]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["归档文件目录"]
    sheet = book["归档文件目录"]
    assert COLUMNS == ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
    assert sheet["A1"].value == "归档文件目录"
    cover = [sheet.cell(row=r, column=c).value for r in (2, 3) for c in range(1, 10)]
    assert [v for v in cover if v] == [
        "全宗名称：吴兴区政协（J012）",
        "年度：2024",
        "机构(问题)：织里镇联络组",
        "保管期限：永久",
    ]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert values[0] == list(COLUMNS)
    assert values[1:] == [
        [
            1,
            "J012-WS·2024-Y-ZL-0001",
            None,
            "织里镇联络组",
            "助力青年返乡——织里镇联络组搭建青年返乡创业就业“连心桥”",
            "20241010",
            None,
            5,
            None,
        ],
        [
            2,
            "J012-WS·2024-Y-ZL-0002",
            None,
            "织里镇联络组",
            "[织里-2024-议-003 议事记录表]",
            "20240418",
            None,
            3,
            "案例附件",
        ],
        [3, "J012-WS·2024-Y-ZL-0003", None, None, "[已带括号的题名]", None, None, None, None],
    ]
    # A4, the header row on every printed page, fitted to the page width, frozen on screen.
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows.replace("$", "") == "4:4"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.freeze_panes == "A5"
    assert sheet["F5"].number_format == "@"


def test_a_case_becomes_a_catalogue_row(demo_services: Services, tmp_path: Path) -> None:
    docs = demo_services.case_documents
    case = docs.find("J012-WS·2024-Y-ZL-0001")
    assert case.id is not None
    row = docs.catalogue_row(case.id, pages=5)
    assert row.archive_number == "J012-WS·2024-Y-ZL-0001"
    assert row.title == f"{case.title}{case.subtitle}"
    assert not row.composed_title and row.shown_title == row.title
    assert row.responsible == "织里镇联络组"
    assert row.on is not None and row.pages == 5
    out = write_catalogue([row], tmp_path / "目录.xlsx", COVER)
    sheet = openpyxl.load_workbook(out)["归档文件目录"]
    assert sheet.max_row == 5  # title, cover row set (two rows), header, one item
    assert sheet["E5"].value == row.title


def test_titles_that_look_like_formulas_are_written_as_text(tmp_path: Path) -> None:
    """Issue 12, finding 2: a case titled =HYPERLINK(…) was a live formula in the catalogue."""
    import zipfile

    titles = ['=HYPERLINK("http://x","老街新韵")', "=1+1", "@SUM(A1)", "+86", "-减负"]
    catalogue = [
        CatalogueRow(archive_number=f"J012-WS·2024-Y-ZL-{n:04d}", title=t, responsible="=2*3")
        for n, t in enumerate(titles, 1)
    ]
    cover = CatalogueCover(fonds_name="=1+2", year=2024, retention="永久", organisation="@织里")
    out = write_catalogue(catalogue, tmp_path / "归档文件目录.xlsx", cover)
    with zipfile.ZipFile(out) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    found = [sheet.cell(row=r, column=5) for r in range(5, 5 + len(titles))]
    assert [c.value for c in found] == titles
    assert all(c.data_type == "s" for c in found)
    assert sheet.cell(row=5, column=4).value == "=2*3"
    # Editing such a cell in Excel keeps it text (the quote prefix).
    assert all(c.quotePrefix for c in found)
    assert sheet.cell(row=5, column=8).data_type == "n" or sheet.cell(row=5, column=8).value is None


def _all_fonts(book: openpyxl.Workbook) -> list[float]:
    """The size of every font the workbook's cells use (cell styles and the default)."""
    sizes = [float(f.sz) for f in book._fonts if f.sz is not None]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            sizes += [float(c.font.sz) for c in row if c.font is not None and c.font.sz]
    return sizes


def test_the_printed_catalogue_fits_a4_landscape_at_a_readable_size(tmp_path: Path) -> None:
    """Issue 14, finding 1: the catalogue printed at 6.3 pt and clipped "机构(问题)"."""
    from liaison_desk.documents.catalogue import BODY_SIZE, PAGE_WIDTH_UNITS

    long_org = "吴兴区政协织里镇委员联络组"
    cover = CatalogueCover("吴兴区政协", 2024, "永久", long_org)
    out = write_catalogue(rows() * 5, tmp_path / "归档文件目录.xlsx", cover)
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    assert min(_all_fonts(book)) >= 9 and BODY_SIZE >= 9
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows.replace("$", "") == "4:4"
    assert "归档文件目录" in sheet.oddHeader.center.text
    # The columns fit the page as they are: fitting to the width never shrinks the text.
    widths = [sheet.column_dimensions[chr(ord("A") + i)].width for i in range(len(COLUMNS))]
    assert sum(widths) <= PAGE_WIDTH_UNITS
    # "机构(问题)：…" sits in the wide left piece of the cover, on a row tall enough for it.
    assert sheet["A3"].value == f"机构(问题)：{long_org}"
    assert "A3:E3" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A3"].alignment.wrap_text


def test_libreoffice_prints_the_catalogue_readable_and_whole(tmp_path: Path) -> None:
    """The catalogue as a recipient's LibreOffice prints it: A4 landscape, every word at 9 pt
    or more and inside the page, the cover and headings whole."""
    import re
    import subprocess

    from helpers import libreoffice_pdf

    cover = CatalogueCover("吴兴区政协", 2024, "永久", "吴兴区政协织里镇委员联络组")
    source = write_catalogue(rows() * 8, tmp_path / "归档文件目录.xlsx", cover)
    pdf = libreoffice_pdf(source, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    width, height = map(float, re.findall(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout)[0])
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert all(" yes " in line for line in fonts.stdout.splitlines()[2:])  # embedded
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', boxes
    )
    assert words
    for x0, y0, x1, y1, word in words:
        assert float(y1) - float(y0) >= 9.0, word  # the word's height is its size
        assert float(x0) >= 0 and float(x1) <= width, word
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for whole in (
        "机构(问题)：吴兴区政协织里镇委员联络组",
        "保管期限：永久",
        "J012-WS·2024-Y-ZL-0001",
    ):
        assert whole in text
