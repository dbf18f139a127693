"""The group comparison (各组对比) and the district's return (联络组工作情况月报/季报) on the demo
year (issue 17, District views): the table's figures are the statistics workbook's 分组 figures,
they add up to the 总表 headline (85 / 158 / 160+), and the return workbook holds exactly the
table, with a totals row, each figure's counting rule, and print-ready pages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from clock import FixedClock
from helpers import libreoffice_pdf
from liaison_desk.documents.district_return import (
    COMPARISON_COLUMNS,
    HEADING_ROW,
    RETURN_SHEET,
    RULES_SHEET,
    ComparisonColumn,
    GroupComparison,
)
from liaison_desk.documents.statistics_data import HEADLINE, HEADLINE_FIRST_ROW
from liaison_desk.domain.periods import ReportPeriod
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database

COUNTS = [c.key for c in COMPARISON_COLUMNS if c.key != "solved_rate"]


@dataclass
class Demo:
    services: Services
    out: Path


@pytest.fixture(scope="module")
def demo(demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    db = Database.open(f"sqlite:///{demo_master}")
    services = Services(
        ServiceContext(db, AttachmentStore.beside_database(demo_master), clock=FixedClock())
    )
    yield Demo(services, tmp_path_factory.mktemp("district"))
    db.close()


def table_rows(ws: Worksheet, first: int, width: int) -> list[list[object]]:
    rows = []
    for values in ws.iter_rows(min_row=first, max_col=width, values_only=True):
        if values[0] is None:
            break
        rows.append(list(values))
    return rows


def comparison_rows(
    comparison: GroupComparison, columns: Sequence[ComparisonColumn] | None = None
) -> list[list[object]]:
    shown = comparison.columns if columns is None else columns
    return [[row.name, *(row.value(c.key) for c in shown)] for row in comparison.all_rows()]


@pytest.mark.parametrize(
    "period", [ReportPeriod(2024), ReportPeriod(2024, quarter=3), ReportPeriod(2024, month=5)]
)
def test_the_table_is_the_statistics_workbooks_group_sheet(
    demo: Demo, period: ReportPeriod
) -> None:
    workbook = demo.out / f"统计报表-{period.file_part}.xlsx"
    demo.services.reports.write_workbook(period, None, workbook)
    sheet = load_workbook(workbook)["分组"]
    comparison = demo.services.reports.group_comparison(period)
    assert table_rows(sheet, 4, 1 + len(COMPARISON_COLUMNS)) == comparison_rows(
        comparison, COMPARISON_COLUMNS
    )
    # Every group once, each row naming its group, the totals last.
    assert len(comparison.rows) == 16
    assert all(r.group_id is not None for r in comparison.rows)
    assert comparison.total.is_total and comparison.total.name == "合计"


def test_the_groups_add_up_to_the_headline_of_the_year(demo: Demo) -> None:
    comparison = demo.services.reports.group_comparison(ReportPeriod(2024))
    for key in COUNTS:
        assert sum(r.value(key) for r in comparison.rows) == comparison.total.value(key), key
    total = comparison.total
    assert total.value("hall_sessions") == 85
    assert total.value("micro_consultations") == 158
    assert total.value("solved") >= 160
    # …and the 总表 headline of the statistics workbook says the same.
    workbook = demo.out / "统计报表-2024-总表.xlsx"
    demo.services.reports.write_workbook(ReportPeriod(2024), None, workbook)
    summary = load_workbook(workbook)["总表"]
    for i, item in enumerate(HEADLINE):
        if item.key in COUNTS:
            assert summary.cell(HEADLINE_FIRST_ROW + i, 2).value == total.value(item.key)


@pytest.mark.parametrize(
    "period", [ReportPeriod(2024, quarter=1), ReportPeriod(2024, month=3), ReportPeriod(2024)]
)
def test_the_return_holds_the_table_with_totals_and_rules(demo: Demo, period: ReportPeriod) -> None:
    path = demo.out / demo.services.reports.default_return_file_name(period)
    written = demo.services.reports.write_district_return(period, path)
    comparison = demo.services.reports.group_comparison(period)
    book = load_workbook(path)
    assert book.sheetnames == [RETURN_SHEET, RULES_SHEET]
    ws = book[RETURN_SHEET]
    kind = {True: "年报"}.get(period.is_year) or ("季报" if period.quarter else "月报")
    assert ws.cell(1, 1).value == f"吴兴区政协联络组工作情况{kind}（{period.label}）"
    assert written.title == ws.cell(1, 1).value
    width = 1 + len(comparison.columns)  # the figures, then 最近导入
    headings = [str(ws.cell(HEADING_ROW, c).value).replace("\n", "") for c in range(1, width + 1)]
    assert headings == ["联络组", *(c.heading for c in comparison.columns)]
    assert headings[-1] == "最近导入"
    rows = table_rows(ws, HEADING_ROW + 1, width)
    assert rows == comparison_rows(comparison)
    assert rows[-1][0] == "合计"
    # Print-ready: A4 landscape fitted to the width, headings on every page, the period in the
    # page header, nothing under 9 pt.
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${HEADING_ROW}:${HEADING_ROW}"
    assert period.label in ws.oddHeader.center.text
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                assert cell.font.sz is None or cell.font.sz >= 9, cell.coordinate
    # Each figure's counting rule.
    rules = {
        r[0]: r[1]
        for r in book[RULES_SHEET].iter_rows(min_row=HEADING_ROW + 1, values_only=True)
        if r[0]
    }
    assert rules == {c.heading: c.rule for c in comparison.columns}
    assert "超期" in str(ws.cell(2, 1).value) and str(period.end.day) in str(ws.cell(2, 1).value)


def test_the_return_prints_on_one_landscape_page_per_sheet(demo: Demo) -> None:
    from pdfminer.high_level import extract_pages, extract_text

    period = ReportPeriod(2024, quarter=1)
    path = demo.out / "季报.xlsx"
    demo.services.reports.write_district_return(period, path)
    pdf = libreoffice_pdf(path, demo.out)
    pages = list(extract_pages(pdf))
    assert len(pages) == 2  # the table, the rules
    width, height = pages[0].width, pages[0].height
    assert width > height  # landscape
    text = extract_text(pdf, page_numbers=[0])
    assert "2024年第一季度" in text and "合计" in text and "杨家埠街道联络组" in text
