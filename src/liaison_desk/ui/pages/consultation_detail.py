"""The detail pane of the 民生议事堂 and 微协商 pages: one consultation as HTML (facts,
participants, agenda, speeches, minutes, procedure, outcome items, files), built in the
page's worker thread. Its texts keep the page's translation context ("ConsultationsPage").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication

from liaison_desk.domain.entities import Attachment, AuditEntry, Consultation, OutcomeItem
from liaison_desk.domain.enums import AttachmentKind, AuditAction, OutcomeStatus
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.labels import label

translate = QCoreApplication.translate

# Colours of the detail pane (the table's overdue red and muted grey, and a quiet note colour).
GREY = "#6B6B6B"
_RED = "#B3261E"
_GREEN = "#1E7B34"
_NOTE_BACKGROUND = "#F4F1E8"


def _date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _time(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _paragraphs(text: str) -> str:
    """Plain text kept with its line breaks, escaped."""
    return esc(text.strip()).replace("\n", "<br/>")


def record_html(
    c: Consultation, group_name: str, history: Sequence[AuditEntry], today: date
) -> str:
    parts = [
        f"<h3 style='margin-bottom:2px'>{esc(c.title)}</h3>",
        f"<p style='color:{GREY};margin-top:0'>"
        f"{esc(' · '.join(x for x in (c.number, label(c.kind), label(c.status)) if x))}</p>",
    ]
    if c.is_locked:
        parts.append(_lock_note(history))
    parts.append(_facts(c, group_name))
    parts.append(_people(c))
    if c.agenda:
        items = "".join(f"<li>{esc(step)}</li>" for step in c.agenda if step.strip())
        parts.append(
            _heading(translate("ConsultationsPage", "Agenda"))
            + f"<ol style='margin-top:0'>{items}</ol>"
        )
    if c.speeches:
        parts.append(_heading(translate("ConsultationsPage", "Speeches")))
        for sp in c.speeches:
            capacity = (
                f" <span style='color:{GREY}'>（{esc(sp.capacity)}）</span>" if sp.capacity else ""
            )
            parts.append(
                f"<p style='margin-top:0;margin-bottom:4px'><b>{esc(sp.speaker)}</b>"
                f"{capacity}：{_paragraphs(sp.content)}</p>"
            )
    if c.minutes.strip():
        parts.append(
            _heading(translate("ConsultationsPage", "Minutes")) + f"<p>{_paragraphs(c.minutes)}</p>"
        )
    if c.consensus.strip():
        parts.append(
            _heading(translate("ConsultationsPage", "Consensus and outcome"))
            + f"<p>{_paragraphs(c.consensus)}</p>"
        )
    parts.append(_checklist(c))
    parts.append(_outcome_items(c.outcome_items, today))
    parts.append(_files(c.attachments))
    return "".join(p for p in parts if p)


def _heading(text: str) -> str:
    return f"<h4 style='margin-top:14px;margin-bottom:4px'>{esc(text)}</h4>"


def _lock_note(history: Sequence[AuditEntry]) -> str:
    locks = [e for e in history if e.action is AuditAction.LOCK]
    if locks:
        last = locks[-1]
        text = translate(
            "ConsultationsPage",
            "Archived on {date} by {actor}: read-only. Unlock it with a reason to change it.",
        ).format(date=_date(last.at), actor=last.actor)
    else:
        text = translate(
            "ConsultationsPage", "Archived: read-only. Unlock it with a reason to change it."
        )
    return (
        f"<table width='100%' cellpadding='6' style='background-color:{_NOTE_BACKGROUND}'>"
        f"<tr><td>{esc(text)}</td></tr></table>"
    )


def _facts(c: Consultation, group_name: str) -> str:
    when = _date(c.held_on)
    start, end = _time(c.start_time), _time(c.end_time)
    if start or end:
        when += " " + (f"{start}–{end}" if start and end else start or end)
    photos = sum(1 for a in c.attachments if a.kind is AttachmentKind.PHOTO)
    rows: list[tuple[str, str]] = [
        (translate("ConsultationsPage", "Number"), c.number),
        (translate("ConsultationsPage", "Kind"), label(c.kind)),
        (translate("ConsultationsPage", "Topic source"), label(c.topic_source)),
        (translate("ConsultationsPage", "Date"), when),
        (translate("ConsultationsPage", "Venue"), c.venue),
        (translate("ConsultationsPage", "Group"), group_name),
        (translate("ConsultationsPage", "Host"), c.host),
        (translate("ConsultationsPage", "Recorder"), c.recorder),
        (translate("ConsultationsPage", "Status"), label(c.status)),
        (
            translate("ConsultationsPage", "Attendance"),
            translate(
                "ConsultationsPage",
                "expected {expected}, present {present}; {total} attendances, "
                "{members} by CPPCC members",
            ).format(
                expected=c.expected_count,
                present=c.attended_count,
                total=c.attendance_total,
                members=c.member_attendance,
            ),
        ),
        (
            translate("ConsultationsPage", "Suggestions"),
            translate("ConsultationsPage", "{count}, {solved} solved").format(
                count=c.suggestion_count, solved=c.solved_count
            )
            if c.suggestion_count
            else "",
        ),
        (translate("ConsultationsPage", "Photos"), str(photos) if photos else ""),
        (translate("ConsultationsPage", "Recorded by"), c.author),
        (translate("ConsultationsPage", "Last changed"), _date(c.updated_at)),
    ]
    return _fact_table(rows)


def _people(c: Consultation) -> str:
    if not c.participants and not c.head_counts:
        return ""
    parts = [
        _heading(
            translate("ConsultationsPage", "Participants ({present} of {expected} present)").format(
                present=c.attended_count, expected=c.expected_count
            )
            if c.participants
            else translate("ConsultationsPage", "Participants")
        )
    ]
    if c.participants:
        rows = [
            [
                translate("ConsultationsPage", "Name"),
                translate("ConsultationsPage", "Category"),
                translate("ConsultationsPage", "Unit and title"),
                translate("ConsultationsPage", "Present"),
            ]
        ]
        cells: list[list[str]] = []
        for p in c.participants:
            unit = "，".join(x for x in (p.unit, p.title) if x)
            if p.attended:
                present = f"<span style='color:{_GREEN}'>✓</span>"
            else:
                absent = translate("ConsultationsPage", "Absent")
                reason = f"：{esc(p.absence_reason)}" if p.absence_reason else ""
                present = f"<span style='color:{_RED}'>{esc(absent)}{reason}</span>"
            cells.append([esc(p.name), esc(label(p.category)), esc(unit), present])
        parts.append(_grid(rows[0], cells))
    if c.head_counts:
        counted = "、".join(f"{esc(label(h.category))} {h.count}" for h in c.head_counts if h.count)
        caption = translate("ConsultationsPage", "Counted without names:")
        parts.append(f"<p style='margin-top:4px'>{esc(caption)} {counted}</p>")
    return "".join(parts)


def _checklist(c: Consultation) -> str:
    if not c.checklist:
        return ""
    done = sum(1 for step in c.checklist if step.done)
    heading = _heading(
        translate("ConsultationsPage", "Procedure ({done} of {total} steps done)").format(
            done=done, total=len(c.checklist)
        )
    )
    cells = []
    for step in c.checklist:
        mark = (
            f"<span style='color:{_GREEN}'>✓</span>"
            if step.done
            else f"<span style='color:{GREY}'>○</span>"
        )
        name = (
            esc(step.name) if step.done else f"<span style='color:{GREY}'>{esc(step.name)}</span>"
        )
        cells.append([mark, name, esc(_date(step.done_on)), esc(step.note)])
    return heading + _grid(None, cells)


def _outcome_items(items: Sequence[OutcomeItem], today: date) -> str:
    live = [i for i in items if not i.is_deleted]
    if not live:
        return ""
    solved = sum(1 for i in live if i.status is OutcomeStatus.SOLVED)
    parts = [
        _heading(
            translate(
                "ConsultationsPage", "Suggestions and problems ({count}, {solved} solved)"
            ).format(count=len(live), solved=solved)
        )
    ]
    for n, item in enumerate(live, start=1):
        overdue = item.is_overdue(today)
        status_colour = _GREEN if item.status is OutcomeStatus.SOLVED else ""
        status = esc(label(item.status))
        if status_colour:
            status = f"<span style='color:{status_colour}'>{status}</span>"
        flags = [status]
        if overdue:
            overdue_text = translate("ConsultationsPage", "Overdue")
            flags.append(f"<b style='color:{_RED}'>{esc(overdue_text)}</b>")
        if item.solved_on_spot:
            flags.append(esc(translate("ConsultationsPage", "solved on the spot")))
        if item.adopted and item.status is not OutcomeStatus.NOT_ADOPTED:
            flags.append(esc(translate("ConsultationsPage", "adopted")))
        facts: list[str] = []
        responsible = "，".join(x for x in (item.responsible_body, item.responsible_person) if x)
        if responsible:
            facts.append(
                translate("ConsultationsPage", "Responsible: {who}").format(who=responsible)
            )
        if item.deadline:
            facts.append(
                translate("ConsultationsPage", "Deadline: {date}").format(date=_date(item.deadline))
            )
        if item.resolved_on:
            facts.append(
                translate("ConsultationsPage", "Resolved: {date}").format(
                    date=_date(item.resolved_on)
                )
            )
        if (
            item.status in (OutcomeStatus.UNSOLVED, OutcomeStatus.NOT_ADOPTED)
            and item.unsolved_reason
        ):
            facts.append(
                translate("ConsultationsPage", "Reason: {reason}").format(
                    reason=item.unsolved_reason
                )
            )
        revisit: list[str] = []
        if item.revisit_on:
            revisit.append(
                translate("ConsultationsPage", "Revisited {date}").format(
                    date=_date(item.revisit_on)
                )
            )
        if item.revisit_note:
            revisit.append(item.revisit_note)
        if item.satisfaction is not None:
            revisit.append(
                translate("ConsultationsPage", "Satisfaction: {value}").format(
                    value=label(item.satisfaction)
                )
            )
        lines = [f"<b>{n}.</b> {_paragraphs(item.content)} &nbsp;[{' · '.join(flags)}]"]
        if facts:
            lines.append(f"<span style='color:{GREY}'>{esc(' · '.join(facts))}</span>")
        if revisit:
            lines.append(f"<span style='color:{GREY}'>{esc(' · '.join(revisit))}</span>")
        parts.append(f"<p style='margin-top:0;margin-bottom:6px'>{'<br/>'.join(lines)}</p>")
    return "".join(parts)


def _files(attachments: Sequence[Attachment]) -> str:
    others = [a for a in attachments if a.kind is not AttachmentKind.PHOTO]
    if not others:
        return ""
    cells = [
        [esc(a.original_name), esc(label(a.kind)), esc(a.caption)]
        for a in sorted(others, key=lambda a: (a.position, a.id or 0))
    ]
    return _heading(translate("ConsultationsPage", "Other files")) + _grid(None, cells)


def _fact_table(rows: Sequence[tuple[str, str]]) -> str:
    parts = ["<table cellspacing='0' cellpadding='2'>"]
    for name, value in rows:
        if not value:
            continue
        parts.append(
            f"<tr><td style='color:{GREY};padding-right:12px' valign='top'>{esc(name)}</td>"
            f"<td>{esc(value)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def _grid(header: Sequence[str] | None, rows: Sequence[Sequence[str]]) -> str:
    """A compact table; ``rows`` hold HTML already escaped, ``header`` plain text."""
    parts = ["<table cellspacing='0' cellpadding='2'>"]
    if header:
        parts.append(
            "<tr>"
            + "".join(
                f"<td style='color:{GREY};padding-right:8px;border-bottom:1px solid #CCC'>"
                f"{esc(h)}</td>"
                for h in header
            )
            + "</tr>"
        )
    for row in rows:
        parts.append(
            "<tr>"
            + "".join(f"<td valign='top' style='padding-right:8px'>{cell}</td>" for cell in row)
            + "</tr>"
        )
    parts.append("</table>")
    return "".join(parts)
