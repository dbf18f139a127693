"""One progress-and-cancel protocol (``liaison_desk.progress``): every long operation takes the
same ``Progress`` and stops on the same ``Cancelled`` with nothing left behind, and the UI's
``TaskControl`` is such a ``Progress``, so the UI hands it to a service as it is."""

from __future__ import annotations

import ast
import hashlib
import textwrap
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import CaseStatus
from liaison_desk.domain.queries import CaseFilter, ConsultationFilter
from liaison_desk.progress import Cancelled, Progress, within
from liaison_desk.services import Services
from liaison_desk.storage.database import Database
from progress_fakes import FakeProgress

PROGRESS_MODULE = Path(__file__).resolve().parents[1] / "src" / "liaison_desk" / "progress.py"

Run = Callable[[Progress], object]


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` with a digest of its bytes (folders and the open
    database, whose pages SQLite may checkpoint when it is closed and opened again: "")."""
    found = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.name.endswith(("-wal", "-shm")):
            continue  # SQLite's own journals of the open database come and go
        digest = p.is_file() and p.suffix != ".sqlite"
        found[rel] = hashlib.sha256(p.read_bytes()).hexdigest() if digest else ""
    return found


def selected_ids(sv: Services) -> list[int]:
    cases = sv.cases.in_statuses({CaseStatus.SELECTED}, CaseFilter(year=2024))
    return [c.id for c in sorted(cases, key=lambda c: c.archive_number) if c.id is not None]


# --- each long operation, set up and run with a given progress ---------------------------------


def package_export(sv: Services, tmp: Path) -> Run:
    out = tmp / "报送"
    out.mkdir()
    ids = selected_ids(sv)
    return lambda p: sv.packages.export(ids, "市政协优秀协商案例征集", out, progress=p)


def package_verify(sv: Services, tmp: Path) -> Run:
    from liaison_desk.documents.package_check import verify_package

    zip_path = sv.packages.export(selected_ids(sv)[:1], "市政协", tmp).path
    work = tmp / "解压"
    work.mkdir()
    return lambda p: verify_package(zip_path, progress=p, work_dir=work)


def collection(sv: Services, tmp: Path) -> Run:
    ids = selected_ids(sv)
    return lambda p: sv.case_documents.write_collection(ids, tmp / "汇编.pdf", progress=p)


def ledger_export(sv: Services, tmp: Path) -> Run:
    return lambda p: sv.ledger.export(ConsultationFilter(year=2024), tmp / "台账.xlsx", p)


def backup(sv: Services, tmp: Path) -> Run:
    return sv.backups.back_up_now


def restore(sv: Services, tmp: Path) -> Run:
    sv.backups.back_up_now()
    entry = sv.backups.backups()[0]
    return lambda p: sv.backups.restore(entry, p)


def integrity_check(sv: Services, tmp: Path) -> Run:
    from liaison_desk.storage.integrity import check_database

    return lambda p: check_database(sv.ctx.db, sv.ctx.store, p)


OPERATIONS: dict[str, Callable[[Services, Path], Run]] = {
    "package export": package_export,
    "package verify": package_verify,
    "collection": collection,
    "ledger export": ledger_export,
    "backup": backup,
    "restore": restore,
    "integrity check": integrity_check,
}


@pytest.mark.parametrize("cancel_at", [1, 3])
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_every_long_operation_stops_on_the_one_cancel_and_leaves_nothing(
    demo_services: Services,
    qapp: object,
    tmp_path: Path,
    operation: str,
    cancel_at: int,
) -> None:
    run = OPERATIONS[operation](demo_services, tmp_path)
    before = tree(tmp_path)
    submissions = len(demo_services.submissions.all())
    progress = FakeProgress(cancel_at=cancel_at)

    with pytest.raises(Cancelled):
        run(progress)

    assert len(progress.calls) == cancel_at  # stopped at the report that met the Cancel
    assert tree(tmp_path) == before  # no file, no temporary file, no folder, no changed byte
    assert len(demo_services.submissions.all()) == submissions  # nothing recorded


def test_the_demo_build_stops_on_the_one_cancel(
    tmp_path: Path, qapp: object, clock: Callable[[], datetime]
) -> None:
    """The demo build stops at the report that meets the Cancel; what it saved stays (the
    command line builds into a temporary file, so nothing is left of it there)."""
    from liaison_desk.demo import build_demo
    from liaison_desk.services.base import ServiceContext
    from liaison_desk.storage.attachments import AttachmentStore

    file = tmp_path / "示例.sqlite"
    db = Database.open(f"sqlite:///{file}")
    try:
        services = Services(ServiceContext(db, AttachmentStore.beside_database(file), clock=clock))
        progress = FakeProgress(cancel_at=5)
        with pytest.raises(Cancelled):
            build_demo(services, progress=progress)
        assert len(progress.calls) == 5
    finally:
        db.close()


def test_matching_scans_stops_on_the_one_cancel_and_reports_what_it_did(
    demo_services: Services, tmp_path: Path
) -> None:
    """Attached files are real changes the user must see: the report comes back marked
    cancelled rather than the exception."""
    files = []
    for n in range(3):
        f = tmp_path / f"扫描{n}.txt"
        f.write_text("不是图片", encoding="utf-8")
        files.append(f)
    progress = FakeProgress(cancel_at=2)
    report = demo_services.scans.match_files(files, progress)
    assert report.cancelled
    assert len(report.unmatched) == 1  # the first file was looked at, the rest were not


# --- the protocol itself ---------------------------------------------------------------------


def test_task_control_is_the_protocol_and_cancels_by_it(qtbot: QtBot) -> None:
    from liaison_desk.ui.tasks import TaskControl, run_task, wait_for_tasks

    owner = QWidget()
    qtbot.addWidget(owner)
    reports: list[tuple[int, int, str]] = []
    controls: list[TaskControl] = []

    def work(control: TaskControl) -> str:
        controls.append(control)
        progress: Progress = control  # what a service is given, without an adapter
        progress(1, 2, "一半")
        control.cancel()
        progress(2, 2)
        return "not reached"

    handle = run_task(owner, work, on_progress=lambda d, t, m: reports.append((d, t, m)))
    cancelled: list[bool] = []
    handle.cancelled.connect(lambda: cancelled.append(True))
    assert wait_for_tasks()
    assert isinstance(controls[0], Progress)
    assert reports == [(1, 2, "一半")]  # the report after Cancel raised instead of showing
    assert cancelled == [True]


def test_within_maps_a_part_onto_its_stretch_of_the_whole() -> None:
    outer = FakeProgress()
    part = within(outer, 10, 20, 40)
    assert part is not None
    part(0, 4)
    part(2, 4, "一半")
    part(4, 4)
    part(0, 0)
    assert outer.calls == [(10, 40, ""), (20, 40, "一半"), (30, 40, ""), (30, 40, "")]
    assert within(None, 0, 1, 1) is None


def test_the_protocol_module_stands_on_the_ground_floor() -> None:
    """Every layer imports it, so it imports nothing of the project."""
    tree_ = ast.parse(PROGRESS_MODULE.read_text(encoding="utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree_)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {m for m in imported if m and m.startswith("liaison_desk")}


def test_mypy_refuses_the_old_shapes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``(done, total) -> bool`` callback ("False to stop") is no Progress; the one shape is."""
    mypy_api = pytest.importorskip("mypy.api")
    snippet = tmp_path / "shapes.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from liaison_desk.progress import Progress

            def old(done: int, total: int) -> bool:
                return True

            def new(done: int, total: int, message: str = "", /) -> None:
                return None

            a: Progress = new
            b: Progress = old
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("MYPYPATH", str(PROGRESS_MODULE.parents[1]))
    out, _err, status = mypy_api.run(
        [str(snippet), "--no-incremental", "--cache-dir", str(tmp_path / "cache")]
    )
    assert status == 1, out
    assert "shapes.py:11: error" in out and "shapes.py:10" not in out


def test_cancelled_carries_a_message_a_user_can_read() -> None:
    assert str(Cancelled()) == "操作已取消。"
    assert isinstance(Cancelled(), Exception)
