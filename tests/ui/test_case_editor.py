"""The case editor on the 协商案例 page: every field saved and read back, the live 字数 count,
基本信息 drawn from the linked consultations, 2–4 photos with captions in order, 定稿 with its
档号, a submitted case changed only as a new version with a reason, the unsaved-changes guard
and drafts taken back after a crash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from helpers import jpeg
from liaison_desk.domain.entities import (
    Case,
    CasePhoto,
    Consultation,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import (
    CaseStatus,
    OutcomeStatus,
    ParticipantCategory,
    RetentionPeriod,
)
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.services import Services
from liaison_desk.ui import case_pickers, messages
from liaison_desk.ui.case_editor import CaseEditor
from liaison_desk.ui.case_pickers import PhotoChooser
from liaison_desk.ui.case_text import comparable, next_heading_number, set_heading
from liaison_desk.ui.case_versions import VersionsDialog
from liaison_desk.ui.pages import cases as cases_page
from liaison_desk.ui.pages.cases import CasesPage
from liaison_desk.ui.tasks import wait_for_tasks

SECTIONS = {
    "basic_info": "协商主题：破解停车难",
    "background": "一、问题由来\n小区建于上世纪九十年代，**车位不足**。",
    "practice": "（一）走访摸底\n1.分组入户。委员们分三组走访。\n(1)晚间清点车辆",
    "results": "新增车位120个，群众满意。",
    "insights": "协商要接地气。",
}


def shade(value: int) -> tuple[int, int, int]:
    return (value, 120, 200 - value)


@pytest.fixture
def page(shown_page: Callable[..., Any], services: Services, group: LiaisonGroup) -> CasesPage:
    return shown_page(CasesPage, services)  # type: ignore[no-any-return]


@pytest.fixture
def linked(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> list[Consultation]:
    """Two consultations of the group, each with two photos."""
    hall = services.consultations.save(
        new_consultation(
            title="小区停车难",
            held_on=date(2024, 3, 5),
            participants=[
                Participant(name="王委员", category=ParticipantCategory.MEMBER),
                Participant(name="张三", category=ParticipantCategory.RESIDENT),
            ],
            outcome_items=[
                OutcomeItem(content="划定车位", status=OutcomeStatus.SOLVED),
                OutcomeItem(content="错时停车"),
            ],
        )
    )
    micro = services.consultations.save(
        new_consultation(title="夜间停车", held_on=date(2024, 4, 2), venue="大河村协商驿站")
    )
    for n, c in enumerate((hall, micro)):
        for k in range(2):
            services.attachments.add(
                jpeg(shade(40 * n + 20 * k)),
                f"{n}{k}.jpg",
                consultation_id=c.id,
                caption=f"现场{n}{k}",
            )
    return [services.consultations.get(c.id or 0) for c in (hall, micro)]  # type: ignore[misc]


def summaries(services: Services, *consultations: Consultation) -> list[Any]:
    every = {s.id: s for s in services.consultations.search(ConsultationFilter()).items}
    return [every[c.id] for c in consultations]


def open_new(page: CasesPage) -> CaseEditor:
    assert page.new_record()
    assert wait_for_tasks()
    assert page.is_editing()
    return page.editor


def open_case(page: CasesPage, case_id: int | None) -> CaseEditor:
    assert case_id is not None
    page.edit_case(case_id)
    assert wait_for_tasks()
    assert page.is_editing()
    return page.editor


def section(editor: CaseEditor, key: str) -> Any:
    return next(s.edit for s in editor.sections if s.key == key)


def photos_of(services: Services, consultation: Consultation) -> list[int]:
    c = services.consultations.get(consultation.id or 0)
    assert c is not None
    return [a.id for a in sorted(c.attachments, key=lambda a: a.position) if a.id is not None]


def answer_confirm(monkeypatch: pytest.MonkeyPatch, answer: bool = True) -> list[str]:
    asked: list[str] = []

    def confirm(_parent: object, title: str, text: str, ok_text: str | None = None) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(messages, "confirm", confirm)
    return asked


# --- the markup helpers --------------------------------------------------------------------------


def test_heading_numbers_follow_the_headings_above() -> None:
    text = "一、调研\n（一）走访\n（二）座谈\n二、协商\n正文"
    lines = text.split("\n")
    assert next_heading_number(lines, 1) == 3
    assert next_heading_number(lines, 2) == 1  # restarted by 二、
    assert next_heading_number(lines[:3], 2) == 3
    assert set_heading(text, 4, 2) == "一、调研\n（一）走访\n（二）座谈\n二、协商\n（一）正文"
    # A heading of another level is renumbered, not prefixed twice.
    assert set_heading("一、调研\n1.走访", 1, 1) == "一、调研\n二、走访"


# --- round trip ----------------------------------------------------------------------------------


def test_every_field_is_saved_and_read_back(
    page: CasesPage, services: Services, group: LiaisonGroup, linked: list[Consultation]
) -> None:
    editor = open_new(page)
    assert editor.group_combo.currentData() == group.id  # the only group
    editor.title_edit.setText("破解停车难")
    editor.subtitle_edit.setText("——织里镇联络组协商解决老小区停车难")
    editor.year_spin.setValue(2024)
    editor.retention_combo.setCurrentIndex(
        editor.retention_combo.findData(RetentionPeriod.YEARS_30.value)
    )
    for key, text in SECTIONS.items():
        section(editor, key).setPlainText(text)
    editor.link_consultations(summaries(services, linked[1], linked[0]))
    assert wait_for_tasks()
    assert editor.linked_ids() == [linked[1].id, linked[0].id]
    chosen = [photos_of(services, linked[0])[1], photos_of(services, linked[1])[0]]
    editor.photos.set_photos(chosen)
    editor.photos.list.item(0).setText("委员走访")
    assert wait_for_tasks()
    assert page.has_unsaved_changes()

    assert editor.save()
    assert wait_for_tasks()
    assert not page.has_unsaved_changes()
    (stored,) = services.cases.search().items
    assert stored.title == "破解停车难"
    assert stored.subtitle == "——织里镇联络组协商解决老小区停车难"
    assert stored.group_id == group.id and stored.year == 2024
    assert stored.retention is RetentionPeriod.YEARS_30
    assert stored.sections == SECTIONS
    assert stored.consultation_ids == [linked[1].id, linked[0].id]
    assert stored.photos == [
        CasePhoto(attachment_id=chosen[0], caption="委员走访"),
        CasePhoto(attachment_id=chosen[1], caption="现场10"),
    ]
    assert stored.status is CaseStatus.DRAFT and stored.archive_number == ""

    # Reopened from the database, the editor shows the same case, with nothing unsaved.
    assert page.show_list()
    assert wait_for_tasks()
    assert [c.id for c in page.model.rows()] == [stored.id]
    editor = open_case(page, stored.id)
    assert comparable(editor.case()) == comparable(stored)
    assert not editor.has_unsaved_changes()
    assert [editor.linked_list.item(i).text().split()[0] for i in range(2)] == [
        linked[1].number,
        linked[0].number,
    ]
    assert all(not editor.photos.list.item(i).icon().isNull() for i in range(2))


def test_a_case_needs_a_title_said_next_to_the_field(page: CasesPage, services: Services) -> None:
    editor = open_new(page)
    section(editor, "results").setPlainText("有成效")
    said: list[str] = []
    editor.status_message.connect(said.append)
    assert not editor.save()
    assert said and "1" in said[-1]  # the status bar says why nothing was saved
    error = editor._error_labels["title"]
    assert error.isVisibleTo(editor) and "标题" in error.text()
    assert services.cases.search().total == 0
    editor.title_edit.setText("有标题")
    assert editor.save()
    assert not error.isVisibleTo(editor)
    assert services.cases.search().total == 1


# --- 字数 ---------------------------------------------------------------------------------------


def test_the_word_count_follows_typing_and_warns_over_the_limit(
    shown_page: Callable[..., Any], services: Services, group: LiaisonGroup
) -> None:
    services.settings.update({"cases.word_limit": 500})
    page = shown_page(CasesPage, services)
    editor = open_new(page)
    editor.title_edit.setText("停车")  # 2
    section(editor, "background").setPlainText("**小区**建于1990年。")  # 小区建于 年 。 + 1990
    count = CaseEditor.word_count(editor)
    assert count == services.cases.word_count(editor.case())
    assert editor.words_label.text() == editor.tr("{count} of {limit} characters").format(
        count=count, limit=500
    )
    assert not editor.is_over_limit()
    section(editor, "results").setPlainText("成" * 600)
    over = editor.word_count() - 500
    assert over > 0
    assert editor.is_over_limit()
    assert editor.tr("{over} over the limit").format(over=over) in editor.words_label.text()
    assert "color:#B3261E" in editor.words_label.styleSheet()
    section(editor, "results").clear()
    assert not editor.is_over_limit()
    assert editor.words_label.styleSheet() == ""


# --- 基本信息 ------------------------------------------------------------------------------------


def test_basic_info_is_drawn_from_the_linked_consultations_and_stays_editable(
    page: CasesPage,
    services: Services,
    group: LiaisonGroup,
    linked: list[Consultation],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = open_new(page)
    editor.title_edit.setText("破解停车难")
    informed: list[str] = []
    monkeypatch.setattr(messages, "inform", lambda _p, _t, text: informed.append(text))
    editor.generate_button.click()  # nothing linked yet: says so
    assert informed and section(editor, "basic_info").toPlainText() == ""

    editor.link_consultations(summaries(services, *linked))
    assert wait_for_tasks()
    editor.generate_button.click()
    assert wait_for_tasks()
    text = section(editor, "basic_info").toPlainText()
    assert text == services.cases.basic_info_from_consultations(editor.case())
    assert "组织单位：织里镇联络组" in text
    assert "协商时间：2024年3月5日、4月2日" in text
    assert linked[0].number in text and linked[1].number in text
    assert "已解决问题1条" in text

    # Edited afterwards, and asked before it is replaced again.
    section(editor, "basic_info").appendPlainText("牵头委员：王委员")
    asked = answer_confirm(monkeypatch, answer=False)
    editor.generate_button.click()
    assert asked and "牵头委员：王委员" in section(editor, "basic_info").toPlainText()
    assert editor.save()
    stored = services.cases.search().items[0]
    assert stored.sections["basic_info"].endswith("牵头委员：王委员")


# --- photos --------------------------------------------------------------------------------------


def test_photos_are_chosen_from_the_linked_consultations_in_order_with_captions(
    page: CasesPage,
    services: Services,
    linked: list[Consultation],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    editor = open_new(page)
    editor.title_edit.setText("停车")
    editor.link_consultations(summaries(services, *linked))
    assert wait_for_tasks()
    a1, a2 = photos_of(services, linked[0])
    b1, b2 = photos_of(services, linked[1])

    # The chooser shows every photo of the linked consultations, with its thumbnail.
    chooser = PhotoChooser(services, editor.case(), [], editor)
    qtbot.addWidget(chooser)
    assert wait_for_tasks()
    shown = [chooser.list.item(i) for i in range(chooser.list.count())]
    assert [int(i.data(case_pickers.ATTACHMENT_ROLE)) for i in shown] == [a1, a2, b1, b2]
    assert all(not i.icon().isNull() for i in shown)
    assert linked[1].number in shown[2].text()
    chooser.set_ticked([b2])
    assert chooser.ticked() == [b2]
    assert "2" in chooser.note.text()  # "1 photos ticked — a case usually shows 2 to 4"

    def tick(dialog: Any) -> bool:
        assert isinstance(dialog, PhotoChooser)
        assert wait_for_tasks()
        dialog.set_ticked([b2, a1, b1])
        return True

    monkeypatch.setattr(editor, "exec_dialog", tick)
    editor.choose_photos()
    assert wait_for_tasks()
    assert editor.photos.ids() == [a1, b1, b2]  # in the order shown in the chooser
    assert editor.photos.note.text() == editor.photos.tr("{count} photos, in this order.").format(
        count=3
    )

    # Remove and move act on a selection: without one they are off.
    editor.photos.list.clearSelection()
    assert not editor.photos.remove_button.isEnabled() and not editor.photos.left_button.isEnabled()
    assert not editor.unlink_button.isEnabled()  # no linked consultation selected either
    editor.linked_list.setCurrentRow(0)
    assert editor.unlink_button.isEnabled() and editor.linked_down.isEnabled()

    # Reordered and captioned.
    editor.photos.list.setCurrentRow(2)
    assert editor.photos.remove_button.isEnabled() and editor.photos.left_button.isEnabled()
    editor.photos.right_button.click()  # already last: no change
    editor.photos.left_button.click()
    editor.photos.left_button.click()
    assert editor.photos.ids() == [b2, a1, b1]
    editor.photos.list.item(0).setText("夜间清点车辆")
    editor.photos.list.item(1).setText("")
    assert editor.save()
    stored = services.cases.search().items[0]
    assert stored.photos == [
        CasePhoto(attachment_id=b2, caption="夜间清点车辆"),
        CasePhoto(attachment_id=a1, caption=""),
        CasePhoto(attachment_id=b1, caption="现场10"),
    ]

    # Five photos are more than a case shows: said in red, but allowed.
    editor.photos.list.setCurrentRow(0)
    editor.photos.remove_selected()
    editor.photos.remove_selected()
    assert editor.photos.ids() == [b1]
    assert "#B3261E" in editor.photos.note.styleSheet()


def test_photos_added_from_files_join_the_case(
    page: CasesPage,
    services: Services,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = open_new(page)
    editor.title_edit.setText("新案例")
    files = []
    for n in range(2):
        path = tmp_path / f"照片{n}.jpg"
        path.write_bytes(jpeg(shade(60 + n * 50)))
        files.append(str(path))
    monkeypatch.setattr(editor.photos, "choose_files", lambda: files)
    editor.photos.add_button.click()  # the new case is saved first
    assert wait_for_tasks()
    assert len(editor.photos.ids()) == 2
    stored = services.cases.search().items[0]
    choices = services.cases.photo_choices(stored)
    assert [c.attachment_id for c in choices] == editor.photos.ids()
    assert editor.save()  # the photos' revision did not make the editor stale
    assert [p.attachment_id for p in services.cases.search().items[0].photos] == [
        c.attachment_id for c in choices
    ]


# --- 定稿 ----------------------------------------------------------------------------------------


def test_finalising_assigns_the_archive_number(
    page: CasesPage, services: Services, group: LiaisonGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = services.cases.save(Case(group_id=group.id, year=2024, title="停车", sections=SECTIONS))
    editor = open_case(page, case.id)
    assert editor.archive_edit.text() == "" and editor.archive_edit.isReadOnly()
    assert editor.final_button.isVisibleTo(editor)
    asked = answer_confirm(monkeypatch)
    editor.final_button.click()
    assert asked
    stored = services.cases.get(case.id or 0)
    assert stored is not None and stored.status is CaseStatus.FINAL
    assert stored.archive_number == "J012-WS·2024-Y-ZL-0001"
    assert editor.archive_edit.text() == stored.archive_number
    assert not editor.final_button.isVisibleTo(editor)
    assert editor.draft_button.isVisibleTo(editor)
    # The 档号 fixes year and retention period.
    assert not editor.retention_combo.isEnabled() and not editor.year_spin.isEnabled()

    editor.draft_button.click()  # back to draft: the number stays
    stored = services.cases.get(case.id or 0)
    assert stored is not None and stored.status is CaseStatus.DRAFT
    assert stored.archive_number == "J012-WS·2024-Y-ZL-0001"


def test_finalising_without_archive_codes_says_what_to_do(
    page: CasesPage, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.domain.entities import LiaisonGroup as Group

    other = services.groups.save(Group(name="八里店镇联络组", town="八里店镇"))
    case = services.cases.save(Case(group_id=other.id, year=2024, title="无全宗号"))
    editor = open_case(page, case.id)
    answer_confirm(monkeypatch)
    editor.final_button.click()
    error = editor._error_labels["archive_number"]
    assert error.isVisibleTo(editor) and "全宗号" in error.text()
    stored = services.cases.get(case.id or 0)
    assert stored is not None and stored.status is CaseStatus.DRAFT


# --- locked after 报送 ---------------------------------------------------------------------------


def test_a_submitted_case_is_changed_only_as_a_new_version(
    page: CasesPage,
    services: Services,
    group: LiaisonGroup,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = services.cases.save(
        Case(
            group_id=group.id,
            year=2024,
            title="停车",
            sections=dict(SECTIONS),
            status=CaseStatus.FINAL,
        )
    )
    services.submissions.record(
        Submission(
            group_id=group.id,
            target="市政协优秀协商案例征集",
            submitted_on=date(2024, 12, 30),
            cases=[SubmissionCase(case_id=case.id or 0)],
        )
    )
    editor = open_case(page, case.id)
    assert editor.banner.isVisibleTo(editor)
    assert "只读" in editor.banner_text.text() or "read-only" in editor.banner_text.text()
    assert editor.title_edit.isReadOnly()
    assert all(s.edit.isReadOnly() for s in editor.sections)
    assert not editor.save_button.isEnabled()
    assert not editor.link_button.isEnabled()

    monkeypatch.setattr(editor, "ask_reason", lambda: None)  # cancelled: stays read-only
    editor.new_version_button.click()
    assert editor.title_edit.isReadOnly()

    monkeypatch.setattr(editor, "ask_reason", lambda: "市政协要求补充数据")
    editor.new_version_button.click()
    assert not editor.title_edit.isReadOnly() and editor.save_button.isEnabled()
    assert "市政协要求补充数据" in editor.banner_text.text()
    section(editor, "results").setPlainText("新增车位150个。")
    assert editor.save()

    stored = services.cases.get(case.id or 0)
    assert stored is not None
    assert stored.version == 2 and stored.status is CaseStatus.DRAFT
    assert stored.sections["results"] == "新增车位150个。"
    assert not editor.banner.isVisibleTo(editor)
    assert editor.versions_button.isVisibleTo(editor)
    assert editor.status_label.text().startswith("草稿")

    # The submitted version stays readable.
    shown: list[str] = []

    def look(dialog: Any) -> bool:
        assert isinstance(dialog, VersionsDialog)
        shown.append(dialog.text.toPlainText())
        return False

    monkeypatch.setattr(editor, "exec_dialog", look)
    editor.versions_button.click()
    (text,) = shown
    assert "新增车位120个" in text and "新增车位150个" not in text
    assert "已报送" in text


def test_the_photos_of_a_submitted_case_stay_as_they_are_until_a_new_version(
    page: CasesPage,
    services: Services,
    group: LiaisonGroup,
    linked: list[Consultation],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a1, a2 = photos_of(services, linked[0])
    case = services.cases.save(
        Case(
            group_id=group.id,
            year=2024,
            title="停车",
            sections=dict(SECTIONS),
            consultation_ids=[linked[0].id or 0],
            photos=[CasePhoto(attachment_id=a1, caption="走访"), CasePhoto(attachment_id=a2)],
            status=CaseStatus.FINAL,
        )
    )
    services.submissions.record(
        Submission(
            group_id=group.id,
            target="市政协优秀协商案例征集",
            submitted_on=date(2024, 12, 30),
            cases=[SubmissionCase(case_id=case.id or 0)],
        )
    )
    editor = open_case(page, case.id)
    photos = editor.photos
    assert photos.ids() == [a1, a2]
    editable = Qt.ItemFlag.ItemIsEditable

    def captions_editable() -> list[bool]:
        return [bool(photos.list.item(i).flags() & editable) for i in range(photos.list.count())]

    # Read-only: nothing to choose, add, remove, move or caption, even with a photo selected.
    photos.list.setCurrentRow(1)
    assert not photos.choose_button.isEnabled() and not photos.add_button.isEnabled()
    assert not photos.remove_button.isEnabled() and not photos.left_button.isEnabled()
    assert captions_editable() == [False, False]
    assert not editor.has_unsaved_changes()

    # A new version with a reason: the photos can be changed, and a change is unsaved.
    monkeypatch.setattr(editor, "ask_reason", lambda: "补充照片说明")
    editor.new_version_button.click()
    assert photos.choose_button.isEnabled() and photos.add_button.isEnabled()
    assert photos.remove_button.isEnabled() and photos.left_button.isEnabled()
    assert captions_editable() == [True, True]
    assert not editor.has_unsaved_changes()
    photos.left_button.click()
    assert photos.ids() == [a2, a1] and editor.has_unsaved_changes()
    assert editor.save()
    stored = services.cases.get(case.id or 0)
    assert stored is not None and stored.version == 2
    assert [p.attachment_id for p in stored.photos] == [a2, a1]


# --- unsaved changes and drafts ----------------------------------------------------------------


def test_leaving_with_unsaved_changes_asks_first(
    page: CasesPage, services: Services, group: LiaisonGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = services.cases.save(Case(group_id=group.id, year=2024, title="停车"))
    editor = open_case(page, case.id)
    assert not page.has_unsaved_changes()
    assert page.show_list()  # nothing changed: no question
    editor = open_case(page, case.id)
    editor.title_edit.setText("停车难")
    assert page.has_unsaved_changes()

    answers = iter(["cancel", "discard"])
    asked: list[str] = []

    def ask(_parent: object, title: str, text: str) -> str:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(cases_page, "ask_save_discard_cancel", ask)
    editor.back_button.click()  # Cancel: still editing
    assert page.is_editing() and editor.title_edit.text() == "停车难"
    editor.back_button.click()  # Discard
    assert not page.is_editing()
    assert services.cases.get(case.id or 0).title == "停车"  # type: ignore[union-attr]
    assert len(asked) == 2

    editor = open_case(page, case.id)
    editor.title_edit.setText("停车难题")
    monkeypatch.setattr(cases_page, "ask_save_discard_cancel", lambda *_a: "save")
    assert page.new_record()  # Ctrl+N asks too; Save
    assert wait_for_tasks()
    assert services.cases.get(case.id or 0).title == "停车难题"  # type: ignore[union-attr]
    assert page.is_editing() and page.editor.title_edit.text() == ""


def test_the_main_window_saves_the_open_case_on_close(
    services: Services, group: LiaisonGroup, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.ui.main_window import MainWindow

    case = services.cases.save(Case(group_id=group.id, year=2024, title="停车"))
    window = MainWindow(services, "test")
    qtbot.addWidget(window)
    window.show_page("cases")
    assert wait_for_tasks()
    page = window.pages["cases"]
    assert isinstance(page, CasesPage)
    editor = open_case(page, case.id)
    editor.title_edit.setText("停车难")
    monkeypatch.setattr(window, "ask_about_unsaved", lambda _p: QMessageBox.StandardButton.Save)
    assert window.close()
    assert services.cases.get(case.id or 0).title == "停车难"  # type: ignore[union-attr]


def test_a_draft_is_kept_and_taken_back_after_a_crash(
    qapp: Any,
    shown_page: Callable[..., Any],
    services: Services,
    group: LiaisonGroup,
) -> None:
    case = services.cases.save(Case(group_id=group.id, year=2024, title="停车"))
    page = shown_page(CasesPage, services)
    editor = open_case(page, case.id)
    editor.keep_draft()
    assert services.drafts.pending("case") == []  # nothing unsaved, nothing kept
    section(editor, "background").setPlainText("还没保存的背景")
    assert services.drafts.pending("case") == []
    # The focus moves on from the text (what QApplication reports when the user tabs on).
    qapp.focusChanged.emit(section(editor, "background"), editor.title_edit)
    (info,) = services.drafts.pending("case")
    assert info.record_id == case.id and info.title == "停车"

    # After a crash: a new page takes the draft back, with its changes unsaved.
    again = shown_page(CasesPage, services)
    assert again.open_draft(info)
    assert again.is_editing()
    assert section(again.editor, "background").toPlainText() == "还没保存的背景"
    assert again.has_unsaved_changes()
    assert again.save()
    assert services.cases.get(case.id or 0).sections["background"] == "还没保存的背景"  # type: ignore[union-attr]
    assert services.drafts.pending("case") == []


def test_a_draft_of_a_case_never_saved_is_a_new_case(
    shown_page: Callable[..., Any], services: Services, group: LiaisonGroup
) -> None:
    page = shown_page(CasesPage, services)
    editor = open_new(page)
    editor.title_edit.setText("新写的案例")
    editor._draft_timer.timeout.emit()  # the 30-second timer
    (info,) = services.drafts.pending("case")
    assert info.record_id is None
    again = shown_page(CasesPage, services)
    assert not again.open_draft(type("Other", (), {"kind": "consultation"})())
    assert again.open_draft(info)
    assert again.editor.title_edit.text() == "新写的案例"
    assert again.has_unsaved_changes()
    again.discard_changes()
    assert services.drafts.pending("case") == []
    assert services.cases.search().total == 0


def test_keyboard_markup_makes_headings_and_bold(page: CasesPage) -> None:
    editor = open_new(page)
    edit = section(editor, "basic_info")
    edit.setPlainText("调研\n走访")
    cursor = edit.textCursor()
    cursor.setPosition(0)
    edit.setTextCursor(cursor)
    editor.insert_heading(1)
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.Down)
    edit.setTextCursor(cursor)
    editor.insert_heading(2)
    assert edit.toPlainText() == "一、调研\n（一）走访"
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.movePosition(cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, 2)
    edit.setTextCursor(cursor)
    editor.insert_bold()
    assert edit.toPlainText() == "一、调研\n（一）**走访**"
    edit.undo()
    assert edit.toPlainText() == "一、调研\n（一）走访"
    editor.preview_box.setChecked(True)
    assert "调研" in editor.preview.toPlainText()


def test_another_page_is_shown_only_after_asking_about_unsaved_changes(
    services: Services, group: LiaisonGroup, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.ui.main_window import MainWindow

    case = services.cases.save(Case(group_id=group.id, year=2024, title="停车"))
    window = MainWindow(services, "test")
    qtbot.addWidget(window)
    window.show_page("cases")
    assert wait_for_tasks()
    page = window.pages["cases"]
    assert isinstance(page, CasesPage)
    open_case(page, case.id).title_edit.setText("停车难")
    monkeypatch.setattr(cases_page, "ask_save_discard_cancel", lambda *_a: "cancel")
    window.show_page("people")
    assert window.current_page() is page and page.is_editing()
    monkeypatch.setattr(cases_page, "ask_save_discard_cancel", lambda *_a: "save")
    window.show_page("people")
    assert wait_for_tasks()
    assert window.current_page() is window.pages["people"]
    assert services.cases.get(case.id or 0).title == "停车难"  # type: ignore[union-attr]
