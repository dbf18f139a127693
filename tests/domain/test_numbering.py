"""编号 and 档号 (formats.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_desk.domain.enums import ConsultationKind, RetentionPeriod
from liaison_desk.domain.numbering import (
    ParsedNumber,
    archive_number,
    consultation_number,
    parse_consultation_number,
    short_name_of,
)


@pytest.mark.parametrize(
    ("town", "short"),
    [
        ("织里镇", "织里"),
        ("龙泉街道", "龙泉"),
        ("道场乡", "道场"),
        ("埭溪镇", "埭溪"),
        ("康山街道", "康山"),
        (" 八里店镇 ", "八里店"),
        ("织里", "织里"),
        ("镇", "镇"),  # never shortened to nothing
        ("街道", "街道"),
    ],
)
def test_short_name_of_town(town: str, short: str) -> None:
    assert short_name_of(town) == short


def test_hall_number() -> None:
    assert consultation_number("织里", 2024, ConsultationKind.HALL, 12) == "织里-2024-议-012"


def test_micro_number() -> None:
    assert consultation_number("织里", 2024, ConsultationKind.MICRO, 3) == "织里-2024-微-003"


def test_sequence_beyond_three_digits_is_not_truncated() -> None:
    assert consultation_number("龙泉", 2025, ConsultationKind.HALL, 1234) == "龙泉-2025-议-1234"


@pytest.mark.parametrize("seq", [0, -1])
def test_sequence_starts_at_one(seq: int) -> None:
    with pytest.raises(ValueError):
        consultation_number("织里", 2024, ConsultationKind.HALL, seq)


def test_parse_hall_number() -> None:
    assert parse_consultation_number("织里-2024-议-012") == ParsedNumber(
        "织里", 2024, ConsultationKind.HALL, 12
    )
    assert parse_consultation_number(" 龙泉-2025-微-1234\n") == ParsedNumber(
        "龙泉", 2025, ConsultationKind.MICRO, 1234
    )


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   ",
        "织里",
        "织里-2024-议",
        "织里-2024-议-12",  # fewer than three digits
        "织里-24-议-012",
        "织里-2024-案-012",
        "-2024-议-012",
        "织里-2024-议-01a",
        "织里_2024_议_012",
        "J012-WS·2024-Y-ZL-0001",
    ],
)
def test_parse_returns_none_on_junk(junk: str) -> None:
    assert parse_consultation_number(junk) is None


short_names = st.text(
    alphabet=st.characters(
        categories=("Lo", "Lu", "Ll", "Nd"), include_characters="·", exclude_characters="-"
    ),
    min_size=1,
    max_size=8,
)


@given(
    short_names,
    st.integers(min_value=2000, max_value=2100),
    st.sampled_from(list(ConsultationKind)),
    st.integers(min_value=1, max_value=99999),
)
def test_number_round_trip(short: str, year: int, kind: ConsultationKind, seq: int) -> None:
    number = consultation_number(short, year, kind, seq)
    assert parse_consultation_number(number) == ParsedNumber(short, year, kind, seq)


@given(st.integers(min_value=1, max_value=998), st.integers(min_value=1, max_value=998))
def test_numbers_sort_by_sequence_within_three_digits(a: int, b: int) -> None:
    na = consultation_number("织里", 2024, ConsultationKind.HALL, a)
    nb = consultation_number("织里", 2024, ConsultationKind.HALL, b)
    assert (na < nb) == (a < b)
    assert (na == nb) == (a == b)


def test_archive_number_permanent() -> None:
    assert archive_number("J012", 2024, RetentionPeriod.PERMANENT, "ZL", 1) == (
        "J012-WS·2024-Y-ZL-0001"
    )


@pytest.mark.parametrize(
    ("retention", "code"),
    [
        (RetentionPeriod.PERMANENT, "Y"),
        (RetentionPeriod.YEARS_30, "D30"),
        (RetentionPeriod.YEARS_10, "D10"),
    ],
)
def test_archive_number_retention_codes(retention: RetentionPeriod, code: str) -> None:
    assert archive_number("J012", 2025, retention, "LQ", 37) == f"J012-WS·2025-{code}-LQ-0037"


def test_archive_item_number_four_digits_and_beyond() -> None:
    assert archive_number("J012", 2024, RetentionPeriod.YEARS_10, "ZL", 9999).endswith("-9999")
    assert archive_number("J012", 2024, RetentionPeriod.YEARS_10, "ZL", 12345).endswith("-12345")


@pytest.mark.parametrize("item", [0, -5])
def test_archive_item_starts_at_one(item: int) -> None:
    with pytest.raises(ValueError):
        archive_number("J012", 2024, RetentionPeriod.PERMANENT, "ZL", item)
