"""Liaison groups and the roster: validation, duplicate warnings, search and audit."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from liaison_desk.domain.entities import LiaisonGroup, Person
from liaison_desk.domain.enums import AuditAction, CppccLevel, ParticipantCategory
from liaison_desk.domain.queries import PageRequest, PersonFilter
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services
from liaison_desk.storage import repositories
from liaison_desk.storage.models import PersonRow

MEMBER = ParticipantCategory.MEMBER
RESIDENT = ParticipantCategory.RESIDENT
VALID_ID = "11010519491231002X"


def has_chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


def people_rows(services: Services) -> int:
    with services.ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(PersonRow)) or 0


def audit_of(services: Services, entity_type: str, uuid: str) -> list:
    with services.ctx.db.session() as s:
        return repositories.list_audit(s, entity_type, uuid)


# --- groups -------------------------------------------------------------------------------------


def test_a_group_gets_its_short_name_from_the_town(services: Services) -> None:
    saved = services.groups.save(LiaisonGroup(name="龙泉街道联络组", town="龙泉街道"))
    assert saved.short_name == "龙泉"
    assert saved.id is not None and saved.revision == 1
    assert [g.name for g in services.groups.all()] == ["龙泉街道联络组"]
    assert services.groups.get(saved.id) == saved


def test_the_fixture_group_has_its_archive_codes(group: LiaisonGroup) -> None:
    assert (group.name, group.short_name, group.fonds_code, group.org_code) == (
        "织里镇联络组",
        "织里",
        "J012",
        "ZL",
    )


def test_group_validation_lists_every_problem(services: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        services.groups.save(LiaisonGroup(name=" ", town="", secretary_phone="12345"))
    assert {p.field for p in exc.value.problems} == {"name", "town", "secretary_phone"}
    assert all(has_chinese(p.message) for p in exc.value.problems)
    assert services.groups.all() == []


def test_a_group_update_is_audited(services: Services, group: LiaisonGroup, clock: Any) -> None:
    clock.advance(days=1)
    group.leader = "沈组长"
    updated = services.groups.save(group)
    assert updated.revision == 2
    entries = audit_of(services, "group", group.uuid)
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.UPDATE]
    assert entries[-1].changes == {"leader": ["", "沈组长"]}
    assert (entries[-1].actor, entries[-1].at) == ("测试员", clock())


# --- people -------------------------------------------------------------------------------------


def test_a_person_is_saved_with_every_field(services: Services, group: LiaisonGroup) -> None:
    p = services.people.save(
        Person(
            name="李委员",
            category=MEMBER,
            group_id=group.id,
            unit="织里镇童装商会",
            title="会长",
            phone="13800138000",
            id_card=VALID_ID,
            cppcc_level=CppccLevel.DISTRICT,
            sector="工商联",
            consent_to_publish=True,
            consent_note="2024年3月书面同意",
        )
    )
    got = services.people.get(p.id)
    assert got == p
    assert got.cppcc_level is CppccLevel.DISTRICT
    assert got.category is MEMBER


def test_person_validation_lists_every_problem_and_writes_nothing(services: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        services.people.save(
            Person(name="  ", category=RESIDENT, phone="1380013800", id_card="110105194912310021")
        )
    problems = exc.value.problems
    assert {p.field for p in problems} == {"name", "phone", "id_card"}
    assert all(has_chinese(p.message) for p in problems)
    assert "身份证" in str(exc.value) and "电话" in str(exc.value)
    assert people_rows(services) == 0


@pytest.mark.parametrize(
    ("phone", "stored"),
    [
        ("13800138000", "13800138000"),
        ("0572-2345678", "0572-2345678"),
        ("05722345678", "0572-2345678"),
        ("138 0013 8000", "13800138000"),
    ],
)
def test_mobile_and_landline_numbers_are_accepted(
    services: Services, phone: str, stored: str
) -> None:
    saved = services.people.save(Person(name="张三", category=RESIDENT, phone=phone))
    assert saved.phone == stored


def test_an_update_bumps_the_revision_and_records_old_and_new(
    services: Services,
) -> None:
    p = services.people.save(Person(name="张三", category=RESIDENT, phone="13800138000"))
    p.phone = "13900139000"
    p.unit = "河西社区"
    updated = services.people.save(p)
    assert updated.revision == 2
    last = audit_of(services, "person", p.uuid)[-1]
    assert last.action is AuditAction.UPDATE
    assert last.changes == {
        "phone": ["13800138000", "13900139000"],
        "unit": ["", "河西社区"],
    }


def test_same_name_and_phone_is_flagged_as_a_possible_duplicate(services: Services) -> None:
    first = services.people.save(Person(name="张三", category=RESIDENT, phone="13800138000"))
    services.people.save(Person(name="张三", category=RESIDENT, phone="13900139000"))
    services.people.save(Person(name="李四", category=RESIDENT, phone="13800138000"))

    again = Person(name=" 张三 ", category=RESIDENT, phone="13800138000")
    assert [p.id for p in services.people.possible_duplicates(again)] == [first.id]
    # Editing the record itself is not a duplicate of itself.
    assert services.people.possible_duplicates(first) == []
    # Without a phone on either side the name alone is enough to warn.
    no_phone = Person(name="张三", category=RESIDENT)
    assert len(services.people.possible_duplicates(no_phone)) == 2
    assert services.people.possible_duplicates(Person(name="王五", category=RESIDENT)) == []


def test_a_person_in_the_recycle_bin_is_not_a_duplicate(services: Services) -> None:
    p = services.people.save(Person(name="张三", category=RESIDENT, phone="13800138000"))
    services.recycle_bin.delete("person", p.id)
    assert services.people.possible_duplicates(Person(name="张三", category=RESIDENT)) == []


def test_roster_search_by_group_category_and_text(services: Services, group: LiaisonGroup) -> None:
    other = services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))
    save = services.people.save
    save(
        Person(name="李委员", category=MEMBER, group_id=group.id, unit="童装商会", sector="工商联")
    )
    save(Person(name="张三", category=RESIDENT, group_id=group.id, phone="13800138000"))
    save(Person(name="王委员", category=MEMBER, group_id=other.id, title="校长"))
    gone = save(Person(name="赵六", category=RESIDENT, group_id=group.id))
    services.recycle_bin.delete("person", gone.id)

    def names(f: PersonFilter) -> set[str]:
        return {p.name for p in services.people.search(f).items}

    assert names(PersonFilter()) == {"李委员", "张三", "王委员"}
    assert names(PersonFilter(group_id=group.id)) == {"李委员", "张三"}
    assert names(PersonFilter(category=MEMBER)) == {"李委员", "王委员"}
    assert names(PersonFilter(text="委员")) == {"李委员", "王委员"}
    assert names(PersonFilter(text="童装")) == {"李委员"}
    assert names(PersonFilter(text="0013")) == {"张三"}
    assert names(PersonFilter(text="校长")) == {"王委员"}
    assert names(PersonFilter(text="工商联")) == {"李委员"}
    assert names(PersonFilter(text="%")) == set()
    # The category's Chinese label finds its people (张三 is 群众代表, named nowhere else so).
    assert names(PersonFilter(text="群众")) == {"张三"}
    assert names(PersonFilter(text="政协委员")) == {"李委员", "王委员"}
    page = services.people.search(PersonFilter(), PageRequest(limit=2, order_by="name"))
    assert page.total == 3 and len(page.items) == 2


def test_two_groups_cannot_share_a_name(services: Services) -> None:
    services.groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    with pytest.raises(ValidationError) as error:
        services.groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    assert [p.field for p in error.value.problems] == ["name"]
    assert "已经有" in error.value.problems[0].message
    assert [g.name for g in services.groups.all()] == ["织里镇联络组"]
