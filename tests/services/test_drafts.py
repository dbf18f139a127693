"""Drafts of open forms: kept, listed after a restart, loaded back exactly, discarded."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from liaison_desk.domain.entities import Case, Consultation, Participant
from liaison_desk.domain.enums import ConsultationKind, ParticipantCategory
from liaison_desk.services import ServiceContext, Services
from liaison_desk.services.drafts import DraftDamagedError, DraftService


def unsaved(services: Services, group_id: int) -> Consultation:
    c = services.consultations.new(ConsultationKind.HALL, group_id)
    c.title = "停车难协商"
    c.venue = "议事堂"
    c.participants = [Participant(name="李明", category=ParticipantCategory.MEMBER)]
    return c


def test_a_kept_draft_is_offered_after_a_restart_and_loads_back_equal(
    services: Services, group: object, tmp_path: Path
) -> None:
    drafts = DraftService(services.ctx, tmp_path / "drafts")
    record = unsaved(services, group.id)  # type: ignore[attr-defined]
    drafts.keep("consultation", record, "停车难协商")
    record.minutes = "后来又写了一段"
    drafts.keep("consultation", record, "停车难协商")

    # A new process: a fresh service over the same folder.
    again = DraftService(services.ctx, tmp_path / "drafts")
    (info,) = again.pending()
    assert (info.kind, info.key, info.record_id, info.title) == (
        "consultation",
        record.uuid,
        None,
        "停车难协商",
    )
    assert again.load(info) == record
    again.discard("consultation", record.uuid)
    assert again.pending() == []


def test_drafts_of_two_databases_never_mix(services: Services, group: object) -> None:
    record = unsaved(services, group.id)  # type: ignore[attr-defined]
    services.drafts.keep("consultation", record, "甲")
    other_db = SimpleNamespace(url="sqlite:////elsewhere/other.sqlite")
    other = DraftService(ServiceContext(other_db, None))  # type: ignore[arg-type]
    assert other.pending() == []
    assert [d.key for d in services.drafts.pending()] == [record.uuid]


def test_pending_filters_by_kind_and_skips_a_damaged_file(
    services: Services, tmp_path: Path
) -> None:
    drafts = DraftService(services.ctx, tmp_path)
    case = Case(group_id=None, year=2024, title="助力青年返乡", sections={"background": "起因"})
    drafts.keep("case", case, case.title)
    (tmp_path / "consultation-broken.json").write_text("{not json", encoding="utf-8")
    assert [d.kind for d in drafts.pending()] == ["case"]
    assert drafts.pending("consultation") == []
    assert drafts.load(drafts.pending("case")[0]) == case


def test_a_draft_that_no_longer_fits_says_so_in_chinese(
    services: Services, group: object, tmp_path: Path
) -> None:
    drafts = DraftService(services.ctx, tmp_path)
    record = unsaved(services, group.id)  # type: ignore[attr-defined]
    drafts.keep("consultation", record, "停车难协商")
    path = next(tmp_path.glob("*.json"))
    path.write_text(
        path.read_text(encoding="utf-8").replace('"held_on": "', '"held_on": "x'), encoding="utf-8"
    )
    with pytest.raises(DraftDamagedError, match="已损坏"):
        drafts.load(drafts.pending()[0])


def test_keeping_a_draft_leaves_no_temporary_file(
    services: Services, group: object, tmp_path: Path
) -> None:
    drafts = DraftService(services.ctx, tmp_path / "drafts")
    record = unsaved(services, group.id)  # type: ignore[attr-defined]
    record.held_on = date(2024, 6, 1)
    drafts.keep("consultation", record, "停车难协商")
    assert [p.suffix for p in (tmp_path / "drafts").iterdir()] == [".json"]


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe not utf-8",
        b"[" * 50_000 + b"]" * 50_000,
        b"[]",
        b'{"kind": ["case"], "record": {"uuid": "x"}, "saved_at": "2024-01-01T00:00:00"}',
        b'{"kind": "case", "record": [], "saved_at": "2024-01-01T00:00:00"}',
        b'{"kind": "case", "record": {"uuid": 5}, "saved_at": "2024-01-01T00:00:00"}',
        b'{"kind": "case", "record": {"uuid": "x"}, "saved_at": 5}',
        b'{"kind": "case", "record": {"uuid": "x"}, "saved_at": "yesterday"}',
    ],
    ids=[
        "not-json",
        "not-utf8",
        "deep",
        "list",
        "kind-list",
        "record-list",
        "uuid-number",
        "saved-at-number",
        "saved-at-text",
    ],
)
def test_a_damaged_draft_is_set_aside_with_a_log_line(
    services: Services, tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    drafts = DraftService(services.ctx, tmp_path)
    case = Case(group_id=None, year=2024, title="助力青年返乡", sections={"background": "起因"})
    drafts.keep("case", case, case.title)
    (tmp_path / "case-broken.json").write_bytes(content)
    assert [d.key for d in drafts.pending()] == [case.uuid]
    assert "setting aside damaged draft" in caplog.text
    assert (tmp_path / "case-broken.json.damaged").read_bytes() == content
    assert [d.key for d in drafts.pending()] == [case.uuid]  # not offered again


def test_a_huge_draft_is_set_aside_unread(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.services import drafts as drafts_module

    monkeypatch.setattr(drafts_module, "MAX_DRAFT_SIZE", 1024)
    drafts = DraftService(services.ctx, tmp_path)
    big = b'{"kind": "case", "title": "' + b"x" * 4096 + b'"}'
    (tmp_path / "case-big.json").write_bytes(big)
    assert drafts.pending() == []
    assert (tmp_path / "case-big.json.damaged").exists()
