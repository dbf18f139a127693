"""Issue 4's promise, with a real crash: a child process killed with SIGKILL (as a power cut
would end it) while a form holds unsaved edits leaves a draft, and the next start offers those
edits back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from pytestqt.qtbot import QtBot

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.services import Services
from liaison_desk.ui.drafts_dialog import DraftsDialog
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.pages.consultations import ConsultationsPage
from liaison_desk.ui.tasks import wait_for_tasks

# The first run of the app: open a new hall session, type, let the 30-second timer keep the
# draft, type more, move the focus (which keeps it again), then die without any clean-up.
CRASHING_SESSION = textwrap.dedent(
    """
    import os, signal, sys
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    from liaison_desk.app import create_application, open_services
    from liaison_desk.config import MachineSettings
    from liaison_desk.ui.main_window import MainWindow
    from liaison_desk.ui.tasks import wait_for_tasks

    app = create_application(MachineSettings(), "zh_CN")
    db, services = open_services(sys.argv[1])
    window = MainWindow(services, "crash", None, offer_drafts_on_show=False)
    window.resize(1400, 900)
    window.show()
    window.show_page("hall")
    wait_for_tasks()
    page = window.pages["hall"]
    page.new_record()
    wait_for_tasks()  # the new record's checklist and defaults load off the GUI thread
    form = page.form

    def type_chinese(widget, text):
        # As the input method hands typed Chinese to the widget: one committed string.
        widget.setFocus()
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    type_chinese(form.facts.title, "织里镇童装产业园区停车难协商")
    type_chinese(form.texts.minutes, "与会人员逐一发言，建议增设临时停车场。")
    form._draft_timer.timeout.emit()  # the 30-second timer
    type_chinese(form.facts.venue, "织里镇民生议事堂")
    form.facts.host.setFocus()
    app.processEvents()
    form.keep_draft()
    print("killing", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_killed_process_leaves_its_unsaved_edits_to_be_offered_back(
    qtbot: QtBot, services: Services, group: LiaisonGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = subprocess.run(
        [sys.executable, "-c", CRASHING_SESSION, services.ctx.db.url],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert "killing" in run.stdout
    assert services.consultations.search().total == 0  # nothing was saved
    assert services.drafts.pending(), (run.stdout, run.stderr, services.drafts.folder)

    offered: list[str] = []

    def restore_first(dialog: DraftsDialog) -> int:
        offered.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        dialog.restore_selected()
        return 1

    monkeypatch.setattr(DraftsDialog, "exec", restore_first)
    window = MainWindow(services, "again")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    assert wait_for_tasks()
    qtbot.waitUntil(lambda: bool(offered), timeout=5000)
    assert "织里镇童装产业园区停车难协商" in offered[0]
    page = window.pages["hall"]
    assert isinstance(page, ConsultationsPage) and page.form_shown()
    form = page.form
    assert form.facts.title.text() == "织里镇童装产业园区停车难协商"
    assert form.facts.venue.text() == "织里镇民生议事堂"  # typed after the timer's draft
    assert form.texts.minutes.toPlainText() == "与会人员逐一发言，建议增设临时停车场。"
    assert page.has_unsaved_changes()
    # The window is closed after the test: the restored edits are dropped without asking.
    page.discard_unsaved()
    assert services.drafts.pending() == []
