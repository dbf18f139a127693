"""The window that `liaison-desk` opens shows the open database's figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import LiaisonGroup, OutcomeItem
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus
from liaison_desk.services import Services
from liaison_desk.ui.main_window import MainWindow


def texts(window: MainWindow) -> str:
    return " ".join(label.text() for label in window.findChildren(QLabel))


def test_window_on_an_empty_database(qtbot: QtBot, services: Services) -> None:
    window = MainWindow(services, "空数据库.sqlite")
    qtbot.addWidget(window)
    window.show()
    assert "空数据库.sqlite" in window.windowTitle()
    assert "0 个" in texts(window)


def test_window_shows_this_years_figures(
    qtbot: QtBot, services: Services, group: LiaisonGroup
) -> None:
    for kind, title in [(ConsultationKind.HALL, "加装电梯"), (ConsultationKind.MICRO, "停车难")]:
        c = services.consultations.new(kind, group.id)
        c.title, c.venue, c.held_on = title, "议事堂", date(2024, 5, 6)
        c.outcome_items = [OutcomeItem(content="修路", status=OutcomeStatus.SOLVED)]
        services.consultations.save(c)
    window = MainWindow(services, "d.sqlite")
    qtbot.addWidget(window)
    shown = texts(window)
    assert "2024 年民生议事堂协商" in shown
    assert "1 场" in shown
    assert "2 条，已解决 2 条（100%）" in shown
