"""Two PCs of a district office on one PostgreSQL database (issue 17, done-when): each PC's
window shows what the other saves without a restart, within the polling interval, and both
show every photo, read from the database (not from the other PC's folder).

Each "PC" is what the app builds on a PC: its own ``Database`` (its own connections), its own
data folder (the attachment cache) and its own ``MainWindow``. The server is the throw-away
cluster of ``tests/pg_cluster.py`` (skipped where PostgreSQL is not installed)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import pg_cluster
from helpers import jpeg
from liaison_desk.domain.entities import LiaisonGroup, OutcomeItem, Participant, Speech
from liaison_desk.domain.enums import ConsultationKind, ParticipantCategory, Satisfaction
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.database import Database
from liaison_desk.storage.server_store import ServerAttachmentStore, attachment_store
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.pages.outcomes import OutcomesPage
from liaison_desk.ui.tasks import wait_for_tasks

pg_url = pg_cluster.pg_url
#: The window asks every 2 s; a change must show by the next tick or two (the lists reload in a
#: worker). Generous for a loaded CI machine, and never a sleep: waitUntil returns at once.
SEEN_WITHIN_MS = 15_000


@dataclass
class PC:
    folder: Path  # this PC's data folder
    db: Database
    services: Services
    window: MainWindow

    @property
    def hall(self) -> ConsultationsPage:
        page = self.window.pages["hall"]
        assert isinstance(page, ConsultationsPage)
        return page


@pytest.fixture
def server(pg_url: str) -> str:
    return pg_cluster.fresh_database(pg_url, "two_pcs")


@pytest.fixture
def two_pcs(qtbot: QtBot, server: str, tmp_path: Path) -> Iterator[tuple[PC, PC]]:
    pcs: list[PC] = []
    for name in ("PC-A", "PC-B"):
        folder = tmp_path / name
        folder.mkdir()
        db = Database.open(server)
        services = Services(ServiceContext(db, attachment_store(db, folder)))
        if not pcs:
            services.groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
        window = MainWindow(services, name)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        window.show_page("hall")
        assert wait_for_tasks()
        pcs.append(PC(folder, db, services, window))
    yield pcs[0], pcs[1]
    for pc in pcs:
        pc.window.change_timer.stop()
    assert wait_for_tasks()
    for pc in pcs:
        pc.window.close()
        pc.db.close()


def titles(page: ConsultationsPage) -> list[str]:
    return sorted(r.title for r in page.model.rows())


def test_two_windows_on_two_pcs_see_each_others_records_and_photos(
    qtbot: QtBot, two_pcs: tuple[PC, PC]
) -> None:
    a, b = two_pcs
    assert isinstance(a.services.ctx.store, ServerAttachmentStore)
    assert titles(a.hall) == titles(b.hall) == []

    # A records a hall session; B's open list shows it, nobody presses F5.
    group = a.services.groups.all()[0]
    c = a.services.consultations.new(ConsultationKind.HALL, group.id)
    c.title, c.held_on, c.venue = "背街小巷路灯不亮", date.today(), "织里镇民生议事堂"
    c.participants = [Participant(name="沈建国", category=ParticipantCategory.RESIDENT)]
    c.outcome_items = [OutcomeItem(content="增设路灯12盏", responsible_body="镇城建办")]
    saved = a.services.consultations.save(c)
    assert saved.id is not None
    qtbot.waitUntil(lambda: titles(b.hall) == ["背街小巷路灯不亮"], timeout=SEEN_WITHIN_MS)

    # B edits it; A's open list shows the change.
    at_b = b.services.consultations.get(saved.id)
    assert at_b is not None
    at_b.title = "背街小巷路灯不亮（已复核）"
    b.services.consultations.save(at_b)
    qtbot.waitUntil(
        lambda: titles(a.hall) == ["背街小巷路灯不亮（已复核）"], timeout=SEEN_WITHIN_MS
    )

    # A photo added at A shows at B, fetched from the database: A's copy is gone from A's
    # folder, and B's folder does not have it until B's window reads it from the server.
    photo = a.services.attachments.add(jpeg((20, 160, 60)), "路灯.jpg", consultation_id=saved.id)
    shutil.rmtree(a.folder)
    b_store = b.services.ctx.store
    assert isinstance(b_store, ServerAttachmentStore)
    assert not b_store.cached_path(photo.sha256).exists()
    qtbot.waitUntil(lambda: b.hall.model.rows() != [], timeout=SEEN_WITHIN_MS)
    b.window.show_page("hall")
    b.hall.table.selectRow(0)
    qtbot.waitUntil(lambda: b.hall.detail.photos.count() == 1, timeout=SEEN_WITHIN_MS)
    item = b.hall.detail.photos.item(0)
    assert item.text() == "路灯.jpg"
    assert "missing" not in item.toolTip() and "缺" not in item.toolTip()
    assert b_store.cached_path(photo.sha256).is_file()  # fetched into B's own cache
    assert str(b.folder) in str(b_store.cached_path(photo.sha256))


def test_a_follow_up_a_speech_and_a_deletion_elsewhere_are_seen(
    qtbot: QtBot, two_pcs: tuple[PC, PC]
) -> None:
    a, b = two_pcs
    group = a.services.groups.all()[0]
    c = a.services.consultations.new(ConsultationKind.HALL, group.id)
    c.title, c.held_on, c.venue = "停车难", date.today(), "织里镇民生议事堂"
    c.outcome_items = [OutcomeItem(content="划定临时停车位", responsible_body="镇城建办")]
    saved = a.services.consultations.save(c)
    assert saved.id is not None
    qtbot.waitUntil(lambda: titles(b.hall) == ["停车难"], timeout=SEEN_WITHIN_MS)

    # A follow-up (回头看) recorded at B shows in A's list of outcome items.
    a.window.show_page("outcomes")
    outcomes = a.window.pages["outcomes"]
    assert isinstance(outcomes, OutcomesPage)
    assert wait_for_tasks()
    [item] = [r.item for r in outcomes.model.rows() if r.item.content == "划定临时停车位"]
    assert item.revisit_on is None and item.id is not None
    b.services.consultations.record_revisit(
        item.id, date.today(), "车位已划好", Satisfaction.SATISFIED
    )
    qtbot.waitUntil(
        lambda: [r.item.revisit_on for r in outcomes.model.rows()] == [date.today()],
        timeout=SEEN_WITHIN_MS,
    )

    # A speech added at A shows in B's detail pane once B's list has reloaded.
    a.window.show_page("hall")
    b.hall.table.selectRow(0)
    assert wait_for_tasks()
    at_a = a.services.consultations.get(saved.id)
    assert at_a is not None
    at_a.speeches = [Speech(speaker="钱委员", content="建议错时共享机关停车场")]
    a.services.consultations.save(at_a)
    qtbot.waitUntil(
        lambda: "错时共享机关停车场" in b.hall.detail.text.toPlainText(),
        timeout=SEEN_WITHIN_MS,
    )

    # Purged at B (recycle bin, then for good): gone from A's list.
    b.services.recycle_bin.delete("consultation", saved.id)
    b.services.recycle_bin.purge("consultation", saved.id)
    qtbot.waitUntil(lambda: titles(a.hall) == [], timeout=SEEN_WITHIN_MS)
