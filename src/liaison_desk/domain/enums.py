"""Enumerations of the domain. Stored by their English code; shown by their Chinese label."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Self, TypeVar

_LABELS: dict[type, dict[str, str]] = {}

E = TypeVar("E", bound="Labelled")


def _labels(**labels: str) -> Callable[[type[E]], type[E]]:
    """Attach the Chinese label of each member (by member name)."""

    def attach(cls: type[E]) -> type[E]:
        _LABELS[cls] = {cls[name].value: label for name, label in labels.items()}
        return cls

    return attach


class Labelled(StrEnum):
    """A code stored in the database with the Chinese label users see."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self.value]

    @classmethod
    def from_label(cls, label: str) -> Self:
        """The member whose Chinese label (or code) is ``label``; ValueError otherwise."""
        text = label.strip()
        for member in cls:
            if text in (member.label, member.value):
                return member
        raise ValueError(f"「{label}」不是有效的选项，可选：{'、'.join(m.label for m in cls)}")


@_labels(HALL="民生议事堂协商", MICRO="微协商")
class ConsultationKind(Labelled):
    HALL = "hall"
    MICRO = "micro"

    @property
    def number_code(self) -> str:
        """The character that marks the kind inside a 编号 (织里-2024-议-012)."""
        return "议" if self is ConsultationKind.HALL else "微"

    @property
    def short_label(self) -> str:
        return "民生议事堂" if self is ConsultationKind.HALL else "微协商"


@_labels(
    RESIDENTS="群众反映",
    GRASSROOTS="基层点题",
    PARTY_GOVERNMENT="党委政府点题",
    MEMBER="委员提出",
    ONLINE="线上征集(码上商)",
    PUBLIC_OPINION="社情民意",
    OTHER="其他",
)
class TopicSource(Labelled):
    RESIDENTS = "residents"
    GRASSROOTS = "grassroots"
    PARTY_GOVERNMENT = "party_government"
    MEMBER = "member"
    ONLINE = "online"
    PUBLIC_OPINION = "public_opinion"
    OTHER = "other"


@_labels(PLANNED="计划中", COMPLETED="已完成", ARCHIVED="已归档")
class ConsultationStatus(Labelled):
    PLANNED = "planned"
    COMPLETED = "completed"
    ARCHIVED = "archived"


@_labels(
    MEMBER="政协委员",
    TOWN_LEADER="镇街领导",
    DEPARTMENT_HEAD="部门负责人",
    VILLAGE_CADRE="村社干部",
    RESIDENT="群众代表",
    EXPERT="专家/律师",
    OTHER="其他",
)
class ParticipantCategory(Labelled):
    MEMBER = "member"
    TOWN_LEADER = "town_leader"
    DEPARTMENT_HEAD = "department_head"
    VILLAGE_CADRE = "village_cadre"
    RESIDENT = "resident"
    EXPERT = "expert"
    OTHER = "other"

    @property
    def is_resident(self) -> bool:
        """Residents' names are masked outside the app; members and officials keep theirs."""
        return self in (ParticipantCategory.RESIDENT, ParticipantCategory.OTHER)


@_labels(DISTRICT="区", CITY="市", PROVINCE="省", NATIONAL="全国")
class CppccLevel(Labelled):
    DISTRICT = "district"
    CITY = "city"
    PROVINCE = "province"
    NATIONAL = "national"


@_labels(
    PENDING="待交办",
    IN_PROGRESS="办理中",
    SOLVED="已解决",
    UNSOLVED="未解决",
    NOT_ADOPTED="不予采纳",
)
class OutcomeStatus(Labelled):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    SOLVED = "solved"
    UNSOLVED = "unsolved"
    NOT_ADOPTED = "not_adopted"

    @property
    def is_open(self) -> bool:
        """Still being worked on, so a deadline can be overdue."""
        return self in (OutcomeStatus.PENDING, OutcomeStatus.IN_PROGRESS)


@_labels(SATISFIED="满意", MOSTLY_SATISFIED="基本满意", DISSATISFIED="不满意")
class Satisfaction(Labelled):
    SATISFIED = "satisfied"
    MOSTLY_SATISFIED = "mostly_satisfied"
    DISSATISFIED = "dissatisfied"


@_labels(PHOTO="照片", SIGNIN_SCAN="签到表扫描件", REPLY_LETTER="反馈函", OTHER="其他")
class AttachmentKind(Labelled):
    PHOTO = "photo"
    SIGNIN_SCAN = "signin_scan"
    REPLY_LETTER = "reply_letter"
    OTHER = "other"


@_labels(DRAFT="草稿", FINAL="定稿", SUBMITTED="已报送", SELECTED="入选", RETURNED="退回")
class CaseStatus(Labelled):
    DRAFT = "draft"
    FINAL = "final"
    SUBMITTED = "submitted"
    SELECTED = "selected"
    RETURNED = "returned"

    @property
    def is_locked(self) -> bool:
        return self in (CaseStatus.SUBMITTED, CaseStatus.SELECTED)


@_labels(PERMANENT="永久", YEARS_30="定期30年", YEARS_10="定期10年")
class RetentionPeriod(Labelled):
    PERMANENT = "Y"
    YEARS_30 = "D30"
    YEARS_10 = "D10"


@_labels(PENDING="待反馈", SELECTED="入选", NOT_SELECTED="未入选", RETURNED="退回修改")
class SubmissionResult(Labelled):
    PENDING = "pending"
    SELECTED = "selected"
    NOT_SELECTED = "not_selected"
    RETURNED = "returned"


@_labels(
    CREATE="新建",
    UPDATE="修改",
    DELETE="删除到回收站",
    RESTORE="从回收站恢复",
    PURGE="彻底删除",
    LOCK="锁定",
    UNLOCK="解锁",
    REVERT="恢复历史版本",
    EXPORT="导出报送数据包",
    IMPORT="导入报送包",
    UNDO_IMPORT="撤销导入",
)
class AuditAction(Labelled):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    PURGE = "purge"
    LOCK = "lock"
    UNLOCK = "unlock"
    REVERT = "revert"  # a consultation's own fields put back as they were at an earlier revision
    EXPORT = "export"  # a records package written (the masking choice in its summary)
    IMPORT = "import"  # a records package merged in
    UNDO_IMPORT = "undo_import"
