"""The lists' text order as a plain string: Chinese by pinyin, numbers inside text by value,
text in Latin letters (ASCII only) before any other, by code point, as before.

``sort_key(text)`` is a string of hex digits that sorts, compared byte by byte (SQLite's
BINARY, PostgreSQL's "C" collation, Python's ``<``), exactly as the texts should. The
database stores it beside a name (``people.name_sort_key``) so that a list of 360k people is
sorted by the database, a page at a time; the tables sort their loaded rows by the same key
(ui/table.py), so a list reads the same whichever sorted it.

The character order comes from Qt's Chinese collator (ICU, pinyin), written once to
resources/collation/zh_pinyin.txt by scripts/build_collation.py, so no Qt is needed here. A
key has three levels, compared in turn: the characters with case and width ignored (and each
run of digits by its value), then with case and width, then the code points.
"""

from __future__ import annotations

import unicodedata
from array import array
from importlib import resources

# Characters beyond the table (a rare character added to Unicode later) sort after every
# character in it, by code point: "f" and six hex digits, after any "1"–"e" table weight.
_TABLE_END = 0x2A6E0
_BASE = 0x10000  # table weights are five hex digits starting 1–e; "0" ends a level
_IGNORED = {"Mn", "Me", "Cf", "Cc"}  # marks and controls: no weight, as in the collator

_coarse: array[int] | None = None
_fine: array[int] | None = None
_digit_weight = ""


def _load() -> tuple[array[int], array[int]]:
    global _coarse, _fine, _digit_weight
    if _coarse is None or _fine is None:
        coarse = array("I", bytes(4 * _TABLE_END))
        fine = array("I", bytes(4 * _TABLE_END))
        text = (
            resources.files("liaison_desk.resources")
            .joinpath("collation/zh_pinyin.txt")
            .read_text(encoding="utf-8")
        )
        rank = 0
        for coarse_rank, line in enumerate(text.split("\n")):
            if not line:
                continue
            for equal in line.split("\t"):
                rank += 1
                for ch in equal:
                    coarse[ord(ch)] = _BASE + coarse_rank
                    fine[ord(ch)] = _BASE + rank
        _digit_weight = f"{coarse[ord('0')]:05x}"
        _coarse, _fine = coarse, fine
    return _coarse, _fine


def sort_key(text: str | None) -> str | None:
    """The stored sort key of ``text`` (None for None, which the lists put first)."""
    if text is None:
        return None
    if text.isascii():
        # Latin text first, by code point: the lists' order before the key was stored.
        return "1" + "".join(f"{ord(ch):02x}" for ch in text)
    coarse, fine = _load()
    first: list[str] = []
    second: list[str] = []
    third: list[str] = []
    digits: list[str] = []

    def end_number() -> None:
        # A run of digits sorts by its value (议-9 before 议-10), leading zeros aside.
        value = "".join(digits).lstrip("0")[:255]
        first.append(f"{_digit_weight}{len(value):02x}{value}")
        digits.clear()

    for ch in text:
        cp = ord(ch)
        third.append(f"{cp:06x}")
        if ch.isdecimal():
            digits.append(str(unicodedata.decimal(ch)))
            second.append(f"{fine[cp]:05x}" if cp < _TABLE_END and fine[cp] else f"f{cp:06x}")
            continue
        if digits:
            end_number()
        if cp < _TABLE_END and coarse[cp]:
            first.append(f"{coarse[cp]:05x}")
            second.append(f"{fine[cp]:05x}")
        elif unicodedata.category(ch) not in _IGNORED:
            first.append(f"f{cp:06x}")
            second.append(f"f{cp:06x}")
    if digits:
        end_number()
    return "2" + "".join(first) + "0" + "".join(second) + "0" + "".join(third)
