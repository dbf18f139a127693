"""The window over a database opened read-only (a CD, a write-protected USB stick): it says so
in the title and the status bar, and every page opens and loads its lists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.tasks import wait_for_tasks


@pytest.fixture
def read_only_services(demo_db: Path) -> Iterator[Services]:
    db = Database.open(f"sqlite:///{demo_db}", read_only=True)
    yield Services(ServiceContext(db, AttachmentStore.beside_database(demo_db)))
    db.close()


def test_the_window_says_the_database_is_read_only_and_every_page_loads(
    qtbot: QtBot, read_only_services: Services, demo_db: Path
) -> None:
    before = sorted(p.name for p in demo_db.parent.iterdir())
    window = MainWindow(read_only_services, str(demo_db), None, offer_drafts_on_show=False)
    qtbot.addWidget(window)
    window.show()
    wait_for_tasks()
    assert "(read-only)" in window.windowTitle()
    assert "read-only" in window.db_label.text() and str(demo_db) in window.db_label.text()
    for page_id in window.pages:
        window.show_page(page_id)
        wait_for_tasks()
        assert not window.current_page().is_busy()
    window.show_page("hall")
    wait_for_tasks()
    assert "85" in window.page_status.text()
    window.close()
    assert sorted(p.name for p in demo_db.parent.iterdir()) == before


def test_a_writable_database_is_not_called_read_only(qtbot: QtBot, services: Services) -> None:
    window = MainWindow(services, "测试.sqlite", None, offer_drafts_on_show=False)
    qtbot.addWidget(window)
    wait_for_tasks()
    assert "read-only" not in window.windowTitle()
    assert window.db_label.text() == "测试.sqlite"


def test_saving_a_record_shows_why_it_cannot_be_saved_and_keeps_the_typing(
    qtbot: QtBot,
    read_only_services: Services,
    demo_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from liaison_desk.domain.enums import ConsultationKind
    from liaison_desk.ui import messages
    from liaison_desk.ui.consultation_form import ConsultationForm
    from liaison_desk.ui.pages.consultations import ConsultationsPage

    shown: list[str] = []
    monkeypatch.setattr(messages, "_dialog_override", lambda box: shown.append(box.text()))
    monkeypatch.setattr(ConsultationForm, "ask_save_changes", lambda self: None)
    page = ConsultationsPage(read_only_services, ConsultationKind.HALL)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.activate()
    assert wait_for_tasks()
    page.open_record(page.model.rows()[0])
    assert wait_for_tasks()
    form = page.form
    form.facts.venue.setText("改过的地点")
    assert not form.save()
    assert len(shown) == 1
    assert "只读" in shown[0] and "复制" in shown[0]
    assert form.has_unsaved_changes()  # nothing typed is thrown away
    page.discard_unsaved()


def test_a_window_painted_before_its_read_only_database_is_open_says_so_once_it_is(
    qtbot: QtBot, demo_db: Path
) -> None:
    """At start-up the window is painted before the database is opened; once it is open and
    found read-only, the title and the status bar say so, and nothing is written beside it."""
    before = sorted(p.name for p in demo_db.parent.iterdir())

    def open_read_only(_progress: object) -> ServiceContext:
        db = Database.open(f"sqlite:///{demo_db}", read_only=True)
        return ServiceContext(db, AttachmentStore.beside_database(demo_db))

    opening = Services.opening(open_read_only)
    window = MainWindow(opening, str(demo_db), None, offer_drafts_on_show=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: opening.is_open, timeout=20_000)
    assert wait_for_tasks()
    qtbot.waitUntil(lambda: "(read-only)" in window.windowTitle())
    assert "read-only" in window.db_label.text()
    assert window.change_timer.isActive()
    window.close()
    wait_for_tasks()
    opening.ctx.db.close()
    assert sorted(p.name for p in demo_db.parent.iterdir()) == before
