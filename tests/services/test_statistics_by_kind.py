"""StatisticsService.attendance_by_kind: how the year's 参与人次 and 委员人次 split between
民生议事堂 and 微协商, adding up to the year's figures."""

from __future__ import annotations

from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.services import Services
from liaison_desk.services.statistics import Attendance


def test_the_split_adds_up_to_the_year(demo_services: Services) -> None:
    stats = demo_services.statistics
    for group_id in (None, *(g.id for g in demo_services.groups.all()[:3])):
        year = stats.year(2024, group_id)
        split = stats.attendance_by_kind(2024, group_id)
        assert set(split) == set(ConsultationKind)
        assert sum(a.total for a in split.values()) == year.attendance
        assert sum(a.members for a in split.values()) == year.member_attendance
    district = stats.attendance_by_kind(2024)
    assert district[ConsultationKind.HALL].total > 0
    assert district[ConsultationKind.MICRO].total > 0


def test_an_empty_year_is_all_zero(services: Services) -> None:
    split = services.statistics.attendance_by_kind(2024)
    assert split == {kind: Attendance(0, 0) for kind in ConsultationKind}
