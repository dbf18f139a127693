"""Procedure checklists. The district's own texts are not public: these are neutral defaults the
office can rename, reorder and extend in Settings."""

from __future__ import annotations

from liaison_desk.domain.entities import ChecklistStep, ProcedureTemplate
from liaison_desk.domain.enums import ConsultationKind

DEFAULT_HALL_STEPS: tuple[str, ...] = (
    "征集议题",
    "审定议题",
    "调研准备",
    "发布公告",
    "协商议事",
    "形成成果",
    "交办转化",
    "跟踪问效",
)

DEFAULT_MICRO_STEPS: tuple[str, ...] = ("有议题", "有调研", "有协商", "有记录", "有成果", "有反馈")


def default_template(kind: ConsultationKind) -> ProcedureTemplate:
    steps = DEFAULT_HALL_STEPS if kind is ConsultationKind.HALL else DEFAULT_MICRO_STEPS
    return ProcedureTemplate(kind=kind, steps=list(steps))


def checklist_from(template: ProcedureTemplate) -> list[ChecklistStep]:
    """A consultation's own copy: later template edits never rewrite it."""
    return [ChecklistStep(name=step) for step in template.steps]
