"""Languages of the user interface. Strings are English in the code and translated by Qt;
the app starts in Chinese. Qt's own strings (standard buttons, dialogs) come from Qt's
translations, and those Qt's catalogue lacks from ours (ui/qt_strings.py)."""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def translation_file(language: str) -> str:
    """Path of the compiled .qm for ``language`` inside the package resources."""
    return str(resources.files("liaison_desk.resources") / "translations" / f"{language}.qm")


def install_language(language: str) -> str:
    """Switch the application's translators to ``language`` (unknown → Chinese). Widgets built
    afterwards show the new language; the main window rebuilds itself to follow."""
    global _current
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        log.warning("unknown UI language %r, using %s", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    if app is None:
        _current = language
        return language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load(QLocale(language), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    # Ours last, so it is asked first: it also holds the Qt strings Qt's catalogue lacks
    # (ui/qt_strings.py), which Qt's translator would leave English.
    ours = QTranslator(app)
    if ours.load(translation_file(language)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s could not be loaded", translation_file(language))
    QLocale.setDefault(QLocale(language))
    if isinstance(app, QGuiApplication):
        from liaison_desk.ui.qt_dialogs import follow_ui_locale  # QtWidgets: only with a UI

        follow_ui_locale(app)
    if isinstance(app, QGuiApplication):  # the name the system adds to window titles
        app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Liaison Desk"))
    _current = language
    return language


def current_language() -> str:
    return _current


def translate_in(language: str, context: str, text: str) -> str:
    """``text`` as the UI of ``language`` shows it, whatever language is installed now (the
    command line accepts Chinese page names in an English UI)."""
    translator = QTranslator()
    if translator.load(translation_file(language)):
        return translator.translate(context, text) or text
    return text


def plural(count: int, one: str, other: str, **values: object) -> str:
    """``one`` or ``other`` (both already translated, with a {count} field) for ``count``:
    English says "1 item" but "2 items"; Chinese translates both alike. Separate strings rather
    than Qt's numerus forms, which scripts/update_translations.py does not keep."""
    return (one if count == 1 else other).format(count=count, **values)
