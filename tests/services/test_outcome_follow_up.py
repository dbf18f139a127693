"""What the problem-tracking page and the dashboard ask of the consultation service besides the
item search: the day follow-up is judged on and the responsible bodies to complete a filter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from liaison_desk.domain.entities import Consultation, LiaisonGroup, OutcomeItem
from liaison_desk.domain.queries import OutcomeFilter
from liaison_desk.services import Services

if TYPE_CHECKING:  # the clock fixture's type (conftest is not a package module)
    from conftest import FixedClock


def test_today_is_the_services_clock(services: Services, clock: FixedClock) -> None:
    assert services.consultations.today() == date(2024, 12, 31)
    clock.advance(days=3)
    assert services.consultations.today() == date(2025, 1, 3)


def test_responsible_bodies_are_each_named_once_sorted_without_blanks_or_deleted(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    other = services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))
    services.consultations.save(
        new_consultation(
            outcome_items=[
                OutcomeItem(content="修路灯", responsible_body="区住建局"),
                OutcomeItem(content="清河道", responsible_body=" 区水利局 "),
                OutcomeItem(content="加装电梯", responsible_body="区住建局"),
                OutcomeItem(content="再议", responsible_body=""),
            ]
        )
    )
    services.consultations.save(
        new_consultation(
            group_id=other.id,
            title="暖心餐",
            outcome_items=[OutcomeItem(content="增设助餐点", responsible_body="区民政局")],
        )
    )
    gone = services.consultations.save(
        new_consultation(
            title="停车难",
            outcome_items=[OutcomeItem(content="划车位", responsible_body="区交警大队")],
        )
    )
    services.recycle_bin.delete("consultation", gone.id)

    assert services.consultations.responsible_bodies() == sorted(
        ["区住建局", "区水利局", "区民政局"]
    )
    assert services.consultations.responsible_bodies(group.id) == sorted(["区住建局", "区水利局"])
    assert services.consultations.responsible_bodies(other.id) == ["区民政局"]
    # Every body offered finds items when used as the filter.
    for body in services.consultations.responsible_bodies():
        assert services.consultations.search_outcome_items(
            OutcomeFilter(responsible_body=body)
        ).total


def test_responsible_bodies_of_the_demo_year_match_its_items(demo_services: Services) -> None:
    items = [s.item for s in demo_services.consultations.search_outcome_items().items]
    expected = sorted({i.responsible_body.strip() for i in items if i.responsible_body.strip()})
    assert demo_services.consultations.responsible_bodies() == expected
