"""The cases page (协商案例): it lists the case write-ups in the database, its filters (and the
dashboard's several-statuses link) narrow the list, and the detail shows the whole case."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel

from liaison_desk.domain.entities import CASE_SECTIONS, Case
from liaison_desk.domain.enums import CaseStatus
from liaison_desk.domain.queries import CaseFilter
from liaison_desk.services import Services
from liaison_desk.ui.labels import label
from liaison_desk.ui.pages.cases import CasesPage
from liaison_desk.ui.tasks import wait_for_tasks


@pytest.fixture
def open_page(shown_page: Callable[..., Any]) -> Callable[[Services], CasesPage]:
    return lambda services: shown_page(CasesPage, services)


def titles(page: CasesPage) -> set[str]:
    return {c.title for c in page.model.rows()}


def select(page: CasesPage, case_id: int | None) -> None:
    """That case's row alone selected (as a click does, whatever keys an earlier test left
    Qt believing are held: ``selectRow`` would add to the selection while Ctrl is)."""
    row = next(i for i, c in enumerate(page.model.rows()) if c.id == case_id)
    flags = QItemSelectionModel.SelectionFlag
    page.table.selectionModel().setCurrentIndex(
        page.table.model().index(row, 0), flags.ClearAndSelect | flags.Rows
    )
    assert wait_for_tasks()


def test_lists_the_demo_cases(demo_services: Services, open_page: Callable[..., CasesPage]) -> None:
    page = open_page(demo_services)
    every = demo_services.cases.search()
    assert every.total == 6
    assert titles(page) == {c.title for c in every.items}
    assert page.status_text() == page.count_text(6)
    # The columns a user reads: 档号, group, status and 字数 of each case.
    model = page.model
    for row, case in enumerate(model.rows()):
        cell = {c.key: model.index(row, i).data() for i, c in enumerate(model.columns)}
        assert cell["archive_number"] == case.archive_number
        assert cell["status"] == label(case.status)
        assert cell["retention"] == label(case.retention)
        assert cell["words"] == str(demo_services.cases.word_count(case))
        group = demo_services.groups.get(case.group_id or 0)
        assert group is not None and cell["group"] == group.name


def test_status_filter_narrows_the_list(
    demo_services: Services, open_page: Callable[..., CasesPage]
) -> None:
    page = open_page(demo_services)
    combo = page.status_filter
    combo.setCurrentIndex(combo.findText(label(CaseStatus.SELECTED)))
    assert wait_for_tasks()
    expected = demo_services.cases.search(CaseFilter(status=CaseStatus.SELECTED))
    assert expected.total == 4
    assert titles(page) == {c.title for c in expected.items}
    assert {c.status for c in page.model.rows()} == {CaseStatus.SELECTED}
    assert page.status_text() == page.count_text(4)

    combo.setCurrentIndex(0)  # all statuses
    assert wait_for_tasks()
    assert len(page.model.rows()) == 6


def test_filters_from_other_pages(
    demo_services: Services, open_page: Callable[..., CasesPage]
) -> None:
    page = open_page(demo_services)
    page.apply_filter({"statuses": [CaseStatus.FINAL, CaseStatus.DRAFT]})
    assert wait_for_tasks()
    every = demo_services.cases.search().items
    assert titles(page) == {
        c.title for c in every if c.status in (CaseStatus.FINAL, CaseStatus.DRAFT)
    }
    assert len(page.model.rows()) == 2
    # The combo says which statuses are shown.
    assert page.status_filter.currentText() == (
        f"{label(CaseStatus.FINAL)} / {label(CaseStatus.DRAFT)}"
    )

    page.apply_filter({"status": CaseStatus.DRAFT})
    assert wait_for_tasks()
    assert [c.status for c in page.model.rows()] == [CaseStatus.DRAFT]
    assert page.status_filter.currentText() == label(CaseStatus.DRAFT)

    zhili = every[0]  # 织里镇: 助力青年返乡
    page.apply_filter({"group_id": zhili.group_id, "year": 2024})
    assert wait_for_tasks()
    assert titles(page) == {"助力青年返乡"}
    assert page.group_filter.currentText() == "织里镇联络组"
    assert page.year_filter.currentText() == "2024"

    page.apply_filter({"year": 2023})
    assert wait_for_tasks()
    assert page.model.rows() == []

    page.apply_filter({"text": "暖心餐"})
    assert wait_for_tasks()
    assert titles(page) == {"助力打造“暖心餐”"}
    assert page.search.text() == "暖心餐"


def test_search_box(demo_services: Services, open_page: Callable[..., CasesPage]) -> None:
    page = open_page(demo_services)
    page.search.setText("夜市")  # in the subtitle of 清“顽疾”守护烟火气
    page.reload()
    assert wait_for_tasks()
    assert titles(page) == {"清“顽疾”守护烟火气"}


def test_search_box_finds_section_text_and_archive_numbers(
    demo_services: Services, open_page: Callable[..., CasesPage]
) -> None:
    page = open_page(demo_services)
    assert page.search.placeholderText() == page.tr("Search title, archive number, text…")
    page.search.setText("童装")  # only in a section of 助力青年返乡: “童装之都”
    page.reload()
    assert wait_for_tasks()
    assert titles(page) == {"助力青年返乡"}
    assert page.status_text() == page.count_text(1)
    page.search.setText("J012")  # the 档号 of every case that has one (not the draft)
    page.reload()
    assert wait_for_tasks()
    numbered = {c.title for c in demo_services.cases.search().items if c.archive_number}
    assert len(numbered) == 5
    assert titles(page) == numbered


def test_detail_shows_the_whole_case(
    demo_services: Services, open_page: Callable[..., CasesPage]
) -> None:
    page = open_page(demo_services)
    case = next(c for c in demo_services.cases.search().items if c.title == "助力青年返乡")
    select(page, case.id)

    text = page.detail.text.toPlainText()
    assert case.subtitle in text
    assert case.archive_number in text
    assert label(case.status) in text
    words = demo_services.cases.word_count(case)
    assert page.tr("{count} of {limit} characters").format(count=words, limit=3000) in text
    for key, heading in CASE_SECTIONS:
        assert heading in text
        first_line = case.sections[key].splitlines()[0]
        assert first_line in text
    for linked in demo_services.cases.linked_consultations(case):
        assert linked.number in text and linked.title in text

    photos = page.detail.photos
    assert photos.isVisibleTo(page)
    assert [photos.item(i).text() for i in range(photos.count())] == [
        p.caption for p in case.photos
    ]
    assert all(not photos.item(i).icon().isNull() for i in range(photos.count()))


def test_detail_of_a_long_draft_says_it_is_over_the_limit(
    demo_services: Services, open_page: Callable[..., CasesPage]
) -> None:
    demo_services.settings.update({"cases.word_limit": 500})
    draft = demo_services.cases.save(
        Case(group_id=1, year=2024, title="超长的草稿", sections={"background": "字" * 600})
    )
    page = open_page(demo_services)
    select(page, draft.id)
    text = page.detail.text.toPlainText()
    words = demo_services.cases.word_count(draft)
    assert page.tr("{count} of {limit} characters").format(count=words, limit=500) in text
    assert page.tr("{over} over the limit").format(over=words - 500) in text
    assert page.tr("Assigned when final") in text  # a draft has no 档号 yet
    assert not page.detail.photos.isVisibleTo(page)


# --- the list's actions ------------------------------------------------------------------------


def test_enter_opens_the_editor_and_escape_goes_back(
    demo_services: Services, open_page: Callable[..., CasesPage]
) -> None:
    page = open_page(demo_services)
    case = next(c for c in demo_services.cases.search().items if c.title == "老街新韵")
    select(page, case.id)
    assert page.edit_button.isEnabled()
    page.edit_button.click()
    assert wait_for_tasks()
    assert page.is_editing()
    assert page.editor.title_edit.text() == case.title
    assert page.status_text() == case.title
    page.editor.back_requested.emit()  # Esc / 返回列表
    assert not page.is_editing()
    assert page.status_text() == page.count_text(6)
    assert page.current_record().id == case.id  # type: ignore[union-attr]


def test_new_case_from_the_list(
    demo_services: Services, open_page: Callable[..., CasesPage]
) -> None:
    page = open_page(demo_services)
    page.group_filter.setCurrentIndex(page.group_filter.findText("织里镇联络组"))
    assert wait_for_tasks()
    page.new_button.click()
    assert wait_for_tasks()
    editor = page.editor
    assert page.is_editing() and editor.title_edit.text() == ""
    assert editor.group_combo.currentText() == "织里镇联络组"  # the group the list shows
    editor.title_edit.setText("新的协商案例")
    assert editor.save()
    assert wait_for_tasks()
    assert "新的协商案例" in titles(page)
    assert page.editor.status_label.text() == label(CaseStatus.DRAFT)


def test_documents_of_the_selected_case_and_a_collection(
    demo_services: Services,
    open_page: Callable[..., CasesPage],
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(demo_services)
    case = next(c for c in demo_services.cases.search().items if c.title == "助力青年返乡")
    select(page, case.id)
    out = tmp_path / "导出"
    out.mkdir()
    asked: list[str] = []

    def ask_path(caption: str, suggested: str, filters: str) -> Any:
        asked.append(suggested)
        return out / suggested

    monkeypatch.setattr(page.documents, "ask_path", ask_path)
    page.documents.docx_action.trigger()
    assert wait_for_tasks(120_000)
    page.documents.pdf_action.trigger()
    assert wait_for_tasks(120_000)
    assert asked == ["助力青年返乡.docx", "助力青年返乡.pdf"]

    import docx  # python-docx

    text = "\n".join(p.text for p in docx.Document(str(out / asked[0])).paragraphs)
    assert "助力青年返乡" in text
    assert (out / asked[1]).read_bytes().startswith(b"%PDF")
    assert str(out / asked[1]) in page.status_text()

    # Several selected: only the collection (one PDF) applies.
    page.table.selectAll()
    assert not page.documents.docx_action.isEnabled()
    assert page.documents.collection_action.isEnabled()
    page.documents.collection_action.trigger()
    assert wait_for_tasks(120_000)
    collection = out / asked[-1]
    assert collection.suffix == ".pdf" and collection.read_bytes().startswith(b"%PDF")
    assert "6" in page.status_text()


def test_the_package_dialog_starts_with_the_selected_cases(
    demo_services: Services, open_page: Callable[..., CasesPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.ui.package_dialog import PackageDialog

    page = open_page(demo_services)
    chosen = [c for c in page.model.rows() if c.status is CaseStatus.SELECTED][:2]
    page.table.clearSelection()
    for c in chosen:
        row = next(i for i, r in enumerate(page.model.rows()) if r.id == c.id)
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select
            | page.table.selectionModel().SelectionFlag.Rows,
        )
    opened: list[Any] = []

    def run(dialog: Any) -> None:
        assert wait_for_tasks()
        opened.append(dialog)

    monkeypatch.setattr(page, "exec_dialog", run)
    page.package_button.click()
    (dialog,) = opened
    assert isinstance(dialog, PackageDialog)
    assert sorted(dialog.case_ids()) == sorted(c.id for c in chosen)
