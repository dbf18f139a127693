"""The window and another writer on one database: the lists show what was saved elsewhere
without the user pressing F5, an open form is left as the user typed it, and a form's draft is
only dropped once its save is committed (a failed commit keeps it for the next start)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from helpers import type_into
from liaison_desk.domain.entities import Consultation, LiaisonGroup
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.ui import consultation_form as form_module
from liaison_desk.ui.consultation_form import ConsultationForm
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.tasks import wait_for_tasks


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(MainWindow, "ask_about_unsaved", lambda self, pages: discard)
    monkeypatch.setattr(ConsultationForm, "ask_save_changes", lambda self: discard)


@pytest.fixture
def elsewhere(db_file: Path, group: LiaisonGroup) -> Iterator[Services]:
    """Another program on the same database file (its own connections)."""
    other = Database.open(f"sqlite:///{db_file}")
    yield Services(ServiceContext(other, AttachmentStore.beside_database(db_file)))
    other.close()


def _window(qtbot: QtBot, services: Services) -> tuple[MainWindow, ConsultationsPage]:
    window = MainWindow(services, "测试库")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.show_page("hall")
    assert wait_for_tasks()
    page = window.pages["hall"]
    assert isinstance(page, ConsultationsPage)
    return window, page


def _titles(page: ConsultationsPage) -> list[str]:
    return sorted(
        str(page.model.index(r, page.model.column_index("title")).data())
        for r in range(page.model.rowCount())
    )


def test_a_list_shows_what_was_saved_elsewhere(
    qtbot: QtBot,
    services: Services,
    elsewhere: Services,
    new_consultation: Callable[..., Consultation],
) -> None:
    services.consultations.save(new_consultation(title="加装电梯"))
    window, page = _window(qtbot, services)
    assert window.change_timer.isActive() and window.change_timer.interval() <= 2000
    window.check_for_changes()  # what the window has seen
    assert _titles(page) == ["加装电梯"]

    saved = elsewhere.consultations.save(new_consultation(title="停车难"))
    window.check_for_changes()  # the timer's next tick
    assert wait_for_tasks()
    assert _titles(page) == ["停车难", "加装电梯"]

    # With a form open (and typed into) the page is left alone until the list is shown again.
    [summary] = [r for r in services.consultations.search().items if r.id == saved.id]
    page.open_record(summary)
    assert wait_for_tasks() and page.form_shown()
    type_into(qtbot, page.form.facts.venue, "大河村协商驿站")
    assert page.form.has_unsaved_changes()
    changed = elsewhere.consultations.get(saved.id or 0)
    assert changed is not None
    changed.title = "停车难（续）"
    elsewhere.consultations.save(changed)
    window.check_for_changes()
    assert wait_for_tasks()
    assert page.form_shown() and page.form.facts.title.text() == "停车难"
    assert page.form.facts.venue.text() == "大河村协商驿站"
    assert _titles(page) == ["停车难", "加装电梯"]  # not yet: the form is in front
    page.form.discard_changes()
    page.show_list()
    assert wait_for_tasks()
    assert _titles(page) == ["停车难（续）", "加装电梯"]


def test_a_save_elsewhere_before_the_first_tick_is_shown(
    qtbot: QtBot,
    services: Services,
    elsewhere: Services,
    new_consultation: Callable[..., Consultation],
) -> None:
    """The window knows what the database looked like when it opened: a save elsewhere in the
    two seconds before the timer first ticks is seen at that tick, not only after the next
    change."""
    window, page = _window(qtbot, services)
    assert _titles(page) == []
    elsewhere.consultations.save(new_consultation(title="停车难"))
    window.check_for_changes()  # the first tick
    assert wait_for_tasks()
    assert _titles(page) == ["停车难"]


def test_the_draft_is_kept_until_the_save_is_committed(
    qtbot: QtBot, services: Services, group: LiaisonGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, page = _window(qtbot, services)
    assert page.new_record()
    assert wait_for_tasks()
    form = page.form
    type_into(qtbot, form.facts.title, "背街小巷路灯不亮")
    type_into(qtbot, form.facts.venue, "龙泉街道协商驿站")
    assert form.keep_draft()
    assert len(services.drafts.pending()) == 1

    # The commit fails (the disk went away at that moment): nothing is stored, and the
    # draft is still there to be offered after a restart.
    shown: list[BaseException] = []
    monkeypatch.setattr(form_module, "show_error", lambda _parent, exc: shown.append(exc))

    def failing_commit(self: Session) -> None:
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(Session, "commit", failing_commit)
    assert not form.save()
    monkeypatch.undo()
    assert len(shown) == 1 and "没有完成" in str(shown[0])
    assert services.consultations.search().total == 0
    assert len(services.drafts.pending()) == 1

    assert form.save()
    assert services.consultations.search().total == 1
    assert services.drafts.pending() == []  # dropped only now that the save is committed
