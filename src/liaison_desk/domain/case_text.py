"""The plain-text markup of a case's sections (协商案例), shared by the case editor, the Word file
and the PDF.

A section's text is plain text, one paragraph per line (blank lines are ignored). A line whose
start is one of the four GB/T 9704 heading numbers is a heading of that level:

=====  ==========================  =================  ===============================
level  starts with                 e.g.               set in
=====  ==========================  =================  ===============================
1      一、 … 十九、               一、深入调研摸实情  黑体
2      （一） … (十九) (half-width  （一）议事堂里定方案 楷体
       brackets are accepted too)
3      1. / 1． / 1、(not 1.5)     1.摸清底数         仿宋 bold
4      (1) / （1）                 (1)走访老人        仿宋
=====  ==========================  =================  ===============================

A heading line that goes on after its first "。" (``1.摸清底数。委员们分组走访……``) is a run-in
heading, as official documents write them: only the part up to and including that "。" is the
heading, the rest is body text of the same paragraph. Everything else is a body paragraph
(indented two characters, 仿宋). ``**text**`` sets ``text`` in bold anywhere; an unpaired ``**``
is kept as written, and so is a longer run of asterisks (the masked digits of 138****8000). The markup characters are never printed.

No Qt here: the editor, ``documents.case_document`` and the word count all read the same result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

_NUMERAL = "[一二三四五六七八九十]{1,3}"

# Level 1 must not catch "一是……", "一、二月份" is rare enough to accept.
_HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"{_NUMERAL}、")),
    (2, re.compile(rf"[（(]{_NUMERAL}[）)]")),
    (3, re.compile(r"\d{1,2}[.．、](?!\d)")),
    (4, re.compile(r"[（(]\d{1,2}[）)]")),
)

# "**" that is not part of a longer run of asterisks: a masked number (138****8000,
# 330502********1234) never opens or closes bold.
_BOLD_RE = re.compile(r"(?<!\*)\*\*(?!\*)(.+?)(?<!\*)\*\*(?!\*)")


class BlockKind(IntEnum):
    """What a line of a section is: a body paragraph or a heading of level 1–4."""

    PARAGRAPH = 0
    HEADING1 = 1
    HEADING2 = 2
    HEADING3 = 3
    HEADING4 = 4

    @property
    def is_heading(self) -> bool:
        return self is not BlockKind.PARAGRAPH


@dataclass(frozen=True)
class Span:
    """A run of text in one look: ``heading`` when it is (part of) the heading of its block,
    ``bold`` when marked ``**…**`` (or when the heading level is set in bold)."""

    text: str
    bold: bool = False
    heading: bool = False


@dataclass(frozen=True)
class TextBlock:
    """One paragraph of a section: its kind and its runs (markup removed)."""

    kind: BlockKind
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def heading_text(self) -> str:
        return "".join(s.text for s in self.spans if s.heading)


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers; 1–99)."""
    if not 1 <= n <= 99:
        raise ValueError(f"heading numbers run from 1 to 99, not {n}")
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{_DIGITS[tens]}十")
    return head + (_DIGITS[units] if units else "")


def heading_level(line: str) -> int:
    """1–4 when ``line`` starts with a heading number of that level, else 0."""
    text = line.lstrip()
    for level, pattern in _HEADING_PATTERNS:
        if pattern.match(text):
            return level
    return 0


def _bold_spans(text: str, heading: bool) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for match in _BOLD_RE.finditer(text):
        if match.start() > pos:
            spans.append(Span(text[pos : match.start()], heading=heading))
        spans.append(Span(match[1], bold=True, heading=heading))
        pos = match.end()
    if pos < len(text):
        spans.append(Span(text[pos:], heading=heading))
    return spans


def _clean(line: str) -> str:
    """Tabs and control characters become spaces; the ends are trimmed."""
    return "".join(" " if (ch < " " or ch == "\x7f") else ch for ch in line).strip()


def parse_line(line: str) -> TextBlock | None:
    """One line as a block; None for a blank line."""
    text = _clean(line)
    if not text:
        return None
    level = heading_level(text)
    if level == 0:
        return TextBlock(BlockKind.PARAGRAPH, tuple(_merge(_bold_spans(text, False))))
    # A run-in heading ends at its first "。" (outside **…** or inside: the split is on the
    # plain text, and the bold marks are applied to each part).
    plain_end = _run_in_end(text)
    if plain_end is None:
        spans = _bold_spans(text, True)
    else:
        spans = _bold_spans(text[:plain_end], True) + _bold_spans(text[plain_end:], False)
    return TextBlock(BlockKind(level), tuple(_merge(spans)))


def _run_in_end(text: str) -> int | None:
    """Where the heading part of a run-in heading ends (after its first "。"), or None when the
    whole line is the heading. A "。" inside ``**…**`` is skipped if splitting there would break
    the pair."""
    for match in re.finditer("。", text):
        end = match.end()
        rest = text[end:].strip()
        if not rest:
            return None
        if text[:end].count("**") % 2 == 0:
            return end
    return None


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and (merged[-1].bold, merged[-1].heading) == (span.bold, span.heading):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.heading)
        else:
            merged.append(span)
    return merged


def parse_case_text(text: str) -> list[TextBlock]:
    """The blocks of a section's text, in order (blank lines dropped)."""
    blocks = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        block = parse_line(line)
        if block is not None:
            blocks.append(block)
    return blocks


def strip_markup(text: str) -> str:
    """``text`` as printed: the ``**`` marks removed, lines kept (for the 字数 count and for
    searching)."""
    return "\n".join(
        "".join(s.text for s in block.spans) if (block := parse_line(line)) else ""
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )


__all__ = [
    "BlockKind",
    "Span",
    "TextBlock",
    "chinese_numeral",
    "heading_level",
    "parse_case_text",
    "parse_line",
    "strip_markup",
]
