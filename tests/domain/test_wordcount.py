"""字数 as Chinese offices count it (what Word/WPS show)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_desk.domain.wordcount import count_words


def test_mixed_sentence_counts_like_word() -> None:
    # 我们的=3, App=1, 在=1, 2024=1, 年上线=3, 。=1
    assert count_words("我们的App在2024年上线。") == 10


@pytest.mark.parametrize("blank", ["", " ", "\n", "\r\n", "\t", "\u3000", "  \n\n  \u3000"])
def test_whitespace_counts_nothing(blank: str) -> None:
    assert count_words(blank) == 0


def test_spaces_and_line_breaks_between_words_count_nothing() -> None:
    assert count_words("助力 青年\n返乡\r\n") == count_words("助力青年返乡") == 6


@pytest.mark.parametrize("mark", list("，。、；：？！“”‘’（）《》【】…—·"))
def test_each_full_width_punctuation_mark_counts_one(mark: str) -> None:
    assert count_words(mark) == 1
    assert count_words(f"好{mark}好") == 3


def test_full_width_punctuation_run() -> None:
    assert count_words("“清‘顽疾’守护烟火气”——龙泉街道。") == 19


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("App", 1),
        ("2024", 1),
        ("3.5", 1),
        ("WPS Office", 2),
        ("SHA-256", 1),
        ("2024年", 2),
        ("增长3.5%", 4),
    ],
)
def test_latin_words_and_numbers_count_one_each(text: str, expected: int) -> None:
    assert count_words(text) == expected


cjk_chars = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@given(st.text(alphabet=cjk_chars, max_size=200))
def test_n_cjk_characters_count_n(text: str) -> None:
    assert count_words(text) == len(text)


@given(st.lists(st.text(alphabet=cjk_chars, min_size=1, max_size=20), max_size=20))
def test_whitespace_between_chinese_never_counts(chunks: list[str]) -> None:
    assert count_words(" \n".join(chunks)) == sum(len(c) for c in chunks)


@given(st.text(alphabet=cjk_chars, max_size=50), st.text(alphabet=cjk_chars, max_size=50))
def test_count_is_additive_for_chinese(a: str, b: str) -> None:
    assert count_words(a + b) == count_words(a) + count_words(b)
