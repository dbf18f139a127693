"""How masked personal information looks (domain.md, Privacy): phone 138****8000, ID
110105********0123, a resident's name as 张某, and the same inside free text.

Who is masked is decided in one place, ``domain.privacy``; this module only formats.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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


def normalised_number(number: str) -> str:
    """A phone or ID number as digits (and a final X) only, so that 138 0013 8000, 138-0013-8000
    and full-width １３８… compare equal."""
    digits = re.sub(r"[^0-9X]", "", _normalise(number.strip()).upper())
    # A mobile written with its country code (+86 138…, 0086 138…) is the same number.
    mobile = re.fullmatch(r"(?:00)?86(1[3-9]\d{9})", digits)
    return mobile[1] if mobile else digits


def _mask_numbers(
    text: str,
    *,
    phones: bool = True,
    id_cards: bool = True,
    keep_numbers: frozenset[str] = frozenset(),
) -> str:
    """Hide the birth date of ID numbers and the middle four digits of mobiles, except the numbers
    in ``keep_numbers`` (normalised, see ``normalised_number``: people who consented). Matching
    runs on the normalised text; the output keeps the original characters (e.g. full-width
    digits) of everything that is not hidden."""
    normalised = _normalise(text)
    hidden = [False] * len(text)
    if id_cards:
        for match in _ID_RE.finditer(normalised):
            if match[0].upper() not in keep_numbers:
                hidden[match.start("birth") : match.end("birth")] = [True] * 8
    if phones:
        for match in _MOBILE_RE.finditer(normalised):
            mobile = normalised[match.start("head") : match.end()]
            if mobile not in keep_numbers:
                hidden[match.start("middle") : match.end("middle")] = [True] * 4
    if not any(hidden):
        return text
    return "".join("*" if hide else ch for ch, hide in zip(text, hidden, strict=True))


def _names_in(text: str, names: Iterable[str]) -> set[str]:
    """The names (stripped) that occur in ``text``."""
    return {name for n in names if n and (name := n.strip()) and name in text}


def mask_text(
    text: str,
    names: Iterable[str] = (),
    keep: Iterable[str] = (),
    *,
    phones: bool = True,
    id_cards: bool = True,
    keep_numbers: frozenset[str] = frozenset(),
) -> str:
    """Mask mobile numbers (``phones``) and ID numbers (``id_cards``) found anywhere in free text
    (minutes, speeches), except those in ``keep_numbers``, and the given residents' ``names``.

    ``keep`` lists names that stay as they are (members, officials, people who consented), so a
    resident's name inside a longer kept name is left alone: with member 张三丰 and resident 张三,
    "委员张三丰走访了张三" becomes "委员张三丰走访了张某". A name in both lists is masked.
    """
    result = _mask_numbers(text, phones=phones, id_cards=id_cards, keep_numbers=keep_numbers)
    # Only names that occur in the text go into the pattern: an alternation of a whole
    # district's roster costs milliseconds per field (a ledger has tens of thousands of fields).
    masked = _names_in(result, names)
    if not masked:
        return result
    kept = _names_in(result, keep) - masked
    # One scan over all names, longest first, so at each position the longest name wins: a kept
    # 张三丰 hides the 张三 inside it, and 欧阳娜娜 is not half-replaced by a shorter 欧阳娜.
    pattern = re.compile(
        "|".join(re.escape(n) for n in sorted(masked | kept, key=lambda n: (-len(n), n)))
    )

    def replace(match: re.Match[str]) -> str:
        found = match[0]
        return mask_name(found) if found in masked else found

    return pattern.sub(replace, result)
