"""The rows of the settings page, each built from a ``config.SettingSpec``: caption, editor,
grey help text and the problem under it (``SettingField``), and the document fonts with a sample
in the chosen face and a note when Windows lacks it (``FontField``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from liaison_desk import fonts
from liaison_desk.config import SettingSpec
from liaison_desk.ui.group_form import PROBLEM_STYLE
from liaison_desk.ui.i18n import current_language

HELP_STYLE = "color:#5F6368"
NOTE_STYLE = "color:#8A5300"
FONT_PREFIX = "documents.font."
# Shown in each document font: Chinese text because it shows Chinese glyphs (data, not UI text).
FONT_SAMPLE = "示例：关于加装电梯的协商"


# --- fonts -------------------------------------------------------------------------------------


def font_role(key: str) -> str:
    return key.removeprefix(FONT_PREFIX)


def used_font(role: str, chosen: str) -> str:
    """The family documents will really print ``chosen`` with in ``role``: ``chosen`` when
    installed; when ``chosen`` is one of the role's official faces, the first installed of its
    other names (仿宋_GB2312 → 仿宋 on newer Windows); else the role's bundled face."""
    face = fonts.DOCUMENT_FACES.get(role)
    if face is None:
        return fonts.document_font([chosen], fonts.BUNDLED_SERIF)
    candidates = [chosen, *face.preferred] if chosen in face.preferred else [chosen]
    return fonts.document_font(candidates, face.fallback)


def official_faces(role: str) -> list[str]:
    """Official face names (the Chinese ones of DOCUMENT_FACES): the role's own first."""
    own = fonts.DOCUMENT_FACES.get(role)
    ordered = list(own.preferred) if own else []
    for face in fonts.DOCUMENT_FACES.values():
        ordered.extend(face.preferred)
    names: list[str] = []
    for name in ordered:
        if not name.isascii() and name not in names:
            names.append(name)
    return names


def shared_last_sentences(texts: Sequence[str]) -> str:
    """The sentences every text ends with, to say them once for a group of settings (each text
    keeps at least one sentence of its own); "" when they end differently."""
    if len(texts) < 2:
        return ""
    split = [re.findall(r"[^。！？]+[。！？]?", t) for t in texts]
    shared = 0
    while all(len(parts) > shared + 1 for parts in split) and (
        len({parts[-shared - 1] for parts in split}) == 1
    ):
        shared += 1
    return "".join(split[0][len(split[0]) - shared :]) if shared else ""


# --- a row generated from a SettingSpec --------------------------------------------------------


def help_label(text: str) -> QLabel:
    help_label = QLabel(text)
    help_label.setWordWrap(True)
    help_label.setStyleSheet(HELP_STYLE)
    help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if not text:  # hidden only: shown without a parent it would open as a window of its own
        help_label.hide()
    return help_label


def problem_label() -> QLabel:
    problem = QLabel()
    problem.setWordWrap(True)
    problem.setStyleSheet(PROBLEM_STYLE)
    problem.setVisible(False)
    return problem


class SettingField:
    """The widgets of one database setting: editor, help text and problem line.

    ``caption`` is the label to put in front (None for a check box, which carries its own)."""

    def __init__(self, spec: SettingSpec, on_change: Callable[[], None], help_text: str) -> None:
        self.spec = spec
        self.caption: QLabel | None = None
        self.editor = self._make_editor()
        self.editor.setObjectName(spec.key)
        self.editor.setAccessibleName(spec.shown_label(current_language()))
        self.help = help_label(help_text)
        self.problem = problem_label()
        self._on_change = on_change
        if not isinstance(self.editor, QCheckBox):
            self.caption = QLabel(spec.shown_label(current_language()))
            self.caption.setBuddy(self.editor)
        self.box = QWidget()
        column = QVBoxLayout(self.box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addLayout(self.editor_row())
        help_row = QHBoxLayout()
        if isinstance(self.editor, QCheckBox):  # help text under the check box's text
            style = self.editor.style()
            indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
                QStyle.PixelMetric.PM_CheckBoxLabelSpacing
            )
            help_row.addSpacing(indent)
        help_row.addWidget(self.help, 1)
        column.addLayout(help_row)
        column.addWidget(self.problem)

    def _make_editor(self) -> QWidget:
        spec = self.spec
        if spec.type is bool:
            box = QCheckBox(spec.shown_label(current_language()))
            box.toggled.connect(lambda _on: self.changed())
            return box
        if spec.type is int:
            spin = QSpinBox()
            spin.setRange(
                spec.minimum if spec.minimum is not None else -(2**31),
                spec.maximum if spec.maximum is not None else 2**31 - 1,
            )
            spin.setAccelerated(True)
            if spec.minimum is not None and spec.maximum is not None:
                # Qt quietly puts an out-of-range entry back: say what the range is.
                spin.setToolTip(
                    QCoreApplication.translate("SettingsPage", "From {low} to {high}").format(
                        low=spec.minimum, high=spec.maximum
                    )
                )
                spin.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToNearestValue)
            spin.valueChanged.connect(lambda _v: self.changed())
            return spin
        if spec.choices is not None:
            combo = QComboBox()
            for choice in spec.choices:
                combo.addItem(str(choice), choice)
            combo.currentIndexChanged.connect(lambda _i: self.changed())
            return combo
        edit = QLineEdit()
        if spec.maximum is not None:
            edit.setMaxLength(spec.maximum + 50)  # longer is refused with a message on save
        edit.textChanged.connect(lambda _t: self.changed())
        return edit

    def editor_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.editor, 0 if isinstance(self.editor, QSpinBox) else 1)
        if isinstance(self.editor, QSpinBox):
            row.addStretch(1)
        return row

    def changed(self) -> None:
        self.problem.setVisible(False)
        self._on_change()

    def value(self) -> Any:
        editor = self.editor
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def set_value(self, value: Any) -> None:
        editor = self.editor
        editor.blockSignals(True)
        try:
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
        finally:
            editor.blockSignals(False)
        self.problem.setVisible(False)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))


class FontField(SettingField):
    """A document font: an editable list of faces, a live sample in the face documents will
    really use, and a note when the chosen face is not installed here."""

    editor: QComboBox

    def __init__(self, spec: SettingSpec, on_change: Callable[[], None], help_text: str) -> None:
        self.role = font_role(spec.key)
        self.sample = QLabel(FONT_SAMPLE)
        self.sample.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setVisible(False)
        super().__init__(spec, on_change, help_text)
        layout = self.box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.note)
        self._update_sample()

    def _make_editor(self) -> QWidget:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        grey = QBrush(QColor("#80868B"))
        official = official_faces(font_role(self.spec.key))
        for name in official:
            combo.addItem(name)
            if not QFontDatabase.hasFamily(name):
                combo.setItemData(combo.count() - 1, grey, Qt.ItemDataRole.ForegroundRole)
                combo.setItemData(
                    combo.count() - 1,
                    QCoreApplication.translate("SettingsPage", "Not installed on this computer"),
                    Qt.ItemDataRole.ToolTipRole,
                )
        combo.insertSeparator(combo.count())
        for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
            if family not in official:
                combo.addItem(family)
        line = combo.lineEdit()
        assert line is not None
        line.textChanged.connect(lambda _t: self.changed())
        return combo

    def changed(self) -> None:
        self._update_sample()
        super().changed()

    def value(self) -> Any:
        return self.editor.currentText().strip()

    def set_value(self, value: Any) -> None:
        self.editor.blockSignals(True)
        line = self.editor.lineEdit()
        assert line is not None
        line.blockSignals(True)
        try:
            index = self.editor.findText(str(value), Qt.MatchFlag.MatchExactly)
            if index >= 0:
                self.editor.setCurrentIndex(index)
            self.editor.setEditText(str(value))
        finally:
            line.blockSignals(False)
            self.editor.blockSignals(False)
        self.problem.setVisible(False)
        self._update_sample()

    def _update_sample(self) -> None:
        chosen = self.value()
        used = used_font(self.role, chosen) if chosen else ""
        face = fonts.DOCUMENT_FACES.get(self.role)
        font = QFont(self.sample.font())
        if used:
            font.setFamilies([used])
        font.setPointSizeF(max(QFont().pointSizeF(), 9.0) * 1.45)
        bundled = used in (fonts.BUNDLED_SANS, fonts.BUNDLED_SERIF)
        font.setBold(bool(face and face.fallback_bold and bundled and chosen != used))
        self.sample.setFont(font)
        self.sample.setToolTip(used)
        if not chosen or used == chosen:
            self.note.setVisible(False)
            return
        if bundled:
            text = QCoreApplication.translate(
                "SettingsPage",
                "Not installed on this computer: the bundled font {font} will be used.",
            )
        else:
            text = QCoreApplication.translate(
                "SettingsPage", "Not installed on this computer: {font} will be used."
            )
        self.note.setText(text.format(font=used))
        self.note.setVisible(True)

    def editor_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.editor, 2)
        row.addSpacing(12)
        row.addWidget(self.sample, 3)
        return row
