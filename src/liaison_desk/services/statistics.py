"""The figures groups and the district report (domain.md)."""

from __future__ import annotations

from typing import NamedTuple

from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import YearStatistics
from liaison_desk.services.base import ServiceContext
from liaison_desk.storage import repositories as repo


class Attendance(NamedTuple):
    """参与人次 and 委员人次 of some consultations."""

    total: int = 0
    members: int = 0


class StatisticsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def year(self, year: int, group_id: int | None = None) -> YearStatistics:
        with self.ctx.db.reading() as s:
            return repo.year_statistics(s, year, group_id, self.ctx.today())

    def attendance_by_kind(
        self, year: int, group_id: int | None = None
    ) -> dict[ConsultationKind, Attendance]:
        """How :meth:`year`'s ``attendance`` and ``member_attendance`` split between 民生议事堂
        and 微协商 (counted the same way: held, not in the recycle bin). Every kind is a key."""
        with self.ctx.db.reading() as s:
            sums = repo.attendance_by_kind(s, year, group_id)
        return {kind: Attendance(*sums.get(kind.value, (0, 0))) for kind in ConsultationKind}

    def row_counts(self) -> dict[str, int]:
        with self.ctx.db.reading() as s:
            return repo.count_rows(s)

    def years(self) -> list[int]:
        """Years with consultations, newest first."""
        with self.ctx.db.reading() as s:
            return repo.record_years(s)

    def default_year(self) -> int:
        """The year lists and the dashboard open on: this year, or the latest year with records
        when this year has none yet (a new year's first weeks, a database of past years)."""
        this_year = self.ctx.today().year
        years = self.years()
        if not years or this_year in years:
            return this_year
        return years[0]
