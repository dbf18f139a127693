"""The case list's text search (CaseFilter.text): it finds a case by its title, subtitle, 档号 or
the text of any of its sections, although the sections are stored as JSON (whose Chinese is
escaped in the database file)."""

from __future__ import annotations

import pytest

from liaison_desk.domain.entities import CASE_SECTIONS, Case, LiaisonGroup
from liaison_desk.domain.queries import CaseFilter
from liaison_desk.services import Services


def titles(services: Services, text: str) -> set[str]:
    return {c.title for c in services.cases.search(CaseFilter(text=text)).items}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("童装", {"助力青年返乡"}),  # only in the background section: “童装之都”
        ("青年返乡", {"助力青年返乡"}),  # the title
        ("夜市", {"清“顽疾”守护烟火气"}),  # the subtitle
        ("2024-Y-DX", {"助力打造“暖心餐”"}),  # part of a 档号
        ("j012-ws·2024-y-lq-0001", {"清“顽疾”守护烟火气"}),  # a whole 档号, any case
        ("没有这样的文字", set()),
    ],
)
def test_demo_cases_are_found_by_any_of_their_text(
    demo_services: Services, text: str, expected: set[str]
) -> None:
    assert titles(demo_services, text) == expected


def test_archive_prefix_finds_every_numbered_case(demo_services: Services) -> None:
    every = demo_services.cases.search().items
    numbered = {c.title for c in every if c.archive_number}
    assert len(numbered) == 5  # the draft has no 档号 yet
    assert titles(demo_services, "J012") == numbered


def test_every_section_is_searched(services: Services, group: LiaisonGroup) -> None:
    assert group.id is not None
    for index, (key, _) in enumerate(CASE_SECTIONS):
        services.cases.save(
            Case(
                group_id=group.id,
                year=2024,
                title=f"案例{index}",
                sections={key: f"正文里有一句独特的话{index}号，和 100% 的把握。"},
            )
        )
    for index, (key, _) in enumerate(CASE_SECTIONS):
        assert titles(services, f"独特的话{index}号") == {f"案例{index}"}, key
    assert len(titles(services, "独特的话")) == len(CASE_SECTIONS)
    # LIKE wildcards are taken literally.
    assert titles(services, "%") == {f"案例{i}" for i in range(len(CASE_SECTIONS))}
    assert titles(services, "_独特") == set()


def test_text_search_keeps_the_other_filters(demo_services: Services) -> None:
    found = demo_services.cases.search(CaseFilter(text="联络组", year=2023)).items
    assert found == []
    every = demo_services.cases.search(CaseFilter(text="联络组")).items
    assert len(every) == 6  # every demo subtitle names its group
