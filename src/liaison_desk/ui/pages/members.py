"""委员履职 (members' duty records): the year's 履职积分 ranking of the CPPCC members, one row a
member (sortable, filtered by group and name), and the selected member's 履职档案 in the detail
pane — the year's points table, sessions, suggestions and cases, and the points of every year.

Counted by ``domain/member_record.py`` (the rules are in its docstring) with the points table of
the settings (设置·履职积分). Exports: the selected member's record as a PDF (GB/T 9704 layout) and
the ranking as a workbook, both through ``services.members``. Inside the app phone numbers show
in full; the exports mask them as the settings say.
``apply_filter`` understands ``year`` (int), ``group_id`` (int) and ``text``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from liaison_desk.domain.member_record import (
    RANKING_FIGURES,
    MemberRecord,
    RankedMember,
    figure,
)
from liaison_desk.services import Services
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.pages.base import Detail, RecordListPage
from liaison_desk.ui.table import Column, RecordTableModel
from liaison_desk.ui.tasks import TaskControl, run_task, run_with_progress

if TYPE_CHECKING:
    # Not at run time: the page is built on the GUI thread, and the service (with the
    # documents it writes) is imported by the first fetch, off it.
    from liaison_desk.services.members import Ranking


def _figure(row: RankedMember, key: str) -> int:
    return figure(row.record, key)


def _free_in_slices(rows: list[RankedMember], _control: TaskControl) -> None:
    """Drop ``rows`` a slice at a time, pausing between slices: nothing waits for the memory,
    and the GUI thread (and the detail's query) have the GIL meanwhile."""
    while rows:
        del rows[-1024:]
        time.sleep(0.002)


class RankingRows(list[RankedMember]):
    """The rows of one fetch, with the year they are of and what the filters offer."""

    def __init__(
        self,
        rows: Sequence[RankedMember],
        year: int,
        years: Sequence[int],
        groups: Sequence[tuple[int, str]],
    ) -> None:
        super().__init__(rows)
        self.year = year
        self.years = list(years)
        self.groups = list(groups)


class RankingModel(RecordTableModel[RankedMember]):
    """The ranking's rows come from the service in rank order: shown by rank (as the page
    opens), they are not sorted again (128k keys took the worker 0.4 s)."""

    def sort_in_worker(self) -> Callable[[list[RankedMember]], list[RankedMember]]:
        if self.sort_state() == (0, Qt.SortOrder.AscendingOrder):
            return lambda rows: rows
        return super().sort_in_worker()


@dataclass(frozen=True)
class RankingFilters:
    year: int | None
    group_id: int | None
    text: str


class MembersPage(RecordListPage[RankedMember]):
    page_id = "members"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._year: int | None = None  # None until the first fetch picks the default year
        self._group_id: int | None = None
        # The last ranking read, by (year, group): typing a name filters it without reading the
        # year again; a refresh (F5, a change elsewhere) reads afresh.
        self._cached: tuple[tuple[int, int | None], Ranking] | None = None
        super().__init__(services, parent)
        # The figures are short numbers: each column as wide as its heading, so the whole row
        # fits beside the record at 1366×768.
        header = self.table.horizontalHeader()
        digits = self.table.fontMetrics().horizontalAdvance("0000") + 12
        for i, column in enumerate(self.model.columns):
            if column.numeric:
                header.resizeSection(i, max(header.sectionSizeFromContents(i).width(), digits))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 420])
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

    # --- RecordListPage ----------------------------------------------------------------------
    def placeholder(self) -> str:
        return self.tr("Search name")

    def make_model(self) -> RecordTableModel[RankedMember]:
        return RankingModel(self.columns(), self)

    def columns(self) -> list[Column[RankedMember]]:
        headers = {
            "hall": self.tr("Hall"),
            "micro": self.tr("Micro"),
            "hosted": self.tr("Hosted"),
            "speeches": self.tr("Speeches"),
            "suggestions": self.tr("Suggestions"),
            "adopted": self.tr("Adopted"),
            "solved": self.tr("Solved"),
            "cases": self.tr("Cases"),
            "selected": self.tr("Selected"),
            "points": self.tr("Points"),
        }
        columns: list[Column[RankedMember]] = [
            Column("rank", self.tr("Rank"), lambda r: r.rank, numeric=True, width=3),
            Column("name", self.tr("Name"), lambda r: r.record.person.name, width=5),
            Column(
                "points",
                headers["points"],
                lambda r: r.record.points,
                numeric=True,
                width=3,
            ),
            Column("group", self.tr("Liaison group"), lambda r: r.group_name, stretch=True),
        ]
        for key, _heading in RANKING_FIGURES:
            if key == "points":  # shown beside the name
                continue
            columns.append(
                Column(
                    key,
                    headers[key],
                    partial(_figure, key=key),
                    numeric=True,
                    width=3,
                )
            )
        return columns

    def record_key(self, record: RankedMember) -> object:
        return record.record.person.id

    def sort_default(self) -> None:
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.year_combo.setToolTip(self.tr("Year"))
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Liaison group"))
        self.group_combo.setToolTip(self.tr("Liaison group"))
        self.group_combo.addItem(self.tr("All groups"), None)
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        bar.addWidget(self.year_combo)
        bar.addWidget(self.group_combo)

    def build_actions(self, bar: QHBoxLayout) -> None:
        self.record_button = QPushButton(icon("export"), self.tr("&Record PDF…"))
        self.record_button.setToolTip(
            self.tr("Save the selected member's record of the year as a PDF")
        )
        self.record_button.clicked.connect(self.export_record)
        self.ranking_button = QPushButton(icon("export"), self.tr("Ran&king…"))
        self.ranking_button.setToolTip(self.tr("Save the ranking shown as an Excel workbook"))
        self.ranking_button.clicked.connect(self.export_ranking)
        for button in (self.record_button, self.ranking_button):
            button.setAutoDefault(False)
            bar.addWidget(button)

    def filters(self) -> RankingFilters:
        return RankingFilters(self._year, self._group_id, self.search.text().strip())

    def fetch(self, filters: RankingFilters, control: TaskControl) -> list[RankedMember]:
        statistics = self.services.statistics
        year = filters.year or statistics.default_year()
        years = statistics.years()
        groups = [(g.id, g.name) for g in self.services.groups.all() if g.id is not None]
        control.check()
        key = (year, filters.group_id)
        cached = self._cached
        if cached is not None and cached[0] == key:
            ranking = cached[1]
        else:
            ranking = self.services.members.ranking(year, filters.group_id)
            self._cached = (key, ranking)
        needle = filters.text.casefold()
        rows = [r for r in ranking.rows if needle in r.record.person.name.casefold()]
        return RankingRows(rows, year, years, groups)

    def refresh(self) -> None:
        self._cached = None
        super().refresh()

    def _rows_loaded(self, rows: list[RankedMember], presorted: bool = False) -> None:
        if isinstance(rows, RankingRows):
            self._fill_filters(rows)
        shown = self.model.rows()  # held until freed off the GUI thread, below
        super()._rows_loaded(rows, presorted)
        # The rows replaced are the last references to a whole ranking (half a million objects
        # in a district): freed here at once, they froze the window for 180 ms.
        run_task(self, partial(_free_in_slices, shown), on_error=lambda _exc: None)

    def fetch_detail(self, record: RankedMember, control: TaskControl) -> Detail:
        person_id = record.record.person.id
        history = self.services.members.history(person_id) if person_id is not None else []
        return Detail(self._record_html(record, history))

    def count_text(self, shown: int) -> str:
        return plural(shown, self.tr("{count} member"), self.tr("{count} members"))

    def empty_text(self) -> str:
        return self.tr("No CPPCC members on the roster of this group.")

    def active_filters(self) -> list[str]:
        found = []
        if self._group_id is not None:
            found.append(self.group_combo.currentText())
        if self.search.text().strip():
            found.append(self.tr("search “{text}”").format(text=self.search.text().strip()))
        return found

    def clear_filters(self) -> None:
        self._group_id = None
        self.group_combo.blockSignals(True)
        self.group_combo.setCurrentIndex(0)
        self.group_combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.reload()

    def apply_filter(self, filters: dict[str, Any]) -> None:
        if filters.get("year"):
            self._year = int(filters["year"])
        if "group_id" in filters:
            self._group_id = filters["group_id"]
        if "text" in filters:
            self.search.blockSignals(True)
            self.search.setText(str(filters["text"] or ""))
            self.search.blockSignals(False)
        self.mark_stale()

    # --- filters -------------------------------------------------------------------------------
    def _fill_filters(self, rows: RankingRows) -> None:
        self._year = rows.year
        years = sorted(set(rows.years) | {rows.year}, reverse=True)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(rows.year), 0))
        self.year_combo.blockSignals(False)
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("All groups"), None)
        for gid, name in rows.groups:
            self.group_combo.addItem(name, gid)
        self.group_combo.setCurrentIndex(max(self.group_combo.findData(self._group_id), 0))
        self.group_combo.blockSignals(False)

    def _year_chosen(self, index: int) -> None:
        self._year = self.year_combo.itemData(index)
        self.reload()

    def _group_chosen(self, index: int) -> None:
        self._group_id = self.group_combo.itemData(index)
        self.reload()

    def _update_actions(self, *_args: object) -> None:
        self.record_button.setEnabled(self.current_record() is not None)
        self.ranking_button.setEnabled(self.model.rowCount() > 0)

    # --- the detail --------------------------------------------------------------------------
    def _record_html(self, ranked: RankedMember, history: Sequence[MemberRecord]) -> str:
        record = ranked.record
        a = record.activity
        p = record.person
        parts = [
            f"<h3 style='margin-bottom:4px'>{esc(p.name)}</h3>",
            f"<p style='color:#555;margin-top:0'>{esc(ranked.group_name)}"
            f"{esc('，' + p.unit) if p.unit else ''}{esc('，' + p.sector) if p.sector else ''}</p>",
            "<h4 style='margin-bottom:4px'>"
            + esc(
                self.tr("{year}: {points} points, rank {rank}").format(
                    year=a.year, points=record.points, rank=ranked.rank
                )
            )
            + "</h4>",
            "<table cellspacing='0' cellpadding='2'>",
        ]
        for line in record.lines:
            parts.append(
                f"<tr><td style='padding-right:10px'>{esc(line.item)}</td>"
                f"<td align='right'>{line.count}</td><td>×{line.each}</td>"
                f"<td align='right'>{line.points}</td></tr>"
            )
        parts.append("</table>")
        if a.sessions:
            heading = self.tr("Sessions")
            parts.append(f"<h4 style='margin-bottom:4px'>{esc(heading)}</h4><ul>")
            for s in a.sessions:
                roles = [self.tr("hosted")] if s.hosted else []
                if s.speeches:
                    roles.append(self.tr("{n} speeches").format(n=s.speeches))
                extra = esc(self._bracketed(self.tr(", ").join(roles))) if roles else ""
                parts.append(
                    f"<li>{s.held_on.isoformat()} {esc(s.number)} {esc(s.title)}{extra}</li>"
                )
            parts.append("</ul>")
        if a.suggestions:
            heading = self.tr("Suggestions raised")
            parts.append(f"<h4 style='margin-bottom:4px'>{esc(heading)}</h4><ul>")
            for g in a.suggestions:
                adopted = self.tr(", adopted") if g.adopted else ""
                state = self._bracketed(g.status.label + adopted)
                parts.append(f"<li>{esc(g.content)}{esc(state)}</li>")
            parts.append("</ul>")
        if a.cases:
            heading = self.tr("Cases taken part in")
            parts.append(f"<h4 style='margin-bottom:4px'>{esc(heading)}</h4><ul>")
            for c in a.cases:
                level = c.level or self.tr("not selected")
                parts.append(f"<li>{esc(c.title)}{esc(self._bracketed(level))}</li>")
            parts.append("</ul>")
        if history:
            heading = self.tr("Points by year")
            parts.append(f"<h4 style='margin-bottom:4px'>{esc(heading)}</h4><p>")
            each = [
                self.tr("{year}: {points}").format(year=h.activity.year, points=h.points)
                for h in history
            ]
            parts.append(esc(self.tr("; ").join(each)))
            parts.append("</p>")
        return "".join(parts)

    def _bracketed(self, text: str) -> str:
        return self.tr(" ({text})").format(text=text)

    # --- exports -----------------------------------------------------------------------------
    def ask_path(self, caption: str, suggested: str, filters: str, suffix: str) -> Path | None:
        """The file to write (a method, so tests answer it)."""
        name, _f = QFileDialog.getSaveFileName(
            self, caption, str(offered_folder() / suggested), filters
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def tell_done(self, path: Path) -> None:
        """The result, with 打开文件夹 (a method, so tests see it without a modal box)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Saved"), "", parent=self)
        box.setText(self.tr("Saved to {path}.").format(path=str(path)))
        open_button = box.addButton(self.tr("Open &folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def export_record(self) -> None:
        ranked = self.current_record()
        if ranked is None or ranked.record.person.id is None or self._year is None:
            return
        members = self.services.members
        path = self.ask_path(
            self.tr("Save the member's record"),
            members.record_file_name(ranked.record) + ".pdf",
            self.tr("PDF files (*.pdf)"),
            ".pdf",
        )
        if path is None:
            return
        remember_folder(path.parent)
        person_id, year = ranked.record.person.id, self._year

        def work(control: TaskControl) -> Path:
            members.write_record_pdf(person_id, year, path, control)
            return path

        run_with_progress(
            self, self.tr("Member's record"), work, self.tell_done, lambda e: show_error(self, e)
        )

    def export_ranking(self) -> None:
        if self._year is None:
            return
        members = self.services.members
        year, group_id = self._year, self._group_id
        scope = self.group_combo.currentText() if group_id is not None else None
        suggested = members.ranking_file_name(year, scope) + ".xlsx"
        path = self.ask_path(
            self.tr("Save the ranking"), suggested, self.tr("Excel workbook (*.xlsx)"), ".xlsx"
        )
        if path is None:
            return
        remember_folder(path.parent)

        def work(control: TaskControl) -> Path:
            members.write_ranking_workbook(year, group_id, path, control)
            return path

        run_with_progress(
            self, self.tr("Ranking"), work, self.tell_done, lambda e: show_error(self, e)
        )
