"""Enumerations of the domain. Stored by their English code; shown by their Chinese label."""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    """A code stored in the database with the Chinese label users see."""

    label: str

    def __new__(cls, code: str, label: str) -> _Labelled:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    @classmethod
    def from_label(cls, label: str) -> _Labelled:
        """The member whose Chinese label (or code) is ``label``; ValueError otherwise."""
        text = label.strip()
        for member in cls:
            if text in (member.label, member.value):
                return member
        raise ValueError(f"「{label}」不是有效的选项，可选：{'、'.join(m.label for m in cls)}")


class ConsultationKind(_Labelled):
    HALL = "hall", "民生议事堂协商"
    MICRO = "micro", "微协商"

    @property
    def number_code(self) -> str:
        """The character that marks the kind inside a 编号 (织里-2024-议-012)."""
        return "议" if self is ConsultationKind.HALL else "微"

    @property
    def short_label(self) -> str:
        return "民生议事堂" if self is ConsultationKind.HALL else "微协商"


class TopicSource(_Labelled):
    RESIDENTS = "residents", "群众反映"
    GRASSROOTS = "grassroots", "基层点题"
    PARTY_GOVERNMENT = "party_government", "党委政府点题"
    MEMBER = "member", "委员提出"
    ONLINE = "online", "线上征集(码上商)"
    PUBLIC_OPINION = "public_opinion", "社情民意"
    OTHER = "other", "其他"


class ConsultationStatus(_Labelled):
    PLANNED = "planned", "计划中"
    COMPLETED = "completed", "已完成"
    ARCHIVED = "archived", "已归档"


class ParticipantCategory(_Labelled):
    MEMBER = "member", "政协委员"
    TOWN_LEADER = "town_leader", "镇街领导"
    DEPARTMENT_HEAD = "department_head", "部门负责人"
    VILLAGE_CADRE = "village_cadre", "村社干部"
    RESIDENT = "resident", "群众代表"
    EXPERT = "expert", "专家/律师"
    OTHER = "other", "其他"

    @property
    def is_resident(self) -> bool:
        """Residents' names are masked outside the app; members and officials keep theirs."""
        return self in (ParticipantCategory.RESIDENT, ParticipantCategory.OTHER)


class CppccLevel(_Labelled):
    DISTRICT = "district", "区"
    CITY = "city", "市"
    PROVINCE = "province", "省"
    NATIONAL = "national", "全国"


class OutcomeStatus(_Labelled):
    PENDING = "pending", "待交办"
    IN_PROGRESS = "in_progress", "办理中"
    SOLVED = "solved", "已解决"
    UNSOLVED = "unsolved", "未解决"
    NOT_ADOPTED = "not_adopted", "不予采纳"

    @property
    def is_open(self) -> bool:
        """Still being worked on, so a deadline can be overdue."""
        return self in (OutcomeStatus.PENDING, OutcomeStatus.IN_PROGRESS)


class Satisfaction(_Labelled):
    SATISFIED = "satisfied", "满意"
    MOSTLY_SATISFIED = "mostly_satisfied", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


class AttachmentKind(_Labelled):
    PHOTO = "photo", "照片"
    SIGNIN_SCAN = "signin_scan", "签到表扫描件"
    REPLY_LETTER = "reply_letter", "反馈函"
    OTHER = "other", "其他"


class CaseStatus(_Labelled):
    DRAFT = "draft", "草稿"
    FINAL = "final", "定稿"
    SUBMITTED = "submitted", "已报送"
    SELECTED = "selected", "入选"
    RETURNED = "returned", "退回"

    @property
    def is_locked(self) -> bool:
        return self in (CaseStatus.SUBMITTED, CaseStatus.SELECTED)


class RetentionPeriod(_Labelled):
    PERMANENT = "Y", "永久"
    YEARS_30 = "D30", "定期30年"
    YEARS_10 = "D10", "定期10年"


class SubmissionResult(_Labelled):
    PENDING = "pending", "待反馈"
    SELECTED = "selected", "入选"
    NOT_SELECTED = "not_selected", "未入选"
    RETURNED = "returned", "退回修改"


class AuditAction(_Labelled):
    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除到回收站"
    RESTORE = "restore", "从回收站恢复"
    PURGE = "purge", "彻底删除"
    LOCK = "lock", "锁定"
    UNLOCK = "unlock", "解锁"
