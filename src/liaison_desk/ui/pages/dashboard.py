"""工作台: the year at a glance for the district or one group, what needs following up now, and
the latest records. Every figure opens the list it counts.

Everything is computed in one background task (figures, follow-up list, latest records, and the
year and group choices), so opening the app or switching the year never freezes the window. The
charts' figures join that task once the charts are on the page; until then (the band is one
scroll below the first screen) they are loaded in a task of their own when it is first drawn.

The page opens on this database's own liaison group (Settings › Liaison group) when one is set,
until the user picks a group (or "All groups") themselves.

``apply_filter`` keys: ``year`` (int), ``group_id`` (int | None; not given: the group shown).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import CaseStatus, ConsultationKind, OutcomeStatus
from liaison_desk.domain.queries import (
    ConsultationFilter,
    ConsultationSummary,
    OutcomeFilter,
    OutcomeItemSummary,
    PageRequest,
    YearStatistics,
)
from liaison_desk.ui.chart_slot import ChartSlot
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.pages.base import Page, with_label
from liaison_desk.ui.table import OVERDUE_COLOUR, Column, RecordTableModel
from liaison_desk.ui.tasks import LatestOnly, TaskControl

if TYPE_CHECKING:
    from liaison_desk.services import Services
    from liaison_desk.services.statistics import Attendance, ChartFigures

FOLLOW_UP_DAYS = 7  # "due soon" on the dashboard
FOLLOW_UP_LIMIT = 100  # rows in the follow-up list; the link below opens all of them
LATEST_LIMIT = 10

# Statuses counted as "submitted" and "selected" by the statistics (storage.year_statistics).
SUBMITTED_STATUSES = [CaseStatus.SUBMITTED, CaseStatus.SELECTED, CaseStatus.RETURNED]
SELECTED_STATUSES = [CaseStatus.SELECTED]


@dataclass(frozen=True)
class DashboardData:
    """What the page shows, computed off the GUI thread."""

    year: int
    group_id: int | None
    today: date
    years: list[int]
    groups: list[LiaisonGroup]
    statistics: YearStatistics
    attendance: dict[ConsultationKind, Attendance]  # the statistics' attendance per kind
    overdue: int  # items of the year still open after their deadline, today
    follow_up: list[OutcomeItemSummary]  # open, overdue or due soon, any year; soonest first
    follow_up_total: int
    overdue_all_years: int
    latest: list[ConsultationSummary]
    # What the charts draw; None until their band below the first screen is first drawn (their
    # seven queries are not run before the first screen is painted).
    charts: ChartFigures | None


def load_dashboard(
    services: Services,
    year: int | None,
    group_id: int | None,
    control: TaskControl | None = None,
    *,
    own_group: bool = False,
    with_charts: bool = True,
) -> DashboardData:
    """Everything the dashboard shows for ``year`` (None: the year to open on) and ``group_id``
    (None: every group; with ``own_group``, None means this database's own group when it has
    one); the charts' figures only ``with_charts``."""

    def check() -> None:
        if control is not None:
            control.check()

    if own_group and group_id is None:
        own = services.settings.own_group()
        group_id = own.id if own is not None else None
    consultations = services.consultations
    years = services.statistics.years()
    if year is None:
        year = services.statistics.default_year()
    today = consultations.today()
    statistics = services.statistics.year(year, group_id)
    attendance = services.statistics.attendance_by_kind(year, group_id)
    check()
    # Counted like the list the figure opens: open items past their deadline as of today.
    overdue = consultations.search_outcome_items(
        OutcomeFilter(year=year, group_id=group_id, overdue_on=today), PageRequest(limit=0)
    ).total
    check()
    # Follow-up is about now, whatever year the item was raised in. When there are more than
    # the list holds, it keeps those nearest to today (all due soon, the latest overdue); the
    # link under it opens every overdue item.
    follow_up = consultations.search_outcome_items(
        OutcomeFilter(
            group_id=group_id, open_only=True, due_before=today + timedelta(days=FOLLOW_UP_DAYS)
        ),
        PageRequest(limit=FOLLOW_UP_LIMIT, order_by="deadline", descending=True),
    )
    overdue_all_years = consultations.search_outcome_items(
        OutcomeFilter(group_id=group_id, overdue_on=today), PageRequest(limit=0)
    ).total
    check()
    latest = consultations.search(
        ConsultationFilter(year=year, group_id=group_id),
        PageRequest(limit=LATEST_LIMIT, order_by="held_on", descending=True),
    ).items
    check()
    charts = services.statistics.chart_figures(year, group_id) if with_charts else None
    return DashboardData(
        year=year,
        group_id=group_id,
        today=today,
        years=years,
        groups=services.groups.all(),
        statistics=statistics,
        attendance=attendance,
        overdue=overdue,
        follow_up=sorted(follow_up.items, key=lambda r: r.item.deadline or today),
        follow_up_total=follow_up.total,
        overdue_all_years=overdue_all_years,
        latest=latest,
        charts=charts,
    )


class FigureCard(QPushButton):
    """A figure as a card: a big number with its caption under it. A button, so it is reached
    with Tab and opened with Enter, Space or a click."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # As high as the highest card of its row, so a row reads as one band.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.caption_text = caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.setSpacing(2)
        self.number = QLabel("–")
        self.number.setObjectName("figureNumber")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setWeight(QFont.Weight.DemiBold)
        self.number.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        self.caption.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("figureNote")
        for child in (self.number, self.caption, self.note):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
        layout.addStretch(1)
        self.set_value("–")

    def set_value(self, number: str, note: str = "", alert: bool = False) -> None:
        self.number.setText(number)
        self.number.setProperty("alert", alert)
        self.number.style().unpolish(self.number)
        self.number.style().polish(self.number)
        # The note's line is kept when there is none, so that a card (and the page under it)
        # does not grow when the figures arrive or a year with notes is picked.
        self.note.setText(note or " ")
        self.setAccessibleName(f"{self.caption_text}: {number}")
        self.setAccessibleDescription(note)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.animateClick()
            return
        super().keyPressEvent(event)


STYLE = """
QPushButton#figureCard {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 6px;
    padding: 0;
    text-align: left;
}
QPushButton#figureCard:hover { border-color: palette(highlight); }
QPushButton#figureCard:focus { border: 2px solid palette(highlight); }
QPushButton#figureCard:pressed { background: palette(alternate-base); }
QLabel#figureNumber { color: #1f4e8c; }
QLabel#figureNumber[alert="true"] { color: @overdue@; }
QLabel#figureCaption { color: palette(text); }
QLabel#figureNote, QLabel#listNote { color: #6B6B6B; }
QPushButton#linkButton {
    border: none; background: transparent; color: palette(link); text-decoration: underline;
    padding: 2px 4px;
}
QPushButton#linkButton:focus { outline: none; border: 1px dotted palette(highlight); }
""".replace("@overdue@", OVERDUE_COLOUR.name())


class RecordList(QTableView):
    """A compact read-only list; Enter and double-click open the row."""

    def __init__(self, open_row: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_row = open_row
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        self.setMinimumHeight(self.fontMetrics().height() * 8)
        self.doubleClicked.connect(lambda index: self._open_row(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self, self._open_current)
            # Set apart: PySide ignores a context given to the constructor with a slot.
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _open_current(self) -> None:
        index: QModelIndex = self.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def size_columns(self, columns: list[Column[Any]]) -> None:
        header = self.horizontalHeader()
        char = self.fontMetrics().horizontalAdvance("中")
        for i, column in enumerate(columns):
            if column.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:  # never narrower than its title (English titles are longer)
                title = header.fontMetrics().horizontalAdvance(column.header) + 16
                header.resizeSection(i, max(column.width * char + 16, title))


class DashboardPage(Page):
    page_id = "dashboard"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._loader = LatestOnly(self)
        self._chart_loader = LatestOnly(self)  # the charts' figures, when their band is drawn
        self._loading = False
        # Until the user picks a group, the page shows the database's own group (if set).
        self._group_chosen = False
        self.data: DashboardData | None = None
        self.setStyleSheet(STYLE)

        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year"))
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Liaison group"))
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.loading = QLabel(self.tr("Loading…"))
        self.loading.setObjectName("listNote")  # shown from the start: the page loads when shown
        bar.addWidget(with_label(self.tr("Year:"), self.year))
        bar.addSpacing(12)
        bar.addWidget(with_label(self.tr("Group:"), self.group))
        bar.addSpacing(12)
        bar.addWidget(self.loading)
        bar.addStretch(1)
        outer.addLayout(bar)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 4, 0, 0)
        content.setSpacing(14)

        # --- the figures ------------------------------------------------------------------------
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        self.cards: dict[str, FigureCard] = {}
        sections: list[tuple[str, list[tuple[str, str]]]] = [
            (
                self.tr("Consultations"),
                [
                    ("hall", self.tr("Deliberation-hall sessions")),
                    ("micro", self.tr("Micro-consultations")),
                    ("attendance", self.tr("Participants (person-times)")),
                    ("member_attendance", self.tr("CPPCC members taking part (person-times)")),
                ],
            ),
            (
                self.tr("Suggestions and problems"),
                [
                    ("suggestions", self.tr("Suggestions raised")),
                    ("solved", self.tr("Problems solved")),
                    ("solved_rate", self.tr("Solved rate")),
                    ("overdue", self.tr("Overdue (open after the deadline)")),
                ],
            ),
            (
                self.tr("Consultation cases"),
                [
                    ("cases_written", self.tr("Cases written")),
                    ("cases_submitted", self.tr("Cases submitted")),
                    ("cases_selected", self.tr("Cases selected")),
                ],
            ),
        ]
        row = 0
        for heading, cards in sections:
            title = QLabel(heading)
            title.setObjectName("sectionHeading")
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
            grid.addWidget(title, row, 0, 1, 4)
            row += 1
            for column, (key, caption) in enumerate(cards):
                card = FigureCard(caption)
                card.clicked.connect(lambda _checked=False, k=key: self.open_figure(k))
                self.cards[key] = card
                grid.addWidget(card, row, column)
            grid.setRowMinimumHeight(row, 0)
            row += 1
            if row < 2 * len(sections):
                grid.setRowMinimumHeight(row, 8)
                row += 1
        for column in range(4):
            grid.setColumnStretch(column, 1)
        content.addLayout(grid)

        # --- the two lists, side by side: headings, notes and tables on common rows ----------------
        lists = QGridLayout()
        lists.setHorizontalSpacing(12)  # the scroll bar to the charts below takes its room too
        lists.setVerticalSpacing(2)
        bold = QFont(self.font())
        bold.setBold(True)

        follow_head = QHBoxLayout()
        follow_title = QLabel(self.tr("Needs follow-up"))
        follow_title.setFont(bold)
        follow_head.addWidget(follow_title)
        follow_head.addStretch(1)
        self.all_overdue = QPushButton()
        self.all_overdue.setObjectName("linkButton")
        self.all_overdue.setFlat(True)
        self.all_overdue.setCursor(Qt.CursorShape.PointingHandCursor)
        self.all_overdue.clicked.connect(self.open_all_overdue)
        self._set_all_overdue(None)
        follow_head.addWidget(self.all_overdue)
        follow_note = QLabel(
            self.tr("Open items overdue or due within {days} days, from every year").format(
                days=FOLLOW_UP_DAYS
            )
        )
        self.follow_up_model: RecordTableModel[OutcomeItemSummary] = RecordTableModel(
            self.follow_up_columns(),
            self,
            warn=lambda r: self.data is not None and r.item.is_overdue(self.data.today),
            tooltip=self._follow_up_tooltip,
        )
        self.follow_up = RecordList(self.open_follow_up)
        self.follow_up.setModel(self.follow_up_model)
        self.follow_up.size_columns(self.follow_up_model.columns)
        self.follow_up.setAccessibleName(self.tr("Needs follow-up"))
        self.follow_up_stack = self._with_empty_note(
            self.follow_up, self.tr("Nothing is overdue or due within the next days.")
        )

        latest_head = QHBoxLayout()
        self.latest_title = QLabel(self.tr("Latest records"))
        self.latest_title.setFont(bold)
        # As high as the other heading (which has a link button), so the tables line up.
        self.latest_title.setMinimumHeight(self.all_overdue.sizeHint().height())
        latest_head.addWidget(self.latest_title)
        latest_head.addStretch(1)
        latest_note = QLabel(
            self.tr("The last {count} consultations by date; open one with Enter").format(
                count=LATEST_LIMIT
            )
        )
        self.latest_model: RecordTableModel[ConsultationSummary] = RecordTableModel(
            self.latest_columns(), self
        )
        self.latest = RecordList(self.open_latest)
        self.latest.setModel(self.latest_model)
        self.latest.size_columns(self.latest_model.columns)
        self.latest.setAccessibleName(self.tr("Latest records"))
        self.latest_stack = self._with_empty_note(self.latest, self.tr("No records in this year."))

        for column, (head, note, stack) in enumerate(
            [
                (follow_head, follow_note, self.follow_up_stack),
                (latest_head, latest_note, self.latest_stack),
            ]
        ):
            note.setObjectName("listNote")
            note.setWordWrap(True)
            lists.addLayout(head, 0, column)
            lists.addWidget(note, 1, column)
            lists.addWidget(stack, 2, column)
            lists.setColumnStretch(column, 1)
        lists.setRowMinimumHeight(2, 0)
        lists.setRowStretch(2, 1)
        content.addLayout(lists, 1)

        # --- the charts: one scroll below, built (ui/charts.py loaded) when first drawn --------
        self.chart_slot = ChartSlot()
        self.chart_slot.navigate.connect(self.navigate.emit)
        self.chart_slot.built.connect(self._load_charts)
        content.addWidget(self.chart_slot)
        self.chart_slot.keep_first_screen(scroll, content.spacing())

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        # _fill_choices changes the combos with their signals blocked: a change seen here is the
        # user's choice, "All groups" too.
        self.group.currentIndexChanged.connect(self._group_picked)
        self.year.setEnabled(False)
        self.group.setEnabled(False)

    # --- columns of the lists ------------------------------------------------------------------
    def follow_up_columns(self) -> list[Column[OutcomeItemSummary]]:
        C = Column[OutcomeItemSummary]
        return [
            C("deadline", self.tr("Deadline"), lambda r: r.item.deadline, width=6),
            C("when", self.tr("When"), self._when, width=8),
            C("content", self.tr("Problem / suggestion"), lambda r: r.item.content, stretch=True),
            C(
                "responsible_body",
                self.tr("Responsible body"),
                lambda r: r.item.responsible_body,
                width=7,
            ),
            C("number", self.tr("No."), lambda r: r.consultation_number, width=8),
        ]

    def latest_columns(self) -> list[Column[ConsultationSummary]]:
        C = Column[ConsultationSummary]
        return [
            C("held_on", self.tr("Held on"), lambda c: c.held_on, width=6),
            C("number", self.tr("No."), lambda c: c.number, width=9),
            C("title", self.tr("Topic"), lambda c: c.title, stretch=True),
            C("group", self.tr("Group"), lambda c: c.group_name, width=6),
        ]

    def _when(self, r: OutcomeItemSummary) -> str:
        if self.data is None or r.item.deadline is None:
            return ""
        days = (r.item.deadline - self.data.today).days
        if days < 0:
            if days == -1:
                return self.tr("1 day overdue")
            return self.tr("{days} days overdue").format(days=-days)
        if days == 0:
            return self.tr("Due today")
        if days == 1:
            return self.tr("Due tomorrow")
        return self.tr("Due in {days} days").format(days=days)

    def _follow_up_tooltip(self, r: OutcomeItemSummary) -> str:
        return "\n".join(
            part
            for part in (
                r.item.content,
                f"{r.item.responsible_body} {r.item.responsible_person}".strip(),
                f"{r.consultation_number} {r.consultation_title}",
            )
            if part
        )

    def _with_empty_note(self, table: QTableView, text: str) -> QStackedWidget:
        stack = QStackedWidget()
        stack.addWidget(table)
        note = QLabel(text)
        note.setObjectName("listNote")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setFrameShape(QFrame.Shape.StyledPanel)
        note.setWordWrap(True)
        stack.addWidget(note)
        return stack

    def _set_all_overdue(self, count: int | None) -> None:
        """``None``: not counted yet (shown as the cards show theirs, "–")."""
        shown = "–" if count is None else count
        self.all_overdue.setText(self.tr("All overdue ({count})").format(count=shown))
        self.all_overdue.setEnabled(bool(count))

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        year = self.year.currentData() if self.year.count() else None
        group_id = self.group.currentData() if self.group.count() else None
        self._load(year, group_id)

    def _group_picked(self, _index: int) -> None:
        self._group_chosen = True
        self.reload()

    def _load(self, year: int | None, group_id: int | None) -> None:
        services = self.services
        own_group = not self._group_chosen
        # Once the charts are on the page, their figures come with the rest.
        with_charts = self.chart_slot.charts is not None
        self._loading = True
        self.loading.setVisible(True)
        self.set_status(self.tr("Loading…"))
        self._loader.run(
            lambda control: load_dashboard(
                services, year, group_id, control, own_group=own_group, with_charts=with_charts
            ),
            self._loaded,
            self._failed,
        )

    def _load_charts(self) -> None:
        """The charts' figures for the year and group shown, when the band is first drawn (a
        load still running, or one without them, is followed by this one)."""
        data = self.data
        if data is None or data.charts is not None or self._loader.busy:
            return  # the load running, or the one that finishes, brings them (``_loaded``)
        services, year, group_id = self.services, data.year, data.group_id
        self._chart_loader.run(
            lambda _control: services.statistics.chart_figures(year, group_id),
            self._charts_loaded,
            self._failed,
        )

    def _charts_loaded(self, figures: ChartFigures) -> None:
        data = self.data
        if data is None or (figures.year, figures.group_id) != (data.year, data.group_id):
            return  # another year or group was picked meanwhile; its load brings its own
        self.data = replace(data, charts=figures)
        self.chart_slot.show_figures(figures, self._scope_name(data))

    def _scope_name(self, data: DashboardData) -> str:
        """The group shown, or all groups."""
        return next((g.name for g in data.groups if g.id == data.group_id), self.tr("all groups"))

    def is_busy(self) -> bool:
        return self._loading or self._loader.busy or self._chart_loader.busy

    def apply_filter(self, filters: dict[str, Any]) -> None:
        year = filters.get("year", self.year.currentData() if self.year.count() else None)
        if "group_id" in filters:
            group_id = filters["group_id"]
            self._group_chosen = True
        else:
            group_id = self.group.currentData() if self.group.count() else None
        self._stale = False
        self._load(year, group_id)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.loading.setVisible(False)
        self.set_status(self.tr("Could not load the dashboard."))
        show_error(self, exc)

    def _loaded(self, data: DashboardData) -> None:
        self._loading = False
        self.loading.setVisible(False)
        self.data = data
        self._fill_choices(data)
        s = data.statistics
        self.cards["hall"].set_value(str(s.hall_sessions))
        self.cards["micro"].set_value(str(s.micro_consultations))
        hall = data.attendance[ConsultationKind.HALL]
        micro = data.attendance[ConsultationKind.MICRO]
        split = self.tr("Hall {hall} · micro {micro}")
        self.cards["attendance"].set_value(
            str(s.attendance),
            split.format(hall=hall.total, micro=micro.total) if s.attendance else "",
        )
        self.cards["member_attendance"].set_value(
            str(s.member_attendance),
            split.format(hall=hall.members, micro=micro.members) if s.member_attendance else "",
        )
        self.cards["suggestions"].set_value(
            str(s.suggestions), self.tr("{adopted} adopted").format(adopted=s.adopted)
        )
        self.cards["solved"].set_value(str(s.solved))
        if s.suggestions:
            self.cards["solved_rate"].set_value(
                f"{s.solved_rate:.1%}",
                self.tr("{solved} of {suggestions}").format(
                    solved=s.solved, suggestions=s.suggestions
                ),
            )
        else:  # no rate without suggestions
            self.cards["solved_rate"].set_value("—")
        self.cards["overdue"].set_value(
            str(data.overdue),
            self.tr("As of {today}").format(today=data.today.isoformat()),
            alert=data.overdue > 0,
        )
        self.cards["cases_written"].set_value(str(s.cases_written))
        self.cards["cases_submitted"].set_value(str(s.cases_submitted))
        self.cards["cases_selected"].set_value(str(s.cases_selected))

        self.follow_up_model.set_rows(data.follow_up)
        self.follow_up_stack.setCurrentIndex(0 if data.follow_up else 1)
        self._set_all_overdue(data.overdue_all_years)
        self.latest_model.set_rows(data.latest)
        self.latest_stack.setCurrentIndex(0 if data.latest else 1)
        self.latest_title.setText(self.tr("Latest records of {year}").format(year=data.year))

        group = self._scope_name(data)
        if data.charts is not None:
            self.chart_slot.show_figures(data.charts, group)
        elif self.chart_slot.charts is not None:  # drawn while this load ran without them
            self._load_charts()
        self.set_status(
            plural(
                data.follow_up_total,
                self.tr("{year}, {group}: {count} needs follow-up"),
                self.tr("{year}, {group}: {count} need follow-up"),
                year=data.year,
                group=group,
            )
        )

    def _fill_choices(self, data: DashboardData) -> None:
        for combo in (self.year, self.group):
            combo.blockSignals(True)
        try:
            self.year.clear()
            for y in sorted(set(data.years) | {data.year}, reverse=True):
                self.year.addItem(str(y), y)
            self.year.setCurrentIndex(max(self.year.findData(data.year), 0))
            self.group.clear()
            self.group.addItem(self.tr("All groups"), None)
            for g in data.groups:
                self.group.addItem(g.name, g.id)
            self.group.setCurrentIndex(max(self.group.findData(data.group_id), 0))
        finally:
            for combo in (self.year, self.group):
                combo.blockSignals(False)
        self.year.setEnabled(True)
        self.group.setEnabled(True)

    # --- links ---------------------------------------------------------------------------------
    def figure_target(self, key: str) -> tuple[str, dict[str, Any]]:
        """The page and filters a figure opens (for the year and group shown)."""
        assert self.data is not None
        scope: dict[str, Any] = {"year": self.data.year, "group_id": self.data.group_id}
        targets: dict[str, tuple[str, dict[str, Any]]] = {
            "hall": ("hall", scope),
            "micro": ("micro", scope),
            # The person-times are counted from the consultations: the hall list's status bar
            # sums its sessions' attendance, the hall part of the card's note.
            "attendance": ("hall", scope),
            "member_attendance": ("hall", scope),
            "suggestions": ("outcomes", scope),
            "solved": ("outcomes", {**scope, "status": OutcomeStatus.SOLVED}),
            "solved_rate": ("outcomes", {**scope, "status": OutcomeStatus.SOLVED}),
            "overdue": ("outcomes", {**scope, "overdue": True}),
            "cases_written": ("cases", scope),
            "cases_submitted": ("cases", {**scope, "statuses": list(SUBMITTED_STATUSES)}),
            "cases_selected": ("cases", {**scope, "statuses": list(SELECTED_STATUSES)}),
        }
        page, filters = targets[key]
        return page, dict(filters)

    def open_figure(self, key: str) -> None:
        if self.data is None:
            return
        page, filters = self.figure_target(key)
        self.navigate.emit(page, filters)

    def open_all_overdue(self) -> None:
        group_id = self.data.group_id if self.data is not None else None
        self.navigate.emit("outcomes", {"overdue": True, "group_id": group_id})

    def open_follow_up(self, row: int) -> None:
        record = self.follow_up_model.row_at(row)
        if record is not None:
            self.navigate.emit(
                "outcomes", {"text": record.consultation_number, "item_id": record.item.id}
            )

    def open_latest(self, row: int) -> None:
        record = self.latest_model.row_at(row)
        if record is not None:
            page = "hall" if record.kind is ConsultationKind.HALL else "micro"
            self.navigate.emit(page, {"text": record.number})
