"""A write the shared server refuses (issue 17, item 5): the window shows the Chinese message
in a message box (``ui.messages``), keeps what the user typed and stays usable. The services
raise the real refusal (``LoginScope.refused``, as the unit of work does for a township's
login); the server side is tested on PostgreSQL in tests/storage/test_server_refusals.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from helpers import type_into
from liaison_desk.domain.entities import Consultation, LiaisonGroup, Person
from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.services import Services
from liaison_desk.storage.server_security import LoginScope
from liaison_desk.ui import i18n, messages
from liaison_desk.ui.consultation_form import ConsultationForm
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.pages.people import PeoplePage
from liaison_desk.ui.tasks import wait_for_tasks

REFUSED = "服务器拒绝了这次修改：本账号（织里镇联络组）只能修改本联络组的记录"


def _refusal(*_args: Any, **_kwargs: Any) -> None:
    raise LoginScope(((1, "织里镇联络组"),)).refused()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every message box shown (its title and text), answered with its accept button."""
    i18n.install_language("zh_CN")
    shown: list[str] = []

    def accept(box: QMessageBox) -> None:
        shown.append(f"{box.windowTitle()}\n{box.text()}")
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
                button.click()
                return

    monkeypatch.setattr(messages, "_dialog_override", accept)
    yield shown


def test_a_refused_save_shows_the_message_and_keeps_the_input(
    qtbot: QtBot,
    services: Services,
    group: LiaisonGroup,
    new_consultation: Callable[..., Consultation],
    boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = services.consultations.save(new_consultation(title="织里镇停车难"))
    assert saved.id is not None
    page = ConsultationsPage(services, saved.kind)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.activate()
    assert wait_for_tasks()
    page.open_record_form(saved.id)
    assert wait_for_tasks()
    form: ConsultationForm = page.form
    form.facts.title.clear()
    type_into(qtbot, form.facts.title, "织里镇停车难（改）")
    real_save = services.consultations.save
    monkeypatch.setattr(services.consultations, "save", _refusal)

    assert form.save() is False
    assert len(boxes) == 1 and REFUSED in boxes[0], boxes
    assert "请用区政协办公室的账号修改" in boxes[0]
    # Nothing typed is lost; the form still says it has unsaved changes.
    assert form.facts.title.text() == "织里镇停车难（改）"
    assert form.has_unsaved_changes()
    assert services.consultations.get(saved.id).title == "织里镇停车难"  # type: ignore[union-attr]
    # The window goes on: once the save is allowed (the office's login), it saves.
    monkeypatch.setattr(services.consultations, "save", real_save)
    assert form.save() is True
    assert services.consultations.get(saved.id).title == "织里镇停车难（改）"  # type: ignore[union-attr]
    assert len(boxes) == 1


def test_a_refused_delete_from_a_list_shows_the_message_and_keeps_the_row(
    qtbot: QtBot,
    services: Services,
    group: LiaisonGroup,
    boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person = services.people.save(
        Person(name="姚八里", category=ParticipantCategory.RESIDENT, group_id=group.id)
    )
    page = PeoplePage(services)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.activate()
    assert wait_for_tasks()
    row = next(i for i, p in enumerate(page.model.rows()) if p.id == person.id)
    page.table.setFocus()
    rect = page.table.visualRect(page.model.index(row, 0))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wait_for_tasks()
    monkeypatch.setattr(services.recycle_bin, "delete", _refusal)

    page.delete_selected()  # the question is answered "move to recycle bin"
    assert wait_for_tasks()
    assert len(boxes) == 2, boxes
    assert REFUSED in boxes[1] and "什么都没有改动" in boxes[1]
    assert person.id in {p.id for p in page.model.rows()}
    assert services.people.get(person.id) is not None  # type: ignore[arg-type]
    # The list goes on working.
    page.reload()
    assert wait_for_tasks()
    assert person.id in {p.id for p in page.model.rows()}
