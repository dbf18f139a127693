"""Writes resources/collation/zh_pinyin.txt: the characters a name or title may hold, in the
order Qt's Chinese collator (ICU, pinyin) puts them. domain/collation.py turns text into a
sort key from this table without Qt, so the database can store the key and sort a list of
360k people itself (``people.name_sort_key``), in the lists' pinyin order.

Run it again only when the table should follow a newer ICU; then rebuild the stored keys
(``liaison-desk check --fix``). One line per character group: characters equal when case
is ignored on one line, lines in collation order; within a line the characters in their full
(case-sensitive) order, a tab between ones that differ in case or width, none between ones
that compare equal.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from PySide6.QtCore import QCollator, QLocale, Qt

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x024F),  # Latin-1 and Latin Extended
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x2000, 0x206F),  # general punctuation
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ …)
    (0x2460, 0x24FF),  # enclosed numbers (① …)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x312F),  # bopomofo
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x2A6DF),  # CJK extension B (rare characters in names)
]


def collator(case_sensitive: bool) -> QCollator:
    c = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    c.setCaseSensitivity(
        Qt.CaseSensitivity.CaseSensitive if case_sensitive else Qt.CaseSensitivity.CaseInsensitive
    )
    return c


def groups(chars: list[str], c: QCollator) -> list[list[str]]:
    out: list[list[str]] = []
    for ch in chars:
        if out and c.compare(out[-1][0], ch) == 0:
            out[-1].append(ch)
        else:
            out.append([ch])
    return out


def main() -> int:
    coarse, fine = collator(False), collator(True)
    chars = [
        chr(cp)
        for lo, hi in RANGES
        for cp in range(lo, hi + 1)
        if chr(cp).isprintable() and fine.compare(chr(cp), "") != 0  # ignorable: no weight
    ]
    chars.sort(key=functools.cmp_to_key(fine.compare))
    lines = []
    for group in groups(chars, coarse):
        lines.append("\t".join("".join(g) for g in groups(group, fine)))
    target = Path(__file__).resolve().parents[1] / "resources" / "collation" / "zh_pinyin.txt"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chars)} 个字符，{len(lines)} 组 → {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
