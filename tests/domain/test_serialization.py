"""Entities survive the trip to JSON data and back: what drafts and revisions depend on."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest

from liaison_desk.domain.entities import (
    Attachment,
    Case,
    CasePhoto,
    ChecklistStep,
    Consultation,
    HeadCount,
    OutcomeItem,
    Participant,
    Speech,
)
from liaison_desk.domain.enums import (
    AttachmentKind,
    CaseStatus,
    ConsultationKind,
    OutcomeStatus,
    ParticipantCategory,
    Satisfaction,
    TopicSource,
)
from liaison_desk.domain.serialization import DataError, from_data, to_data


def full_consultation() -> Consultation:
    return Consultation(
        id=7,
        kind=ConsultationKind.HALL,
        title="织里镇童装产业园区停车难协商",
        group_id=3,
        held_on=date(2024, 5, 20),
        venue="织里镇民生议事堂",
        number="织里-2024-议-012",
        topic_source=TopicSource.GRASSROOTS,
        start_time=time(9, 30),
        end_time=time(11, 0),
        host="王建国",
        agenda=["通报情况", "自由发言"],
        minutes="会议记录\n第二行",
        participants=[
            Participant(name="李明", category=ParticipantCategory.MEMBER, person_id=4),
            Participant(
                name="张三",
                category=ParticipantCategory.RESIDENT,
                attended=False,
                absence_reason="出差",
            ),
        ],
        head_counts=[HeadCount(category=ParticipantCategory.RESIDENT, count=12)],
        speeches=[Speech(speaker="李明", capacity="区政协委员", content="建议增设停车位")],
        checklist=[ChecklistStep(name="征集议题", done=True, done_on=date(2024, 5, 1))],
        outcome_items=[
            OutcomeItem(
                id=11,
                content="增设停车位",
                deadline=date(2024, 8, 1),
                status=OutcomeStatus.SOLVED,
                resolved_on=date(2024, 7, 30),
                satisfaction=Satisfaction.SATISFIED,
            )
        ],
        attachments=[
            Attachment(
                sha256="ab" * 32,
                original_name="现场.jpg",
                kind=AttachmentKind.PHOTO,
                taken_at=datetime(2024, 5, 20, 9, 40),
                is_cover=True,
            )
        ],
        updated_at=datetime(2024, 5, 21, 8, 0, 5),
        revision=3,
    )


def test_a_consultation_with_every_part_comes_back_equal_through_json() -> None:
    original = full_consultation()
    data = json.loads(json.dumps(to_data(original), ensure_ascii=False))
    assert from_data(Consultation, data) == original


def test_a_case_with_sections_and_photos_comes_back_equal() -> None:
    case = Case(
        group_id=1,
        year=2024,
        title="助力青年返乡",
        sections={"background": "一、背景\n正文"},
        status=CaseStatus.FINAL,
        consultation_ids=[1, 2],
        photos=[CasePhoto(attachment_id=5, caption="议事现场")],
    )
    assert from_data(Case, json.loads(json.dumps(to_data(case)))) == case


def test_data_from_an_older_version_without_a_new_field_takes_the_default() -> None:
    data = to_data(full_consultation())
    del data["recorder"]
    assert from_data(Consultation, data).recorder == ""


def test_damaged_data_is_refused_naming_the_field() -> None:
    data = to_data(full_consultation())
    data["held_on"] = 20240520
    with pytest.raises(DataError, match="held_on"):
        from_data(Consultation, data)
    data = to_data(full_consultation())
    del data["title"]
    with pytest.raises(DataError, match="title"):
        from_data(Consultation, data)
