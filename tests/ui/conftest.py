"""UI tests start from the same language state whatever ran before them: no translator
installed (the English source strings), enum names in Chinese (the domain's labels). Tests of
the language switch install a language themselves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from liaison_desk.ui import i18n, messages


def _untranslated() -> None:
    app = QApplication.instance()
    if app is not None:
        for translator in i18n._installed:
            app.removeTranslator(translator)
    i18n._installed.clear()
    i18n._current = i18n.DEFAULT_LANGUAGE


@pytest.fixture(autouse=True)
def source_language(qapp: QApplication) -> Iterator[None]:
    _untranslated()
    yield
    _untranslated()


@pytest.fixture(autouse=True)
def no_unexpected_message_box(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A message box nobody answers would block the test run: this one is closed at once (as
    with Escape) and fails the test. Tests that expect a box set their own override."""
    shown: list[str] = []

    def refuse(box: object) -> None:
        shown.append(f"{box.windowTitle()}: {box.text()}")  # type: ignore[attr-defined]

    monkeypatch.setattr(messages, "_dialog_override", refuse)
    yield shown
    assert shown == [], f"unexpected message box: {shown}"
