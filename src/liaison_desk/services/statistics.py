"""The figures groups and the district report (domain.md)."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import extract, func, select

from liaison_desk.domain.enums import ConsultationKind, ConsultationStatus
from liaison_desk.domain.queries import YearStatistics
from liaison_desk.services.base import ServiceContext
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.models import ConsultationRow


class Attendance(NamedTuple):
    """参与人次 and 委员人次 of some consultations."""

    total: int = 0
    members: int = 0


class StatisticsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def year(self, year: int, group_id: int | None = None) -> YearStatistics:
        with self.ctx.db.session() as s:
            return repo.year_statistics(s, year, group_id, self.ctx.today())

    def attendance_by_kind(
        self, year: int, group_id: int | None = None
    ) -> dict[ConsultationKind, Attendance]:
        """How :meth:`year`'s ``attendance`` and ``member_attendance`` split between 民生议事堂
        and 微协商 (counted the same way: held, not in the recycle bin). Every kind is a key."""
        where = [
            ConsultationRow.deleted_at.is_(None),
            extract("year", ConsultationRow.held_on) == year,
            ConsultationRow.status != ConsultationStatus.PLANNED.value,
        ]
        if group_id is not None:
            where.append(ConsultationRow.group_id == group_id)
        stmt = (
            select(
                ConsultationRow.kind,
                func.coalesce(func.sum(ConsultationRow.attendance_total), 0),
                func.coalesce(func.sum(ConsultationRow.member_attendance), 0),
            )
            .where(*where)
            .group_by(ConsultationRow.kind)
        )
        with self.ctx.db.session() as s:
            sums = {kind: Attendance(int(t), int(m)) for kind, t, m in s.execute(stmt).all()}
        return {kind: sums.get(kind.value, Attendance()) for kind in ConsultationKind}

    def row_counts(self) -> dict[str, int]:
        with self.ctx.db.session() as s:
            return repo.count_rows(s)

    def years(self) -> list[int]:
        """Years with consultations, newest first."""
        with self.ctx.db.session() as s:
            return repo.record_years(s)

    def default_year(self) -> int:
        """The year lists and the dashboard open on: this year, or the latest year with records
        when this year has none yet (a new year's first weeks, a database of past years)."""
        this_year = self.ctx.today().year
        years = self.years()
        if not years or this_year in years:
            return this_year
        return years[0]
