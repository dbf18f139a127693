"""A consultation's history: what the detail pane shows about who archived or unlocked it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from liaison_desk.domain.entities import Consultation
from liaison_desk.domain.enums import AuditAction
from liaison_desk.services import Services


def test_history_lists_creation_archiving_and_unlocking_with_the_reason(
    services: Services, new_consultation: Callable[..., Consultation], clock: Any
) -> None:
    saved = services.consultations.save(new_consultation())
    clock.advance(days=1)
    services.consultations.archive(saved.id or 0)
    clock.advance(days=1)
    services.consultations.unlock(saved.id or 0, "补录照片")

    history = services.consultations.history(saved.id or 0)

    assert [e.action for e in history] == [AuditAction.CREATE, AuditAction.LOCK, AuditAction.UNLOCK]
    assert history[1].at.date() == date(2025, 1, 1)
    assert history[2].reason == "补录照片"
    assert {e.actor for e in history} == {services.ctx.actor}


def test_history_of_another_record_or_an_unknown_id_is_separate(
    services: Services, new_consultation: Callable[..., Consultation]
) -> None:
    first = services.consultations.save(new_consultation())
    second = services.consultations.save(new_consultation(title="楼道堆物清理"))
    services.consultations.archive(first.id or 0)

    assert [e.action for e in services.consultations.history(second.id or 0)] == [
        AuditAction.CREATE
    ]
    assert services.consultations.history(999_999) == []
