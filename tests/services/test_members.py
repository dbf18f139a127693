"""Members' 履职档案 over the demo year: the record's counts equal counts made directly in the
database file; the points follow the settings (and a change of them is audited); the ranking's
order; the ranking workbook holds the same figures."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus
from liaison_desk.domain.member_record import RANKING_FIGURES, figure
from liaison_desk.services import Services
from liaison_desk.services.settings import SETTINGS_AUDIT_UUID
from liaison_desk.storage import repositories

HELD_2024 = (
    "c.deleted_at IS NULL AND c.status != 'planned' "
    "AND c.held_on BETWEEN '2024-01-01' AND '2024-12-31'"
)


def direct_counts(db: Path, person_id: int) -> dict[str, int]:
    """The member's 2024 figures counted in SQL on the file, not through the app's code. In the
    demo every host and speaker is on the list of participants."""
    con = sqlite3.connect(db)
    try:
        (name,) = con.execute("SELECT name FROM people WHERE id = ?", (person_id,)).fetchone()

        def one(sql: str, *args: object) -> int:
            return int(con.execute(sql, args).fetchone()[0] or 0)

        attended = (
            "SELECT c.id FROM consultations c JOIN participants p ON p.consultation_id = c.id "
            f"WHERE {HELD_2024} AND p.person_id = ? AND p.attended = 1"
        )
        counts = {
            kind: one(
                f"SELECT count(*) FROM consultations c WHERE c.kind = ? AND c.id IN ({attended})",
                kind,
                person_id,
            )
            for kind in ("hall", "micro")
        }
        counts["hosted"] = one(
            f"SELECT count(*) FROM consultations c WHERE c.host = ? AND c.id IN ({attended})",
            name,
            person_id,
        )
        counts["speeches"] = one(
            "SELECT count(*) FROM speeches s JOIN consultations c ON c.id = s.consultation_id "
            f"WHERE s.speaker = ? AND c.id IN ({attended})",
            name,
            person_id,
        )
        # Her suggestions: items whose text one of her speeches at that session contains.
        raised = (
            "SELECT DISTINCT o.id, o.status, o.adopted FROM outcome_items o "
            "JOIN speeches s ON s.consultation_id = o.consultation_id "
            f"WHERE o.deleted_at IS NULL AND s.speaker = ? AND o.consultation_id IN ({attended}) "
            "AND instr(s.content, o.content) > 0"
        )
        rows = con.execute(raised, (name, person_id)).fetchall()
        counts["suggestions"] = len(rows)
        counts["solved"] = sum(1 for _i, status, _a in rows if status == "solved")
        counts["adopted"] = sum(1 for _i, _s, adopted in rows if adopted)
        return counts
    finally:
        con.close()


@pytest.fixture
def ranking(demo_services: Services) -> object:
    return demo_services.members.ranking(2024)


def test_the_records_counts_equal_direct_counts(demo_services: Services, demo_db: Path) -> None:
    rows = demo_services.members.ranking(2024).rows
    # The top, a middle and a bottom member, and someone who hosted.
    hosts = [r for r in rows if r.record.activity.hosted()]
    chosen = [rows[0], rows[len(rows) // 2], rows[-1], hosts[-1]]
    for ranked in chosen:
        person_id = ranked.record.person.id
        assert person_id is not None
        a = demo_services.members.record(person_id, 2024).record.activity
        assert direct_counts(demo_db, person_id) == {
            "hall": a.attended(ConsultationKind.HALL),
            "micro": a.attended(ConsultationKind.MICRO),
            "hosted": a.hosted(),
            "speeches": a.speech_count,
            "suggestions": len(a.suggestions),
            "solved": a.suggestions_with(OutcomeStatus.SOLVED),
            "adopted": a.adopted,
        }, ranked.record.person.name
    # The demo's members raise most of the year's 423 suggestions in their speeches.
    assert sum(len(r.record.activity.suggestions) for r in rows) > 300


def test_cases_and_their_level_come_from_the_submissions(demo_services: Services) -> None:
    rows = demo_services.members.ranking(2024).rows
    levels = {c.title: c.level for r in rows for c in r.record.activity.cases}
    # 织里镇: 助力青年返乡 was selected by the province (domain.md).
    assert any("青年" in title and level == "省级" for title, level in levels.items())
    assert "市级" in levels.values()


def test_points_follow_the_settings_and_the_change_is_audited(demo_services: Services) -> None:
    top = demo_services.members.ranking(2024).rows[0].record
    assert top.person.id is not None
    speeches = top.activity.speech_count
    assert speeches > 0
    demo_services.settings.update({"points.speech": 5})
    again = demo_services.members.record(top.person.id, 2024).record
    assert again.points == top.points + 4 * speeches
    with demo_services.ctx.db.session() as s:
        (entry,) = [
            e
            for e in repositories.list_audit(s, "settings", SETTINGS_AUDIT_UUID)
            if "points.speech" in e.changes
        ]
    assert entry.changes["points.speech"] == [1, 5]
    assert "积分：会上发言" in entry.summary


def test_ranking_order_and_ties(demo_services: Services) -> None:
    rows = demo_services.members.ranking(2024).rows
    points = [r.record.points for r in rows]
    assert points == sorted(points, reverse=True)
    assert rows[0].rank == 1
    for before, after in itertools.pairwise(rows):
        if after.record.points == before.record.points:
            assert after.rank == before.rank
        else:
            assert after.rank == rows.index(after) + 1
    assert any(a.rank == b.rank for a, b in itertools.pairwise(rows))  # the demo has ties
    # One group's ranking lists only its members, ranked among themselves.
    group_id = rows[0].record.person.group_id
    own = demo_services.members.ranking(2024, group_id).rows
    assert {r.record.person.group_id for r in own} == {group_id}
    assert own[0].rank == 1 and len(own) < len(rows)


def test_the_workbook_holds_the_rankings_figures(demo_services: Services, tmp_path: Path) -> None:
    out = tmp_path / "排名.xlsx"
    ranking = demo_services.members.write_ranking_workbook(2024, None, out)
    book = load_workbook(out)
    assert book.sheetnames == ["排名", "积分规则"]
    sheet = book["排名"]
    headings = [c.value for c in sheet[3]]
    assert headings == ["名次", "姓名", "联络组", "界别", *(h for _k, h in RANKING_FIGURES)]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows == [
        (
            r.rank,
            r.record.person.name,
            r.group_name,
            r.record.person.sector,
            *(figure(r.record, k) for k, _h in RANKING_FIGURES),
        )
        for r in ranking.rows
    ]
    # Print-ready: A4, fitted to the width, nothing under 9 pt.
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.page_setup.fitToWidth == 1
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                assert cell.font.size >= 9
    rules = list(book["积分规则"].iter_rows(min_row=4, values_only=True))
    assert rules[0] == ("出席民生议事堂协商", 2)
