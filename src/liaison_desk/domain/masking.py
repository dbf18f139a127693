"""Masking of residents' personal information for everything that leaves the app (domain.md).

Phone 138****8000, ID 110105********0123, a resident's name as 张某. Members and officials keep
their names; a person's recorded consent lifts the mask for that person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from liaison_desk.domain.entities import Participant, Person

# Two-character surnames that must stay whole (欧阳某, not 欧某).
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "司空",
        "夏侯",
        "轩辕",
        "令狐",
        "钟离",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "端木",
        "闻人",
        "南宫",
        "西门",
        "独孤",
        "百里",
        "呼延",
        "东郭",
        "万俟",
        "赫连",
        "拓跋",
        "完颜",
    ]
)

_MOBILE_RE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[0-9Xx])(?![0-9A-Za-z])")
_LANDLINE_RE = re.compile(r"(?<!\d)(0\d{2,3})([- ]?)(\d{3,4})(\d{4})(?!\d)")


def mask_phone(phone: str) -> str:
    """138****8000 for a mobile; 0572-****5678 for a landline; keep at most the last four digits
    of anything else."""
    text = phone.strip()
    if not text:
        return text
    digits = re.sub(r"\D", "", text)
    if re.fullmatch(r"1[3-9]\d{9}", digits):
        return f"{digits[:3]}****{digits[-4:]}"
    landline = _LANDLINE_RE.fullmatch(text)
    if landline:
        area, sep, middle, last = landline.groups()
        return f"{area}{sep or '-'}{'*' * len(middle)}{last}"
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_id_card(id_card: str) -> str:
    """110105********0123: region code and last four kept, birth date hidden."""
    text = id_card.strip()
    if not text:
        return text
    if len(text) == 18:
        return f"{text[:6]}{'*' * 8}{text[-4:]}"
    if len(text) <= 4:
        return "*" * len(text)
    return (
        f"{text[: min(6, len(text) - 4)]}{'*' * (len(text) - min(6, len(text) - 4) - 4)}{text[-4:]}"
    )


def mask_name(name: str) -> str:
    """张三 → 张某, 欧阳娜娜 → 欧阳某. A name that is not Chinese keeps its first letter."""
    text = name.strip()
    if not text:
        return text
    if len(text) >= 3 and text[:2] in COMPOUND_SURNAMES:
        return f"{text[:2]}某"
    return f"{text[0]}某"


def mask_text(text: str, names: Iterable[str] = ()) -> str:
    """Mask phone numbers and ID numbers found anywhere in free text (minutes, speeches), and the
    given residents' names."""
    result = _ID_RE.sub(lambda m: f"{m[1]}{'*' * 8}{m[3]}", text)
    result = _MOBILE_RE.sub(lambda m: f"{m[1]}****{m[3]}", result)
    # Longest names first so 欧阳娜娜 is not half-replaced by a shorter 欧阳娜.
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        result = result.replace(name, mask_name(name))
    return result


class Masker:
    """Masks what leaves the app, person by person; ``enabled=False`` shows everything (internal
    printouts)."""

    def __init__(self, people: Iterable[Person] = (), *, enabled: bool = True) -> None:
        self.enabled = enabled
        self._consent_names = {p.name for p in people if p.consent_to_publish}
        self._resident_names = {
            p.name for p in people if p.category.is_resident and not p.consent_to_publish
        }

    def _consented(self, person: Person | Participant) -> bool:
        if isinstance(person, Person):
            return person.consent_to_publish
        return person.name in self._consent_names

    def name(self, person: Person | Participant) -> str:
        if not self.enabled or self._consented(person) or not person.category.is_resident:
            return person.name
        return mask_name(person.name)

    def phone(self, person: Person) -> str:
        if not self.enabled or person.consent_to_publish:
            return person.phone
        return mask_phone(person.phone)

    def id_card(self, person: Person) -> str:
        if not self.enabled or person.consent_to_publish:
            return person.id_card
        return mask_id_card(person.id_card)

    def text(self, text: str, extra_names: Iterable[str] = ()) -> str:
        if not self.enabled:
            return text
        return mask_text(text, [*self._resident_names, *extra_names])
