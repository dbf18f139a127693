"""The sections of the consultation form: basic facts, participants, agenda, speeches, minutes
and consensus, the procedure checklist and the outcome items. Each section fills itself from a
Consultation (``load``), writes its fields back into one (``apply``, returning what could not be
read), shows the problems whose field it holds and can be made read-only. Where the sections sit
(tabs for a hall session, one screen for a micro-consultation) is the form's business.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import (
    ChecklistStep,
    Consultation,
    HeadCount,
    LiaisonGroup,
    Participant,
    Person,
    Speech,
)
from liaison_desk.domain.enums import (
    ConsultationStatus,
    ParticipantCategory,
    TopicSource,
)
from liaison_desk.domain.rules import Problem
from liaison_desk.ui.completion import make_completer
from liaison_desk.ui.consultation_form_widgets import (
    CHECK,
    CHOICE,
    MULTILINE,
    NUMBER,
    READONLY,
    SEQ,
    TEXT,
    DateEdit,
    EditableTable,
    FieldBox,
    TableColumn,
    TimeEdit,
    choices_of,
    date_text,
    inline,
    parse_date,
)
from liaison_desk.ui.labels import label


def set_words(completer: QCompleter, words: Sequence[str]) -> None:
    model = completer.model()
    assert isinstance(model, QStringListModel)
    model.setStringList(list(words))


def status_for_date(held_on: date, today: date) -> ConsultationStatus:
    """The status a new record starts with: planned when it lies ahead, else completed."""
    return ConsultationStatus.PLANNED if held_on > today else ConsultationStatus.COMPLETED


def index_of(field_path: str) -> tuple[int | None, str]:
    """ "participants[2].name" → (2, "name"); "agenda[1]" → (1, ""); "title" → (None, "")."""
    if "[" not in field_path:
        return None, ""
    inside = field_path.split("[", 1)[1]
    number, _, rest = inside.partition("]")
    try:
        index = int(number)
    except ValueError:
        return None, ""
    return index, rest.lstrip(".")


def section_of(field_path: str) -> str:
    """The list or field a problem belongs to: "participants[2].name" → "participants"."""
    return field_path.split("[", 1)[0].split(".", 1)[0]


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit (the whole text is its tooltip), instead
    of being cut in the middle of a character. ``text()`` is always the whole text."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, int(self.alignment()), shown)


class Section(QWidget):
    changed = Signal()

    def load(self, c: Consultation) -> None:
        raise NotImplementedError

    def apply(self, c: Consultation) -> list[Problem]:
        raise NotImplementedError

    def fields(self) -> tuple[str, ...]:
        """The Problem fields (their first part) this section shows."""
        raise NotImplementedError

    def show_problems(self, problems: Sequence[Problem]) -> QWidget | None:
        """Show ``problems`` (all of this section's); the widget to focus first."""
        raise NotImplementedError

    def clear_problems(self) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        raise NotImplementedError

    def raw_texts(self) -> list[str]:
        """Text typed that may not have been understood yet (dates): part of "changed?"."""
        return []


# --- basic facts -------------------------------------------------------------------------------


class FactsSection(Section):
    """Kind, number, topic, topic source, date and time, venue, group, host, recorder, status.
    ``compact`` (a micro-consultation): three fields a row instead of two."""

    FIELDS = (
        "kind",
        "number",
        "title",
        "topic_source",
        "held_on",
        "start_time",
        "end_time",
        "venue",
        "group_id",
        "host",
        "recorder",
        "status",
    )

    def __init__(self, compact: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_label = QLabel()
        self.number = QLineEdit()
        self.number.setReadOnly(True)
        self.number.setPlaceholderText(self.tr("Assigned when first saved"))
        self.number.setToolTip(
            self.tr("The number is assigned on the first save and never reused.")
        )
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Required, e.g. 童装产业园区停车难协商"))
        self.topic_source = QComboBox()
        for member in TopicSource:
            self.topic_source.addItem(label(member), member.value)
        self.held_on = DateEdit()
        self.start_time = TimeEdit()
        self.start_time.setAccessibleName(self.tr("Start time"))
        self.end_time = TimeEdit()
        self.end_time.setAccessibleName(self.tr("End time"))
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("Required; earlier venues are offered as you type"))
        self.venue_completer = make_completer(self.venue)
        self.venue.setCompleter(self.venue_completer)
        self.group = QComboBox()
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group.setPlaceholderText(self.tr("Choose the liaison group"))
        self.host = QLineEdit()
        self.recorder = QLineEdit()
        self.names_completer = make_completer(self)
        self.host.setCompleter(self.names_completer)
        self.recorder.setCompleter(self.names_completer)
        self.status = QComboBox()
        for status in (ConsultationStatus.PLANNED, ConsultationStatus.COMPLETED):
            self.status.addItem(label(status), status.value)
        # A new record's status follows its date (planned ahead, completed on the day or after)
        # until the user chooses one.
        self.today: date = date.today()
        self._status_follows_date = False
        self.status.activated.connect(self._status_chosen)

        time_box = inline(self.start_time, "–", self.end_time)
        times = FieldBox(time_box)
        self.boxes: dict[str, FieldBox] = {
            "kind": FieldBox(self.kind_label),
            "number": FieldBox(self.number),
            "title": FieldBox(self.title),
            "topic_source": FieldBox(self.topic_source),
            "held_on": FieldBox(self.held_on),
            "start_time": times,
            "end_time": times,
            "venue": FieldBox(self.venue),
            "group_id": FieldBox(self.group),
            "host": FieldBox(self.host),
            "recorder": FieldBox(self.recorder),
            "status": FieldBox(self.status),
        }
        captions = {
            "kind": self.tr("Kind"),
            "number": self.tr("&Number"),
            "title": self.tr("&Topic"),
            "topic_source": self.tr("Topic s&ource"),
            "held_on": self.tr("&Date"),
            "start_time": self.tr("T&ime"),
            "venue": self.tr("&Venue"),
            "group_id": self.tr("&Group"),
            "host": self.tr("&Host"),
            "recorder": self.tr("&Recorder"),
            "status": self.tr("&Status"),
        }
        if compact:  # three rows, so the one-screen form keeps its height for the tables
            rows: list[list[str]] = [
                ["number", "held_on", "start_time", "status"],
                ["topic_source", "title"],
                ["venue", "group_id", "host", "recorder"],
            ]
        else:
            rows = [
                ["kind", "number"],
                ["title"],
                ["topic_source", "status"],
                ["held_on", "start_time"],
                ["venue", "group_id"],
                ["host", "recorder"],
            ]
        per_row = max(len(r) for r in rows)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self.captions: dict[str, QLabel] = {}
        for r, keys in enumerate(rows):
            for i, key in enumerate(keys):
                caption = QLabel(captions[key])
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                caption.setContentsMargins(0, 4, 0, 0)
                box = self.boxes[key]
                caption.setBuddy(box.widget.focusProxy() or box.widget)
                self.captions[key] = caption
                # The last field of a short row takes the rest of the row (the topic).
                span = 1 if i < len(keys) - 1 else (per_row - len(keys)) * 2 + 1
                grid.addWidget(caption, r, i * 2)
                grid.addWidget(box, r, i * 2 + 1, 1, span)
        for i in range(per_row):
            grid.setColumnStretch(i * 2 + 1, 1)
        grid.setRowStretch(len(rows), 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        for edit in (self.title, self.venue, self.host, self.recorder, self.start_time):
            edit.textChanged.connect(self.changed)
        self.end_time.textChanged.connect(self.changed)
        self.held_on.edited.connect(self._date_edited)
        self.held_on.edited.connect(self.changed)
        for combo in (self.topic_source, self.group, self.status):
            combo.currentIndexChanged.connect(self.changed)
        for box in self.boxes.values():
            widget = box.widget
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, b=box: b.clear_problem())
        self.held_on.edited.connect(self.boxes["held_on"].clear_problem)
        self.end_time.textEdited.connect(lambda _t: times.clear_problem())
        self.start_time.textEdited.connect(lambda _t: times.clear_problem())

    def fields(self) -> tuple[str, ...]:
        return self.FIELDS

    def _status_chosen(self, _index: int) -> None:
        self._status_follows_date = False

    def _date_edited(self) -> None:
        held_on = self.held_on.safe_date()
        if not self._status_follows_date or held_on is None:
            return
        status = status_for_date(held_on, self.today)
        self.status.setCurrentIndex(max(self.status.findData(status.value), 0))

    def set_groups(self, groups: Sequence[LiaisonGroup]) -> None:
        with QSignalBlocker(self.group):
            current = self.group.currentData()
            self.group.clear()
            for g in groups:
                self.group.addItem(g.name, g.id)
            if current is not None:
                self.group.setCurrentIndex(max(self.group.findData(current), 0))

    def set_venues(self, venues: Sequence[str]) -> None:
        set_words(self.venue_completer, venues)

    def set_names(self, names: Sequence[str]) -> None:
        set_words(self.names_completer, names)

    def group_id(self) -> int | None:
        data = self.group.currentData()
        return int(data) if data is not None else None

    def load(self, c: Consultation) -> None:
        self.kind_label.setText(label(c.kind))
        self.number.setText(c.number)
        self.title.setText(c.title)
        self.topic_source.setCurrentIndex(max(self.topic_source.findData(c.topic_source.value), 0))
        self.held_on.set_date(c.held_on)
        self.start_time.set_time(c.start_time)
        self.end_time.set_time(c.end_time)
        self.venue.setText(c.venue)
        index = self.group.findData(c.group_id)
        if index < 0 and c.group_id is not None:
            self.group.addItem(self.tr("Group {id}").format(id=c.group_id), c.group_id)
            index = self.group.count() - 1
        self.group.setCurrentIndex(index)
        self.host.setText(c.host)
        self.recorder.setText(c.recorder)
        archived = self.status.findData(ConsultationStatus.ARCHIVED.value)
        if c.status is ConsultationStatus.ARCHIVED and archived < 0:
            self.status.addItem(
                label(ConsultationStatus.ARCHIVED), ConsultationStatus.ARCHIVED.value
            )
        elif c.status is not ConsultationStatus.ARCHIVED and archived >= 0:
            self.status.removeItem(archived)
        self.status.setCurrentIndex(max(self.status.findData(c.status.value), 0))
        self._status_follows_date = c.id is None

    def apply(self, c: Consultation) -> list[Problem]:
        problems: list[Problem] = []
        c.title = self.title.text().strip()
        c.topic_source = TopicSource(self.topic_source.currentData())
        try:
            c.held_on = self.held_on.date()
        except ValueError:
            problems.append(
                Problem("held_on", self.tr("The date cannot be read: type it as 2024-03-05."))
            )
        for key, edit in (("start_time", self.start_time), ("end_time", self.end_time)):
            try:
                setattr(c, key, edit.time())
            except ValueError:
                problems.append(Problem(key, self.tr("The time cannot be read: type it as 09:30.")))
        c.venue = self.venue.text().strip()
        c.group_id = self.group_id()
        c.host = self.host.text().strip()
        c.recorder = self.recorder.text().strip()
        c.status = ConsultationStatus(self.status.currentData())
        return problems

    def raw_texts(self) -> list[str]:
        return [self.held_on.text(), self.start_time.text(), self.end_time.text()]

    def show_problems(self, problems: Sequence[Problem]) -> QWidget | None:
        first: QWidget | None = None
        for p in problems:
            box = self.boxes.get(section_of(p.field), self.boxes["title"])
            box.show_problem(p.message)
            if first is None:
                first = box.widget
        return first

    def clear_problems(self) -> None:
        for box in self.boxes.values():
            box.clear_problem()

    def set_read_only(self, read_only: bool) -> None:
        for edit in (
            self.title,
            self.venue,
            self.host,
            self.recorder,
            self.start_time,
            self.end_time,
        ):
            edit.setReadOnly(read_only)
        self.held_on.setReadOnly(read_only)
        for combo in (self.topic_source, self.group, self.status):
            combo.setEnabled(not read_only)


# --- participants ------------------------------------------------------------------------------


class ParticipantsSection(Section):
    """Named participants (picked from the roster or typed in), crowds counted by category, and
    the totals of the record sheet computed as they change."""

    pick_requested = Signal()

    def __init__(self, compact: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        categories = choices_of(list(ParticipantCategory), label)
        self.people = EditableTable(
            [
                # One screen (micro): narrower columns, so the unit keeps room to show.
                TableColumn("name", self.tr("Name"), TEXT, width=4 if compact else 5),
                # A name typed in (not picked from the roster) is most likely a resident's: a
                # CPPCC member would count in 委员人次 by mistake.
                TableColumn(
                    "category",
                    self.tr("Category"),
                    CHOICE,
                    categories,
                    width=5 if compact else 6,
                    default=ParticipantCategory.RESIDENT,
                ),
                TableColumn("unit", self.tr("Unit"), TEXT, stretch=True),
                TableColumn("title", self.tr("Position"), TEXT, width=5 if compact else 8),
                TableColumn("attended", self.tr("Present"), CHECK, width=2, default=True),
                TableColumn(
                    "absence_reason",
                    self.tr("Reason for absence"),
                    TEXT,
                    width=5 if compact else 10,
                ),
            ],
            add_text=self.tr("Add &person"),
            visible_rows=3 if compact else 8,
        )
        self.people.table.setAccessibleName(self.tr("Participants"))
        self.pick_button = QPushButton(self.tr("&Pick from roster…"))
        self.pick_button.setToolTip(self.tr("Choose people from the roster (人员名册)"))
        self.pick_button.clicked.connect(lambda _c=False: self.pick_requested.emit())
        self.people.extra_buttons.addWidget(self.pick_button)
        # Tab goes as the buttons sit: the table, 从名册选择, then 添加人员.
        QWidget.setTabOrder(self.people.table, self.pick_button)
        QWidget.setTabOrder(self.pick_button, self.people.add_button)
        self.counts = EditableTable(
            [
                TableColumn(
                    "category",
                    self.tr("Counted"),
                    CHOICE,
                    categories,
                    width=5,
                    default=ParticipantCategory.RESIDENT,
                ),
                TableColumn("count", self.tr("Number"), NUMBER, width=2),
            ],
            add_text=self.tr("Add &count"),
            can_move=False,
            visible_rows=2,
        )
        self.counts.table.setAccessibleName(self.tr("Head counts"))
        self.counts.setToolTip(self.tr("Residents and others counted without their names"))
        self.totals = ElidedLabel()
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        # One line (a wrapping label would make the one-screen layout ask for more height).
        self.totals.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.totals.setObjectName("totals")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.people, 4 if compact else 5)
        row.addWidget(self.counts, 1)
        layout.addLayout(row, 1)
        layout.addWidget(self.totals)
        self.people.changed.connect(self.changed)
        self.counts.changed.connect(self.changed)

    def fields(self) -> tuple[str, ...]:
        return ("participants", "head_counts")

    def load(self, c: Consultation) -> None:
        self.people.set_rows(
            [
                {
                    "name": p.name,
                    "category": p.category,
                    "unit": p.unit,
                    "title": p.title,
                    "attended": p.attended,
                    "absence_reason": p.absence_reason,
                    "hidden": {"person_id": p.person_id},
                }
                for p in c.participants
            ]
        )
        self.counts.set_rows([{"category": h.category, "count": h.count} for h in c.head_counts])
        self.show_totals(c)

    def apply(self, c: Consultation) -> list[Problem]:
        c.participants = []
        for row in self.people.rows():
            if not any(row.get(k) for k in ("name", "unit", "title", "absence_reason")):
                continue  # a row added and left empty
            person_id = row["hidden"].get("person_id")
            c.participants.append(
                Participant(
                    name=row["name"],
                    category=row["category"],
                    person_id=int(person_id) if person_id is not None else None,
                    unit=row["unit"],
                    title=row["title"],
                    attended=row["attended"],
                    absence_reason=row["absence_reason"] if not row["attended"] else "",
                )
            )
        c.head_counts = [
            HeadCount(category=row["category"], count=row["count"])
            for row in self.counts.rows()
            if row["count"]
        ]
        return []

    def add_people(self, people: Sequence[Person]) -> None:
        known = {r["hidden"].get("person_id") for r in self.people.rows()}
        for p in people:
            if p.id in known:
                continue
            self.people.add_row(
                {
                    "name": p.name,
                    "category": p.category,
                    "unit": p.unit,
                    "title": p.title,
                    "attended": True,
                    "absence_reason": "",
                    "hidden": {"person_id": p.id},
                },
                edit=False,
            )

    def person_ids(self) -> set[int]:
        ids = {r["hidden"].get("person_id") for r in self.people.rows()}
        return {int(i) for i in ids if i is not None}

    def show_totals(self, c: Consultation) -> None:
        by_category: dict[ParticipantCategory, int] = {}
        for p in c.participants:
            if p.attended:
                by_category[p.category] = by_category.get(p.category, 0) + 1
        for h in c.head_counts:
            by_category[h.category] = by_category.get(h.category, 0) + h.count
        breakdown = "、".join(
            f"{label(cat)} {n}" for cat in ParticipantCategory if (n := by_category.get(cat))
        )
        text = self.tr(
            "Expected {expected}, present {present} · attendances {total} · "
            "by CPPCC members {members}"
        ).format(
            expected=c.expected_count,
            present=c.attended_count,
            total=c.attendance_total,
            members=c.member_attendance,
        )
        self.totals.setText(f"{text}（{breakdown}）" if breakdown else text)
        self.totals.setToolTip(self.totals.text())

    def show_problems(self, problems: Sequence[Problem]) -> QWidget | None:
        rows = self._row_map()
        first: QWidget | None = None
        for p in problems:
            index, key = index_of(p.field)
            table = self.counts if section_of(p.field) == "head_counts" else self.people
            row = index if table is self.counts else rows.get(index) if index is not None else None
            table.show_problem(row, key, p.message)
            if first is None:
                table.focus_row(row if row is not None else 0)
                first = table.table
        return first

    def _row_map(self) -> dict[int, int]:
        """Index in Consultation.participants → table row (empty rows are left out)."""
        mapping: dict[int, int] = {}
        n = 0
        for r, row in enumerate(self.people.rows()):
            if any(row.get(k) for k in ("name", "unit", "title", "absence_reason")):
                mapping[n] = r
                n += 1
        return mapping

    def clear_problems(self) -> None:
        self.people.clear_problems()
        self.counts.clear_problems()

    def set_read_only(self, read_only: bool) -> None:
        self.people.set_read_only(read_only)
        self.counts.set_read_only(read_only)
        self.pick_button.setEnabled(not read_only)


# --- agenda and speeches -----------------------------------------------------------------------


class AgendaSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = EditableTable(
            [
                TableColumn("seq", self.tr("No."), SEQ, width=2),
                TableColumn("text", self.tr("Agenda item"), TEXT, stretch=True),
            ],
            add_text=self.tr("Add agenda &item"),
            visible_rows=4,
        )
        self.table.table.setAccessibleName(self.tr("Agenda"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.table.changed.connect(self.changed)

    def fields(self) -> tuple[str, ...]:
        return ("agenda",)

    def load(self, c: Consultation) -> None:
        self.table.set_rows([{"text": step} for step in c.agenda])

    def apply(self, c: Consultation) -> list[Problem]:
        c.agenda = [r["text"] for r in self.table.rows() if r["text"]]
        return []

    def show_problems(self, problems: Sequence[Problem]) -> QWidget | None:
        for p in problems:
            index, _key = index_of(p.field)
            self.table.show_problem(index, "text", p.message)
        return self.table.table if problems else None

    def clear_problems(self) -> None:
        self.table.clear_problems()

    def set_read_only(self, read_only: bool) -> None:
        self.table.set_read_only(read_only)


class SpeechesSection(Section):
    def __init__(self, compact: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = EditableTable(
            [
                TableColumn("seq", self.tr("No."), SEQ, width=2),
                TableColumn("speaker", self.tr("Speaker"), TEXT, width=5),
                TableColumn("capacity", self.tr("Capacity"), TEXT, width=8 if compact else 12),
                TableColumn(
                    "content",
                    self.tr("What was said (Enter: new line, Tab: done)"),
                    MULTILINE,
                    stretch=True,
                ),
            ],
            add_text=self.tr("Add &speech"),
            visible_rows=2 if compact else 8,
        )
        self.table.table.setAccessibleName(self.tr("Speeches"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.table.changed.connect(self.changed)

    def fields(self) -> tuple[str, ...]:
        return ("speeches",)

    def load(self, c: Consultation) -> None:
        self.table.set_rows(
            [
                {"speaker": s.speaker, "capacity": s.capacity, "content": s.content}
                for s in c.speeches
            ]
        )

    def apply(self, c: Consultation) -> list[Problem]:
        c.speeches = [
            Speech(speaker=r["speaker"], capacity=r["capacity"], content=r["content"])
            for r in self.table.rows()
            if r["speaker"] or r["capacity"] or r["content"]
        ]
        return []

    def show_problems(self, problems: Sequence[Problem]) -> QWidget | None:
        rows = [
            r
            for r, row in enumerate(self.table.rows())
            if row["speaker"] or row["capacity"] or row["content"]
        ]
        for p in problems:
            index, key = index_of(p.field)
            row = rows[index] if index is not None and index < len(rows) else None
            self.table.show_problem(row, key or "speaker", p.message)
        return self.table.table if problems else None

    def clear_problems(self) -> None:
        self.table.clear_problems()

    def set_read_only(self, read_only: bool) -> None:
        self.table.set_read_only(read_only)


class TextsSection(Section):
    """Minutes (纪要) and consensus (协商成果) as free text."""

    def __init__(self, compact: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.minutes = QPlainTextEdit()
        self.minutes.setTabChangesFocus(True)
        self.minutes.setPlaceholderText(self.tr("The course of the consultation"))
        self.consensus = QPlainTextEdit()
        self.consensus.setTabChangesFocus(True)
        self.consensus.setPlaceholderText(self.tr("What was agreed (协商成果)"))
        self.boxes = {"minutes": FieldBox(self.minutes), "consensus": FieldBox(self.consensus)}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        captions = {"minutes": self.tr("&Minutes"), "consensus": self.tr("&Consensus and outcome")}
        for i, key in enumerate(("consensus", "minutes")):
            caption = QLabel(captions[key])
            caption.setBuddy(self.boxes[key].widget)
            if compact:
                layout.addWidget(caption, 0, i)
                layout.addWidget(self.boxes[key], 1, i)
            else:
                layout.addWidget(caption, i * 2, 0)
                layout.addWidget(self.boxes[key], i * 2 + 1, 0)
                layout.setRowStretch(i * 2 + 1, 1)
        lines = 3 if compact else 8
        for edit in (self.minutes, self.consensus):
            edit.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
            edit.textChanged.connect(self.changed)

    def fields(self) -> tuple[str, ...]:
        return ("minutes", "consensus")

    def load(self, c: Consultation) -> None:
        self.minutes.setPlainText(c.minutes)
        self.consensus.setPlainText(c.consensus)

    def apply(self, c: Consultation) -> list[Problem]:
        c.minutes = self.minutes.toPlainText().strip()
        c.consensus = self.consensus.toPlainText().strip()
        return []

    def show_problems(self, problems: Sequence[Problem]) -> QWidget | None:
        for p in problems:
            self.boxes.get(section_of(p.field), self.boxes["minutes"]).show_problem(p.message)
        return self.boxes[section_of(problems[0].field)].widget if problems else None

    def clear_problems(self) -> None:
        for box in self.boxes.values():
            box.clear_problem()

    def set_read_only(self, read_only: bool) -> None:
        self.minutes.setReadOnly(read_only)
        self.consensus.setReadOnly(read_only)


# --- procedure checklist -----------------------------------------------------------------------


class ChecklistSection(Section):
    """The record's own copy of the procedure: done, date, note per step. Ticking a step dates
    it with the consultation's day (or today, for a planned one) when no date is given yet."""

    def __init__(self, compact: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_day: date | None = None  # today
        self.held_on: Callable[[], date | None] = lambda: None  # the date in the form
        self.table = EditableTable(
            [
                TableColumn("name", self.tr("Step"), READONLY, width=6),
                TableColumn("done", self.tr("Done"), CHECK, width=2),
                TableColumn("done_on", self.tr("Date"), TEXT, width=6, placeholder="2024-03-05"),
                TableColumn("note", self.tr("Note"), TEXT, stretch=True),
            ],
            can_add=False,
            can_move=False,
            visible_rows=4 if compact else 8,
        )
        self.table.table.setAccessibleName(self.tr("Procedure checklist"))
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.summary.setVisible(not compact)
        self.table.table.itemChanged.connect(self._item_changed)
        self.table.changed.connect(self.changed)

    def fields(self) -> tuple[str, ...]:
        return ("checklist",)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        column = self.table.columns[item.column()]
        if column.key != "done" or item.checkState() != Qt.CheckState.Checked:
            self._summarise()
            return
        date_item = self.table.table.item(item.row(), 2)
        held_on = self.held_on()
        day = (
            held_on
            if held_on is not None and (self.default_day is None or held_on <= self.default_day)
            else self.default_day
        )
        if date_item is not None and not date_item.text().strip() and day is not None:
            date_item.setText(date_text(day))
        self._summarise()

    def _summarise(self) -> None:
        rows = self.table.rows()
        done = sum(1 for r in rows if r["done"])
        self.summary.setText(
            self.tr("{done} of {total} steps done").format(done=done, total=len(rows))
        )

    def load(self, c: Consultation) -> None:
        self.table.set_rows(
            [
                {"name": s.name, "done": s.done, "done_on": date_text(s.done_on), "note": s.note}
                for s in c.checklist
            ]
        )
        self._summarise()

    def apply(self, c: Consultation) -> list[Problem]:
        problems: list[Problem] = []
        steps: list[ChecklistStep] = []
        for i, row in enumerate(self.table.rows()):
            try:
                done_on = parse_date(row["done_on"])
            except ValueError:
                done_on = c.checklist[i].done_on if i < len(c.checklist) else None
                problems.append(
                    Problem(
                        f"checklist[{i}].done_on",
                        self.tr(
                            "Step “{step}”: the date cannot be read, type it as 2024-03-05."
                        ).format(step=row["name"]),
                    )
                )
            steps.append(
                ChecklistStep(name=row["name"], done=row["done"], done_on=done_on, note=row["note"])
            )
        c.checklist = steps
        return problems

    def raw_texts(self) -> list[str]:
        return [r["done_on"] for r in self.table.rows()]

    def show_problems(self, problems: Sequence[Problem]) -> QWidget | None:
        for p in problems:
            index, key = index_of(p.field)
            self.table.show_problem(index, key or "done_on", p.message)
        return self.table.table if problems else None

    def clear_problems(self) -> None:
        self.table.clear_problems()

    def set_read_only(self, read_only: bool) -> None:
        self.table.set_read_only(read_only)
