"""The history tab of a consultation: every audit entry (when, who, what was done, which fields
changed from what to what, and why), and restoring an earlier revision.

The consultation form embeds it::

    self.history = HistoryView(services, self)
    self.history.restored.connect(self.load)       # the record as restored: reload the form
    self.history.before_restore = self.may_discard  # optional: False keeps the form's edits
    self.history.show_history(consultation.id)      # loads off the GUI thread

A restore puts back the record's own fields (basic facts, participants, head counts, agenda,
speeches, minutes, consensus, checklist: ``services.consultations.RESTORED_FIELDS``) and is saved
as a new revision, so it can be undone the same way. Outcome items and photos/attachments keep
their own history and are not rolled back. An archived record is read-only: restore is disabled
until it is unlocked (``ask_unlock_reason`` asks for the reason the unlock needs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import AuditEntry, Consultation
from liaison_desk.domain.enums import (
    AuditAction,
    ConsultationKind,
    ConsultationStatus,
    Labelled,
    ParticipantCategory,
    TopicSource,
)
from liaison_desk.services import Services
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import CONSULTATION_FIELDS, consultation_field_label, label
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.person_dialog import ProblemLabel
from liaison_desk.ui.table import Column, RecordTableModel, record_table_view
from liaison_desk.ui.tasks import TaskControl, run_task

# Entries after which the record's content is known: the versions one can go back to.
RESTORABLE_ACTIONS = (AuditAction.CREATE, AuditAction.UPDATE, AuditAction.REVERT)

_ENUM_FIELDS: dict[str, type[Labelled]] = {
    "kind": ConsultationKind,
    "topic_source": TopicSource,
    "status": ConsultationStatus,
}

SHORT = 14  # characters of a value in the list's 内容 column
LONG = 400  # ... and in the detail below it


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_value(name: str, value: Any, groups: dict[int, str], limit: int = SHORT) -> str:
    """A field's value as the audit log keeps it (JSON data), in words, cut to ``limit``."""
    if value in (None, "", [], {}):
        return QCoreApplication.translate("HistoryView", "(empty)")
    if name in _ENUM_FIELDS:
        try:
            return label(_ENUM_FIELDS[name](value))
        except ValueError:
            return str(value)
    if name == "group_id":
        return groups.get(value, str(value)) if isinstance(value, int) else str(value)
    if name in ("start_time", "end_time") and isinstance(value, str):
        return value[:5]  # 09:30, not 09:30:00
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("HistoryView", "Yes")
            if value
            else QCoreApplication.translate("HistoryView", "No")
        )
    if isinstance(value, list):
        return _describe_list(name, value, limit)
    return _cut(str(value), limit)


def _names(items: list[Any], key: str) -> str:
    return "、".join(str(i.get(key, "")) for i in items if isinstance(i, dict) and i.get(key))


def _describe_list(name: str, items: list[Any], limit: int) -> str:
    n = len(items)
    if name == "participants":
        absent = sum(1 for i in items if isinstance(i, dict) and not i.get("attended", True))
        head = QCoreApplication.translate("HistoryView", "{count} people").format(count=n)
        if absent:
            head += QCoreApplication.translate("HistoryView", ", {absent} absent").format(
                absent=absent
            )
        return f"{head}：{_cut(_names(items, 'name'), limit)}"
    if name == "speeches":
        head = QCoreApplication.translate("HistoryView", "{count} speeches").format(count=n)
        return f"{head}：{_cut(_names(items, 'speaker'), limit)}"
    if name == "head_counts":
        parts = []
        for i in items:
            if not isinstance(i, dict):
                continue
            try:
                category = label(ParticipantCategory(str(i.get("category"))))
            except ValueError:
                category = str(i.get("category"))
            parts.append(f"{category} {i.get('count')}")
        return _cut("；".join(parts), limit)
    if name == "checklist":
        done = sum(1 for i in items if isinstance(i, dict) and i.get("done"))
        return QCoreApplication.translate("HistoryView", "{done} of {total} steps done").format(
            done=done, total=n
        )
    if name == "agenda":
        return _cut("；".join(str(i) for i in items), limit)
    if name == "outcome_items":
        return QCoreApplication.translate("HistoryView", "{count} items").format(count=n)
    if name == "attachments":
        return QCoreApplication.translate("HistoryView", "{count} files").format(count=n)
    return QCoreApplication.translate("HistoryView", "{count} entries").format(count=n)


# Lists of named entries: a change says who came or went rather than the whole list again.
_NAMED_LISTS = {"participants": "name", "speeches": "speaker"}


def _list_change(name: str, old: list[Any] | None, new: list[Any] | None, limit: int) -> str:
    """``15 → 16 people: +陈阿姨 −张三``; "details changed" when the same names remain."""
    old, new = old or [], new or []
    key = _NAMED_LISTS[name]
    before = [str(i.get(key, "")) for i in old if isinstance(i, dict)]
    after = [str(i.get(key, "")) for i in new if isinstance(i, dict)]
    added = [n for n in after if n not in before]
    removed = [n for n in before if n not in after]
    if name == "participants":
        counts = [
            QCoreApplication.translate("HistoryView", "{count} people").format(count=len(v))
            for v in (old, new)
        ]
    else:
        counts = [
            QCoreApplication.translate("HistoryView", "{count} speeches").format(count=len(v))
            for v in (old, new)
        ]
    text = counts[0] if counts[0] == counts[1] else f"{counts[0]} → {counts[1]}"
    names = []
    if added:
        names.append("+" + "、".join(added))
    if removed:
        names.append("−" + "、".join(removed))
    if names:
        return f"{text}：{_cut(' '.join(names), limit * 2)}"
    details = QCoreApplication.translate("HistoryView", "details changed")
    return f"{text}，{details}"


def _field_order(name: str) -> int:
    names = list(CONSULTATION_FIELDS)
    return names.index(name) if name in names else len(names)


def describe_changes(
    changes: dict[str, Any], groups: dict[int, str], limit: int = SHORT, sep: str = "；"
) -> str:
    """``field: old → new`` for every changed field, in the form's order."""
    parts = []
    for name in sorted(changes, key=_field_order):
        change = changes[name]
        if not (isinstance(change, list) and len(change) == 2):
            continue
        if name in _NAMED_LISTS and all(isinstance(v, list | None) for v in change):
            text = _list_change(name, change[0], change[1], limit)
            parts.append(f"{consultation_field_label(name)}：{text}")
            continue
        old, new = (describe_value(name, v, groups, limit) for v in change)
        if old == new and name in ("outcome_items", "attachments"):
            # Same count: what changed inside has its own history (问题跟踪, the photos).
            changed = QCoreApplication.translate("HistoryView", "changed")
            parts.append(f"{consultation_field_label(name)}：{changed}")
        else:
            parts.append(f"{consultation_field_label(name)}：{old} → {new}")
    return sep.join(parts)


@dataclass(frozen=True)
class HistoryRow:
    """One audit entry as the list shows it."""

    entry: AuditEntry
    restorable: bool  # a version of the content one can go back to
    current: bool  # ... and the one the record has now


@dataclass(frozen=True)
class _Loaded:
    consultation: Consultation | None
    rows: list[HistoryRow]
    groups: dict[int, str]


class HistoryView(QWidget):
    """The history of one consultation, newest first, with 恢复到此版本."""

    restored = Signal(object)  # the Consultation as saved by the restore

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.consultation: Consultation | None = None
        self.consultation_id: int | None = None
        self.groups: dict[int, str] = {}
        self._busy = False
        # Asked before a restore (the form: "discard the unsaved edits?"); False cancels.
        self.before_restore: Callable[[], bool] | None = None

        self.intro = QLabel(
            self.tr(
                "Every change to this record, newest first. Restoring a version puts back the "
                "record's own fields (basic facts, participants, head counts, agenda, speeches, "
                "minutes, consensus and checklist) and saves them as a new version, which can "
                "be undone the same way. Outcome items and photos/attachments keep their own "
                "history and are not restored."
            )
        )
        self.intro.setWordWrap(True)
        self.model: RecordTableModel[HistoryRow] = RecordTableModel(
            self._columns(), self, muted=lambda r: not r.restorable, tooltip=self._tooltip
        )
        self.table = record_table_view(self.model, multi_select=False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)

        self.restore_button = QPushButton(icon("restore"), self.tr("&Restore this version…"))
        self.restore_button.clicked.connect(lambda _checked=False: self.restore_selected())
        self.status = QLabel()
        self.status.setWordWrap(True)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.table, self.detail)
        QWidget.setTabOrder(self.detail, self.restore_button)
        self._selection_changed()

    # --- the list ------------------------------------------------------------------------------
    def _columns(self) -> list[Column[HistoryRow]]:
        C = Column[HistoryRow]
        return [
            C("at", self.tr("Time"), lambda r: r.entry.at, width=9),
            C("revision", self.tr("Version"), self._version_text, width=6),
            C("actor", self.tr("By"), lambda r: r.entry.actor, width=5),
            C("action", self.tr("Action"), lambda r: r.entry.action, width=6),
            C("changes", self.tr("What changed"), self._changes_text, stretch=True),
            C("reason", self.tr("Reason"), lambda r: r.entry.reason, width=10),
        ]

    def _version_text(self, r: HistoryRow) -> str:
        if not r.restorable:
            return ""
        if r.current:
            return self.tr("{revision} (current)").format(revision=r.entry.revision)
        return str(r.entry.revision)

    def _changes_text(self, r: HistoryRow) -> str:
        text = describe_changes(r.entry.changes, self.groups)
        if r.entry.action is AuditAction.REVERT:
            return f"{r.entry.summary}：{text}" if text else r.entry.summary
        return text or r.entry.summary

    def _tooltip(self, r: HistoryRow) -> str:
        return describe_changes(r.entry.changes, self.groups, limit=60, sep="\n") or (
            r.entry.summary
        )

    # --- loading -------------------------------------------------------------------------------
    def show_history(self, consultation_id: int) -> None:
        """Load the history of the consultation ``consultation_id`` (off the GUI thread)."""
        self.consultation_id = consultation_id
        self._busy = True
        self.status.setText(self.tr("Loading the history…"))
        self._selection_changed()
        services = self.services

        def work(control: TaskControl) -> _Loaded:
            consultation = services.consultations.get(consultation_id)
            entries = services.consultations.history(consultation_id)
            control.check()
            groups = {g.id: g.name for g in services.groups.all() if g.id is not None}
            versions = [e for e in entries if e.action in RESTORABLE_ACTIONS]
            latest = versions[-1] if versions else None
            rows = [
                HistoryRow(e, e.action in RESTORABLE_ACTIONS, e is latest)
                for e in reversed(entries)
            ]
            return _Loaded(consultation, rows, groups)

        run_task(self, work, self._loaded, self._failed)

    def _loaded(self, loaded: _Loaded) -> None:
        self._busy = False
        self.consultation = loaded.consultation
        self.groups = loaded.groups
        self.model.set_rows(loaded.rows)
        self.status.setText(self._status_text())
        if loaded.rows:
            self.table.selectRow(0)
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.status.setText(self.tr("Could not load the history."))
        self._selection_changed()
        show_error(self, exc)

    def _status_text(self) -> str:
        c = self.consultation
        if c is None:
            return self.tr("The record no longer exists.")
        if c.is_locked:
            return self.tr(
                "Archived records are read-only: unlock the record to restore a version."
            )
        count = sum(1 for r in self.model.rows() if r.restorable)
        return plural(count, self.tr("{count} version"), self.tr("{count} versions"))

    def is_busy(self) -> bool:
        return self._busy

    def selected_row(self) -> HistoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.detail.setHtml(self._detail_html(row) if row is not None else "")
        enabled, why = self._restore_state(row)
        self.restore_button.setEnabled(enabled)
        self.restore_button.setToolTip(why)

    def _restore_state(self, row: HistoryRow | None) -> tuple[bool, str]:
        """Whether the selected version can be restored, and the button's tooltip."""
        if self.consultation is not None and self.consultation.is_locked:
            return False, self.tr(
                "The record is archived and read-only: unlock it first, then restore."
            )
        if self._busy or row is None:
            return False, self.tr("Choose the version to go back to.")
        if not row.restorable:
            return False, self.tr(
                "Choose a version: the creation, a saved change or an earlier restore."
            )
        if row.current:
            return False, self.tr("This is the record's current version.")
        return True, self.tr(
            "Put the record's own fields back as they were in version {revision}."
        ).format(revision=row.entry.revision)

    def _detail_html(self, row: HistoryRow) -> str:
        e = row.entry
        head = self.tr("{action} by {actor} on {at}").format(
            action=label(e.action), actor=e.actor, at=e.at.strftime("%Y-%m-%d %H:%M")
        )
        parts = [f"<p><b>{esc(head)}</b></p>"]
        if e.summary and e.summary != e.action.label:
            parts.append(f"<p>{esc(e.summary)}</p>")
        if e.reason:
            reason = self.tr("Reason")
            parts.append(f"<p>{esc(reason)}：{esc(e.reason)}</p>")
        lines = describe_changes(e.changes, self.groups, limit=LONG, sep="\n")
        if lines:
            parts.append("<p>" + "<br/>".join(esc(line) for line in lines.split("\n")) + "</p>")
        return "".join(parts)

    # --- restore -------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        """恢复到此版本: ask why, restore, tell the form (``restored``) and reload the list."""
        row = self.selected_row()
        enabled, _why = self._restore_state(row)
        if not enabled or row is None or self.consultation_id is None:
            return
        if self.before_restore is not None and not self.before_restore():
            return
        revision = row.entry.revision
        reason = ask_reason(
            self,
            self.tr("Restore version {revision}").format(revision=revision),
            self.tr(
                "The record's own fields go back to version {revision}; outcome items and "
                "photos/attachments stay as they are. The restore is saved as a new version "
                "and can be undone. Why restore this version?"
            ).format(revision=revision),
            self.tr("&Restore"),
        )
        if reason is None:
            return
        cid = self.consultation_id
        expected = self.consultation.revision if self.consultation is not None else None
        self._busy = True
        self._selection_changed()

        def work(_control: TaskControl) -> Consultation:
            return self.services.consultations.restore_revision(cid, revision, reason, expected)

        def done(saved: Consultation) -> None:
            self._busy = False
            self.restored.emit(saved)
            self.show_history(cid)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._selection_changed()
            show_error(self, exc)

        run_task(self, work, done, failed)


class ReasonDialog(QDialog):
    """Asks why (unlocking, restoring): the reason is required and kept in the history."""

    def __init__(
        self, title: str, prompt: str, ok_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Required"))
        self.reason.setMinimumHeight(self.fontMetrics().height() * 4)
        self.prompt.setBuddy(self.reason)
        self.problem = ProblemLabel()
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        if ok_text:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda: self.problem.setVisible(False))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 30)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> str:
        return self.reason.toPlainText().strip()

    def accept(self) -> None:
        if not self.value():
            self.problem.setText(self.tr("Please give the reason."))
            self.problem.setVisible(True)
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()


def ask_reason(parent: QWidget | None, title: str, prompt: str, ok_text: str = "") -> str | None:
    """The reason typed (never empty), or None when cancelled."""
    dialog = ReasonDialog(title, prompt, ok_text, parent)
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_unlock_reason(parent: QWidget | None) -> str | None:
    """Why an archived record is being unlocked (required), or None when cancelled. The caller
    then calls ``services.consultations.unlock(id, reason)``."""
    return ask_reason(
        parent,
        QCoreApplication.translate("HistoryView", "Unlock the archived record"),
        QCoreApplication.translate(
            "HistoryView",
            "An archived record is read-only. Unlocking lets it be changed again; the reason "
            "is kept in the record's history. Why unlock it?",
        ),
        QCoreApplication.translate("HistoryView", "&Unlock"),
    )


__all__ = [
    "HistoryRow",
    "HistoryView",
    "ReasonDialog",
    "ask_reason",
    "ask_unlock_reason",
    "describe_changes",
    "describe_value",
]
