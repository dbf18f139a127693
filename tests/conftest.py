"""Shared fixtures: a fresh database file per test, its attachment store, the services over both
with a clock the test controls, and the 织里镇 liaison group most tests record against."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clock import START, FixedClock  # noqa: F401  (re-exported for older tests)
from liaison_desk.domain.entities import Consultation, LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database


@pytest.fixture(scope="session", autouse=True)
def _the_session_qapplication_comes_first(qapp: Any) -> Any:
    """One QApplication for the whole run, made before any test: the command line's PDF
    commands make a bare QGuiApplication when there is none, and a widget test after one of
    them in the same process aborted (Qt cannot make widgets without a QApplication)."""
    return qapp


ACTOR = "测试员"


def pytest_configure(config: pytest.Config) -> None:
    """Before any fixture (session-wide ones too) runs: a private data folder, no inherited
    database. The per-test fixture below then gives each test its own."""
    import os
    import tempfile

    os.environ["LIAISON_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="liaison-desk-tests-")
    # Headless even when pytest is run by hand on a machine without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("LIAISON_DESK_DB", None)


@pytest.fixture(autouse=True)
def faulthandler_on_stderr() -> Iterator[None]:
    """The app points faulthandler at its log file (log.py); a test that sets logging up leaves
    it there, on a file that is closed when the test ends. Put it back on the terminal after
    each such test, so a crash in a later test shows its stacks in the test run's output (and
    nothing is written to a file descriptor that has been reused)."""
    yield
    import faulthandler
    import sys

    from liaison_desk import log as log_module

    if log_module._faults_enabled:
        log_module._faults_enabled = False
        faulthandler.enable(file=sys.__stderr__, all_threads=True)


@pytest.fixture(autouse=True)
def private_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the real user data folder, nor follows a LIAISON_DESK_DB set on
    the developer's machine."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("LIAISON_DESK_DATA_DIR", str(folder))
    monkeypatch.delenv("LIAISON_DESK_DB", raising=False)
    return folder


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "履职档案.sqlite"


@pytest.fixture
def db(db_file: Path) -> Iterator[Database]:
    database = Database.open(f"sqlite:///{db_file}")
    yield database
    database.close()


@pytest.fixture
def store(db_file: Path) -> AttachmentStore:
    return AttachmentStore.beside_database(db_file)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def services(db: Database, store: AttachmentStore, clock: FixedClock) -> Services:
    return Services(ServiceContext(db, store, actor=ACTOR, clock=clock))


@pytest.fixture
def group(services: Services) -> LiaisonGroup:
    return services.groups.save(
        LiaisonGroup(name="织里镇联络组", town="织里镇", fonds_code="J012", org_code="ZL")
    )


@pytest.fixture
def new_consultation(services: Services, group: LiaisonGroup) -> Callable[..., Consultation]:
    """Factory of unsaved consultations of ``group`` with the current checklist of their kind;
    keyword arguments set any field (kind, title, held_on, participants, outcome_items, ...)."""

    def make(
        *,
        kind: ConsultationKind = ConsultationKind.HALL,
        title: str = "老旧小区加装电梯",
        held_on: date = date(2024, 3, 5),
        venue: str = "织里镇民生议事堂",
        **fields: Any,
    ) -> Consultation:
        c = services.consultations.new(kind, fields.pop("group_id", group.id))
        c.title, c.held_on, c.venue = title, held_on, venue
        for name, value in fields.items():
            assert hasattr(c, name), name
            setattr(c, name, value)
        return c

    return make


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database for the whole session (never changed by tests; use ``demo_db`` or
    ``demo_services`` for a private copy), built as of the tests' clock (2024-12-31), so it holds
    the demo year as it stood then (built later, the demo follows its items up to that day)."""
    from liaison_desk.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    db = folder / "示例.sqlite"
    database = Database.open(f"sqlite:///{db}")
    try:
        store = AttachmentStore.beside_database(db)
        build_demo(Services(ServiceContext(database, store, clock=FixedClock())))
    finally:
        database.close()
    return db


@pytest.fixture
def demo_db(demo_master: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database and its attachment folder."""
    import shutil

    db = tmp_path / demo_master.name
    shutil.copyfile(demo_master, db)
    src_store = AttachmentStore.beside_database(demo_master).root
    shutil.copytree(src_store, AttachmentStore.beside_database(db).root)
    return db


@pytest.fixture
def demo_services(demo_db: Path, clock: FixedClock) -> Iterator[Services]:
    """Services over a private copy of the demo year (2024), on 2024-12-31 by the test clock."""
    database = Database.open(f"sqlite:///{demo_db}")
    yield Services(
        ServiceContext(database, AttachmentStore.beside_database(demo_db), actor=ACTOR, clock=clock)
    )
    database.close()
