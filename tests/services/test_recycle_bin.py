"""The recycle bin (回收站): delete hides, restore brings back, purge only what is in the bin,
automatic purge after 30 days, and stored photos removed only when nothing refers to them."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from helpers import jpeg
from liaison_desk.domain.entities import (
    Case,
    Consultation,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Person,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import (
    AuditAction,
    CaseStatus,
    ParticipantCategory,
    SubmissionResult,
)
from liaison_desk.domain.queries import CaseFilter, ConsultationFilter, OutcomeFilter
from liaison_desk.domain.rules import LockedError
from liaison_desk.services import Services
from liaison_desk.storage import repositories
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.models import AttachmentRow, OutcomeItemRow, ParticipantRow

NewConsultation = Callable[..., Consultation]


def png(color: tuple[int, int, int], size: tuple[int, int] = (48, 32)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def rows(services: Services, table: type) -> int:
    with services.ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def actions(services: Services, entity_type: str, uuid: str) -> list[AuditAction]:
    with services.ctx.db.session() as s:
        return [e.action for e in repositories.list_audit(s, entity_type, uuid)]


def search_ids(services: Services) -> list[int]:
    return [c.id for c in services.consultations.search().items]


# --- delete and restore -------------------------------------------------------------------------


def test_a_deleted_consultation_leaves_the_lists_and_comes_back_on_restore(
    services: Services, new_consultation: NewConsultation, clock: Any
) -> None:
    c = services.consultations.save(new_consultation(outcome_items=[OutcomeItem(content="修路")]))
    cid: int = c.id
    clock.advance(hours=1)
    services.recycle_bin.delete("consultation", cid)

    assert search_ids(services) == []
    assert services.consultations.search(ConsultationFilter(text="电梯")).total == 0
    assert services.consultations.search_outcome_items(OutcomeFilter()).total == 0
    assert services.statistics.year(2024).hall_sessions == 0
    (entry,) = services.recycle_bin.entries()
    assert (entry.entity_type, entry.id, entry.uuid) == ("consultation", cid, c.uuid)
    assert entry.title == "织里-2024-议-001 老旧小区加装电梯"
    assert entry.deleted_at == clock()
    stored = services.consultations.get(cid)
    assert stored is not None and stored.is_deleted and stored.revision == 2

    services.recycle_bin.restore("consultation", cid)
    assert search_ids(services) == [cid]
    assert services.recycle_bin.entries() == []
    assert services.consultations.search_outcome_items(OutcomeFilter()).total == 1
    assert services.statistics.year(2024).hall_sessions == 1
    assert actions(services, "consultation", c.uuid) == [
        AuditAction.CREATE,
        AuditAction.DELETE,
        AuditAction.RESTORE,
    ]


def test_people_cases_and_groups_go_to_the_bin_and_back(
    services: Services, group: LiaisonGroup
) -> None:
    person = services.people.save(Person(name="张三", category=ParticipantCategory.RESIDENT))
    case = services.cases.save(Case(group_id=group.id, year=2024, title="助力青年返乡"))
    other = services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))

    services.recycle_bin.delete("person", person.id)
    services.recycle_bin.delete("case", case.id)
    services.recycle_bin.delete("group", other.id)
    assert services.people.search().total == 0
    assert services.cases.search(CaseFilter()).total == 0
    assert [g.name for g in services.groups.all()] == ["织里镇联络组"]
    assert {(e.entity_type, e.title) for e in services.recycle_bin.entries()} == {
        ("person", "张三"),
        ("case", "助力青年返乡"),
        ("group", "埭溪镇联络组"),
    }

    for entry in services.recycle_bin.entries():
        services.recycle_bin.restore(entry.entity_type, entry.id)
    assert services.people.search().total == 1
    assert services.cases.search(CaseFilter()).total == 1
    assert len(services.groups.all()) == 2
    assert services.recycle_bin.entries() == []


def test_locked_records_cannot_be_deleted(
    services: Services, group: LiaisonGroup, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation())
    services.consultations.archive(c.id)
    with pytest.raises(LockedError) as exc:
        services.recycle_bin.delete("consultation", c.id)
    assert "织里-2024-议-001" in str(exc.value)
    case = services.cases.save(
        Case(group_id=group.id, year=2024, title="案例", status=CaseStatus.FINAL)
    )
    services.submissions.record(
        Submission(
            group_id=group.id,
            target="市政协",
            submitted_on=date(2024, 12, 1),
            cases=[SubmissionCase(case_id=case.id)],
        )
    )
    with pytest.raises(LockedError):
        services.recycle_bin.delete("case", case.id)
    assert services.recycle_bin.entries() == []
    assert search_ids(services) == [c.id]


def test_an_item_of_an_archived_consultation_cannot_be_deleted(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation(outcome_items=[OutcomeItem(content="修路")]))
    services.consultations.archive(c.id)
    with pytest.raises(LockedError):
        services.recycle_bin.delete("outcome_item", c.outcome_items[0].id)


def test_unknown_records_and_types(services: Services) -> None:
    with pytest.raises(KeyError):
        services.recycle_bin.delete("consultation", 999)
    with pytest.raises(KeyError):
        services.recycle_bin.restore("person", 999)
    with pytest.raises(ValueError):
        services.recycle_bin.delete("no_such_type", 1)


# --- purge --------------------------------------------------------------------------------------


def test_only_what_is_in_the_bin_can_be_purged(
    services: Services, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(
        new_consultation(
            participants=[Participant(name="张三", category=ParticipantCategory.RESIDENT)],
            outcome_items=[OutcomeItem(content="修路")],
        )
    )
    with pytest.raises(ValueError) as exc:
        services.recycle_bin.purge("consultation", c.id)
    assert "回收站" in str(exc.value)
    assert search_ids(services) == [c.id]

    services.recycle_bin.delete("consultation", c.id)
    services.recycle_bin.purge("consultation", c.id)
    assert services.consultations.get(c.id) is None
    assert services.recycle_bin.entries() == []
    # Its parts went with it; the audit log remembers the purge.
    assert rows(services, ParticipantRow) == 0
    assert rows(services, OutcomeItemRow) == 0
    assert actions(services, "consultation", c.uuid)[-1] is AuditAction.PURGE
    with pytest.raises(KeyError):
        services.recycle_bin.purge("consultation", c.id)


def test_automatic_purge_waits_thirty_days(
    services: Services, new_consultation: NewConsultation, clock: Any
) -> None:
    c = services.consultations.save(new_consultation())
    services.recycle_bin.delete("consultation", c.id)
    deleted_at = clock()

    clock.set(deleted_at + timedelta(days=29, hours=23, minutes=59))
    assert services.recycle_bin.purge_expired() == 0
    assert [e.id for e in services.recycle_bin.entries()] == [c.id]

    clock.set(deleted_at + timedelta(days=30))
    assert services.recycle_bin.purge_expired() == 1
    assert services.recycle_bin.entries() == []
    assert services.consultations.get(c.id) is None


def test_automatic_purge_takes_only_the_expired_entries(
    services: Services, new_consultation: NewConsultation, clock: Any
) -> None:
    old = services.consultations.save(new_consultation(title="早删的"))
    recent = services.consultations.save(new_consultation(title="晚删的"))
    services.recycle_bin.delete("consultation", old.id)
    clock.advance(days=10)
    services.recycle_bin.delete("consultation", recent.id)
    clock.advance(days=20)
    assert services.recycle_bin.purge_expired() == 1
    assert [e.id for e in services.recycle_bin.entries()] == [recent.id]
    # An explicit moment can be given too.
    assert services.recycle_bin.purge_expired(now=clock() + timedelta(days=10)) == 1
    assert services.recycle_bin.entries() == []


def test_automatic_purge_of_a_consultation_and_its_earlier_deleted_item(
    services: Services, new_consultation: NewConsultation, clock: Any
) -> None:
    c = services.consultations.save(
        new_consultation(outcome_items=[OutcomeItem(content="修路"), OutcomeItem(content="路灯")])
    )
    services.recycle_bin.delete("outcome_item", c.outcome_items[0].id)
    clock.advance(hours=1)
    services.recycle_bin.delete("consultation", c.id)
    clock.advance(days=31)
    services.recycle_bin.purge_expired()
    assert services.recycle_bin.entries() == []


@pytest.mark.parametrize("referenced", ["person", "case", "group"])
def test_automatic_purge_survives_records_that_others_still_refer_to(
    services: Services,
    group: LiaisonGroup,
    new_consultation: NewConsultation,
    clock: Any,
    referenced: str,
) -> None:
    unrelated = services.consultations.save(new_consultation(title="无关的活动"))
    services.recycle_bin.delete("consultation", unrelated.id)
    clock.advance(minutes=1)
    if referenced == "person":
        p = services.people.save(Person(name="李委员", category=ParticipantCategory.MEMBER))
        services.consultations.save(
            new_consultation(
                participants=[
                    Participant(name="李委员", category=ParticipantCategory.MEMBER, person_id=p.id)
                ]
            )
        )
        record_id = p.id
    elif referenced == "case":
        case = services.cases.save(
            Case(group_id=group.id, year=2024, title="退回的案例", status=CaseStatus.FINAL)
        )
        sub = services.submissions.record(
            Submission(
                group_id=group.id,
                target="市政协",
                submitted_on=date(2024, 12, 1),
                cases=[SubmissionCase(case_id=case.id)],
            )
        )
        services.submissions.set_result(sub.id, case.id, SubmissionResult.RETURNED)
        record_id = case.id
    else:
        other = services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))
        services.consultations.save(new_consultation(group_id=other.id, title="暖心餐"))
        record_id = other.id
    if referenced == "group":
        # A group that still has records cannot even go to the recycle bin: its consultations
        # would otherwise stay visible under a deleted group.
        with pytest.raises(LockedError, match="埭溪镇联络组"):
            services.recycle_bin.delete(referenced, record_id)
    else:
        services.recycle_bin.delete(referenced, record_id)
    clock.advance(days=31)

    services.recycle_bin.purge_expired()
    assert services.consultations.get(unrelated.id) is None
    if referenced == "person":
        # Purged from the roster; the consultation keeps the participant's name.
        assert services.people.get(record_id) is None
        kept = [c for c in services.consultations.search().items if c.title != "无关的活动"]
        full = services.consultations.get(kept[0].id)
        assert full is not None and full.participants[0].name == "李委员"
        assert full.participants[0].person_id is None
    if referenced == "case":
        # Still needed by the submission ledger: kept in the recycle bin.
        assert [e.id for e in services.recycle_bin.entries() if e.entity_type == "case"] == [
            record_id
        ]


# --- stored files -------------------------------------------------------------------------------


def test_purging_removes_photos_nothing_else_refers_to(
    services: Services, store: AttachmentStore, new_consultation: NewConsultation
) -> None:
    a = services.consultations.save(new_consultation(title="加装电梯"))
    b = services.consultations.save(new_consultation(title="停车难"))
    own = services.attachments.add(png((200, 30, 30)), "现场.png", consultation_id=a.id)
    shared = services.attachments.add(jpeg((30, 30, 200)), "合影.jpg", consultation_id=a.id)
    again = services.attachments.add(jpeg((30, 30, 200)), "合影.jpg", consultation_id=b.id)
    assert shared.sha256 == again.sha256 != own.sha256
    assert store.all_hashes() == {own.sha256, shared.sha256}
    assert [x.original_name for x in services.consultations.get(a.id).attachments] == [
        "现场.png",
        "合影.jpg",
    ]

    services.recycle_bin.delete("consultation", a.id)
    assert store.exists(own.sha256)  # still restorable from the bin
    services.recycle_bin.purge("consultation", a.id)

    assert not store.exists(own.sha256)
    assert store.exists(shared.sha256)
    assert store.open_bytes(shared.sha256)  # b's photo still opens
    assert rows(services, AttachmentRow) == 1
    (kept,) = services.consultations.get(b.id).attachments
    assert kept.sha256 == shared.sha256


def test_a_photo_in_the_bin_keeps_its_file_until_purged(
    services: Services, store: AttachmentStore, new_consultation: NewConsultation
) -> None:
    c = services.consultations.save(new_consultation())
    photo = services.attachments.add(png((10, 120, 10)), "签到表.png", consultation_id=c.id)
    services.recycle_bin.delete("attachment", photo.id)
    assert services.consultations.get(c.id).attachments == []
    assert store.exists(photo.sha256)
    assert [e.title for e in services.recycle_bin.entries()] == ["签到表.png"]

    services.recycle_bin.restore("attachment", photo.id)
    assert len(services.consultations.get(c.id).attachments) == 1

    services.recycle_bin.delete("attachment", photo.id)
    services.recycle_bin.purge("attachment", photo.id)
    assert not store.exists(photo.sha256)
    assert store.all_hashes() == set()


def test_a_file_stored_for_a_form_not_yet_saved_survives_a_purge(
    services: Services, store: AttachmentStore, new_consultation: NewConsultation
) -> None:
    """The photo panel stores files as they are added and the form refers to them only when it
    saves; purging something else meanwhile must not take them."""
    gone = services.consultations.save(new_consultation(title="加装电梯"))
    old_photo = services.attachments.add(png((200, 30, 30)), "旧照片.png", consultation_id=gone.id)
    waiting = services.attachments.store_file(jpeg((30, 200, 30)), "新照片.jpg")
    services.recycle_bin.delete("consultation", gone.id)
    services.recycle_bin.purge("consultation", gone.id)

    assert not store.exists(old_photo.sha256)
    assert store.exists(waiting.sha256)
    open_form = new_consultation(title="停车难")
    open_form.attachments = [waiting]
    saved = services.consultations.save(open_form)
    assert store.open_bytes(saved.attachments[0].sha256)
