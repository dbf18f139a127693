"""The statistics workbook (统计报表) and the year's summary draft on the demo year (issue 18):
the seed's headline figures (85 / 158 / 160+), every 总表 figure recomputed independently from
the ledger the app exports, the splits adding up to the totals, the charts in the file and on
LibreOffice's pages, and the summary citing the same figures."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from clock import FixedClock
from helpers import libreoffice_pdf
from liaison_desk.documents.statistics_data import HEADLINE, HEADLINE_FIRST_ROW
from liaison_desk.domain.enums import CaseStatus
from liaison_desk.domain.periods import ReportPeriod
from liaison_desk.domain.queries import CaseFilter, ConsultationFilter, PageRequest
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database


@dataclass
class Files:
    services: Services
    workbook: Path
    ledger: Path
    summary: Path


@pytest.fixture(scope="module")
def files(demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Files]:
    """The 2024 workbook, the 2024 ledger and the summary draft, written once from the demo
    database (only read: the session-wide master is not changed)."""
    out = tmp_path_factory.mktemp("reports")
    db = Database.open(f"sqlite:///{demo_master}")
    services = Services(
        ServiceContext(db, AttachmentStore.beside_database(demo_master), clock=FixedClock())
    )
    workbook, ledger, summary = out / "统计报表.xlsx", out / "台账.xlsx", out / "综述.docx"
    services.reports.write_workbook(ReportPeriod(2024), None, workbook)
    services.ledger.export(ConsultationFilter(year=2024), ledger, masked=False)
    services.reports.write_summary(2024, None, summary)
    yield Files(services, workbook, ledger, summary)
    db.close()


def headline(ws: Worksheet) -> dict[str, float]:
    """总表: indicator name → value, read by row as the summary cites them."""
    return {
        str(ws.cell(row, 1).value): ws.cell(row, 2).value
        for row in range(HEADLINE_FIRST_ROW, HEADLINE_FIRST_ROW + len(HEADLINE))
    }


def test_the_headline_figures_are_the_seeds(files: Files) -> None:
    figures = headline(load_workbook(files.workbook)["总表"])
    assert figures["民生议事堂协商"] == 85
    assert figures["微协商"] == 158
    assert figures["已解决问题"] >= 160
    assert figures["入选案例"] == 4


def _recount_from_ledger(ledger: Path, as_of: date) -> dict[str, float]:
    """The 总表's consultation and item figures counted by hand from the exported ledger:
    the rows of 协商活动 that were held (not 计划中), and the rows of 意见建议 under them."""
    book = load_workbook(ledger)

    def rows(sheet: str) -> list[dict[str, object]]:
        values = list(book[sheet].iter_rows(values_only=True))
        headings = [str(h) for h in values[0]]
        return [dict(zip(headings, r, strict=False)) for r in values[1:]]

    held = [r for r in rows("协商活动") if r["状态"] != "计划中"]
    numbers = {r["编号"] for r in held}
    items = [r for r in rows("意见建议") if r["活动编号"] in numbers]
    solved = sum(1 for r in items if r["状态"] == "已解决")

    def overdue(r: dict[str, object]) -> bool:
        deadline = r["完成时限"]
        return (
            r["状态"] in ("待交办", "办理中") and deadline is not None and deadline.date() < as_of  # type: ignore[attr-defined]
        )

    return {
        "民生议事堂协商": sum(1 for r in held if r["类型"] == "民生议事堂"),
        "微协商": sum(1 for r in held if r["类型"] == "微协商"),
        "参与人次": sum(int(r["参与人次"] or 0) for r in held),  # type: ignore[call-overload]
        "委员人次": sum(int(r["委员人次"] or 0) for r in held),  # type: ignore[call-overload]
        "意见建议": len(items),
        "采纳": sum(1 for r in items if r["采纳"] == "是"),
        "已解决问题": solved,
        "解决率": round(solved * 100 / len(items), 1),
        "超期未办结": sum(1 for r in items if overdue(r)),
    }


def test_every_headline_figure_equals_the_same_figure_counted_from_the_ledger(
    files: Files,
) -> None:
    figures = headline(load_workbook(files.workbook)["总表"])
    recount = _recount_from_ledger(files.ledger, date(2024, 12, 31))
    # Cases are not in the ledger: counted from the case list instead.
    cases = files.services.cases.search(CaseFilter(year=2024), PageRequest()).items
    recount["协商案例"] = len(cases)
    recount["已报送案例"] = sum(
        c.status in (CaseStatus.SUBMITTED, CaseStatus.SELECTED, CaseStatus.RETURNED) for c in cases
    )
    recount["入选案例"] = sum(c.status is CaseStatus.SELECTED for c in cases)
    assert set(figures) == set(recount), "every row of 总表 is recounted"
    assert figures == recount
    # And they are the dashboard's figures.
    year = files.services.statistics.year(2024)
    assert figures["已解决问题"] == year.solved and figures["超期未办结"] == year.overdue


def _column_sums(ws: Worksheet, first_row: int) -> tuple[dict[str, float], dict[str, float]]:
    """(sums of the rows above 合计, the 合计 row) by heading."""
    headings = [c.value for c in ws[3]]
    sums: dict[str, float] = {}
    total: dict[str, float] = {}
    for row in ws.iter_rows(min_row=first_row, values_only=True):
        if row[0] is None or str(row[0]).startswith("说明"):
            continue
        target = total if row[0] == "合计" else sums
        for heading, value in zip(headings[1:], row[1:], strict=False):
            if isinstance(value, int) and "率" not in str(heading):  # rates do not add up
                target[str(heading)] = target.get(str(heading), 0) + value
    return sums, total


@pytest.mark.parametrize("sheet", ["分组", "按月", "议题来源"])
def test_the_splits_add_up_to_the_headline(files: Files, sheet: str) -> None:
    book = load_workbook(files.workbook)
    sums, total = _column_sums(book[sheet], 4)
    assert sums and sums == total
    figures = headline(book["总表"])
    assert total["民生议事堂（场）"] == figures["民生议事堂协商"] == 85
    assert total["已解决（个）"] == figures["已解决问题"]


def test_the_responsible_bodies_account_for_every_item(files: Files) -> None:
    book = load_workbook(files.workbook)
    ws = book["办理情况"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] and r[0] != "合计"]
    rows = [r for r in rows if not str(r[0]).startswith("说明")]
    assert sum(r[1] for r in rows) == headline(book["总表"])["意见建议"]
    assert sum(r[2] for r in rows) == headline(book["总表"])["已解决问题"]
    solved_with_days = [r for r in rows if isinstance(r[5], float)]
    assert solved_with_days, "average days to solve are given"
    assert any(r[6] for r in rows), "revisits are counted"


def test_charts_are_in_the_workbook_and_print_ready(files: Files) -> None:
    book = load_workbook(files.workbook)
    assert len(book["分组"]._charts) == 1
    assert len(book["按月"]._charts) == 1
    for ws in book.worksheets:
        assert ws.print_title_rows == "$3:$3"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.center.text and ws.title in ws.oddHeader.center.text
        assert ws["A1"].value and ws["A1"].font.size >= 9
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.size >= 9, (ws.title, cell.coordinate)
                    assert cell.data_type != "f"


def _coloured_share(png: Path) -> float:
    """Share of strongly coloured pixels (the series' blue, red, green; the table is grey)."""
    from PIL import Image

    saturation = Image.open(png).convert("HSV").getchannel("S").histogram()
    return sum(saturation[100:]) / sum(saturation)


def test_the_charts_render_in_libreoffice(files: Files, tmp_path: Path) -> None:
    pdf = libreoffice_pdf(files.workbook, tmp_path)
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    for title in ("各联络组协商活动与解决问题", "协商活动与意见建议月度走势"):
        number = next(n for n, text in enumerate(pages, start=1) if title in text)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "40",
                "-f",
                str(number),
                "-l",
                str(number),
                str(pdf),
                str(tmp_path / f"page{number}"),
            ],
            check=True,
        )
        png = next(tmp_path.glob(f"page{number}*.png"))
        assert _coloured_share(png) > 0.005, f"the chart «{title}» is not drawn"


_CITED = re.compile(r"(\d+(?:\.\d+)?)(%|场|次|人次|条|个|篇)（见统计报表·总表第(\d+)行）")


def test_the_summary_cites_the_workbooks_figures(files: Files) -> None:
    text = "\n".join(p.text for p in docx.Document(str(files.summary)).paragraphs)
    ws = load_workbook(files.workbook)["总表"]
    cited = _CITED.findall(text)
    assert len(cited) == len(HEADLINE), "every headline figure is in the draft"
    for number, unit, row in cited:
        assert float(number) == ws.cell(int(row), 2).value, (number, row)
        assert unit == ws.cell(int(row), 3).value
    assert "全年共开展民生议事堂协商85场" in text
    assert "微协商158次" in text
    solved = int(re.search(r"推动解决群众急难愁盼问题(\d+)个", text).group(1))  # type: ignore[union-attr]
    assert solved >= 160
    # The selected cases by level, as the seed names them, the province first.
    assert text.index("省级（1篇）") < text.index("市级（3篇）")
    assert "织里镇联络组助力青年返乡协商案例入选省政协" in text
    for title in ("暖心餐", "清“顽疾”守护烟火气", "关爱青少年心理健康"):
        assert title in text


def test_the_summary_renders_in_libreoffice(files: Files, tmp_path: Path) -> None:
    pdf = libreoffice_pdf(files.summary, tmp_path)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "85" in text and "158" in text and "工作综述" in text


def test_a_quarter_and_a_group(files: Files) -> None:
    services = files.services
    group = next(g for g in services.groups.all() if g.name == "织里镇联络组")
    report = services.reports.report(ReportPeriod(2024, quarter=3), group.id)
    assert [m for m, _s in report.by_month] == [7, 8, 9]
    assert [name for name, _s in report.by_group] == ["织里镇联络组"]
    year = services.reports.report(ReportPeriod(2024), group.id)
    quarters = [
        services.reports.report(ReportPeriod(2024, quarter=q), group.id) for q in (1, 2, 3, 4)
    ]
    assert sum(q.total.hall_sessions for q in quarters) == year.total.hall_sessions
    assert sum(q.total.solved for q in quarters) == year.total.solved
    assert report.title == "织里镇联络组2024年第三季度协商工作统计报表"


def test_a_period_must_make_sense() -> None:
    with pytest.raises(ValidationError, match="1–12"):
        ReportPeriod(2024, month=13)
    with pytest.raises(ValidationError, match="只能选一个"):
        ReportPeriod(2024, quarter=1, month=2)
    assert ReportPeriod(2024, quarter=2).end == date(2024, 6, 30)


def test_text_from_records_is_never_a_formula(services: Services, tmp_path: Path) -> None:
    from liaison_desk.domain.entities import Consultation, LiaisonGroup, OutcomeItem
    from liaison_desk.domain.enums import ConsultationKind

    group = services.groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    c: Consultation = services.consultations.new(ConsultationKind.HALL, group.id)
    c.title, c.held_on, c.venue = "停车", date(2024, 3, 5), "议事堂"
    c.outcome_items = [OutcomeItem(content="x", responsible_body='=HYPERLINK("http://x","y")')]
    services.consultations.save(c)
    out = tmp_path / "报表.xlsx"
    services.reports.write_workbook(ReportPeriod(2024), None, out)
    ws = load_workbook(out)["办理情况"]
    cell = ws["A4"]
    assert cell.value == '=HYPERLINK("http://x","y")' and cell.data_type == "s"
