"""校验报送包…: check a submission package (报送包) received or sent.

The user chooses a ZIP; ``PackageService.verify`` runs off the GUI thread (progress and Cancel)
and the dialog shows its readable report: green when the bag is complete and valid and
``package.json`` agrees with the files, else each problem listed in red. A package this database
sent is matched with its 报送记录 by SHA-256.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.services import Services
from liaison_desk.services.packages import PackageCheck
from liaison_desk.ui.folders import offered_folder
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.tasks import TaskCancelled, TaskControl, TaskHandle, run_with_progress

OK_COLOUR = "#1B5E20"
BAD_COLOUR = "#B3261E"


def report_html(check: PackageCheck) -> str:
    """The report as the dialog shows it: the verdict in colour, problems as a list, then the
    rest of the service's readable report."""
    report = check.report
    colour = OK_COLOUR if check.ok else BAD_COLOUR
    mark = "✓" if check.ok else "✗"
    parts = [f"<h3 style='color:{colour}'>{mark} {esc(report.summary)}</h3>"]
    if report.problems:
        items = "".join(f"<li style='color:{BAD_COLOUR}'>{esc(p)}</li>" for p in report.problems)
        parts.append(f"<ol>{items}</ol>")
    rest = check.render().split("\n")
    # The summary and the numbered problems are shown above; the rest as it is.
    rest = [
        line
        for line in rest[1:]
        if line.strip() and line.strip() not in {str(p) for p in report.problems}
    ]
    rest = [line for line in rest if not _is_problem_line(line, check)]
    if rest:
        parts.append("<p>" + "<br/>".join(esc(line.strip()) for line in rest) + "</p>")
    return "".join(parts)


def _is_problem_line(line: str, check: PackageCheck) -> bool:
    text = line.strip()
    for i, p in enumerate(check.report.problems, 1):
        if text == f"{i}. {p}":
            return True
    return text == "问题："


class VerifyDialog(QDialog):
    def __init__(
        self, services: Services, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.check: PackageCheck | None = None
        self.handle: TaskHandle[PackageCheck] | None = None
        self.setWindowTitle(self.tr("Check a submission package"))
        self.path = QLineEdit(str(path) if path else "")
        self.path.setPlaceholderText(self.tr("The package's ZIP file"))
        self.path.textChanged.connect(self._update_buttons)
        self.path.returnPressed.connect(self.verify)
        caption = QLabel(self.tr("&Package:"))
        caption.setBuddy(self.path)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        self.verify_button = QPushButton(self.tr("&Check"))
        self.verify_button.setDefault(True)
        self.verify_button.clicked.connect(self.verify)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(self.verify_button)
        self.report = QTextBrowser()
        self.report.setOpenLinks(False)
        self.report.setPlaceholderText(
            self.tr(
                "Choose a package (ZIP) and press Check: every file's checksum, nothing missing "
                "or unexpected, and package.json against the files."
            )
        )
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.report, 1)
        layout.addLayout(bottom)
        self.resize(820, 560)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.verify_button.setEnabled(bool(self.path.text().strip()))

    def choose_file(self) -> str:
        """The ZIP the user picks (a method, so tests answer it)."""
        start = self.path.text().strip() or str(offered_folder())
        name, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a submission package"),
            start,
            self.tr("Submission packages (*.zip);;All files (*)"),
        )
        return name

    def _browse(self) -> None:
        name = self.choose_file()
        if name:
            self.path.setText(name)
            self.verify()

    def verify(self) -> None:
        text = self.path.text().strip()
        if not text:
            return
        path = Path(text)
        packages = self.services.packages
        self.report.clear()
        self.verify_button.setEnabled(False)

        def work(control: TaskControl) -> PackageCheck:
            def report(done: int, total: int, message: str = "") -> bool:
                if control.cancelled:
                    return False
                try:
                    control.progress(done, total, message)
                except TaskCancelled:
                    return False
                return True

            return packages.verify(path, progress=report, cancel=lambda: control.cancelled)

        self.handle = run_with_progress(
            self,
            self.tr("Checking the package…"),
            work,
            self._checked,
            self._failed,
            self._cancelled,
        )

    def _checked(self, check: PackageCheck) -> None:
        self.check = check
        self.report.setHtml(report_html(check))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        show_error(self, exc)

    def _cancelled(self) -> None:
        self._update_buttons()
        cancelled = self.tr("The check was cancelled.")
        self.report.setHtml(f"<p style='color:#555'>{esc(cancelled)}</p>")

    def is_ok(self) -> bool:
        return self.check is not None and self.check.ok

    def text(self) -> str:
        return self.report.toPlainText()


__all__ = ["VerifyDialog", "report_html"]
