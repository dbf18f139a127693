"""Planning the demo district: rosters, the year's consultations and how each outcome item ends,
before anything is saved. Reproducible: the same seed gives the same plan."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from liaison_desk.demo.content.cases import CASE_TEXTS, CaseText, Session
from liaison_desk.demo.content.phrases import (
    ASK_KINDS,
    CASES_WRITTEN_BY,
    HOLIDAYS_2024,
    MIN_DAYS,
    MONTH_WEIGHTS,
    OWNERS,
    QUICK,
    QUICK_KIND,
)
from liaison_desk.demo.content.places import (
    BRANDS,
    DISTRICT_BUREAUS,
    EXPERT_JOBS,
    GIVEN_FEMALE,
    GIVEN_MALE,
    ID_AREAS,
    ID_CHECK,
    ID_WEIGHTS,
    MEMBER_JOBS,
    MOBILE_PREFIXES,
    RESIDENT_TITLES,
    SECTORS_ALL,
    SURNAMES,
    TOWN_OFFICES,
    TOWNS,
    Town,
)
from liaison_desk.demo.content.topics import TOPIC_BY_KEY, TOPICS, Topic
from liaison_desk.demo.figures import (
    DEMO_YEAR,
    FONDS_CODE,
    HALL_SESSIONS,
    MICRO_CONSULTATIONS,
    MIN_SOLVED,
)
from liaison_desk.domain.entities import (
    CasePhoto,
    LiaisonGroup,
    OutcomeItem,
    Person,
)
from liaison_desk.domain.enums import (
    ConsultationKind,
    CppccLevel,
    OutcomeStatus,
    ParticipantCategory,
    TopicSource,
)
from liaison_desk.domain.rules import EARLIEST_BIRTH_DATE
from liaison_desk.progress import Progress
from liaison_desk.services import Services

T = TypeVar("T")


def seeded_rng(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible stream per purpose (not affected by PYTHONHASHSEED)."""
    key = ":".join(str(p) for p in (seed, *parts)).encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


def weighted(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    values = [v for v, _ in pairs]
    weights = [w for _, w in pairs]
    return rng.choices(values, weights=weights)[0]


def _id_card(rng: random.Random, year: int = DEMO_YEAR) -> str:
    """A made-up 18-digit ID number with a correct GB 11643 check character, of someone as
    old in ``year`` as in the demo year; "" when that person would be born before 1900 (no
    valid ID number: the earliest years of a large ``scale``)."""
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 50))
    area, serial = rng.choice(ID_AREAS), rng.randrange(1, 1000)
    if year != DEMO_YEAR:
        born = birth.year - (DEMO_YEAR - year)
        if born < EARLIEST_BIRTH_DATE.year:
            return ""
        birth = birth.replace(year=born, day=min(birth.day, 28) if birth.month == 2 else birth.day)
    body = f"{area}{birth:%Y%m%d}{serial:03d}"
    total = sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True))
    return body + ID_CHECK[total % 11]


def draw_name(rng: random.Random, female: bool | None = None) -> str:
    """A surname and one or two given-name characters, all of them read as a man's or all as a
    woman's (``female`` None: either, evenly)."""
    surname = weighted(rng, SURNAMES)
    if female is None:
        female = rng.random() < 0.5
    pool = GIVEN_FEMALE if female else GIVEN_MALE
    given = rng.choice(pool)
    if rng.random() < 0.7:
        second = rng.choice(pool)
        if second != given:
            given += second
    return surname + given


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def quoted(text: str) -> str:
    """“text”, with quotes inside turned into single ones as Chinese typesetting nests them."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def date_cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def committee(place: str) -> str:
    return f"{place}{'村委会' if place.endswith('村') else '居委会'}"


def _is_village(place: str) -> bool:
    return place.endswith("村")


def _fits(topic: Topic, town: Town, place: str) -> bool:
    """Whether a topic belongs in this town and in a village (rural) or community (urban)."""
    if topic.towns and town.town not in topic.towns:
        return False
    if topic.scope == "rural":
        return _is_village(place)
    return topic.scope != "urban" or not _is_village(place)


@dataclass
class Roster:
    """The people of one group in one year; lists hold saved Person records after phase 2."""

    leaders: list[Person] = field(default_factory=list)  # [0] is the group leader (组长)
    members: list[Person] = field(default_factory=list)
    departments: list[Person] = field(default_factory=list)
    cadres: list[Person] = field(default_factory=list)
    residents: list[Person] = field(default_factory=list)
    experts: list[Person] = field(default_factory=list)

    def lists(self) -> list[list[Person]]:
        return [
            self.leaders,
            self.members,
            self.departments,
            self.cadres,
            self.residents,
            self.experts,
        ]

    def everyone(self) -> list[Person]:
        return [p for people in self.lists() for p in people]


@dataclass
class _GroupPlan:
    town: Town
    group: LiaisonGroup
    rosters: dict[int, Roster] = field(default_factory=dict)

    def words(self, **extra: str) -> dict[str, str]:
        """Values for the templates of units and bodies."""
        t = self.town
        values = {
            "town": t.town,
            "short": t.short,
            "build": "城建办" if t.is_subdistrict else "村建办",
            "clinic": f"{t.town}社区卫生服务中心" if t.is_subdistrict else f"{t.town}卫生院",
            "school": f"{t.short}小学" if t.is_subdistrict else f"{t.town}中心小学",
        }
        values.update(extra)
        return values


@dataclass
class ItemPlan:
    status: OutcomeStatus
    on_spot: bool = False
    long_term: bool = False  # an open item whose work runs into the next year
    ask: str = ""  # the content
    kind: str = ""  # a key of UNSOLVED_REASONS, or QUICK_KIND
    owner: int = 0  # index into the topic's bodies


@dataclass
class Plan:
    """One consultation before it is written: who, when, what, and how its items end."""

    gp: _GroupPlan
    year: int
    kind: ConsultationKind
    held_on: date
    start: time
    end: time
    topic: Topic
    place: str
    source: TopicSource
    title: str = ""
    venue: str = ""
    archived: bool = False
    items: list[ItemPlan] = field(default_factory=list)
    photos: int = 0
    shared_photo: bool = False  # carries the photo that two consultations share (dedupe)
    case: CaseText | None = None
    saved_id: int | None = None
    saved_photos: list[CasePhoto] = field(default_factory=list)  # attachment id and caption
    saved_items: list[OutcomeItem] = field(default_factory=list)  # in the order of ``items``


class Planner:
    """The plan of the demo district; ``DemoBuilder`` saves it."""

    def __init__(
        self, services: Services, seed: int, scale: int, progress: Progress | None
    ) -> None:
        self.sv = services
        self.seed = seed
        self.scale = scale
        self.progress = progress
        # The build sets the services' clock to the moment each record would have been written
        # (a session's evening, a resolution's day, ...), never later than now, and puts the
        # real clock back at the end.
        self.real_clock = services.ctx.clock
        self.now = services.ctx.now()
        self.today = self.now.date()
        self.done = 0
        self.total = 0
        self.used_names: set[str] = set()
        self.groups: list[_GroupPlan] = []
        self.plans: list[Plan] = []
        self.people = 0
        self.items = 0
        self.solved = 0
        self.photos = 0
        self.cases = 0
        self.submissions = 0
        self.shared_photo: bytes | None = None
        self.contacts: dict[str, str] = {}

    # --- the run --------------------------------------------------------------------------

    # --- names and people -------------------------------------------------------------------

    def _name(self, rng: random.Random, female: bool | None = None) -> str:
        for _ in range(40):
            name = draw_name(rng, female)
            if name not in self.used_names:
                break
        self.used_names.add(name)
        return name

    def _plan_groups(self) -> None:
        rng = seeded_rng(self.seed, "groups")
        for town in TOWNS:
            group = LiaisonGroup(
                name=f"{town.town}联络组",
                town=town.town,
                secretary=self._name(rng),
                secretary_phone=f"0572-{rng.choice('2356')}{rng.randrange(10**6):06d}",
                fonds_code=FONDS_CODE,
                org_code=town.org_code,
            )
            self.groups.append(_GroupPlan(town, group))

    def _plan_rosters(self, year: int) -> None:
        for gp in self.groups:
            rng = seeded_rng(self.seed, "roster", year, gp.town.org_code)
            gp.rosters[year] = self._roster(gp, rng, year)
            if year == DEMO_YEAR:
                gp.group.leader = gp.rosters[year].leaders[0].name

    def _roster(self, gp: _GroupPlan, rng: random.Random, year: int) -> Roster:
        t = gp.town
        r = Roster()
        sub = t.is_subdistrict
        leader_titles = [
            ("人大工委主任、政协联络组组长" if sub else "人大主席、政协联络组组长"),
            "党工委副书记" if sub else "党委副书记",
            "办事处副主任" if sub else ("副乡长" if t.town.endswith("乡") else "副镇长"),
            "党工委委员、统战委员" if sub else "党委委员、统战委员",
        ]
        for title in leader_titles[: rng.randint(3, 4)]:
            r.leaders.append(self._person(rng, ParticipantCategory.TOWN_LEADER, t.town, title))

        jobs = [j for j in MEMBER_JOBS if not j.towns or t.town in j.towns]
        weights = [3.0 if j.towns else 1.0 for j in jobs]
        for _ in range(rng.randint(15, 25)):
            job = rng.choices(jobs, weights=weights)[0]
            unit = job.unit.format_map(
                gp.words(brand=rng.choice(BRANDS), place=rng.choice(t.places))
            )
            p = self._person(rng, ParticipantCategory.MEMBER, unit, job.title)
            p.cppcc_level = CppccLevel.CITY if rng.random() < 0.15 else CppccLevel.DISTRICT
            p.sector = rng.choice(job.sectors) if rng.random() < 0.85 else rng.choice(SECTORS_ALL)
            r.members.append(p)

        bureaus = rng.sample(DISTRICT_BUREAUS, 4)
        for unit, title in (*TOWN_OFFICES, *bureaus):
            r.departments.append(
                self._person(
                    rng, ParticipantCategory.DEPARTMENT_HEAD, unit.format_map(gp.words()), title
                )
            )

        for place in t.places:
            village = _is_village(place)
            titles = ["党总支书记", "村委会主任"] if village else ["社区党委书记", "居委会主任"]
            for title in titles[: 1 + (rng.random() < 0.4)]:
                r.cadres.append(self._person(rng, ParticipantCategory.VILLAGE_CADRE, place, title))

        for i in range(rng.randint(10, 15)):
            place = t.places[i % len(t.places)]
            title = rng.choice(RESIDENT_TITLES)
            p = self._person(
                rng,
                ParticipantCategory.RESIDENT,
                place,
                title,
                phone=1.0,
                female=True if title == "妇女代表" else None,
            )
            if rng.random() < 0.15:
                p.id_card = _id_card(rng, year)
            if rng.random() < 0.2:
                p.consent_to_publish = True
                p.consent_note = f"已签署个人信息公开同意书（{DEMO_YEAR}年{rng.randint(1, 6)}月）"
            r.residents.append(p)

        for unit, title in rng.sample(EXPERT_JOBS, rng.randint(1, 3)):
            unit = unit.format_map(gp.words(brand=rng.choice(BRANDS)))
            r.experts.append(self._person(rng, ParticipantCategory.EXPERT, unit, title))
        return r

    def _person(
        self,
        rng: random.Random,
        category: ParticipantCategory,
        unit: str,
        title: str,
        phone: float = 0.9,
        female: bool | None = None,
    ) -> Person:
        return Person(
            name=self._name(rng, female),
            category=category,
            unit=unit,
            title=title,
            phone=_mobile(rng) if rng.random() < phone else "",
        )

    # --- planning a year ------------------------------------------------------------------

    def _plan_year(self, year: int) -> None:
        rng = seeded_rng(self.seed, "plan", year)
        cap = min(date(year, 12, 31), self.today)
        if year == DEMO_YEAR:
            halls, micros = HALL_SESSIONS, MICRO_CONSULTATIONS
        else:
            factor = rng.uniform(0.85, 1.0)
            halls, micros = round(HALL_SESSIONS * factor), round(MICRO_CONSULTATIONS * factor)
        weights = [g.town.weight * rng.uniform(0.7, 1.3) for g in self.groups]
        hall_counts = _allocate(halls, weights, minimum=2)
        micro_counts = _allocate(micros, weights, minimum=4)

        plans: list[Plan] = []
        for gp, n_hall, n_micro in zip(self.groups, hall_counts, micro_counts, strict=True):
            specials = [
                (case, s)
                for case in CASE_TEXTS
                if year == DEMO_YEAR and case.town == gp.town.town
                for s in case.sessions
            ]
            used: dict[str, int] = {}
            titles = {s.title for _, s in specials}  # no title twice in a group's year
            for kind, count in ((ConsultationKind.HALL, n_hall), (ConsultationKind.MICRO, n_micro)):
                mine = [(c, s) for c, s in specials if s.kind is kind]
                for i in range(count):
                    if i < len(mine):
                        plans.append(self._special_plan(gp, year, rng, *mine[i]))
                        used[mine[i][0].topic] = used.get(mine[i][0].topic, 0) + 1
                    else:
                        plans.append(self._plan(gp, year, kind, rng, cap, used, titles))
        plans.sort(key=lambda p: (p.held_on, p.start, p.gp.town.org_code, p.kind.value))
        for plan in plans:
            self._plan_items(plan, rng, cap)
        if year == DEMO_YEAR:
            self._ensure_solved(plans, cap)
            self._plan_photos(plans, rng)
        self.plans += plans

    def _plan(
        self,
        gp: _GroupPlan,
        year: int,
        kind: ConsultationKind,
        rng: random.Random,
        cap: date,
        used: dict[str, int],
        titles: set[str],
    ) -> Plan:
        town = gp.town
        place = rng.choice(town.places)
        candidates: list[tuple[Topic, float]] = []
        for topic in TOPICS:
            if not _fits(topic, town, place):
                continue
            weight = 3.0 if topic.towns else 1.0
            candidates.append((topic, weight / (1 + 2 * used.get(topic.key, 0))))
        topic = weighted(rng, candidates)
        used[topic.key] = used.get(topic.key, 0) + 1
        held_on = _random_day(rng, year, cap)
        start, end = _times(rng, kind)
        source = weighted(
            rng,
            [
                (TopicSource.RESIDENTS, 4),
                (TopicSource.GRASSROOTS, 4),
                (TopicSource.PARTY_GOVERNMENT, 1.5),
                (TopicSource.MEMBER, 2),
                (TopicSource.ONLINE, 2),
                (TopicSource.PUBLIC_OPINION, 1),
                (TopicSource.OTHER, 0.3),
            ],
        )
        place, title = _title(rng, topic, town, place, titles)
        titles.add(title)
        plan = Plan(gp, year, kind, held_on, start, end, topic, place, source, title)
        plan.venue = _venue(rng, plan)
        if year == DEMO_YEAR:
            plan.archived = held_on < date(year, 5, 1) and rng.random() < 0.6
        else:
            plan.archived = rng.random() < 0.9
        return plan

    def _special_plan(
        self,
        gp: _GroupPlan,
        year: int,
        rng: random.Random,
        case: CaseText,
        session: Session,
    ) -> Plan:
        topic = TOPIC_BY_KEY[case.topic]
        village_first = sorted(gp.town.places, key=lambda p: not _is_village(p))
        place = village_first[0] if topic.scope == "rural" else gp.town.places[0]
        for candidate in gp.town.places:
            if candidate in session.title:
                place = candidate
        # A case's session without a fixed date is held by September: its write-up reports results.
        held_on = session.held_on or _random_day(rng, year, min(date(year, 9, 30), self.today))
        minutes = 120 if session.kind is ConsultationKind.HALL else 90
        end = (datetime.combine(held_on, session.start) + timedelta(minutes=minutes)).time()
        plan = Plan(
            gp, year, session.kind, held_on, session.start, end, topic, place, session.source
        )
        plan.title = session.title
        plan.case = case
        if session.kind is ConsultationKind.HALL:
            plan.venue = f"{gp.town.town}民生议事堂"
        elif topic.site:
            plan.venue = f"{place}{topic.site}"
        else:
            plan.venue = f"{place}协商驿站"
        return plan

    def _plan_items(self, plan: Plan, rng: random.Random, cap: date) -> None:
        """How many items, how each ends, and what each is: the topic's suggestions, or one of its
        small immediate measures for the (at most one) item solved on the spot."""
        topic = plan.topic
        if plan.case is not None:
            n = 4 if plan.kind is ConsultationKind.HALL else 3
            items = [ItemPlan(OutcomeStatus.SOLVED, on_spot=i == n - 1) for i in range(n)]
        else:
            if plan.kind is ConsultationKind.HALL:
                n = rng.choices((1, 2, 3, 4), weights=(0.3, 0.4, 0.2, 0.1))[0]
            else:
                n = rng.choices((1, 2, 3, 4), weights=(0.58, 0.3, 0.1, 0.02))[0]
            items = [_item_plan(rng, plan) for _ in range(n)]
            for later in [ip for ip in items if ip.on_spot][1:]:
                later.on_spot = False
        if plan.case is not None:  # its follow-up is known when the case is written up
            cap = min(cap, CASES_WRITTEN_BY)
        regular = [ip for ip in items if not ip.on_spot]
        picked = sorted(rng.sample(range(len(topic.asks)), len(regular)))
        for ip, i in zip(regular, picked, strict=True):
            ip.ask, ip.kind = topic.asks[i], ASK_KINDS[topic.key][i]
            ip.owner = int(OWNERS[topic.key][i])
            # Works take weeks: what a late session asks for cannot be done by the year's end.
            too_late = (cap - plan.held_on).days < MIN_DAYS.get(ip.kind, 7)
            if ip.status is OutcomeStatus.SOLVED and too_late and not plan.archived:
                ip.status, ip.long_term = OutcomeStatus.IN_PROGRESS, True
        for ip in items:
            if ip.on_spot:
                ip.ask, ip.owner = rng.choice(QUICK[topic.key])
                ip.kind = QUICK_KIND
        plan.items = items

    @staticmethod
    def _ensure_solved(plans: list[Plan], cap: date) -> None:
        """The district reported 160+ solved problems: turn open items of the earliest sessions
        into solved ones until the year has enough, whatever the seed."""
        solved = sum(i.status is OutcomeStatus.SOLVED for p in plans for i in p.items)
        for plan in plans:
            for item in plan.items:
                if solved >= MIN_SOLVED:
                    return
                in_time = (cap - plan.held_on).days >= MIN_DAYS.get(item.kind, 7)
                if item.status is OutcomeStatus.IN_PROGRESS and in_time:
                    item.status = OutcomeStatus.SOLVED
                    solved += 1

    @staticmethod
    def _plan_photos(plans: list[Plan], rng: random.Random) -> None:
        for plan in plans:
            if plan.case is not None:
                plan.photos = 3 if plan.kind is ConsultationKind.HALL else 2
            elif plan.kind is ConsultationKind.HALL:
                if rng.random() < 0.6:
                    plan.photos = rng.choices((1, 2, 3), weights=(0.3, 0.45, 0.25))[0]
            elif rng.random() < 0.22:
                plan.photos = 1
        # Two micro-consultations at the same station share one photo of it, captioned with the
        # station's name: the store keeps the file once (content addressing), the records keep
        # one attachment each. The first such pair of 织里 if it has one, else of any group.
        at_station: dict[tuple[str, str], list[Plan]] = {}
        for p in plans:
            if p.kind is ConsultationKind.MICRO and p.case is None and p.venue.endswith("协商驿站"):
                at_station.setdefault((p.gp.town.org_code, p.venue), []).append(p)
        pairs = sorted(
            (found[:2] for found in at_station.values() if len(found) >= 2),
            key=lambda pair: (pair[0].gp.town.org_code != "ZL", pair[0].held_on),
        )
        if pairs:
            for p in pairs[0]:
                p.shared_photo = True


# --- helpers ---------------------------------------------------------------------------------


def _allocate(total: int, weights: list[float], minimum: int) -> list[int]:
    """Split ``total`` by ``weights`` (largest remainder), everyone getting at least ``minimum``."""
    base = [minimum] * len(weights)
    rest = total - minimum * len(weights)
    share = [rest * w / sum(weights) for w in weights]
    counts = [b + int(s) for b, s in zip(base, share, strict=True)]
    order = sorted(range(len(weights)), key=lambda i: share[i] - int(share[i]), reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _is_holiday(d: date) -> bool:
    if d.year == DEMO_YEAR:
        return d in HOLIDAYS_2024
    return (d.month, d.day) in {(1, 1), (5, 1), (5, 2), (5, 3)} or (d.month == 10 and d.day <= 7)


def _random_day(rng: random.Random, year: int, cap: date) -> date:
    """A working day of ``year`` (a Saturday now and then), never after ``cap``."""
    months = [m for m in range(1, 13) if date(year, m, 1) <= cap]
    weights = [MONTH_WEIGHTS[m - 1] for m in months]
    while True:
        month = rng.choices(months, weights=weights)[0]
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        d = date(year, month, rng.randint(1, last))
        if d > cap or _is_holiday(d):
            continue
        if d.weekday() < 5 or (d.weekday() == 5 and rng.random() < 0.08):
            return d


def _times(rng: random.Random, kind: ConsultationKind) -> tuple[time, time]:
    if kind is ConsultationKind.HALL:
        start = rng.choices(
            (time(9, 0), time(9, 30), time(14, 0), time(14, 30), time(19, 0)),
            weights=(3, 2, 3, 3, 1),
        )[0]
        minutes = rng.choice((90, 120, 120, 150))
    else:
        start = rng.choices(
            (time(9, 0), time(10, 0), time(14, 30), time(15, 30), time(19, 0)),
            weights=(3, 2, 3, 2, 1),
        )[0]
        minutes = rng.choice((60, 60, 90))
    end = (datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=minutes)).time()
    return start, end


def _title(
    rng: random.Random, topic: Topic, town: Town, place: str, taken: set[str]
) -> tuple[str, str]:
    """A place and a title that no other session of the group's year has: one of the topic's
    titles at ``place``, else at another place of the town where the topic fits, else a
    follow-up session's (再协商)."""
    others = [p for p in town.places if p != place and _fits(topic, town, p)]
    for where in [place, *rng.sample(others, len(others))]:
        free = [t.format(place=where) for t in topic.titles]
        free = [t for t in free if t not in taken]
        if free:
            return where, rng.choice(free)
    base = rng.choice(topic.titles).format(place=place)
    title, k = f"{base}再协商", 3
    while title in taken:
        title, k = f"{base}（第{k}次协商）", k + 1
    return place, title


def _venue(rng: random.Random, plan: Plan) -> str:
    if plan.kind is ConsultationKind.HALL:
        if rng.random() < 0.75:
            return f"{plan.gp.town.town}民生议事堂"
        return f"{plan.place}民生议事堂"
    r = rng.random()
    if r < 0.45 or (not plan.topic.site and r < 0.8):
        return f"{plan.place}协商驿站"
    if r < 0.65 or not plan.topic.site:
        return f"{plan.place}党群服务中心"
    return f"{plan.place}{plan.topic.site}"


def _item_plan(rng: random.Random, plan: Plan) -> ItemPlan:
    if plan.archived:  # an archived record is closed: every item has its final status
        status = weighted(
            rng,
            [
                (OutcomeStatus.SOLVED, 0.64),
                (OutcomeStatus.UNSOLVED, 0.18),
                (OutcomeStatus.NOT_ADOPTED, 0.18),
            ],
        )
    else:
        month = plan.held_on.month
        solved = (0.48, 0.48, 0.48, 0.48, 0.44, 0.44, 0.4, 0.38, 0.34, 0.26, 0.2, 0.1)[month - 1]
        unsolved = 0.06 if month <= 10 else 0.0
        pending = 0.2 if month == 12 else 0.05 if month == 11 else 0.0
        status = weighted(
            rng,
            [
                (OutcomeStatus.SOLVED, solved),
                (OutcomeStatus.NOT_ADOPTED, 0.05),
                (OutcomeStatus.UNSOLVED, unsolved),
                (OutcomeStatus.PENDING, pending),
                (OutcomeStatus.IN_PROGRESS, max(0.0, 1 - solved - 0.05 - unsolved - pending)),
            ],
        )
    return ItemPlan(
        status,
        on_spot=status is OutcomeStatus.SOLVED and rng.random() < 0.2,
        long_term=status.is_open and rng.random() < 0.9,  # the rest may fall overdue
    )
