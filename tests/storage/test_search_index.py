"""The text-search index (storage/search_index.py) answers every list search with exactly the
records the substring scan finds, stays up to date through every save, delete and purge, is
built for an existing database by its migration, and is checked (and rebuilt) by ``check``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, event, text

from liaison_desk.domain.entities import (
    Case,
    Consultation,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Person,
    Speech,
)
from liaison_desk.domain.enums import ConsultationKind, ParticipantCategory
from liaison_desk.domain.queries import (
    ConsultationFilter,
    OutcomeFilter,
    PageRequest,
    PersonFilter,
)
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage import search_index
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from search_needles import corpus_of, first_pages, found, needles

# Text that trips LIKE, tokenizers and case folding: wildcards, quotes, a backslash, Latin of
# both cases, letters of other scripts with case (Greek final sigma, Turkish İ, German ß).
AWKWARD_TITLE = "Mixed Case ABC abc 100% 50_50 'quoted' \"double\" back\\slash"
AWKWARD_SPEECH = "İstanbul ΣΑΣ ας ß STRASSE Kelvin K, tab\there; 织里-2024-议-012 line\nbreak"


def consultation_numbers(services: Services, needle: str) -> set[str]:
    return {c.number for c in services.consultations.search(ConsultationFilter(text=needle)).items}


@pytest.fixture
def awkward(demo_services: Services) -> tuple[Services, list[str]]:
    """The demo year plus records full of awkward text; with the text of every record."""
    sv = demo_services
    group = sv.groups.all()[0]
    c = sv.consultations.new(ConsultationKind.MICRO, group.id)
    c.title, c.held_on, c.venue = AWKWARD_TITLE, date(2024, 5, 6), "XYZ 社区_活动室 (2F)"
    c.host, c.minutes = "O'Brien 王", "会议纪要：“百分之百”满意\n第二行"
    c.participants = [Participant(name="Ann-Marie 李", category=ParticipantCategory.RESIDENT)]
    c.speeches = [Speech(speaker="ΣΩΚΡΑΤΗΣ", content=AWKWARD_SPEECH)]
    c.outcome_items = [OutcomeItem(content="修 ABC 路灯 100%", responsible_body="Town_Office")]
    sv.consultations.save(c)
    sv.people.save(
        Person(
            name="Zoë 赵",
            category=ParticipantCategory.EXPERT,
            unit="ACME 科技（湖州）有限公司",
            phone="138-0013-8000",
            sector="经济界",
        )
    )
    sv.cases.save(
        Case(
            group_id=group.id,
            year=2024,
            title="“小切口”大民生",
            subtitle="Sub_Title 100%",
            sections={"background": "背景：ÀÉÎ àéî；\\转义\\", "results": "成效 50%"},
        )
    )
    # Some records in the recycle bin: the lists and their totals leave them out (an outcome
    # item, one of a binned consultation, a person).
    items = sv.consultations.search_outcome_items(OutcomeFilter(), PageRequest(limit=40)).items
    sv.recycle_bin.delete("outcome_item", items[0].item.id or 0)
    sv.recycle_bin.delete("consultation", items[-1].consultation_id)
    sv.recycle_bin.delete(
        "person", sv.people.search(PersonFilter(), PageRequest(limit=1)).items[0].id or 0
    )
    return sv, corpus_of(sv)


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_index_finds_exactly_what_the_substring_scan_finds(
    awkward: tuple[Services, list[str]], data: st.DataObject
) -> None:
    services, corpus = awkward
    needle = data.draw(needles(corpus), label="needle")
    assert found(services, needle, scan=False) == found(services, needle, scan=True)
    # The first page in each list's order and the total, as the lists and the global search
    # box ask for them: counted in the index (each kind alone, or all four in one pass), the
    # page found by looking up the matches, or by walking the list's order testing each record
    # among the matches' ids or asking the index about it (a common word's ways, forced here).
    limit = data.draw(st.sampled_from([1, 8, 50]), label="limit")
    way = data.draw(st.sampled_from(sorted(_WAYS)), label="way")
    wanted = first_pages(services, needle, scan=True, limit=limit)
    saved = {name: getattr(search_index, name) for name in _WAYS[way]}
    for name, value in _WAYS[way].items():
        setattr(search_index, name, value)
    try:
        assert first_pages(services, needle, scan=False, limit=limit) == wanted
    finally:
        for name, value in saved.items():
            setattr(search_index, name, value)


# How a first page is found: as at a district's scale, or each way forced.
_WAYS: dict[str, dict[str, int]] = {
    "as chosen": {},
    "walk, ids": {"WALK_FROM": 0, "PROBE_FEW": -1, "PROBE_COST": 10**9},
    "walk, probe": {"PROBE_FEW": 10**9},
    "look up": {"WALK_FROM": 10**9, "PROBE_FEW": -1, "PROBE_COST": 10**9},
}


@pytest.mark.parametrize(
    "needle",
    [
        "织里-2024-议-0",
        "议",
        "电梯",
        "abc",
        "ABC",
        "100%",
        "50_5",
        "_",
        "%",
        "'",
        '"',
        "\\",
        "ς",
        "σ",
        "Σ",
        "i",
        "İ",
        "ss",
        "ß",
        "k",
        "\t",
        "e; 织",
        "李",
        "Town_",
        "à",
        "À",
    ],
)
def test_awkward_needles_agree(awkward: tuple[Services, list[str]], needle: str) -> None:
    services, _ = awkward
    assert found(services, needle, scan=False) == found(services, needle, scan=True)


def test_the_lists_ask_the_index(demo_services: Services) -> None:
    """With the index emptied, an indexed search finds nothing the scan would find: the lists
    really go through the index (and the property test above tests it, not the scan)."""
    assert consultation_numbers(demo_services, "电梯")
    with demo_services.ctx.db.engine.begin() as conn:
        search_index.clear(conn)
    assert consultation_numbers(demo_services, "电梯") == set()
    with search_index.scanning():
        assert consultation_numbers(demo_services, "电梯")


@pytest.mark.parametrize(
    ("needle", "page"),
    [
        ("议", PageRequest(limit=50)),
        ("社区", PageRequest(limit=7, offset=3)),
        ("电梯", PageRequest(limit=50, order_by="held_on")),
        ("织里-2024-议-0", PageRequest(limit=20)),
        ("不存在的词语", PageRequest(limit=50)),
    ],
)
@pytest.mark.parametrize("way", ["walk, ids", "walk, probe"])
def test_a_page_found_by_walking_the_sort_order_is_the_scans_page(
    demo_services: Services,
    monkeypatch: pytest.MonkeyPatch,
    needle: str,
    page: PageRequest,
    way: str,
) -> None:
    """A common word's page is found by walking the list's order and keeping the matches
    (search_index.WALK_FROM; here for every word): the scan's page, in the same order, with
    the recycle bin's records left out as before."""
    sv = demo_services
    first = sv.consultations.search(ConsultationFilter(text="议"), PageRequest(limit=1)).items[0]
    sv.recycle_bin.delete("consultation", first.id)
    for name, value in _WAYS[way].items():
        monkeypatch.setattr(search_index, name, value)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = sv.ctx.db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        indexed = sv.consultations.search(ConsultationFilter(text=needle), page)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    with search_index.scanning():
        scanned = sv.consultations.search(ConsultationFilter(text=needle), page)
    assert [c.id for c in indexed.items] == [c.id for c in scanned.items]
    assert indexed.total == scanned.total
    assert first.id not in {c.id for c in indexed.items}
    # It really walked: the page's statement keeps the planner off the id and deleted_at lookups
    # (and none is needed when nothing matches: the total, counted first, says so).
    walked = any("coalesce(consultations.deleted_at" in st for st in statements)
    assert walked == bool(scanned.total), statements
    # A probe asks FTS5 about the record, or (a needle without ASCII) reads its indexed text.
    probes = ("search_fts.rowid = consultations.id", "instr(search_docs.body")
    probed = any(p in st for st in statements for p in probes)
    assert probed == (walked and way == "walk, probe"), statements


# --- every write path keeps it up to date -------------------------------------------------------


def test_saves_edits_deletes_and_purges_keep_the_index_up_to_date(
    services: Services, new_consultation: Callable[..., Consultation], group: LiaisonGroup
) -> None:
    c = new_consultation(title="桑基鱼塘保护议事")
    c.participants = [Participant(name="钱塘生", category=ParticipantCategory.RESIDENT)]
    c.speeches = [Speech(speaker="孙老师", content="建议设立湖羊养殖示范点")]
    c.outcome_items = [OutcomeItem(content="疏浚南浔河道", responsible_body="水利站")]
    saved = services.consultations.save(c)
    assert consultation_numbers(services, "鱼塘") == {saved.number}
    assert consultation_numbers(services, "钱塘生") == {saved.number}
    assert consultation_numbers(services, "湖羊") == {saved.number}
    items = services.consultations.search_outcome_items
    assert items(OutcomeFilter(text="河道")).total == 1
    assert items(OutcomeFilter(text=saved.number)).total == 1  # an item's text has its number

    saved.title = "菱湖茶园议事"
    saved.speeches = [Speech(speaker="孙老师", content="改为白茶合作社")]
    saved.participants = []
    saved = services.consultations.save(saved)
    assert consultation_numbers(services, "鱼塘") == set()
    assert consultation_numbers(services, "湖羊") == set()
    assert consultation_numbers(services, "钱塘生") == set()
    assert consultation_numbers(services, "白茶") == {saved.number}

    person = services.people.save(Person(name="沈一帆", category=ParticipantCategory.MEMBER))
    assert [p.id for p in services.people.search(PersonFilter(text="一帆")).items] == [person.id]
    person.unit = "练市镇农技站"
    services.people.save(person)
    assert [p.id for p in services.people.search(PersonFilter(text="农技")).items] == [person.id]

    assert saved.id is not None
    services.recycle_bin.delete("consultation", saved.id)
    assert consultation_numbers(services, "白茶") == set()
    services.recycle_bin.restore("consultation", saved.id)
    assert consultation_numbers(services, "白茶") == {saved.number}
    services.recycle_bin.delete("consultation", saved.id)
    services.recycle_bin.purge("consultation", saved.id)
    with services.ctx.db.reading() as s:
        report = search_index.check(s.connection())
        left = s.execute(text("SELECT count(*) FROM search_docs WHERE kind IN (1, 2)")).scalar()
    assert report.agrees, report
    assert left == 0  # the purged record and its item left the index


def test_check_finds_an_index_that_disagrees_and_rebuild_mends_it(demo_services: Services) -> None:
    from liaison_desk.storage.integrity import check_database

    db = demo_services.ctx.db
    assert check_database(db, None).healthy
    with db.engine.begin() as conn:
        # Another program changed a title behind the app's back.
        conn.execute(text("UPDATE consultations SET title = '改过的标题' WHERE id = 1"))
        conn.execute(text("DELETE FROM search_docs WHERE kind = 4 AND record_id = 1"))
    report = check_database(db, None)
    assert not report.healthy
    assert any("搜索索引" in p and "--rebuild-search" in p for p in report.problems)
    with db.engine.begin() as conn:
        search_index.rebuild(conn)
    assert check_database(db, None).healthy
    assert consultation_numbers(demo_services, "改过的标题")


def test_the_migration_builds_the_index_of_an_existing_database(tmp_path: Path) -> None:
    """A database from before the index (revision 0002) gets it when opened, with progress."""
    from alembic import command

    from liaison_desk.storage.database import migrations_config

    file = tmp_path / "旧.sqlite"
    engine = create_engine(f"sqlite:///{file}")
    with engine.begin() as conn:
        command.upgrade(migrations_config(conn), "0002")
        conn.execute(
            text(
                "INSERT INTO liaison_groups (id, uuid, revision, created_at, updated_at, name, "
                "town, short_name, leader, secretary, secretary_phone, fonds_code, org_code) "
                "VALUES (1, 'g', 1, '2024-01-01', '2024-01-01', '织里镇联络组', '织里镇', '织里', "
                "'', '', '', '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO consultations (id, uuid, revision, created_at, updated_at, group_id, "
                "kind, number, title, topic_source, held_on, venue, host, recorder, status, "
                "agenda, minutes, consensus, author, head_counts, checklist, attendance_total, "
                "member_attendance, suggestion_count, solved_count) VALUES (1, 'c', 1, "
                "'2024-01-01', '2024-01-01', 1, 'hall', '织里-2024-议-001', '童装产业园停车难', "
                "'residents', '2024-03-01', '议事堂', '', '', 'completed', '[]', '', '', '', "
                "'[]', '[]', 0, 0, 0, 0)"
            )
        )
    engine.dispose()
    calls: list[tuple[int, int]] = []
    db = Database.open(
        f"sqlite:///{file}", progress=lambda done, total, _message="": calls.append((done, total))
    )
    try:
        with db.reading() as s:
            assert search_index.check(s.connection()).agrees
        services = Services(ServiceContext(db, AttachmentStore(tmp_path / "附件")))
        assert consultation_numbers(services, "停车") == {"织里-2024-议-001"}
    finally:
        db.close()
    assert calls and calls[-1] == (1, 1)
