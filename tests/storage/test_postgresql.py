"""The same code on a PostgreSQL server (a district office with several PCs): migrations, every
service the demo uses, search and statistics give the same answers as on SQLite.

A throw-away PostgreSQL cluster is started in a temporary folder, listening on a Unix socket only;
the module is skipped (saying why) where no PostgreSQL server programs are installed.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pg_cluster
from liaison_desk.demo import build_demo
from liaison_desk.domain.collation import sort_key
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus
from liaison_desk.domain.queries import ConsultationFilter, OutcomeFilter, PageRequest
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database, head_revision
from liaison_desk.storage.errors import DatabaseTooNewError
from search_needles import corpus_of, first_pages, found, needles

pg_url = pg_cluster.pg_url  # the throw-away cluster (test_server.py imports it from here)


@pytest.fixture(scope="module")
def both(
    pg_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Services, Services]]:
    """The demo year built on PostgreSQL and on SQLite from the same seed."""
    folder = tmp_path_factory.mktemp("pg-compare")
    pg = Database.open(pg_url.format(db="liaison"))
    lite_file = folder / "lite.sqlite"
    lite = Database.open(f"sqlite:///{lite_file}")
    on_pg = Services(ServiceContext(pg, AttachmentStore(folder / "pg-files")))
    on_lite = Services(ServiceContext(lite, AttachmentStore.beside_database(lite_file)))
    build_demo(on_pg)
    build_demo(on_lite)
    yield on_pg, on_lite
    pg.close()
    lite.close()


def test_migrations_reach_head_on_postgresql(both: tuple[Services, Services]) -> None:
    on_pg, _ = both
    assert on_pg.ctx.db.current_revision() == head_revision()
    assert on_pg.consultations.template(ConsultationKind.HALL).steps[0] == "征集议题"


def test_statistics_agree_with_sqlite(both: tuple[Services, Services]) -> None:
    on_pg, on_lite = both
    pg, lite = on_pg.statistics.year(2024), on_lite.statistics.year(2024)
    assert (pg.hall_sessions, pg.micro_consultations) == (85, 158)
    assert pg == lite


@pytest.mark.parametrize(
    "query",
    [
        ConsultationFilter(year=2024, kind=ConsultationKind.HALL),
        ConsultationFilter(text="电梯"),
        ConsultationFilter(text="驿站"),
        ConsultationFilter(text="100%"),  # a literal %, not a wildcard
        ConsultationFilter(held_from=date(2024, 6, 1), held_to=date(2024, 6, 30)),
    ],
)
def test_search_agrees_with_sqlite(
    both: tuple[Services, Services], query: ConsultationFilter
) -> None:
    on_pg, on_lite = both
    order = PageRequest(order_by="number")
    pg = [c.number for c in on_pg.consultations.search(query, order).items]
    lite = [c.number for c in on_lite.consultations.search(query, order).items]
    # The same records. The order differs: SQLite sorts text in the lists' pinyin order
    # (storage/list_order.py), a server by its collation (its lists sort text themselves).
    assert sorted(pg) == sorted(lite)
    assert lite == sorted(lite, key=sort_key)


def test_member_ranking_agrees_with_sqlite(both: tuple[Services, Services]) -> None:
    """The roster is ordered by the engine for the ranking (group, then name, by code point
    on both engines, whatever the server's locale)."""
    on_pg, on_lite = both

    def shown(services: Services) -> list[tuple[object, ...]]:
        return [
            (r.rank, r.record.person.name, r.group_name, r.record.points, r.record.person.phone)
            for r in services.members.ranking(2024).rows
        ]

    assert shown(on_pg) == shown(on_lite)
    assert len({points for _r, _n, _g, points, _p in shown(on_lite)}) > 3


def test_outcome_filters_agree_with_sqlite(both: tuple[Services, Services]) -> None:
    on_pg, on_lite = both
    for f in (
        OutcomeFilter(status=OutcomeStatus.SOLVED),
        OutcomeFilter(overdue_on=date(2024, 12, 31)),
        OutcomeFilter(responsible_body="镇"),
    ):
        assert on_pg.consultations.search_outcome_items(f).total == (
            on_lite.consultations.search_outcome_items(f).total
        )


def test_a_newer_server_database_is_refused(pg_url: str) -> None:
    url = pg_url.format(db="liaison_newer")
    Database.open(url).close()
    db = Database.open(url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    with pytest.raises(DatabaseTooNewError, match="更新版本"):
        Database.open(url)


# --- two writers on a server (row locks and compare-and-set, no write lock for the database) ---


@pytest.fixture(scope="module")
def race_db(pg_url: str) -> Iterator[Database]:
    db = Database.open(pg_url.format(db="liaison_race"))
    yield db
    db.close()


def test_a_stale_save_on_the_server_is_a_conflict(
    race_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from sqlalchemy import select

    from liaison_desk.domain.entities import LiaisonGroup
    from liaison_desk.domain.rules import ConflictError
    from liaison_desk.storage.models import GroupRow

    services = Services(ServiceContext(race_db, AttachmentStore(tmp_path_factory.mktemp("f"))))
    group = services.groups.save(LiaisonGroup(name="八里店镇联络组", town="八里店镇"))
    # Two units of work read the same revision; the first saves; the second must not.
    with pytest.raises(ConflictError, match="已被另一处修改"), race_db.session() as first:
        row = first.scalars(select(GroupRow).where(GroupRow.id == group.id)).one()
        with race_db.session() as second:
            other = second.scalars(select(GroupRow).where(GroupRow.id == group.id)).one()
            other.leader, other.revision = "沈建国", other.revision + 1
        row.leader, row.revision = "李晓燕", row.revision + 1
        first.flush()
    stored = services.groups.get(group.id or 0)
    assert stored is not None and stored.leader == "沈建国"
    assert stored.revision == group.revision + 1


def test_a_new_number_counter_created_by_two_at_once_hands_out_two_numbers(
    race_db: Database,
) -> None:
    import threading

    from liaison_desk.storage import repositories as repo

    got: list[int] = []
    with race_db.session() as first:
        got.append(repo.next_sequence(first, "test:新计数器"))

        def second() -> None:  # waits for the first one's row lock, then goes on
            with race_db.session() as s:
                got.append(repo.next_sequence(s, "test:新计数器"))

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive()  # blocked on the lock, not failed on the primary key
    thread.join(30)
    assert sorted(got) == [1, 2]


def test_two_processes_saving_one_record_on_the_server_lose_no_save(
    pg_url: str, tmp_path: Path
) -> None:
    import json
    import sys

    script = Path(__file__).resolve().parents[2] / "benchmarks" / "concurrent_saves.py"
    url = pg_url.format(db="liaison_race")
    command = [sys.executable, str(script), "--db", url, "--saves", "40", "--json"]
    done = subprocess.run(
        [*command, "--folder", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["errors"] == [] and figures["bad_rises"] == 0
    assert figures["saves"] == figures["revision_rise"] > 0
    assert figures["saves"] + figures["conflicts"] == 80


# --- the text-search index on the server (issue 16) ----------------------------------------------


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_index_finds_exactly_what_ilike_finds_on_postgresql(
    both: tuple[Services, Services], data: st.DataObject
) -> None:
    on_pg, _ = both
    corpus = _pg_corpus(on_pg)
    needle = data.draw(needles(corpus), label="needle")
    assert found(on_pg, needle, scan=False) == found(on_pg, needle, scan=True)


@pytest.mark.parametrize(
    "needle",
    ["织里-2024-议-0", "议", "电梯", "ABC", "abc", "100%", "_", "%", "'", "\\", "ς", "Σ", "İ", "i"],
)
def test_awkward_needles_agree_on_postgresql(both: tuple[Services, Services], needle: str) -> None:
    on_pg, _ = both
    _awkward_records(on_pg)
    assert found(on_pg, needle, scan=False) == found(on_pg, needle, scan=True)
    # Each list's first page and total, and the global search box's, as on SQLite.
    indexed = first_pages(on_pg, needle, scan=False, limit=8)
    assert indexed == first_pages(on_pg, needle, scan=True, limit=8)


_CORPUS: dict[int, list[str]] = {}


def _pg_corpus(services: Services) -> list[str]:
    key = id(services)
    if key not in _CORPUS:
        _awkward_records(services)
        _CORPUS[key] = corpus_of(services)
    return _CORPUS[key]


def _awkward_records(services: Services) -> None:
    from liaison_desk.domain.entities import Participant, Speech
    from liaison_desk.domain.enums import ParticipantCategory
    from liaison_desk.domain.queries import ConsultationFilter as Filter

    if services.consultations.search(Filter(text="Mixed ΣΑΣ")).total:
        return
    group = services.groups.all()[0]
    c = services.consultations.new(ConsultationKind.MICRO, group.id)
    c.title, c.held_on, c.venue = "Mixed ΣΑΣ Case ABC 100% 50_50 'q' \\b", date(2024, 5, 6), "XYZ"
    c.participants = [Participant(name="İlker Ann", category=ParticipantCategory.RESIDENT)]
    c.speeches = [Speech(speaker="ας", content="ß STRASSE Kelvin K 织里-2024-议-012")]
    services.consultations.save(c)


# --- records packages merged on the server (issue 17) ---------------------------------------------


def test_records_packages_merge_on_postgresql(
    pg_url: str, demo_master: Path, tmp_path: Path
) -> None:
    """Two township databases export records packages; a district database on the server
    imports them: its figures are the sum of theirs, a second import changes nothing, and undo
    takes the last package out again."""
    from sqlalchemy import create_engine, text

    from liaison_desk.demo import DEMO_YEAR, demo_group_names, reduce_to_group

    admin = create_engine(pg_url.format(db="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE liaison_merge"))
    admin.dispose()

    def year(sv: Services, group_id: int | None = None) -> tuple[int, ...]:
        y = sv.statistics.year(DEMO_YEAR, group_id)
        return (y.hall_sessions, y.micro_consultations, y.attendance, y.suggestions, y.solved)

    packages, sums = [], [0] * 5
    for name in demo_group_names()[:2]:
        target = tmp_path / name / "联络组.sqlite"
        target.parent.mkdir()
        shutil.copyfile(demo_master, target)
        shutil.copytree(
            AttachmentStore.beside_database(demo_master).root,
            AttachmentStore.beside_database(target).root,
        )
        lite = Database.open(f"sqlite:///{target}")
        try:
            sv = Services(ServiceContext(lite, AttachmentStore.beside_database(target)))
            reduce_to_group(sv, name)
            sums = [a + b for a, b in zip(sums, year(sv), strict=True)]
            packages.append(
                sv.records.export(tmp_path / f"{name}.zip", year=DEMO_YEAR).written.path
            )
        finally:
            lite.close()
    pg = Database.open(pg_url.format(db="liaison_merge"))
    try:
        on_pg = Services(ServiceContext(pg, AttachmentStore(tmp_path / "server-files")))
        for package in packages:
            assert on_pg.records.import_package(package).counts["new"] > 0
        assert list(year(on_pg)) == sums
        counts = on_pg.statistics.row_counts()
        for package in packages:
            report = on_pg.records.import_package(package)
            assert report.log_id is None and report.counts["new"] == report.counts["updated"] == 0
        assert on_pg.statistics.row_counts() == counts
        on_pg.records.undo_last()
        first = [g for g in on_pg.groups.all() if g.name == demo_group_names()[0]]
        assert first and list(year(on_pg)) == list(year(on_pg, first[0].id))
        assert len(on_pg.groups.all()) == 1
    finally:
        pg.close()


def test_a_case_package_merges_on_postgresql(
    pg_url: str, demo_master: Path, tmp_path: Path, qapp: object
) -> None:
    """A township's case package imported into a district database on the server: the case
    arrives (partial import marks and the masking decision are stored), a second import changes
    nothing, and undo takes it out again."""
    from sqlalchemy import create_engine, text

    from liaison_desk.demo import reduce_to_group
    from liaison_desk.domain.enums import CaseStatus

    admin = create_engine(pg_url.format(db="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE liaison_cases"))
    admin.dispose()
    target = tmp_path / "织里" / "联络组.sqlite"
    target.parent.mkdir()
    shutil.copyfile(demo_master, target)
    shutil.copytree(
        AttachmentStore.beside_database(demo_master).root,
        AttachmentStore.beside_database(target).root,
    )
    lite = Database.open(f"sqlite:///{target}")
    try:
        sv = Services(ServiceContext(lite, AttachmentStore.beside_database(target)))
        reduce_to_group(sv, "织里镇联络组")
        [case, *_] = sv.cases.in_statuses({CaseStatus.SELECTED})
        assert case.id is not None
        package = sv.packages.export([case.id], "区政协协商案例征集", tmp_path).path
    finally:
        lite.close()
    pg = Database.open(pg_url.format(db="liaison_cases"))
    try:
        on_pg = Services(ServiceContext(pg, AttachmentStore(tmp_path / "server-files")))
        report = on_pg.records.import_package(package)
        assert report.kind == "cases" and report.counts["new"] > 0
        [imported] = on_pg.cases.in_statuses(set(CaseStatus))
        assert imported.uuid == case.uuid and imported.photos
        assert on_pg.records.log()[0].masked is True
        counts = on_pg.statistics.row_counts()
        assert on_pg.records.import_package(package).log_id is None
        assert on_pg.statistics.row_counts() == counts
        on_pg.records.undo_last()
        assert on_pg.cases.in_statuses(set(CaseStatus)) == []
    finally:
        pg.close()
