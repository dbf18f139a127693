"""The roster page (人员名册): it lists the people on the roster, its filters narrow the list,
and people are added, changed and moved to the recycle bin through it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import LiaisonGroup, Person
from liaison_desk.domain.enums import CppccLevel, ParticipantCategory
from liaison_desk.domain.queries import PersonFilter
from liaison_desk.services import Services
from liaison_desk.ui import messages
from liaison_desk.ui import person_dialog as dialog_module
from liaison_desk.ui.pages import people as page_module
from liaison_desk.ui.pages.people import PeoplePage
from liaison_desk.ui.person_dialog import PersonDialog
from liaison_desk.ui.tasks import wait_for_tasks


class Answers:
    """Stands in for the message boxes: records what was asked and answers as told."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.questions: list[str] = []
        self.errors: list[BaseException] = []
        self.notices: list[str] = []

    def confirm(self, _parent: object, _title: str, text: str, _ok: str | None = None) -> bool:
        self.questions.append(text)
        return self.confirm_answer

    def show_error(self, _parent: object, exc: BaseException, _title: str | None = None) -> None:
        self.errors.append(exc)

    def inform(self, _parent: object, _title: str, text: str) -> None:
        self.notices.append(text)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Answers]:
    given = Answers()
    for module in (page_module, dialog_module):
        monkeypatch.setattr(module, "confirm", given.confirm)
        monkeypatch.setattr(module, "show_error", given.show_error)
    monkeypatch.setattr(page_module, "inform", given.inform)
    unexpected: list[str] = []

    def no_other_boxes(box: QMessageBox) -> None:  # closed as with Escape
        unexpected.append(box.text())

    monkeypatch.setattr(messages, "_dialog_override", no_other_boxes)
    yield given
    assert unexpected == []


@pytest.fixture
def open_page(shown_page: Callable[..., Any], answers: Answers) -> Callable[[Services], PeoplePage]:
    return lambda services: shown_page(PeoplePage, services)


def shown(page: PeoplePage) -> list[Person]:
    return page.model.rows()


def cell(page: PeoplePage, row: int, key: str) -> str:
    return page.model.index(row, page.model.column_index(key)).data()


def row_of(page: PeoplePage, person_id: int | None) -> int:
    for i, p in enumerate(shown(page)):
        if p.id == person_id:
            return i
    raise AssertionError(f"person {person_id} is not listed")


def select(page: PeoplePage, *person_ids: int | None) -> None:
    """Click the first person's row, Ctrl+click the others."""
    page.table.setFocus()
    for n, person_id in enumerate(person_ids):
        rect = page.table.visualRect(page.model.index(row_of(page, person_id), 0))
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert wait_for_tasks()
    assert {p.id for p in page.selected_records()} == set(person_ids)


def type_text(edit: QLineEdit, text: str) -> None:
    """Type ``text`` as an input method commits it (QTest's key clicks are ASCII only)."""
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def choose(combo: object, data: object) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    assert wait_for_tasks()


def drive_dialog(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[PersonDialog], None]
) -> list[PersonDialog]:
    """Replace the dialog's exec: ``fill`` sets the widgets, then OK is clicked."""
    opened: list[PersonDialog] = []

    def exec_(dialog: PersonDialog) -> int:
        opened.append(dialog)
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(PersonDialog, "exec", exec_)
    return opened


def ok(dialog: PersonDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# --- the list -------------------------------------------------------------------------------------


def test_lists_the_whole_demo_roster(
    open_page: Callable[[Services], PeoplePage], demo_services: Services
) -> None:
    page = open_page(demo_services)
    total = demo_services.people.search().total
    assert total > 100
    assert page.model.total_rows() == total
    assert str(total) in page.status_text()
    groups = {g.id: g.name for g in demo_services.groups.all()}
    for row, person in enumerate(shown(page)[:50]):
        assert cell(page, row, "name") == person.name
        assert cell(page, row, "group") == groups.get(person.group_id, "")
        assert cell(page, row, "phone") == person.phone  # in full inside the app
    # The group filter offers every group once the list has loaded.
    offered = {page.group_combo.itemData(i) for i in range(1, page.group_combo.count())}
    assert offered == set(groups)


def test_category_and_group_filters_narrow_the_list(
    open_page: Callable[[Services], PeoplePage], demo_services: Services
) -> None:
    page = open_page(demo_services)
    choose(page.category_combo, ParticipantCategory.RESIDENT)
    residents = demo_services.people.search(PersonFilter(category=ParticipantCategory.RESIDENT))
    assert 0 < page.model.total_rows() == residents.total
    assert {p.category for p in shown(page)} == {ParticipantCategory.RESIDENT}

    group = next(g for g in demo_services.groups.all() if g.name.startswith("织里"))
    choose(page.group_combo, group.id)
    both = demo_services.people.search(
        PersonFilter(group_id=group.id, category=ParticipantCategory.RESIDENT)
    )
    assert 0 < page.model.total_rows() == both.total < residents.total
    assert {p.group_id for p in shown(page)} == {group.id}
    assert {cell(page, r, "group") for r in range(page.model.rowCount())} == {group.name}

    choose(page.category_combo, None)
    assert (
        page.model.total_rows()
        == demo_services.people.search(PersonFilter(group_id=group.id)).total
    )


def test_search_by_name(
    qtbot: QtBot, open_page: Callable[[Services], PeoplePage], demo_services: Services
) -> None:
    page = open_page(demo_services)
    someone = demo_services.people.search().items[7]
    type_text(page.search, someone.name)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert wait_for_tasks()
    expected = demo_services.people.search(PersonFilter(text=someone.name))
    assert page.model.total_rows() == expected.total
    assert someone.id in {p.id for p in shown(page)}
    assert all(
        someone.name in p.name or someone.name in p.unit + p.title + p.sector for p in shown(page)
    )


def test_apply_filter_from_another_page(
    open_page: Callable[[Services], PeoplePage], demo_services: Services
) -> None:
    page = open_page(demo_services)
    page.apply_filter({"category": "member"})
    page.activate()
    assert wait_for_tasks()
    members = demo_services.people.search(PersonFilter(category=ParticipantCategory.MEMBER))
    assert page.model.total_rows() == members.total
    assert page.category_filter() is ParticipantCategory.MEMBER


# --- adding -------------------------------------------------------------------------------------


def test_add_a_person_through_the_dialog(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    open_page: Callable[[Services], PeoplePage],
    services: Services,
    group: LiaisonGroup,
) -> None:
    page = open_page(services)
    assert page.model.total_rows() == 0
    changed: list[bool] = []
    page.data_changed.connect(lambda: changed.append(True))

    def fill(d: PersonDialog) -> None:
        type_text(d.name, "沈建国")
        d.category.setCurrentIndex(d.category.findData(ParticipantCategory.MEMBER))
        d.group.setCurrentIndex(d.group.findData(group.id))
        type_text(d.unit, "织里镇童装商会")
        type_text(d.title_edit, "会长")
        qtbot.keyClicks(d.phone, "13905721234")
        d.cppcc_level.setCurrentIndex(d.cppcc_level.findData(CppccLevel.DISTRICT))
        type_text(d.sector, "经济界")
        d.consent.setChecked(True)
        type_text(d.consent_note, "2024年3月书面同意")

    opened = drive_dialog(monkeypatch, fill)
    assert page.new_record()
    assert wait_for_tasks()
    assert opened[0].result() == QDialog.DialogCode.Accepted

    stored = services.people.search().items
    assert [p.name for p in stored] == ["沈建国"]
    p = stored[0]
    assert (p.category, p.group_id, p.unit, p.title, p.phone) == (
        ParticipantCategory.MEMBER,
        group.id,
        "织里镇童装商会",
        "会长",
        "13905721234",
    )
    assert (p.cppcc_level, p.sector, p.consent_to_publish) == (CppccLevel.DISTRICT, "经济界", True)
    assert p.consent_note == "2024年3月书面同意"
    assert changed
    # Listed and selected, with its group's name.
    assert [x.id for x in shown(page)] == [p.id]
    assert page.current_record() is not None and page.current_record().id == p.id
    assert cell(page, 0, "group") == group.name
    assert "沈建国" in page.detail.text.toPlainText()


def test_a_new_person_hidden_by_the_filters_is_shown_after_saving(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    open_page: Callable[[Services], PeoplePage],
    demo_services: Services,
) -> None:
    page = open_page(demo_services)
    choose(page.category_combo, ParticipantCategory.EXPERT)

    def fill(d: PersonDialog) -> None:
        assert d.chosen_category() is ParticipantCategory.EXPERT  # the filter's category
        d.category.setCurrentIndex(d.category.findData(ParticipantCategory.RESIDENT))
        type_text(d.name, "独一无二的名字")

    drive_dialog(monkeypatch, fill)
    page.new_record()
    assert wait_for_tasks()
    current = page.current_record()
    assert current is not None and current.name == "独一无二的名字"
    assert page.category_filter() is None


def test_invalid_phone_and_missing_name_are_shown_next_to_their_fields(
    qtbot: QtBot, answers: Answers, services: Services, group: LiaisonGroup
) -> None:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.phone, "1390572")
    qtbot.keyClicks(dialog.id_card, "330501199001011234")
    ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved is None
    assert "姓名" in dialog.problem_text("name")
    assert "电话" in dialog.problem_text("phone")
    assert "身份证" in dialog.problem_text("id_card")
    assert dialog.problem_text("unit") == ""
    assert services.people.search().total == 0
    # Fixing a field takes its message away; the input stays.
    type_text(dialog.name, "王")
    assert dialog.problem_text("name") == ""
    assert dialog.phone.text() == "1390572"


def test_phone_and_id_are_checked_on_leaving_the_field(qtbot: QtBot, services: Services) -> None:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.phone, "12345")
    dialog.phone.editingFinished.emit()
    assert "电话" in dialog.problem_text("phone")
    dialog.phone.setText("0572-2345678")
    dialog.phone.editingFinished.emit()
    assert dialog.problem_text("phone") == ""
    qtbot.keyClicks(dialog.id_card, "11010519491231002X")  # a valid ID number
    dialog.id_card.editingFinished.emit()
    assert dialog.problem_text("id_card") == ""
    dialog.id_card.setText("110105194912310021")
    dialog.id_card.editingFinished.emit()
    assert "身份证" in dialog.problem_text("id_card")


def test_cppcc_level_and_sector_only_for_members(qtbot: QtBot, services: Services) -> None:
    dialog = PersonDialog(services, category=ParticipantCategory.MEMBER)
    qtbot.addWidget(dialog)
    assert dialog.cppcc_level.isEnabled() and dialog.sector.isEnabled()
    dialog.cppcc_level.setCurrentIndex(dialog.cppcc_level.findData(CppccLevel.CITY))
    type_text(dialog.sector, "经济界")
    dialog.category.setCurrentIndex(dialog.category.findData(ParticipantCategory.RESIDENT))
    assert not dialog.cppcc_level.isEnabled() and not dialog.sector.isEnabled()
    person = dialog.person()
    assert person.cppcc_level is None and person.sector == ""


def test_a_duplicate_asks_first(
    qtbot: QtBot, answers: Answers, services: Services, group: LiaisonGroup
) -> None:
    first = services.people.save(
        Person(
            name="钱芳", category=ParticipantCategory.RESIDENT, unit="秧宝村", phone="13905720001"
        )
    )

    def new_dialog() -> PersonDialog:
        d = PersonDialog(services)
        qtbot.addWidget(d)
        type_text(d.name, "钱芳")
        qtbot.keyClicks(d.phone, "13905720001")
        return d

    answers.confirm_answer = False  # Cancel
    dialog = new_dialog()
    ok(dialog)
    assert len(answers.questions) == 1
    assert "钱芳" in answers.questions[0] and "秧宝村" in answers.questions[0]
    assert dialog.saved is None and dialog.result() != QDialog.DialogCode.Accepted
    assert [p.id for p in services.people.search().items] == [first.id]

    answers.confirm_answer = True  # Save anyway
    dialog = new_dialog()
    ok(dialog)
    assert dialog.saved is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert services.people.search(PersonFilter(text="钱芳")).total == 2

    # Someone else of the same name with another phone is no duplicate.
    answers.questions.clear()
    other = PersonDialog(services)
    qtbot.addWidget(other)
    type_text(other.name, "钱芳")
    qtbot.keyClicks(other.phone, "13905720002")
    ok(other)
    assert answers.questions == [] and other.saved is not None


# --- editing ------------------------------------------------------------------------------------


def test_editing_changes_the_stored_record(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    answers: Answers,
    open_page: Callable[[Services], PeoplePage],
    demo_services: Services,
) -> None:
    page = open_page(demo_services)
    target = shown(page)[5]
    select(page, target.id)

    def fill(d: PersonDialog) -> None:
        assert d.name.text() == target.name
        d.unit.setText("吴兴区新单位")
        d.title_edit.setText("新职务")

    opened = drive_dialog(monkeypatch, fill)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the selected person
    assert wait_for_tasks()
    assert len(opened) == 1
    stored = demo_services.people.get(target.id)
    assert stored is not None
    assert (stored.unit, stored.title) == ("吴兴区新单位", "新职务")
    assert stored.name == target.name and stored.phone == target.phone
    assert answers.questions == []  # name and phone unchanged: no duplicate question
    row = row_of(page, target.id)
    assert cell(page, row, "unit") == "吴兴区新单位"
    assert page.current_record() is not None and page.current_record().id == target.id


def test_a_record_changed_elsewhere_keeps_the_dialog_open(
    qtbot: QtBot, answers: Answers, services: Services, group: LiaisonGroup
) -> None:
    person = services.people.save(Person(name="孙丽", category=ParticipantCategory.EXPERT))
    dialog = PersonDialog(services, person)
    qtbot.addWidget(dialog)
    services.people.save(replace(person, unit="另一台电脑改的"))
    dialog.unit.setText("我的修改")
    ok(dialog)
    assert len(answers.errors) == 1 and "已被另一处修改" in str(answers.errors[0])
    assert dialog.saved is None and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.unit.text() == "我的修改"
    stored = services.people.get(person.id or 0)
    assert stored is not None and stored.unit == "另一台电脑改的"


# --- deleting -----------------------------------------------------------------------------------


def test_delete_moves_to_the_recycle_bin_after_confirmation(
    qtbot: QtBot,
    answers: Answers,
    open_page: Callable[[Services], PeoplePage],
    demo_services: Services,
) -> None:
    page = open_page(demo_services)
    total = page.model.total_rows()
    target = shown(page)[3]
    select(page, target.id)
    changed: list[bool] = []
    page.data_changed.connect(lambda: changed.append(True))

    answers.confirm_answer = False  # Cancel keeps the person
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert wait_for_tasks()
    assert len(answers.questions) == 1
    assert target.name in answers.questions[0] and "30" in answers.questions[0]
    assert demo_services.recycle_bin.entries() == []
    assert page.model.total_rows() == total and not changed

    answers.confirm_answer = True
    page.delete_button.click()
    assert wait_for_tasks()
    assert [(e.entity_type, e.id) for e in demo_services.recycle_bin.entries()] == [
        ("person", target.id)
    ]
    assert page.model.total_rows() == total - 1
    assert target.id not in {p.id for p in shown(page)}
    assert changed


def test_several_people_are_deleted_with_one_confirmation(
    answers: Answers, open_page: Callable[[Services], PeoplePage], demo_services: Services
) -> None:
    page = open_page(demo_services)
    targets = [p.id for p in shown(page)[:3]]
    select(page, *targets)
    assert page.delete_button.isEnabled() and not page.edit_button.isEnabled()
    page.delete_selected()
    assert wait_for_tasks()
    assert len(answers.questions) == 1
    assert sorted(e.id for e in demo_services.recycle_bin.entries()) == sorted(targets)
    assert not set(targets) & {p.id for p in shown(page)}


def test_a_new_person_starts_in_the_only_group(
    qtbot: QtBot, services: Services, group: LiaisonGroup
) -> None:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.person().group_id == group.id


def test_a_new_person_gets_the_databases_own_group_without_a_group_filter(
    qtbot: QtBot, demo_services: Services
) -> None:
    groups = demo_services.groups.all()
    own, other = groups[2], groups[5]
    demo_services.settings.update({"profile.group_id": own.id})
    dialog = PersonDialog(demo_services)
    qtbot.addWidget(dialog)
    assert dialog.group.currentData() == own.id
    # The page's group filter wins over the own group.
    filtered = PersonDialog(demo_services, group_id=other.id)
    qtbot.addWidget(filtered)
    assert filtered.group.currentData() == other.id
    # Without an own group, the demo's 16 groups leave the choice open.
    demo_services.settings.update({"profile.group_id": None})
    unset = PersonDialog(demo_services)
    qtbot.addWidget(unset)
    assert unset.group.currentData() is None


def test_the_group_filter_lists_groups_in_the_services_order(
    open_page: Callable[[Services], PeoplePage], demo_services: Services
) -> None:
    page = open_page(demo_services)
    listed = [
        (page.group_combo.itemData(i), page.group_combo.itemText(i))
        for i in range(1, page.group_combo.count())
    ]
    assert listed == [(g.id, g.name) for g in demo_services.groups.all()]
    assert [name for _id, name in listed] != sorted(name for _id, name in listed)


def test_an_empty_roster_says_how_to_add_the_first_person(qtbot: QtBot, services: Services) -> None:
    from liaison_desk.ui.pages.people import PeoplePage

    page = PeoplePage(services)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    wait_for_tasks()
    assert "Ctrl+N" in page.detail.text.toPlainText()
    page.search.setText("没有这个人")
    page.reload()
    wait_for_tasks()
    assert "Ctrl+N" not in page.detail.text.toPlainText()
