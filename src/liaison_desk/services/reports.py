"""The reports people hand in: the statistics workbook (统计报表) of a year, quarter or month,
and the first draft of the year's work summary (工作综述的数据部分).

Both read everything in one database session into one ``StatisticsReport`` (documents/
statistics_data.py) — counted by the rules of ``storage/repositories/statistics.py``, the same
ones 工作台 shows — and hand it to one writer in ``documents``. Nothing is written under the
file's name until the file is complete."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from liaison_desk.documents.district_return import (
    COMPARISON_COLUMNS,
    LAST_IMPORT,
    TOTAL_NAME,
    GroupComparison,
    GroupFigures,
    return_name,
)
from liaison_desk.documents.package import safe_file_name
from liaison_desk.documents.statistics_data import BodyFigures, SelectedCase, StatisticsReport
from liaison_desk.domain.enums import Satisfaction, SubmissionResult, TopicSource
from liaison_desk.domain.member_record import LEVELS, selection_level
from liaison_desk.domain.periods import ReportPeriod
from liaison_desk.domain.privacy import MaskingRules, Privacy
from liaison_desk.domain.queries import YearStatistics
from liaison_desk.progress import Progress, step
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.printouts import fonts_from_settings
from liaison_desk.storage import exchange
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session

NO_BODY = "（未填写责任单位）"


def _level_rank(level: str) -> int:
    names = [level for _w, level in LEVELS]
    return names.index(level) if level in names else len(names)


class ReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ------------------------------------------------------------------------------

    def report(self, period: ReportPeriod, group_id: int | None = None) -> StatisticsReport:
        """The period's figures for one group (``group_id``) or every group."""
        with self.ctx.db.reading() as s:
            return self._report(s, period, group_id)

    def _report(self, s: Session, period: ReportPeriod, group_id: int | None) -> StatisticsReport:
        today = self.ctx.today()
        start, end = period.start, period.end
        groups = repo.list_groups(s)
        group = next((g for g in groups if g.id == group_id), None)
        if group_id is not None and group is None:
            raise LookupError(group_id)
        settings = repo.get_settings(s)
        office = str(settings.get("cases.issuing_office") or "").strip()
        scope = group.name if group else f"{office}各联络组"
        total = repo.period_statistics(s, start, end, group_id, today)
        empty = YearStatistics(year=period.year, group_id=group_id)
        per_group = repo.breakdown(s, start, end, group_id, today, "group")
        shown = [group] if group else groups
        # Each group's figures carry its id: the group comparison opens its lists by it.
        by_group = [(g.name, replace(per_group.get(g.id, empty), group_id=g.id)) for g in shown]
        per_month = repo.breakdown(s, start, end, group_id, today, "month")
        by_month = [(m, per_month.get(m, empty)) for m in period.months]
        per_source = repo.breakdown(s, start, end, group_id, today, "topic_source")
        by_source = [(t.label, per_source.get(t.value, empty)) for t in TopicSource]
        # Text typed by people may hold phone or ID numbers: it leaves the app masked.
        privacy = Privacy(rules=MaskingRules.from_settings(settings))
        by_body = _by_body(repo.item_facts(s, start, end, group_id, today), privacy)
        selected = self._selected_cases(s, period.year, group_id, groups, privacy)
        return StatisticsReport(
            period=period,
            scope=scope,
            group_name=group.name if group else None,
            total=total,
            as_of=repo.overdue_as_of(today, end),
            made_on=today,
            by_group=by_group,
            by_month=by_month,
            by_source=by_source,
            by_body=by_body,
            selected_cases=selected,
        )

    @staticmethod
    def _selected_cases(
        s: Session, year: int, group_id: int | None, groups: list, privacy: Privacy
    ) -> list[SelectedCase]:
        """The year's cases with a submission result 入选, each once at the highest level that
        selected it, highest level first."""
        names = {g.id: g.name for g in groups}
        best: dict[int, str] = {}
        targets: dict[int, str] = {}
        for submission in repo.list_submissions(s):
            level = selection_level(submission.target)
            for entry in submission.cases:
                if entry.result is not SubmissionResult.SELECTED:
                    continue
                known = best.get(entry.case_id)
                if known is None or _level_rank(level) < _level_rank(known):
                    best[entry.case_id] = level
                    targets[entry.case_id] = submission.target
        found = []
        for case_id, level in best.items():
            case = repo.get_case(s, case_id)
            if case is None or case.is_deleted or case.year != year:
                continue
            if group_id is not None and case.group_id != group_id:
                continue
            found.append(
                SelectedCase(
                    level=level,
                    target=targets[case_id],
                    title=privacy.text(case.title),
                    group_name=names.get(case.group_id or 0, ""),
                )
            )
        found.sort(key=lambda c: (_level_rank(c.level), c.group_name, c.title))
        return found

    def group_comparison(self, period: ReportPeriod) -> GroupComparison:
        """Every group's figures of ``period`` and their totals (各组对比, the district's
        return): the statistics workbook's 分组 rows and 总表 total, not a second count."""
        with self.ctx.db.reading() as s:
            report = self._report(s, period, None)
            office = str(repo.get_settings(s).get("cases.issuing_office") or "").strip()
            imported = exchange.last_imports_by_group(s)
        # A further column's values go into each row's ``extra`` by its key (and a
        # ComparisonColumn into the comparison's columns): here the day of each group's last
        # imported records package, so the office sees who has not reported.
        rows = [
            GroupFigures(
                group_id=stats.group_id,
                name=name,
                statistics=stats,
                extra={"last_import": _day(imported.get(stats.group_id or 0))},
            )
            for name, stats in report.by_group
        ]
        return GroupComparison(
            period=period,
            office=office,
            as_of=report.as_of,
            made_on=report.made_on,
            rows=rows,
            total=GroupFigures(group_id=None, name=TOTAL_NAME, statistics=report.total),
            columns=(*COMPARISON_COLUMNS, LAST_IMPORT),
        )

    # --- files --------------------------------------------------------------------------------
    def default_return_file_name(self, period: ReportPeriod) -> str:
        """吴兴区政协联络组工作情况季报（2024年第一季度）.xlsx"""
        with self.ctx.db.reading() as s:
            office = str(repo.get_settings(s).get("cases.issuing_office") or "").strip()
        name = f"{return_name(office, period)}-{period.file_part}"
        return safe_file_name(name, max_length=80) + ".xlsx"

    def write_district_return(
        self, period: ReportPeriod, path: Path, progress: Progress | None = None
    ) -> GroupComparison:
        """Write the district's return of ``period`` to ``path``; a cancel leaves no file."""
        from liaison_desk.documents.district_return import write_district_return

        step(progress, 0, 2, "正在统计……")
        comparison = self.group_comparison(period)
        step(progress, 1, 2, "正在写入报表……")
        write_district_return(comparison, Path(path))
        step(progress, 2, 2, "")
        return comparison

    def default_file_name(self, period: ReportPeriod, group_id: int | None, what: str) -> str:
        """吴兴区政协各联络组-2024-统计报表.xlsx, 织里镇联络组-2024-工作综述数据初稿.docx …
        (``what``: "workbook" or "summary")."""
        with self.ctx.db.reading() as s:
            group = next((g for g in repo.list_groups(s) if g.id == group_id), None)
            office = str(repo.get_settings(s).get("cases.issuing_office") or "").strip()
        who = group.name if group else f"{office}各联络组"
        if what == "summary":
            return safe_file_name(f"{who}-{period.year}-工作综述数据初稿", max_length=80) + ".docx"
        return safe_file_name(f"{who}-{period.file_part}-统计报表", max_length=80) + ".xlsx"

    def write_workbook(
        self,
        period: ReportPeriod,
        group_id: int | None,
        path: Path,
        progress: Progress | None = None,
    ) -> StatisticsReport:
        """Write the statistics workbook to ``path``; a cancel leaves no file."""
        from liaison_desk.documents.statistics_workbook import write_statistics_workbook

        step(progress, 0, 2, "正在统计……")
        report = self.report(period, group_id)
        step(progress, 1, 2, "正在写入统计报表……")
        write_statistics_workbook(report, Path(path))
        step(progress, 2, 2, "")
        return report

    def write_summary(
        self,
        year: int,
        group_id: int | None,
        path: Path,
        progress: Progress | None = None,
    ) -> StatisticsReport:
        """Write the year's summary draft (Word) to ``path``; a cancel leaves no file."""
        from liaison_desk.documents.summary_document import write_summary_docx

        step(progress, 0, 2, "正在统计……")
        report = self.report(ReportPeriod(year), group_id)
        step(progress, 1, 2, "正在写入工作综述初稿……")
        with self.ctx.db.reading() as s:
            fonts = fonts_from_settings(repo.get_settings(s))
        write_summary_docx(report, Path(path), fonts)
        step(progress, 2, 2, "")
        return report


def _by_body(facts: list[repo.ItemFacts], privacy: Privacy) -> list[BodyFigures]:
    """办理情况: the items per responsible body, the bodies with most items first."""
    grouped: dict[str, list[repo.ItemFacts]] = defaultdict(list)
    for fact in facts:
        grouped[privacy.text(fact.responsible_body) or NO_BODY].append(fact)
    rows = []
    for body, items in grouped.items():
        days = [
            (f.resolved_on - f.held_on).days
            for f in items
            if f.solved and f.resolved_on is not None and f.resolved_on >= f.held_on
        ]
        rows.append(
            BodyFigures(
                body=body,
                assigned=len(items),
                solved=sum(f.solved for f in items),
                overdue=sum(f.overdue for f in items),
                average_days=round(sum(days) / len(days), 1) if days else None,
                revisited=sum(f.revisited for f in items),
                satisfied=sum(f.satisfaction == Satisfaction.SATISFIED.value for f in items),
                mostly_satisfied=sum(
                    f.satisfaction == Satisfaction.MOSTLY_SATISFIED.value for f in items
                ),
                dissatisfied=sum(f.satisfaction == Satisfaction.DISSATISFIED.value for f in items),
            )
        )
    rows.sort(key=lambda r: (r.body == NO_BODY, -r.assigned, r.body))
    return rows


def _day(moment: datetime | None) -> date | None:
    return moment.date() if moment is not None else None
