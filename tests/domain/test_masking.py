"""Masking of personal information that leaves the app (domain.md, Privacy)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_desk.domain.entities import Consultation, Participant, Person
from liaison_desk.domain.enums import ConsultationKind, ParticipantCategory
from liaison_desk.domain.masking import (
    mask_id_card,
    mask_name,
    mask_phone,
    mask_text,
)
from liaison_desk.domain.privacy import MaskingRules, Privacy

# --- single values exactly as domain.md shows them ----------------------------------------------


def test_mask_mobile() -> None:
    assert mask_phone("13800138000") == "138****8000"


def test_mask_id_card() -> None:
    assert mask_id_card("110105199001010123") == "110105********0123"
    assert mask_id_card("11010519491231002X") == "110105********002X"


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三", "张某"),
        ("李小明", "李某"),
        ("欧阳娜娜", "欧阳某"),
        ("司马相如", "司马某"),
        ("诸葛亮", "诸葛某"),
        (" 王芳 ", "王某"),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize("empty", ["", "   "])
def test_masking_empty_values_gives_nothing(empty: str) -> None:
    assert mask_phone(empty) == ""
    assert mask_id_card(empty) == ""
    assert mask_name(empty) == ""


@pytest.mark.parametrize("phone", ["138 0013 8000", "138-0013-8000"])
def test_mask_formatted_mobile(phone: str) -> None:
    assert mask_phone(phone) == "138****8000"


def test_mask_landline_keeps_area_code_and_last_four() -> None:
    masked = mask_phone("0572-22345678")
    assert masked == "0572-****5678"
    masked = mask_phone("0572-2345678")
    assert masked.startswith("0572-")
    assert masked.endswith("5678")
    assert "234" not in masked


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text("0123456789", min_size=9, max_size=9),
)


@given(mobiles)
def test_mask_phone_never_reveals_the_middle_four_digits(mobile: str) -> None:
    masked = mask_phone(mobile)
    assert masked == f"{mobile[:3]}****{mobile[-4:]}"
    assert masked[3:7] == "****"


@given(st.one_of(st.text("0123456789 -", max_size=20), mobiles))
def test_mask_phone_always_hides_some_digits(phone: str) -> None:
    digits = re.sub(r"\D", "", phone)
    masked = mask_phone(phone)
    revealed = re.sub(r"\D", "", masked)
    if len(digits) <= 4:
        assert revealed == ""
    else:
        assert masked.count("*") >= (3 if len(digits) >= 7 else 1)
        assert digits.endswith(revealed[-4:])


@given(
    st.text("0123456789", min_size=17, max_size=17),
    st.sampled_from("0123456789X"),
)
def test_mask_id_card_hides_the_birth_date(first17: str, last: str) -> None:
    id_card = first17 + last
    masked = mask_id_card(id_card)
    assert masked == f"{id_card[:6]}********{id_card[-4:]}"
    assert len(masked) == 18


# --- free text ----------------------------------------------------------------------------------


def test_mask_text_in_chinese_prose() -> None:
    text = "群众代表张三（电话13812348000，身份证110105199001010123）反映：路灯不亮。"
    masked = mask_text(text, ["张三"])
    assert masked == "群众代表张某（电话138****8000，身份证110105********0123）反映：路灯不亮。"


def test_mask_text_masks_id_with_x_and_several_phones() -> None:
    text = "联系人手机13812348000、15900001111；证件号11010519491231002x。"
    masked = mask_text(text)
    assert "13812348000" not in masked
    assert "15900001111" not in masked
    assert "138****8000" in masked
    assert "159****1111" in masked
    assert "110105********002x" in masked


def test_mask_text_leaves_other_numbers_alone() -> None:
    text = "2024年共解决问题160件，投入资金12345678元，编号织里-2024-议-012。"
    assert mask_text(text) == text


def test_mask_text_masks_compound_surname_name_whole() -> None:
    masked = mask_text("欧阳娜娜和欧阳娜都参加了", ["欧阳娜", "欧阳娜娜"])
    assert masked == "欧阳某和欧阳某都参加了"


prose = st.text(
    alphabet=st.sampled_from(list("群众反映路灯不亮电话手机号码：，。、（）abcXYZ -\n")),
    max_size=15,
)


@given(prose, mobiles, prose)
def test_mask_text_never_leaves_a_mobile_unmasked(before: str, mobile: str, after: str) -> None:
    masked = mask_text(before + mobile + after)
    assert mobile not in masked
    assert f"{mobile[:3]}****{mobile[-4:]}" in masked


@given(prose, st.lists(mobiles, min_size=1, max_size=4), prose)
def test_mask_text_masks_every_mobile(before: str, phones: list[str], after: str) -> None:
    text = before + "，".join(phones) + after
    masked = mask_text(text)
    for mobile in phones:
        assert mobile not in masked


@given(
    prose,
    st.text("0123456789", min_size=17, max_size=17),
    st.sampled_from("0123456789Xx"),
    prose,
)
def test_mask_text_never_leaves_an_id_birth_date(
    before: str, first17: str, last: str, after: str
) -> None:
    # Letters may touch the ID (prose has no digits), it is masked all the same.
    id_card = first17 + last
    masked = mask_text(before + id_card + after)
    assert id_card not in masked
    assert f"{id_card[:6]}********{id_card[-4:]}" in masked


# --- Privacy: person by person -------------------------------------------------------------------


def resident(consent: bool = False) -> Person:
    return Person(
        name="张三",
        category=ParticipantCategory.RESIDENT,
        phone="13812348000",
        id_card="110105199001010123",
        consent_to_publish=consent,
    )


def member(consent: bool = False) -> Person:
    return Person(
        name="李明",
        category=ParticipantCategory.MEMBER,
        phone="13912345678",
        consent_to_publish=consent,
    )


def _consultation(**fields: object) -> Consultation:
    return Consultation(
        kind=ConsultationKind.MICRO,
        title="议题",
        group_id=1,
        held_on=None,
        venue="驿站",
        **fields,  # type: ignore[arg-type]
    )


def test_resident_without_consent_is_masked() -> None:
    person = resident()
    masker = Privacy([person])
    assert masker.name(person) == "张某"
    assert masker.phone(person) == "138****8000"
    assert masker.id_card(person) == "110105********0123"


def test_resident_with_consent_is_not_masked() -> None:
    person = resident(consent=True)
    masker = Privacy([person])
    assert masker.name(person) == "张三"
    assert masker.phone(person) == "13812348000"
    assert masker.id_card(person) == "110105199001010123"


def test_member_keeps_name_but_phone_is_masked() -> None:
    person = member()
    masker = Privacy([person])
    assert masker.name(person) == "李明"
    assert masker.phone(person) == "139****5678"


def test_member_with_consent_shows_phone() -> None:
    person = member(consent=True)
    assert Privacy([person]).phone(person) == "13912345678"


@pytest.mark.parametrize(
    "category",
    [
        ParticipantCategory.MEMBER,
        ParticipantCategory.TOWN_LEADER,
        ParticipantCategory.DEPARTMENT_HEAD,
        ParticipantCategory.VILLAGE_CADRE,
        ParticipantCategory.EXPERT,
    ],
    ids=str,
)
def test_members_and_officials_keep_their_names(category: ParticipantCategory) -> None:
    person = Person(name="王建国", category=category, phone="13812348000")
    masker = Privacy([person])
    assert masker.name(person) == "王建国"
    assert masker.phone(person) == "138****8000"


def test_nothing_rules_show_everything() -> None:
    person = resident()
    masker = Privacy([person], rules=MaskingRules.NOTHING)
    assert masker.name(person) == "张三"
    assert masker.phone(person) == "13812348000"
    assert masker.id_card(person) == "110105199001010123"
    text = "张三电话13812348000"
    assert masker.text(text) == text


def test_participant_names_follow_the_roster_consent() -> None:
    consenting = Person(name="王芳", category=ParticipantCategory.RESIDENT, consent_to_publish=True)
    masker = Privacy([consenting, resident()])
    assert masker.name(Participant(name="王芳", category=ParticipantCategory.RESIDENT)) == "王芳"
    assert masker.name(Participant(name="张三", category=ParticipantCategory.RESIDENT)) == "张某"
    assert masker.name(Participant(name="赵六", category=ParticipantCategory.RESIDENT)) == "赵某"
    assert masker.name(Participant(name="李明", category=ParticipantCategory.MEMBER)) == "李明"


def test_masker_text_masks_residents_but_not_members() -> None:
    consenting = Person(name="王芳", category=ParticipantCategory.RESIDENT, consent_to_publish=True)
    masker = Privacy([resident(), member(), consenting])
    text = "委员李明听取了张三和王芳的意见，张三的电话是13812348000。"
    assert masker.text(text) == "委员李明听取了张某和王芳的意见，张某的电话是138****8000。"


def test_privacy_text_masks_resident_participants_not_on_the_roster() -> None:
    c = _consultation(
        participants=[Participant(name="赵六", category=ParticipantCategory.RESIDENT)]
    )
    masker = Privacy([member()], [c])
    assert masker.text("李明走访了居民赵六") == "李明走访了居民赵某"


def test_member_name_containing_a_resident_name_is_kept() -> None:
    masker = Privacy(
        [
            Person(name="张三丰", category=ParticipantCategory.MEMBER),
            Person(name="张三", category=ParticipantCategory.RESIDENT),
        ]
    )
    assert masker.text("委员张三丰走访了张三") == "委员张三丰走访了张某"


def test_mask_text_masks_mobile_with_country_code() -> None:
    assert "13812348000" not in mask_text("联系电话+8613812348000")


def test_namesake_consent_does_not_unmask_another_resident() -> None:
    consenting = Person(
        id=1, name="张三", category=ParticipantCategory.RESIDENT, consent_to_publish=True
    )
    not_consenting = Person(id=2, name="张三", category=ParticipantCategory.RESIDENT)
    masker = Privacy([consenting, not_consenting])
    participant = Participant(name="张三", category=ParticipantCategory.RESIDENT, person_id=2)
    assert masker.name(participant) == "张某"


def test_mask_text_keeps_a_longer_kept_name_containing_a_masked_one() -> None:
    text = "委员张三丰走访了张三，张三丰记录。"
    assert mask_text(text, ["张三"], keep=["张三丰"]) == "委员张三丰走访了张某，张三丰记录。"


def test_mask_text_name_both_masked_and_kept_is_masked() -> None:
    assert mask_text("张三发言", ["张三"], keep=["张三"]) == "张某发言"


def test_masker_text_keeps_consenting_resident_containing_a_masked_name() -> None:
    masker = Privacy(
        [
            Person(name="王芳芳", category=ParticipantCategory.RESIDENT, consent_to_publish=True),
            Person(name="王芳", category=ParticipantCategory.RESIDENT),
        ]
    )
    assert masker.text("王芳芳和王芳") == "王芳芳和王某"


def test_privacy_text_keeps_the_host() -> None:
    masker = Privacy([resident()], [_consultation(host="张三丰")])
    assert masker.text("张三丰看望张三") == "张三丰看望张某"


# --- Privacy: consent follows the person id ------------------------------------------------------


def test_participant_linked_to_consenting_person_is_not_masked() -> None:
    consenting = Person(
        id=1, name="张三", category=ParticipantCategory.RESIDENT, consent_to_publish=True
    )
    not_consenting = Person(id=2, name="张三", category=ParticipantCategory.RESIDENT)
    masker = Privacy([consenting, not_consenting])
    participant = Participant(name="张三", category=ParticipantCategory.RESIDENT, person_id=1)
    assert masker.name(participant) == "张三"


def test_participant_consent_follows_the_id_even_if_the_name_was_edited() -> None:
    consenting = Person(
        id=7, name="王芳", category=ParticipantCategory.RESIDENT, consent_to_publish=True
    )
    masker = Privacy([consenting])
    # Copied name differs from the roster name (e.g. renamed later): the id decides.
    participant = Participant(name="王小芳", category=ParticipantCategory.RESIDENT, person_id=7)
    assert masker.name(participant) == "王小芳"


def test_participant_with_unknown_person_id_is_masked() -> None:
    consenting = Person(
        id=1, name="张三", category=ParticipantCategory.RESIDENT, consent_to_publish=True
    )
    masker = Privacy([consenting])
    participant = Participant(name="张三", category=ParticipantCategory.RESIDENT, person_id=99)
    assert masker.name(participant) == "张某"


def test_unlinked_participant_with_namesakes_of_mixed_consent_is_masked() -> None:
    masker = Privacy(
        [
            Person(
                id=1, name="张三", category=ParticipantCategory.RESIDENT, consent_to_publish=True
            ),
            Person(id=2, name="张三", category=ParticipantCategory.RESIDENT),
        ]
    )
    assert masker.name(Participant(name="张三", category=ParticipantCategory.RESIDENT)) == "张某"


# --- free text: country codes, letters around IDs, full-width digits ----------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("联系电话+8613812348000", "联系电话+86138****8000"),
        ("联系电话86-13812348000。", "联系电话86-138****8000。"),
        ("联系电话+86 13812348000", "联系电话+86 138****8000"),
        ("联系电话8613812348000", "联系电话86138****8000"),
        ("联系电话008613812348000", "联系电话0086138****8000"),
    ],
)
def test_mask_text_masks_mobile_with_country_code_keeping_the_prefix(
    text: str, masked: str
) -> None:
    assert mask_text(text) == masked


@given(prose, st.sampled_from(["+86", "86", "86-", "+86-", "+86 ", "0086"]), mobiles, prose)
def test_mask_text_never_leaves_a_prefixed_mobile_unmasked(
    before: str, prefix: str, mobile: str, after: str
) -> None:
    masked = mask_text(before + prefix + mobile + after)
    assert mobile not in masked
    assert f"{prefix}{mobile[:3]}****{mobile[-4:]}" in masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("IDcard110105199001010123", "IDcard110105********0123"),
        ("ID:110105199001010123end", "ID:110105********0123end"),
        ("no.11010519491231002Xabc", "no.110105********002Xabc"),
    ],
)
def test_mask_text_masks_id_touching_letters(text: str, masked: str) -> None:
    assert mask_text(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "流水号1101051990010101234",  # 19 digits: not an ID
        "编号01101051990010101230",
        "订单号138123480001",  # 12 digits: not a mobile
    ],
)
def test_mask_text_leaves_longer_digit_runs_alone(text: str) -> None:
    assert mask_text(text) == text


def test_mask_text_masks_full_width_mobile_and_keeps_other_characters() -> None:
    text = "电话：１３８１２３４８０００。"
    assert mask_text(text) == "电话：１３８****８０００。"


def test_mask_text_masks_full_width_id_and_country_code() -> None:
    assert (
        mask_text("身份证１１０１０５１９４９１２３１００２Ｘ")
        == "身份证１１０１０５********００２Ｘ"
    )
    assert mask_text("＋８６１３８１２３４８０００") == "＋８６１３８****８０００"


def test_mask_text_masks_mixed_width_mobile() -> None:
    assert mask_text("手机138１２３４8000") == "手机138****8000"


full_width = str.maketrans("0123456789", "０１２３４５６７８９")


@given(prose, mobiles, prose)
def test_mask_text_never_leaves_a_full_width_mobile_unmasked(
    before: str, mobile: str, after: str
) -> None:
    wide = mobile.translate(full_width)
    masked = mask_text(before + wide + after)
    assert wide not in masked
    assert f"{wide[:3]}****{wide[-4:]}" in masked
