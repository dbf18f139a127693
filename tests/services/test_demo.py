"""The demo district of 2024, built through the services.

The demo is built once per module (it takes a few seconds): a second build with the same seed at
scale 2 checks both that the content is reproducible and that a larger scale leaves 2024 as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from liaison_desk.demo import DemoSummary, build_demo
from liaison_desk.demo.content import phrases, places, topics
from liaison_desk.domain.entities import Consultation, OutcomeItem
from liaison_desk.domain.enums import (
    CaseStatus,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
    SubmissionResult,
)
from liaison_desk.domain.queries import ConsultationFilter, OutcomeFilter, PersonFilter
from liaison_desk.domain.rules import is_valid_id_card, is_valid_phone
from liaison_desk.progress import Cancelled
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from progress_fakes import FakeProgress

# The evening of the last day of the demo year: every date the demo writes must be valid then.
CLOCK = datetime(2024, 12, 31, 18, 0)

TOWNS = {
    "织里镇": "ZL",
    "八里店镇": "BLD",
    "妙西镇": "MX",
    "埭溪镇": "DX",
    "东林镇": "DL",
    "道场乡": "DC",
    "龙泉街道": "LQ",
    "康山街道": "KS",
    "月河街道": "YH",
    "朝阳街道": "CY",
    "爱山街道": "AS",
    "飞英街道": "FY",
    "仁皇山街道": "RHS",
    "滨湖街道": "BH",
    "环渚街道": "HZ",
    "杨家埠街道": "YJB",
}
NAMED_CASES = {
    "织里镇": "助力青年返乡",
    "埭溪镇": "助力打造“暖心餐”",
    "龙泉街道": "清“顽疾”守护烟火气",
    "康山街道": "关爱青少年心理健康",
}


@dataclass
class Built:
    services: Services
    store: AttachmentStore
    summary: DemoSummary
    consultations: list[Consultation]  # every consultation of 2024, in list order


def _services(path: Path) -> tuple[Services, AttachmentStore, Database]:
    db = Database.open(f"sqlite:///{path}")
    store = AttachmentStore.beside_database(path)
    return Services(ServiceContext(db, store, actor="示例数据", clock=lambda: CLOCK)), store, db


def _load_year(services: Services, year: int = 2024) -> list[Consultation]:
    page = services.consultations.search(ConsultationFilter(year=year))
    found = [services.consultations.get(s.id) for s in page.items]
    return [c for c in found if c is not None]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    path = tmp_path_factory.mktemp("demo") / "示例.sqlite"
    services, store, db = _services(path)
    summary = build_demo(services)
    yield Built(services, store, summary, _load_year(services))
    db.close()


@pytest.fixture(scope="module")
def built_again_at_scale_2(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    path = tmp_path_factory.mktemp("demo2") / "示例.sqlite"
    services, store, db = _services(path)
    summary = build_demo(services, scale=2)
    yield Built(services, store, summary, _load_year(services))
    db.close()


# --- the district as reported ------------------------------------------------------------------


def test_sixteen_groups_with_their_archive_codes(built: Built) -> None:
    groups = built.services.groups.all()
    assert sorted(g.name for g in groups) == sorted(f"{t}联络组" for t in TOWNS)
    for g in groups:
        assert g.town == g.name.removesuffix("联络组")
        assert g.fonds_code == "J012"
        assert g.org_code == TOWNS[g.town]
        assert g.leader and g.secretary
        assert is_valid_phone(g.secretary_phone)
    assert built.summary.groups == 16


def test_year_statistics_match_the_districts_report(built: Built) -> None:
    stats = built.services.statistics.year(2024)
    assert stats.hall_sessions == 85
    assert stats.micro_consultations == 158
    assert stats.solved >= 160
    assert 400 <= stats.suggestions <= 480
    assert stats.cases_selected == 4
    assert set(stats.by_month) == set(range(1, 13))
    s = built.summary
    assert (s.hall_sessions, s.micro_consultations) == (85, 158)
    assert (s.outcome_items, s.solved) == (stats.suggestions, stats.solved)


def test_every_group_has_hall_sessions_and_micro_consultations(built: Built) -> None:
    per_group = Counter((c.group_id, c.kind) for c in built.consultations)
    for g in built.services.groups.all():
        assert per_group[(g.id, ConsultationKind.HALL)] >= 2, g.name
        assert per_group[(g.id, ConsultationKind.MICRO)] >= 4, g.name
    # Unevenly: the busiest group holds clearly more than the quietest.
    halls = [n for (_, kind), n in per_group.items() if kind is ConsultationKind.HALL]
    assert max(halls) >= 2 * min(halls)


def test_consultations_are_complete_records_of_2024(built: Built) -> None:
    numbers = [c.number for c in built.consultations]
    assert len(set(numbers)) == len(numbers)
    for c in built.consultations:
        assert c.held_on is not None and c.held_on.year == 2024
        assert c.status in (ConsultationStatus.COMPLETED, ConsultationStatus.ARCHIVED)
        assert c.start_time is not None and c.end_time is not None
        assert c.start_time < c.end_time
        assert c.host and c.recorder
        assert 6 <= len(c.participants) <= 25
        assert 3 <= len(c.agenda) <= 5
        assert 3 <= len(c.speeches) <= 8
        assert c.minutes.count("\n") >= 3 and c.consensus
        assert 1 <= len(c.outcome_items) <= 4
        assert c.checklist and c.checklist[0].done
        assert all(p.person_id is not None for p in c.participants)
    archived = [c for c in built.consultations if c.status is ConsultationStatus.ARCHIVED]
    assert 10 <= len(archived) <= 80
    assert all(c.held_on and c.held_on < date(2024, 5, 1) for c in archived)
    assert all(not i.status.is_open for c in archived for i in c.outcome_items)
    assert sum(not p.attended for c in built.consultations for p in c.participants) > 20
    assert any("联系电话1" in c.minutes for c in built.consultations)  # masking has work to do


def test_outcome_items_follow_up(built: Built) -> None:
    items = [i for c in built.consultations for i in c.outcome_items]
    statuses = Counter(i.status for i in items)
    assert statuses[OutcomeStatus.SOLVED] >= 160
    for status in OutcomeStatus:
        assert statuses[status] > 0, status
    solved = [i for i in items if i.status is OutcomeStatus.SOLVED]
    assert all(i.resolved_on and i.resolved_on <= CLOCK.date() for i in solved)
    assert any(i.solved_on_spot for i in solved)
    revisited = [i for i in solved if i.revisit_on]
    assert len(revisited) > len(solved) // 3
    assert all(i.satisfaction and i.revisit_note for i in revisited)
    assert all(i.unsolved_reason for i in items if i.status is OutcomeStatus.UNSOLVED)
    taken_on = [i for i in items if i.status is not OutcomeStatus.NOT_ADOPTED]
    assert all(i.responsible_body and i.deadline for i in taken_on)
    overdue = built.services.consultations.search_outcome_items(
        OutcomeFilter(year=2024, overdue_on=date(2024, 12, 31))
    ).total
    assert 1 <= overdue <= 40  # a few; most open items are due in 2025
    assert any(i.status.is_open and i.deadline and i.deadline.year == 2025 for i in items)


def test_roster_of_people(built: Built) -> None:
    people = built.services.people.search(PersonFilter()).items
    assert built.summary.people == len(people)
    categories = Counter(p.category for p in people)
    assert categories[ParticipantCategory.MEMBER] >= 16 * 15
    for category in (
        ParticipantCategory.TOWN_LEADER,
        ParticipantCategory.DEPARTMENT_HEAD,
        ParticipantCategory.VILLAGE_CADRE,
        ParticipantCategory.RESIDENT,
        ParticipantCategory.EXPERT,
    ):
        assert categories[category] > 0, category
    members = [p for p in people if p.category is ParticipantCategory.MEMBER]
    assert all(p.cppcc_level and p.sector and p.unit and p.title for p in members)
    residents = [p for p in people if p.category is ParticipantCategory.RESIDENT]
    assert all(re.fullmatch(r"1[3-9]\d{9}", p.phone) for p in residents)
    with_id = [p for p in people if p.id_card]
    assert with_id and all(is_valid_id_card(p.id_card, today=CLOCK.date()) for p in with_id)
    assert any(p.consent_to_publish and p.consent_note for p in residents)
    assert all(p.group_id is not None for p in people)


# --- what a district officer checks: the content makes sense ------------------------------------

KIND_OF = {
    ask: kind
    for topic in topics.TOPICS
    for ask, kind in zip(topic.asks, phrases.ASK_KINDS[topic.key], strict=True)
}
QUICK = {text for measures in phrases.QUICK.values() for text, _ in measures}


def _items(built: Built) -> list[tuple[Consultation, OutcomeItem]]:
    return [(c, i) for c in built.consultations for i in c.outcome_items]


def test_titles_are_specific(built: Built) -> None:
    titles = [c.title for c in built.consultations]
    assert len(set(titles)) >= 220
    per_group = Counter((c.group_id, c.title) for c in built.consultations)
    assert [key for key, n in per_group.items() if n > 1] == []


def test_reasons_fit_the_suggestion(built: Built) -> None:
    """未解决 and 不予采纳 give a reason that fits the kind of measure, never a random one."""
    unsolved = not_adopted = 0
    for _, item in _items(built):
        kind = KIND_OF.get(item.content)
        if item.status is OutcomeStatus.UNSOLVED:
            unsolved += 1
            assert kind and item.unsolved_reason in phrases.UNSOLVED_REASONS[kind], item
        elif item.status is OutcomeStatus.NOT_ADOPTED:
            not_adopted += 1
            assert kind and item.unsolved_reason in phrases.NOT_ADOPTED_REASONS[kind], item
            assert not item.adopted
            assert not (item.responsible_body or item.responsible_person or item.deadline)
        else:
            assert not item.unsolved_reason
        if any(w in item.unsolved_reason for w in ("用地指标", "联合审批", "资金较大")):
            assert kind == "B", item  # only big works wait for land, approvals, big money
    assert unsolved >= 5 and not_adopted >= 5
    # The pairings the officer found cannot come back.
    assert KIND_OF["停水前提前通过村微信群告知"] != "B"
    assert KIND_OF["组织志愿者结对，每周上门问候"] not in ("P", "U")


def test_only_small_immediate_measures_are_solved_on_the_spot(built: Built) -> None:
    on_spot = [(c, i) for c, i in _items(built) if i.solved_on_spot]
    assert len(on_spot) >= 10
    for c, item in on_spot:
        assert item.content in QUICK, item.content
        assert item.status is OutcomeStatus.SOLVED
        assert item.resolved_on == c.held_on
        assert item.deadline in (None, c.held_on)
    assert all(i.solved_on_spot for _, i in _items(built) if i.content in QUICK)
    big = {ask for ask, kind in KIND_OF.items() if kind == "B"}
    assert "规划建设小微企业园，引导企业入园集聚" in big and "修建林道，降低竹材采伐运输成本" in big
    # Big works take weeks, even when solved.
    for c, item in _items(built):
        if item.content in big and item.status is OutcomeStatus.SOLVED:
            assert c.held_on and item.resolved_on
            assert (item.resolved_on - c.held_on).days >= 30 or item.resolved_on == CLOCK.date()


def test_adopted_items_have_a_responsible_person(built: Built) -> None:
    adopted = [i for _, i in _items(built) if i.adopted]
    assert len(adopted) > 300
    assert all(i.responsible_person for i in adopted)
    assert all(len(i.responsible_person) <= 50 for _, i in _items(built))  # String(50)
    assert any(re.fullmatch(r"\w{2,3}（\w+）", i.responsible_person) for i in adopted)


def test_promised_time_fits_the_month(built: Built) -> None:
    for c in built.consultations:
        assert c.held_on is not None
        if c.held_on.month >= 11:
            assert "年内" not in c.minutes, c.number
        if c.held_on.month <= 9:
            assert "明年一季度" not in c.minutes and "春节前" not in c.minutes, c.number


def test_names_do_not_mix_mens_and_womens_characters(built: Built) -> None:
    male, female = set(places.GIVEN_MALE), set(places.GIVEN_FEMALE)
    assert not male & female
    people = built.services.people.search(PersonFilter()).items
    for p in people:
        given = set(p.name[1:])
        assert given <= male or given <= female, p.name
    women = [p for p in people if p.title == "妇女代表"]
    assert women and all(set(p.name[1:]) <= female for p in women)


def test_the_shared_photo_is_of_the_station_both_sessions_were_held_at(built: Built) -> None:
    uses: dict[str, list[tuple[Consultation, str]]] = {}
    for c in built.consultations:
        for a in c.attachments:
            uses.setdefault(a.sha256, []).append((c, a.caption))
    (pair,) = [u for u in uses.values() if len(u) > 1]
    (first, caption1), (second, caption2) = pair
    assert first.kind is second.kind is ConsultationKind.MICRO
    assert first.group_id == second.group_id
    assert first.venue == second.venue and first.venue.endswith("协商驿站")
    assert caption1 == caption2 == first.venue


def test_records_are_dated_through_the_year(built: Built) -> None:
    """Saved on the session's evening, or on the day of its last follow-up: never on the day
    the demo was built, never before the session."""
    for c in built.consultations:
        assert c.created_at and c.updated_at and c.held_on
        later = [d for i in c.outcome_items for d in (i.resolved_on, i.revisit_on) if d]
        assert c.created_at.date() == max([c.held_on, *later]), c.number
        assert c.created_at <= c.updated_at <= CLOCK
    with built.services.ctx.db.session() as s:
        entries = repo.list_audit(s)
    assert all(e.at <= CLOCK for e in entries)
    assert len({e.at.date() for e in entries}) >= 100
    assert {e.at.month for e in entries} == set(range(1, 13))
    assert built.services.ctx.now() == CLOCK  # the services' clock is given back


# --- cases and submissions ----------------------------------------------------------------------


def test_the_four_named_cases_were_selected(built: Built) -> None:
    services = built.services
    groups = {g.id: g for g in services.groups.all()}
    cases = services.cases.search().items
    by_town = {groups[c.group_id].town: c for c in cases if c.group_id in groups}
    for town, title in NAMED_CASES.items():
        case = by_town[town]
        assert case.title == title
        assert case.status is CaseStatus.SELECTED
        assert re.fullmatch(rf"J012-WS·2024-Y-{TOWNS[town]}-0001", case.archive_number)
        assert 800 <= services.cases.word_count(case) <= 3000
        assert all(case.sections.get(key) for key in ("basic_info", "background", "practice"))
        linked = [services.consultations.get(cid) for cid in case.consultation_ids]
        assert len(linked) == 2
        assert all(c is not None and c.group_id == case.group_id for c in linked)
        their_photos = {a.id for c in linked if c for a in c.attachments}
        # Written up once its records were in, before it was sent on 16 October.
        assert case.created_at and case.created_at.date() < date(2024, 10, 16)
        assert all(c and c.created_at and c.created_at < case.created_at for c in linked)
        assert 2 <= len(case.photos) <= 4
        assert {p.attachment_id for p in case.photos} <= their_photos
    assert built.summary.cases == len(cases) >= 4


def test_submissions_to_city_and_province(built: Built) -> None:
    services = built.services
    submissions = services.submissions.all()
    assert built.summary.submissions == len(submissions)
    targets = Counter(s.target for s in submissions)
    assert targets["市政协优秀协商案例征集"] == 4
    assert targets["省政协“为民办实事”协商案例汇编"] == 1
    groups = {g.id: g.name for g in services.groups.all()}
    for s in submissions:
        assert all(sc.result is SubmissionResult.SELECTED for sc in s.cases)
        # The package's name as sent; no package file exists, so no hash is made up.
        assert s.file_name == (
            f"吴兴区政协-{groups[s.group_id]}-2024-协商案例报送-{s.submitted_on:%Y%m%d}.zip"
        )
        assert s.sha256 == ""
    province = next(s for s in submissions if s.target.startswith("省政协"))
    (entry,) = province.cases
    case = services.cases.get(entry.case_id)
    assert case is not None and case.title == "助力青年返乡"


# --- photos ---------------------------------------------------------------------------------


def test_photos_are_in_the_store(built: Built) -> None:
    attachments = [a for c in built.consultations for a in c.attachments]
    assert built.summary.photos == len(attachments)
    assert 100 <= len(attachments) <= 200
    for a in attachments:
        assert built.store.exists(a.sha256), a.original_name
        assert a.media_type == "image/jpeg"
        assert a.taken_at is not None and a.taken_at.year == 2024
    for a in attachments[:10]:
        assert built.store.verify(a.sha256)
    # One photo of a station is attached to two consultations and stored once.
    shared = [sha for sha, n in Counter(a.sha256 for a in attachments).items() if n > 1]
    assert len(shared) == 1
    assert len({a.sha256 for a in attachments}) == len(attachments) - 1
    with_photos = [c for c in built.consultations if c.attachments]
    assert all(sum(a.is_cover for a in c.attachments) == 1 for c in with_photos)
    # A photo's date (from its EXIF) is its session's, except the shared one's second use.
    assert all(
        a.taken_at and a.taken_at.date() == c.held_on
        for c in with_photos
        for a in c.attachments
        if a.sha256 not in shared
    )


def test_some_photos_arrive_sideways(built: Built) -> None:
    rotated = 0
    for c in built.consultations:
        for a in c.attachments:
            image = built.store.display_image(a.sha256)
            if image.size == (640, 480):
                continue
            rotated += 1
    assert rotated == 0  # displayed upright: EXIF rotation applied
    from PIL import Image

    sideways = 0
    for c in built.consultations:
        for a in c.attachments:
            with Image.open(built.store.path_of(a.sha256)) as im:
                sideways += im.getexif().get(0x0112) == 6
    assert sideways >= 3


# --- reproducible, scalable, refusing, cancellable ----------------------------------------------


def test_same_seed_gives_the_same_year_and_scale_keeps_it(
    built: Built, built_again_at_scale_2: Built
) -> None:
    def projection(b: Built) -> list[tuple[object, ...]]:
        return [
            (
                c.number,
                c.title,
                c.held_on,
                c.venue,
                c.host,
                c.minutes,
                [i.content for i in c.outcome_items],
                [a.sha256 for a in c.attachments],
            )
            for c in b.consultations
        ]

    assert projection(built) == projection(built_again_at_scale_2)
    again = built_again_at_scale_2
    assert again.summary.photos == built.summary.photos  # earlier years carry no photos
    earlier = again.services.statistics.year(2023)
    assert 70 <= earlier.hall_sessions <= 85
    assert 130 <= earlier.micro_consultations <= 158
    assert again.summary.hall_sessions == 85 + earlier.hall_sessions
    assert again.summary.people > built.summary.people
    assert again.services.statistics.year(2024).solved == built.summary.solved


def test_refuses_a_database_that_has_consultations(built: Built) -> None:
    with pytest.raises(ValueError, match="已有协商活动记录"):
        build_demo(built.services)


def test_scale_must_be_positive(tmp_path: Path) -> None:
    services, _, db = _services(tmp_path / "空.sqlite")
    try:
        with pytest.raises(ValueError, match="倍数"):
            build_demo(services, scale=0)
    finally:
        db.close()


def test_a_cancel_stops_the_build(tmp_path: Path) -> None:
    services, _, db = _services(tmp_path / "取消.sqlite")
    progress = FakeProgress(when=lambda done, _total: done >= 20)

    try:
        with pytest.raises(Cancelled):
            build_demo(services, progress=progress)
        calls = progress.steps
        done, total = calls[-1]
        assert done == 20 < total
        assert all(t == total for _, t in calls)
        assert services.ctx.now() == CLOCK
        assert services.consultations.search().total == 0  # stopped among the groups and people
    finally:
        db.close()


def test_tables_are_consistent() -> None:
    """Every suggestion of every topic names one of the topic's responsible bodies."""
    for topic in topics.TOPICS:
        owners = phrases.OWNERS[topic.key]
        assert len(owners) == len(topic.asks), topic.key
        assert all(int(k) < len(topic.bodies) for k in owners), topic.key
    assert len(topics.TOPICS) >= 40
    for topic in topics.TOPICS:
        kinds = phrases.ASK_KINDS[topic.key]
        assert len(kinds) == len(topic.asks), topic.key
        assert all(k in phrases.UNSOLVED_REASONS for k in kinds), topic.key
        assert all(k in phrases.NOT_ADOPTED_REASONS for k in kinds), topic.key
        quick = phrases.QUICK[topic.key]
        assert quick and all(0 <= i < len(topic.bodies) for _, i in quick), topic.key
        assert not {text for text, _ in quick} & set(topic.asks), topic.key
        assert all("{place}" in t for t in topic.titles), topic.key
    assert len({t.key for t in topics.TOPICS}) == len(topics.TOPICS)


# --- the demo seen from a later day ------------------------------------------------------------

LATER = datetime(2026, 12, 7, 9, 0)


@pytest.fixture(scope="module")
def built_later(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The demo built on a day two years after its year, as a new user builds it today."""
    path = tmp_path_factory.mktemp("demo-later") / "示例.sqlite"
    db = Database.open(f"sqlite:///{path}")
    store = AttachmentStore.beside_database(path)
    services = Services(ServiceContext(db, store, actor="示例数据", clock=lambda: LATER))
    summary = build_demo(services)
    yield Built(services, store, summary, _load_year(services))
    db.close()


def test_a_demo_built_later_has_followed_its_items_up(built_later: Built) -> None:
    """2024 as a district's records look at the end of 2026: the year's figures as reported,
    and most items left open at the end of 2024 solved (or found unsolvable) in 2025–26, not
    hundreds of days overdue."""
    sv = built_later.services
    stats = sv.statistics.year(2024)
    assert (stats.hall_sessions, stats.micro_consultations) == (85, 158)
    items = [i for c in built_later.consultations for i in c.outcome_items]
    in_2024 = [i for i in items if i.resolved_on and i.resolved_on.year == 2024]
    assert len(in_2024) >= 160  # solved within 2024, as reported
    later = [i for i in items if i.resolved_on and i.resolved_on.year > 2024]
    assert len(later) >= 40
    assert all(i.resolved_on <= LATER.date() for i in later if i.resolved_on)
    assert any(i.revisit_on and i.revisit_on.year > 2024 for i in later)
    # Each later change was saved on its own day: the item's last change is then.
    for item in later:
        assert item.updated_at is not None
        assert item.updated_at.date() in (item.resolved_on, item.revisit_on), item
    overdue = sv.consultations.search_outcome_items(
        OutcomeFilter(year=2024, overdue_on=LATER.date())
    ).total
    assert overdue <= len(items) // 20  # a few long projects, not every open item of 2024
    assert (built_later.summary.solved, built_later.summary.outcome_items) == (
        stats.solved,
        stats.suggestions,
    )
