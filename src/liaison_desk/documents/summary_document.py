"""The first draft of the year's work summary (工作综述) — its figures section — as an editable
Word file, in the seed document's way of writing (全年共开展民生议事堂协商X场、微协商Y次，……
推动解决群众急难愁盼问题Z个) and in the GB/T 9704 look of the case documents (their Word writer
is reused: the title, 一、 headings, 仿宋 body on the line grid, page numbers).

Every figure is the statistics workbook's (the same ``StatisticsReport``) and says where it is
there: （见统计报表·总表第N行）. The text states counts and the cases' results and nothing else —
no adjective of impact the records cannot support; the secretary writes those in Word."""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

from liaison_desk.documents.atomic import write_atomically
from liaison_desk.documents.statistics_data import (
    HEADLINE,
    SelectedCase,
    StatisticsReport,
    headline_row,
    headline_value,
)

SOURCE_NOTE = "（见统计报表·议题来源）"
GROUP_NOTE = "（见统计报表·分组）"


def cite(key: str) -> str:
    """（见统计报表·总表第N行） for the headline figure ``key``."""
    return f"（见统计报表·总表第{headline_row(key)}行）"


def figure_text(report: StatisticsReport, key: str) -> str:
    """A headline figure as the text says it: 85, 45.6%."""
    value = headline_value(report.total, key)
    unit = next(h.unit for h in HEADLINE if h.key == key)
    return f"{value}%" if unit == "%" else str(value)


def _day(report: StatisticsReport) -> str:
    d = report.as_of
    return f"{d.year}年{d.month}月{d.day}日"


def summary_sections(report: StatisticsReport) -> list[tuple[str, str]]:
    """(heading, text) of the draft, the text in the case markup (one paragraph a line)."""
    t = report.total
    year = report.period.year

    def f(key: str, unit: str = "") -> str:
        """85场（见统计报表·总表第4行）: the figure, its unit, where it is in the workbook."""
        return figure_text(report, key) + unit + cite(key)

    sections: list[tuple[str, str]] = []
    lines = [
        f"{year}年，{report.scope}全年共开展民生议事堂协商{f('hall_sessions', '场')}、"
        f"微协商{f('micro_consultations', '次')}，参与{f('attendance', '人次')}，"
        f"其中政协委员{f('member_attendance', '人次')}。",
    ]
    if t.suggestions:
        sentence = (
            f"协商中共提出意见建议{f('suggestions', '条')}，其中采纳{f('adopted', '条')}；"
            f"推动解决群众急难愁盼问题{f('solved', '个')}，占意见建议的{f('solved_rate')}。"
        )
        if t.overdue:
            sentence += f"截至{_day(report)}，有{f('overdue', '条')}超过完成时限尚未办结。"
        lines.append(sentence)
    sections.append(("基层协商", "\n".join(lines)))

    sources = sorted(
        (
            (label, s.hall_sessions + s.micro_consultations)
            for label, s in report.by_source
            if s.hall_sessions + s.micro_consultations
        ),
        key=lambda pair: -pair[1],
    )
    if sources:
        listed = "、".join(f"{label}{n}场次" for label, n in sources)
        sections.append(("议题来源", f"从议题来源看，{listed}{SOURCE_NOTE}。"))

    if report.group_name is None and report.by_group:
        active = [
            name for name, s in report.by_group if s.hall_sessions + s.micro_consultations > 0
        ]
        sections.append(
            (
                "各联络组",
                f"{len(report.by_group)}个联络组中，{len(active)}个开展了协商活动{GROUP_NOTE}。",
            )
        )

    case_lines = [
        f"全年撰写协商案例{f('cases_written', '篇')}，报送{f('cases_submitted', '篇')}，"
        f"入选{f('cases_selected', '篇')}。"
    ]
    if report.selected_cases:
        case_lines.append("入选情况如下（按入选层级）：")
        case_lines += selected_case_lines(report.selected_cases)
    sections.append(("协商案例", "\n".join(case_lines)))
    return sections


def selected_case_lines(cases: Sequence[SelectedCase]) -> list[str]:
    """By level (省级, 市级 …), a heading （一）省级（1篇） and the seed's sentence:
    织里镇联络组助力青年返乡协商案例入选省政协“为民办实事”协商案例汇编。"""
    numerals = "一二三四五六七八九十"
    lines = []
    for n, (level, at_level) in enumerate(groupby(cases, key=lambda c: c.level)):
        found = list(at_level)
        lines.append(f"（{numerals[min(n, 9)]}）{level}（{len(found)}篇）")
        for target, same in groupby(found, key=lambda c: c.target):
            named = [f"{c.group_name}{c.title}" for c in same]
            if len(named) == 1:
                lines.append(f"{named[0]}协商案例入选{target}。")
            else:
                lines.append(f"{'、'.join(named)}{len(named)}个协商案例入选{target}。")
    return lines


def build_summary_docx(report: StatisticsReport, fonts: dict[str, str] | None = None) -> bytes:
    """The Word file's bytes: laid out by the case documents' Word writer."""
    import docx

    from liaison_desk.documents.case_data import CaseDocumentData
    from liaison_desk.documents.case_document import build_case_docx

    title = f"{report.scope}{report.period.year}年工作综述"
    data = CaseDocumentData(
        title=title,
        subtitle="（数据部分初稿，括注为统计报表中的出处）",
        group_name=report.group_name or report.scope,
        year=report.period.year,
        sections=tuple(summary_sections(report)),
        fonts=dict(fonts or {}),
    )
    document = docx.Document(io.BytesIO(build_case_docx(data)))
    props = document.core_properties
    props.subject = "工作综述（数据部分初稿）"
    props.keywords = f"{report.period.year}年 统计"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_summary_docx(
    report: StatisticsReport, path: Path, fonts: dict[str, str] | None = None
) -> None:
    """Write the draft to ``path`` (temporary name in the same folder, renamed when complete)."""
    write_atomically(Path(path), build_summary_docx(report, fonts))
