"""UI tests start from the same language state whatever ran before them: no translator
installed (the English source strings), enum names in Chinese (the domain's labels). Tests of
the language switch install a language themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from liaison_desk.services import Services
from liaison_desk.ui import i18n, messages
from liaison_desk.ui.tasks import wait_for_tasks

# shown_page(PageClass, services) -> the page, shown at 1400×900 and loaded.
ShownPage = Callable[..., Any]


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


@pytest.fixture
def shown_page(qtbot: Any) -> ShownPage:
    """A page built over ``services``, shown at 1400×900, with its first load finished."""

    def make(page_class: Callable[[Services], Any], services: Services) -> Any:
        page = page_class(services)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        page.activate()
        assert wait_for_tasks()
        return page

    return make
