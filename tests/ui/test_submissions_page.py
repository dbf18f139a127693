"""The submissions page (报送记录): what was sent upward, with each case's result."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from liaison_desk.domain.entities import Case, Submission, SubmissionCase
from liaison_desk.domain.enums import CaseStatus, SubmissionResult
from liaison_desk.services import Services
from liaison_desk.ui.labels import label
from liaison_desk.ui.pages.submissions import SubmissionsPage
from liaison_desk.ui.tasks import wait_for_tasks


@pytest.fixture
def open_page(shown_page: Callable[..., Any]) -> Callable[[Services], SubmissionsPage]:
    return lambda services: shown_page(SubmissionsPage, services)


def cells(page: SubmissionsPage, row: int) -> dict[str, str]:
    model = page.model
    return {c.key: model.index(row, i).data() for i, c in enumerate(model.columns)}


def select(page: SubmissionsPage, submission_id: int | None) -> str:
    row = next(i for i, s in enumerate(page.model.rows()) if s.id == submission_id)
    page.table.selectRow(row)
    assert wait_for_tasks()
    return page.detail.text.toPlainText()


def test_lists_the_demo_submissions_with_their_results(
    demo_services: Services, open_page: Callable[..., SubmissionsPage]
) -> None:
    page = open_page(demo_services)
    every = demo_services.submissions.all()
    assert len(every) == 5
    assert {s.id for s in page.model.rows()} == {s.id for s in every}
    assert page.status_text() == page.count_text(5)
    # Newest first.
    dates = [s.submitted_on for s in page.model.rows()]
    assert dates == sorted(dates, reverse=True)
    for row, sub in enumerate(page.model.rows()):
        cell = cells(page, row)
        assert cell["target"] == sub.target
        assert cell["cases"] == str(len(sub.cases))
        assert cell["results"] == f"{label(SubmissionResult.SELECTED)} {len(sub.cases)}"
        assert cell["file_name"] == sub.file_name

    for sub in every:
        text = select(page, sub.id)
        assert sub.target in text and sub.file_name in text
        for entry in sub.cases:
            case = demo_services.cases.get(entry.case_id)
            assert case is not None
            assert case.title in text
            assert label(entry.result) in text
            assert entry.note in text


def test_a_new_submission_with_mixed_results_and_its_hash(
    demo_services: Services, open_page: Callable[..., SubmissionsPage], tmp_path: Path
) -> None:
    package = tmp_path / "报送包.zip"
    package.write_bytes(b"zip")
    cases = [
        demo_services.cases.save(
            Case(group_id=1, year=2024, title=f"案例{i}", status=CaseStatus.FINAL)
        )
        for i in range(3)
    ]
    sub = demo_services.submissions.record(
        Submission(
            group_id=1,
            target="市政协2025年协商案例征集",
            submitted_on=date(2024, 12, 20),
            cases=[SubmissionCase(case_id=c.id or 0) for c in cases],
        ),
        package,
    )
    demo_services.submissions.set_result(sub.id or 0, cases[0].id or 0, SubmissionResult.SELECTED)
    demo_services.submissions.set_result(
        sub.id or 0, cases[1].id or 0, SubmissionResult.RETURNED, "请压缩到3000字以内"
    )
    page = open_page(demo_services)
    row = next(i for i, s in enumerate(page.model.rows()) if s.id == sub.id)
    cell = cells(page, row)
    assert cell["results"] == " · ".join(
        [
            f"{label(SubmissionResult.SELECTED)} 1",
            f"{label(SubmissionResult.RETURNED)} 1",
            f"{label(SubmissionResult.PENDING)} 1",
        ]
    )
    saved = demo_services.submissions.get(sub.id or 0)
    assert saved is not None and len(saved.sha256) == 64
    assert cell["sha256"] == saved.sha256[:10]
    sha_column = page.model.column_index("sha256")
    tip = page.model.index(row, sha_column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == saved.sha256
    assert not page.table.isColumnHidden(sha_column)  # a row has a checksum now

    text = select(page, sub.id)
    assert page.tr("File checksum (SHA-256)") in text
    assert saved.sha256 in text
    assert "请压缩到3000字以内" in text
    assert label(SubmissionResult.RETURNED) in text and label(SubmissionResult.PENDING) in text


def test_without_any_checksum_the_column_is_hidden_and_the_detail_says_why(
    demo_services: Services, open_page: Callable[..., SubmissionsPage]
) -> None:
    page = open_page(demo_services)
    assert page.model.rows() and not any(s.sha256 for s in page.model.rows())
    assert page.table.isColumnHidden(page.model.column_index("sha256"))
    text = select(page, page.model.rows()[0].id)
    assert page.tr("File checksum (SHA-256)") in text
    assert page.tr("No package file was recorded for this submission.") in text
    assert "SHA-256 " + page.tr("Not recorded") not in text


def test_filters(demo_services: Services, open_page: Callable[..., SubmissionsPage]) -> None:
    page = open_page(demo_services)
    zhili = demo_services.submissions.all(group_id=1)
    assert len(zhili) == 2

    page.group_filter.setCurrentIndex(page.group_filter.findText("织里镇联络组"))
    assert wait_for_tasks()
    assert {s.id for s in page.model.rows()} == {s.id for s in zhili}

    page.search.setText("省政协")
    page.reload()
    assert wait_for_tasks()
    assert [s.target for s in page.model.rows()] == ["省政协“为民办实事”协商案例汇编"]

    page.apply_filter({"text": "埭溪镇"})  # in the file name; the other filters reset
    assert wait_for_tasks()
    assert [s.group_id for s in page.model.rows()] == [4]
    assert page.group_filter.currentIndex() == 0

    page.apply_filter({"year": 2024})
    assert wait_for_tasks()
    assert len(page.model.rows()) == 5
    page.apply_filter({"year": 2023, "group_id": 1})
    assert wait_for_tasks()
    assert page.model.rows() == []
    assert page.group_filter.currentText() == "织里镇联络组"


# --- recording results, exporting and checking packages ------------------------------------------


def test_results_are_recorded_per_case_and_the_case_statuses_follow(
    demo_services: Services,
    open_page: Callable[..., SubmissionsPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cases = [
        demo_services.cases.save(
            Case(group_id=1, year=2024, title=f"报送案例{i}", status=CaseStatus.FINAL)
        )
        for i in range(3)
    ]
    sub = demo_services.submissions.record(
        Submission(
            group_id=1,
            target="市政协优秀协商案例征集",
            submitted_on=date(2024, 12, 30),
            cases=[SubmissionCase(case_id=c.id or 0) for c in cases],
        )
    )
    page = open_page(demo_services)
    select(page, sub.id)

    from liaison_desk.ui.pages.submissions import ResultDialog

    shown: list[list[str]] = []

    def decide(dialog: Any) -> bool:
        assert isinstance(dialog, ResultDialog)
        shown.append([dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())])
        for combo, result in zip(
            dialog.results,
            (SubmissionResult.SELECTED, SubmissionResult.NOT_SELECTED, SubmissionResult.RETURNED),
            strict=True,
        ):
            combo.setCurrentIndex(combo.findData(result.value))
        dialog.notes[2].setText("请补充群众满意度数据")
        return True

    monkeypatch.setattr(page, "exec_dialog", decide)
    page.table.setFocus()
    page.result_button.click()
    assert wait_for_tasks()
    assert shown == [[c.title for c in cases]]

    saved = demo_services.submissions.get(sub.id or 0)
    assert saved is not None
    assert [(c.result, c.note) for c in saved.cases] == [
        (SubmissionResult.SELECTED, ""),
        (SubmissionResult.NOT_SELECTED, ""),
        (SubmissionResult.RETURNED, "请补充群众满意度数据"),
    ]
    statuses = [demo_services.cases.get(c.id or 0).status for c in cases]  # type: ignore[union-attr]
    assert statuses == [CaseStatus.SELECTED, CaseStatus.SUBMITTED, CaseStatus.RETURNED]
    # The list and the detail show the results at once.
    text = select(page, sub.id)
    assert "请补充群众满意度数据" in text
    row = next(i for i, s in enumerate(page.model.rows()) if s.id == sub.id)
    assert label(SubmissionResult.RETURNED) in cells(page, row)["results"]

    # Cancelled: nothing changes.
    monkeypatch.setattr(page, "exec_dialog", lambda _d: False)
    page.open_record(page.current_record())  # type: ignore[arg-type]
    assert wait_for_tasks()
    assert demo_services.submissions.get(sub.id or 0) == saved


def test_the_page_opens_the_package_and_check_dialogs(
    demo_services: Services,
    open_page: Callable[..., SubmissionsPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from liaison_desk.ui.package_dialog import PackageDialog
    from liaison_desk.ui.verify_dialog import VerifyDialog

    page = open_page(demo_services)
    opened: list[Any] = []

    def run(dialog: Any) -> bool:
        assert wait_for_tasks()
        opened.append(dialog)
        return False

    monkeypatch.setattr(page, "exec_dialog", run)
    page.package_button.click()
    page.verify_button.click()
    assert [type(d) for d in opened] == [PackageDialog, VerifyDialog]
    package = opened[0]
    assert package.case_ids() == []  # from here, the user ticks the cases
    assert package.cases.count() == len(
        demo_services.cases.in_statuses(
            [CaseStatus.FINAL, CaseStatus.SUBMITTED, CaseStatus.SELECTED]
        )
    )


def test_a_package_of_several_groups_says_so_in_the_group_column(
    demo_services: Services, open_page: Callable[..., SubmissionsPage]
) -> None:
    cases = [c for c in demo_services.cases.search().items if c.archive_number]
    by_group = {c.group_id: c for c in cases}
    assert len(by_group) >= 2
    two = list(by_group.values())[:2]
    sub = demo_services.submissions.record(
        Submission(
            group_id=None,
            target="区政协汇总报送",
            submitted_on=date(2024, 12, 30),
            cases=[SubmissionCase(case_id=c.id or 0) for c in two],
        )
    )
    page = open_page(demo_services)
    row = next(i for i, s in enumerate(page.model.rows()) if s.id == sub.id)
    assert cells(page, row)["group"] == page.tr("Several groups")
    one_group = next(i for i, s in enumerate(page.model.rows()) if s.group_id is not None)
    assert cells(page, one_group)["group"]  # a group's own submission names the group
