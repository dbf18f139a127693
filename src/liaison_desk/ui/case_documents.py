"""导出 Word… / 导出 PDF… / 预览 PDF / 案例汇编… of saved cases, shared by the case editor and
the 协商案例 list (``CaseDocuments``), and the file name a case's title gives (``safe_name``).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QObject,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QWidget,
)

from liaison_desk.domain.entities import Case
from liaison_desk.services import Services
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.tasks import (
    TaskCancelled,
    TaskControl,
    run_with_progress,
)

# --- documents of cases -------------------------------------------------------------------------


class CaseDocuments(QObject):
    """导出 Word… / 导出 PDF… / 预览 PDF / 案例汇编… of saved cases, for the editor and the list.
    Files are written off the GUI thread by ``services.case_documents`` (masked: they leave the
    app); ``message`` reports where a file went, for the status bar."""

    message = Signal(str)

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.widget = parent
        self.docx_action = QAction(self.tr("Export &Word…"), self)
        self.pdf_action = QAction(self.tr("Export &PDF…"), self)
        self.preview_action = QAction(self.tr("Pre&view PDF"), self)
        self.collection_action = QAction(self.tr("Case &collection…"), self)
        self.collection_action.setToolTip(
            self.tr("The selected cases as one PDF with a cover and contents")
        )

    def menu(self, collection: bool) -> QMenu:
        menu = QMenu(self.widget)
        menu.addAction(self.docx_action)
        menu.addAction(self.pdf_action)
        menu.addAction(self.preview_action)
        if collection:
            menu.addSeparator()
            menu.addAction(self.collection_action)
        return menu

    # --- asking (methods, so tests answer them) ------------------------------------------------
    def ask_path(self, caption: str, suggested: str, filters: str) -> Path | None:
        name, _f = QFileDialog.getSaveFileName(
            self.widget, caption, str(offered_folder() / suggested), filters
        )
        if not name:
            return None
        remember_folder(Path(name).parent)
        return Path(name)

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- the actions ---------------------------------------------------------------------------
    def export_docx(self, case: Case) -> None:
        self._export(case, "docx")

    def export_pdf(self, case: Case) -> None:
        self._export(case, "pdf")

    def _export(self, case: Case, kind: str) -> None:
        if case.id is None:
            return
        if kind == "docx":
            caption = self.tr("Export the case as Word")
            filters = self.tr("Word documents (*.docx)")
        else:
            caption = self.tr("Export the case as PDF")
            filters = self.tr("PDF files (*.pdf)")
        path = self.ask_path(caption, f"{safe_name(case.title)}.{kind}", filters)
        if path is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        docs = self.services.case_documents
        case_id = case.id
        write = docs.write_docx if kind == "docx" else docs.write_pdf

        def work(_control: TaskControl) -> Path:
            write(case_id, path)
            return path

        def done(written: Path) -> None:
            self.message.emit(self.tr("Saved to {path}").format(path=str(written)))

        run_with_progress(
            self.widget,
            caption,
            work,
            done,
            lambda exc: show_error(self.widget, exc),
        )

    def preview_pdf(self, case: Case) -> None:
        """The PDF written to a temporary folder and opened in the PC's PDF viewer."""
        if case.id is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="liaison-desk-case-"))
        path = folder / f"{safe_name(case.title)}.pdf"
        case_id = case.id
        docs = self.services.case_documents

        def work(_control: TaskControl) -> Path:
            docs.write_pdf(case_id, path)
            return path

        run_with_progress(
            self.widget,
            self.tr("Preparing the PDF"),
            work,
            self.open_file,
            lambda exc: show_error(self.widget, exc),
        )

    def collection(self, case_ids: Sequence[int]) -> None:
        ids = list(case_ids)
        if not ids:
            return
        docs = self.services.case_documents
        try:
            title = docs.collection_title(ids)
        except Exception as exc:
            show_error(self.widget, exc)
            return
        caption = self.tr("Case collection")
        path = self.ask_path(caption, f"{safe_name(title)}.pdf", self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def work(control: TaskControl) -> Path:
            def report(done: int, total: int) -> bool:
                if control.cancelled:
                    return False
                try:
                    control.progress(done, total, caption)
                except TaskCancelled:
                    return False
                return True

            docs.write_collection(
                ids, path, title, progress=report, cancel=lambda: control.cancelled
            )
            return path

        def done(written: Path) -> None:
            self.message.emit(
                self.tr("The collection of {count} cases is saved to {path}").format(
                    count=len(ids), path=str(written)
                )
            )

        run_with_progress(
            self.widget,
            caption,
            work,
            done,
            lambda exc: self._collection_failed(exc),
            lambda: self.message.emit(self.tr("The collection was cancelled; no file written.")),
        )

    def _collection_failed(self, exc: BaseException) -> None:
        from liaison_desk.services.case_documents import CollectionCancelled

        if isinstance(exc, CollectionCancelled):
            self.message.emit(self.tr("The collection was cancelled; no file written."))
            return
        show_error(self.widget, exc)


def safe_name(title: str) -> str:
    """A file name from a case's title (characters Windows forbids left out)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "", title).strip(" .")
    return cleaned[:60] or "协商案例"
