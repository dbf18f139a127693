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
    rule_table,
    score,
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
