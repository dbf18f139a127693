"""The print preview: it shows the job's pages and lets the user page through them, zoom, print
and save a PDF; the masking choice rebuilds the job and cannot be switched off for slips; the
list's print button opens nothing without a selection, and the 问题跟踪 page prints the slips of
the consultations of the items selected."""

from __future__ import annotations

import dataclasses
import os
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QItemSelectionModel, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from liaison_desk.documents.sheets import PrintJob, SheetKind, SheetOptions
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.fonts import BUNDLED_SERIF, register_bundled_fonts
from liaison_desk.services import Services
from liaison_desk.ui import printing
from liaison_desk.ui.pages.base import Page
from liaison_desk.ui.pages.outcomes import OutcomesPage
from liaison_desk.ui.print_preview import PrintPreviewDialog, safe_file_name
from liaison_desk.ui.tasks import wait_for_tasks


class FakeJob:
    """N numbered A4 pages with a Chinese line on each; records where it was drawn."""

    def __init__(self, pages: int, options: SheetOptions, title: str = "织里镇 签到表") -> None:
        self.pages = pages
        self.options = options
        self.title = title
        self.rendered_on: list[QPagedPaintDevice] = []

    def page_count(self) -> int:
        return self.pages

    def render(self, device: QPagedPaintDevice) -> None:
        self.rendered_on.append(device)
        device.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        painter = QPainter(device)
        try:
            font = QFont(BUNDLED_SERIF)
            font.setPointSize(22)
            painter.setFont(font)
            rect = QRectF(0, 0, device.width(), device.height())
            for page in range(1, self.pages + 1):
                if page > 1:
                    device.newPage()
                masked = "已隐藏" if self.options.mask else "未隐藏"
                painter.drawText(
                    rect,
                    Qt.AlignmentFlag.AlignCenter,
                    f"民生议事堂协商活动签到表\n第 {page} 页\n电话号码{masked}",
                )
        finally:
            painter.end()

    def write_pdf(self, path: Path) -> None:
        part = path.with_name(path.name + ".part")
        writer = QPdfWriter(str(part))
        writer.setResolution(300)
        self.render(writer)
        del writer
        os.replace(part, path)


class JobFactory:
    """A ``make_job`` that counts its calls and keeps the options it was given."""

    def __init__(self, pages: int = 5) -> None:
        self.pages = pages
        self.calls: list[SheetOptions] = []
        self.jobs: list[FakeJob] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, options: SheetOptions) -> PrintJob:
        self.calls.append(options)
        self.threads.append(threading.current_thread())
        job = FakeJob(self.pages, options)
        self.jobs.append(job)
        return job  # type: ignore[return-value]  # a PrintJob by its methods


@pytest.fixture(autouse=True)
def fonts(qapp: QApplication) -> None:
    register_bundled_fonts()


def open_dialog(qtbot: QtBot, make_job: Any, **kwargs: Any) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(make_job, title="签到表", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert wait_for_tasks()
    assert not dialog.is_loading()
    return dialog


def test_the_dialog_shows_the_jobs_pages_and_their_count(qtbot: QtBot) -> None:
    make_job = JobFactory(pages=5)
    dialog = open_dialog(qtbot, make_job)
    assert dialog.page_count() == 5
    assert dialog.current_page() == 1
    assert "5 pages" in dialog.status_text()
    assert dialog.page_of.text() == "of 5"
    assert "织里镇 签到表" in dialog.windowTitle()
    assert dialog.stack.currentWidget() is dialog.preview
    # Laid out on the GUI thread: a job's text layouts must not outlive the thread that made them.
    assert make_job.threads == [threading.main_thread()]
    # The preview printer is A4 at high resolution.
    assert dialog.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert dialog.printer.resolution() >= 300


def test_next_and_last_move_the_current_page(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, JobFactory(pages=4))
    assert not dialog.previous_action.isEnabled()
    dialog.next_action.trigger()
    assert dialog.current_page() == 2
    assert dialog.page_box.value() == 2
    dialog.last_action.trigger()
    assert dialog.current_page() == 4
    assert not dialog.next_action.isEnabled()
    dialog.previous_action.trigger()
    assert dialog.current_page() == 3
    dialog.first_action.trigger()
    assert dialog.current_page() == 1
    dialog.page_box.setValue(3)
    assert dialog.current_page() == 3


def test_the_page_keys_page_through(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, JobFactory(pages=3))
    dialog.activateWindow()
    dialog.preview.setFocus()
    qtbot.keyClick(dialog.preview, Qt.Key.Key_PageDown)
    assert dialog.current_page() == 2
    qtbot.keyClick(dialog.preview, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert dialog.current_page() == 3


def test_zoom_changes_the_zoom_factor(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, JobFactory(pages=2))
    before = dialog.zoom_factor()
    dialog.zoom_in_action.trigger()
    assert dialog.zoom_factor() == pytest.approx(before * 1.25)
    assert not dialog.fit_width_action.isChecked()
    assert dialog.zoom_box.currentText() == f"{before * 125:.0f}%"
    dialog.zoom_out_action.trigger()
    dialog.zoom_out_action.trigger()
    assert dialog.zoom_factor() == pytest.approx(before / 1.25)
    dialog.actual_size_action.trigger()
    assert dialog.zoom_factor() == pytest.approx(1.0)
    assert dialog.zoom_box.currentText() == "100%"
    dialog.fit_page_action.trigger()
    assert dialog.fit_page_action.isChecked()
    fit_page = dialog.zoom_factor()
    dialog.fit_width_action.trigger()
    assert dialog.fit_width_action.isChecked()
    # The dialog is taller than wide relative to A4: fitting the width enlarges the page.
    assert dialog.zoom_factor() != pytest.approx(fit_page)
    # A zoom typed into the box.
    dialog.zoom_box.setEditText("150")
    line = dialog.zoom_box.lineEdit()
    assert line is not None
    line.returnPressed.emit()
    assert dialog.zoom_factor() == pytest.approx(1.5)


def test_save_as_pdf_writes_the_file_where_the_user_chose(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    factory = JobFactory(pages=3)
    dialog = open_dialog(qtbot, factory)
    target = tmp_path / "签到表.pdf"
    offered: list[str] = []

    def choose(_parent: QWidget, _caption: str, directory: str, _filter: str) -> tuple[str, str]:
        offered.append(directory)
        return str(target), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog.save_action.trigger()
    assert wait_for_tasks()
    assert target.read_bytes().startswith(b"%PDF")
    # Written from a job of its own, laid out in the worker with the dialog's options.
    assert factory.threads[-1] is not threading.main_thread()
    assert factory.calls[-1] == SheetOptions(mask=True)
    assert Path(offered[0]).name == "织里镇 签到表.pdf"
    assert dialog.saved_path == target
    assert "签到表.pdf" in dialog.status_text()
    assert "Open folder" in dialog.status_text()
    assert dialog.save_action.isEnabled()
    # The next save starts in the folder used.
    dialog.save_action.trigger()
    assert wait_for_tasks()
    assert Path(offered[1]).parent == tmp_path


def test_save_as_pdf_cancelled_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, JobFactory(pages=1))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    dialog.save_action.trigger()
    assert wait_for_tasks()
    assert dialog.saved_path is None
    assert list(tmp_path.iterdir()) == []


def test_print_renders_the_job_on_the_chosen_printer(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    factory = JobFactory(pages=2)
    dialog = open_dialog(qtbot, factory)
    out = tmp_path / "printed.pdf"

    def accept(print_dialog: QPrintDialog) -> int:
        printer = print_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    job = factory.jobs[-1]
    before = len(job.rendered_on)
    dialog.print_action.trigger()
    assert len(job.rendered_on) == before + 1
    assert job.rendered_on[-1] is dialog.printer
    assert out.read_bytes().startswith(b"%PDF")
    assert "2 pages sent to" in dialog.status_text()


def test_print_cancelled_prints_nothing(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    factory = JobFactory(pages=2)
    dialog = open_dialog(qtbot, factory)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    job = factory.jobs[-1]
    before = len(job.rendered_on)
    dialog.print_action.trigger()
    assert len(job.rendered_on) == before


def test_switching_masking_off_rebuilds_the_job_unmasked(qtbot: QtBot) -> None:
    factory = JobFactory(pages=2)
    dialog = open_dialog(qtbot, factory, allow_unmask=True)
    assert factory.calls == [SheetOptions(mask=True)]
    assert dialog.mask_box.isEnabled() and dialog.mask_box.isChecked()
    dialog.last_action.trigger()
    dialog.mask_box.click()
    assert wait_for_tasks()
    assert factory.calls[-1].mask is False
    assert dialog.current_page() == 2  # still on the page being read
    assert dialog.job is factory.jobs[-1]
    assert "nothing masked" in dialog.status_text()
    assert "do not send it out" in dialog.mask_note.text()
    dialog.mask_box.click()
    assert wait_for_tasks()
    assert factory.calls[-1].mask is True


def test_masking_cannot_be_switched_off_where_not_allowed(qtbot: QtBot) -> None:
    factory = JobFactory(pages=1)
    dialog = open_dialog(qtbot, factory, allow_unmask=False, mask=False)
    assert dialog.mask_box.isChecked()
    assert not dialog.mask_box.isEnabled()
    assert dialog.mask_note.text()  # says why
    assert factory.calls == [SheetOptions(mask=True)]


def test_a_job_that_cannot_be_built_is_reported(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.ui import messages

    shown: list[str] = []
    monkeypatch.setattr(messages, "_dialog_override", lambda box: shown.append(box.text()))

    def fail(_options: SheetOptions) -> PrintJob:
        raise OSError(2, "No such file", "照片.jpg")

    dialog = PrintPreviewDialog(fail, title="签到表")
    qtbot.addWidget(dialog)
    dialog.show()
    assert wait_for_tasks()
    assert len(shown) == 1 and "照片.jpg" in shown[0]
    assert dialog.job is None
    assert not dialog.print_action.isEnabled() and not dialog.save_action.isEnabled()
    assert "could not be prepared" in dialog.status_text()


def test_safe_file_names() -> None:
    assert safe_file_name("织里镇 签到表 MS2024/001") == "织里镇 签到表 MS2024_001"
    assert safe_file_name('a:b*c?"d"<e>|f.') == "a_b_c_d_e_f"
    assert safe_file_name("  ") == "printout"


# --- the print button of a list page and the preview it opens ----------------------------------


class FakePrintouts:
    """services.printouts and documents.sheets.build_job: the "data" of a consultation is its id,
    its job one numbered page; ``asked`` holds what each job was laid out of."""

    FONTS: ClassVar[dict[str, str]] = {"body": "仿宋"}

    def __init__(self) -> None:
        self.read: list[list[int]] = []
        self.asked: list[tuple[SheetKind, list[int], SheetOptions]] = []

    def sheet_data(self, ids: list[int]) -> list[int]:
        self.read.append(list(ids))
        return list(ids)

    def fonts(self) -> dict[str, str]:
        return dict(self.FONTS)

    def build(
        self,
        kind: SheetKind,
        data: list[int],
        options: SheetOptions,
        fonts: dict[str, str] | None = None,
    ) -> PrintJob:
        if options.fonts is None:
            options = dataclasses.replace(options, fonts=dict(fonts or self.FONTS))
        self.asked.append((kind, list(data), options))
        return FakeJob(len(data), options, title=f"{kind.value} {data}")  # type: ignore[return-value]

    def summary(self) -> list[tuple[SheetKind, list[int], bool]]:
        return [(kind, ids, options.mask) for kind, ids, options in self.asked]


def fake_printouts(services: Services, monkeypatch: pytest.MonkeyPatch) -> FakePrintouts:
    fake = FakePrintouts()
    monkeypatch.setattr(services, "printouts", fake)
    return fake


@pytest.fixture
def printouts(services: Services, monkeypatch: pytest.MonkeyPatch) -> FakePrintouts:
    return fake_printouts(services, monkeypatch)


def open_previews(widget: QWidget) -> list[PrintPreviewDialog]:
    return [w for w in widget.findChildren(PrintPreviewDialog) if w.isVisible()]


def test_print_menu_without_a_selection_opens_no_dialog(
    qtbot: QtBot, services: Services, printouts: FakePrintouts
) -> None:
    page = Page(services)
    qtbot.addWidget(page)
    page.show()
    button = printing.add_print_menu(
        page, services, [SheetKind.SIGNIN, SheetKind.RECORD], lambda: []
    )
    button.sheet_actions[SheetKind.RECORD].trigger()
    assert wait_for_tasks()
    assert open_previews(page) == []
    assert printouts.asked == []
    assert "Select one or more consultations" in page.status_text()


def test_print_menu_offers_the_kinds_given_and_prints_the_selection_as_one_job(
    qtbot: QtBot, services: Services, printouts: FakePrintouts
) -> None:
    page = Page(services)
    qtbot.addWidget(page)
    page.show()
    button = printing.add_print_menu(
        page, services, [SheetKind.SIGNIN, SheetKind.RECORD], lambda: [7, 3, 7]
    )
    menu = button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["&Sign-in sheet…", "&Record sheet…"]
    assert button.sheet_actions[SheetKind.SIGNIN].shortcut() == QKeySequence(
        QKeySequence.StandardKey.Print
    )
    assert button.sheet_actions[SheetKind.RECORD].shortcut().isEmpty()
    button.sheet_actions[SheetKind.RECORD].trigger()
    assert wait_for_tasks()
    assert printouts.read == [[7, 3]]
    assert printouts.summary() == [(SheetKind.RECORD, [7, 3], True)]
    assert printouts.asked[0][2].fonts == FakePrintouts.FONTS  # the settings' fonts
    (dialog,) = open_previews(page)
    assert dialog.page_count() == 2
    assert dialog.mask_box.isEnabled()  # a record sheet may stay in the office
    dialog.close()


def test_ctrl_p_prints_the_first_kind(
    qtbot: QtBot, services: Services, printouts: FakePrintouts
) -> None:
    page = Page(services)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    printing.add_print_menu(page, services, [SheetKind.SIGNIN, SheetKind.RECORD], lambda: [5])
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert wait_for_tasks()
    assert [kind for kind, _ids, _options in printouts.asked] == [SheetKind.SIGNIN]
    for dialog in open_previews(page):
        dialog.close()


def test_a_single_kind_button_prints_at_once_and_slips_stay_masked(
    qtbot: QtBot, services: Services, printouts: FakePrintouts
) -> None:
    page = Page(services)
    qtbot.addWidget(page)
    page.show()
    button = printing.add_print_menu(page, services, [SheetKind.SLIP], lambda: [4])
    assert button.menu() is None
    assert button.text() == "&Print assignment slips…"
    button.click()
    assert wait_for_tasks()
    (dialog,) = open_previews(page)
    assert not dialog.mask_box.isEnabled() and dialog.mask_box.isChecked()
    assert "departments" in dialog.mask_note.text()
    assert printouts.asked[-1][2].mask is True
    dialog.close()


def test_preview_opens_nothing_for_no_consultations(
    qtbot: QtBot, services: Services, printouts: FakePrintouts
) -> None:
    page = Page(services)
    qtbot.addWidget(page)
    assert printing.preview(page, services, SheetKind.SIGNIN, [], allow_unmask=True) is None
    assert printouts.asked == []


# --- 问题跟踪: assignment slips of the selected items' consultations -----------------------------


def test_outcomes_page_prints_the_slips_of_the_selected_items_consultations(
    qtbot: QtBot, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = fake_printouts(demo_services, monkeypatch)
    page = OutcomesPage(demo_services)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activate()
    assert wait_for_tasks()
    rows = page.model.rows()
    # Two items of one consultation and one of another.
    by_consultation: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        by_consultation.setdefault(r.consultation_id, []).append(i)
    first = next(c for c, found in by_consultation.items() if len(found) >= 2)
    other = next(c for c in by_consultation if c != first)
    chosen = sorted([*by_consultation[first][:2], by_consultation[other][0]])
    selection = page.table.selectionModel()
    selection.clear()
    for row in chosen:
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    expected = list(dict.fromkeys(rows[i].consultation_id for i in chosen))
    assert len(expected) == 2

    page.print_button.click()
    assert wait_for_tasks()
    assert fake.summary() == [(SheetKind.SLIP, expected, True)]
    (dialog,) = open_previews(page)
    assert dialog.mask_box.isChecked() and not dialog.mask_box.isEnabled()
    dialog.close()

    selection.clear()
    page.print_button.click()
    assert wait_for_tasks()
    assert len(fake.asked) == 1
    assert open_previews(page) == []
    assert "Select one or more consultations" in page.status_text()


# --- a real printout of the demo data ------------------------------------------------------------


def test_the_sign_in_sheet_of_a_demo_consultation_previews_prints_and_saves(
    qtbot: QtBot, demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = demo_services.consultations.search(
        ConsultationFilter(year=2024, kind=ConsultationKind.HALL)
    ).items
    consultation = found[0]
    page = Page(demo_services)
    qtbot.addWidget(page)
    page.show()
    dialog = printing.preview(page, demo_services, SheetKind.SIGNIN, [consultation.id])
    assert dialog is not None
    assert wait_for_tasks()
    job = dialog.job
    assert job is not None
    assert dialog.page_count() == job.page_count() >= 1
    assert consultation.number in job.title
    assert job.title in dialog.windowTitle()
    assert dialog.mask_box.isEnabled()

    target = tmp_path / "out.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "PDF (*.pdf)"))
    )
    dialog.save_action.trigger()
    assert wait_for_tasks()
    assert target.read_bytes().startswith(b"%PDF")
    dialog.close()
