"""The case-text markup (domain/case_text.py): the four GB/T 9704 heading levels at line starts,
run-in headings ending at their first "。", **bold**, and what is not a heading."""

from __future__ import annotations

import pytest

from liaison_desk.domain.case_text import (
    BlockKind,
    Span,
    chinese_numeral,
    heading_level,
    parse_case_text,
    strip_markup,
)
from liaison_desk.domain.wordcount import count_words


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("一、深入调研摸实情", 1),
        ("十二、其他", 1),
        ("（一）议事堂里定方案", 2),
        ("(三)半角括号也算", 2),
        ("1.摸清底数", 3),
        ("2．全角点", 3),
        ("3、顿号", 3),
        ("(1)走访老人", 4),
        ("（12）全角括号", 4),
        ("一是深入调研摸实情。", 0),
        ("2024年初，联络组通过基层点题", 0),
        ("3.5万元用于助餐", 0),
        ("协商主题：助力青年返乡", 0),
        ("（注：数据截至10月）", 0),
    ],
)
def test_heading_levels_are_read_from_the_line_start(line: str, level: int) -> None:
    assert heading_level(line) == level


def test_a_section_parses_into_headings_and_paragraphs() -> None:
    text = (
        "一、总体情况\n"
        "\n"
        "（一）议事堂里定方案\n"
        "1.摸清底数。委员们分组走访各村，掌握**有助餐需求**老人的数量。\n"
        "(1)走访老人\n"
        "正文段落，含**加粗**和普通文字。\r\n"
    )
    blocks = parse_case_text(text)
    assert [b.kind for b in blocks] == [
        BlockKind.HEADING1,
        BlockKind.HEADING2,
        BlockKind.HEADING3,
        BlockKind.HEADING4,
        BlockKind.PARAGRAPH,
    ]
    assert blocks[0].spans == (Span("一、总体情况", heading=True),)
    # A run-in heading: the heading ends at the first "。", the rest is body text.
    run_in = blocks[2]
    assert run_in.heading_text == "1.摸清底数。"
    assert run_in.text == "1.摸清底数。委员们分组走访各村，掌握有助餐需求老人的数量。"
    assert Span("有助餐需求", bold=True) in run_in.spans
    assert blocks[4].spans == (
        Span("正文段落，含"),
        Span("加粗", bold=True),
        Span("和普通文字。"),
    )


def test_markup_never_prints_and_is_not_counted() -> None:
    text = "一、标题\n正文**重点**内容\n未配对的**星号"
    assert strip_markup(text) == "一、标题\n正文重点内容\n未配对的**星号"
    assert count_words(strip_markup("**重点**")) == 2


def test_heading_numbers_in_chinese() -> None:
    assert [chinese_numeral(n) for n in (1, 5, 10, 11, 20, 21, 99)] == [
        "一",
        "五",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
    ]
    with pytest.raises(ValueError):
        chinese_numeral(0)
