"""The main window. For now a summary of the open database; navigation, lists and forms come
with the main-window issue."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from liaison_desk.services import Services


class MainWindow(QMainWindow):
    def __init__(self, services: Services, where: str) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle(f"联络组履职档案台 — {where}")
        self.resize(900, 600)
        central = QWidget()
        layout = QVBoxLayout(central)
        heading = QLabel("<h2>联络组履职档案台</h2>")
        layout.addWidget(heading)
        self.summary = QFormLayout()
        layout.addLayout(self.summary)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self.refresh()

    def refresh(self) -> None:
        groups = self.services.groups.all()
        latest = self.services.consultations.search().items[:1]
        year = latest[0].held_on.year if latest else date.today().year
        stats = self.services.statistics.year(year)
        rows = [
            ("联络组", f"{len(groups)} 个"),
            (f"{year} 年民生议事堂协商", f"{stats.hall_sessions} 场"),
            (f"{year} 年微协商", f"{stats.micro_consultations} 场"),
            (
                "意见建议",
                f"{stats.suggestions} 条，已解决 {stats.solved} 条（{stats.solved_rate:.0%}）",
            ),
            ("参与人次 / 委员人次", f"{stats.attendance} / {stats.member_attendance}"),
            (
                "协商案例",
                f"撰写 {stats.cases_written} 篇，报送 {stats.cases_submitted} 篇，入选 {stats.cases_selected} 篇",
            ),
        ]
        while self.summary.rowCount():
            self.summary.removeRow(0)
        for label, value in rows:
            self.summary.addRow(QLabel(label + "："), QLabel(value))
