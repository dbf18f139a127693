"""Rules of domain.md: required fields, dates, phones, ID cards, recycle bin."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_desk.domain.entities import (
    Case,
    Consultation,
    HeadCount,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Person,
    Speech,
)
from liaison_desk.domain.enums import (
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
)
from liaison_desk.domain.rules import (
    MAX_TITLE_LENGTH,
    RECYCLE_BIN_DAYS,
    Problem,
    ValidationError,
    is_valid_id_card,
    is_valid_phone,
    normalise_group,
    normalise_name,
    normalise_person,
    normalise_phone,
    purge_due,
    validate_case,
    validate_consultation,
    validate_group,
    validate_outcome_item,
    validate_person,
)

TODAY = date(2024, 6, 15)
CJK = re.compile(r"[\u4e00-\u9fff]")

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check_char(first17: str) -> str:
    """GB 11643 check character, computed independently of the code under test."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def make_id(region: str, birth: str, seq: str) -> str:
    body = region + birth + seq
    return body + id_check_char(body)


def valid_consultation(**overrides: object) -> Consultation:
    values: dict[str, object] = {
        "kind": ConsultationKind.HALL,
        "title": "老旧小区加装电梯",
        "group_id": 1,
        "held_on": date(2024, 5, 20),
        "venue": "织里镇民生议事堂",
    }
    values.update(overrides)
    return Consultation(**values)  # type: ignore[arg-type]


def fields_of(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


def by_field(problems: list[Problem], field: str) -> Problem:
    matches = [p for p in problems if p.field == field]
    assert matches, f"no problem for {field!r} in {fields_of(problems)}"
    return matches[0]


# --- consultation: required fields ----------------------------------------------------------


def test_valid_consultation_has_no_problems() -> None:
    assert validate_consultation(valid_consultation(), TODAY) == []


@pytest.mark.parametrize(
    ("override", "field", "label"),
    [
        ({"title": ""}, "title", "议题"),
        ({"title": "   "}, "title", "议题"),
        ({"venue": ""}, "venue", "地点"),
        ({"venue": "\u3000 "}, "venue", "地点"),
        ({"group_id": None}, "group_id", "联络组"),
        ({"held_on": None}, "held_on", "日期"),
    ],
)
def test_each_required_field_yields_a_chinese_problem_naming_it(
    override: dict[str, object], field: str, label: str
) -> None:
    problems = validate_consultation(valid_consultation(**override), TODAY)
    assert fields_of(problems) == [field]
    message = problems[0].message
    assert label in message
    assert CJK.search(message)
    assert str(problems[0]) == message


@pytest.mark.parametrize("kind", [None, "hall", ""])
def test_consultation_needs_a_kind(kind: object) -> None:
    problems = validate_consultation(valid_consultation(kind=kind), TODAY)
    assert fields_of(problems) == ["kind"]
    assert problems[0].message == "请选择活动类型（民生议事堂协商或微协商）。"


@pytest.mark.parametrize("kind", list(ConsultationKind))
def test_every_consultation_kind_is_accepted(kind: ConsultationKind) -> None:
    assert validate_consultation(valid_consultation(kind=kind), TODAY) == []


def test_blank_consultation_reports_every_problem_at_once() -> None:
    blank = Consultation(
        kind=ConsultationKind.MICRO, title="", group_id=None, held_on=None, venue=""
    )
    problems = validate_consultation(blank, TODAY)
    assert len(problems) >= 4
    assert {"title", "venue", "group_id", "held_on"} <= set(fields_of(problems))
    assert all(CJK.search(p.message) for p in problems)


def test_validation_error_carries_all_problems() -> None:
    problems = validate_consultation(
        Consultation(kind=ConsultationKind.HALL, title="", group_id=None, held_on=None, venue=""),
        TODAY,
    )
    error = ValidationError(problems)
    assert error.problems == problems
    for problem in problems:
        assert problem.message in str(error)


def test_overlong_title_is_rejected() -> None:
    ok = validate_consultation(valid_consultation(title="议" * MAX_TITLE_LENGTH), TODAY)
    assert ok == []
    problems = validate_consultation(valid_consultation(title="议" * (MAX_TITLE_LENGTH + 1)), TODAY)
    assert fields_of(problems) == ["title"]


# --- consultation: dates and times ------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [ConsultationStatus.COMPLETED, ConsultationStatus.ARCHIVED], ids=str
)
def test_future_date_rejected_unless_planned(status: ConsultationStatus) -> None:
    tomorrow = TODAY + timedelta(days=1)
    problems = validate_consultation(valid_consultation(held_on=tomorrow, status=status), TODAY)
    assert fields_of(problems) == ["held_on"]
    assert "计划中" in problems[0].message


def test_future_date_allowed_for_planned_session() -> None:
    planned = valid_consultation(
        held_on=TODAY + timedelta(days=30), status=ConsultationStatus.PLANNED
    )
    assert validate_consultation(planned, TODAY) == []


def test_today_is_not_the_future() -> None:
    assert validate_consultation(valid_consultation(held_on=TODAY), TODAY) == []


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        (time(9, 0), time(11, 30), True),
        (time(14, 0), time(9, 0), False),
        (time(9, 0), time(9, 0), False),
        (time(9, 0), None, True),
        (None, time(9, 0), True),
    ],
)
def test_end_time_must_be_after_start(start: time | None, end: time | None, ok: bool) -> None:
    problems = validate_consultation(valid_consultation(start_time=start, end_time=end), TODAY)
    if ok:
        assert problems == []
    else:
        assert fields_of(problems) == ["end_time"]
        assert "结束时间" in problems[0].message


# --- consultation: participants, head counts, speeches ---------------------------------------


def test_absent_participant_needs_a_reason() -> None:
    participants = [
        Participant(name="李明", category=ParticipantCategory.MEMBER),
        Participant(name="王芳", category=ParticipantCategory.MEMBER, attended=False),
        Participant(
            name="赵强",
            category=ParticipantCategory.VILLAGE_CADRE,
            attended=False,
            absence_reason="外出开会",
        ),
    ]
    problems = validate_consultation(valid_consultation(participants=participants), TODAY)
    assert fields_of(problems) == ["participants[1].absence_reason"]
    assert "王芳" in problems[0].message
    assert "缺席" in problems[0].message


def test_blank_absence_reason_counts_as_missing() -> None:
    participants = [
        Participant(
            name="王芳", category=ParticipantCategory.MEMBER, attended=False, absence_reason="  "
        )
    ]
    problems = validate_consultation(valid_consultation(participants=participants), TODAY)
    assert fields_of(problems) == ["participants[0].absence_reason"]


def test_participant_without_name() -> None:
    participants = [Participant(name=" ", category=ParticipantCategory.RESIDENT)]
    problems = validate_consultation(valid_consultation(participants=participants), TODAY)
    assert fields_of(problems) == ["participants[0].name"]
    assert "第1位" in problems[0].message


def test_negative_head_count_and_speech_without_speaker() -> None:
    c = valid_consultation(
        head_counts=[
            HeadCount(category=ParticipantCategory.RESIDENT, count=12),
            HeadCount(category=ParticipantCategory.RESIDENT, count=-1),
        ],
        speeches=[Speech(speaker="", content="建议增设停车位")],
    )
    assert fields_of(validate_consultation(c, TODAY)) == [
        "head_counts[1].count",
        "speeches[0].speaker",
    ]


# --- outcome items ------------------------------------------------------------------------------


def test_outcome_item_without_content_names_its_path() -> None:
    items = [
        OutcomeItem(content="增设路灯"),
        OutcomeItem(content=""),
        OutcomeItem(content="   "),
    ]
    problems = validate_consultation(valid_consultation(outcome_items=items), TODAY)
    assert fields_of(problems) == ["outcome_items[1].content", "outcome_items[2].content"]
    assert "第2条" in problems[0].message
    assert "内容" in problems[0].message
    assert "第3条" in problems[1].message


def test_unsolved_item_needs_a_reason() -> None:
    items = [
        OutcomeItem(content="修缮桥梁", status=OutcomeStatus.UNSOLVED),
        OutcomeItem(content="拓宽道路", status=OutcomeStatus.UNSOLVED, unsolved_reason="资金不足"),
    ]
    problems = validate_consultation(valid_consultation(outcome_items=items), TODAY)
    assert fields_of(problems) == ["outcome_items[0].unsolved_reason"]
    assert "未解决" in problems[0].message


def test_standalone_outcome_item_validation() -> None:
    assert validate_outcome_item(OutcomeItem(content="增设路灯"), TODAY) == []
    problems = validate_outcome_item(OutcomeItem(content=""), TODAY)
    assert fields_of(problems) == ["content"]
    assert CJK.search(problems[0].message)


def test_outcome_item_dates_cannot_be_in_the_future() -> None:
    tomorrow = TODAY + timedelta(days=1)
    item = OutcomeItem(
        content="增设路灯",
        status=OutcomeStatus.SOLVED,
        resolved_on=tomorrow,
        revisit_on=tomorrow,
    )
    assert fields_of(validate_outcome_item(item, TODAY)) == ["resolved_on", "revisit_on"]
    item.resolved_on = item.revisit_on = TODAY
    assert validate_outcome_item(item, TODAY) == []


# --- people and groups ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "13812348000",
        "19912345678",
        " 138 1234 8000 ",
        "0572-2345678",
        "05722345678",
        "010-12345678",
    ],
)
def test_valid_phones(phone: str) -> None:
    assert is_valid_phone(phone)
    assert (
        validate_person(Person(name="张三", category=ParticipantCategory.RESIDENT, phone=phone))
        == []
    )


@pytest.mark.parametrize(
    "phone", ["12345", "12812348000", "1381234800", "138123480001", "572-2345678", "电话"]
)
def test_invalid_phones(phone: str) -> None:
    assert not is_valid_phone(phone)
    problems = validate_person(
        Person(name="张三", category=ParticipantCategory.RESIDENT, phone=phone)
    )
    assert fields_of(problems) == ["phone"]
    assert "电话" in problems[0].message


@given(st.sampled_from("3456789"), st.text("0123456789", min_size=9, max_size=9))
def test_every_mobile_pattern_is_valid(second: str, rest: str) -> None:
    assert is_valid_phone(f"1{second}{rest}")


def test_known_valid_id_card() -> None:
    assert is_valid_id_card("11010519491231002X")
    assert is_valid_id_card("11010519491231002x")  # lower-case x is accepted


def test_computed_id_card_is_valid_and_wrong_check_digit_is_not() -> None:
    good = make_id("330502", "19900101", "123")
    assert is_valid_id_card(good)
    for wrong in "0123456789X":
        if wrong != good[-1]:
            assert not is_valid_id_card(good[:-1] + wrong)


@pytest.mark.parametrize("birth", ["19900230", "19901301", "19900000", "20230229"])
def test_impossible_birth_date_is_rejected(birth: str) -> None:
    assert not is_valid_id_card(make_id("110105", birth, "012"))


@pytest.mark.parametrize("birth", ["20240616", "20991231", "18991231", "18000101"])
def test_birth_date_in_the_future_or_before_1900_is_rejected(birth: str) -> None:
    assert not is_valid_id_card(make_id("110105", birth, "012"), today=TODAY)


@pytest.mark.parametrize("birth", ["19000101", "20240615"])
def test_birth_date_bounds_are_inclusive(birth: str) -> None:
    assert is_valid_id_card(make_id("110105", birth, "012"), today=TODAY)


def test_birth_date_after_the_real_today_is_rejected_by_default() -> None:
    tomorrow = date.today() + timedelta(days=1)
    assert not is_valid_id_card(make_id("110105", tomorrow.strftime("%Y%m%d"), "012"))


@pytest.mark.parametrize(
    "id_card",
    ["", "11010519491231002", "110105194912310021X", "1101051949123100ZX", "110105490101012"],
)
def test_malformed_id_cards(id_card: str) -> None:
    assert not is_valid_id_card(id_card)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2024, 12, 31)),
    st.text("0123456789", min_size=6, max_size=6),
    st.text("0123456789", min_size=3, max_size=3),
)
def test_any_correctly_computed_id_card_is_valid(birth: date, region: str, seq: str) -> None:
    id_card = make_id(region, birth.strftime("%Y%m%d"), seq)
    assert is_valid_id_card(id_card)


def test_person_with_bad_id_card() -> None:
    person = Person(
        name="张三", category=ParticipantCategory.RESIDENT, id_card="110105194912310021"
    )
    problems = validate_person(person)
    assert fields_of(problems) == ["id_card"]
    assert "身份证" in problems[0].message


def test_person_needs_a_name_and_reports_everything_at_once() -> None:
    person = Person(name="", category=ParticipantCategory.RESIDENT, phone="12345", id_card="123")
    assert fields_of(validate_person(person)) == ["name", "phone", "id_card"]


def test_person_with_optional_fields_empty_is_valid() -> None:
    assert validate_person(Person(name="李明", category=ParticipantCategory.MEMBER)) == []


def test_group_rules() -> None:
    ok = LiaisonGroup(name="织里镇联络组", town="织里镇", secretary_phone="0572-2345678")
    assert validate_group(ok) == []
    bad = LiaisonGroup(name="", town=" ", secretary_phone="12345")
    assert fields_of(validate_group(bad)) == ["name", "town", "secretary_phone"]


# --- cases ---------------------------------------------------------------------------------------


def test_case_requires_title_and_group() -> None:
    problems = validate_case(Case(group_id=None, year=2024, title=" "))
    assert set(fields_of(problems)) == {"title", "group_id"}
    assert all(CJK.search(p.message) for p in problems)
    assert "标题" in by_field(problems, "title").message
    assert "联络组" in by_field(problems, "group_id").message


def test_valid_case() -> None:
    assert validate_case(Case(group_id=1, year=2024, title="助力青年返乡")) == []


@pytest.mark.parametrize("year", [1999, 2101, 24])
def test_case_year_out_of_range(year: int) -> None:
    problems = validate_case(Case(group_id=1, year=year, title="暖心餐"))
    assert fields_of(problems) == ["year"]


# --- recycle bin ---------------------------------------------------------------------------------


def test_recycle_bin_keeps_for_thirty_days() -> None:
    assert RECYCLE_BIN_DAYS == 30
    deleted = datetime(2024, 3, 1, 10, 0)
    assert not purge_due(deleted, deleted)
    assert not purge_due(deleted, deleted + timedelta(days=29))
    assert not purge_due(deleted, deleted + timedelta(days=30) - timedelta(seconds=1))
    assert purge_due(deleted, deleted + timedelta(days=30))
    assert purge_due(deleted, deleted + timedelta(days=31))


# --- normalising names, phones and codes --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("１３９００１３９０００", "13900139000"),
        ("１３９　００１３　９０００", "13900139000"),
        ("+86 139 0013 9000", "13900139000"),
        ("+86-13900139000", "13900139000"),
        ("0572-2345678", "0572-2345678"),
        ("05722345678", "0572-2345678"),
        ("0572 234 5678", "0572-2345678"),
        ("(0572)2345678", "0572-2345678"),
        ("０５７２－２３４５６７８", "0572-2345678"),
        ("010 12345678", "010-12345678"),
        ("0572-2345678-123", "0572-2345678-123"),
        (" 12345 ", "12345"),  # no phone: only trimmed, for validation to explain
        ("电话", "电话"),
    ],
)
def test_normalise_phone(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("phone", ["138-0013-8000", "１３９００１３９０００", "+86 138 0013 8000"])
def test_phones_in_other_spellings_are_valid(phone: str) -> None:
    assert is_valid_phone(phone)
    assert (
        validate_person(Person(name="张三", category=ParticipantCategory.RESIDENT, phone=phone))
        == []
    )


@pytest.mark.parametrize(
    ("phone", "says"),
    [
        ("1380013800", "11位"),
        ("138001380001", "11位"),
        ("12812348000", "第二位"),
        ("0572-23456", "区号"),
        ("572-2345678", "区号"),
        ("138OO138000", "只能包含数字"),
    ],
)
def test_a_bad_phone_is_told_why(phone: str, says: str) -> None:
    problems = validate_person(
        Person(name="张三", category=ParticipantCategory.RESIDENT, phone=phone)
    )
    assert fields_of(problems) == ["phone"]
    assert says in problems[0].message and "联系电话" in problems[0].message


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("张三", "张三"),
        ("张 三", "张三"),
        (" 张　三 ", "张三"),
        ("欧阳 娜娜", "欧阳娜娜"),
        ("阿卜杜拉 · 买买提", "阿卜杜拉·买买提"),
        ("Li  Ming", "Li Ming"),
    ],
)
def test_normalise_name(typed: str, stored: str) -> None:
    assert normalise_name(typed) == stored


def test_normalise_person_and_group_return_normalised_copies() -> None:
    person = Person(name="张 三", category=ParticipantCategory.RESIDENT, phone="138 0013 8000")
    clean = normalise_person(person)
    assert (clean.name, clean.phone) == ("张三", "13800138000")
    assert person.name == "张 三"  # the original is left as it was
    group = LiaisonGroup(
        name=" 织里镇联络组 ",
        town="织里镇",
        secretary_phone="０５７２ ２３４５６７８",
        fonds_code=" j012 ",
        org_code="ｚｌ",
    )
    g = normalise_group(group)
    assert (g.name, g.secretary_phone, g.fonds_code, g.org_code) == (
        "织里镇联络组",
        "0572-2345678",
        "J012",
        "ZL",
    )


def test_group_secretary_phone_is_checked_after_normalising() -> None:
    group = LiaisonGroup(name="织里镇联络组", town="织里镇", secretary_phone="138-0013-8000")
    assert validate_group(group) == []


# --- group names and archive codes --------------------------------------------------------------


def valid_group(**overrides: object) -> LiaisonGroup:
    values: dict[str, object] = {
        "name": "织里镇联络组",
        "town": "织里镇",
        "short_name": "织里",
        "fonds_code": "J012",
        "org_code": "ZL",
    }
    values.update(overrides)
    return LiaisonGroup(**values)  # type: ignore[arg-type]


def test_a_group_with_good_codes_is_valid() -> None:
    assert validate_group(valid_group()) == []
    assert validate_group(valid_group(fonds_code="", org_code="", short_name="")) == []
    assert validate_group(valid_group(fonds_code="j012", org_code="zl")) == []  # upper-cased
    assert validate_group(valid_group(fonds_code="A123456789", org_code="Z9")) == []


@pytest.mark.parametrize("code", ["J-012", "全宗12", "J012/1", "A1234567890", "#1"])
def test_archive_codes_must_be_letters_and_digits(code: str) -> None:
    problems = validate_group(valid_group(fonds_code=code, org_code=code))
    assert fields_of(problems) == ["fonds_code", "org_code"]
    assert "全宗号" in problems[0].message and "J012" in problems[0].message
    assert "机构代码" in problems[1].message and "ZL" in problems[1].message


@pytest.mark.parametrize("short_name", ["织里-南", "织 里", "织里镇南片区联络", "a-b"])
def test_short_name_fits_into_record_numbers(short_name: str) -> None:
    problems = validate_group(valid_group(short_name=short_name))
    assert fields_of(problems) == ["short_name"]
    assert "简称" in problems[0].message and "织里-2024-议-012" in problems[0].message


def test_short_name_derived_from_a_long_town_is_checked_too() -> None:
    problems = validate_group(valid_group(short_name="", town="某某某某某某某镇"))
    assert fields_of(problems) == ["short_name"]
    assert "某某某某某某某" in problems[0].message


def test_group_name_needs_two_characters() -> None:
    problems = validate_group(valid_group(name="织"))
    assert fields_of(problems) == ["name"]
    assert "至少2个字" in problems[0].message
