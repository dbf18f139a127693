"""The print preview: one printout (a ``PrintJob``) shown page by page, printed, or saved as PDF.

The same drawing code renders all three (``job.render`` onto the preview's QPrinter and onto the
printer chosen in the print dialog, ``job.write_pdf`` for the file).

Threads: reading the database (``load``) runs off the GUI thread. Laying the pages out
(``make_job``) is done on the GUI thread, because a job holds Qt text layouts, and those belong
to the thread that made them (a job made in a pool thread crashes when drawn after that thread
has ended). Saving a PDF calls ``make_job`` again in a worker and writes that job there, so the
window stays responsive and no job crosses threads. ``make_job`` must therefore only lay out
data already read: no database.

The dialog shows the masking choice: residents' phone and ID numbers are masked by default;
where the sheet may be kept in the office (``allow_unmask``) the secretary may switch masking
off, and the job is laid out again; where it leaves the office (assignment slips) the box stays
checked and disabled, with a note why.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QDesktopServices,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QResizeEvent,
)
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.documents.sheet_data import SheetOptions
from liaison_desk.documents.sheets import PrintJob
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.tasks import TaskControl, run_task, run_with_progress

log = logging.getLogger(__name__)

# Qt's own print preview icons (compiled into QtPrintSupport), the ones users know from it.
_QT_PREVIEW_ICON = ":/qt-project.org/dialogs/qprintpreviewdialog/images/{name}-{size}.png"

# Zoom steps offered in the zoom box, in per cent of the real size on the screen.
ZOOM_STEPS = (25, 50, 75, 100, 125, 150, 200, 300, 400)
ZOOM_STEP_FACTOR = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0

# Characters Windows does not allow in file names (and "/" for everyone).
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _qt_icon(name: str) -> QIcon:
    result = QIcon()
    for size in (24, 32):
        result.addFile(_QT_PREVIEW_ICON.format(name=name, size=size), QSize(size, size))
    return result


def safe_file_name(title: str, fallback: str = "printout") -> str:
    """``title`` as a file name that every system accepts (no path separators, no characters
    Windows refuses, no trailing dots or spaces), at most 120 characters."""
    name = _UNSAFE_FILE_CHARS.sub("_", title).strip().rstrip(". ")
    name = re.sub(r"\s+", " ", name)[:120].rstrip(". ")
    return name or fallback


def _action_button(action: QAction) -> QPushButton:
    """A push button that triggers ``action`` and follows its text, icon and enabled state."""
    button = QPushButton(action.icon(), action.text())
    button.setAutoDefault(False)
    button.setToolTip(action.toolTip())
    button.clicked.connect(lambda _checked=False: action.trigger())

    def follow() -> None:
        button.setEnabled(action.isEnabled())

    action.changed.connect(follow)
    follow()
    return button


class PrintPreviewDialog(QDialog):
    """Preview of the job ``make_job(options)`` lays out, with paging, zoom, Print… and Save as
    PDF…, and the masking choice. ``load(control)``, when given, runs first off the GUI thread
    (reading what ``make_job`` lays out). ``options`` gives everything but ``mask``, which the
    dialog's check box sets: ``mask`` at first, and always when ``allow_unmask`` is False."""

    job_ready = Signal()  # a job was built and is shown (also after a rebuild)
    job_failed = Signal()

    def __init__(
        self,
        make_job: Callable[[SheetOptions], PrintJob],
        *,
        load: Callable[[TaskControl], object] | None = None,
        title: str = "",
        allow_unmask: bool = True,
        mask: bool = True,
        mask_note: str = "",
        options: SheetOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_job = make_job
        self._load_data = load
        self._loaded = False
        self._options = options or SheetOptions()
        self._initial_mask = mask or not allow_unmask
        self._title = title
        self._allow_unmask = allow_unmask
        self._mask_note = mask_note
        self._job: PrintJob | None = None
        self._loading = False
        self._saving = False
        self._built_once = False
        self.saved_path: Path | None = None  # the last PDF saved

        self.setWindowTitle(self._window_title())
        self.setSizeGripEnabled(True)

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setFullPage(True)  # the sheets draw their own GB/T 9704 margins
        self.printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        if title:
            self.printer.setDocName(title)

        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        self.preview.paintRequested.connect(self._paint)
        self.preview.previewChanged.connect(self._preview_changed)
        # Keyboard focus goes to the pages (arrow keys scroll them), not to the zoom box.
        view = self.preview.findChild(QGraphicsView)
        if view is not None:
            self.preview.setFocusProxy(view)

        self._build_actions()
        toolbar = self._build_toolbar()
        options_row = self._build_options_row()

        # While the job is being built the first time: a busy note in place of the pages.
        self.preparing = QWidget()
        preparing_layout = QVBoxLayout(self.preparing)
        preparing_layout.addStretch(1)
        self.preparing_label = QLabel(self.tr("Preparing the printout…"))
        self.preparing_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        busy = QProgressBar()
        busy.setRange(0, 0)
        busy.setTextVisible(False)
        busy.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 24)
        preparing_layout.addWidget(self.preparing_label)
        preparing_layout.addWidget(busy, 0, Qt.AlignmentFlag.AlignHCenter)
        preparing_layout.addStretch(2)
        self._busy_bar = busy
        self.stack = QStackedWidget()
        self.stack.addWidget(self.preparing)
        self.stack.addWidget(self.preview)

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.status_label.setWordWrap(True)
        self.status_label.linkActivated.connect(self._open_link)
        # The printout's way out, at the bottom right where a dialog's buttons are.
        self.save_button = _action_button(self.save_action)
        self.print_button = _action_button(self.print_action)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addSpacing(12)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 9)
        layout.setSpacing(6)
        layout.addWidget(toolbar)
        inner = QVBoxLayout()
        inner.setContentsMargins(9, 0, 9, 0)
        inner.setSpacing(6)
        inner.addLayout(options_row)
        inner.addWidget(self.stack, 1)
        inner.addLayout(bottom)
        layout.addLayout(inner, 1)

        self._size_to_screen()
        self._update_controls()
        self._load()

    # --- building the widgets ------------------------------------------------------------------
    def _action(
        self,
        text: str,
        icon_: QIcon,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence],
    ) -> QAction:
        action = QAction(icon_, text, self)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if shortcuts:
            action.setToolTip(
                f"{text.replace('&', '').rstrip('…')} "
                f"({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence
        self.first_action = self._action(
            self.tr("First page"), _qt_icon("go-first"), self.first_page, [K("Ctrl+Home")]
        )
        self.previous_action = self._action(
            self.tr("Previous page"),
            _qt_icon("go-previous"),
            self.previous_page,
            [K(Qt.Key.Key_PageUp)],
        )
        self.next_action = self._action(
            self.tr("Next page"), _qt_icon("go-next"), self.next_page, [K(Qt.Key.Key_PageDown)]
        )
        self.last_action = self._action(
            self.tr("Last page"), _qt_icon("go-last"), self.last_page, [K("Ctrl+End")]
        )
        self.zoom_in_action = self._action(
            self.tr("Zoom in"),
            _qt_icon("zoom-in"),
            self.zoom_in,
            [K(K.StandardKey.ZoomIn), K("Ctrl+=")],
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom out"), _qt_icon("zoom-out"), self.zoom_out, [K(K.StandardKey.ZoomOut)]
        )
        self.actual_size_action = self._action(
            self.tr("Actual size"), QIcon(), lambda: self.set_zoom(1.0), [K("Ctrl+1")]
        )
        self.fit_width_action = self._action(
            self.tr("Fit width"), _qt_icon("zoom-fit-width"), self.fit_width, [K("Ctrl+2")]
        )
        self.fit_page_action = self._action(
            self.tr("Fit page"), _qt_icon("zoom-fit-page"), self.fit_page, [K("Ctrl+0")]
        )
        fit = QActionGroup(self)
        fit.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)
            fit.addAction(action)
        self.fit_width_action.setChecked(True)
        self.print_action = self._action(
            self.tr("&Print…"), icon("print"), self.print_job, [K(K.StandardKey.Print)]
        )
        self.save_action = self._action(
            self.tr("&Save as PDF…"), icon("export"), self.save_pdf, [K(K.StandardKey.Save)]
        )

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar()
        toolbar.setIconSize(QSize(24, 24))
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.addAction(self.first_action)
        toolbar.addAction(self.previous_action)

        self.page_box = QSpinBox()
        self.page_box.setRange(1, 1)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.valueChanged.connect(self._page_box_changed)
        self.page_of = QLabel()
        page_label = QLabel(self.tr("Page"))
        page_label.setBuddy(self.page_box)
        pages = QWidget()
        pages_layout = QHBoxLayout(pages)
        pages_layout.setContentsMargins(6, 0, 6, 0)
        pages_layout.addWidget(page_label)
        pages_layout.addWidget(self.page_box)
        pages_layout.addWidget(self.page_of)
        toolbar.addWidget(pages)

        toolbar.addAction(self.next_action)
        toolbar.addAction(self.last_action)
        toolbar.addSeparator()
        toolbar.addAction(self.zoom_out_action)
        self.zoom_box = QComboBox()
        self.zoom_box.setEditable(True)
        self.zoom_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        self.zoom_box.setToolTip(self.tr("Zoom"))
        for percent in ZOOM_STEPS:
            self.zoom_box.addItem(f"{percent}%", percent / 100)
        self.zoom_box.setMinimumContentsLength(5)
        self.zoom_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.zoom_box.activated.connect(self._zoom_box_chosen)
        line = self.zoom_box.lineEdit()
        if line is not None:
            line.returnPressed.connect(self._zoom_box_typed)
        toolbar.addWidget(self.zoom_box)
        toolbar.addAction(self.zoom_in_action)
        toolbar.addAction(self.fit_width_action)
        toolbar.addAction(self.fit_page_action)

        return toolbar

    def _build_options_row(self) -> QHBoxLayout:
        self.mask_box = QCheckBox(self.tr("&Mask personal information"))
        self.mask_box.setChecked(self._initial_mask)
        self.mask_box.setEnabled(self._allow_unmask)
        self.mask_box.toggled.connect(self._mask_toggled)
        self.mask_note = QLabel()
        self.mask_note.setWordWrap(True)
        self.mask_note.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.mask_box)
        row.addSpacing(12)
        row.addWidget(self.mask_note, 1)
        self._update_mask_note()
        return row

    def _size_to_screen(self) -> None:
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1000, 800)
            return
        available = screen.availableGeometry()
        self.resize(
            min(1100, int(available.width() * 0.8)), min(1000, int(available.height() * 0.9))
        )

    def _window_title(self) -> str:
        title = self._job.title if self._job is not None and self._job.title else self._title
        if title:
            return self.tr("Print preview — {title}").format(title=title)
        return self.tr("Print preview")

    # --- the job -------------------------------------------------------------------------------
    @property
    def job(self) -> PrintJob | None:
        """The job shown (None while the first one is being built or when building failed)."""
        return self._job

    def options(self) -> SheetOptions:
        """The options the next job is built with."""
        return dataclasses.replace(self._options, mask=self.mask_box.isChecked())

    def is_loading(self) -> bool:
        return self._loading

    def _load(self) -> None:
        """Reads what the printout needs off the GUI thread, then lays it out."""
        self._loading = True
        self._show_preparing()
        self._update_controls()
        load = self._load_data

        def work(control: TaskControl) -> None:
            if load is not None:
                load(control)

        run_task(self, work, lambda _result: self._data_loaded(), self._job_not_built)

    def _data_loaded(self) -> None:
        self._loaded = True
        self._build()

    def _show_preparing(self) -> None:
        if not self._built_once or self.stack.currentWidget() is self.preparing:
            self.preparing_label.setText(self.tr("Preparing the printout…"))
            self._busy_bar.setVisible(True)
            self.stack.setCurrentWidget(self.preparing)
        self._set_status(esc(self.tr("Preparing…")))

    def _build(self) -> None:
        """Lays the printout out with the options chosen now (on the GUI thread: the pages are
        Qt text layouts, which belong to the thread that made them)."""
        self._loading = True
        self._show_preparing()
        self._update_controls()
        self.status_label.repaint()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            job = self._make_job(self.options())
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            self._job_not_built(exc)
            return
        QGuiApplication.restoreOverrideCursor()
        self._job_built(job)

    def _job_built(self, job: PrintJob) -> None:
        self._loading = False
        self._built_once = True
        self._job = job
        self.printer.setDocName(job.title or self._title)
        self.setWindowTitle(self._window_title())
        had_pages = self.stack.currentWidget() is self.preview
        page = self.current_page() if had_pages else 1
        self.stack.setCurrentWidget(self.preview)
        self.preview.updatePreview()
        if had_pages:  # a rebuild (masking switched): stay on the page the user was reading
            self.set_page(page)
        else:
            self.preview.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_controls()
        self._update_zoom_text()
        self._show_page_count()
        self.job_ready.emit()

    def _job_not_built(self, exc: BaseException) -> None:
        self._loading = False
        self._job = None
        self.preview.updatePreview()  # no old pages under a failed rebuild
        self.stack.setCurrentWidget(self.preparing)
        self.preparing_label.setText(self.tr("The printout could not be prepared."))
        self._busy_bar.setVisible(False)
        self._set_status(self.tr("The printout could not be prepared."))
        self._update_controls()
        self.job_failed.emit()
        show_error(self, exc)

    def _paint(self, printer: QPrinter) -> None:
        if self._job is None:
            return
        try:
            self._job.render(printer)
        except Exception as exc:
            log.warning("the preview could not be drawn", exc_info=True)
            self._set_status(self.tr("The printout could not be drawn."))
            show_error(self, exc)

    # --- masking -------------------------------------------------------------------------------
    def _mask_toggled(self, _checked: bool) -> None:
        self._update_mask_note()
        if self._loaded:
            self._build()
        elif not self._loading:  # reading failed before: try again
            self._load()
        # else: the job is laid out with the box's state once the data is read

    def _update_mask_note(self) -> None:
        if not self._allow_unmask:
            note = self._mask_note or self.tr(
                "This printout leaves the office, so it is always masked."
            )
            colour = self.palette().placeholderText().color().name()
        elif not self.mask_box.isChecked():
            note = self.tr(
                "Nothing is masked: keep this printout in the office, do not send it out."
            )
            colour = "#B3261E"
        else:
            note = self._mask_note
            colour = self.palette().placeholderText().color().name()
        self.mask_note.setText(note)
        self.mask_note.setStyleSheet(f"color: {colour}")
        self.mask_note.setVisible(bool(note))

    # --- pages and zoom ------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.preview.pageCount() if self._job is not None else 0

    def current_page(self) -> int:
        return self.preview.currentPage()

    def zoom_factor(self) -> float:
        return self.preview.zoomFactor()

    def set_page(self, page: int) -> None:
        count = self.page_count()
        if count:
            self.preview.setCurrentPage(max(1, min(page, count)))
            self._update_controls()

    def first_page(self) -> None:
        self.set_page(1)

    def previous_page(self) -> None:
        self.set_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.set_page(self.current_page() + 1)

    def last_page(self) -> None:
        self.set_page(self.page_count())

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        checked = self.fit_width_action.actionGroup()
        if checked is not None and checked.checkedAction() is not None:
            checked.checkedAction().setChecked(False)
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.CustomZoom)
        self.preview.setZoomFactor(factor)
        self._update_zoom_text()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom_factor() * ZOOM_STEP_FACTOR)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom_factor() / ZOOM_STEP_FACTOR)

    def fit_width(self) -> None:
        self.fit_width_action.setChecked(True)
        self.preview.fitToWidth()
        self._update_zoom_text()

    def fit_page(self) -> None:
        self.fit_page_action.setChecked(True)
        self.preview.fitInView()
        self._update_zoom_text()

    def _zoom_box_chosen(self, index: int) -> None:
        factor = self.zoom_box.itemData(index)
        if isinstance(factor, float):
            self.set_zoom(factor)

    def _zoom_box_typed(self) -> None:
        text = self.zoom_box.currentText().strip().rstrip("%").strip()
        try:
            percent = float(text)
        except ValueError:
            self._update_zoom_text()
            return
        self.set_zoom(percent / 100)

    def _update_zoom_text(self) -> None:
        percent = self.zoom_factor() * 100
        self.zoom_box.setEditText(f"{percent:.0f}%")
        self.zoom_in_action.setEnabled(self._job is not None and self.zoom_factor() < MAX_ZOOM)
        self.zoom_out_action.setEnabled(self._job is not None and self.zoom_factor() > MIN_ZOOM)

    def _page_box_changed(self, value: int) -> None:
        if value != self.current_page():
            self.set_page(value)

    def _preview_changed(self) -> None:
        self._update_controls()
        self._update_zoom_text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # In a fit mode the zoom follows the window; show the new factor once it is known.
        QTimer.singleShot(0, self._update_zoom_text)

    # --- state of the controls -----------------------------------------------------------------
    def _update_controls(self) -> None:
        ready = self._job is not None and not self._loading and not self._saving
        count = self.page_count()
        current = self.current_page() if count else 0
        self.first_action.setEnabled(ready and current > 1)
        self.previous_action.setEnabled(ready and current > 1)
        self.next_action.setEnabled(ready and current < count)
        self.last_action.setEnabled(ready and current < count)
        for action in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.actual_size_action,
            self.fit_width_action,
            self.fit_page_action,
        ):
            action.setEnabled(self._job is not None)
        self.zoom_box.setEnabled(self._job is not None)
        self.print_action.setEnabled(ready and count > 0)
        self.save_action.setEnabled(ready and count > 0)
        self.mask_box.setEnabled(self._allow_unmask and not self._saving)
        self.preview.setEnabled(self._job is not None)
        self.page_box.blockSignals(True)
        try:
            self.page_box.setRange(1 if count else 0, max(count, 1) if count else 0)
            self.page_box.setValue(current)
            self.page_box.setEnabled(ready and count > 1)
        finally:
            self.page_box.blockSignals(False)
        self.page_of.setText(self.tr("of {count}").format(count=count) if self._job else "")

    def _show_page_count(self) -> None:
        count = self.page_count()
        if count == 0:
            text = self.tr("Nothing to print.")
        elif count == 1:
            text = self.tr("1 page")
        else:
            text = plural(count, self.tr("{count} page"), self.tr("{count} pages"))
        if self.mask_box.isChecked():
            text += " · " + self.tr("personal information masked")
        else:
            text += " · " + self.tr("nothing masked")
        self._set_status(esc(text))

    def _set_status(self, html_text: str) -> None:
        self.status_label.setText(html_text)

    def status_text(self) -> str:
        """The status line as plain text (tests)."""
        return re.sub(r"<[^>]+>", "", self.status_label.text())

    # --- print and save ------------------------------------------------------------------------
    def print_job(self) -> None:
        job = self._job
        if job is None or self._loading or self._saving:
            return
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        # The job prints every page on A4: no page ranges to offer.
        Option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(Option.PrintToFile | Option.PrintCollateCopies)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            dialog.deleteLater()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            job.render(self.printer)
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            log.warning("printing failed", exc_info=True)
            self._set_status(esc(self.tr("Printing failed.")))
            show_error(self, exc)
            return
        QGuiApplication.restoreOverrideCursor()
        count = job.page_count()
        if self.printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
            where = self.printer.outputFileName()
        else:
            where = self.printer.printerName()
        if where:
            text = plural(
                count,
                self.tr("{count} page sent to {printer}."),
                self.tr("{count} pages sent to {printer}."),
                printer=where,
            )
        else:
            text = plural(
                count,
                self.tr("{count} page sent to the printer."),
                self.tr("{count} pages sent to the printer."),
            )
        self._set_status(esc(text))

    def save_pdf(self) -> None:
        job = self._job
        if job is None or self._loading or self._saving:
            return
        suggested = offered_folder() / (safe_file_name(job.title or self._title) + ".pdf")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        remember_folder(path.parent)
        self._saving = True
        self._update_controls()
        self._set_status(esc(self.tr("Saving…")))

        make_job, options = self._make_job, self.options()

        def work(_control: TaskControl) -> None:
            # A job of its own, laid out and written in the worker: Qt's text layouts must not
            # be used by another thread than the one that made them.
            own = make_job(options)
            try:
                own.write_pdf(path)
            finally:
                del own

        def done(_result: None) -> None:
            self._saving = False
            self._update_controls()
            self._saved(path)

        def failed(exc: BaseException) -> None:
            self._saving = False
            self._update_controls()
            self._show_page_count()
            show_error(self, exc)

        run_with_progress(self, self.tr("Saving the PDF…"), work, done, failed)

    def _saved(self, path: Path) -> None:
        folder = QUrl.fromLocalFile(str(path.parent)).toString()
        text = esc(
            self.tr("Saved as “{name}” in {folder}.").format(
                name=path.name, folder=str(path.parent)
            )
        )
        link = esc(self.tr("Open folder"))
        self._set_status(f"{text} <a href='{esc(folder)}'>{link}</a>")
        self.saved_path = path

    def _open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))
