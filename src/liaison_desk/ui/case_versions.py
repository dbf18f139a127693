"""历史版本…: the earlier (submitted) versions of a case, each shown whole and read-only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import CASE_SECTIONS, Case
from liaison_desk.services import Services
from liaison_desk.services.cases import CaseService, LinkedConsultation
from liaison_desk.ui.case_text import preview_html
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.labels import label
from liaison_desk.ui.table import display

# --- earlier versions ----------------------------------------------------------------------------


def case_html(case: Case, group_name: str, linked: Sequence[LinkedConsultation]) -> str:
    """A whole case, read-only (earlier versions)."""
    parts = [f"<h2>{esc(case.title)}</h2>"]
    if case.subtitle:
        parts.append(f"<p><b>{esc(case.subtitle)}</b></p>")
    facts = [
        (QCoreApplication.translate("CaseEditor", "Liaison group"), group_name),
        (QCoreApplication.translate("CaseEditor", "Year"), case.year),
        (QCoreApplication.translate("CaseEditor", "Version"), case.version),
        (QCoreApplication.translate("CaseEditor", "Status"), label(case.status)),
        (QCoreApplication.translate("CaseEditor", "Archive no."), case.archive_number),
        (QCoreApplication.translate("CaseEditor", "Retention"), label(case.retention)),
        (
            QCoreApplication.translate("CaseEditor", "Length"),
            QCoreApplication.translate("CaseEditor", "{count} characters").format(
                count=CaseService.word_count(case)
            ),
        ),
    ]
    parts.append("<table cellpadding='2'>")
    for name, value in facts:
        if value not in ("", None):
            parts.append(
                f"<tr><td style='color:#555;padding-right:10px'>{esc(name)}</td>"
                f"<td>{esc(value)}</td></tr>"
            )
    parts.append("</table>")
    if linked:
        lines = "<br/>".join(esc(f"{c.number}  {c.title}  {display(c.held_on)}") for c in linked)
        heading = QCoreApplication.translate("CaseEditor", "Consultations it is written from")
        parts.append(f"<h4>{esc(heading)}</h4><p>{lines}</p>")
    for key, chinese in CASE_SECTIONS:
        text = case.sections.get(key, "")
        if text:
            parts.append(f"<h4>{esc(chinese)}</h4>{preview_html(text)}")
    if case.photos:
        heading = QCoreApplication.translate("CaseEditor", "Photos")
        captions = "<br/>".join(esc(f"{i}. {p.caption}") for i, p in enumerate(case.photos, 1))
        parts.append(f"<h4>{esc(heading)}</h4><p>{captions}</p>")
    return "".join(parts)


class VersionsDialog(QDialog):
    """The earlier versions of a case, each shown whole and read-only."""

    def __init__(
        self, services: Services, versions: Sequence[Case], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.versions = list(versions)
        self.setWindowTitle(self.tr("Earlier versions"))
        self.list = QListWidget()
        self.text = QTextBrowser()
        for case in reversed(self.versions):
            when = display(case.updated_at)
            item = QListWidgetItem(
                self.tr("Version {n} — {status}").format(n=case.version, status=label(case.status))
                + (f"\n{when}" if when else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, case.version)
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._show)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Versions as they were submitted. They cannot be changed."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)
        if self.versions:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if row < 0:
            self.text.clear()
            return
        case = self.versions[len(self.versions) - 1 - row]
        group = self.services.groups.get(case.group_id) if case.group_id else None
        linked = self.services.cases.linked_consultations(case)
        self.text.setHtml(case_html(case, group.name if group else "", linked))
