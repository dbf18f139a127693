"""The settings page: what a user changes there is what the database (or this computer) keeps,
bad values are refused with a message where they were typed, and nothing unsaved is lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from liaison_desk import config, fonts
from liaison_desk.config import MachineSettings, Scope
from liaison_desk.domain.entities import Consultation, LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.procedure import DEFAULT_HALL_STEPS, DEFAULT_MICRO_STEPS
from liaison_desk.domain.rules import ConflictError
from liaison_desk.services import Services
from liaison_desk.ui.pages import settings as settings_module
from liaison_desk.ui.pages.settings import SettingsPage
from liaison_desk.ui.setting_fields import FONT_SAMPLE, FontField
from liaison_desk.ui.tasks import wait_for_tasks

HALL = ConsultationKind.HALL
MICRO = ConsultationKind.MICRO


@pytest.fixture
def open_page(qtbot: QtBot) -> Callable[..., SettingsPage]:
    def make(services: Services, machine: MachineSettings | None = None) -> SettingsPage:
        page = SettingsPage(services, machine)
        qtbot.addWidget(page)
        page.activate()
        wait_for_tasks()
        assert not page.is_busy()
        return page

    return make


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replaces the page's message boxes: ``confirm`` answers answers["confirm"]; errors shown
    are collected in answers["errors"]."""
    state: dict[str, Any] = {"confirm": True, "errors": [], "asked": []}

    def confirm(_parent: object, title: str, text: str, ok_text: str | None = None) -> bool:
        state["asked"].append(text)
        return bool(state["confirm"])

    monkeypatch.setattr(settings_module, "confirm", confirm)
    monkeypatch.setattr(settings_module, "show_error", lambda _p, exc: state["errors"].append(exc))
    return state


def tab_texts(page: SettingsPage) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def spin(page: SettingsPage, key: str) -> QSpinBox:
    editor = page.fields[key].editor
    assert isinstance(editor, QSpinBox)
    return editor


def check(page: SettingsPage, key: str) -> QCheckBox:
    editor = page.fields[key].editor
    assert isinstance(editor, QCheckBox)
    return editor


def font_combo(page: SettingsPage, key: str) -> QComboBox:
    editor = page.fields[key].editor
    assert isinstance(editor, QComboBox)
    return editor


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# --- generated from the declarations ------------------------------------------------------------


def test_every_user_setting_of_the_database_has_a_row_with_its_label_and_help(
    services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    expected = {
        s.key
        for s in config.specs(Scope.DATABASE)
        if s.key.startswith(("masking.", "cases.", "documents.font.", "points."))
    }
    assert set(page.fields) == expected
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    for key in expected:
        spec = config.spec(key)
        field = page.fields[key]
        editor = field.editor
        shown = editor.text() if isinstance(editor, QCheckBox) else field.caption.text()  # type: ignore[union-attr]
        assert shown == spec.label
        # each description shows (a sentence shared by all font rows once, above them)
        assert field.help.text() and field.help.text() in spec.description
        assert spec.description.removeprefix(field.help.text()) in texts
    assert spin(page, "cases.word_limit").minimum() == config.spec("cases.word_limit").minimum
    assert spin(page, "cases.word_limit").maximum() == config.spec("cases.word_limit").maximum
    assert config.spec("profile.group_id").description in texts


# --- database settings ------------------------------------------------------------------------


def test_changed_settings_are_saved_and_shown_again(
    qtbot: QtBot, services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    assert not page.save_button.isEnabled()
    assert not page.has_unsaved_changes()

    spin(page, "cases.word_limit").setValue(2500)
    check(page, "masking.phones").setChecked(False)
    font_combo(page, "documents.font.body").setEditText(" 仿宋 ")

    assert page.has_unsaved_changes()
    assert page.save_button.isEnabled()
    marked = [t for t in tab_texts(page) if t.endswith("*")]
    assert len(marked) == 3  # masking, case writing, fonts
    assert page.unsaved_label.text()
    assert services.settings.get("cases.word_limit") == 3000  # nothing written before Save

    with qtbot.waitSignal(page.data_changed):
        page.save_button.click()
    assert services.settings.get("cases.word_limit") == 2500
    assert services.settings.get("masking.phones") is False
    assert services.settings.get("masking.id_cards") is True
    assert services.settings.get("documents.font.body") == "仿宋"
    assert not page.has_unsaved_changes()
    assert not any(t.endswith("*") for t in tab_texts(page))
    assert font_combo(page, "documents.font.body").currentText() == "仿宋"  # as stored

    again = open_page(services)
    assert spin(again, "cases.word_limit").value() == 2500
    assert not check(again, "masking.phones").isChecked()
    assert check(again, "masking.resident_names").isChecked()
    assert font_combo(again, "documents.font.body").currentText() == "仿宋"


def test_ctrl_s_saves(
    qtbot: QtBot, services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.tabs.setCurrentWidget(page.sections[3].widget)
    editor = spin(page, "cases.word_limit")
    editor.setFocus()
    editor.setValue(4000)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert services.settings.get("cases.word_limit") == 4000
    assert not page.has_unsaved_changes()


def test_a_refused_value_shows_its_problem_and_writes_nothing(
    services: Services, open_page: Callable[..., SettingsPage], answers: dict[str, Any]
) -> None:
    page = open_page(services)
    check(page, "masking.id_cards").setChecked(False)
    font_combo(page, "documents.font.title").setEditText("   ")

    assert not page.save()

    problem = page.fields["documents.font.title"].problem
    assert not problem.isHidden()
    assert "标题字体" in problem.text() and "不能为空" in problem.text()
    assert page.tabs.currentWidget() is page.sections[4].widget  # the fonts tab, brought forward
    assert "Not saved" in page.status_text() or "未保存" in page.status_text()
    # all or nothing: the good change waits with the bad one
    assert services.settings.values() == config.defaults(Scope.DATABASE)
    assert page.has_unsaved_changes()
    assert answers["errors"] == []

    font_combo(page, "documents.font.title").setEditText("黑体")
    assert problem.isHidden()  # typing clears the message
    assert page.save()
    assert services.settings.get("masking.id_cards") is False
    assert services.settings.get("documents.font.title") == "黑体"


def test_the_word_limit_cannot_leave_its_range(
    services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    editor = spin(page, "cases.word_limit")
    editor.setValue(10)
    assert editor.value() == 500
    editor.setValue(99999)
    assert editor.value() == 20000
    with pytest.raises(Exception, match="500 到 20000"):
        services.settings.update({"cases.word_limit": 10})
    assert services.settings.get("cases.word_limit") == 3000


def test_unsaved_edits_survive_a_reload_and_discard_brings_back_the_saved_values(
    services: Services, open_page: Callable[..., SettingsPage], answers: dict[str, Any]
) -> None:
    page = open_page(services)
    spin(page, "cases.word_limit").setValue(1200)
    services.settings.update({"masking.phones": False})  # changed elsewhere meanwhile

    page.refresh()
    wait_for_tasks()
    assert spin(page, "cases.word_limit").value() == 1200  # the edit is kept
    assert not check(page, "masking.phones").isChecked()  # the untouched field follows the db
    assert page.has_unsaved_changes()

    answers["confirm"] = False
    page.discard_changes()
    assert spin(page, "cases.word_limit").value() == 1200
    answers["confirm"] = True
    page.discard_changes()
    wait_for_tasks()
    assert spin(page, "cases.word_limit").value() == 3000
    assert not page.has_unsaved_changes()


# --- fonts ------------------------------------------------------------------------------------


def test_font_rows_list_the_official_faces_first_and_say_what_will_be_used(
    services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    title = page.fields["documents.font.title"]
    assert isinstance(title, FontField)
    combo = font_combo(page, "documents.font.title")
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == "方正小标宋简体"
    for face in ("仿宋_GB2312", "仿宋", "楷体_GB2312", "楷体", "黑体", "宋体"):
        assert face in items
    assert items.index("宋体") < items.index(fonts.BUNDLED_SANS)
    assert title.sample.text() == FONT_SAMPLE

    combo.setEditText("没有这种字体 LD")
    used = fonts.DOCUMENT_FACES["title"].fallback
    assert not title.note.isHidden()
    assert used in title.note.text()
    assert used in title.sample.font().families()

    combo.setEditText(fonts.BUNDLED_SANS)  # registered by the app: installed
    assert title.note.isHidden()
    assert fonts.BUNDLED_SANS in title.sample.font().families()


# --- checklists -------------------------------------------------------------------------------


def test_checklists_are_renamed_reordered_extended_and_saved(
    qtbot: QtBot,
    services: Services,
    new_consultation: Callable[..., Consultation],
    open_page: Callable[..., SettingsPage],
) -> None:
    before = services.consultations.save(new_consultation())
    page = open_page(services)
    hall = page.editors[HALL]
    assert hall.steps() == list(DEFAULT_HALL_STEPS)
    assert page.editors[MICRO].steps() == list(DEFAULT_MICRO_STEPS)
    assert not hall.restore_button.isEnabled()

    hall.list.item(0).setText("征集议题（线上线下）")  # renamed in place
    hall.list.setCurrentRow(3)  # 发布公告
    hall.remove_button.click()
    assert hall.list.currentItem().text() == "协商议事"  # the next step is selected
    hall.up_button.click()  # 协商议事 before 调研准备
    hall.list.setCurrentRow(hall.list.count() - 1)
    hall.add_step("回头看")
    hall.list.setCurrentRow(0)
    hall.down_button.click()
    expected = [
        "审定议题",
        "征集议题（线上线下）",
        "协商议事",
        "调研准备",
        "形成成果",
        "交办转化",
        "跟踪问效",
        "回头看",
    ]
    assert hall.steps() == expected
    assert tab_texts(page)[1].endswith("*")

    assert page.save()
    assert services.consultations.template(HALL).steps == expected
    assert services.consultations.template(MICRO).steps == list(DEFAULT_MICRO_STEPS)
    assert not page.has_unsaved_changes()
    # the record kept before keeps its checklist; a new one copies the new list
    kept = services.consultations.get(before.id)  # type: ignore[arg-type]
    assert kept is not None
    assert [s.name for s in kept.checklist] == list(DEFAULT_HALL_STEPS)
    assert [s.name for s in services.consultations.new(HALL, None).checklist] == expected

    assert hall.restore_button.isEnabled()
    hall.restore_button.click()
    assert hall.steps() == list(DEFAULT_HALL_STEPS)
    assert page.save()
    assert services.consultations.template(HALL).steps == list(DEFAULT_HALL_STEPS)


def test_checklist_keys_move_and_remove_steps(
    qtbot: QtBot, services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.tabs.setCurrentWidget(page.sections[1].widget)
    micro = page.editors[MICRO]
    micro.list.setFocus()
    micro.list.setCurrentRow(1)  # 有调研
    qtbot.keyClick(micro.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert micro.steps()[:2] == ["有调研", "有议题"]
    qtbot.keyClick(micro.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert micro.steps()[:2] == ["有议题", "有调研"]
    qtbot.keyClick(micro.list, Qt.Key.Key_Delete)
    assert micro.steps() == ["有议题", "有协商", "有记录", "有成果", "有反馈"]


def test_a_checklist_with_a_blank_or_repeated_step_is_not_saved(
    services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    micro = page.editors[MICRO]
    micro.add_step("有协商")
    assert not page.save()
    assert not micro.problem.isHidden()
    assert "有协商" in micro.problem.text()
    assert services.consultations.template(MICRO).steps == list(DEFAULT_MICRO_STEPS)
    assert page.tabs.currentWidget() is page.sections[1].widget

    while micro.list.count():
        micro.list.setCurrentRow(0)
        micro.remove_current()
    assert not page.save()
    assert services.consultations.template(MICRO).steps == list(DEFAULT_MICRO_STEPS)


# --- the liaison group ------------------------------------------------------------------------


def test_a_bad_phone_in_the_group_profile_shows_under_the_field(
    services: Services,
    group: LiaisonGroup,
    open_page: Callable[..., SettingsPage],
    answers: dict[str, Any],
) -> None:
    page = open_page(services)
    assert page.group_combo.currentData() is None  # not set yet
    assert page.profile_box.isHidden()
    choose(page.group_combo, group.id)
    assert not page.profile_box.isHidden()
    assert page.group_form.edits["name"].text() == "织里镇联络组"
    page.group_form.edits["secretary_phone"].setText("12345")

    assert not page.save()
    problem = page.group_form.problems["secretary_phone"]
    assert not problem.isHidden()
    assert "联络员电话" in problem.text()
    assert services.groups.get(group.id).secretary_phone == ""  # type: ignore[arg-type, union-attr]
    assert services.settings.own_group() is None
    assert page.tabs.currentWidget() is page.sections[0].widget
    assert answers["errors"] == []


def test_the_group_profile_is_saved_and_becomes_this_databases_group(
    services: Services, group: LiaisonGroup, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    choose(page.group_combo, group.id)
    page.group_form.edits["leader"].setText("沈建明")
    page.group_form.edits["secretary_phone"].setText("13857200001")
    assert tab_texts(page)[0].endswith("*")

    assert page.save()
    own = services.settings.own_group()
    assert own is not None and own.id == group.id
    assert own.leader == "沈建明" and own.secretary_phone == "13857200001"
    assert not page.has_unsaved_changes()

    again = open_page(services)
    assert again.group_combo.currentData() == group.id
    assert again.group_form.edits["leader"].text() == "沈建明"


def test_a_new_group_is_created_from_the_page(
    services: Services, group: LiaisonGroup, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services)
    choose(page.group_combo, settings_module._NEW_GROUP)
    assert page.group_form.edits["name"].text() == ""
    page.group_form.edits["name"].setText("织里镇联络组")  # taken
    page.group_form.edits["town"].setText("织里镇")
    assert not page.save()
    assert "已经有名为" in page.group_form.problems["name"].text()

    page.group_form.edits["name"].setText("埭溪镇联络组")
    page.group_form.edits["town"].setText("埭溪镇")
    assert page.save()
    own = services.settings.own_group()
    assert own is not None and own.name == "埭溪镇联络组" and own.short_name == "埭溪"
    assert {g.name for g in services.groups.all()} == {"织里镇联络组", "埭溪镇联络组"}
    assert page.group_combo.currentData() == own.id


def test_a_group_changed_elsewhere_is_not_overwritten(
    services: Services,
    group: LiaisonGroup,
    open_page: Callable[..., SettingsPage],
    answers: dict[str, Any],
) -> None:
    services.settings.update({"profile.group_id": group.id})
    page = open_page(services)
    assert page.group_combo.currentData() == group.id
    elsewhere = services.groups.get(group.id)
    assert elsewhere is not None
    elsewhere.leader = "另一台电脑上改的"
    services.groups.save(elsewhere)
    page.group_form.edits["leader"].setText("沈建明")

    assert not page.save()
    assert len(answers["errors"]) == 1 and isinstance(answers["errors"][0], ConflictError)
    assert page.has_unsaved_changes()


def test_switching_groups_asks_before_dropping_profile_edits(
    services: Services,
    group: LiaisonGroup,
    open_page: Callable[..., SettingsPage],
    answers: dict[str, Any],
) -> None:
    other = services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))
    page = open_page(services)
    choose(page.group_combo, group.id)
    page.group_form.edits["leader"].setText("沈建明")
    answers["confirm"] = False
    choose(page.group_combo, other.id)
    assert page.group_combo.currentData() == group.id
    assert page.group_form.edits["leader"].text() == "沈建明"
    answers["confirm"] = True
    choose(page.group_combo, other.id)
    assert page.group_form.edits["name"].text() == "埭溪镇联络组"


# --- language ---------------------------------------------------------------------------------


def test_choosing_english_saves_it_on_this_computer_and_asks_for_a_rebuild(
    qtbot: QtBot, services: Services, tmp_path: Path, open_page: Callable[..., SettingsPage]
) -> None:
    machine = MachineSettings(tmp_path / "settings.json")
    page = open_page(services, machine)
    combo = page.language_combo
    assert combo.currentData() == "zh_CN"
    assert [combo.itemText(i) for i in range(combo.count())] == ["简体中文", "English"]
    with qtbot.waitSignal(page.language_chosen) as chosen:
        choose(combo, "en")
    assert chosen.args == ["en"]
    assert MachineSettings(tmp_path / "settings.json").get("ui.language") == "en"


def test_language_without_machine_settings_only_asks_for_the_rebuild(
    qtbot: QtBot, services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(services, None)
    with qtbot.waitSignal(page.language_chosen) as chosen:
        choose(page.language_combo, "en")
    assert chosen.args == ["en"]


def test_switching_language_with_unsaved_changes_saves_them_first_or_stays(
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    open_page: Callable[..., SettingsPage],
    answers: dict[str, Any],
) -> None:
    machine = MachineSettings(tmp_path / "settings.json")
    page = open_page(services, machine)
    spin(page, "cases.word_limit").setValue(2000)

    answers["confirm"] = False
    with qtbot.assertNotEmitted(page.language_chosen):
        choose(page.language_combo, "en")
    assert page.language_combo.currentData() == "zh_CN"
    assert machine.get("ui.language") == "zh_CN"
    assert page.has_unsaved_changes()

    answers["confirm"] = True
    with qtbot.waitSignal(page.language_chosen):
        choose(page.language_combo, "en")
    assert services.settings.get("cases.word_limit") == 2000
    assert machine.get("ui.language") == "en"


# --- the demo year ----------------------------------------------------------------------------


def test_the_demo_database_opens_with_its_groups_to_choose_from(
    demo_services: Services, open_page: Callable[..., SettingsPage]
) -> None:
    page = open_page(demo_services)
    names = {page.group_combo.itemText(i) for i in range(page.group_combo.count())}
    assert {g.name for g in demo_services.groups.all()} <= names
    assert len(names) == len(demo_services.groups.all()) + 2  # (not set), new group
    assert not page.has_unsaved_changes()


def test_a_word_limit_out_of_range_goes_to_the_nearest_allowed_value(
    open_page: Callable[..., SettingsPage], services: Services
) -> None:
    page = open_page(services)
    box = spin(page, "cases.word_limit")
    assert "500" in box.toolTip() and "20000" in box.toolTip()
    box.lineEdit().setText("100")
    box.interpretText()
    box.editingFinished.emit()
    box.clearFocus()
    assert box.value() == 500
