"""How the UI names the domain's enumerations. In Chinese the domain's own labels (the words
printed on sheets); in English a name from this table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liaison_desk.domain import enums
from liaison_desk.domain.enums import Labelled
from liaison_desk.ui.i18n import current_language

_ENGLISH: dict[Labelled, str] = {
    enums.ConsultationKind.HALL: "Deliberation hall",
    enums.ConsultationKind.MICRO: "Micro-consultation",
    enums.TopicSource.RESIDENTS: "Raised by residents",
    enums.TopicSource.GRASSROOTS: "Chosen locally",
    enums.TopicSource.PARTY_GOVERNMENT: "Chosen by Party and government",
    enums.TopicSource.MEMBER: "Proposed by a member",
    enums.TopicSource.ONLINE: "Collected online",
    enums.TopicSource.PUBLIC_OPINION: "Public opinion report",
    enums.TopicSource.OTHER: "Other",
    enums.ConsultationStatus.PLANNED: "Planned",
    enums.ConsultationStatus.COMPLETED: "Completed",
    enums.ConsultationStatus.ARCHIVED: "Archived",
    enums.ParticipantCategory.MEMBER: "CPPCC member",
    enums.ParticipantCategory.TOWN_LEADER: "Town leader",
    enums.ParticipantCategory.DEPARTMENT_HEAD: "Department head",
    enums.ParticipantCategory.VILLAGE_CADRE: "Village cadre",
    enums.ParticipantCategory.RESIDENT: "Resident",
    enums.ParticipantCategory.EXPERT: "Expert / lawyer",
    enums.ParticipantCategory.OTHER: "Other",
    enums.CppccLevel.DISTRICT: "District",
    enums.CppccLevel.CITY: "City",
    enums.CppccLevel.PROVINCE: "Province",
    enums.CppccLevel.NATIONAL: "National",
    enums.OutcomeStatus.PENDING: "To assign",
    enums.OutcomeStatus.IN_PROGRESS: "In progress",
    enums.OutcomeStatus.SOLVED: "Solved",
    enums.OutcomeStatus.UNSOLVED: "Unsolved",
    enums.OutcomeStatus.NOT_ADOPTED: "Not adopted",
    enums.Satisfaction.SATISFIED: "Satisfied",
    enums.Satisfaction.MOSTLY_SATISFIED: "Mostly satisfied",
    enums.Satisfaction.DISSATISFIED: "Dissatisfied",
    enums.AttachmentKind.PHOTO: "Photo",
    enums.AttachmentKind.SIGNIN_SCAN: "Signed sign-in sheet",
    enums.AttachmentKind.REPLY_LETTER: "Reply letter",
    enums.AttachmentKind.OTHER: "Other",
    enums.CaseStatus.DRAFT: "Draft",
    enums.CaseStatus.FINAL: "Final",
    enums.CaseStatus.SUBMITTED: "Submitted",
    enums.CaseStatus.SELECTED: "Selected",
    enums.CaseStatus.RETURNED: "Returned",
    enums.RetentionPeriod.PERMANENT: "Permanent",
    enums.RetentionPeriod.YEARS_30: "30 years",
    enums.RetentionPeriod.YEARS_10: "10 years",
    enums.SubmissionResult.PENDING: "Awaiting result",
    enums.SubmissionResult.SELECTED: "Selected",
    enums.SubmissionResult.NOT_SELECTED: "Not selected",
    enums.SubmissionResult.RETURNED: "Returned for revision",
    enums.AuditAction.CREATE: "Created",
    enums.AuditAction.UPDATE: "Changed",
    enums.AuditAction.DELETE: "Moved to the recycle bin",
    enums.AuditAction.RESTORE: "Restored",
    enums.AuditAction.PURGE: "Deleted for good",
    enums.AuditAction.LOCK: "Locked",
    enums.AuditAction.UNLOCK: "Unlocked",
    enums.AuditAction.REVERT: "Restored an earlier version",
    enums.AuditAction.EXPORT: "Exported a records package",
    enums.AuditAction.IMPORT: "Imported a package",
    enums.AuditAction.UNDO_IMPORT: "Undid an import",
}


def label(member: Labelled) -> str:
    """The name of ``member`` in the current UI language."""
    if current_language() == "en":
        return _ENGLISH[member]
    return member.label


def english_label(member: Labelled) -> str:
    return _ENGLISH[member]


# The fields of a consultation by their names in the code, in the form's order (history and
# restore say which fields changed). Translated where shown (context "ConsultationField").
CONSULTATION_FIELDS: dict[str, str] = {
    "kind": str(QT_TRANSLATE_NOOP("ConsultationField", "Kind")),
    "number": str(QT_TRANSLATE_NOOP("ConsultationField", "No.")),
    "title": str(QT_TRANSLATE_NOOP("ConsultationField", "Topic")),
    "topic_source": str(QT_TRANSLATE_NOOP("ConsultationField", "Topic source")),
    "group_id": str(QT_TRANSLATE_NOOP("ConsultationField", "Liaison group")),
    "held_on": str(QT_TRANSLATE_NOOP("ConsultationField", "Date")),
    "start_time": str(QT_TRANSLATE_NOOP("ConsultationField", "Start time")),
    "end_time": str(QT_TRANSLATE_NOOP("ConsultationField", "End time")),
    "venue": str(QT_TRANSLATE_NOOP("ConsultationField", "Venue")),
    "host": str(QT_TRANSLATE_NOOP("ConsultationField", "Host")),
    "recorder": str(QT_TRANSLATE_NOOP("ConsultationField", "Recorder")),
    "status": str(QT_TRANSLATE_NOOP("ConsultationField", "Status")),
    "participants": str(QT_TRANSLATE_NOOP("ConsultationField", "Participants")),
    "head_counts": str(QT_TRANSLATE_NOOP("ConsultationField", "Head counts")),
    "agenda": str(QT_TRANSLATE_NOOP("ConsultationField", "Agenda")),
    "speeches": str(QT_TRANSLATE_NOOP("ConsultationField", "Speeches")),
    "minutes": str(QT_TRANSLATE_NOOP("ConsultationField", "Minutes")),
    "consensus": str(QT_TRANSLATE_NOOP("ConsultationField", "Consensus and outcomes")),
    "checklist": str(QT_TRANSLATE_NOOP("ConsultationField", "Procedure checklist")),
    "outcome_items": str(QT_TRANSLATE_NOOP("ConsultationField", "Outcome items")),
    "attachments": str(QT_TRANSLATE_NOOP("ConsultationField", "Photos and attachments")),
    "author": str(QT_TRANSLATE_NOOP("ConsultationField", "Entered by")),
}


def consultation_field_label(name: str) -> str:
    """The name of the consultation's field ``name`` in the current UI language (the code name
    itself for a field this table does not know)."""
    source = CONSULTATION_FIELDS.get(name)
    return QCoreApplication.translate("ConsultationField", source) if source else name


# Months as the month filter and the charts name them (context "Month"): 1月 … in Chinese.
MONTHS: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("Month", "Jan")),
    str(QT_TRANSLATE_NOOP("Month", "Feb")),
    str(QT_TRANSLATE_NOOP("Month", "Mar")),
    str(QT_TRANSLATE_NOOP("Month", "Apr")),
    str(QT_TRANSLATE_NOOP("Month", "May")),
    str(QT_TRANSLATE_NOOP("Month", "Jun")),
    str(QT_TRANSLATE_NOOP("Month", "Jul")),
    str(QT_TRANSLATE_NOOP("Month", "Aug")),
    str(QT_TRANSLATE_NOOP("Month", "Sep")),
    str(QT_TRANSLATE_NOOP("Month", "Oct")),
    str(QT_TRANSLATE_NOOP("Month", "Nov")),
    str(QT_TRANSLATE_NOOP("Month", "Dec")),
)


def month_name(month: int) -> str:
    """The short name of ``month`` (1–12) in the current UI language."""
    return QCoreApplication.translate("Month", MONTHS[month - 1])
