"""A list sorted by any column is sorted by the database in the tables' order: text in pinyin
(numbers inside it by value, Latin first), statuses and categories by the order the list gives,
equal values in the list's own order — a page at a time, never every row loaded and sorted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from liaison_desk.domain.entities import Consultation, LiaisonGroup, OutcomeItem, Person
from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.domain.queries import (
    ConsultationFilter,
    OutcomeFilter,
    PageRequest,
    PersonFilter,
)
from liaison_desk.services import Services
from liaison_desk.ui.table import pinyin_key

# Code-point order would put 中 before 八 and 议-10 before 议-9, and 阿 after 织.
VENUES = [
    "织里镇议事堂",
    "阿祥村文化礼堂",
    "八里店社区",
    "Zhili hall",
    "议-10 会议室",
    "议-9 会议室",
]


def _save_venues(
    services: Services, new_consultation: Callable[..., Consultation]
) -> list[Consultation]:
    saved = []
    for day, venue in enumerate(VENUES * 2, start=1):  # each venue twice: ties
        saved.append(
            services.consultations.save(
                new_consultation(venue=venue, held_on=date(2024, 3, day), title=f"议题{day}")
            )
        )
    return saved


def test_consultations_sorted_by_a_text_column_in_pinyin_order_ties_newest_first(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    saved = _save_venues(services, new_consultation)
    newest_first = sorted(saved, key=lambda c: (c.held_on, c.id), reverse=True)
    expected = sorted(newest_first, key=lambda c: pinyin_key(c.venue))  # stable: ties keep it

    search = services.consultations.search
    up = search(ConsultationFilter(), PageRequest(order_by="venue")).items
    assert [c.id for c in up] == [c.id for c in expected]
    # A page at a time, the same order: the third page of two.
    page = search(ConsultationFilter(), PageRequest(4, 2, order_by="venue")).items
    assert [c.id for c in page] == [c.id for c in expected[4:6]]
    # Descending: a stable reverse sort (equal venues still newest first), as the table sorted.
    down = search(ConsultationFilter(), PageRequest(order_by="venue", descending=True)).items
    expected_down = sorted(newest_first, key=lambda c: pinyin_key(c.venue), reverse=True)
    assert [c.id for c in down] == [c.id for c in expected_down]


def test_outcome_items_sorted_by_content_in_pinyin_order(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    contents = ["增设路灯", "安装电梯", "Wi-Fi 覆盖", "便民服务点-12", "便民服务点-3"]
    services.consultations.save(
        new_consultation(outcome_items=[OutcomeItem(content=text) for text in contents])
    )
    items = services.consultations.search_outcome_items(
        OutcomeFilter(), PageRequest(order_by="content")
    ).items
    assert [i.item.content for i in items] == sorted(contents, key=pinyin_key)


def test_the_roster_sorted_by_category_and_unit_by_the_database(
    services: Services, group: LiaisonGroup
) -> None:
    people = services.people
    rows = [
        ("甲", ParticipantCategory.RESIDENT, "织里镇政府"),
        ("乙", ParticipantCategory.MEMBER, "阿祥村"),
        ("丙", ParticipantCategory.EXPERT, "八里店社区"),
        ("丁", ParticipantCategory.MEMBER, "ABC 公司"),
        ("戊", ParticipantCategory.OTHER, "八里店社区"),
    ]
    ids = [
        people.save(Person(name=name, category=category, unit=unit, group_id=group.id)).id
        for name, category, unit in rows
    ]
    # The list gives the categories' order (their labels'): experts, residents, members.
    order = (
        ParticipantCategory.EXPERT.value,
        ParticipantCategory.RESIDENT.value,
        ParticipantCategory.MEMBER.value,
    )
    by_category = people.ids(PersonFilter(), PageRequest(order_by="category", value_order=order))
    # A value the order does not name first; equal ones in the roster's order (by id), as a
    # stable sort kept them.
    assert by_category == [ids[4], ids[2], ids[0], ids[1], ids[3]]
    down = PageRequest(order_by="category", descending=True, value_order=order)
    assert people.ids(PersonFilter(), down) == [ids[1], ids[3], ids[0], ids[2], ids[4]]

    by_unit = people.search(PersonFilter(), PageRequest(0, 3, order_by="unit")).items
    expected = sorted(zip(ids, rows, strict=True), key=lambda pair: pinyin_key(pair[1][2]))
    assert [p.id for p in by_unit] == [i for i, _row in expected[:3]]
    # 阿 (a), then 八 (ba) twice in the roster's order: pinyin, not the characters' codes.
    assert [p.unit for p in by_unit] == ["阿祥村", "八里店社区", "八里店社区"]
    assert people.sorts_text()
