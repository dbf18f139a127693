"""Saving never overwrites a change made elsewhere, locked records stay locked whatever the way
in, and the reports of a past year are taken at that year's end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from helpers import jpeg
from liaison_desk.domain.entities import (
    Case,
    Consultation,
    LiaisonGroup,
    OutcomeItem,
    Person,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import (
    AuditAction,
    CaseStatus,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
)
from liaison_desk.domain.rules import ConflictError, LockedError
from liaison_desk.services import Services
from liaison_desk.storage import repositories

NewConsultation = Callable[..., Consultation]


def test_a_form_opened_before_another_save_cannot_overwrite_it(
    services: Services, new_consultation: NewConsultation
) -> None:
    saved = services.consultations.save(new_consultation())
    first_window = services.consultations.get(saved.id)
    second_window = services.consultations.get(saved.id)
    assert first_window is not None and second_window is not None
    first_window.title = "加装电梯（一）"
    services.consultations.save(first_window)
    second_window.venue = "别的地点"
    with pytest.raises(ConflictError, match="已被另一处修改"):
        services.consultations.save(second_window)
    stored = services.consultations.get(saved.id)
    assert stored is not None
    assert (stored.title, stored.venue) == ("加装电梯（一）", "织里镇民生议事堂")


def test_adding_a_photo_makes_an_open_form_stale_so_the_photo_is_not_dropped(
    services: Services, new_consultation: NewConsultation
) -> None:
    saved = services.consultations.save(new_consultation())
    open_form = services.consultations.get(saved.id)
    assert open_form is not None
    services.attachments.add(jpeg(size=(40, 30)), "现场.jpg", consultation_id=saved.id)
    open_form.title = "改了标题"
    with pytest.raises(ConflictError):
        services.consultations.save(open_form)
    stored = services.consultations.get(saved.id)
    assert stored is not None and [a.original_name for a in stored.attachments] == ["现场.jpg"]


def test_stale_people_and_cases_are_refused_too(services: Services, group: LiaisonGroup) -> None:
    person = services.people.save(Person(name="王芳", category=ParticipantCategory.RESIDENT))
    services.people.save(person)  # the saved object is current: fine
    with pytest.raises(ConflictError):
        services.people.save(person)  # now one revision behind
    case = services.cases.save(Case(group_id=group.id, year=2024, title="暖心餐"))
    services.cases.save(case)
    with pytest.raises(ConflictError):
        services.cases.save(case)


def test_photos_cannot_be_added_to_an_archived_consultation(
    services: Services, new_consultation: NewConsultation
) -> None:
    saved = services.consultations.save(new_consultation())
    services.consultations.archive(saved.id)
    with pytest.raises(LockedError, match="已归档"):
        services.attachments.add(jpeg(size=(40, 30)), "迟到的照片.jpg", consultation_id=saved.id)
    assert services.ctx.store is not None and services.ctx.store.all_hashes() == set()


def test_a_consultation_recorded_straight_into_the_archive_is_logged_as_locked(
    services: Services, new_consultation: NewConsultation
) -> None:
    saved = services.consultations.save(new_consultation(status=ConsultationStatus.ARCHIVED))
    with services.ctx.db.session() as s:
        actions = [e.action for e in repositories.list_audit(s, "consultation", saved.uuid)]
    assert actions == [AuditAction.CREATE, AuditAction.LOCK]


def test_a_district_wide_submission_has_no_group(services: Services, group: LiaisonGroup) -> None:
    case = services.cases.save(
        Case(group_id=group.id, year=2024, title="助力青年返乡", status=CaseStatus.FINAL)
    )
    sub = services.submissions.record(
        Submission(
            group_id=None,
            target="省政协“为民办实事”协商案例汇编",
            submitted_on=date(2024, 12, 20),
            cases=[SubmissionCase(case_id=case.id)],
        )
    )
    assert sub.group_id is None
    assert [s.target for s in services.submissions.all()] == [sub.target]


def test_overdue_of_a_past_year_is_counted_at_that_years_end(
    services: Services, new_consultation: NewConsultation, clock: object
) -> None:
    services.consultations.save(
        new_consultation(
            outcome_items=[
                OutcomeItem(content="年内到期", deadline=date(2024, 6, 30)),
                OutcomeItem(content="明年到期", deadline=date(2025, 3, 31)),
                OutcomeItem(
                    content="已解决", deadline=date(2024, 6, 30), status=OutcomeStatus.SOLVED
                ),
            ]
        )
    )
    clock.set(clock().replace(year=2026))  # type: ignore[attr-defined]
    assert services.statistics.year(2024).overdue == 1
