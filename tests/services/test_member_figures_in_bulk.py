"""The ranking and a member's points by year read a district's roster and consultations in bulk
(128k members, four hundred years took 40 s and 10 s before): the figures, the order and the
people shown are exactly those of the rule applied one member and one year at a time, computed
here the way the service did before — every member handed every counted consultation of the
year, the roster read through the ORM, ``rank`` sorting in Python — on the demo year with
crafted records added where reading in bulk could go wrong: names with LIKE wildcards and
spaces, a name inside a longer one, a member listed at another group's session, a member with
no group, a deleted member and a deleted group, and another year."""

from __future__ import annotations

from datetime import date

import pytest

from liaison_desk.domain.entities import Consultation, LiaisonGroup, Participant, Person, Speech
from liaison_desk.domain.enums import ConsultationKind, ParticipantCategory
from liaison_desk.domain.member_record import (
    MemberRecord,
    PointRules,
    RankedMember,
    member_activity,
    rank,
    score,
)
from liaison_desk.services import Services
from liaison_desk.services.members import _best_levels
from liaison_desk.storage import repositories


def old_ranking(services: Services, year: int, group_id: int | None) -> list[RankedMember]:
    with services.ctx.db.reading() as s:
        rules = PointRules.from_settings(repositories.get_settings(s))
        names = {g.id: g.name for g in repositories.list_groups(s)}
        people = sorted(
            (
                p
                for p in repositories.all_people(s)
                if p.category is ParticipantCategory.MEMBER and not p.is_deleted
            ),
            key=lambda p: p.id or 0,
        )
        people = [p for p in people if group_id is None or p.group_id == group_id]
        consultations = repositories.counted_consultations(s, year)
        cases = repositories.cases_of_year(s, year)
        levels = _best_levels(s)
        return rank(
            (
                score(member_activity(p, year, consultations, cases, levels), rules),
                names.get(p.group_id or 0, ""),
            )
            for p in people
        )


def old_history(services: Services, person: Person) -> list[MemberRecord]:
    with services.ctx.db.reading() as s:
        rules = PointRules.from_settings(repositories.get_settings(s))
        levels = _best_levels(s)
        return [
            score(
                member_activity(
                    person,
                    y,
                    repositories.counted_consultations(s, y),
                    repositories.cases_of_year(s, y),
                    levels,
                ),
                rules,
            )
            for y in repositories.record_years(s)
        ]


@pytest.fixture
def crafted(demo_services: Services) -> dict[str, Person]:
    """The demo year and, in its first group, members whose records are easy to misread."""
    services = demo_services
    first, *_ = services.groups.all()
    assert first.id is not None
    spare = services.groups.save(LiaisonGroup(name="撤销的联络组", town="旧镇"))

    def member(name: str, group_id: int | None) -> Person:
        return services.people.save(
            Person(name=name, category=ParticipantCategory.MEMBER, group_id=group_id)
        )

    people = {
        "wild": member("李_%", first.id),
        "like": member("李甲乙", first.id),  # what 李_% would match in LIKE without escaping
        "part": member("金秀", first.id),  # inside 金秀艳 and 金秀英
        "whole": member("金秀艳", first.id),
        "alone": member("孙无组", None),
        "gone": member("周已删", first.id),
        "orphan": member("吴孤", spare.id),
    }

    def listed(p: Person, attended: bool = True) -> Participant:
        reason = "" if attended else "外出"
        return Participant(
            name=p.name,
            category=p.category,
            person_id=p.id,
            attended=attended,
            absence_reason=reason,
        )

    def held(on: date, group_id: int | None, **fields: object) -> Consultation:
        c = services.consultations.new(ConsultationKind.MICRO, group_id)
        c.title, c.held_on, c.venue = "社区停车", on, "村委会"
        for name, value in fields.items():
            setattr(c, name, value)
        return services.consultations.save(c)

    others = [g for g in services.groups.all() if g.id not in (first.id, spare.id)]
    held(
        date(2024, 6, 3),
        first.id,
        host=" 李_% ",
        speeches=[Speech(speaker="金秀艳艳", content="建议增设停车位"), Speech(speaker=" 金秀 ")],
        participants=[listed(people["like"], attended=False)],
    )
    held(
        date(2024, 6, 4),
        others[0].id,
        host="金秀",
        participants=[listed(people["alone"]), listed(people["orphan"])],
    )
    held(date(2023, 5, 6), first.id, host="金秀艳", speeches=[Speech(speaker="李_%")])
    assert spare.id is not None and people["gone"].id is not None
    services.recycle_bin.delete("group", spare.id)  # 吴孤's group name is then ""
    services.recycle_bin.delete("person", people["gone"].id)
    return people


def test_the_ranking_is_the_one_member_at_a_time_ranking(
    demo_services: Services, crafted: dict[str, Person]
) -> None:
    for year in (2024, 2023):
        for group_id in (None, crafted["wild"].group_id):
            ranking = demo_services.members.ranking(year, group_id)
            assert list(ranking.rows) == old_ranking(demo_services, year, group_id)
    rows = demo_services.members.ranking(2024).rows
    points = {r.record.person.name: r.record.points for r in rows}
    # The crafted records count as the rule says (so the comparison is not of zeros only).
    assert points["李_%"] > 0 and points["金秀"] > 0 and points["孙无组"] > 0
    assert points["李甲乙"] == 0 and "周已删" not in points
    (orphan,) = [r for r in rows if r.record.person.name == "吴孤"]
    assert orphan.group_name == "" and orphan.record.points > 0


def test_a_members_history_is_the_year_by_year_history(
    demo_services: Services, crafted: dict[str, Person]
) -> None:
    for key in ("wild", "part", "whole", "alone", "like"):
        person_id = crafted[key].id
        assert person_id is not None
        person = repositories_member(demo_services, person_id)
        history = demo_services.members.history(person_id)
        assert history == old_history(demo_services, person)
        assert [h.activity.year for h in history] == [2024, 2023]
    top = demo_services.members.ranking(2024).rows[0].record.person
    assert top.id is not None
    assert demo_services.members.history(top.id) == old_history(demo_services, top)


def repositories_member(services: Services, person_id: int) -> Person:
    with services.ctx.db.reading() as s:
        (person,) = repositories.all_people(s, {person_id})
        return person
