"""What the problem-tracking page and the dashboard ask of the consultation service besides the
item search: the day follow-up is judged on and the responsible bodies to complete a filter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import pytest

from liaison_desk.domain.entities import Consultation, LiaisonGroup, OutcomeItem
from liaison_desk.domain.enums import OutcomeStatus, Satisfaction
from liaison_desk.domain.queries import OutcomeFilter
from liaison_desk.domain.rules import LockedError, ValidationError
from liaison_desk.services import Services

if TYPE_CHECKING:  # the clock fixture's type (conftest is not a package module)
    from clock import FixedClock


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


# --- bulk follow-up -----------------------------------------------------------------------------


def _all_items(services: Services) -> dict[int, OutcomeItem]:
    return {
        s.item.id: s.item
        for s in services.consultations.search_outcome_items().items
        if s.item.id is not None
    }


def _open_items_of_unlocked(services: Services, count: int) -> list[int]:
    """Ids of open items whose consultation is not archived, from several consultations."""
    ids: list[int] = []
    seen: set[int] = set()
    for s in services.consultations.search_outcome_items(OutcomeFilter(open_only=True)).items:
        c = services.consultations.get(s.consultation_id)
        if c is None or c.is_locked or s.consultation_id in seen:
            continue
        seen.add(s.consultation_id)
        assert s.item.id is not None
        ids.append(s.item.id)
        if len(ids) == count:
            break
    assert len(ids) == count
    return ids


def test_bulk_status_changes_exactly_the_selected_items(demo_services: Services) -> None:
    before = _all_items(demo_services)
    chosen = _open_items_of_unlocked(demo_services, 5)

    saved = demo_services.consultations.set_outcome_status(
        chosen, OutcomeStatus.SOLVED, resolved_on=date(2024, 12, 20)
    )

    assert [i.id for i in saved] == chosen
    after = _all_items(demo_services)
    assert set(after) == set(before)
    for item_id, item in after.items():
        if item_id in chosen:
            assert item.status is OutcomeStatus.SOLVED
            assert item.resolved_on == date(2024, 12, 20)
            assert item.revision == before[item_id].revision + 1
        else:
            assert item == before[item_id]


def test_an_item_put_back_to_work_is_no_longer_solved_on_any_day(demo_services: Services) -> None:
    chosen = _open_items_of_unlocked(demo_services, 2)
    demo_services.consultations.set_outcome_status(
        chosen, OutcomeStatus.SOLVED, resolved_on=date(2024, 12, 20)
    )
    again = demo_services.consultations.set_outcome_status(chosen, OutcomeStatus.IN_PROGRESS)
    assert [(i.status, i.resolved_on) for i in again] == [(OutcomeStatus.IN_PROGRESS, None)] * 2


def test_solved_without_a_date_is_resolved_today(demo_services: Services) -> None:
    chosen = _open_items_of_unlocked(demo_services, 2)
    saved = demo_services.consultations.set_outcome_status(chosen, OutcomeStatus.SOLVED)
    assert {i.resolved_on for i in saved} == {date(2024, 12, 31)}


def test_unsolved_needs_a_reason_and_nothing_changes_without_one(
    demo_services: Services,
) -> None:
    before = _all_items(demo_services)
    chosen = [
        i
        for i in _open_items_of_unlocked(demo_services, 4)
        if not before[i].unsolved_reason.strip()
    ]
    assert chosen
    with pytest.raises(ValidationError, match="原因"):
        demo_services.consultations.set_outcome_status(chosen, OutcomeStatus.UNSOLVED)
    assert _all_items(demo_services) == before

    saved = demo_services.consultations.set_outcome_status(
        chosen, OutcomeStatus.UNSOLVED, reason="涉及规划调整，年内无法解决"
    )
    assert {(i.status, i.unsolved_reason) for i in saved} == {
        (OutcomeStatus.UNSOLVED, "涉及规划调整，年内无法解决")
    }


def test_not_adopted_keeps_its_reason(demo_services: Services) -> None:
    chosen = _open_items_of_unlocked(demo_services, 1)
    (saved,) = demo_services.consultations.set_outcome_status(
        chosen, OutcomeStatus.NOT_ADOPTED, reason="不属于本级职权"
    )
    assert saved.status is OutcomeStatus.NOT_ADOPTED
    assert saved.unsolved_reason == "不属于本级职权"


def test_a_locked_consultation_refuses_and_nothing_changes(demo_services: Services) -> None:
    chosen = _open_items_of_unlocked(demo_services, 3)
    locked_item = _all_items(demo_services)[chosen[1]]
    assert locked_item.consultation_id is not None
    demo_services.consultations.archive(locked_item.consultation_id)
    before = _all_items(demo_services)

    with pytest.raises(LockedError, match="已归档"):
        demo_services.consultations.set_outcome_status(chosen, OutcomeStatus.IN_PROGRESS)
    with pytest.raises(LockedError, match="已归档"):
        demo_services.consultations.record_revisits(
            chosen, date(2024, 12, 30), "回访", Satisfaction.SATISFIED
        )
    assert _all_items(demo_services) == before


def test_a_revisit_is_recorded_with_its_satisfaction(demo_services: Services) -> None:
    before = _all_items(demo_services)
    chosen = _open_items_of_unlocked(demo_services, 3)

    saved = demo_services.consultations.record_revisits(
        chosen, date(2024, 12, 28), "群众反映已明显改善", Satisfaction.MOSTLY_SATISFIED
    )

    assert [i.id for i in saved] == chosen
    after = _all_items(demo_services)
    for item_id, item in after.items():
        if item_id in chosen:
            assert item.revisit_on == date(2024, 12, 28)
            assert item.revisit_note == "群众反映已明显改善"
            assert item.satisfaction is Satisfaction.MOSTLY_SATISFIED
            assert item.status is before[item_id].status  # a revisit does not close the item
        else:
            assert item == before[item_id]
    # One item: the same through record_revisit; no satisfaction (未评价) is allowed.
    one = demo_services.consultations.record_revisit(chosen[0], date(2024, 12, 29), "再访", None)
    assert one.satisfaction is None and one.revisit_on == date(2024, 12, 29)


def test_a_revisit_in_the_future_is_refused(demo_services: Services) -> None:
    before = _all_items(demo_services)
    chosen = _open_items_of_unlocked(demo_services, 2)
    with pytest.raises(ValidationError, match="回访日期"):
        demo_services.consultations.record_revisits(
            chosen, date(2025, 1, 5), "", Satisfaction.SATISFIED
        )
    assert _all_items(demo_services) == before
