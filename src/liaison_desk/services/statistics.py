"""The figures groups and the district report (domain.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus
from liaison_desk.domain.queries import YearStatistics
from liaison_desk.services.base import ServiceContext
from liaison_desk.storage import repositories as repo


class Attendance(NamedTuple):
    """参与人次 and 委员人次 of some consultations."""

    total: int = 0
    members: int = 0


@dataclass(frozen=True)
class ChartFigures:
    """What 工作台's charts draw for a year (and one group, or every group): the statistics
    workbook's 按月 and 分组 figures and the year's suggestions by status, read in one session
    and counted by the rules of ``storage/repositories/statistics.py``."""

    year: int
    group_id: int | None
    by_month: list[tuple[int, YearStatistics]]  # months 1–12, each present
    by_group: list[tuple[LiaisonGroup, YearStatistics]]  # every group shown, in list order
    by_status: list[tuple[OutcomeStatus, int]]  # every status, in the enum's order


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

    def chart_figures(self, year: int, group_id: int | None = None) -> ChartFigures:
        start, end = date(year, 1, 1), date(year, 12, 31)
        today = self.ctx.today()
        empty = YearStatistics(year=year, group_id=group_id)
        with self.ctx.db.reading() as s:
            per_month = repo.breakdown(s, start, end, group_id, today, "month")
            per_group = repo.breakdown(s, start, end, group_id, today, "group")
            statuses = repo.items_by_status(s, start, end, group_id)
            groups = repo.list_groups(s)
        shown = [g for g in groups if group_id is None or g.id == group_id]
        return ChartFigures(
            year=year,
            group_id=group_id,
            by_month=[(m, per_month.get(m, empty)) for m in range(1, 13)],
            by_group=[(g, per_group.get(g.id, empty)) for g in shown],
            by_status=[(st, statuses.get(st.value, 0)) for st in OutcomeStatus],
        )

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
