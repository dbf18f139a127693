"""Strings of Qt's own dialogs that Qt's Chinese catalogue (qtbase_zh_CN.qm) lacks: without
them the file dialog says "Look in:", "Files of type:" and "Folder" beside Chinese buttons.

They are listed here under Qt's own contexts so that scripts/update_translations.py puts them
into the app's catalogue, whose translator answers for them (ui/i18n.py installs it after Qt's).
tests/ui/test_translations.py checks that Qt still asks for these source texts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS: list[tuple[str, str]] = [
    ("QFileDialog", str(QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"))),
    ("QFileDialog", str(QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))),
    ("QFileDialog", str(QT_TRANSLATE_NOOP("QFileDialog", "Directory"))),
    ("QAbstractFileIconProvider", str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"))),
    ("QAbstractFileIconProvider", str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"))),
    ("QAbstractFileIconProvider", str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"))),
    ("QAbstractFileIconProvider", str(QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"))),
    ("QPlatformTheme", str(QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"))),
]
