"""Completion lists for line edits that do not swallow the click into the next field.

QCompleter's popup takes the mouse while it is shown; a click outside it only closes it (Qt's
completer eats that press), so a user who types 区住建局 and clicks 责任人 keeps typing into
责任单位. Here the click that closes the popup is passed on to the widget under the mouse, which
then gets focus and the click as if no popup had been there.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPoint, QStringListModel, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QCompleter, QWidget


class _ClickThrough(QObject):
    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self._completer = completer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.MouseButtonPress or not isinstance(event, QMouseEvent):
            return False
        popup = self._completer.popup()
        if (
            popup is None
            or watched is not popup
            or popup.rect().contains(event.position().toPoint())
        ):
            return False
        where = event.globalPosition().toPoint()
        popup.hide()
        target = self._widget_at(where)
        if target is None or target is popup or popup.isAncestorOf(target):
            return True
        _give_click_focus(target)  # Qt does this only for presses from the window system
        # Qt drops the release of a press that closed a popup: the whole click is sent here.
        for kind, buttons in (
            (QEvent.Type.MouseButtonPress, event.buttons()),
            (QEvent.Type.MouseButtonRelease, event.buttons() & ~event.button()),
        ):
            click = QMouseEvent(
                kind,
                target.mapFromGlobal(event.globalPosition()),
                event.globalPosition(),
                event.button(),
                buttons,
                event.modifiers(),
            )
            QApplication.sendEvent(target, click)
        return True

    def _widget_at(self, where: QPoint) -> QWidget | None:
        # The field's own window first: QApplication.widgetAt knows only what lies on a screen.
        field = self._completer.widget()
        window = field.window() if field is not None else None
        if window is not None and window.isVisible() and window.geometry().contains(where):
            return window.childAt(window.mapFromGlobal(where)) or window
        return QApplication.widgetAt(where)


def _give_click_focus(widget: QWidget) -> None:
    w: QWidget | None = widget
    while w is not None:
        if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.ClickFocus:
            w.setFocus(Qt.FocusReason.MouseFocusReason)
            return
        if w.isWindow():
            return
        w = w.parentWidget()


def pass_clicks_through(completer: QCompleter) -> None:
    """A click outside ``completer``'s popup closes it and still reaches what was clicked."""
    # Filters installed later run first: this one before QCompleter's own, which eats the press.
    popup = completer.popup()
    assert popup is not None  # QCompleter makes its popup on first asking
    popup.installEventFilter(_ClickThrough(completer))


def make_completer(parent: QWidget, model: QAbstractItemModel | None = None) -> QCompleter:
    """A popup of the words containing what was typed, in any case (a QStringListModel of
    its own unless ``model`` is given)."""
    completer = QCompleter(model if model is not None else QStringListModel(parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    pass_clicks_through(completer)
    return completer
