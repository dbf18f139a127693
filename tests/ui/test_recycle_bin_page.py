"""The recycle bin page (回收站): deleted records are listed with the days until the automatic
purge; Restore brings them back, 彻底删除 purges them after a clear question, and what the
service refuses is shown with its own message."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import SubmissionResult
from liaison_desk.domain.queries import ConsultationFilter, PersonFilter, RecycleBinEntry
from liaison_desk.domain.rules import LockedError
from liaison_desk.services import Services
from liaison_desk.ui import messages
from liaison_desk.ui.pages import recycle_bin as page_module
from liaison_desk.ui.pages.recycle_bin import RecycleBinPage, entity_type_name
from liaison_desk.ui.tasks import wait_for_tasks


class Answers:
    """Stands in for the message boxes: records what was asked and answers as told."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.questions: list[str] = []
        self.errors: list[tuple[BaseException, str | None]] = []

    def confirm(self, _parent: object, _title: str, text: str, _ok: str | None = None) -> bool:
        self.questions.append(text)
        return self.confirm_answer

    def show_error(self, _parent: object, exc: BaseException, title: str | None = None) -> None:
        self.errors.append((exc, title))


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Answers]:
    given = Answers()
    monkeypatch.setattr(page_module, "confirm", given.confirm)
    monkeypatch.setattr(page_module, "show_error", given.show_error)
    unexpected: list[str] = []

    def no_other_boxes(box: QMessageBox) -> None:
        unexpected.append(box.text())

    monkeypatch.setattr(messages, "_dialog_override", no_other_boxes)
    yield given
    assert unexpected == []


@pytest.fixture
def open_page(
    shown_page: Callable[..., Any], answers: Answers
) -> Callable[[Services], RecycleBinPage]:
    return lambda services: shown_page(RecycleBinPage, services)


@pytest.fixture
def deleted(demo_services: Services) -> dict[str, int]:
    """A person and a consultation of the demo moved to the recycle bin."""
    person = demo_services.people.search(PersonFilter(text="")).items[0]
    consultation = demo_services.consultations.search(ConsultationFilter(year=2024)).items[0]
    demo_services.recycle_bin.delete("person", person.id or 0)
    demo_services.recycle_bin.delete("consultation", consultation.id)
    return {"person": person.id or 0, "consultation": consultation.id}


def keys(page: RecycleBinPage) -> set[tuple[str, int]]:
    return {(e.entity_type, e.id) for e in page.model.rows()}


def select(page: RecycleBinPage, *wanted: tuple[str, int]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row, entry in enumerate(page.model.rows()):
        if (entry.entity_type, entry.id) in wanted:
            selection.setCurrentIndex(  # as a Ctrl+click does
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    assert len(page.selected_records()) == len(wanted)
    assert wait_for_tasks()


def cell(page: RecycleBinPage, entry: RecycleBinEntry, key: str) -> str:
    row = page.model.rows().index(entry)
    return str(page.model.index(row, page.model.column_index(key)).data())


def person_ids(services: Services) -> set[int | None]:
    return {p.id for p in services.people.search(PersonFilter()).items}


def test_lists_what_was_deleted(
    demo_services: Services, deleted: dict[str, int], open_page: Callable[..., RecycleBinPage]
) -> None:
    page = open_page(demo_services)
    assert keys(page) == {("person", deleted["person"]), ("consultation", deleted["consultation"])}
    assert page.status_text() == page.count_text(2)
    for entry in page.model.rows():
        assert cell(page, entry, "type") == entity_type_name(entry.entity_type)
        assert cell(page, entry, "title") == entry.title
        assert cell(page, entry, "days_left") == "30"  # deleted just now by the test clock

    # Search and the type filter narrow the list.
    page.type_filter.setCurrentIndex(page.type_filter.findData("person"))
    assert wait_for_tasks()
    assert keys(page) == {("person", deleted["person"])}
    person = demo_services.people.get(deleted["person"])
    assert person is not None
    page.apply_filter({"text": person.name})
    assert wait_for_tasks()
    assert page.type_filter.currentIndex() == 0
    assert keys(page) == {("person", deleted["person"])}


def test_days_left_and_detail_follow_the_clock(
    demo_services: Services,
    deleted: dict[str, int],
    clock: Any,
    open_page: Callable[..., RecycleBinPage],
) -> None:
    deleted_at = clock()
    clock.advance(days=28, hours=1)
    page = open_page(demo_services)
    entry = next(e for e in page.model.rows() if e.entity_type == "consultation")
    assert cell(page, entry, "days_left") == "2"
    # Close to the automatic purge: shown in red.
    row = page.model.rows().index(entry)
    assert page.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None

    select(page, ("consultation", deleted["consultation"]))
    text = page.detail.text.toPlainText()
    assert entry.title in text
    assert entity_type_name("consultation") in text
    assert deleted_at.strftime("%Y-%m-%d %H:%M") in text
    assert (deleted_at + timedelta(days=30)).date().isoformat() in text


def test_restore_brings_records_back(
    demo_services: Services,
    deleted: dict[str, int],
    open_page: Callable[..., RecycleBinPage],
    qtbot: QtBot,
) -> None:
    page = open_page(demo_services)
    assert deleted["person"] not in person_ids(demo_services)
    select(page, ("person", deleted["person"]))
    with qtbot.waitSignal(page.data_changed):
        page.restore_button.click()
        assert wait_for_tasks()
    assert wait_for_tasks()
    assert keys(page) == {("consultation", deleted["consultation"])}
    assert deleted["person"] in person_ids(demo_services)
    assert demo_services.recycle_bin.entries()[0].entity_type == "consultation"

    # The shortcut restores the rest.
    select(page, ("consultation", deleted["consultation"]))
    page.restore_action.trigger()
    assert wait_for_tasks()
    assert keys(page) == set()
    found = demo_services.consultations.get(deleted["consultation"])
    assert found is not None and not found.is_deleted


def test_purge_asks_first(
    demo_services: Services,
    deleted: dict[str, int],
    answers: Answers,
    open_page: Callable[..., RecycleBinPage],
) -> None:
    page = open_page(demo_services)
    select(page, ("person", deleted["person"]), ("consultation", deleted["consultation"]))

    answers.confirm_answer = False
    page.purge_button.click()
    assert wait_for_tasks()
    assert len(answers.questions) == 1
    assert page.tr("This cannot be undone.") in answers.questions[0]
    assert len(keys(page)) == 2
    assert demo_services.people.get(deleted["person"]) is not None

    answers.confirm_answer = True
    page.purge_action.trigger()  # the Delete key
    assert wait_for_tasks()
    assert len(answers.questions) == 2
    assert keys(page) == set()
    assert demo_services.recycle_bin.entries() == []
    assert demo_services.people.get(deleted["person"]) is None
    assert demo_services.consultations.get(deleted["consultation"]) is None
    assert answers.errors == []


def test_a_refused_purge_shows_the_services_message(
    demo_services: Services, answers: Answers, open_page: Callable[..., RecycleBinPage]
) -> None:
    # A case that was returned (so no longer locked) is still in the submissions' ledger.
    sub = demo_services.submissions.all(group_id=1)[0]
    case_id = sub.cases[0].case_id
    demo_services.submissions.set_result(sub.id or 0, case_id, SubmissionResult.RETURNED)
    demo_services.recycle_bin.delete("case", case_id)
    page = open_page(demo_services)
    select(page, ("case", case_id))

    page.purge_button.click()
    assert wait_for_tasks()
    assert len(answers.errors) == 1
    exc, title = answers.errors[0]
    assert "在报送记录中" in str(exc) and "不能彻底删除" in str(exc)
    assert title == page.tr("Could not delete for good")
    # It stays in the bin, and the case is still there.
    assert keys(page) == {("case", case_id)}
    assert demo_services.cases.get(case_id) is not None


def test_a_locked_record_is_not_restored(
    demo_services: Services, answers: Answers, open_page: Callable[..., RecycleBinPage]
) -> None:
    consultation = demo_services.consultations.search(ConsultationFilter(year=2024)).items[0]
    full = demo_services.consultations.get(consultation.id)
    assert full is not None and full.outcome_items
    item_id = full.outcome_items[0].id or 0
    demo_services.recycle_bin.delete("outcome_item", item_id)
    demo_services.consultations.archive(consultation.id)
    page = open_page(demo_services)
    select(page, ("outcome_item", item_id))

    page.restore_button.click()
    assert wait_for_tasks()
    assert len(answers.errors) == 1
    exc, _title = answers.errors[0]
    assert isinstance(exc, LockedError) and "已归档" in str(exc)
    assert keys(page) == {("outcome_item", item_id)}


def test_buttons_follow_the_selection(
    demo_services: Services, deleted: dict[str, int], open_page: Callable[..., RecycleBinPage]
) -> None:
    page = open_page(demo_services)
    assert page.restore_button.isEnabled()  # the first row is selected on load
    page.table.clearSelection()
    assert not page.restore_button.isEnabled() and not page.purge_button.isEnabled()
    assert not page.purge_action.isEnabled()


def test_purging_a_consultation_with_its_deleted_item(
    demo_services: Services, answers: Answers, open_page: Callable[..., RecycleBinPage]
) -> None:
    consultation = demo_services.consultations.search(ConsultationFilter(year=2024)).items[1]
    full = demo_services.consultations.get(consultation.id)
    assert full is not None and full.outcome_items
    item_id = full.outcome_items[0].id or 0
    demo_services.recycle_bin.delete("outcome_item", item_id)
    demo_services.recycle_bin.delete("consultation", consultation.id)
    page = open_page(demo_services)
    select(page, ("outcome_item", item_id), ("consultation", consultation.id))

    page.purge_button.click()
    assert wait_for_tasks()
    # The item went with its consultation: nothing to report, nothing left.
    assert answers.errors == []
    assert keys(page) == set()
    assert demo_services.consultations.get(consultation.id) is None
