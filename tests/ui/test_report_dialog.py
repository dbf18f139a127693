"""统计报表… and 工作综述初稿… from the window's menu: the dialog offers the period and group,
asks where to save, writes the file off the GUI thread and says where it went."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook

from liaison_desk.services import Services
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.report_dialog import SUMMARY, WORKBOOK, ReportDialog


@pytest.fixture
def window(qtbot: Any, demo_services: Services) -> MainWindow:
    w = MainWindow(demo_services, "示例", offer_drafts_on_show=False)
    qtbot.addWidget(w)
    return w


def _answer(
    monkeypatch: pytest.MonkeyPatch, path: Path, told: list[Path], asked: list[str]
) -> None:
    def ask(self: ReportDialog, suggested: str) -> Path:
        asked.append(suggested)
        return path

    monkeypatch.setattr(ReportDialog, "ask_path", ask)
    monkeypatch.setattr(ReportDialog, "tell_done", lambda self, p: told.append(p))


def test_the_menu_writes_the_statistics_workbook_of_a_quarter(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "报表.xlsx"
    told: list[Path] = []
    asked: list[str] = []
    _answer(monkeypatch, out, told, asked)
    assert window.stats_action.text()
    window.stats_action.trigger()
    dialog = window.findChild(ReportDialog)
    assert isinstance(dialog, ReportDialog) and dialog.what == WORKBOOK
    dialog.year.setCurrentIndex(dialog.year.findData(2024))
    dialog.period.setCurrentIndex(dialog.period.findData("q2"))
    dialog.group.setCurrentIndex(dialog.group.findText("织里镇联络组"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: told == [out], timeout=60_000)
    assert asked == ["织里镇联络组-2024年第二季度-统计报表.xlsx"]
    book = load_workbook(out)
    assert book["总表"]["A1"].value == "织里镇联络组2024年第二季度协商工作统计报表"
    assert len(book["按月"]._charts) == 1


def test_the_menu_writes_the_summary_draft(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "综述.docx"
    told: list[Path] = []
    _answer(monkeypatch, out, told, [])
    window.summary_action.trigger()
    dialog = window.findChild(ReportDialog)
    assert isinstance(dialog, ReportDialog) and dialog.what == SUMMARY
    assert not dialog.period.isVisibleTo(dialog)
    dialog.year.setCurrentIndex(dialog.year.findData(2024))
    dialog.group.setCurrentIndex(0)  # all groups
    dialog.save_button.click()
    qtbot.waitUntil(lambda: told == [out], timeout=60_000)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "全年共开展民生议事堂协商85场" in text
