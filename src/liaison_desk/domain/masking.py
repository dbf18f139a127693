"""Masking of residents' personal information for everything that leaves the app (domain.md).

Phone 138****8000, ID 110105********0123, a resident's name as 张某. Members and officials keep
their names; a person's recorded consent lifts the mask for that person.
"""

from __future__ import annotations

import re
import unicodedata
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

# Free-text patterns, matched against text whose digits were normalised to ASCII (see
# ``_normalise``). A mobile may carry the +86 / 0086 / 86 country code, which is kept.
_MOBILE_RE = re.compile(
    r"(?<!\d)(?:(?:\+|00)?86[- ]?)?(?P<head>1[3-9]\d)(?P<middle>\d{4})\d{4}(?!\d)", re.ASCII
)
# An ID may touch letters ("IDcard110105199001010123") but never other digits, so a longer run of
# digits is not taken for an ID.
_ID_RE = re.compile(r"(?<!\d)\d{6}(?P<birth>\d{8})\d{3}[0-9Xx](?!\d)", re.ASCII)
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


def _normalise(text: str) -> str:
    """Same length as ``text``, with every decimal digit (full-width １, Arabic-Indic, …) and every
    full-width ASCII character (＋, －, Ｘ) replaced by its ASCII form, so positions line up."""
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch.isascii():
            continue
        if ch.isdecimal():
            chars[i] = str(unicodedata.decimal(ch))
        elif "\uff01" <= ch <= "\uff5e":
            chars[i] = chr(ord(ch) - 0xFEE0)
    return "".join(chars)


def _mask_numbers(text: str) -> str:
    """Hide the birth date of ID numbers and the middle four digits of mobiles. Matching runs on
    the normalised text; the output keeps the original characters (e.g. full-width digits) of
    everything that is not hidden."""
    normalised = _normalise(text)
    hidden = [False] * len(text)
    for match in _ID_RE.finditer(normalised):
        hidden[match.start("birth") : match.end("birth")] = [True] * 8
    for match in _MOBILE_RE.finditer(normalised):
        hidden[match.start("middle") : match.end("middle")] = [True] * 4
    if not any(hidden):
        return text
    return "".join("*" if hide else ch for ch, hide in zip(text, hidden, strict=True))


def _clean_names(names: Iterable[str]) -> set[str]:
    return {n.strip() for n in names if n and n.strip()}


def mask_text(text: str, names: Iterable[str] = (), keep: Iterable[str] = ()) -> str:
    """Mask phone numbers and ID numbers found anywhere in free text (minutes, speeches), and the
    given residents' ``names``.

    ``keep`` lists names that stay as they are (members, officials, people who consented), so a
    resident's name inside a longer kept name is left alone: with member 张三丰 and resident 张三,
    "委员张三丰走访了张三" becomes "委员张三丰走访了张某". A name in both lists is masked.
    """
    result = _mask_numbers(text)
    masked = _clean_names(names)
    if not masked:
        return result
    kept = _clean_names(keep) - masked
    # One scan over all names, longest first, so at each position the longest name wins: a kept
    # 张三丰 hides the 张三 inside it, and 欧阳娜娜 is not half-replaced by a shorter 欧阳娜.
    pattern = re.compile(
        "|".join(re.escape(n) for n in sorted(masked | kept, key=lambda n: (-len(n), n)))
    )

    def replace(match: re.Match[str]) -> str:
        found = match[0]
        return mask_name(found) if found in masked else found

    return pattern.sub(replace, result)


class Masker:
    """Masks what leaves the app, person by person; ``enabled=False`` shows everything (internal
    printouts)."""

    def __init__(self, people: Iterable[Person] = (), *, enabled: bool = True) -> None:
        self.enabled = enabled
        roster = list(people)
        self._consent_by_id = {p.id: p.consent_to_publish for p in roster if p.id is not None}
        # By name (for participants not linked to a person) only when every namesake consented.
        self._consent_names = {p.name for p in roster if p.consent_to_publish} - {
            p.name for p in roster if not p.consent_to_publish
        }
        self._resident_names = {
            p.name for p in roster if p.category.is_resident and not p.consent_to_publish
        }
        # Members, officials and consenting residents keep their names in free text.
        self._kept_names = {
            p.name for p in roster if not p.category.is_resident or p.consent_to_publish
        }

    def _consented(self, person: Person | Participant) -> bool:
        if isinstance(person, Person):
            return person.consent_to_publish
        if person.person_id is not None:
            # A participant linked to a person follows that person's consent, never a namesake's;
            # a person missing from the roster has not consented.
            return self._consent_by_id.get(person.person_id, False)
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

    def text(
        self, text: str, extra_names: Iterable[str] = (), keep_names: Iterable[str] = ()
    ) -> str:
        """Mask numbers and residents' names in free text. ``extra_names`` are more names to mask
        (e.g. residents not in the roster); ``keep_names`` more names to keep. Masking wins when a
        name is both masked and kept (namesakes)."""
        if not self.enabled:
            return text
        return mask_text(
            text,
            [*self._resident_names, *extra_names],
            keep=[*self._kept_names, *keep_names],
        )
