"""校验报送包…: a good package is reported valid in green (and matched with its 报送记录); a
tampered or foreign file is refused with each problem listed."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liaison_desk.domain.enums import CaseStatus
from liaison_desk.services import Services
from liaison_desk.ui import verify_dialog
from liaison_desk.ui.tasks import TaskControl, wait_for_tasks
from liaison_desk.ui.verify_dialog import BAD_COLOUR, OK_COLOUR, VerifyDialog


@pytest.fixture
def package(demo_services: Services, tmp_path: Path, qapp: Any) -> Path:
    ids = [c.id for c in demo_services.cases.in_statuses([CaseStatus.SELECTED]) if c.id]
    out = tmp_path / "报送"
    out.mkdir()
    return demo_services.packages.export(ids[:1], "市政协优秀协商案例征集", out).path


@pytest.fixture
def dialog(qtbot: Any, demo_services: Services) -> Iterator[VerifyDialog]:
    d = VerifyDialog(demo_services)
    qtbot.addWidget(d)
    d.show()
    yield d
    d.close()


def check(dialog: VerifyDialog, path: Path) -> str:
    dialog.path.setText(str(path))
    dialog.verify_button.click()
    assert wait_for_tasks(120_000)
    return dialog.report.toHtml()


def rewritten(source: Path, target: Path, change: Any) -> Path:
    """A copy of the ZIP with ``change(name, data)`` applied to each member (None drops it)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)
    return target


def test_a_good_package_is_reported_valid(
    dialog: VerifyDialog, demo_services: Services, package: Path
) -> None:
    assert not dialog.verify_button.isEnabled()  # nothing chosen yet
    html = check(dialog, package)
    assert dialog.is_ok()
    assert OK_COLOUR.lower() in html.lower()
    text = dialog.text()
    assert dialog.check is not None
    assert dialog.check.report.summary in text
    # Sent from this database: the 报送记录 with the same SHA-256 is named.
    assert dialog.check.submission is not None
    assert dialog.check.submission.file_name == package.name
    assert dialog.check.report.sha256 in text


def test_a_changed_photo_is_refused_naming_the_file(
    dialog: VerifyDialog, package: Path, tmp_path: Path
) -> None:
    changed: list[str] = []

    def flip_a_photo_byte(name: str, data: bytes) -> bytes:
        if name.endswith(".jpg") and not changed:
            changed.append(name)
            return data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:]
        return data

    bad = rewritten(package, tmp_path / "改过.zip", flip_a_photo_byte)
    html = check(dialog, bad)
    assert changed
    assert not dialog.is_ok()
    assert BAD_COLOUR.lower() in html.lower()
    assert dialog.check is not None and dialog.check.report.problems
    photo = Path(changed[0]).name
    assert photo in dialog.text()
    for problem in dialog.check.report.problems:
        assert str(problem) in dialog.text()


def test_a_missing_file_and_a_non_zip_are_refused(
    dialog: VerifyDialog, package: Path, tmp_path: Path
) -> None:
    dropped = rewritten(
        package, tmp_path / "少了.zip", lambda n, d: None if n.endswith("说明.txt") else d
    )
    check(dialog, dropped)
    assert not dialog.is_ok()
    assert "说明.txt" in dialog.text()

    not_zip = tmp_path / "不是压缩包.zip"
    not_zip.write_text("这不是一个压缩包", encoding="utf-8")
    check(dialog, not_zip)
    assert not dialog.is_ok()
    assert dialog.check is not None
    assert dialog.check.report.summary in dialog.text()


def test_browse_checks_the_chosen_file_at_once(
    dialog: VerifyDialog, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialog, "choose_file", lambda: str(package))
    browse = next(
        b for b in dialog.findChildren(type(dialog.verify_button)) if "Browse" in b.text()
    )
    browse.click()
    assert wait_for_tasks(120_000)
    assert dialog.path.text() == str(package)
    assert dialog.is_ok()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"PK\x03\x04 cut short",
        "这不是压缩文件".encode(),
    ],
    ids=["empty", "cut", "text"],
)
def test_a_crafted_file_is_refused_with_its_problems_listed(
    dialog: VerifyDialog, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "报送包.zip"
    path.write_bytes(content)
    html = check(dialog, path)
    assert not dialog.is_ok()
    assert BAD_COLOUR.lower() in html.lower()
    assert "被拒绝" in dialog.text()


def test_package_json_of_the_wrong_shape_is_listed(
    dialog: VerifyDialog, package: Path, tmp_path: Path
) -> None:
    """Finding 5: "photos": 5 in package.json is a listed problem, not an error box."""
    import json

    def change(name: str, data: bytes) -> bytes:
        if name.endswith("/data/package.json"):
            doc = json.loads(data)
            doc["cases"][0]["photos"] = 5
            return json.dumps(doc, ensure_ascii=False).encode("utf-8")
        return data

    html = check(dialog, rewritten(package, tmp_path / "改过.zip", change))
    assert not dialog.is_ok()
    assert BAD_COLOUR.lower() in html.lower()
    assert "应是列表，却是数字 5" in dialog.text()


def test_cancel_says_the_check_was_cancelled(
    dialog: VerifyDialog, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel reaches the service through the one protocol and comes back as a cancel, not as
    an error box."""
    real = TaskControl.__call__
    errors: list[BaseException] = []
    monkeypatch.setattr(verify_dialog, "show_error", lambda _parent, exc: errors.append(exc))

    def press_cancel_at_the_first_step(
        control: TaskControl, done: int, total: int, message: str = ""
    ) -> None:
        control.cancel()  # as the progress dialog's Cancel does
        real(control, done, total, message)

    monkeypatch.setattr(TaskControl, "__call__", press_cancel_at_the_first_step)
    check(dialog, package)
    assert errors == []
    assert dialog.check is None
    assert dialog.tr("The check was cancelled.") in dialog.text()
    assert dialog.verify_button.isEnabled()
