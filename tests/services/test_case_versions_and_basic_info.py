"""What the case editor asks of the case service: 基本信息 drawn from the linked consultations,
the photos a case can choose from, and the earlier versions of a case changed after 报送."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

from PIL import Image

from liaison_desk.domain.entities import (
    Case,
    CasePhoto,
    Consultation,
    HeadCount,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import (
    CaseStatus,
    ConsultationKind,
    OutcomeStatus,
    ParticipantCategory,
)
from liaison_desk.services import Services


def tiny_jpeg(shade: int = 0) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (40 * shade % 256, 90, 160)).save(buf, "JPEG", quality=90)
    return buf.getvalue()


MEMBER, RESIDENT = ParticipantCategory.MEMBER, ParticipantCategory.RESIDENT


def linked_pair(
    services: Services, new_consultation: Callable[..., Consultation]
) -> tuple[Consultation, Consultation]:
    hall = services.consultations.save(
        new_consultation(
            held_on=date(2024, 3, 5),
            venue="织里镇民生议事堂",
            participants=[
                Participant(name="王委员", category=MEMBER),
                Participant(name="李委员", category=MEMBER, attended=False, absence_reason="出差"),
                Participant(name="张三", category=RESIDENT),
            ],
            head_counts=[HeadCount(category=RESIDENT, count=20)],
            outcome_items=[
                OutcomeItem(content="增设路灯", status=OutcomeStatus.SOLVED, adopted=True),
                OutcomeItem(content="修补路面", solved_on_spot=True, status=OutcomeStatus.SOLVED),
                OutcomeItem(content="增加停车位"),
            ],
        )
    )
    micro = services.consultations.save(
        new_consultation(
            kind=ConsultationKind.MICRO,
            title="小区停车难",
            held_on=date(2024, 4, 2),
            venue="大河村协商驿站",
            participants=[Participant(name="赵委员", category=MEMBER)],
            outcome_items=[OutcomeItem(content="划定临时车位", status=OutcomeStatus.SOLVED)],
        )
    )
    return hall, micro


def test_basic_info_sums_up_the_linked_consultations(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    hall, micro = linked_pair(services, new_consultation)
    case = Case(
        group_id=group.id, year=2024, title="破解停车难", consultation_ids=[hall.id, micro.id]
    )
    text = services.cases.basic_info_from_consultations(case)
    lines = text.splitlines()
    assert lines[0] == "协商主题：破解停车难"
    assert "组织单位：织里镇联络组" in lines
    assert "协商时间：2024年3月5日、4月2日" in lines
    assert "协商地点：织里镇民生议事堂、大河村协商驿站" in lines
    assert "协商形式：民生议事堂协商1场、微协商1次" in lines
    assert f"活动编号：{hall.number}、{micro.number}" in lines
    # Attended members 2 (李委员 was absent), residents 1 named + 20 counted.
    assert "参与情况：共23人次参与，其中政协委员2人次、群众代表21人次" in lines
    assert "协商成果：提出意见建议4条，采纳1条，已解决问题3条（其中现场解决1条）" in lines


def test_basic_info_leaves_out_consultations_in_the_recycle_bin(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    hall, micro = linked_pair(services, new_consultation)
    services.recycle_bin.delete("consultation", micro.id)
    case = Case(group_id=group.id, year=2024, title="停车", consultation_ids=[hall.id, micro.id])
    text = services.cases.basic_info_from_consultations(case)
    assert micro.number not in text and "微协商" not in text
    assert "协商时间：2024年3月5日" in text.splitlines()
    assert (
        services.cases.basic_info_from_consultations(Case(group_id=group.id, year=2024, title="x"))
        == ""
    )


def test_many_dates_are_a_range_with_the_count(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    ids = [
        services.consultations.save(new_consultation(held_on=date(2024, m, 10))).id
        for m in (2, 5, 7, 11)
    ]
    case = Case(group_id=group.id, year=2024, title="四次协商", consultation_ids=ids)
    text = services.cases.basic_info_from_consultations(case)
    assert "协商时间：2024年2月10日至11月10日（共4次）" in text.splitlines()


def test_photo_choices_are_the_linked_consultations_photos_then_the_cases_own(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    hall, micro = linked_pair(services, new_consultation)
    a = services.attachments.add(tiny_jpeg(), "a.jpg", consultation_id=hall.id, caption="议事现场")
    b = services.attachments.add(tiny_jpeg(1), "b.jpg", consultation_id=micro.id, caption="驿站")
    gone = services.attachments.add(tiny_jpeg(2), "c.jpg", consultation_id=hall.id, position=5)
    services.recycle_bin.delete("attachment", gone.id)
    case = services.cases.save(
        Case(group_id=group.id, year=2024, title="停车", consultation_ids=[micro.id, hall.id])
    )
    own = services.attachments.add(tiny_jpeg(3), "own.jpg", case_id=case.id, caption="回访")
    choices = services.cases.photo_choices(case)
    assert [(c.attachment_id, c.caption, c.consultation_number) for c in choices] == [
        (b.id, "驿站", micro.number),
        (a.id, "议事现场", hall.number),
        (own.id, "回访", ""),
    ]


def test_a_new_version_keeps_the_submitted_one_whole_and_readable(
    services: Services, group: LiaisonGroup
) -> None:
    case = services.cases.save(
        Case(
            group_id=group.id,
            year=2024,
            title="助力青年返乡",
            subtitle="——搭建连心桥",
            sections={"results": "返乡青年120人。"},
            status=CaseStatus.FINAL,
            photos=[CasePhoto(attachment_id=7, caption="座谈")],
        )
    )
    assert services.cases.versions(case.id) == []
    services.submissions.record(
        Submission(
            group_id=group.id,
            target="市政协优秀协商案例征集",
            submitted_on=date(2024, 12, 30),
            cases=[SubmissionCase(case_id=case.id)],
        )
    )
    submitted = services.cases.get(case.id)
    assert submitted is not None
    submitted.sections["results"] = "返乡青年150人。"
    services.cases.save(submitted, reason="更正人数")
    current = services.cases.get(case.id)
    assert current is not None and current.version == 2

    (first,) = services.cases.versions(case.id)
    assert first.version == 1
    assert first.status is CaseStatus.SUBMITTED
    assert first.sections == {"results": "返乡青年120人。"}
    assert first.subtitle == "——搭建连心桥"
    assert first.archive_number == current.archive_number
    assert first.photos == [CasePhoto(attachment_id=7, caption="座谈")]
    assert services.cases.versions(12345) == []
