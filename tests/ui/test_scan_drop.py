"""Dropping a folder of signed-sheet scans on 民生议事堂 attaches each to its consultation off the
GUI thread, shows what came of every file, and reloads the list; Cancel keeps what was done."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
import segno
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import AttachmentKind, ConsultationKind, ConsultationStatus
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.services import Services
from liaison_desk.services.scans import NOT_AN_IMAGE, ScanReport, ScanService
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.signed_sheets import ScanReportDialog
from liaison_desk.ui.tasks import wait_for_tasks


def sheet_jpeg(number: str) -> bytes:
    """A plain scan: a white A4 page at 150 dpi with the number's QR code in the top margin."""
    buf = io.BytesIO()
    segno.make_qr(number, error="m", encoding="utf-8").save(buf, kind="png", scale=4, border=4)
    buf.seek(0)
    page = Image.new("L", (1240, 1754), 250)
    page.paste(Image.open(buf).convert("L"), (1240 - 150 - 140, 40))
    out = io.BytesIO()
    page.save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture
def two(demo_services: Services) -> tuple[tuple[int, str], tuple[int, str]]:
    rows = sorted(
        (
            r
            for r in demo_services.consultations.search(
                ConsultationFilter(year=2024, kind=ConsultationKind.HALL)
            ).items
            if r.status is not ConsultationStatus.ARCHIVED
        ),
        key=lambda r: r.number,
    )
    return (rows[0].id, rows[0].number), (rows[1].id, rows[1].number)


@pytest.fixture
def folder(tmp_path: Path, two: tuple[tuple[int, str], ...]) -> Path:
    (_, a), (_, b) = two
    scans = tmp_path / "签到表扫描"
    scans.mkdir()
    (scans / "1.jpg").write_bytes(sheet_jpeg(a))
    (scans / "2.jpg").write_bytes(sheet_jpeg(b))
    (scans / "3.txt").write_text("备注", encoding="utf-8")
    return scans


@pytest.fixture
def page(qtbot: QtBot, demo_services: Services) -> ConsultationsPage:
    p = ConsultationsPage(demo_services, ConsultationKind.HALL)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.activate()
    assert wait_for_tasks()
    return p


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[ScanReport, str]]:
    """The report dialogs shown (their report and text), closed at once instead of waiting."""
    shown: list[tuple[ScanReport, str]] = []

    def exec_(self: ScanReportDialog) -> int:
        shown.append((self.report, self.report_text()))
        return 0

    monkeypatch.setattr(ScanReportDialog, "exec", exec_)
    return shown


def mime_of(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(page: ConsultationsPage, mime: QMimeData) -> QDropEvent:
    """Drop ``mime`` on the page as a file manager does with Shift held (proposing a move); the
    caller keeps ``mime`` alive as long as the event (the event does not own it)."""
    event = QDropEvent(
        QPointF(300, 300),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
    )
    page.dropEvent(event)
    return event


def sheets_of(services: Services, consultation_id: int) -> list[str]:
    c = services.consultations.get(consultation_id)
    assert c is not None
    return [a.original_name for a in c.attachments if a.kind is AttachmentKind.SIGNIN_SCAN]


def test_a_dropped_folder_is_matched_reported_and_the_list_reloaded(
    page: ConsultationsPage,
    demo_services: Services,
    folder: Path,
    two: tuple[tuple[int, str], ...],
    reports: list[tuple[ScanReport, str]],
) -> None:
    (a_id, a), (b_id, b) = two
    changed: list[bool] = []
    page.data_changed.connect(lambda: changed.append(True))

    mime = mime_of(folder)
    event = drop(page, mime)
    assert event.isAccepted()
    assert event.proposedAction() == Qt.DropAction.MoveAction
    assert event.dropAction() == Qt.DropAction.CopyAction  # the scans stay in their folder
    assert wait_for_tasks()

    assert len(reports) == 1
    report, text = reports[0]
    assert report.attached == [("1.jpg", a), ("2.jpg", b)]
    assert report.unmatched == [("3.txt", NOT_AN_IMAGE)]
    assert f"1.jpg\t{a}" in text and f"3.txt\t{NOT_AN_IMAGE}" in text
    assert sheets_of(demo_services, a_id) == ["1.jpg"]
    assert sheets_of(demo_services, b_id) == ["2.jpg"]
    # Reloaded: other pages are told, and the first record that got a sheet shows it.
    assert changed == [True]
    current = page.current_record()
    assert current is not None and current.id == a_id
    assert "1.jpg" in page.detail.text.toPlainText()


def test_dropped_image_files_are_matched_one_by_one(
    page: ConsultationsPage,
    demo_services: Services,
    folder: Path,
    two: tuple[tuple[int, str], ...],
    reports: list[tuple[ScanReport, str]],
) -> None:
    (_, a), (b_id, _) = two
    mime = mime_of(folder / "1.jpg")
    drop(page, mime)
    assert wait_for_tasks()
    assert reports[0][0].attached == [("1.jpg", a)]
    assert sheets_of(demo_services, b_id) == []


def test_the_report_dialog_lists_both_and_copies_them(
    qtbot: QtBot, two: tuple[tuple[int, str], ...]
) -> None:
    (_, a), _ = two
    report = ScanReport(
        attached=[("1.jpg", a)], unmatched=[("2.jpg", "未找到二维码")], consultation_ids=[1]
    )
    dialog = ScanReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.attached_list.topLevelItemCount() == 1
    assert dialog.attached_list.topLevelItem(0).text(1) == a
    assert dialog.unmatched_list.topLevelItem(0).text(1) == "未找到二维码"
    dialog.copy_button.click()
    clipboard = QApplication.clipboard().text()
    assert f"1.jpg\t{a}" in clipboard and "2.jpg\t未找到二维码" in clipboard


def test_drag_enter_takes_files_as_a_copy_and_refuses_text(page: ConsultationsPage) -> None:
    def enter(mime: QMimeData) -> QDragEnterEvent:
        event = QDragEnterEvent(
            page.rect().center(),
            Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        page.dragEnterEvent(event)
        return event

    files = enter(mime_of(Path("/tmp/scans")))
    assert files.isAccepted() and files.dropAction() == Qt.DropAction.CopyAction
    text = QMimeData()
    text.setText("织里-2024-议-001")
    assert not enter(text).isAccepted()
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/scan.jpg")])
    assert not enter(web).isAccepted()
    assert page.acceptDrops()


def test_the_button_chooses_a_folder(
    page: ConsultationsPage,
    demo_services: Services,
    folder: Path,
    two: tuple[tuple[int, str], ...],
    reports: list[tuple[ScanReport, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (a_id, _), _ = two
    asked: list[str] = []

    def choose(parent: object, caption: str, *args: object) -> str:
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    assert page.attach_sheets_action in page.table.actions()  # also in the context menu
    page.attach_sheets_button.click()
    assert wait_for_tasks()
    assert asked and len(reports) == 1
    assert sheets_of(demo_services, a_id) == ["1.jpg"]


def test_cancel_stops_after_the_sheet_being_read_and_reports_what_was_attached(
    page: ConsultationsPage,
    demo_services: Services,
    folder: Path,
    two: tuple[tuple[int, str], ...],
    reports: list[tuple[ScanReport, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (a_id, a), (b_id, _) = two
    original = ScanService.match_files

    def match_files(
        self: ScanService, files: list[Path], progress: Callable[[int, int], bool]
    ) -> ScanReport:
        def pressing_cancel(done: int, total: int) -> bool:
            if done == 1:  # Cancel pressed while the first sheet was read
                assert page._sheets_task is not None
                page._sheets_task.cancel()
            return progress(done, total)

        return original(self, files, pressing_cancel)

    monkeypatch.setattr(ScanService, "match_files", match_files)
    mime = mime_of(folder)
    drop(page, mime)
    assert wait_for_tasks()

    assert len(reports) == 1
    report, text = reports[0]
    assert report.cancelled and report.attached == [("1.jpg", a)]
    assert "Stopped" in text
    assert sheets_of(demo_services, a_id) == ["1.jpg"]
    assert sheets_of(demo_services, b_id) == []


def test_one_signed_sheet_for_the_selected_record_asks_when_it_shows_another_number(
    qtbot: QtBot,
    demo_services: Services,
    tmp_path: Path,
    two: tuple[tuple[int, str], tuple[int, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from liaison_desk.ui.pages import consultations as page_module

    (a_id, a_number), (b_id, b_number) = two
    page = ConsultationsPage(demo_services, ConsultationKind.HALL)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    wait_for_tasks()
    row = next(i for i, r in enumerate(page.model.rows()) if r.id == a_id)
    page.table.selectRow(row)
    wait_for_tasks()

    def scans_of(consultation_id: int) -> int:
        record = demo_services.consultations.get(consultation_id)
        assert record is not None
        return sum(a.kind is AttachmentKind.SIGNIN_SCAN for a in record.attachments)

    own, other = tmp_path / "own.jpg", tmp_path / "other.jpg"
    own.write_bytes(sheet_jpeg(a_number))
    other.write_bytes(sheet_jpeg(b_number))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(own), ""))
    page.choose_signed_sheet()
    wait_for_tasks()
    assert scans_of(a_id) == 1

    answers = [False, True]
    asked: list[str] = []

    def answer(parent: object, title: str, text: str, ok: str | None = None) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(page_module, "confirm", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    page.table.selectRow(next(i for i, r in enumerate(page.model.rows()) if r.id == a_id))
    page.choose_signed_sheet()
    wait_for_tasks()
    assert b_number in asked[0] and scans_of(a_id) == 1  # "no": nothing attached
    page.choose_signed_sheet()
    wait_for_tasks()
    wait_for_tasks()
    assert scans_of(a_id) == 2 and scans_of(b_id) == 0  # "attach anyway"
