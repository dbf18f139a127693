"""Signed paper sheets brought back: what a dropped folder of scans came to.

The list pages of consultations accept a folder (or image files) dropped from the file manager,
or chosen with "Attach signed sheets…"; ``services.scans`` reads each image's QR code and
attaches it to its record. This dialog then lists the files attached (file → 编号) and those that
were not, with the reason, and copies the whole report as text for the secretary's notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the scanner (zxing, Pillow) loads when sheets are first read
    from liaison_desk.services.scans import ScanReport


def dropped_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders in a drag from the file manager (web links are left out)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class ScanReportDialog(QDialog):
    """Two lists: the sheets attached (file → number) and the files not attached (file →
    reason); "Copy report" puts both on the clipboard as text."""

    def __init__(self, report: ScanReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Signed sheets"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)

        self.summary = QLabel(self.summary_text())
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.attached_list = self._list(
            [self.tr("File"), self.tr("Number")], report.attached, self.tr("Attached")
        )
        self.unmatched_list = self._list(
            [self.tr("File"), self.tr("Reason")], report.unmatched, self.tr("Not attached")
        )
        for caption, tree, rows in (
            (self.tr("Attached ({count})"), self.attached_list, report.attached),
            (self.tr("Not attached ({count})"), self.unmatched_list, report.unmatched),
        ):
            heading = QLabel(caption.format(count=len(rows)))
            heading.setBuddy(tree)
            layout.addWidget(heading)
            layout.addWidget(tree, 1 + min(len(rows), 8))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setToolTip(self.tr("Copy both lists as text, e.g. to paste into notes."))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _list(
        self, headers: Sequence[str], rows: Iterable[tuple[str, str]], name: str
    ) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(name)
        tree.setColumnCount(len(headers))
        tree.setHeaderLabels(list(headers))
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for file_name, value in rows:
            item = QTreeWidgetItem([file_name, value])
            item.setToolTip(0, file_name)
            item.setToolTip(1, value)  # a long reason (a locked record) is read whole here
            tree.addTopLevelItem(item)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        tree.resizeColumnToContents(0)
        header.resizeSection(0, min(max(header.sectionSize(0), 160), 320))
        return tree

    def summary_text(self) -> str:
        r = self.report
        if r.total == 0 and not r.cancelled:
            return self.tr("There were no files to look at.")
        text = self.tr(
            "{attached} signed sheets attached to {records} consultations; "
            "{unmatched} files not attached."
        ).format(
            attached=len(r.attached), records=len(r.consultation_ids), unmatched=len(r.unmatched)
        )
        if r.cancelled:
            text += " " + self.tr(
                "Stopped before all files were looked at; the sheets attached so far stay attached."
            )
        return text

    def report_text(self) -> str:
        """The report as plain text: the summary, then both lists, one file a line."""
        lines = [self.summary_text(), ""]
        lines.append(self.tr("Attached ({count})").format(count=len(self.report.attached)))
        lines += [f"{name}\t{number}" for name, number in self.report.attached]
        lines.append("")
        lines.append(self.tr("Not attached ({count})").format(count=len(self.report.unmatched)))
        lines += [f"{name}\t{reason}" for name, reason in self.report.unmatched]
        return "\n".join(lines) + "\n"

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
