"""Rules the app enforces (domain.md). Validation returns every problem at once, each naming the
field in Chinese, so a form can show all of them next to their fields before saving."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from liaison_desk.domain.entities import (
    Case,
    Consultation,
    LiaisonGroup,
    OutcomeItem,
    Person,
)
from liaison_desk.domain.enums import ConsultationKind, ConsultationStatus, OutcomeStatus
from liaison_desk.domain.numbering import short_name_of
from liaison_desk.errors import UserFacingError

RECYCLE_BIN_DAYS = 30
MAX_TITLE_LENGTH = 200


@dataclass(frozen=True)
class Problem:
    field: str  # attribute path, e.g. "title" or "outcome_items[2].content"
    message: str  # Chinese, names the field and says what to do
    english: str = ""  # the same in English for the English UI, where one is written

    def __str__(self) -> str:
        return self.message


class ValidationError(UserFacingError):
    """Raised by services when a record breaks a rule; carries every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        # The English summary only when every problem has its English text: half a list in
        # each language reads worse than one language.
        english = (
            "\n".join(p.english for p in problems)
            if problems and all(p.english for p in problems)
            else ""
        )
        super().__init__("\n".join(p.message for p in problems), english=english)


class LockedError(UserFacingError):
    """A locked record (archived or submitted) was about to be changed without unlocking."""


def archived_error(number: str) -> LockedError:
    """The consultation ``number`` is archived: it must be unlocked (with a reason) first."""
    return LockedError(
        f"{number} 已归档，是只读的。如需修改，请先解锁并填写原因。",
        english=f"{number} is archived and read-only. To change it, unlock it first and give "
        "a reason.",
    )


class ConflictError(UserFacingError):
    """The record was changed elsewhere after it was opened: saving would overwrite that."""

    def __init__(self, what: str, message: str | None = None, *, english: str = "") -> None:
        if message is None and not english:
            english = (
                "This record was changed elsewhere (another window, another computer or the "
                "command line) after you opened it. It was not saved, so those changes are not "
                "overwritten. Open the record again, then make your changes."
            )
        super().__init__(
            message
            or f"{what}在你打开之后已被另一处修改（另一个窗口、另一台电脑或命令行）。"
            "为了不覆盖那些修改，这次没有保存。请重新打开这条记录，再做修改。",
            english=english,
        )


def check_not_stale(stored_revision: int, opened_revision: int, what: str) -> None:
    """Optimistic locking: a record opened at one revision may only be saved over that revision."""
    if opened_revision and stored_revision != opened_revision:
        raise ConflictError(what)


def purge_due(deleted_at: datetime, now: datetime) -> bool:
    """Recycle-bin entries are purged automatically only after 30 days."""
    return now - deleted_at >= timedelta(days=RECYCLE_BIN_DAYS)


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,5})?$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−－﹣"})
_NAME_CHAR = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·・•"
_SPACE_IN_NAME = re.compile(rf"(?<=[{_NAME_CHAR}])\s+(?=[{_NAME_CHAR}])")


def _ascii_digits(text: str) -> str:
    """Full-width digits, letters, spaces and dashes as their ordinary forms (１３９ → 139)."""
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def normalise_phone(text: str) -> str:
    """A phone number as it is stored: a mobile as 11 digits (13900139000), a landline with one
    dash after the area code (0572-2345678, an extension after another dash). Full-width digits,
    spaces, dashes, brackets round the area code and a +86 prefix are taken out. Text that is
    no phone number comes back only trimmed, for validation to explain."""
    original = text.strip()
    cleaned = _ascii_digits(original).strip()
    cleaned = re.sub(r"^(\+\s*86|0086)[\s-]*", "", cleaned)
    cleaned = re.sub(r"^\((0\d{2,3})\)", r"\1-", cleaned)  # (0572)2345678
    if not re.fullmatch(r"[\d\s-]+", cleaned):
        return original
    parts = [p for p in re.split(r"[\s-]+", cleaned) if p]
    digits = "".join(parts)
    if _MOBILE.match(digits):
        return digits
    if not digits.startswith("0"):
        return original
    area_len = 3 if digits[1] in "12" else 4  # 010, 020–029 have three digits
    area, rest = digits[:area_len], digits[area_len:]
    if 7 <= len(rest) <= 8:
        return f"{area}-{rest}"
    if len(parts) >= 2 and 1 <= len(parts[-1]) <= 5:  # an extension, typed after a dash or space
        local = rest[: -len(parts[-1])]
        if 7 <= len(local) <= 8:
            return f"{area}-{local}-{parts[-1]}"
    return original


def normalise_name(text: str) -> str:
    """A person's name as it is stored: trimmed, without the spaces (full-width ones too) typed
    between Chinese characters ("张 三" → 张三); other runs of spaces become one ("Li  Ming")."""
    name = _SPACE_IN_NAME.sub("", text.strip())
    return re.sub(r"\s+", " ", name)


def normalise_code(text: str) -> str:
    """An archive code (全宗号, 机构代码) as stored: half-width, upper case, no spaces."""
    return re.sub(r"\s+", "", _ascii_digits(text)).upper()


def is_valid_phone(phone: str) -> bool:
    text = normalise_phone(phone)
    return bool(_MOBILE.match(text) or _LANDLINE.match(text))


def phone_problem(phone: str, label: str) -> str | None:
    """Why ``phone`` is no phone number (Chinese, naming the field ``label``); None when it is."""
    if not phone.strip() or is_valid_phone(phone):
        return None
    text = _ascii_digits(phone.strip())
    text = re.sub(r"^(\+\s*86|0086)[\s-]*", "", text)
    example = "请填写11位手机号（如 13800138000），或带区号的固定电话（如 0572-2345678）。"
    if re.search(r"[^\d\s()-]", text):
        return f"{label}只能包含数字（可以用空格或“-”分隔）：{example}"
    digits = re.sub(r"\D", "", text)
    if digits.startswith("1"):
        if len(digits) != 11:
            return f"{label}是{len(digits)}位数字，手机号应为11位，请核对。"
        return f"{label}不是有效的手机号（第二位应为3–9），请核对。"
    if digits.startswith("0"):
        return f"{label}的固定电话应为区号加7–8位号码，如 0572-2345678，请核对。"
    return (
        f"{label}格式不对：固定电话要带区号（如 0572-2345678），手机号应为11位（如 13800138000）。"
    )


EARLIEST_BIRTH_DATE = date(1900, 1, 1)


def is_valid_id_card(id_card: str, today: date | None = None) -> bool:
    """18-character resident ID (GB 11643): digits, a real birth date between 1900-01-01 and
    ``today`` (the current date unless given), and the check character."""
    text = id_card.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return False
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    if not EARLIEST_BIRTH_DATE <= birth <= (today or date.today()):
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == text[17]


def _required(value: str, field: str, label: str, problems: list[Problem]) -> None:
    if not value or not value.strip():
        problems.append(Problem(field, f"请填写{label}。"))


MAX_SHORT_NAME_LENGTH = 6
MIN_GROUP_NAME_LENGTH = 2
_CODE = re.compile(r"[A-Z0-9]{1,10}")


def normalise_group(group: LiaisonGroup) -> LiaisonGroup:
    """A copy of ``group`` as it is stored: names trimmed, codes in upper case, the phone in
    its standard form (``normalise_phone``)."""
    return replace(
        group,
        name=group.name.strip(),
        town=group.town.strip(),
        short_name=group.short_name.strip(),
        leader=normalise_name(group.leader),
        secretary=normalise_name(group.secretary),
        secretary_phone=normalise_phone(group.secretary_phone),
        fonds_code=normalise_code(group.fonds_code),
        org_code=normalise_code(group.org_code),
    )


def normalise_person(person: Person) -> Person:
    """A copy of ``person`` as it is stored: the name without stray spaces, the phone in its
    standard form, the ID number in upper case."""
    return replace(
        person,
        name=normalise_name(person.name),
        phone=normalise_phone(person.phone),
        id_card=person.id_card.strip().upper(),
    )


def validate_group(group: LiaisonGroup) -> list[Problem]:
    problems: list[Problem] = []
    _required(group.name, "name", "联络组名称", problems)
    if group.name.strip() and len(group.name.strip()) < MIN_GROUP_NAME_LENGTH:
        problems.append(Problem("name", "联络组名称太短：请写全称，至少2个字，如“织里镇联络组”。"))
    _required(group.town, "town", "所在镇/街道", problems)
    short = group.short_name.strip() or short_name_of(group.town)
    if short:
        where = "简称" if group.short_name.strip() else f"由所在镇/街道得出的简称“{short}”"
        if len(short) > MAX_SHORT_NAME_LENGTH:
            problems.append(
                Problem(
                    "short_name",
                    f"{where}太长：简称会写进活动编号（如 织里-2024-议-012），"
                    f"请填写不超过{MAX_SHORT_NAME_LENGTH}个字的简称，如“织里”。",
                )
            )
        if re.search(r"[\s\-－]", short):
            problems.append(
                Problem(
                    "short_name",
                    f"{where}不能含空格或“-”：简称会写进活动编号（如 织里-2024-议-012），"
                    "请只写地名，如“织里”。",
                )
            )
    if group.fonds_code.strip() and not _CODE.fullmatch(normalise_code(group.fonds_code)):
        problems.append(
            Problem(
                "fonds_code",
                "全宗号只能由字母和数字组成（1–10位，不含空格或“-”），"
                "请按档案馆给的全宗号填写，如 J012。",
            )
        )
    if group.org_code.strip() and not _CODE.fullmatch(normalise_code(group.org_code)):
        problems.append(
            Problem(
                "org_code",
                "机构代码只能由字母和数字组成（1–10位，不含空格或“-”），如 ZL。",
            )
        )
    problem = phone_problem(group.secretary_phone, "联络员电话")
    if problem:
        problems.append(Problem("secretary_phone", problem))
    return problems


def validate_person(person: Person, today: date | None = None) -> list[Problem]:
    problems: list[Problem] = []
    _required(person.name, "name", "姓名", problems)
    problem = phone_problem(person.phone, "联系电话")
    if problem:
        problems.append(Problem("phone", problem))
    if person.id_card and not is_valid_id_card(person.id_card, today):
        problems.append(
            Problem("id_card", "身份证号不正确：应为18位，最后一位可以是X，请核对后重新填写。")
        )
    return problems


def validate_outcome_item(
    item: OutcomeItem, today: date, prefix: str = "", label_prefix: str = ""
) -> list[Problem]:
    problems: list[Problem] = []
    if not item.content or not item.content.strip():
        problems.append(Problem(f"{prefix}content", f"请填写{label_prefix}意见建议的内容。"))
    if item.status is OutcomeStatus.UNSOLVED and not item.unsolved_reason.strip():
        problems.append(
            Problem(
                f"{prefix}unsolved_reason", f"{label_prefix}状态为“未解决”时，请填写未解决的原因。"
            )
        )
    if item.resolved_on and item.resolved_on > today:
        problems.append(Problem(f"{prefix}resolved_on", f"{label_prefix}解决日期不能晚于今天。"))
    if item.revisit_on and item.revisit_on > today:
        problems.append(Problem(f"{prefix}revisit_on", f"{label_prefix}回访日期不能晚于今天。"))
    return problems


def validate_consultation(consultation: Consultation, today: date) -> list[Problem]:
    c = consultation
    problems: list[Problem] = []
    if not isinstance(c.kind, ConsultationKind):
        problems.append(
            Problem(
                "kind",
                "请选择活动类型（民生议事堂协商或微协商）。",
                "Choose the kind of consultation (deliberation hall or micro-consultation).",
            )
        )
    _required(c.title, "title", "议题", problems)
    if len(c.title) > MAX_TITLE_LENGTH:
        problems.append(
            Problem("title", f"议题太长（{len(c.title)}字），请控制在{MAX_TITLE_LENGTH}字以内。")
        )
    _required(c.venue, "venue", "地点", problems)
    if c.group_id is None:
        problems.append(Problem("group_id", "请选择联络组。", "Choose a liaison group."))
    if c.held_on is None:
        problems.append(
            Problem("held_on", "请填写协商日期。", "Enter the date of the consultation.")
        )
    elif c.held_on > today and c.status is not ConsultationStatus.PLANNED:
        problems.append(
            Problem(
                "held_on", "协商日期在今天之后：尚未举行的活动请把状态设为“计划中”，或改正日期。"
            )
        )
    if c.start_time and c.end_time and c.end_time <= c.start_time:
        problems.append(
            Problem(
                "end_time", "结束时间应晚于开始时间。", "The end time must be after the start time."
            )
        )
    for i, p in enumerate(c.participants, start=1):
        if not p.name.strip():
            problems.append(Problem(f"participants[{i - 1}].name", f"第{i}位参加人员缺少姓名。"))
        if not p.attended and not p.absence_reason.strip():
            problems.append(
                Problem(
                    f"participants[{i - 1}].absence_reason",
                    f"{p.name or f'第{i}位参加人员'}缺席，请填写缺席原因。",
                )
            )
    for i, h in enumerate(c.head_counts, start=1):
        if h.count < 0:
            problems.append(Problem(f"head_counts[{i - 1}].count", f"第{i}行人数不能为负数。"))
    for i, s in enumerate(c.speeches, start=1):
        if not s.speaker.strip():
            problems.append(Problem(f"speeches[{i - 1}].speaker", f"第{i}条发言缺少发言人。"))
    for i, item in enumerate(c.outcome_items, start=1):
        problems += validate_outcome_item(
            item, today, prefix=f"outcome_items[{i - 1}].", label_prefix=f"第{i}条"
        )
    return problems


def validate_case(case: Case) -> list[Problem]:
    problems: list[Problem] = []
    _required(case.title, "title", "案例标题", problems)
    if case.group_id is None:
        problems.append(Problem("group_id", "请选择联络组。", "Choose a liaison group."))
    if not 2000 <= case.year <= 2100:
        problems.append(Problem("year", "年度应为四位年份，如 2024。"))
    return problems
