"""The 照片与附件 tab: photos are added by the file dialog, by dropping files and by pasting;
a sideways phone photo shows upright in its tile and in the viewer; captions, order, cover and
kind come back from ``attachments()`` and survive saving the record; removed files land in the
recycle bin; a damaged photo is refused with a Chinese message; an archived record is
read-only."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDropEvent,
    QGuiApplication,
    QImage,
    QInputMethodEvent,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import Consultation
from liaison_desk.domain.enums import AttachmentKind
from liaison_desk.services import Services
from liaison_desk.ui import attachment_panel as panel_module
from liaison_desk.ui.attachment_grid import ROWS_MIME, TileState
from liaison_desk.ui.attachment_panel import AttachmentPanel
from liaison_desk.ui.tasks import wait_for_tasks

NewConsultation = Callable[..., Consultation]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def photo_bytes(
    size: tuple[int, int], color: tuple[int, int, int], orientation: int | None = None
) -> bytes:
    """A JPEG whose top-left quarter (as stored) is red, so rotation can be checked."""
    im = Image.new("RGB", size, color)
    im.paste((255, 0, 0), (0, 0, size[0] // 2, size[1] // 2))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=92, exif=exif)
    return buf.getvalue()


@pytest.fixture
def three_photos(tmp_path: Path) -> list[Path]:
    """Two ordinary photos and a phone photo stored sideways: 640×480 pixels with Orientation 6
    ("turn 90° clockwise to view"), which must show 480 wide and 640 tall."""
    folder = tmp_path / "现场照片"
    folder.mkdir()
    files = {
        "IMG_0001.jpg": photo_bytes((640, 480), (20, 120, 20)),
        "IMG_0002_手机竖拍.jpg": photo_bytes((640, 480), (20, 20, 160), orientation=6),
        "IMG_0003.jpg": photo_bytes((480, 360), (200, 200, 20)),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


@pytest.fixture
def panel(qtbot: QtBot, services: Services) -> AttachmentPanel:
    p = AttachmentPanel(services)
    qtbot.addWidget(p)
    p.resize(900, 600)
    p.show()
    return p


@pytest.fixture
def saved(services: Services, new_consultation: NewConsultation) -> Consultation:
    return services.consultations.save(new_consultation(title="织里镇童装产业园区停车难协商"))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(panel_module, "show_error", lambda _parent, exc: shown.append(exc))
    return shown


def add(panel: AttachmentPanel, paths: list[Path]) -> None:
    panel.add_files(paths)
    assert wait_for_tasks()


def names(panel: AttachmentPanel) -> list[str]:
    return [a.original_name for a in panel.attachments()]


def focus_grid(qtbot: QtBot, panel: AttachmentPanel) -> None:
    panel.activateWindow()
    panel.grid.setFocus()
    qtbot.waitUntil(panel.grid.hasFocus)


def type_chinese(widget: QWidget, text: str) -> None:
    """Text committed by an input method, as a Chinese IME does (QTest types ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def is_red(colour: QColor) -> bool:
    return colour.red() > 200 and colour.green() < 60 and colour.blue() < 60


# --- adding and showing ---------------------------------------------------------------------------


def test_three_photos_one_sideways_show_upright(
    qtbot: QtBot, panel: AttachmentPanel, saved: Consultation, three_photos: list[Path]
) -> None:
    panel.set_record(saved, read_only=False)
    with qtbot.waitSignal(panel.changed):
        add(panel, three_photos)

    assert names(panel) == [p.name for p in three_photos]
    tiles = panel.model.tiles
    assert [t.state for t in tiles] == [TileState.IMAGE] * 3
    sideways = tiles[1].thumbnail
    assert sideways is not None and sideways.width() < sideways.height()
    # Turned clockwise: the stored top-left corner is now at the top right.
    assert is_red(sideways.pixelColor(sideways.width() - 5, 5))
    assert not is_red(sideways.pixelColor(5, 5))
    assert [a.is_cover for a in panel.attachments()] == [True, False, False]
    assert all(a.id is None for a in panel.attachments())  # joins the record on save

    viewer = panel.open_row(1)
    assert viewer is not None
    assert wait_for_tasks()
    image = viewer.image()
    assert (image.width(), image.height()) == (480, 640)
    assert is_red(image.pixelColor(image.width() - 5, 5))
    assert viewer.picture.pixmap().height() > viewer.picture.pixmap().width()
    assert viewer.zoom <= 1.0  # fitted into the window, never enlarged

    viewer.actual_size()
    assert viewer.zoom == 1.0
    viewer.zoom_in()
    assert viewer.zoom > 1.0
    viewer.fit_to_window()
    assert viewer.zoom <= 1.0

    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 2
    assert wait_for_tasks()
    assert (viewer.image().width(), viewer.image().height()) == (480, 360)
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.index == 0
    assert wait_for_tasks()
    assert "IMG_0001.jpg" in viewer.caption.text()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    qtbot.waitUntil(lambda: panel.viewer is None)  # deleted on close


def test_add_uses_the_file_dialog_for_several_files(
    monkeypatch: pytest.MonkeyPatch, panel: AttachmentPanel, three_photos: list[Path]
) -> None:
    panel.set_attachments([], "consultation", None, read_only=False)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *_args, **_kw: ([str(p) for p in three_photos], ""),
    )
    panel.add_action.trigger()
    assert wait_for_tasks()
    assert names(panel) == [p.name for p in three_photos]


def test_a_pdf_shows_as_a_document_and_opens_in_its_program(
    monkeypatch: pytest.MonkeyPatch, panel: AttachmentPanel, tmp_path: Path
) -> None:
    letter = tmp_path / "关于停车难问题的答复.pdf"
    letter.write_bytes(PDF)
    panel.set_attachments([], read_only=False)
    add(panel, [letter])
    (tile,) = panel.model.tiles
    assert tile.state == TileState.FILE
    assert tile.attachment.kind is AttachmentKind.OTHER
    assert not tile.attachment.is_cover  # a cover is a photo

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert panel.open_row(0) is None
    assert wait_for_tasks()
    (url,) = opened
    copy = Path(url.toLocalFile())
    assert copy.name == letter.name and copy.read_bytes() == PDF


def test_paste_of_an_image_from_the_clipboard(panel: AttachmentPanel) -> None:
    panel.set_attachments([], read_only=False)
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 90, 200))
    QGuiApplication.clipboard().setImage(image)
    panel.paste()
    assert wait_for_tasks()
    (att,) = panel.attachments()
    assert att.kind is AttachmentKind.PHOTO and att.media_type == "image/png"
    assert att.original_name.startswith("Pasted image") and att.original_name.endswith(".png")
    thumb = panel.model.tiles[0].thumbnail
    assert thumb is not None and (thumb.width(), thumb.height()) == (120, 80)


def test_ctrl_v_on_the_grid_pastes_copied_files(
    qtbot: QtBot, panel: AttachmentPanel, three_photos: list[Path]
) -> None:
    panel.set_attachments([], read_only=False)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in three_photos[:2]])
    QGuiApplication.clipboard().setMimeData(mime)
    focus_grid(qtbot, panel)
    qtbot.keyClick(panel.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert wait_for_tasks()
    assert names(panel) == [p.name for p in three_photos[:2]]


def drop_event(panel: AttachmentPanel, mime: QMimeData, pos: QPointF) -> QDropEvent:
    return QDropEvent(
        pos,
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_dropping_files_from_the_file_manager_adds_them(
    panel: AttachmentPanel, three_photos: list[Path]
) -> None:
    panel.set_attachments([], read_only=False)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in three_photos])
    event = drop_event(panel, mime, QPointF(50, 50))
    panel.grid.dropEvent(event)
    # Always a copy: the file manager must not delete what was dropped.
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert wait_for_tasks()
    assert names(panel) == [p.name for p in three_photos]


def test_a_damaged_photo_is_refused_in_chinese_and_nothing_is_added(
    qtbot: QtBot,
    panel: AttachmentPanel,
    services: Services,
    tmp_path: Path,
    three_photos: list[Path],
    errors: list[BaseException],
) -> None:
    broken = tmp_path / "坏照片.jpg"
    broken.write_bytes(three_photos[0].read_bytes()[:1500])
    panel.set_attachments([], read_only=False)
    changes: list[None] = []
    panel.changed.connect(lambda: changes.append(None))
    add(panel, [broken])

    assert panel.attachments() == [] and changes == []
    (error,) = errors
    assert "坏照片.jpg" in str(error) and "已损坏" in str(error)
    assert services.attachments.store.all_hashes() == set()

    # With good files alongside, the good ones are added and the bad one is reported.
    add(panel, [three_photos[0], broken])
    assert names(panel) == [three_photos[0].name]
    assert len(errors) == 2 and "坏照片.jpg" in str(errors[1])


# --- editing -------------------------------------------------------------------------------------


def test_caption_order_cover_and_kind_come_back_and_survive_saving(
    qtbot: QtBot,
    panel: AttachmentPanel,
    services: Services,
    saved: Consultation,
    three_photos: list[Path],
    tmp_path: Path,
) -> None:
    scan = tmp_path / "签到表.pdf"
    scan.write_bytes(PDF)
    panel.set_record(saved)
    add(panel, [*three_photos, scan])
    changes: list[None] = []
    panel.changed.connect(lambda: changes.append(None))

    # Caption of the second photo, typed in the field under the grid.
    panel.select_row(1)
    type_chinese(panel.caption_edit, "委员现场查看停车情况")
    # The third photo becomes the cover, then moves to the front with Ctrl+Left twice.
    panel.select_row(2)
    panel.cover_action.trigger()
    focus_grid(qtbot, panel)
    qtbot.keyClick(panel.grid, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.grid, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    # The PDF is the signed sign-in sheet; its caption edited in place (F2 → the model).
    panel.select_row(3)
    panel.kind_actions[AttachmentKind.SIGNIN_SCAN].trigger()
    panel.model.setData(panel.model.index(3), "签到表（已签字）")
    assert len(changes) >= 5

    expected_names = ["IMG_0003.jpg", "IMG_0001.jpg", "IMG_0002_手机竖拍.jpg", "签到表.pdf"]
    edited = panel.attachments()
    assert [a.original_name for a in edited] == expected_names
    assert [a.position for a in edited] == [0, 1, 2, 3]
    assert [a.caption for a in edited] == ["", "", "委员现场查看停车情况", "签到表（已签字）"]
    assert [a.is_cover for a in edited] == [True, False, False, False]
    kinds = [AttachmentKind.PHOTO] * 3 + [AttachmentKind.SIGNIN_SCAN]
    assert [a.kind for a in edited] == kinds

    saved.attachments = edited
    result = services.consultations.save(saved)
    reloaded = services.consultations.get(result.id)
    assert reloaded is not None
    loaded = reloaded.attachments
    assert [a.original_name for a in loaded] == expected_names
    assert [a.caption for a in loaded] == [a.caption for a in edited]
    assert [a.is_cover for a in loaded] == [True, False, False, False]
    assert [a.kind for a in loaded] == kinds

    # Shown again after saving (in the saved order), with no change reported.
    changes.clear()
    panel.set_record(result)
    assert names(panel) == expected_names
    assert wait_for_tasks()
    assert changes == []


def test_dragging_a_tile_moves_it(panel: AttachmentPanel, three_photos: list[Path]) -> None:
    panel.set_attachments([], read_only=False)
    add(panel, three_photos)
    panel.grid.doItemsLayout()
    last = panel.grid.visualRect(panel.model.index(2))
    mime = QMimeData()
    mime.setData(ROWS_MIME, b"0")
    # Dropped on the right half of the last tile: the first one goes to the end.
    panel.grid.dropEvent(drop_event(panel, mime, QPointF(last.right() - 3, last.center().y())))
    assert names(panel) == [three_photos[1].name, three_photos[2].name, three_photos[0].name]


def test_removed_files_go_to_the_recycle_bin_and_can_be_restored(
    qtbot: QtBot,
    panel: AttachmentPanel,
    services: Services,
    saved: Consultation,
    three_photos: list[Path],
) -> None:
    panel.set_record(saved)
    add(panel, three_photos)
    saved.attachments = panel.attachments()
    record = services.consultations.save(saved)
    panel.set_record(record)
    assert wait_for_tasks()

    panel.select_row(0)  # the cover
    focus_grid(qtbot, panel)
    qtbot.keyClick(panel.grid, Qt.Key.Key_Delete)
    assert names(panel) == [three_photos[1].name, three_photos[2].name]
    assert panel.attachments()[0].is_cover  # the next photo is the cover now
    assert panel.note.isVisible() and "recycle bin" in panel.note.text()
    assert [a.original_name for a in panel.removed()] == [three_photos[0].name]
    assert services.recycle_bin.entries() == []  # nothing happens before saving

    record.attachments = panel.attachments()
    record = services.consultations.save(record)
    (entry,) = services.recycle_bin.entries()
    assert (entry.entity_type, entry.title) == ("attachment", three_photos[0].name)
    services.recycle_bin.restore("attachment", entry.id)
    reloaded = services.consultations.get(record.id)
    assert reloaded is not None
    assert sorted(a.original_name for a in reloaded.attachments) == sorted(
        p.name for p in three_photos
    )


def test_an_archived_record_can_be_looked_at_not_changed(
    qtbot: QtBot,
    panel: AttachmentPanel,
    services: Services,
    saved: Consultation,
    three_photos: list[Path],
) -> None:
    panel.set_record(saved)
    add(panel, three_photos[:2])
    saved.attachments = panel.attachments()
    record = services.consultations.save(saved)
    archived = services.consultations.archive(record.id)

    panel.set_record(archived)  # read-only because archived
    assert panel.read_only
    assert wait_for_tasks()
    before = panel.attachments()
    changes: list[None] = []
    panel.changed.connect(lambda: changes.append(None))
    panel.select_row(1)
    for action in (
        panel.add_action,
        panel.paste_action,
        panel.remove_action,
        panel.move_left_action,
        panel.cover_action,
        panel.rename_action,
        panel.kind_menu.menuAction(),
    ):
        assert not action.isEnabled(), action.text()
    assert panel.caption_edit.isReadOnly()
    assert not panel.model.flags(panel.model.index(0)) & Qt.ItemFlag.ItemIsEditable
    assert not panel.model.setData(panel.model.index(0), "改")

    # Even called directly, nothing changes.
    panel.remove_selected()
    panel.move_current(-1)
    panel.set_cover()
    panel.set_kind(AttachmentKind.REPLY_LETTER)
    panel.add_files(three_photos[2:])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(three_photos[2]))])
    event = drop_event(panel, mime, QPointF(40, 40))
    panel.grid.dropEvent(event)
    assert not event.isAccepted()
    assert wait_for_tasks()
    assert panel.attachments() == before and changes == []

    assert panel.open_action.isEnabled()  # looking still works: Enter opens the viewer
    focus_grid(qtbot, panel)
    qtbot.keyClick(panel.grid, Qt.Key.Key_Return)
    viewer = panel.viewer
    assert viewer is not None and viewer.index == 1 and wait_for_tasks()
    assert viewer.image().height() > viewer.image().width()
    viewer.close()


def test_a_missing_file_shows_as_such(
    panel: AttachmentPanel, services: Services, saved: Consultation, three_photos: list[Path]
) -> None:
    panel.set_record(saved)
    add(panel, three_photos[:1])
    saved.attachments = panel.attachments()
    record = services.consultations.save(saved)
    services.attachments.store.path_of(record.attachments[0].sha256).unlink()

    panel.set_record(record)
    assert wait_for_tasks()
    (tile,) = panel.model.tiles
    assert tile.state == TileState.MISSING
    tip = panel.model.data(panel.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert services.attachments.store.root.name in str(tip)
    viewer = panel.open_row(0)
    assert viewer is not None and wait_for_tasks()
    assert viewer.image().isNull() and "附件文件缺失" in viewer.picture.text()
    viewer.close()


def test_the_demo_records_photos_load(qtbot: QtBot, demo_services: Services) -> None:
    """The demo's photos (some stored sideways, like phone photos) all show, upright."""
    panel = AttachmentPanel(demo_services)
    qtbot.addWidget(panel)
    rows = demo_services.consultations.search().items
    shown = 0
    for row in rows[:40]:
        record = demo_services.consultations.get(row.id)
        assert record is not None
        if not record.attachments:
            continue
        panel.set_record(record)
        assert wait_for_tasks()
        assert {t.state for t in panel.model.tiles} == {TileState.IMAGE}
        for tile in panel.model.tiles:
            assert tile.thumbnail is not None
            assert tile.thumbnail.width() > tile.thumbnail.height()  # the demo draws them wide
        assert sum(a.is_cover for a in panel.attachments()) == 1
        shown += 1
    assert shown > 0
