"""What the cases page asks of the case service: several statuses at once, the chosen photos'
files and the consultations a case is written from."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image

from liaison_desk.domain.entities import Case, CasePhoto, Consultation, LiaisonGroup
from liaison_desk.domain.enums import CaseStatus
from liaison_desk.domain.queries import CaseFilter
from liaison_desk.services import Services


def png(color: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (48, 32), color).save(buf, "PNG")
    return buf.getvalue()


def test_cases_in_any_of_several_statuses(services: Services, group: LiaisonGroup) -> None:
    for title, status, year in [
        ("草稿一", CaseStatus.DRAFT, 2024),
        ("定稿一", CaseStatus.FINAL, 2024),
        ("退回一", CaseStatus.RETURNED, 2024),
        ("定稿旧", CaseStatus.FINAL, 2023),
    ]:
        services.cases.save(Case(group_id=group.id, year=year, title=title, status=status))

    shown = services.cases.in_statuses([CaseStatus.FINAL, CaseStatus.RETURNED])
    assert sorted(c.title for c in shown) == ["定稿一", "定稿旧", "退回一"]
    # The other filters still apply.
    shown = services.cases.in_statuses(
        [CaseStatus.FINAL, CaseStatus.RETURNED], CaseFilter(year=2024)
    )
    assert sorted(c.title for c in shown) == ["定稿一", "退回一"]
    assert services.cases.in_statuses([]) == []
    # search itself is unchanged.
    assert services.cases.search().total == 4


def test_photo_files_follow_the_case_and_skip_deleted_photos(
    services: Services, group: LiaisonGroup
) -> None:
    case = services.cases.save(Case(group_id=group.id, year=2024, title="暖心餐"))
    red = services.attachments.add(png((200, 0, 0)), "红.png", case_id=case.id, caption="现场")
    blue = services.attachments.add(png((0, 0, 200)), "蓝.png", case_id=case.id)
    gone = services.attachments.add(png((0, 200, 0)), "绿.png", case_id=case.id)
    case = services.cases.get(case.id) or case
    case.photos = [
        CasePhoto(attachment_id=blue.id or 0, caption="委员发言"),
        CasePhoto(attachment_id=red.id or 0),
        CasePhoto(attachment_id=gone.id or 0, caption="已删"),
        CasePhoto(attachment_id=99999, caption="不存在"),
    ]
    case = services.cases.save(case)
    services.recycle_bin.delete("attachment", gone.id or 0)

    assert services.cases.photo_files(case) == [
        (blue.sha256, "委员发言"),
        (red.sha256, "现场"),  # the photo's own caption when the case gives none
    ]


def test_linked_consultations_in_the_cases_order(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> None:
    a = services.consultations.save(new_consultation(title="加装电梯"))
    b = services.consultations.save(new_consultation(title="停车难"))
    case = services.cases.save(
        Case(group_id=group.id, year=2024, title="案例", consultation_ids=[b.id or 0, a.id or 0])
    )
    services.recycle_bin.delete("consultation", a.id or 0)

    linked = services.cases.linked_consultations(case)
    assert [(c.number, c.title, c.deleted) for c in linked] == [
        (b.number, "停车难", False),
        (a.number, "加装电梯", True),
    ]
    assert linked[0].held_on == b.held_on
