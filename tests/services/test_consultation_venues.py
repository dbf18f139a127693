"""The venues the consultation form offers: the group's earlier venues, each once, the most
recently used first; deleted consultations and other groups' venues are left out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from liaison_desk.domain.entities import Consultation, LiaisonGroup
from liaison_desk.services import Services


def test_venues_of_a_group_most_recent_first_each_once(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    other = services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))
    for venue, held_on in [
        ("织里镇民生议事堂", date(2024, 3, 5)),
        ("秧宝村协商驿站", date(2024, 6, 1)),
        ("织里镇民生议事堂", date(2024, 9, 9)),
        ("大河村文化礼堂", date(2024, 1, 2)),
    ]:
        services.consultations.save(new_consultation(venue=venue, held_on=held_on))
    services.consultations.save(
        new_consultation(group_id=other.id, venue="埭溪镇民生议事堂", held_on=date(2024, 12, 1))
    )
    gone = services.consultations.save(
        new_consultation(venue="已删除的地点", held_on=date(2024, 12, 30))
    )
    assert gone.id is not None
    services.recycle_bin.delete("consultation", gone.id)

    assert services.consultations.venues(group.id) == [
        "织里镇民生议事堂",
        "秧宝村协商驿站",
        "大河村文化礼堂",
    ]
    assert services.consultations.venues()[0] == "埭溪镇民生议事堂"
    assert "已删除的地点" not in services.consultations.venues()


def test_venues_of_the_demo_year_are_the_groups_own(demo_services: Services) -> None:
    group = demo_services.groups.all()[0]
    venues = demo_services.consultations.venues(group.id)
    assert venues
    assert len(venues) == len(set(venues))
    own = {
        s.venue
        for s in demo_services.consultations.search().items
        if s.group_id == group.id and s.venue.strip()
    }
    assert set(venues) <= own
