"""Queries behind the lists: filters, text search, paging, sorting, outcome follow-up lists and the
yearly statistics, on a small district's worth of records."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from liaison_desk.domain.entities import (
    Consultation,
    HeadCount,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Speech,
)
from liaison_desk.domain.enums import (
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
)
from liaison_desk.domain.queries import ConsultationFilter, OutcomeFilter, PageRequest
from liaison_desk.services import Services
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.database import Database

HALL, MICRO = ConsultationKind.HALL, ConsultationKind.MICRO
RESIDENT, MEMBER = ParticipantCategory.RESIDENT, ParticipantCategory.MEMBER


@dataclass
class District:
    zhili: LiaisonGroup
    daxi: LiaisonGroup
    by_title: dict[str, Consultation]

    def id(self, title: str) -> int:
        cid = self.by_title[title].id
        assert cid is not None
        return cid


@pytest.fixture
def district(
    services: Services,
    group: LiaisonGroup,
    new_consultation: Callable[..., Consultation],
    clock: Any,
) -> District:
    """Five visible consultations (one planned, one of 2023, one of another group), one in the
    recycle bin, and one outcome item in the recycle bin. Today is 2024-12-31."""
    daxi = services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))
    save = services.consultations.save
    made = [
        save(
            new_consultation(
                title="老旧小区加装电梯",
                held_on=date(2024, 3, 5),
                host="沈组长",
                minutes="居民关心电梯费用分摊",
                participants=[
                    Participant(name="张三", category=RESIDENT),
                    Participant(name="李委员", category=MEMBER),
                ],
                head_counts=[HeadCount(category=RESIDENT, count=12)],
                speeches=[Speech(speaker="李委员", content="建议政府补贴一部分")],
                outcome_items=[
                    OutcomeItem(
                        content="增设路灯",
                        status=OutcomeStatus.SOLVED,
                        resolved_on=date(2024, 3, 20),
                        adopted=True,
                        responsible_body="织里镇城建办",
                    ),
                    OutcomeItem(
                        content="修路",
                        deadline=date(2024, 5, 1),
                        responsible_body="织里镇交通办",
                    ),
                    OutcomeItem(content="临时意见"),
                ],
            )
        ),
        save(
            new_consultation(
                kind=MICRO,
                title="楼道堆物清理",
                held_on=date(2024, 6, 10),
                venue="两山协商驿站（河西社区）",
                host="陈联络员",
                participants=[Participant(name="王五", category=RESIDENT)],
                outcome_items=[
                    OutcomeItem(
                        content="清理楼道",
                        status=OutcomeStatus.IN_PROGRESS,
                        deadline=date(2025, 1, 15),
                        responsible_body="河西社区居委会",
                    )
                ],
            )
        ),
        save(
            new_consultation(
                title="河道保洁100%覆盖",
                held_on=date(2023, 11, 2),
                minutes="讨论 a_b 两个方案",
                participants=[
                    Participant(name="赵委员", category=MEMBER),
                    Participant(name="钱委员", category=MEMBER),
                ],
                outcome_items=[
                    OutcomeItem(
                        content="河道保洁",
                        status=OutcomeStatus.UNSOLVED,
                        unsolved_reason="跨镇河段",
                        deadline=date(2023, 12, 1),
                        responsible_body="织里镇农办",
                    )
                ],
            )
        ),
        save(
            new_consultation(
                title="菜场改造",
                held_on=date(2024, 12, 20),
                status=ConsultationStatus.PLANNED,
                outcome_items=[OutcomeItem(content="菜场摊位", deadline=date(2024, 11, 30))],
            )
        ),
        save(
            new_consultation(
                group_id=daxi.id,
                title="暖心餐",
                held_on=date(2024, 4, 1),
                venue="埭溪镇民生议事堂",
                head_counts=[
                    HeadCount(category=RESIDENT, count=27),
                    HeadCount(category=MEMBER, count=3),
                ],
                outcome_items=[
                    OutcomeItem(
                        content="老人助餐点",
                        deadline=date(2024, 12, 1),
                        responsible_body="埭溪镇民政办",
                    )
                ],
            )
        ),
        save(
            new_consultation(
                title="已删除的电梯活动",
                held_on=date(2024, 5, 5),
                head_counts=[HeadCount(category=RESIDENT, count=100)],
                outcome_items=[OutcomeItem(content="删除活动里的路灯意见")],
            )
        ),
    ]
    by_title = {c.title: c for c in made}
    services.recycle_bin.delete("consultation", by_title["已删除的电梯活动"].id)
    temp = by_title["老旧小区加装电梯"].outcome_items[2]
    clock.advance(minutes=5)
    services.recycle_bin.delete("outcome_item", temp.id)
    return District(group, daxi, by_title)


def titles(
    services: Services, f: ConsultationFilter, page: PageRequest = PageRequest()
) -> list[str]:
    return [c.title for c in services.consultations.search(f, page).items]


def contents(services: Services, f: OutcomeFilter) -> set[str]:
    return {s.item.content for s in services.consultations.search_outcome_items(f).items}


# --- the sequence counter -----------------------------------------------------------------------


def test_next_sequence_counts_up_per_scope(db: Database) -> None:
    with db.session() as s:
        assert [repo.next_sequence(s, "a") for _ in range(3)] == [1, 2, 3]
        assert repo.next_sequence(s, "b") == 1
    with db.session() as s:
        assert repo.next_sequence(s, "a") == 4


def test_next_sequence_is_rolled_back_with_its_unit_of_work(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as s:
        repo.next_sequence(s, "a")
        raise RuntimeError
    with db.session() as s:
        assert repo.next_sequence(s, "a") == 1


# --- consultation lists -------------------------------------------------------------------------


def test_lists_leave_out_the_recycle_bin_and_show_newest_first(
    services: Services, district: District
) -> None:
    page = services.consultations.search()
    assert page.total == 5
    assert [c.title for c in page.items] == [
        "菜场改造",
        "楼道堆物清理",
        "暖心餐",
        "老旧小区加装电梯",
        "河道保洁100%覆盖",
    ]
    daxi = next(c for c in page.items if c.title == "暖心餐")
    assert (daxi.group_name, daxi.number, daxi.kind) == ("埭溪镇联络组", "埭溪-2024-议-001", HALL)


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (ConsultationFilter(year=2024), {"老旧小区加装电梯", "楼道堆物清理", "菜场改造", "暖心餐"}),
        (ConsultationFilter(year=2023), {"河道保洁100%覆盖"}),
        (ConsultationFilter(year=2022), set()),
        (ConsultationFilter(kind=MICRO), {"楼道堆物清理"}),
        (ConsultationFilter(status=ConsultationStatus.PLANNED), {"菜场改造"}),
        (ConsultationFilter(year=2024, kind=HALL), {"老旧小区加装电梯", "菜场改造", "暖心餐"}),
        (
            ConsultationFilter(held_from=date(2024, 3, 5), held_to=date(2024, 6, 10)),
            {"老旧小区加装电梯", "楼道堆物清理", "暖心餐"},
        ),
    ],
)
def test_filters(
    services: Services, district: District, f: ConsultationFilter, expected: set[str]
) -> None:
    page = services.consultations.search(f)
    assert {c.title for c in page.items} == expected
    assert page.total == len(expected)


def test_filter_by_group(services: Services, district: District) -> None:
    assert set(titles(services, ConsultationFilter(group_id=district.daxi.id))) == {"暖心餐"}
    assert len(titles(services, ConsultationFilter(group_id=district.zhili.id))) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电梯", {"老旧小区加装电梯"}),  # title (the deleted one also says 电梯)
        ("两山协商驿站", {"楼道堆物清理"}),  # venue
        ("沈组长", {"老旧小区加装电梯"}),  # host
        ("王五", {"楼道堆物清理"}),  # a participant
        ("补贴", {"老旧小区加装电梯"}),  # what someone said
        ("费用分摊", {"老旧小区加装电梯"}),  # the minutes
        ("织里-2023", {"河道保洁100%覆盖"}),  # the 编号
        ("  埭溪  ", {"暖心餐"}),  # surrounding spaces ignored
        ("没有这个词", set()),
    ],
)
def test_text_search_finds_chinese_substrings(
    services: Services, district: District, text: str, expected: set[str]
) -> None:
    assert set(titles(services, ConsultationFilter(text=text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%", {"河道保洁100%覆盖"}),
        ("0%覆", {"河道保洁100%覆盖"}),
        ("_", {"河道保洁100%覆盖"}),  # only the minutes "a_b" hold an underscore
        ("a_b", {"河道保洁100%覆盖"}),
        ("保洁_00", set()),  # a wildcard _ would match 保洁100
        ("电%改造", set()),  # a wildcard % would match 电梯…
        ("\\", set()),
    ],
)
def test_like_wildcards_in_the_search_text_are_literal(
    services: Services, district: District, text: str, expected: set[str]
) -> None:
    assert set(titles(services, ConsultationFilter(text=text))) == expected


def test_paging_returns_the_total_and_the_requested_slice(
    services: Services, district: District
) -> None:
    everything = titles(services, ConsultationFilter())
    page = services.consultations.search(ConsultationFilter(), PageRequest(offset=1, limit=2))
    assert page.total == 5
    assert [c.title for c in page.items] == everything[1:3]
    last = services.consultations.search(ConsultationFilter(), PageRequest(offset=4, limit=2))
    assert (last.total, [c.title for c in last.items]) == (5, everything[4:])
    beyond = services.consultations.search(ConsultationFilter(), PageRequest(offset=10, limit=2))
    assert (beyond.total, beyond.items) == (5, [])
    filtered = services.consultations.search(
        ConsultationFilter(year=2024), PageRequest(offset=0, limit=1)
    )
    assert filtered.total == 4 and len(filtered.items) == 1


def test_sorting_by_attendance_descending(services: Services, district: District) -> None:
    page = services.consultations.search(
        ConsultationFilter(), PageRequest(order_by="attendance_total", descending=True)
    )
    assert [(c.title, c.attendance_total) for c in page.items] == [
        ("暖心餐", 30),
        ("老旧小区加装电梯", 14),
        ("河道保洁100%覆盖", 2),
        ("楼道堆物清理", 1),
        ("菜场改造", 0),
    ]
    top = services.consultations.search(
        ConsultationFilter(), PageRequest(limit=2, order_by="attendance_total", descending=True)
    )
    assert [c.title for c in top.items] == ["暖心餐", "老旧小区加装电梯"]
    ascending = services.consultations.search(
        ConsultationFilter(), PageRequest(order_by="attendance_total")
    )
    assert ascending.items[0].title == "菜场改造"


def test_sorting_by_an_unknown_column_keeps_the_default_order(
    services: Services, district: District
) -> None:
    page = services.consultations.search(
        ConsultationFilter(), PageRequest(order_by="no_such_column; DROP TABLE consultations")
    )
    assert [c.title for c in page.items] == titles(services, ConsultationFilter())


# --- outcome item lists -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (OutcomeFilter(), {"增设路灯", "修路", "清理楼道", "河道保洁", "菜场摊位", "老人助餐点"}),
        (OutcomeFilter(status=OutcomeStatus.SOLVED), {"增设路灯"}),
        (OutcomeFilter(status=OutcomeStatus.UNSOLVED), {"河道保洁"}),
        (OutcomeFilter(open_only=True), {"修路", "清理楼道", "菜场摊位", "老人助餐点"}),
        (OutcomeFilter(responsible_body="织里镇"), {"增设路灯", "修路", "河道保洁"}),
        (OutcomeFilter(responsible_body="居委会"), {"清理楼道"}),
        (OutcomeFilter(due_before=date(2024, 5, 1)), {"修路", "河道保洁"}),  # on or before
        (OutcomeFilter(overdue_on=date(2024, 12, 31)), {"修路", "菜场摊位", "老人助餐点"}),
        (OutcomeFilter(overdue_on=date(2024, 11, 30)), {"修路"}),  # not yet on the deadline day
        (OutcomeFilter(year=2023), {"河道保洁"}),
        (OutcomeFilter(text="路灯"), {"增设路灯"}),
        (OutcomeFilter(text="埭溪-2024"), {"老人助餐点"}),
        (OutcomeFilter(open_only=True, responsible_body="织里镇"), {"修路"}),
    ],
)
def test_outcome_item_filters(
    services: Services, district: District, f: OutcomeFilter, expected: set[str]
) -> None:
    page = services.consultations.search_outcome_items(f)
    assert {s.item.content for s in page.items} == expected
    assert page.total == len(expected)


def test_outcome_items_by_group_and_consultation(services: Services, district: District) -> None:
    assert contents(services, OutcomeFilter(group_id=district.daxi.id)) == {"老人助餐点"}
    elevator = district.id("老旧小区加装电梯")
    assert contents(services, OutcomeFilter(consultation_id=elevator)) == {"增设路灯", "修路"}


def test_an_outcome_row_says_which_consultation_it_came_from(
    services: Services, district: District
) -> None:
    (row,) = services.consultations.search_outcome_items(OutcomeFilter(text="修路")).items
    assert row.consultation_id == district.id("老旧小区加装电梯")
    assert row.consultation_number == "织里-2024-议-001"
    assert row.consultation_title == "老旧小区加装电梯"
    assert row.consultation_kind is HALL
    assert row.held_on == date(2024, 3, 5)
    assert row.group_name == "织里镇联络组"
    assert row.item.deadline == date(2024, 5, 1)
    assert row.item.is_overdue(date(2024, 12, 31))


def test_outcome_items_page_and_sort(services: Services, district: District) -> None:
    page = services.consultations.search_outcome_items(
        OutcomeFilter(), PageRequest(limit=2, order_by="deadline", descending=True)
    )
    assert page.total == 6
    assert [s.item.content for s in page.items] == ["清理楼道", "老人助餐点"]
    soonest = services.consultations.search_outcome_items(
        OutcomeFilter(open_only=True), PageRequest(order_by="deadline")
    )
    assert [s.item.deadline for s in soonest.items] == sorted(
        s.item.deadline for s in soonest.items
    )


# --- statistics ---------------------------------------------------------------------------------


def test_year_statistics_leave_out_planned_and_deleted_records(
    services: Services, district: District
) -> None:
    stats = services.statistics.year(2024)
    assert (stats.hall_sessions, stats.micro_consultations) == (2, 1)
    assert stats.attendance == 14 + 1 + 30
    assert stats.member_attendance == 1 + 0 + 3
    assert stats.suggestions == 4  # 增设路灯, 修路, 清理楼道, 老人助餐点
    assert stats.adopted == 1
    assert stats.solved == 1
    assert stats.solved_rate == pytest.approx(0.25)
    assert stats.overdue == 2  # 修路, 老人助餐点 (清理楼道 is due in 2025)
    assert stats.by_month == {3: 1, 4: 1, 6: 1}


def test_year_statistics_per_group_and_other_years(services: Services, district: District) -> None:
    zhili = services.statistics.year(2024, district.zhili.id)
    assert (zhili.hall_sessions, zhili.micro_consultations, zhili.attendance) == (1, 1, 15)
    assert (zhili.suggestions, zhili.solved, zhili.overdue) == (3, 1, 1)
    old = services.statistics.year(2023)
    assert (old.hall_sessions, old.member_attendance, old.suggestions, old.solved) == (1, 2, 1, 0)
    assert old.by_month == {11: 1}
    empty = services.statistics.year(2020)
    assert (empty.hall_sessions, empty.suggestions, empty.solved_rate) == (0, 0, 0.0)


def test_statistics_follow_the_recycle_bin(services: Services, district: District) -> None:
    deleted = district.id("已删除的电梯活动")
    services.recycle_bin.restore("consultation", deleted)
    stats = services.statistics.year(2024)
    assert stats.hall_sessions == 3
    assert stats.attendance == 145
    assert stats.suggestions == 5


def test_row_counts_include_the_recycle_bin(services: Services, district: District) -> None:
    counts = services.statistics.row_counts()
    assert counts["consultation"] == 6
    assert counts["outcome_item"] == 8
    assert counts["group"] == 2


def test_the_recycle_bin_lists_newest_deletions_first(
    services: Services, district: District
) -> None:
    entries = services.recycle_bin.entries()
    assert [(e.entity_type, e.title) for e in entries] == [
        ("outcome_item", "临时意见"),
        ("consultation", "织里-2024-议-003 已删除的电梯活动"),
    ]
    assert entries[0].deleted_at > entries[1].deleted_at


# --- what repositories hand out -------------------------------------------------------------------


def test_no_repository_function_hands_out_a_live_row() -> None:
    """Every public function's return type is spelled out (not Any) and names no ORM row class:
    services get domain objects or detached plain data, never something tied to the session.
    (JSON values inside a dict, like the settings', may be Any.)"""
    import inspect

    from liaison_desk.storage import models

    row_classes = {
        name for name, obj in vars(models).items() if inspect.isclass(obj) and name.endswith("Row")
    }
    offenders = []
    for name in repo.__all__:
        obj = getattr(repo, name)
        if not inspect.isfunction(obj):
            continue
        returns = str(inspect.signature(obj).return_annotation)
        words = set(re.split(r"[^\w.]+", returns))
        if returns.replace(" ", "") in ("Any", "Any|None", str(inspect.Signature.empty)) or (
            words & row_classes
        ):
            offenders.append(f"{name} -> {returns}")
    assert offenders == []


def test_a_record_reference_stays_readable_after_its_session(
    services: Services, district: District
) -> None:
    cid = district.id("老旧小区加装电梯")
    with services.ctx.db.reading() as s:
        ref = repo.record_ref(s, "consultation", cid)
        assert repo.record_ref(s, "consultation", 999_999) is None
    assert ref is not None
    assert (ref.id, ref.entity_type, ref.deleted_at) == (cid, "consultation", None)
    assert ref.title.endswith("老旧小区加装电梯")
    assert ref.uuid == district.by_title["老旧小区加装电梯"].uuid


def test_deleting_an_outcome_item_recounts_its_consultation(
    services: Services, district: District
) -> None:
    c = services.consultations.get(district.id("老旧小区加装电梯"))
    assert c is not None and c.suggestion_count == 2
    item = next(i for i in c.outcome_items if i.content == "增设路灯")
    assert item.id is not None
    with services.ctx.db.session() as s:
        deleted = repo.set_deleted(s, "outcome_item", item.id, services.ctx.now())
    assert deleted.deleted_at == services.ctx.now()
    assert deleted.revision == item.revision + 1
    assert deleted.consultation_id == c.id
    after = services.consultations.get(district.id("老旧小区加装电梯"))
    assert after is not None
    assert after.suggestion_count == 1 and after.solved_count == c.solved_count - 1
