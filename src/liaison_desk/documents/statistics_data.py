"""What the statistics workbook (统计报表) and the year's summary draft (工作综述数据部分) are made
from, as plain data (no Qt, no database): read by ``services.reports`` in one database session,
laid out by ``documents.statistics_workbook`` and ``documents.summary_document``.

``HEADLINE`` is the one list of the headline figures — their order (the 总表's rows, which the
summary cites as "总表第N行"), names, units and how each is counted (the words of domain.md and
of the repository's rules in ``storage/repositories/statistics.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from liaison_desk.domain.periods import ReportPeriod
from liaison_desk.domain.queries import YearStatistics


@dataclass(frozen=True)
class Headline:
    key: str  # attribute of YearStatistics ("solved_rate" is its property)
    name: str
    unit: str
    definition: str


HEADLINE: tuple[Headline, ...] = (
    Headline(
        "hall_sessions",
        "民生议事堂协商",
        "场",
        "类型为“民生议事堂协商”、日期在本期内、状态为已完成或已归档的活动（计划中的和回收站中的不计）",
    ),
    Headline(
        "micro_consultations",
        "微协商",
        "次",
        "类型为“微协商”、日期在本期内、状态为已完成或已归档的活动（同上）",
    ),
    Headline(
        "attendance", "参与人次", "人次", "上述活动参与人次之和（签到人员加按类别登记的人数）"
    ),
    Headline("member_attendance", "委员人次", "人次", "上述活动中政协委员参与人次之和"),
    Headline("suggestions", "意见建议", "条", "上述活动提出的意见建议条数（回收站中的不计）"),
    Headline("adopted", "采纳", "条", "其中标记为“采纳”的条数"),
    Headline(
        "solved",
        "已解决问题",
        "个",
        "其中办理状态为“已解决”的条数（即“推动解决群众急难愁盼问题”数）",
    ),
    Headline("solved_rate", "解决率", "%", "已解决问题 ÷ 意见建议"),
    Headline(
        "overdue",
        "超期未办结",
        "条",
        "其中状态仍为待交办或办理中、完成时限早于统计日（本期末；本期未结束时为制表当天）的条数",
    ),
    Headline("cases_written", "协商案例", "篇", "所属年度为本年的案例（回收站中的不计）"),
    Headline("cases_submitted", "已报送案例", "篇", "其中状态为已报送、入选或退回的案例"),
    Headline("cases_selected", "入选案例", "篇", "其中状态为“入选”的案例"),
)

HEADLINE_FIRST_ROW = 4  # the 总表's row of the first headline figure (title, note, headings above)


def headline_row(key: str) -> int:
    """The 总表 row number of the headline figure ``key`` (what the summary cites)."""
    keys = [h.key for h in HEADLINE]
    return HEADLINE_FIRST_ROW + keys.index(key)


def headline_value(figures: YearStatistics, key: str) -> float | int:
    """The figure as the workbook shows it: counts as integers, the rate as a percentage."""
    if key == "solved_rate":
        return round(figures.solved_rate * 100, 1)
    return int(getattr(figures, key))


@dataclass(frozen=True)
class BodyFigures:
    """One responsible body's items (办理情况)."""

    body: str
    assigned: int = 0
    solved: int = 0
    overdue: int = 0
    average_days: float | None = None  # held → resolved, over solved items with a date
    revisited: int = 0
    satisfied: int = 0
    mostly_satisfied: int = 0
    dissatisfied: int = 0

    @property
    def solved_rate(self) -> float:
        return self.solved / self.assigned if self.assigned else 0.0


@dataclass(frozen=True)
class SelectedCase:
    """A case selected by a higher level: its level (省级, 市级 …), where, title and group."""

    level: str
    target: str
    title: str
    group_name: str


@dataclass
class StatisticsReport:
    """Everything the workbook and the summary show, read in one go.

    ``scope``: the group's name, or the district office's words for all groups. ``as_of``: the
    day overdue items are judged on. ``by_group``, ``by_month`` and ``by_source`` hold the same
    figures as ``total``, split (every group, every month of the period, every topic source, in
    order, zeros included). ``selected_cases``: the year's cases selected upward, highest
    level first."""

    period: ReportPeriod
    scope: str
    group_name: str | None
    total: YearStatistics
    as_of: date
    made_on: date
    by_group: list[tuple[str, YearStatistics]] = field(default_factory=list)
    by_month: list[tuple[int, YearStatistics]] = field(default_factory=list)
    by_source: list[tuple[str, YearStatistics]] = field(default_factory=list)
    by_body: list[BodyFigures] = field(default_factory=list)
    selected_cases: list[SelectedCase] = field(default_factory=list)

    @property
    def title(self) -> str:
        """吴兴区政协各联络组2024年协商工作统计报表"""
        return f"{self.scope}{self.period.label}协商工作统计报表"
