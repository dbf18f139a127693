"""Every page and both consultation forms at 1366×768, in Chinese and in English: no column
header, label, check box or button shows less than its text, and the micro-consultation form
holds every field without a scroll bar (the README promises one screen)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.fonts import apply_ui_font
from liaison_desk.services import Services
from liaison_desk.ui.i18n import install_language
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.tasks import wait_for_tasks

SCREEN = QSize(1366, 768)
LANGUAGES = ["zh_CN", "en"]


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_ui_font(qapp)  # as the app does: the bundled font the widths are measured in
    install_language(request.param)
    yield request.param
    install_language("zh_CN")


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(6):
        wait_for_tasks()
        QApplication.processEvents()
    qtbot.wait(20)
    QApplication.processEvents()


def _window(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(services, "示例.sqlite", None, offer_drafts_on_show=False)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    _settle(qtbot, window)
    return window


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def cut_texts(root: QWidget) -> list[str]:
    """What ``root`` shows cut: header sections narrower than their title, labels, check boxes
    and buttons narrower than their text (deliberately eliding labels, with an Ignored width,
    are left out: they show the whole text in a tooltip)."""
    cut: list[str] = []
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not _shown(header, root):
            continue
        model = header.model()
        if model is None:
            continue
        metrics = header.fontMetrics()
        arrow = 18 if header.isSortIndicatorShown() else 0
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(text) + 8
            if need > header.sectionSize(section) + arrow and text:
                cut.append(f"column “{text}” {header.sectionSize(section)} < {need}")
    for label in root.findChildren(QLabel):
        if not _shown(label, root) or label.wordWrap() or not label.text():
            continue
        if label.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
            continue
        if label.textFormat() == Qt.TextFormat.RichText or "<" in label.text():
            continue
        text = label.text().replace("&", "") if label.buddy() else label.text()
        lines = text.split("\n")
        need = max(label.fontMetrics().horizontalAdvance(line) for line in lines)
        m = label.contentsMargins()
        room = (
            label.contentsRect().width() - label.indent()
            if label.indent() > 0
            else (label.width() - m.left() - m.right())
        )
        if need > room:
            cut.append(f"label “{text}” {room} < {need}")
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, QCheckBox | QPushButton) or not _shown(button, root):
            continue
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text:
            continue
        need = button.fontMetrics().horizontalAdvance(text)
        if isinstance(button, QCheckBox):
            need += 18
        elif not button.icon().isNull():
            need += button.iconSize().width()
        if need > button.width():
            cut.append(f"button “{text}” {button.width()} < {need}")
    return cut


def visible_scroll_bars(root: QWidget) -> list[str]:
    found = []
    for area in root.findChildren(QScrollArea):
        if not _shown(area, root):
            continue
        for name, bar in (
            ("horizontal", area.horizontalScrollBar()),
            ("vertical", area.verticalScrollBar()),
        ):
            if bar.isVisible() and bar.maximum() > 0:
                found.append(f"{name} scroll bar on {area.objectName() or type(area).__name__}")
    return found


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_no_page_cuts_a_header_or_label_at_1366x768(
    qtbot: QtBot, demo_services: Services, language: str
) -> None:
    window = _window(qtbot, demo_services)
    cut: dict[str, list[str]] = {}
    for page_id in window.pages:
        window.show_page(page_id)
        _settle(qtbot, window)
        found = cut_texts(window.current_page())
        if found:
            cut[page_id] = found
    assert cut == {}


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
@pytest.mark.parametrize("kind", [ConsultationKind.HALL, ConsultationKind.MICRO])
def test_the_consultation_forms_fit_1366x768(
    qtbot: QtBot, demo_services: Services, language: str, kind: ConsultationKind
) -> None:
    window = _window(qtbot, demo_services)
    window.show_page(kind.value)
    _settle(qtbot, window)
    page = window.current_page()
    # The record with the most suggestions: the fullest form.
    rows = page.model.rows()  # type: ignore[attr-defined]
    fullest = max(rows, key=lambda r: (r.suggestion_count, r.attendance_total))
    page.open_record_form(fullest.id)  # type: ignore[attr-defined]
    _settle(qtbot, window)
    form = page.form  # type: ignore[attr-defined]
    assert form.isVisible() and form.record() is not None
    if kind is ConsultationKind.MICRO:
        assert visible_scroll_bars(form) == []
    assert cut_texts(form) == []


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_an_archived_micro_form_fits_1366x768_too(
    qtbot: QtBot, demo_services: Services, language: str
) -> None:
    """The read-only notice of an archived record takes no row of its own on the micro form
    (it pushed the form into a scroll bar)."""
    from liaison_desk.domain.enums import ConsultationStatus

    window = _window(qtbot, demo_services)
    window.show_page(ConsultationKind.MICRO.value)
    _settle(qtbot, window)
    page = window.current_page()
    rows = [r for r in page.model.rows() if r.status is ConsultationStatus.ARCHIVED]  # type: ignore[attr-defined]
    assert rows
    fullest = max(rows, key=lambda r: (r.suggestion_count, r.attendance_total))
    page.open_record_form(fullest.id)  # type: ignore[attr-defined]
    _settle(qtbot, window)
    form = page.form  # type: ignore[attr-defined]
    assert form.banner.isVisible()
    assert visible_scroll_bars(form) == []
    assert cut_texts(form) == []


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_the_group_comparison_fits_1366x768(
    qtbot: QtBot, demo_services: Services, language: str
) -> None:
    """Every group, the totals row and every column on one screen: no scroll bar, no header
    or figure cut."""
    window = _window(qtbot, demo_services)
    window.show_page("comparison", {"year": 2024})
    _settle(qtbot, window)
    page = window.current_page()
    table = page.table  # type: ignore[attr-defined]
    model = table.model()
    assert model.rowCount() == 17  # sixteen groups and the totals
    assert cut_texts(page) == []
    assert table.horizontalScrollBar().maximum() == 0
    assert table.verticalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    bold = QFont(table.font())
    bold.setBold(True)
    for column in range(model.columnCount()):
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            font = bold if row == model.rowCount() - 1 else table.font()  # the totals in bold
            need = QFontMetrics(font).horizontalAdvance(text) + 8
            assert need <= header.sectionSize(column), (text, header.sectionSize(column))
