"""Issue 4's acceptance scenario, driven like a user: record the 2024 session
"织里镇童装产业园区停车难协商" with eight participants, three speeches, the checklist, two outcome
items and three photos (one a sideways phone photo), save, close the app, open it again on the
same database, find the session and see everything as entered."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helpers import commit_text, type_into
from liaison_desk.domain.entities import LiaisonGroup, Person
from liaison_desk.domain.enums import AttachmentKind, ConsultationStatus, ParticipantCategory
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.person_picker import PersonPickerDialog
from liaison_desk.ui.tasks import wait_for_tasks

TITLE = "织里镇童装产业园区停车难协商"

ROSTER = [
    ("沈建华", ParticipantCategory.MEMBER, "织里镇童装商会", "会长"),
    ("陆美琴", ParticipantCategory.MEMBER, "湖州童装设计中心", "主任"),
    ("钱卫东", ParticipantCategory.MEMBER, "织里镇中心学校", "校长"),
    ("孙晓峰", ParticipantCategory.TOWN_LEADER, "织里镇人民政府", "副镇长"),
    ("吴国平", ParticipantCategory.DEPARTMENT_HEAD, "吴兴公安分局交警大队", "中队长"),
    ("郑丽华", ParticipantCategory.VILLAGE_CADRE, "织里镇秧宝村", "党支部书记"),
]
INLINE = [("王小明", "童装企业主"), ("李阿姨", "园区附近居民")]
SPEECHES = [
    ("沈建华", "政协委员", "园区上下班高峰车辆无处停放，建议利用闲置地块建临时停车场。"),
    ("王小明", "群众代表", "货车装卸占道严重，希望划定专用装卸时段。"),
    ("吴国平", "交警中队长", "可在园区主干道实行分时段停车管理。"),
]
ITEMS = [
    ("利用闲置地块建设临时停车场", "织里镇城管办", "2024-09-30"),
    ("划定货车装卸专用时段和泊位", "吴兴公安分局交警大队", "2024-08-31"),
]


def jpeg(size: tuple[int, int], colour: tuple[int, int, int], orientation: int | None) -> bytes:
    image = Image.new("RGB", size, colour)
    image.paste((255, 0, 0), (0, 0, size[0] // 2, size[1] // 2))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def type_in_open_cell(qtbot: QtBot, view: QAbstractItemView, text: str) -> None:
    """Type into the cell editor open in ``view``, then Tab to finish it."""
    assert view.state() == QAbstractItemView.State.EditingState
    editors = [
        w
        for w in view.viewport().findChildren(QWidget)
        if isinstance(w, QLineEdit | QPlainTextEdit) and w.isVisible()
    ]
    assert len(editors) == 1
    commit_text(editors[0], text)
    qtbot.keyClick(editors[0], Qt.Key.Key_Tab)


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a test fail with a form still unsaved, closing its window must not wait for an
    answer: Discard unless the test answers itself."""
    from PySide6.QtWidgets import QMessageBox

    from liaison_desk.ui.consultation_form import ConsultationForm
    from liaison_desk.ui.main_window import MainWindow

    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(MainWindow, "ask_about_unsaved", lambda self, pages: discard)
    monkeypatch.setattr(ConsultationForm, "ask_save_changes", lambda self: discard)


@pytest.fixture
def roster(services: Services, group: LiaisonGroup) -> list[Person]:
    return [
        services.people.save(Person(name=n, category=c, group_id=group.id, unit=u, title=t))
        for n, c, u, t in ROSTER
    ]


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "手机照片"
    folder.mkdir()
    files = {
        "IMG_2001.jpg": jpeg((640, 480), (30, 120, 30), None),
        "IMG_2002_竖拍.jpg": jpeg((640, 480), (30, 30, 160), 6),  # sideways on the phone
        "IMG_2003.jpg": jpeg((480, 360), (200, 200, 30), None),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


def test_record_close_reopen_and_find_everything(
    qtbot: QtBot,
    services: Services,
    group: LiaisonGroup,
    roster: list[Person],
    photos: list[Path],
    db_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(services, str(db_file))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert wait_for_tasks()

    # 民生议事堂 (Ctrl+2), then a new record (Ctrl+N).
    window.show_page("hall")
    page = window.pages["hall"]
    assert isinstance(page, ConsultationsPage)
    window.new_action.trigger()
    assert wait_for_tasks()
    form = page.form
    assert page.form_shown()

    facts = form.facts
    type_into(qtbot, facts.title, TITLE)
    type_into(qtbot, facts.held_on.line, "2024-06-18")
    type_into(qtbot, facts.start_time, "14:30")
    type_into(qtbot, facts.end_time, "16:30")
    type_into(qtbot, facts.venue, "织里镇民生议事堂")
    type_into(qtbot, facts.host, "沈建华")
    type_into(qtbot, facts.recorder, "周婷")

    # Eight participants: six picked from the roster, two typed in.
    form.tabs.setCurrentIndex(1)

    def pick_six(dialog: PersonPickerDialog) -> int:
        assert wait_for_tasks()
        selection = dialog.table.selectionModel()
        selection.clearSelection()
        for row in range(dialog.model.rowCount()):
            selection.select(
                dialog.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PersonPickerDialog, "exec", pick_six)
    form.participants.pick_button.click()
    window.activateWindow()  # back from the dialog (the offscreen platform does not do it)
    qtbot.waitUntil(window.isActiveWindow)
    people = form.participants.people
    assert sorted(r["name"] for r in people.rows()) == sorted(r[0] for r in ROSTER)
    picked = [r["name"] for r in people.rows()]
    for name, title in INLINE:
        people.table.setCurrentCell(people.row_count() - 1, 0)
        people.add_button.click()  # a new row, its name cell open for typing
        type_in_open_cell(qtbot, people.table, name)
        row = people.row_count() - 1
        people.set_value(row, "category", ParticipantCategory.RESIDENT)
        people.set_value(row, "title", title)
    form.participants.counts.add_button.click()
    form.participants.counts.set_value(0, "count", 20)
    assert "Expected 8, present 8" in form.participants.totals.text()

    # Three speeches.
    form.tabs.setCurrentIndex(2)
    speeches = form.speeches.table
    for speaker, capacity, content in SPEECHES:
        speeches.table.setCurrentCell(speeches.row_count() - 1, 1)
        speeches.add_button.click()
        type_in_open_cell(qtbot, speeches.table, speaker)
        row = speeches.row_count() - 1
        speeches.set_value(row, "capacity", capacity)
        speeches.table.setCurrentCell(row, 3)
        speeches.table.editItem(speeches.table.item(row, 3))
        type_in_open_cell(qtbot, speeches.table, content)  # a multi-line editor

    form.tabs.setCurrentIndex(3)
    form.texts.consensus.setFocus()
    commit_text(form.texts.consensus, "一、建设临时停车场；二、划定装卸时段；三、分时段停车管理。")

    # The procedure checklist: every step ticked with the space bar.
    form.tabs.setCurrentIndex(0)
    steps = form.checklist.table
    for row in range(steps.row_count()):
        steps.table.setCurrentCell(row, 1)
        qtbot.keyClick(steps.table, Qt.Key.Key_Space)

    # Two outcome items.
    form.tabs.setCurrentIndex(form._tab_of[form.outcomes])
    outcomes = form.outcomes
    for content, body, deadline in ITEMS:
        outcomes.add_button.click()
        commit_text(outcomes.content, content)
        type_into(qtbot, outcomes.body, body)
        type_into(qtbot, outcomes.deadline.line, deadline)

    # Three photos, dropped from the file manager.
    form.tabs.setCurrentIndex(form.photos_tab)
    form.photos.add_files(photos)
    assert wait_for_tasks()
    assert len(form.photos.attachments()) == 3

    window.activateWindow()  # the offscreen platform loses it to the popups created on the way
    qtbot.waitUntil(window.isActiveWindow)
    form.photos.grid.setFocus()
    qtbot.keyClick(form.photos.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not form.has_unsaved_changes()
    number = facts.number.text()
    assert number.startswith("织里-2024-议-")
    assert wait_for_tasks()
    assert window.close()

    # The next day: the app opens on the same database.
    db = Database.open(f"sqlite:///{db_file}")
    try:
        reopened = Services(
            ServiceContext(db, AttachmentStore.beside_database(db_file), clock=services.ctx.clock)
        )
        again = MainWindow(reopened, str(db_file))
        qtbot.addWidget(again)
        again.resize(1400, 900)
        again.show()
        assert wait_for_tasks()
        again.show_page("hall")
        hall = again.pages["hall"]
        assert isinstance(hall, ConsultationsPage)
        type_into(qtbot, hall.search, "停车难")
        qtbot.keyClick(hall.search, Qt.Key.Key_Return)
        assert wait_for_tasks()
        assert [r.title for r in hall.model.rows()] == [TITLE]
        hall.table.setFocus()
        hall.table.selectRow(0)
        qtbot.keyClick(hall.table, Qt.Key.Key_Return)  # Enter opens the form
        assert wait_for_tasks()
        shown = hall.form
        assert hall.form_shown() and not shown.has_unsaved_changes()

        assert shown.facts.number.text() == number
        assert shown.facts.title.text() == TITLE
        assert shown.facts.held_on.date() == date(2024, 6, 18)
        assert (shown.facts.start_time.text(), shown.facts.end_time.text()) == ("14:30", "16:30")
        assert shown.facts.venue.text() == "织里镇民生议事堂"
        assert (shown.facts.host.text(), shown.facts.recorder.text()) == ("沈建华", "周婷")
        assert ConsultationStatus(shown.facts.status.currentData()) is ConsultationStatus.COMPLETED
        rows = shown.participants.people.rows()
        assert [r["name"] for r in rows] == picked + [n for n, _t in INLINE]
        assert [r["title"] for r in rows[-2:]] == [t for _n, t in INLINE]
        assert all(r["attended"] for r in rows)
        assert "Expected 8, present 8 · attendances 28" in shown.participants.totals.text()
        assert [
            (r["speaker"], r["capacity"], r["content"]) for r in shown.speeches.table.rows()
        ] == SPEECHES
        assert shown.texts.consensus.toPlainText().startswith("一、建设临时停车场")
        checklist = shown.checklist.table.rows()
        assert checklist and all(s["done"] and s["done_on"] == "2024-06-18" for s in checklist)
        assert [
            (i.content, i.responsible_body, i.deadline.isoformat() if i.deadline else "")
            for i in shown.outcomes.items()
        ] == ITEMS
        files = shown.photos.attachments()
        assert [a.original_name for a in files] == [p.name for p in photos]
        assert all(a.kind is AttachmentKind.PHOTO for a in files)
        stored = reopened.consultations.get_by_number(number)
        assert stored is not None and len(stored.attachments) == 3
        # The sideways phone photo shows upright (taller than wide).
        sideways = next(a for a in stored.attachments if "竖拍" in a.original_name)
        upright = reopened.attachments.store.display_image(sideways.sha256)
        assert upright.height > upright.width
        assert again.close()
    finally:
        db.close()
