"""The period a report covers: a year, one of its quarters or one of its months (domain.md,
Statistics users report: "by year, quarter and month")."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from liaison_desk.domain.rules import Problem, ValidationError

QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


@dataclass(frozen=True)
class ReportPeriod:
    year: int
    quarter: int | None = None  # 1–4
    month: int | None = None  # 1–12

    def __post_init__(self) -> None:
        problems = []
        if not 1900 <= self.year <= 9999:
            problems.append(Problem("year", f"年度 {self.year} 不对，请写四位数的年份，如 2024。"))
        if self.quarter is not None and self.month is not None:
            problems.append(Problem("quarter", "季度和月份只能选一个。"))
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            problems.append(Problem("quarter", f"季度 {self.quarter} 不对，请写 1–4。"))
        if self.month is not None and not 1 <= self.month <= 12:
            problems.append(Problem("month", f"月份 {self.month} 不对，请写 1–12。"))
        if problems:
            raise ValidationError(problems)

    @property
    def months(self) -> range:
        """The months of the year the period covers."""
        if self.month is not None:
            return range(self.month, self.month + 1)
        if self.quarter is not None:
            first = 3 * self.quarter - 2
            return range(first, first + 3)
        return range(1, 13)

    @property
    def start(self) -> date:
        return date(self.year, self.months[0], 1)

    @property
    def end(self) -> date:
        last = self.months[-1]
        return date(self.year, last, calendar.monthrange(self.year, last)[1])

    @property
    def is_year(self) -> bool:
        return self.quarter is None and self.month is None

    @property
    def label(self) -> str:
        """2024年 / 2024年第一季度 / 2024年3月"""
        if self.quarter is not None:
            return f"{self.year}年{QUARTER_NAMES[self.quarter - 1]}"
        if self.month is not None:
            return f"{self.year}年{self.month}月"
        return f"{self.year}年"

    @property
    def file_part(self) -> str:
        """2024 / 2024年第一季度 / 2024年03月: what a file name says of the period."""
        if self.month is not None:
            return f"{self.year}年{self.month:02d}月"
        return self.label if self.quarter is not None else str(self.year)
