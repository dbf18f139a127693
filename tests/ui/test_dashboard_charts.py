"""工作台's charts: the statistics' own figures (the workbook's 按月 and 分组, the items'
statuses), each bar opening the list it counts (by mouse and by keyboard), a PNG for reports,
and a band that fits below the first screen of a 1366×768 window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus
from liaison_desk.domain.periods import ReportPeriod
from liaison_desk.services import Services
from liaison_desk.services.statistics import ChartFigures
from liaison_desk.ui.charts import HALL_COLOUR, MICRO_COLOUR, BarChart, DashboardCharts
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.pages.dashboard import DashboardPage
from liaison_desk.ui.pages.outcomes import OutcomesPage
from liaison_desk.ui.tasks import wait_for_tasks

SCOPE = {"year": 2024, "group_id": None}


def open_charts(qtbot: QtBot, services: Services) -> tuple[DashboardPage, DashboardCharts]:
    page = DashboardPage(services)
    qtbot.addWidget(page)
    page.resize(1236, 700)  # 1366×768 less the navigation list, menu and status bar
    page.show()
    page.activate()
    assert wait_for_tasks()
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(page.chart_slot)  # as the user scrolls down to them
    qtbot.waitUntil(lambda: page.chart_slot.charts is not None)
    charts = page.chart_slot.charts
    assert charts is not None
    qtbot.waitUntil(charts.isVisible)
    qtbot.waitUntil(lambda: charts.figures is not None)  # loaded when the band was first drawn
    return page, charts


def click_bar(qtbot: QtBot, chart: BarChart, index: int) -> None:
    centre = chart.bar_rect(index).center()
    # A bar of a few pixels is still hit: the click lands in its column (or row).
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))


def test_the_charts_show_the_statistics_figures(qtbot: QtBot, demo_services: Services) -> None:
    _page, charts = open_charts(qtbot, demo_services)
    months = charts.months.bars()
    hall = [b for b in months if b.series == 0]
    micro = [b for b in months if b.series == 1]
    assert len(hall) == len(micro) == 12
    assert sum(b.value for b in hall) == 85
    assert sum(b.value for b in micro) == 158
    # Month by month, the statistics workbook's 按月 sheet.
    report = demo_services.reports.report(ReportPeriod(2024))
    assert [(b.value, m.value) for b, m in zip(hall, micro, strict=True)] == [
        (s.hall_sessions, s.micro_consultations) for _month, s in report.by_month
    ]
    assert "2024" in hall[2].tooltip and str(report.by_month[2][1].hall_sessions) in hall[2].tooltip

    # Group by group, its 分组 sheet's solved rate; the exact figures in the tooltip.
    groups = charts.groups.bars()
    assert len(groups) == len(report.by_group) == 16
    for bar, (name, stats) in zip(groups, report.by_group, strict=True):
        assert bar.value == stats.solved_rate
        assert bar.text == f"{stats.solved_rate:.1%}"
        assert name in bar.tooltip
        assert f"{stats.solved}" in bar.tooltip and f"{stats.suggestions}" in bar.tooltip
    assert charts.groups.categories == [name for name, _s in report.by_group]

    # The statuses add up to the suggestions raised; 已解决 is the problems solved.
    statuses = dict(zip(list(OutcomeStatus), charts.statuses.bars(), strict=True))
    assert sum(b.value for b in statuses.values()) == report.total.suggestions
    assert statuses[OutcomeStatus.SOLVED].value == report.total.solved


def test_a_bar_opens_the_list_it_counts(qtbot: QtBot, demo_services: Services) -> None:
    _page, charts = open_charts(qtbot, demo_services)
    march_hall = next(b for b in charts.months.bars() if b.category == 2 and b.series == 0)
    index = charts.months.bars().index(march_hall)
    with qtbot.waitSignal(charts.navigate) as clicked:
        click_bar(qtbot, charts.months, index)
    assert clicked.args == ["hall", {**SCOPE, "month": 3}]

    # The list it opens shows March's hall sessions: as many as the bar.
    hall_page = ConsultationsPage(demo_services, ConsultationKind.HALL)
    qtbot.addWidget(hall_page)
    hall_page.resize(1200, 700)
    hall_page.show()
    hall_page.apply_filter(clicked.args[1])
    assert wait_for_tasks()
    rows = hall_page.model.rows()
    assert len(rows) == march_hall.value > 0
    assert all(r.held_on.year == 2024 and r.held_on.month == 3 for r in rows)
    assert hall_page.month_combo.currentData() == 3

    group, _stats = charts.figures.by_group[5] if charts.figures else (None, None)
    assert group is not None
    with qtbot.waitSignal(charts.navigate) as clicked:
        click_bar(qtbot, charts.groups, 5)
    assert clicked.args == ["outcomes", {"year": 2024, "group_id": group.id}]

    solved = list(OutcomeStatus).index(OutcomeStatus.SOLVED)
    with qtbot.waitSignal(charts.navigate) as clicked:
        click_bar(qtbot, charts.statuses, solved)
    assert clicked.args == ["outcomes", {**SCOPE, "status": OutcomeStatus.SOLVED}]
    outcomes = OutcomesPage(demo_services)
    qtbot.addWidget(outcomes)
    outcomes.resize(1200, 700)
    outcomes.show()
    outcomes.apply_filter(clicked.args[1])
    assert wait_for_tasks()
    assert len(outcomes.model.rows()) == charts.statuses.bars()[solved].value


def test_the_dashboard_passes_a_bars_link_on(qtbot: QtBot, demo_services: Services) -> None:
    page, charts = open_charts(qtbot, demo_services)
    with qtbot.waitSignal(page.navigate) as opened:
        click_bar(qtbot, charts.months, 1)  # January's micro-consultations
    assert opened.args == ["micro", {**SCOPE, "month": 1}]


def test_bars_are_reached_and_opened_with_the_keyboard(
    qtbot: QtBot, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tooltip a keyboard user sees (the offscreen platform cannot raise a tooltip window).
    tips: list[str] = []
    monkeypatch.setattr(
        "liaison_desk.ui.charts.QToolTip.showText", lambda _pos, text, *_a: tips.append(text)
    )
    page, charts = open_charts(qtbot, demo_services)
    chart = charts.months
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.current == 2  # February's hall sessions
    assert chart.accessibleDescription() == chart.bars()[2].tooltip
    assert tips[-1] == chart.bars()[2].tooltip
    with qtbot.waitSignal(page.navigate) as entered:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert entered.args == ["hall", {**SCOPE, "month": 2}]


def test_a_chart_exports_a_png_with_its_bars(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    _page, charts = open_charts(qtbot, demo_services)
    chart = charts.months
    folder = tmp_path / "报告"
    folder.mkdir()
    target = folder / "各月协商场次.png"
    chart.ask_path = lambda: target  # type: ignore[method-assign]
    assert chart.export() == target
    image = QImage(str(target))
    assert not image.isNull()
    assert image.width() >= 2 * chart.width() - 1  # twice the screen's pixels, for print
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert QColor("white").name() in colours
    assert HALL_COLOUR.name() in colours and MICRO_COLOUR.name() in colours
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left


def test_the_charts_fit_one_screen_below_the_lists_at_1366x768(
    qtbot: QtBot, demo_services: Services
) -> None:
    from test_fit import cut_texts

    page, charts = open_charts(qtbot, demo_services)
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    assert page.chart_slot.height() <= scroll.viewport().height()
    assert cut_texts(charts) == []
    # Every chart is as high as its rows need (16 groups) and no label is cut.
    for chart in charts.charts():
        assert chart.height() >= chart.minimumHeight()


def test_the_charts_figures_are_read_only_when_their_band_is_first_drawn(
    qtbot: QtBot, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Their seven queries are not run before the first screen (figures and lists) is painted.
    asked: list[tuple[int, int | None]] = []
    chart_figures = demo_services.statistics.chart_figures

    def counted(year: int, group_id: int | None = None) -> ChartFigures:
        asked.append((year, group_id))
        return chart_figures(year, group_id)

    monkeypatch.setattr(demo_services.statistics, "chart_figures", counted)
    page = DashboardPage(demo_services)
    qtbot.addWidget(page)
    page.resize(1236, 700)
    page.show()
    page.activate()
    assert wait_for_tasks()
    qtbot.wait(50)
    assert page.data is not None and page.cards["hall"].number.text() == "85"
    assert asked == [] and page.chart_slot.charts is None

    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(page.chart_slot)  # scrolled down to: now they are read
    qtbot.waitUntil(lambda: page.chart_slot.charts is not None)
    charts = page.chart_slot.charts
    assert charts is not None
    qtbot.waitUntil(lambda: charts.figures is not None)
    assert asked == [(2024, None)]
    assert charts.figures is not None and page.data.charts == charts.figures
    assert sum(s.hall_sessions for _m, s in charts.figures.by_month) == 85


def test_charts_on_the_page_follow_the_year_and_group_picked(
    qtbot: QtBot, demo_services: Services
) -> None:
    page, charts = open_charts(qtbot, demo_services)
    group = demo_services.groups.all()[3]
    page.apply_filter({"year": 2024, "group_id": group.id})
    assert wait_for_tasks()
    qtbot.waitUntil(lambda: charts.figures is not None and charts.figures.group_id == group.id)
    assert page.data is not None and page.data.charts == charts.figures
    expected = demo_services.statistics.chart_figures(2024, group.id)
    assert charts.figures == expected
    assert [name for name in charts.groups.categories] == [group.name]
