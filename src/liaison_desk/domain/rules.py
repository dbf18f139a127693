"""Rules the app enforces (domain.md). Validation returns every problem at once, each naming the
field in Chinese, so a form can show all of them next to their fields before saving."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from liaison_desk.domain.entities import (
    Case,
    Consultation,
    LiaisonGroup,
    OutcomeItem,
    Person,
)
from liaison_desk.domain.enums import ConsultationKind, ConsultationStatus, OutcomeStatus

RECYCLE_BIN_DAYS = 30
MAX_TITLE_LENGTH = 200


@dataclass(frozen=True)
class Problem:
    field: str  # attribute path, e.g. "title" or "outcome_items[2].content"
    message: str  # Chinese, names the field and says what to do

    def __str__(self) -> str:
        return self.message


class ValidationError(Exception):
    """Raised by services when a record breaks a rule; carries every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.message for p in problems))


class LockedError(Exception):
    """A locked record (archived or submitted) was about to be changed without unlocking."""


class ConflictError(Exception):
    """The record was changed elsewhere after it was opened: saving would overwrite that."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what}在你打开之后已被修改（可能在另一个窗口或另一台电脑上）。"
            "为了不覆盖那些修改，这次没有保存。请重新打开这条记录，再做修改。"
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


def is_valid_phone(phone: str) -> bool:
    text = phone.strip().replace(" ", "")
    return bool(_MOBILE.match(text) or _LANDLINE.match(text))


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


def validate_group(group: LiaisonGroup) -> list[Problem]:
    problems: list[Problem] = []
    _required(group.name, "name", "联络组名称", problems)
    _required(group.town, "town", "所在镇/街道", problems)
    if group.secretary_phone and not is_valid_phone(group.secretary_phone):
        problems.append(
            Problem("secretary_phone", "联络员电话格式不对：请填写11位手机号或带区号的固定电话。")
        )
    return problems


def validate_person(person: Person, today: date | None = None) -> list[Problem]:
    problems: list[Problem] = []
    _required(person.name, "name", "姓名", problems)
    if person.phone and not is_valid_phone(person.phone):
        problems.append(
            Problem(
                "phone",
                "联系电话格式不对：请填写11位手机号，或带区号的固定电话（如 0572-2345678）。",
            )
        )
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
        problems.append(Problem("kind", "请选择活动类型（民生议事堂协商或微协商）。"))
    _required(c.title, "title", "议题", problems)
    if len(c.title) > MAX_TITLE_LENGTH:
        problems.append(
            Problem("title", f"议题太长（{len(c.title)}字），请控制在{MAX_TITLE_LENGTH}字以内。")
        )
    _required(c.venue, "venue", "地点", problems)
    if c.group_id is None:
        problems.append(Problem("group_id", "请选择联络组。"))
    if c.held_on is None:
        problems.append(Problem("held_on", "请填写协商日期。"))
    elif c.held_on > today and c.status is not ConsultationStatus.PLANNED:
        problems.append(
            Problem(
                "held_on", "协商日期在今天之后：尚未举行的活动请把状态设为“计划中”，或改正日期。"
            )
        )
    if c.start_time and c.end_time and c.end_time <= c.start_time:
        problems.append(Problem("end_time", "结束时间应晚于开始时间。"))
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
        problems.append(Problem("group_id", "请选择联络组。"))
    if not 2000 <= case.year <= 2100:
        problems.append(Problem("year", "年度应为四位年份，如 2024。"))
    return problems
