"""生成报送包…: the preview of what will be masked, the export with progress that records the
submission (报送记录), and a cancelled export that leaves nothing behind."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liaison_desk.domain.enums import CaseStatus
from liaison_desk.services import Services
from liaison_desk.ui import package_dialog
from liaison_desk.ui.package_dialog import DEFAULT_TARGETS, PackageDialog
from liaison_desk.ui.tasks import TaskControl, wait_for_tasks


@pytest.fixture
def selected_ids(demo_services: Services) -> list[int]:
    """The four 2024 cases selected by the city and the province (demo)."""
    cases = demo_services.cases.in_statuses([CaseStatus.SELECTED])
    assert len(cases) == 4
    return [c.id for c in cases if c.id is not None]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder the package goes to (the demo database lives in tmp_path itself)."""
    folder = tmp_path / "报送"
    folder.mkdir()
    return folder


@pytest.fixture
def dialog(qtbot: Any, demo_services: Services, selected_ids: list[int]) -> Iterator[PackageDialog]:
    d = PackageDialog(demo_services, selected_ids[:2])
    qtbot.addWidget(d)
    d.show()
    assert wait_for_tasks()
    yield d
    d.close()


def test_the_dialog_offers_the_sendable_cases_and_the_known_targets(
    dialog: PackageDialog, demo_services: Services, selected_ids: list[int]
) -> None:
    assert dialog.case_ids() == selected_ids[:2]
    offered = {
        int(dialog.cases.item(i).data(package_dialog.CASE_ROLE))
        for i in range(dialog.cases.count())
    }
    sendable = demo_services.cases.in_statuses(package_dialog.SENDABLE)
    assert offered == {c.id for c in sendable}  # no draft offered
    targets = [dialog.target.itemText(i) for i in range(dialog.target.count())]
    assert targets[:2] == list(DEFAULT_TARGETS)
    for sub in demo_services.submissions.all():
        assert sub.target in targets
    assert dialog.target.isEditable()
    assert dialog.masked.isChecked()  # masking on by default


def test_the_masking_preview_lists_what_will_be_masked_before_writing(
    dialog: PackageDialog, demo_services: Services, selected_ids: list[int], out: Path
) -> None:
    dialog.folder.setText(str(out))
    dialog.set_case_ids(selected_ids)
    dialog.update_preview()
    assert wait_for_tasks()
    assert sorted(dialog.case_ids()) == sorted(selected_ids)
    expected = demo_services.packages.masking_preview(dialog.case_ids())
    assert expected.hidden, "the demo cases name residents"
    rows = dialog.preview_model.rows()
    assert sorted(rows, key=repr) == sorted(expected.items, key=repr)
    model = dialog.preview_model
    for r, value in enumerate(rows):
        cell = {c.key: model.index(r, i).data() for i, c in enumerate(model.columns)}
        assert cell["who"] == value.who and cell["field"] == value.field
        assert cell["before"] == value.before
        if not value.consented:
            assert cell["after"] == value.after and cell["after"] != cell["before"]
    assert str(len(expected.hidden)) in dialog.preview_summary.text()
    name = demo_services.packages.package_name(dialog.case_ids())
    assert dialog.file_name.text() == name + ".zip"
    assert dialog.export_button.isEnabled()
    assert list(out.iterdir()) == []  # nothing written by the preview

    dialog.masked.setChecked(False)
    dialog.update_preview()
    assert wait_for_tasks()
    assert "#B3261E" in dialog.preview_summary.styleSheet()  # a warning: nothing masked


def test_a_draft_cannot_be_sent_and_the_dialog_says_why(
    qtbot: Any, demo_services: Services
) -> None:
    draft = next(c for c in demo_services.cases.search().items if c.status is CaseStatus.DRAFT)
    d = PackageDialog(demo_services, [draft.id or 0])
    qtbot.addWidget(d)
    assert wait_for_tasks()
    assert d.case_ids() == [draft.id]
    assert d.problem.isVisibleTo(d) and "定稿" in d.problem.text()
    assert not d.export_button.isEnabled()


def test_export_writes_the_zip_and_records_the_submission(
    dialog: PackageDialog,
    demo_services: Services,
    selected_ids: list[int],
    out: Path,
    shown_page: Any,
) -> None:
    before = {s.id for s in demo_services.submissions.all()}
    dialog.folder.setText(str(out))
    dialog.set_case_ids(selected_ids)
    dialog.update_preview()
    assert wait_for_tasks()
    progress: list[tuple[int, int]] = []
    exported: list[Any] = []
    dialog.exported.connect(exported.append)
    dialog.export_button.click()
    dialog.handle.progress.connect(lambda d, t, _m: progress.append((d, t)))
    assert wait_for_tasks(120_000)

    (result,) = exported
    assert dialog.pages.currentIndex() == 1  # the "done" page
    zips = list(out.iterdir())
    assert zips == [result.path] and result.path.suffix == ".zip"
    text = dialog.done_text.toPlainText()
    assert str(result.path) in text and result.sha256 in text
    # The result is shown whole and the dialog shrinks to it: no page of empty space.
    assert dialog.done_text.verticalScrollBar().maximum() == 0
    needed = dialog.done_text.document().size().height()
    assert dialog.done_text.height() < needed + 40
    assert dialog.height() < dialog.done_text.height() + 120
    assert progress, "the export reported its progress"

    (new,) = [s for s in demo_services.submissions.all() if s.id not in before]
    assert new.target == DEFAULT_TARGETS[0]
    assert new.file_name == result.path.name
    assert new.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert sorted(c.case_id for c in new.cases) == sorted(selected_ids)

    opened: list[Path] = []
    dialog.open_folder = opened.append  # type: ignore[method-assign]
    dialog.open_folder_button.click()
    assert opened == [out]

    # The 报送记录 page shows it, with its file name and SHA-256.
    from liaison_desk.ui.pages.submissions import SubmissionsPage

    page = shown_page(SubmissionsPage, demo_services)
    row = next(i for i, s in enumerate(page.model.rows()) if s.id == new.id)
    page.table.selectRow(row)
    assert wait_for_tasks()
    detail = page.detail.text.toPlainText()
    assert new.file_name in detail and new.sha256 in detail


def test_a_cancelled_export_leaves_nothing(
    dialog: PackageDialog,
    demo_services: Services,
    selected_ids: list[int],
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = demo_services.submissions.all()
    dialog.folder.setText(str(out))
    dialog.set_case_ids(selected_ids)
    dialog.update_preview()
    assert wait_for_tasks()
    real = TaskControl.__call__

    def press_cancel_at_the_first_step(
        control: TaskControl, done: int, total: int, message: str = ""
    ) -> None:
        control.cancel()  # as the progress dialog's Cancel does
        real(control, done, total, message)

    # The service is given the control itself: its first report meets the Cancel.
    monkeypatch.setattr(TaskControl, "__call__", press_cancel_at_the_first_step)
    exported: list[Any] = []
    dialog.exported.connect(exported.append)
    dialog.export_button.click()
    assert wait_for_tasks(120_000)
    assert exported == []
    assert dialog.pages.currentIndex() == 0
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text() == dialog.tr(
        "The export was cancelled. Nothing was written or recorded."
    )
    assert list(out.iterdir()) == []  # no ZIP, no temporary file
    assert demo_services.submissions.all() == before
    assert all(
        c.status is CaseStatus.SELECTED
        for c in (demo_services.cases.get(i) for i in selected_ids)
        if c is not None
    )
    assert dialog.export_button.isEnabled()  # can be tried again
