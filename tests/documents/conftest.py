"""A consultation that fills pages: 60 named participants (members, officials, residents with
phones; one resident consented, one has rare characters in her name), very long minutes that
name a resident and carry a phone and an ID number, many speeches and outcome items for three
responsible bodies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest

from liaison_desk.domain.entities import (
    Consultation,
    HeadCount,
    OutcomeItem,
    Participant,
    Person,
    Speech,
)
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus, ParticipantCategory
from liaison_desk.services import Services

SURNAMES = "赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "建国秀英志强丽华明辉春梅海燕文杰晓东玉兰国庆红霞"

# A resident whose name has a character of the 通用规范汉字表 outside the BMP (in the bundled
# fonts, in few system faces): it must print through font fallback.
RARE_NAME = "王𬌗喆"
RESIDENT = "王小明"  # a resident who did not consent: masked outside the office
RESIDENT_PHONE = "13812345678"
CONSENTING = "李同意"  # a resident who consented: never masked
CONSENTING_PHONE = "13987654321"
ID_NUMBER = "330502199001011234"

PARAGRAPH = (
    "会上，群众代表{name}反映：小区建成已有二十多年，车位严重不足，晚上回家经常找不到地方停车，"
    "电动自行车只能在楼道里充电，存在很大的消防安全隐患。委员们结合前期走访调研的情况，"
    "建议在小区东侧空地增设停车位，在非机动车棚安装智能充电桩，并通过 APP 预约和 WiFi "
    "远程监测管理充电时段。相关部门负责人表示，将会同社区尽快拿出方案，第{n}次协商时通报进展。"
)


def long_minutes() -> str:
    paragraphs = [
        PARAGRAPH.format(name=RESIDENT if n % 3 == 0 else "居民代表", n=n) for n in range(1, 31)
    ]
    paragraphs[4] += f"{RESIDENT}留下了联系电话{RESIDENT_PHONE}，身份证号{ID_NUMBER}，请会后回访。"
    return "\n".join(paragraphs)


def _name(n: int) -> str:
    return (
        SURNAMES[n % len(SURNAMES)] + GIVEN[(2 * n) % len(GIVEN)] + GIVEN[(3 * n + 1) % len(GIVEN)]
    )


@pytest.fixture
def crowded(services: Services, new_consultation: Callable[..., Consultation]) -> Consultation:
    """The saved 60-participant consultation with long minutes (织里-2024-议-001)."""
    plan = (
        [ParticipantCategory.MEMBER] * 12
        + [ParticipantCategory.TOWN_LEADER] * 4
        + [ParticipantCategory.DEPARTMENT_HEAD] * 4
        + [ParticipantCategory.VILLAGE_CADRE] * 5
        + [ParticipantCategory.RESIDENT] * 35
    )
    participants = []
    used: set[str] = set()
    for n, category in enumerate(plan):
        name = _name(n)
        while name in used or name in (RESIDENT, CONSENTING):
            name += "华"
        if n == 25:
            name = RESIDENT
        elif n == 26:
            name = CONSENTING
        elif n == 27:
            name = RARE_NAME
        used.add(name)
        phone = {RESIDENT: RESIDENT_PHONE, CONSENTING: CONSENTING_PHONE}.get(name, f"139{n:08d}")
        person = services.people.save(
            Person(
                name=name,
                category=category,
                unit="织里镇"
                + ("大港村" if category is ParticipantCategory.RESIDENT else "人民政府"),
                title="群众代表" if category is ParticipantCategory.RESIDENT else "委员",
                phone=phone,
                consent_to_publish=name == CONSENTING,
            )
        )
        participants.append(
            Participant(
                name=name,
                category=category,
                person_id=person.id,
                unit=person.unit,
                title=person.title,
                attended=n != 59,
                absence_reason="出差" if n == 59 else "",
            )
        )
    items = [
        OutcomeItem(
            content=f"第{n}条：在小区东侧增设停车位{n * 10}个，由{RESIDENT}所在楼道先行试点。",
            responsible_body=("织里镇建设管理办", "织里镇应急管理办", "大港村村委会")[n % 3],
            responsible_person="张主任",
            deadline=date(2024, 6, n),
            status=OutcomeStatus.IN_PROGRESS,
        )
        for n in range(1, 10)
    ]
    consultation = new_consultation(
        kind=ConsultationKind.HALL,
        title="老旧小区停车和电动自行车充电难题协商",
        held_on=date(2024, 3, 5),
        start_time=time(14, 0),
        end_time=time(16, 30),
        host=participants[0].name,
        recorder=participants[1].name,
        agenda=["介绍议题来源", "群众代表反映问题", "委员发言", "部门回应", "形成协商意见"],
        minutes=long_minutes(),
        consensus="与会各方一致同意：增设停车位，安装智能充电桩，建立长效管理机制。" * 6,
        participants=participants,
        head_counts=[HeadCount(category=ParticipantCategory.RESIDENT, count=15)],
        speeches=[
            Speech(speaker=RESIDENT, capacity="群众代表", content=PARAGRAPH.format(name="我", n=1)),
            *(
                Speech(
                    speaker=p.name,
                    capacity="区政协委员",
                    content=PARAGRAPH.format(name="他们", n=k),
                )
                for k, p in enumerate(participants[:8], start=2)
            ),
        ],
        outcome_items=items,
    )
    return services.consultations.save(consultation)
