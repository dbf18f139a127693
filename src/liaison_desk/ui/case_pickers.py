"""The case editor's two choosers: ``ConsultationPicker`` (the consultations a case is written
from, searched in a worker) and ``PhotoChooser`` (2–4 of the linked consultations' photos).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from PySide6.QtCore import (
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QIcon,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import Case
from liaison_desk.domain.queries import ConsultationFilter, ConsultationSummary
from liaison_desk.services import Services
from liaison_desk.services.cases import PhotoChoice
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.picker_dialog import SearchPickerDialog, ok_cancel_buttons, with_buttons_below
from liaison_desk.ui.table import Column
from liaison_desk.ui.tasks import (
    TaskControl,
    run_task,
)
from liaison_desk.ui.thumbnails import load_thumbnails

PHOTOS_MIN, PHOTOS_MAX = 2, 4  # photos a case usually shows
ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 10  # a photo item's attachment id

# --- picking consultations --------------------------------------------------------------------


class ConsultationPicker(SearchPickerDialog[ConsultationSummary]):
    """Choose consultations to link: searches the records of the case's group and year (both
    can be widened); those already linked are left out. Enter or double-click takes them."""

    def __init__(
        self,
        services: Services,
        group_id: int | None,
        year: int | None,
        exclude: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            title=self.tr("Link consultations"),
            placeholder=self.tr("Search number, topic, venue, people…"),
            columns=[
                Column("number", self.tr("Number"), lambda c: c.number, width=10),
                Column("kind", self.tr("Kind"), lambda c: c.kind, width=7),
                Column("held_on", self.tr("Date"), lambda c: c.held_on, width=6),
                Column("title", self.tr("Topic"), lambda c: c.title, stretch=True),
                Column("group", self.tr("Liaison group"), lambda c: c.group_name, width=7),
            ],
            ok_text=self.tr("Link"),
            cancel_text=self.tr("Cancel"),
        )
        self.services = services
        self.group_id = group_id
        self.exclude = set(exclude)
        self.year = QComboBox()
        self.year.addItem(self.tr("All years"), None)
        years = set(services.statistics.years()) | ({year} if year else set())
        for y in sorted(years, reverse=True):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(year)))
        self.own_group = QCheckBox(self.tr("Only this group"))
        self.own_group.setChecked(group_id is not None)
        self.own_group.setEnabled(group_id is not None)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)

        bar = QHBoxLayout()
        caption = QLabel(self.tr("&Year:"))
        caption.setBuddy(self.year)
        bar.addWidget(caption)
        bar.addWidget(self.year)
        bar.addWidget(self.own_group)
        bar.addWidget(self.search, 1)
        self.lay_out(bar)
        self.resize(900, 560)
        self.year.currentIndexChanged.connect(self.reload)
        self.own_group.toggled.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self._timer.stop()
        f = ConsultationFilter(
            year=self.year.currentData(),
            group_id=self.group_id if self.own_group.isChecked() else None,
            text=self.search.text().strip(),
        )
        exclude = set(self.exclude)
        arrange = self.model.sort_in_worker()

        def work(control: TaskControl) -> list[ConsultationSummary]:
            rows = self.services.consultations.search(f).items
            control.check()
            return arrange([r for r in rows if r.id not in exclude])

        self._loader.run(work, self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, rows: list[ConsultationSummary]) -> None:
        self.model.set_rows(rows, presorted=True)
        self.count.setText(
            plural(len(rows), self.tr("{count} consultation"), self.tr("{count} consultations"))
        )
        if rows:
            self.table.selectRow(0)

    def selected(self) -> list[ConsultationSummary]:
        return self.selected_rows()


# --- choosing photos ---------------------------------------------------------------------------


class PhotoChooser(QDialog):
    """Tick the photos the case shows, from its linked consultations' photos and those added to
    the case. The ones chosen keep their order; newly ticked ones follow in the order shown."""

    def __init__(
        self,
        services: Services,
        case: Case,
        chosen: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.chosen = list(chosen)
        self.setWindowTitle(self.tr("Choose photos"))
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(160, 120))
        self.list.setGridSize(QSize(190, 180))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(self._count)
        self.note = QLabel()
        self.loading = QLabel(self.tr("Loading photos…"))
        buttons = ok_cancel_buttons(self, self.tr("Use these"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Tick 2 to 4 photos: the photos of the linked consultations and those added "
                "to the case. Space ticks the selected photo."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.loading)
        layout.addWidget(self.list, 1)
        with_buttons_below(layout, self.note, buttons)
        self.resize(860, 600)
        case_copy = copy.deepcopy(case)

        def work(control: TaskControl) -> list[tuple[PhotoChoice, QImage]]:
            choices = services.cases.photo_choices(case_copy)
            control.check()
            images = load_thumbnails(services, [(c.sha256, c.caption) for c in choices])
            return [(c, img) for c, (img, _cap) in zip(choices, images, strict=True)]

        run_task(self, work, self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, loaded: list[tuple[PhotoChoice, QImage]]) -> None:
        self.loading.setVisible(False)
        self.list.blockSignals(True)
        for choice, image in loaded:
            source = choice.consultation_number or self.tr("added to the case")
            no_caption = self.tr("(no caption)")
            text = f"{choice.caption or no_caption}\n{source}"
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), text)
            item.setData(ATTACHMENT_ROLE, choice.attachment_id)
            item.setToolTip(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.attachment_id in self.chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if not loaded:
            self.note.setText(
                self.tr("The linked consultations have no photos. Add photos from files.")
            )
        else:
            self._count()

    def ticked(self) -> list[int]:
        ids = [
            int(self.list.item(i).data(ATTACHMENT_ROLE))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        kept = [a for a in self.chosen if a in ids]
        return kept + [a for a in ids if a not in kept]

    def captions(self) -> dict[int, str]:
        """The photos' own captions (a case starts from them)."""
        result: dict[int, str] = {}
        for i in range(self.list.count()):
            item = self.list.item(i)
            result[int(item.data(ATTACHMENT_ROLE))] = item.text().split("\n")[0]
        return result

    def set_ticked(self, attachment_ids: Sequence[int]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = int(item.data(ATTACHMENT_ROLE)) in attachment_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _count(self, *_args: object) -> None:
        n = len(self.ticked())
        text = plural(n, self.tr("{count} photo ticked"), self.tr("{count} photos ticked"))
        if not PHOTOS_MIN <= n <= PHOTOS_MAX:
            text += " — " + self.tr("a case usually shows 2 to 4")
        self.note.setText(text)
