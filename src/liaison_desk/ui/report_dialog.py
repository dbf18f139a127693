"""统计报表… and 工作综述初稿…: choose the period and the group, choose where to save, and the
file is written off the GUI thread (``services.reports``) with a progress dialog and Cancel;
the result says where it went and offers to open its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.periods import QUARTER_NAMES, ReportPeriod
from liaison_desk.services import Services
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.tasks import TaskControl, run_with_progress

WORKBOOK, SUMMARY = "workbook", "summary"


class ReportDialog(QDialog):
    """``what``: WORKBOOK (the statistics workbook of a year, quarter or month) or SUMMARY
    (the year's summary draft)."""

    def __init__(self, services: Services, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.what = what
        self.written: Path | None = None
        self.setWindowTitle(
            self.tr("Statistics workbook") if what == WORKBOOK else self.tr("Year's summary draft")
        )
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An Excel workbook with the figures of the period (总表), per group, per month, "
                "per responsible body and per topic source, with charts. The figures are counted "
                "as on the dashboard."
            )
            if what == WORKBOOK
            else self.tr(
                "A Word draft of the figures section of the year's work summary, each figure "
                "marked with its row in the statistics workbook, and the selected cases by level."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.year = QComboBox()
        years = services.statistics.years() or [services.statistics.default_year()]
        for year in years:
            self.year.addItem(self.tr("{year}").format(year=year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(services.statistics.default_year())))
        form.addRow(self.tr("&Year:"), self.year)
        self.period = QComboBox()
        # Item data: "" the whole year, "q2" a quarter, "m3" a month.
        self.period.addItem(self.tr("Whole year"), "")
        for q, name in enumerate(QUARTER_NAMES, start=1):
            self.period.addItem(name, f"q{q}")
        for m in range(1, 13):
            self.period.addItem(self.tr("Month {month}").format(month=m), f"m{m}")
        if what == WORKBOOK:
            form.addRow(self.tr("&Period:"), self.period)
        else:
            self.period.hide()
        self.group = QComboBox()
        self.group.addItem(self.tr("All groups"), None)
        for g in services.groups.all():
            self.group.addItem(g.name, g.id)
        own = services.settings.own_group()
        if own is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(own.id)))
        form.addRow(self.tr("&Group:"), self.group)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("&Save as…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- what is chosen ------------------------------------------------------------------------
    def chosen_period(self) -> ReportPeriod:
        code = str(self.period.currentData() or "") if self.what == WORKBOOK else ""
        quarter = int(code[1:]) if code.startswith("q") else None
        month = int(code[1:]) if code.startswith("m") else None
        return ReportPeriod(int(self.year.currentData()), quarter, month)

    def chosen_group(self) -> int | None:
        data = self.group.currentData()
        return int(data) if data is not None else None

    # --- asking (methods, so tests answer them) ------------------------------------------------
    def ask_path(self, suggested: str) -> Path | None:
        if self.what == WORKBOOK:
            caption, filters = (
                self.tr("Save the statistics workbook"),
                self.tr("Excel workbook (*.xlsx)"),
            )
        else:
            caption, filters = self.tr("Save the summary draft"), self.tr("Word documents (*.docx)")
        name, _f = QFileDialog.getSaveFileName(
            self, caption, str(offered_folder() / suggested), filters
        )
        if not name:
            return None
        path = Path(name)
        suffix = ".xlsx" if self.what == WORKBOOK else ".docx"
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def tell_done(self, path: Path) -> None:
        """The result, with 打开文件夹 (a method, so tests see it without a modal box)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.windowTitle(), "", parent=self)
        box.setText(self.tr("Saved to {path}.").format(path=str(path)))
        open_button = box.addButton(self.tr("Open &folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_folder(path.parent)

    def open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- writing -------------------------------------------------------------------------------
    def save(self) -> None:
        period = self.chosen_period()
        group_id = self.chosen_group()
        path = self.ask_path(self.services.reports.default_file_name(period, group_id, self.what))
        if path is None:
            return
        remember_folder(path.parent)
        reports = self.services.reports

        def work(control: TaskControl) -> Path:
            if self.what == WORKBOOK:
                reports.write_workbook(period, group_id, path, control)
            else:
                reports.write_summary(period.year, group_id, path, control)
            return path

        def done(written: Path) -> None:
            self.written = written
            self.accept()
            self.tell_done(written)

        run_with_progress(
            self,
            self.windowTitle(),
            work,
            done,
            lambda exc: show_error(self, exc),
        )


def open_report_dialog(services: Services, what: str, parent: QWidget | None) -> ReportDialog:
    dialog = ReportDialog(services, what, parent)
    dialog.open()
    return dialog
