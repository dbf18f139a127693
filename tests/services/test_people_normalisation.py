"""Names, phones and archive codes are stored in one spelling, so duplicates are found however
they were typed."""

from __future__ import annotations

import pytest

from liaison_desk.domain.entities import LiaisonGroup, Person
from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services

RESIDENT = ParticipantCategory.RESIDENT


def test_a_person_is_saved_with_a_clean_name_and_phone(services: Services) -> None:
    saved = services.people.save(
        Person(name=" 张　三 ", category=RESIDENT, phone="１３９-００１３-９０００")
    )
    assert (saved.name, saved.phone) == ("张三", "13900139000")
    stored = services.people.get(saved.id or 0)
    assert stored is not None and (stored.name, stored.phone) == ("张三", "13900139000")


@pytest.mark.parametrize(
    ("name", "phone"),
    [("张 三", "138 0013 8000"), ("张三", "138-0013-8000"), ("张　三", "+86 13800138000")],
)
def test_duplicates_are_found_however_they_are_typed(
    services: Services, name: str, phone: str
) -> None:
    first = services.people.save(Person(name="张三", category=RESIDENT, phone="13800138000"))
    found = services.people.possible_duplicates(Person(name=name, category=RESIDENT, phone=phone))
    assert [p.id for p in found] == [first.id]


def test_a_different_phone_is_no_duplicate(services: Services) -> None:
    services.people.save(Person(name="张三", category=RESIDENT, phone="13800138000"))
    other = Person(name="张 三", category=RESIDENT, phone="139 0013 9000")
    assert services.people.possible_duplicates(other) == []


def test_a_landline_keeps_one_dash_after_the_area_code(services: Services) -> None:
    saved = services.people.save(Person(name="李四", category=RESIDENT, phone="0572 234 5678"))
    assert saved.phone == "0572-2345678"


def test_a_group_is_saved_with_upper_case_codes_and_a_clean_phone(services: Services) -> None:
    saved = services.groups.save(
        LiaisonGroup(
            name="织里镇联络组",
            town="织里镇",
            secretary_phone="138 0013 8000",
            fonds_code="j012",
            org_code=" zl ",
        )
    )
    assert (saved.short_name, saved.secretary_phone, saved.fonds_code, saved.org_code) == (
        "织里",
        "13800138000",
        "J012",
        "ZL",
    )


def test_a_group_with_a_nonsense_code_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        services.groups.save(
            LiaisonGroup(
                name="织里镇联络组", town="织里镇", fonds_code="第12号", short_name="织-里"
            )
        )
    assert {p.field for p in exc.value.problems} == {"fonds_code", "short_name"}
    assert services.groups.all() == []
