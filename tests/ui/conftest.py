"""UI tests start from the same language state whatever ran before them: no translator
installed (the English source strings), enum names in Chinese (the domain's labels). Tests of
the language switch install a language themselves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from liaison_desk.ui import i18n


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
