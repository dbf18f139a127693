"""A member's 履职档案 (duty record) for one year and the 履职积分 (points) ranking.

Pure functions of the records and the points table (``PointRules``, from the database's
``points.*`` settings): :func:`member_activity` finds what one member (政协委员) did in a
year's consultations and cases, :func:`score` turns it into points, :func:`rank` orders the
members. The service (``services/members.py``) reads the facts in one session; the page, the
PDF and the ranking workbook all show what these give.

How the records name a member, and so how each thing is counted:

- **attended**: the member is a named participant (linked to the roster person) marked
  attended; a host or speaker who is not on the list of participants was there too;
- **hosted**: the consultation's 主持人 is the member's name; **speeches**: the speeches whose
  speaker is the member's name. Hosts and speakers are recorded by name only, so a name counts
  for the member at consultations the member is listed at or that the member's own group held
  (two members of one group with the same name would share them);
- **suggestions raised**: the model has no "proposed by" field on an outcome item. What the
  records support: an outcome item of a consultation counts as the member's suggestion when one
  of the member's speeches at that consultation contains the item's text (the record's speech
  says "建议……" in the words the item was written down with). Items written in other words than
  the speech are not found; their outcome (solved, in progress, unsolved, not adopted) is the
  item's status, "adopted" its 采纳 mark, as in every statistic;
- **cases**: the write-ups (of the year, not in the recycle bin) that link a consultation the
  member took part in; a case's selection level is the highest level of a submission that
  selected it (区级, 市级, 省级; 全国级 earns the province's points).

Only consultations the statistics count are read (held, not planned, not in the recycle bin).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from liaison_desk.domain.entities import Case, Consultation, OutcomeItem, Person
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus, ParticipantCategory

# --- the points table ---------------------------------------------------------------------------

# Selection levels as ``selection_level`` names them.
LEVEL_DISTRICT = "区级"
LEVEL_CITY = "市级"
LEVEL_PROVINCE = "省级"
LEVEL_NATIONAL = "全国级"
LEVEL_ORDER = (LEVEL_NATIONAL, LEVEL_PROVINCE, LEVEL_CITY, LEVEL_DISTRICT)

# Where a case was selected, by the words its submission's target starts with; highest first
# (here, not in the report service, so that the ranking does not import the report writers).
LEVELS: tuple[tuple[str, str], ...] = (
    ("全国政协", LEVEL_NATIONAL),
    ("省政协", LEVEL_PROVINCE),
    ("市政协", LEVEL_CITY),
    ("区政协", LEVEL_DISTRICT),
)
OTHER_LEVEL = "其他"


def selection_level(target: str) -> str:
    """省级 for "省政协“为民办实事”协商案例汇编", 市级 for "市政协优秀协商案例征集" …"""
    text = target.strip()
    for words, level in LEVELS:
        if words in text:
            return level
    return OTHER_LEVEL


@dataclass(frozen=True)
class PointRules:
    """Points per thing done (the settings ``points.*``; the defaults are documented there and in
    the README)."""

    hall_attendance: int = 2
    micro_attendance: int = 1
    hosting: int = 2
    speech: int = 1
    adopted_suggestion: int = 2
    case_district: int = 3
    case_city: int = 5
    case_province: int = 10

    @classmethod
    def from_settings(cls, settings: Mapping[str, object]) -> PointRules:
        values: dict[str, int] = {}
        for name in cls.__dataclass_fields__:
            value = settings.get(SETTING_PREFIX + name)
            if isinstance(value, int) and not isinstance(value, bool):
                values[name] = value
        return cls(**values)

    def for_level(self, level: str | None) -> int:
        if level in (LEVEL_PROVINCE, LEVEL_NATIONAL):
            return self.case_province
        if level == LEVEL_CITY:
            return self.case_city
        if level == LEVEL_DISTRICT:
            return self.case_district
        return 0


SETTING_PREFIX = "points."


# --- what one member did ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionPart:
    """One consultation the member took part in."""

    consultation_id: int
    number: str
    kind: ConsultationKind
    title: str
    held_on: date
    hosted: bool
    speeches: int


@dataclass(frozen=True)
class Suggestion:
    """An outcome item found in one of the member's speeches."""

    item_id: int
    consultation_number: str
    held_on: date
    content: str
    status: OutcomeStatus
    adopted: bool


@dataclass(frozen=True)
class CasePart:
    """A case write-up linking a consultation the member took part in."""

    case_id: int
    title: str
    level: str | None  # the highest level that selected it; None: not selected


@dataclass(frozen=True)
class MemberActivity:
    person: Person
    year: int
    sessions: tuple[SessionPart, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    cases: tuple[CasePart, ...] = ()

    def attended(self, kind: ConsultationKind) -> int:
        return sum(1 for s in self.sessions if s.kind is kind)

    def hosted(self, kind: ConsultationKind | None = None) -> int:
        return sum(1 for s in self.sessions if s.hosted and (kind is None or s.kind is kind))

    @property
    def speech_count(self) -> int:
        return sum(s.speeches for s in self.sessions)

    def suggestions_with(self, *statuses: OutcomeStatus) -> int:
        return sum(1 for s in self.suggestions if s.status in statuses)

    @property
    def adopted(self) -> int:
        return sum(1 for s in self.suggestions if s.adopted)

    def cases_at(self, level: str) -> int:
        return sum(1 for c in self.cases if c.level == level)

    @property
    def selected_cases(self) -> int:
        return sum(1 for c in self.cases if c.level is not None)


def _norm(text: str) -> str:
    return "".join(text.split()).rstrip("。．.；;，,！!")


# Shorter item texts ("同意", "好") would be found in any speech.
MIN_MATCHED_CHARS = 4


def _raised_in(item: OutcomeItem, speeches: Sequence[str]) -> bool:
    needle = _norm(item.content)
    return len(needle) >= MIN_MATCHED_CHARS and any(needle in s for s in speeches)


def member_activity(
    person: Person,
    year: int,
    consultations: Iterable[Consultation],
    cases: Iterable[Case],
    case_levels: Mapping[int, str],
) -> MemberActivity:
    """What ``person`` did in ``consultations`` (those the statistics count, of ``year``) and
    in ``cases`` (of ``year``); ``case_levels``: case id → highest level that selected it."""
    name = person.name.strip()
    sessions: list[SessionPart] = []
    suggestions: list[Suggestion] = []
    taken_part: set[int] = set()
    for c in consultations:
        if c.id is None or c.held_on is None or c.is_deleted:
            continue
        listed = [p for p in c.participants if p.person_id is not None and p.person_id == person.id]
        own_group = person.group_id is not None and c.group_id == person.group_id
        if not listed and not own_group:
            continue
        hosted = bool(name) and c.host.strip() == name
        spoken = [_norm(sp.content) for sp in c.speeches if name and sp.speaker.strip() == name]
        if not (any(p.attended for p in listed) or hosted or spoken):
            continue
        taken_part.add(c.id)
        sessions.append(
            SessionPart(
                consultation_id=c.id,
                number=c.number,
                kind=c.kind,
                title=c.title,
                held_on=c.held_on,
                hosted=hosted,
                speeches=len(spoken),
            )
        )
        for item in c.outcome_items:
            if item.is_deleted or item.id is None or not _raised_in(item, spoken):
                continue
            suggestions.append(
                Suggestion(
                    item_id=item.id,
                    consultation_number=c.number,
                    held_on=c.held_on,
                    content=item.content,
                    status=item.status,
                    adopted=item.adopted,
                )
            )
    parts = [
        CasePart(case_id=case.id, title=case.title, level=case_levels.get(case.id))
        for case in cases
        if case.id is not None
        and not case.is_deleted
        and case.year == year
        and taken_part.intersection(case.consultation_ids)
    ]
    sessions.sort(key=lambda s: (s.held_on, s.number))
    suggestions.sort(key=lambda s: (s.held_on, s.consultation_number, s.item_id))
    parts.sort(key=lambda c: (_level_rank(c.level), c.title))
    return MemberActivity(
        person=person,
        year=year,
        sessions=tuple(sessions),
        suggestions=tuple(suggestions),
        cases=tuple(parts),
    )


def year_records(
    people: Iterable[Person],
    year: int,
    consultations: Sequence[Consultation],
    cases: Sequence[Case],
    case_levels: Mapping[int, str],
    rules: PointRules,
) -> list[MemberRecord]:
    """``score(member_activity(p, year, consultations, cases, case_levels), rules)`` for each
    of ``people``, in one pass over the consultations: each member is handed only the
    consultations that can count for them (listing them, or of their group with their name as
    host or speaker). A district has a hundred thousand members, most of whom did nothing in a
    year; they share one table of zero lines instead of a pass over their group's sessions."""
    listing: dict[int, list[int]] = defaultdict(list)
    named: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, c in enumerate(consultations):
        for pid in {p.person_id for p in c.participants if p.person_id is not None}:
            listing[pid].append(i)
        if c.group_id is not None:
            for who in {c.host.strip(), *(sp.speaker.strip() for sp in c.speeches)}:
                if who:
                    named[(c.group_id, who)].append(i)
    idle_lines: tuple[PointLine, ...] | None = None
    records: list[MemberRecord] = []
    for p in people:
        own = set(listing.get(p.id, ())) if p.id is not None else set()
        name = p.name.strip()
        if name and p.group_id is not None:
            own.update(named.get((p.group_id, name), ()))
        if own:
            chosen = [consultations[i] for i in sorted(own)]
            records.append(score(member_activity(p, year, chosen, cases, case_levels), rules))
            continue
        # Nothing of the year can count for this member: what member_activity gives for no
        # consultations (no sessions, so no suggestions and no cases either).
        idle = MemberActivity(person=p, year=year)
        if idle_lines is None:
            idle_lines = score(idle, rules).lines
        records.append(MemberRecord(activity=idle, rules=rules, lines=idle_lines))
    return records


def _level_rank(level: str | None) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


# --- points ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointLine:
    """One line of the points table: what, how many, points each, points."""

    item: str
    count: int
    each: int

    @property
    def points(self) -> int:
        return self.count * self.each


@dataclass(frozen=True)
class MemberRecord:
    activity: MemberActivity
    rules: PointRules
    lines: tuple[PointLine, ...] = field(default=())

    @property
    def person(self) -> Person:
        return self.activity.person

    @property
    def points(self) -> int:
        return sum(line.points for line in self.lines)


def score(activity: MemberActivity, rules: PointRules) -> MemberRecord:
    """``activity`` counted by ``rules``: one line per kind of thing, whether or not it earned
    anything (the table in the record shows every rule)."""
    a = activity
    lines = (
        PointLine("出席民生议事堂协商", a.attended(ConsultationKind.HALL), rules.hall_attendance),
        PointLine("出席微协商", a.attended(ConsultationKind.MICRO), rules.micro_attendance),
        PointLine("主持协商活动", a.hosted(), rules.hosting),
        PointLine("会上发言", a.speech_count, rules.speech),
        PointLine("意见建议被采纳", a.adopted, rules.adopted_suggestion),
        PointLine("案例入选区级", a.cases_at(LEVEL_DISTRICT), rules.case_district),
        PointLine("案例入选市级", a.cases_at(LEVEL_CITY), rules.case_city),
        PointLine(
            "案例入选省级及以上",
            a.cases_at(LEVEL_PROVINCE) + a.cases_at(LEVEL_NATIONAL),
            rules.case_province,
        ),
    )
    return MemberRecord(activity=activity, rules=rules, lines=lines)


def rule_table(rules: PointRules) -> tuple[tuple[str, int], ...]:
    """(what, points each) of every rule, named as a record's points table names them."""
    blank = MemberActivity(person=Person(name="", category=ParticipantCategory.MEMBER), year=0)
    return tuple((line.item, line.each) for line in score(blank, rules).lines)


@dataclass(frozen=True)
class RankedMember:
    rank: int  # members with equal points share a rank (1, 1, 3, …)
    record: MemberRecord
    group_name: str = ""


def rank(records: Iterable[tuple[MemberRecord, str]]) -> list[RankedMember]:
    """Members (record, group name) by points, most first; equal points share the rank and are
    listed by group, then name."""
    ordered = sorted(records, key=lambda rg: (-rg[0].points, rg[1], rg[0].person.name))
    ranked: list[RankedMember] = []
    for i, (record, group) in enumerate(ordered):
        place = i + 1
        if ranked and ranked[-1].record.points == record.points:
            place = ranked[-1].rank
        ranked.append(RankedMember(rank=place, record=record, group_name=group))
    return ranked


def rank_in_order(records: Iterable[tuple[MemberRecord, str]]) -> list[RankedMember]:
    """``rank(records)`` for records given in the order ``rank`` lists equal points in (by
    group, then name): only the points are left to sort, which is quick for a district's
    128k members (most of whom share zero points)."""
    given = list(records)
    # Summed once per table of lines: year_records' idle members share one.
    points_of: dict[int, int] = {}
    points: list[int] = []
    for record, _group in given:
        found = points_of.get(id(record.lines))
        if found is None:
            found = points_of[id(record.lines)] = record.points
        points.append(found)
    ranked: list[RankedMember] = []
    last = 0
    # A stable sort of integers, mostly equal: milliseconds, so the GIL is not held long.
    for i, at in enumerate(sorted(range(len(given)), key=lambda j: -points[j])):
        record, group = given[at]
        place = i + 1
        if ranked and points[at] == last:
            place = ranked[-1].rank
        last = points[at]
        ranked.append(RankedMember(rank=place, record=record, group_name=group))
    return ranked


# The figures of a ranking row, in the order the page and the workbook show them:
# (key, Chinese heading).
RANKING_FIGURES: tuple[tuple[str, str], ...] = (
    ("hall", "出席议事堂"),
    ("micro", "出席微协商"),
    ("hosted", "主持"),
    ("speeches", "发言"),
    ("suggestions", "提出建议"),
    ("adopted", "被采纳"),
    ("solved", "已解决"),
    ("cases", "参与案例"),
    ("selected", "入选案例"),
    ("points", "履职积分"),
)


def figure(record: MemberRecord, key: str) -> int:
    """One figure of ``RANKING_FIGURES`` for ``record``."""
    a = record.activity
    values = {
        "hall": lambda: a.attended(ConsultationKind.HALL),
        "micro": lambda: a.attended(ConsultationKind.MICRO),
        "hosted": lambda: a.hosted(),
        "speeches": lambda: a.speech_count,
        "suggestions": lambda: len(a.suggestions),
        "adopted": lambda: a.adopted,
        "solved": lambda: a.suggestions_with(OutcomeStatus.SOLVED),
        "cases": lambda: len(a.cases),
        "selected": lambda: a.selected_cases,
        "points": lambda: record.points,
    }
    return values[key]()


def is_member(person: Person) -> bool:
    return person.category is ParticipantCategory.MEMBER and not person.is_deleted
