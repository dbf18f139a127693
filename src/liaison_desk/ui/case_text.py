"""The case editor's text helpers: the GB/T 9704 heading numbers it inserts (一、 / （一） /
1. / （1）), a section as it will print (``preview_html``) and a case as plain data for the
unsaved-changes check (``comparable``). No widgets: the editor, the versions dialog and the
tests use them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from liaison_desk.domain.case_text import BlockKind, chinese_numeral, heading_level, parse_case_text
from liaison_desk.domain.entities import Case
from liaison_desk.domain.serialization import to_data
from liaison_desk.ui.html_text import esc

# Fields that change on every save: never "unsaved changes".
_BOOKKEEPING = ("id", "uuid", "revision", "created_at", "updated_at", "deleted_at")


def comparable(case: Case) -> dict[str, Any]:
    """What the user edits of ``case``, as plain data (for the unsaved-changes check)."""
    data = to_data(case)
    for key in _BOOKKEEPING:
        data.pop(key, None)
    data["sections"] = {k: v for k, v in data["sections"].items() if v}
    return data


def heading_prefix(level: int, number: int) -> str:
    """The number that starts a heading of ``level`` (1–4): 一、 / （一） / 1. / （1）."""
    if level == 1:
        return f"{chinese_numeral(number)}、"
    if level == 2:
        return f"（{chinese_numeral(number)}）"
    if level == 3:
        return f"{number}."
    return f"（{number}）"


_PREFIX_RE = (
    None,
    re.compile(r"^\s*[一二三四五六七八九十]{1,3}、"),
    re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[）)]"),
    re.compile(r"^\s*\d{1,2}[.．、](?!\d)"),
    re.compile(r"^\s*[（(]\d{1,2}[）)]"),
)


def next_heading_number(lines_before: Sequence[str], level: int) -> int:
    """The number a new heading of ``level`` gets after ``lines_before``: one more than the last
    heading of that level since the last heading of a higher level (which restarts the count)."""
    count = 0
    for line in lines_before:
        found = heading_level(line)
        if found == 0:
            continue
        if found < level:
            count = 0
        elif found == level:
            count += 1
    return count + 1


def set_heading(text: str, line_index: int, level: int) -> str:
    """``text`` with line ``line_index`` made a heading of ``level`` (its old number, if any,
    replaced), numbered after the headings above it."""
    lines = text.split("\n")
    while len(lines) <= line_index:
        lines.append("")
    line = lines[line_index]
    old = heading_level(line)
    if old:
        match = _PREFIX_RE[old].match(line)  # type: ignore[union-attr]
        if match is not None:
            line = line[match.end() :]
    number = next_heading_number(lines[:line_index], level)
    lines[line_index] = heading_prefix(level, number) + line.lstrip()
    return "\n".join(lines)


def preview_html(text: str) -> str:
    """The section as it will print, roughly: headings by level, paragraphs indented."""
    styles = {
        BlockKind.HEADING1: "font-weight:bold;",
        BlockKind.HEADING2: "font-style:italic;",
        BlockKind.HEADING3: "font-weight:bold;",
        BlockKind.HEADING4: "",
    }
    parts: list[str] = []
    for block in parse_case_text(text):
        runs = []
        for span in block.spans:
            run = esc(span.text)
            style = styles.get(block.kind, "") if span.heading else ""
            if span.bold:
                style += "font-weight:bold;"
            runs.append(f"<span style='{style}'>{run}</span>" if style else run)
        indent = "" if block.kind is BlockKind.HEADING1 else "text-indent:2em;"
        parts.append(f"<p style='margin:0 0 6px 0;{indent}'>{''.join(runs)}</p>")
    return "".join(parts)
