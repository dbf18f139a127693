"""What a first-time user trips over in the consultation form and its dialogs (found by trying
the app in Chinese): the selected suggestion's editor always shows, and writes back to, the
item selected in the table."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import Consultation, LiaisonGroup, OutcomeItem
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.services import Services
from liaison_desk.ui.consultation_form import ConsultationForm
from liaison_desk.ui.tasks import wait_for_tasks


@pytest.fixture
def form(qtbot: QtBot, services: Services) -> Callable[[ConsultationKind], ConsultationForm]:
    def make(kind: ConsultationKind) -> ConsultationForm:
        f = ConsultationForm(services, kind)
        qtbot.addWidget(f)
        f.resize(1400, 900)
        f.show()
        return f

    return make


@pytest.mark.parametrize("kind", [ConsultationKind.HALL, ConsultationKind.MICRO])
def test_the_item_editor_follows_the_record_and_the_rows(
    form: Callable[[ConsultationKind], ConsultationForm],
    services: Services,
    group: LiaisonGroup,
    new_consultation: Callable[..., Consultation],
    kind: ConsultationKind,
) -> None:
    first = services.consultations.save(
        new_consultation(kind=kind, outcome_items=[OutcomeItem(content="对老旧公厕实施提升改造")])
    )
    second = services.consultations.save(
        new_consultation(
            kind=kind,
            title="物业费收缴",
            outcome_items=[
                OutcomeItem(content="引导社区党员带头缴纳物业费"),
                OutcomeItem(content="公开物业费使用明细"),
            ],
        )
    )
    f = form(kind)
    o = f.outcomes
    assert first.id is not None and second.id is not None
    f.open_record(first.id)
    assert wait_for_tasks()
    assert o.content.toPlainText() == "对老旧公厕实施提升改造"

    # Another record with an item in the same (first) row: its item is shown, not the old one.
    f.open_record(second.id)
    assert wait_for_tasks()
    assert o.content.toPlainText() == "引导社区党员带头缴纳物业费"
    o.adopted.setChecked(not o.adopted.isChecked())
    assert [i.content for i in o.items()] == ["引导社区党员带头缴纳物业费", "公开物业费使用明细"]

    # Removing the selected first row: the editor shows the item now in that row.
    o.table.selectRow(0)
    o.remove_selected()
    assert o.content.toPlainText() == "公开物业费使用明细"
    o.on_spot.setChecked(not o.on_spot.isChecked())
    assert [i.content for i in o.items()] == ["公开物业费使用明细"]
    f.discard_changes()


def test_enter_in_the_roster_search_goes_to_the_list_instead_of_adding_nobody(
    qtbot: QtBot, services: Services, group: LiaisonGroup
) -> None:
    from liaison_desk.domain.entities import Person
    from liaison_desk.domain.enums import ParticipantCategory
    from liaison_desk.ui.person_picker import PersonPickerDialog

    for name in ("沈建华", "沈美琴"):
        services.people.save(
            Person(name=name, category=ParticipantCategory.MEMBER, group_id=group.id)
        )
    dialog = PersonPickerDialog(services, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert wait_for_tasks()
    dialog.table.clearSelection()
    dialog.accept()  # Enter with nothing selected
    assert dialog.isVisible()
    assert [p.name for p in dialog.chosen()] == ["沈建华"]
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.result() == PersonPickerDialog.DialogCode.Accepted


@pytest.mark.parametrize("kind", [ConsultationKind.HALL, ConsultationKind.MICRO])
def test_a_new_record_opens_with_the_cursor_in_the_topic(
    qtbot: QtBot, services: Services, group: LiaisonGroup, kind: ConsultationKind
) -> None:
    from liaison_desk.ui.pages.consultations import ConsultationsPage

    page = ConsultationsPage(services, kind)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.activate()
    assert wait_for_tasks()
    page.activateWindow()
    qtbot.waitUntil(lambda: page.isActiveWindow())
    page.table.setFocus()
    assert page.new_record()
    assert wait_for_tasks()
    qtbot.waitUntil(lambda: page.form.facts.title.hasFocus())
    page.form.discard_changes()
