"""One search over every kind of record (Ctrl+K, ``liaison-desk search``): what a hit is, and
the snippet that shows where the text was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SearchKind(StrEnum):
    """The kinds of record one search looks through, in the order results are grouped."""

    CONSULTATION = "consultation"
    OUTCOME_ITEM = "outcome_item"
    CASE = "case"
    PERSON = "person"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def from_text(cls, text: str) -> SearchKind:
        """The kind called ``text`` (its code, Chinese name or a short form); ValueError if none."""
        wanted = text.strip()
        for kind in cls:
            if wanted in (kind.value, kind.label, *_SHORT[kind]):
                return kind
        names = "、".join(k.label for k in cls)
        raise ValueError(f"「{text}」不是可以搜索的记录种类，可选：{names}")


_LABELS = {
    SearchKind.CONSULTATION: "协商活动",
    SearchKind.OUTCOME_ITEM: "意见建议",
    SearchKind.CASE: "协商案例",
    SearchKind.PERSON: "人员",
}
_SHORT = {
    SearchKind.CONSULTATION: ("活动", "协商"),
    SearchKind.OUTCOME_ITEM: ("建议", "问题"),
    SearchKind.CASE: ("案例",),
    SearchKind.PERSON: ("人", "人名"),
}


@dataclass(frozen=True)
class Snippet:
    """A short piece of a record's text around the match; ``start``/``length`` mark the match
    within ``text`` (length 0: the record matched by something not shown, e.g. a category)."""

    text: str
    start: int = 0
    length: int = 0

    @property
    def before(self) -> str:
        return self.text[: self.start]

    @property
    def match(self) -> str:
        return self.text[self.start : self.start + self.length]

    @property
    def after(self) -> str:
        return self.text[self.start + self.length :]


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    record_id: int
    number: str  # 编号 / 档号 (an item's: its consultation's); may be empty
    title: str
    snippet: Snippet
    #: The consultation to open: the record itself, or the one an outcome item was raised at.
    consultation_id: int | None = None
    consultation_kind: str | None = None  # ConsultationKind value, for the page to open it on


@dataclass
class SearchResults:
    text: str
    hits: dict[SearchKind, list[SearchHit]] = field(default_factory=dict)
    totals: dict[SearchKind, int] = field(default_factory=dict)  # all matches, not just shown

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def all_hits(self) -> list[SearchHit]:
        return [h for kind in SearchKind for h in self.hits.get(kind, [])]


def _fold(text: str) -> str:
    # Per character, so positions in the folded text are positions in the text.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_ONE_LINE = str.maketrans({c: " " for c in "\r\n\t\v\f\u2028\u2029"})


def make_snippet(fields: list[str], needle: str, before: int = 14, width: int = 48) -> Snippet:
    """The first field that contains ``needle`` (any case), cut to about ``width`` characters
    around the match, on one line."""
    wanted = _fold(needle)
    for text in fields:
        at = _fold(text).find(wanted) if wanted else -1
        if at < 0:
            continue
        start = max(0, at - before)
        end = min(len(text), max(at + len(needle), start + width))
        # Line breaks and tabs become spaces (one for one, so the match stays where it is).
        piece = text[start:end].translate(_ONE_LINE)
        lead = "…" if start > 0 else ""
        tail = "…" if end < len(text) else ""
        return Snippet(lead + piece + tail, at - start + len(lead), len(needle))
    first = next((f for f in fields if f.strip()), "")
    short = " ".join(first.split())[:width]
    return Snippet(short + ("…" if len(first) > width else ""))
