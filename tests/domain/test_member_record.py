"""A member's 履职档案 from the records: what counts as attended, hosted, spoken, raised; cases
and their levels; points by the rules; the ranking's order and ties."""

from __future__ import annotations

import dataclasses
from datetime import date

from liaison_desk.domain.entities import (
    Case,
    Consultation,
    OutcomeItem,
    Participant,
    Person,
    Speech,
)
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus, ParticipantCategory
from liaison_desk.domain.member_record import (
    LEVEL_CITY,
    LEVEL_NATIONAL,
    PointRules,
    member_activity,
    rank,
    rank_in_order,
    rule_table,
    score,
    year_records,
)

MEMBER = Person(id=7, name="金秀艳", category=ParticipantCategory.MEMBER, group_id=1)
NAMESAKE = Person(id=8, name="金秀艳", category=ParticipantCategory.MEMBER, group_id=2)


def consultation(cid: int, **fields: object) -> Consultation:
    values: dict[str, object] = dict(
        id=cid,
        number=f"织里-2024-议-{cid:03d}",
        kind=ConsultationKind.HALL,
        title=f"议题{cid}",
        group_id=1,
        held_on=date(2024, 3, cid),
        venue="议事堂",
    )
    values.update(fields)
    return Consultation(**values)  # type: ignore[arg-type]


def listed(person: Person, attended: bool = True) -> Participant:
    return Participant(
        name=person.name, category=person.category, person_id=person.id, attended=attended
    )


def item(iid: int, content: str, status: OutcomeStatus, adopted: bool) -> OutcomeItem:
    return OutcomeItem(id=iid, content=content, status=status, adopted=adopted)


RECORDS = [
    # Attended, hosted, spoke twice; one of the two items is in her speech.
    consultation(
        1,
        participants=[listed(MEMBER)],
        host="金秀艳",
        speeches=[
            Speech(speaker="金秀艳", content="建议在小区东侧增设停车位。理由是……"),
            Speech(speaker="金秀艳", content="同意。"),
            Speech(speaker="李四", content="建议安装智能充电桩。"),
        ],
        outcome_items=[
            item(11, "在小区东侧增设停车位", OutcomeStatus.SOLVED, True),
            item(12, "安装智能充电桩", OutcomeStatus.IN_PROGRESS, True),
        ],
    ),
    # Listed but absent: not counted.
    consultation(2, participants=[listed(MEMBER, attended=False)]),
    # A micro-consultation of her group where she is not listed but spoke: she was there.
    consultation(
        3,
        kind=ConsultationKind.MICRO,
        speeches=[Speech(speaker="金秀艳", content="建议暂缓拆除老街牌坊")],
        outcome_items=[item(31, "暂缓拆除老街牌坊。", OutcomeStatus.NOT_ADOPTED, False)],
    ),
    # Another group's session where a namesake spoke: not hers.
    consultation(4, group_id=2, speeches=[Speech(speaker="金秀艳", content="建议修路")]),
]
CASES = [
    Case(id=100, group_id=1, year=2024, title="停车难", consultation_ids=[1]),
    Case(id=101, group_id=1, year=2024, title="老街", consultation_ids=[3]),
    Case(id=102, group_id=1, year=2024, title="未参加", consultation_ids=[2]),
    Case(id=103, group_id=1, year=2023, title="去年的", consultation_ids=[1]),
]
LEVELS = {100: LEVEL_CITY, 101: LEVEL_NATIONAL, 102: LEVEL_CITY}


def test_what_the_records_say_she_did() -> None:
    a = member_activity(MEMBER, 2024, RECORDS, CASES, LEVELS)
    assert [(s.consultation_id, s.hosted, s.speeches) for s in a.sessions] == [
        (1, True, 2),
        (3, False, 1),
    ]
    assert a.attended(ConsultationKind.HALL) == 1 and a.attended(ConsultationKind.MICRO) == 1
    assert a.hosted() == 1 and a.speech_count == 3
    # Item 12 was said by 李四, not by her; the trailing 。 of item 31 does not matter.
    assert [(s.item_id, s.status, s.adopted) for s in a.suggestions] == [
        (11, OutcomeStatus.SOLVED, True),
        (31, OutcomeStatus.NOT_ADOPTED, False),
    ]
    assert a.adopted == 1
    # Cases of the year linking a session she took part in, the highest level first.
    assert [(c.case_id, c.level) for c in a.cases] == [(101, LEVEL_NATIONAL), (100, LEVEL_CITY)]


def test_a_namesake_of_another_group_gets_only_her_own() -> None:
    a = member_activity(NAMESAKE, 2024, RECORDS, CASES, LEVELS)
    assert [(s.consultation_id, s.speeches) for s in a.sessions] == [(4, 1)]
    assert a.suggestions == () and a.cases == ()


def test_points_follow_the_rules() -> None:
    a = member_activity(MEMBER, 2024, RECORDS, CASES, LEVELS)
    rules = PointRules()
    record = score(a, rules)
    # hall 2 + micro 1 + host 2 + 3 speeches × 1 + 1 adopted × 2 + city 5 + national as province 10
    assert record.points == 2 + 1 + 2 + 3 + 2 + 5 + 10 == 25
    richer = dataclasses.replace(rules, speech=4, case_province=20)
    assert score(a, richer).points == record.points + 3 * 3 + 10
    assert PointRules.from_settings({"points.speech": 4, "points.case_province": 20}) == richer
    assert [each for _item, each in rule_table(richer)] == [2, 1, 2, 4, 2, 3, 5, 20]


def test_ranking_most_points_first_ties_share_the_place() -> None:
    def record(name: str, speeches: int) -> object:
        person = Person(id=hash(name) % 1000, name=name, category=ParticipantCategory.MEMBER)
        sessions = [
            consultation(
                i + 1,
                participants=[listed(person)],
                speeches=[Speech(speaker=name, content="发言")] * speeches,
            )
            for i in range(1)
        ]
        return score(member_activity(person, 2024, sessions, [], {}), PointRules())

    rows = [
        (record("乙", 3), "B组"),
        (record("甲", 3), "A组"),
        (record("丙", 5), "B组"),
        (record("丁", 0), "A组"),
    ]
    ranked = rank(rows)  # type: ignore[arg-type]
    assert [(r.rank, r.record.person.name, r.record.points) for r in ranked] == [
        (1, "丙", 7),
        (2, "甲", 5),  # equal points: same place, by group then name
        (2, "乙", 5),
        (4, "丁", 2),
    ]


def test_year_records_count_what_each_member_counted_alone() -> None:
    """year_records hands each member only the sessions that can count for them; the figures
    are those of member_activity over every session of the year, member by member."""
    padded = Person(id=9, name=" 金秀艳 ", category=ParticipantCategory.MEMBER, group_id=1)
    part_of_name = Person(id=10, name="金秀", category=ParticipantCategory.MEMBER, group_id=1)
    no_group = Person(id=11, name="李四", category=ParticipantCategory.MEMBER)
    nameless = Person(id=12, name=" ", category=ParticipantCategory.MEMBER, group_id=1)
    idle = Person(id=13, name="王五", category=ParticipantCategory.MEMBER, group_id=2)
    other_group_host = Person(id=14, name="赵六", category=ParticipantCategory.MEMBER, group_id=1)
    people = [MEMBER, NAMESAKE, padded, part_of_name, no_group, nameless, idle, other_group_host]
    records = [
        *RECORDS,
        # 李四 (no group) listed at another group's session; 赵六 hosts a session of group 2.
        consultation(5, group_id=2, host="赵六 ", participants=[listed(no_group)]),
        consultation(6, participants=[listed(nameless)], speeches=[Speech(speaker=" ")]),
        consultation(7, host=" 金秀艳", participants=[listed(other_group_host, attended=False)]),
    ]
    rules = PointRules()
    expected = [score(member_activity(p, 2024, records, CASES, LEVELS), rules) for p in people]
    assert year_records(people, 2024, records, CASES, LEVELS, rules) == expected
    # The ones that did something did: the test is not of empty records only.
    assert [r.points for r in expected[:3]] != [0, 0, 0]
    assert expected[4].activity.sessions and expected[5].activity.sessions


def test_rank_in_order_is_rank_of_rows_given_by_group_and_name() -> None:
    people = [
        Person(id=i, name=name, category=ParticipantCategory.MEMBER, group_id=1 + i % 3)
        for i, name in enumerate(["乙", "甲", "丙", "丁", "甲", "Ann", "戊", "己", "乙", "庚"])
    ]
    groups = {1: "B组", 2: "A组", 3: ""}
    sessions = [
        consultation(i + 1, group_id=p.group_id, participants=[listed(p)])
        for i, p in enumerate(people)
        if p.id is not None and p.id % 4 != 0  # some took part in nothing
    ]
    kinds = [dataclasses.replace(c, kind=ConsultationKind.MICRO) for c in sessions[::2]]
    held = kinds + sessions[1::2]
    records = [
        (score(member_activity(p, 2024, held, [], {}), PointRules()), groups[p.group_id or 0])
        for p in people
    ]
    # As the members are read for the ranking: by group name, name, then id.
    given = sorted(records, key=lambda rg: (rg[1], rg[0].person.name, rg[0].person.id))
    assert rank_in_order(given) == rank(records)
    assert len({r.record.points for r in rank(records)}) == 3
