"""各组对比 in the window on the demo district (issue 17, District views): a click on any figure
opens the list it counts — the page shown, its filters set to that group, that period and that
status, and as many rows as the figure says; the group's name opens 工作台 for the group."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import CaseStatus, OutcomeStatus
from liaison_desk.services import Services
from liaison_desk.ui.group_comparison import GroupComparisonPage
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.tasks import wait_for_tasks


def settle(qtbot: QtBot) -> None:
    for _ in range(6):
        wait_for_tasks()
        QApplication.processEvents()
    qtbot.wait(10)


def window_on(qtbot: QtBot, services: Services, filters: dict[str, object]) -> MainWindow:
    window = MainWindow(services, "示例.sqlite", None, offer_drafts_on_show=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle(qtbot)
    window.show_page("comparison", filters)
    settle(qtbot)
    return window


def click(qtbot: QtBot, window: MainWindow, group: str, key: str) -> None:
    page = window.pages["comparison"]
    assert isinstance(page, GroupComparisonPage)
    model = page.model
    row = next(i for i, r in enumerate(model.rows()) if r.name == group)
    index = model.index(row, model.column_index(key))
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)


def figure(window: MainWindow, group: str, key: str) -> int:
    page = window.pages["comparison"]
    assert isinstance(page, GroupComparisonPage) and page.comparison is not None
    row = next(r for r in page.comparison.all_rows() if r.name == group)
    return int(row.value(key))


def group_id(services: Services, name: str) -> int:
    return next(g.id for g in services.groups.all() if g.name == name and g.id is not None)


def test_a_quarters_micro_figure_opens_that_groups_micro_list_of_the_quarter(
    qtbot: QtBot, demo_services: Services
) -> None:
    window = window_on(qtbot, demo_services, {"year": 2024, "quarter": 1})
    page = window.pages["comparison"]
    assert isinstance(page, GroupComparisonPage)
    assert page.period.currentText() == "第一季度" and page.year.currentData() == 2024
    expected = figure(window, "织里镇联络组", "micro_consultations")
    click(qtbot, window, "织里镇联络组", "micro_consultations")
    micro = window.current_page()
    assert micro is window.pages["micro"]
    assert micro.group_combo.currentData() == group_id(demo_services, "织里镇联络组")  # type: ignore[attr-defined]
    assert micro.year_combo.currentData() == 2024  # type: ignore[attr-defined]
    bar = micro.period_bar  # type: ignore[attr-defined]
    assert (bar.held_from, bar.held_to) == (date(2024, 1, 1), date(2024, 3, 31))
    assert bar.isVisible()
    rows = micro.model.rows()  # type: ignore[attr-defined]
    assert len(rows) == expected > 0
    assert all(date(2024, 1, 1) <= r.held_on <= date(2024, 3, 31) for r in rows)
    # "Show the whole year" takes the quarter away.
    qtbot.mouseClick(bar.whole_year, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not bar.isVisible()
    assert len(micro.model.rows()) == 16  # type: ignore[attr-defined]  # 织里's 2024


def test_an_overdue_figure_opens_problem_tracking_overdue_as_the_figure_counts(
    qtbot: QtBot, demo_services: Services
) -> None:
    window = window_on(qtbot, demo_services, {"year": 2024})
    group = next(
        r.name
        for r in window.pages["comparison"].comparison.rows  # type: ignore[attr-defined]
        if r.value("overdue") > 0
    )
    expected = figure(window, group, "overdue")
    click(qtbot, window, group, "overdue")
    outcomes = window.current_page()
    assert outcomes is window.pages["outcomes"]
    assert outcomes.group.currentData() == group_id(demo_services, group)  # type: ignore[attr-defined]
    assert outcomes.due.currentData() == "overdue"  # type: ignore[attr-defined]
    assert outcomes.period_bar.overdue_on == date(2024, 12, 31)  # type: ignore[attr-defined]
    assert len(outcomes.model.rows()) == expected  # type: ignore[attr-defined]


def test_the_totals_row_opens_every_group_and_solved_means_solved(
    qtbot: QtBot, demo_services: Services
) -> None:
    window = window_on(qtbot, demo_services, {"year": 2024, "month": 5})
    expected = figure(window, "合计", "solved")
    click(qtbot, window, "合计", "solved")
    outcomes = window.current_page()
    assert outcomes is window.pages["outcomes"]
    assert outcomes.group.currentData() is None  # type: ignore[attr-defined]
    assert outcomes.status.currentData() == OutcomeStatus.SOLVED.value  # type: ignore[attr-defined]
    bar = outcomes.period_bar  # type: ignore[attr-defined]
    assert (bar.held_from, bar.held_to) == (date(2024, 5, 1), date(2024, 5, 31))
    assert len(outcomes.model.rows()) == expected > 0  # type: ignore[attr-defined]


def test_cases_and_selected_open_the_cases_page_of_the_group_and_year(
    qtbot: QtBot, demo_services: Services
) -> None:
    window = window_on(qtbot, demo_services, {"year": 2024})
    click(qtbot, window, "织里镇联络组", "cases_selected")
    cases = window.current_page()
    assert cases is window.pages["cases"]
    assert cases.year_filter.currentData() == 2024  # type: ignore[attr-defined]
    assert cases.group_filter.currentData() == group_id(demo_services, "织里镇联络组")  # type: ignore[attr-defined]
    rows = cases.model.rows()  # type: ignore[attr-defined]
    assert len(rows) == figure(window, "织里镇联络组", "cases_selected") == 1
    assert all(r.status is CaseStatus.SELECTED for r in rows)


def test_a_groups_name_opens_its_dashboard(qtbot: QtBot, demo_services: Services) -> None:
    window = window_on(qtbot, demo_services, {"year": 2024})
    click(qtbot, window, "八里店镇联络组", "name")
    dashboard = window.current_page()
    assert dashboard is window.pages["dashboard"]
    settle(qtbot)
    assert dashboard.data.group_id == group_id(demo_services, "八里店镇联络组")  # type: ignore[attr-defined]
    assert dashboard.data.statistics.hall_sessions == figure(  # type: ignore[attr-defined]
        window, "八里店镇联络组", "hall_sessions"
    )


def test_the_totals_row_is_named_in_the_windows_language(
    qtbot: QtBot, demo_services: Services
) -> None:
    """The English window showed the totals row as 合计 (the return's own word)."""
    from liaison_desk.ui.i18n import install_language

    install_language("en")
    window = window_on(qtbot, demo_services, {"year": 2024})
    page = window.pages["comparison"]
    assert isinstance(page, GroupComparisonPage)
    model = page.model
    last = model.index(model.rowCount() - 1, 0)
    assert model.data(last) == "Total"
