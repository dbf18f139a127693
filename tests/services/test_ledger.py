"""The ledger (台账) round trip: export a list, edit the workbook as a secretary would in Excel or
WPS, import it back. Exactly the edits arrive; a bad file changes nothing and says, row by row,
what is wrong."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from liaison_desk.documents.ledger import (
    CONSULTATION_SHEET,
    ITEM_SHEET,
    LedgerFileError,
)
from liaison_desk.domain.entities import Consultation, LiaisonGroup, OutcomeItem
from liaison_desk.domain.enums import (
    AuditAction,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
    Satisfaction,
)
from liaison_desk.domain.queries import ConsultationFilter, PageRequest
from liaison_desk.domain.rules import ConflictError, ValidationError
from liaison_desk.progress import Cancelled
from liaison_desk.services import Services
from liaison_desk.services.ledger import (
    LedgerImportPlan,
    RowResult,
    parse_heading_map,
)
from progress_fakes import FakeProgress

YEAR_2024 = ConsultationFilter(year=2024)


def snapshot(services: Services) -> dict[str, Any]:
    """Everything an import could touch, as the services give it."""
    ids = [r.id for r in services.consultations.search(ConsultationFilter(), PageRequest()).items]
    return {
        "consultations": {i: services.consultations.get(i) for i in ids},
        "rows": services.statistics.row_counts(),
        "history": {i: len(services.consultations.history(i)) for i in ids},
    }


def cell(path: Path, sheet: str, row: int, heading: str, value: Any) -> None:
    """Type ``value`` into the cell under ``heading`` in ``row``, as a user would."""
    wb = load_workbook(path)
    ws = wb[sheet]
    column = next(c.column for c in ws[1] if c.value == heading)
    ws.cell(row=row, column=column).value = value  # (value=None there would not clear it)
    wb.save(path)


def append(path: Path, sheet: str, values: dict[str, Any]) -> int:
    wb = load_workbook(path)
    ws = wb[sheet]
    headings = [c.value for c in ws[1]]
    ws.append([values.get(h) for h in headings])
    wb.save(path)
    return ws.max_row


def row_of(path: Path, sheet: str, heading: str, value: Any) -> int:
    ws = load_workbook(path)[sheet]
    column = next(c.column for c in ws[1] if c.value == heading)
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value == value)


def results(plan: LedgerImportPlan) -> dict[tuple[str, int], RowResult]:
    return {(r.sheet, r.row): r.result for r in plan.rows}


def changed(plan: LedgerImportPlan) -> list[tuple[str, int, RowResult]]:
    return [(r.sheet, r.row, r.result) for r in plan.rows if r.result is not RowResult.UNCHANGED]


def group_named(services: Services, name: str) -> LiaisonGroup:
    return next(g for g in services.groups.all() if g.name == name)


@pytest.fixture
def exported(demo_services: Services, tmp_path: Path) -> Path:
    path = tmp_path / "全部联络组-协商活动台账-2024.xlsx"
    demo_services.ledger.export(YEAR_2024, path, masked=False)
    return path


# --- the round trip -----------------------------------------------------------------------------


def test_the_demo_year_round_trips_without_a_single_change(
    demo_services: Services, exported: Path
) -> None:
    before = snapshot(demo_services)
    plan = demo_services.ledger.plan_import(exported)
    total = demo_services.consultations.search(YEAR_2024, PageRequest()).total
    consultation_rows = [r for r in plan.rows if r.sheet == CONSULTATION_SHEET]
    item_rows = [r for r in plan.rows if r.sheet == ITEM_SHEET]
    assert len(consultation_rows) == total == 243
    assert len(item_rows) == sum(c.suggestion_count for c in before["consultations"].values())
    assert plan.ok and not plan.problems and not plan.notes
    assert changed(plan) == []
    assert all(not r.reasons for r in plan.rows)  # not even a note about the counts
    assert not plan.has_changes
    demo_services.ledger.apply_import(plan)
    assert snapshot(demo_services) == before


def test_the_file_name_and_title_name_a_search_or_status_that_narrows_the_list(
    demo_services: Services,
) -> None:
    """Issue 15, finding 9: a file holding the one session a search found is not called
    全部联络组…台账."""
    f = ConsultationFilter(year=2024, text="停车", status=ConsultationStatus.ARCHIVED)
    name = demo_services.ledger.default_file_name(f)
    assert name == "全部联络组-协商活动台账-2024-已归档-含“停车”.xlsx"
    assert demo_services.ledger.title(f).endswith("协商活动台账（2024年，已归档，含“停车”）")
    dated = ConsultationFilter(held_from=date(2024, 3, 1), held_to=date(2024, 6, 30))
    assert demo_services.ledger.default_file_name(dated).endswith(
        "全部年度-20240301至20240630.xlsx"
    )


def test_export_follows_the_list_filters(demo_services: Services, tmp_path: Path) -> None:
    zhili = group_named(demo_services, "织里镇联络组")
    f = ConsultationFilter(year=2024, group_id=zhili.id, kind=ConsultationKind.HALL)
    name = demo_services.ledger.default_file_name(f)
    assert name == "织里镇联络组-民生议事堂台账-2024.xlsx"
    result = demo_services.ledger.export(f, tmp_path / name, masked=False)
    listed = demo_services.consultations.search(f, PageRequest()).items
    ws = load_workbook(result.path)[CONSULTATION_SHEET]
    numbers = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert sorted(numbers) == sorted(r.number for r in listed)
    assert result.consultations == len(listed)
    dates = [ws.cell(r, 5).value for r in range(2, ws.max_row + 1)]
    assert dates == sorted(dates)  # a ledger reads in date order
    assert {ws.cell(r, 2).value for r in range(2, ws.max_row + 1)} == {"民生议事堂"}
    items = load_workbook(result.path)[ITEM_SHEET]
    assert items.max_row - 1 == result.items == sum(r.suggestion_count for r in listed)


def test_an_edited_cell_arrives_and_nothing_else_changes(
    demo_services: Services, exported: Path
) -> None:
    before = snapshot(demo_services)
    ws = load_workbook(exported)[CONSULTATION_SHEET]
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 16).value == "已完成")
    number = ws.cell(row, 1).value
    target = demo_services.consultations.get_by_number(number)
    assert target is not None and not target.is_locked
    cell(exported, CONSULTATION_SHEET, row, "议题", "改过的议题：停车难再协商")
    cell(exported, CONSULTATION_SHEET, row, "结束时间", time(12, 15))

    plan = demo_services.ledger.plan_import(exported)
    assert plan.ok
    assert changed(plan) == [(CONSULTATION_SHEET, row, RowResult.UPDATED)]
    (report,) = [r for r in plan.rows if r.row == row and r.sheet == CONSULTATION_SHEET]
    assert report.number == number
    assert "议题" in report.reasons[0] and "结束时间" in report.reasons[0]
    assert snapshot(demo_services) == before  # planning writes nothing

    demo_services.ledger.apply_import(plan)
    after = demo_services.consultations.get(target.id or 0)
    assert after is not None
    assert after.title == "改过的议题：停车难再协商"
    assert after.end_time == time(12, 15)
    assert after.revision == target.revision + 1
    expected = dict(vars(target), title=after.title, end_time=after.end_time)
    for name in ("revision", "updated_at"):
        expected[name] = getattr(after, name)
    assert vars(after) == expected
    entry = demo_services.consultations.history(target.id or 0)[-1]
    assert entry.action is AuditAction.UPDATE
    assert set(entry.changes) == {"title", "end_time"}
    now = snapshot(demo_services)["consultations"]
    assert {i for i, c in now.items() if c != before["consultations"][i]} == {target.id}


def test_an_edited_outcome_item_arrives(demo_services: Services, exported: Path) -> None:
    ws = load_workbook(exported)[ITEM_SHEET]
    for row in range(2, ws.max_row + 1):
        record = demo_services.consultations.get_by_number(ws.cell(row, 1).value)
        assert record is not None
        if not record.is_locked:
            break
    position = ws.cell(row, 2).value
    item = record.outcome_items[position - 1]
    cell(exported, ITEM_SHEET, row, "状态", "已解决")
    cell(exported, ITEM_SHEET, row, "解决日期", date(2024, 12, 30))
    cell(exported, ITEM_SHEET, row, "满意度", "基本满意")
    cell(exported, ITEM_SHEET, row, "现场解决", "是" if not item.solved_on_spot else "否")

    plan = demo_services.ledger.plan_import(exported)
    assert plan.ok
    assert changed(plan) == [(ITEM_SHEET, row, RowResult.UPDATED)]
    demo_services.ledger.apply_import(plan)
    after = demo_services.consultations.get(record.id or 0)
    assert after is not None
    new = after.outcome_items[position - 1]
    assert new.uuid == item.uuid  # the same item, not a new one
    assert new.status is OutcomeStatus.SOLVED
    assert new.resolved_on == date(2024, 12, 30)
    assert new.satisfaction is Satisfaction.MOSTLY_SATISFIED
    assert new.solved_on_spot is not item.solved_on_spot
    assert new.content == item.content and new.deadline == item.deadline
    assert after.solved_count == record.solved_count + (item.status is not OutcomeStatus.SOLVED)
    others = [i for n, i in enumerate(after.outcome_items) if n != position - 1]
    assert [vars(i) for i in others] == [
        vars(i) for n, i in enumerate(record.outcome_items) if n != position - 1
    ]


def test_rows_without_a_number_are_created_and_numbered(
    demo_services: Services, exported: Path
) -> None:
    zhili = group_named(demo_services, "织里镇联络组")
    hall_2024 = ConsultationFilter(year=2024, group_id=zhili.id, kind=ConsultationKind.HALL)
    existing = demo_services.consultations.search(hall_2024, PageRequest()).items
    last = max(int(r.number.rsplit("-", 1)[1]) for r in existing)
    row = append(
        exported,
        CONSULTATION_SHEET,
        {
            "类型": "民生议事堂",
            "议题": "织里镇童装产业园区停车难协商",
            "议题来源": "群众反映",
            "日期": date(2024, 12, 20),
            "开始时间": time(9, 0),
            "结束时间": time(11, 0),
            "地点": "织里镇民生议事堂",
            "联络组": "织里镇联络组",
            "主持人": "沈建国",
            "委员人次": 6,
            "参与人次": 20,
            "状态": "已完成",
            "协商成果": "错时开放机关停车场。",
        },
    )
    plan = demo_services.ledger.plan_import(exported)
    assert plan.ok, [r for r in plan.rows if r.reasons]
    assert changed(plan) == [(CONSULTATION_SHEET, row, RowResult.CREATED)]
    demo_services.ledger.apply_import(plan)
    (report,) = [r for r in plan.rows if r.row == row and r.sheet == CONSULTATION_SHEET]
    assert report.number == f"织里-2024-议-{last + 1:03d}"
    created = demo_services.consultations.get_by_number(report.number)
    assert created is not None
    assert created.title == "织里镇童装产业园区停车难协商"
    assert (created.start_time, created.end_time) == (time(9, 0), time(11, 0))
    assert created.group_id == zhili.id and created.host == "沈建国"
    assert created.consensus == "错时开放机关停车场。"
    # Nobody is named: the counts of the ledger become head counts.
    assert created.participants == []
    assert (created.member_attendance, created.attendance_total) == (6, 20)
    assert {h.category for h in created.head_counts} == {
        ParticipantCategory.MEMBER,
        ParticipantCategory.OTHER,
    }
    assert created.checklist  # the current procedure of its kind, as the form gives
    assert demo_services.consultations.history(created.id or 0)[0].action is AuditAction.CREATE


def test_a_new_record_with_its_own_number_brings_its_items(
    services: Services, group: LiaisonGroup, tmp_path: Path
) -> None:
    path = tmp_path / "台账.xlsx"
    services.ledger.export(
        ConsultationFilter(), path, masked=False
    )  # an empty ledger: the headings only
    append(
        path,
        CONSULTATION_SHEET,
        {
            "编号": "织里-2024-微-007",
            "类型": "微协商",
            "议题": "河西社区加装电梯",
            "日期": "2024/6/3",
            "地点": "河西社区协商驿站",
            "联络组": "织里镇联络组",
        },
    )
    for n, content in enumerate(["先装两部电梯", "低层住户补偿"], start=1):
        append(
            path,
            ITEM_SHEET,
            {
                "活动编号": "织里-2024-微-007",
                "序号": n,
                "内容": content,
                "现场解决": "否",
                "采纳": "是",
                "状态": "办理中",
            },
        )
    plan = services.ledger.plan_import(path)
    assert plan.ok, [(r.row, r.reasons) for r in plan.rows]
    assert plan.count(RowResult.CREATED) == 3
    services.ledger.apply_import(plan)
    created = services.consultations.get_by_number("织里-2024-微-007")
    assert created is not None
    assert created.kind is ConsultationKind.MICRO and created.held_on == date(2024, 6, 3)
    assert [i.content for i in created.outcome_items] == ["先装两部电梯", "低层住户补偿"]
    assert all(i.adopted and i.status is OutcomeStatus.IN_PROGRESS for i in created.outcome_items)
    # The number is never handed out again: the next micro-consultation gets 008.
    c = services.consultations.new(ConsultationKind.MICRO, group.id)
    c.title, c.venue, c.held_on = "下一场", "驿站", date(2024, 7, 1)
    assert services.consultations.save(c).number == "织里-2024-微-008"


def test_new_outcome_items_are_added_after_the_existing_ones(
    services: Services, new_consultation: Any, tmp_path: Path
) -> None:
    c = new_consultation(outcome_items=[OutcomeItem(content="第一条")])
    saved = services.consultations.save(c)
    path = tmp_path / "台账.xlsx"
    services.ledger.export(ConsultationFilter(), path, masked=False)
    row = append(path, ITEM_SHEET, {"活动编号": saved.number, "内容": "会后补充的一条"})
    plan = services.ledger.plan_import(path)
    assert plan.ok
    assert changed(plan) == [(ITEM_SHEET, row, RowResult.CREATED)]
    services.ledger.apply_import(plan)
    after = services.consultations.get(saved.id or 0)
    assert after is not None
    assert [i.content for i in after.outcome_items] == ["第一条", "会后补充的一条"]
    assert after.outcome_items[0].uuid == saved.outcome_items[0].uuid


# --- other layouts ------------------------------------------------------------------------------


def _own_ledger(path: Path, headings: list[str], rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "2024年台账"
    ws.append(["织里镇联络组 2024 年民生议事堂工作台账"])
    ws.append(headings)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_ledger_with_reordered_and_renamed_columns_is_imported(
    services: Services, new_consultation: Any, tmp_path: Path
) -> None:
    saved = services.consultations.save(new_consultation(title="老旧小区加装电梯"))
    path = _own_ledger(
        tmp_path / "自己的台账.xlsx",
        ["序号", "协商地点", "协商主题", "活动编号", "活动日期", "所属联络组", "备注"],
        [
            [1, "织里镇民生议事堂", "老旧小区加装电梯（二次协商）", saved.number, "2024-03-05", "织里镇联络组", "已报区政协"],
            [2, "大河村协商驿站", "大河村垃圾分类", None, "2024年4月2日", "织里镇", ""],
        ],
    )  # fmt: skip
    file, layouts = services.ledger.read(path)
    (layout,) = layouts
    assert layout.role == "consultations"
    assert layout.mapping == {1: "venue", 2: "title", 3: "number", 4: "held_on", 5: "group"}

    plan = services.ledger.plan_import(file, layouts, default_kind=ConsultationKind.HALL)
    assert plan.ok, [(r.row, r.reasons) for r in plan.rows]
    assert results(plan) == {
        ("2024年台账", 3): RowResult.UPDATED,
        ("2024年台账", 4): RowResult.CREATED,
    }
    assert any("A 列「序号」" in n and "G 列「备注」" in n for n in plan.notes)
    services.ledger.apply_import(plan)
    updated = services.consultations.get(saved.id or 0)
    assert updated is not None and updated.title == "老旧小区加装电梯（二次协商）"
    assert updated.host == saved.host and updated.kind is saved.kind  # columns it lacks: kept
    created = services.consultations.search(
        ConsultationFilter(text="大河村垃圾分类"), PageRequest()
    ).items
    assert [(c.held_on, c.kind, c.venue) for c in created] == [
        (date(2024, 4, 2), ConsultationKind.HALL, "大河村协商驿站")
    ]


def test_a_heading_nobody_could_guess_is_mapped_by_the_user(
    services: Services, group: LiaisonGroup, tmp_path: Path
) -> None:
    path = _own_ledger(
        tmp_path / "台账.xlsx",
        ["议事事项", "日期", "地点", "形式"],
        [["村口停车", date(2024, 5, 6), "大河村协商驿站", "微协商"]],
    )
    file, layouts = services.ledger.read(path)
    assert 0 not in layouts[0].mapping  # 议事事项 is no heading the app knows
    plan = services.ledger.plan_import(file, layouts)
    assert not plan.ok  # neither 编号 nor 议题: nothing to go by
    assert any("议题" in problem for problem in plan.problems)

    layouts[0].mapping[0] = "title"  # the user picks 议题 for 议事事项 in the mapping step
    plan = services.ledger.plan_import(file, layouts)
    assert plan.ok and plan.count(RowResult.CREATED) == 1
    # The command line says the same with --map 议事事项=议题.
    plan = services.ledger.plan_import(path, heading_map=parse_heading_map(["议事事项=议题"]))
    assert plan.ok and plan.count(RowResult.CREATED) == 1
    services.ledger.apply_import(plan)
    (c,) = services.consultations.search(ConsultationFilter(), PageRequest()).items
    assert (c.title, c.kind, c.group_id) == ("村口停车", ConsultationKind.MICRO, group.id)


def test_bad_heading_maps_are_refused() -> None:
    with pytest.raises(ValueError, match="表头=标准列名"):
        parse_heading_map(["议题"])
    with pytest.raises(ValueError, match="不是标准列名"):
        parse_heading_map(["事项=题目名称XYZ"])


def test_two_columns_for_one_standard_column_is_a_problem(
    services: Services, group: LiaisonGroup, tmp_path: Path
) -> None:
    path = _own_ledger(tmp_path / "台账.xlsx", ["议题", "主题", "地点"], [["a", "b", "c"]])
    file, layouts = services.ledger.read(path)
    layouts[0].mapping[1] = "title"
    plan = services.ledger.plan_import(file, layouts)
    assert not plan.ok
    assert any("A 列「议题」和 B 列「主题」都对应“议题”" in p for p in plan.problems)


# --- bad ledgers change nothing -----------------------------------------------------------------


def test_a_malformed_ledger_reports_every_bad_row_and_changes_nothing(
    demo_services: Services, exported: Path
) -> None:
    before = snapshot(demo_services)
    ws = load_workbook(exported)[CONSULTATION_SHEET]
    open_rows = [
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, 16).value != ConsultationStatus.ARCHIVED.label
    ]
    bad_date, bad_group, empty_title, bad_time = open_rows[:4]
    good = open_rows[4]
    cell(exported, CONSULTATION_SHEET, bad_date, "日期", "2024-02-30")
    cell(exported, CONSULTATION_SHEET, bad_group, "联络组", "火星联络组")
    cell(exported, CONSULTATION_SHEET, empty_title, "议题", None)
    cell(exported, CONSULTATION_SHEET, bad_time, "开始时间", "上午")
    cell(exported, CONSULTATION_SHEET, good, "主持人", "新主持人")  # fine on its own
    new_row = append(exported, CONSULTATION_SHEET, {"类型": "微协商", "议题": "没有日期"})
    item_row = append(exported, ITEM_SHEET, {"活动编号": "不存在-2024-议-999", "内容": "x"})

    plan = demo_services.ledger.plan_import(exported)
    assert not plan.ok
    errors = {(r.sheet, r.row): " ".join(r.reasons) for r in plan.errors}
    assert set(errors) == {
        (CONSULTATION_SHEET, bad_date),
        (CONSULTATION_SHEET, bad_group),
        (CONSULTATION_SHEET, empty_title),
        (CONSULTATION_SHEET, bad_time),
        (CONSULTATION_SHEET, new_row),
        (ITEM_SHEET, item_row),
    }
    assert "2024-02-30" in errors[CONSULTATION_SHEET, bad_date]
    assert "火星联络组" in errors[CONSULTATION_SHEET, bad_group]
    assert "请填写议题" in errors[CONSULTATION_SHEET, empty_title]
    assert "开始时间" in errors[CONSULTATION_SHEET, bad_time]
    assert "联络组" in errors[CONSULTATION_SHEET, new_row]  # a new row needs its group
    assert "不存在-2024-议-999" in errors[ITEM_SHEET, item_row]
    assert results(plan)[CONSULTATION_SHEET, good] is RowResult.UPDATED
    assert "错误" in plan.summary() and "没有导入任何内容" in plan.summary()
    with pytest.raises(ValidationError):
        demo_services.ledger.apply_import(plan)
    assert snapshot(demo_services) == before


def test_a_damaged_file_changes_nothing(demo_services: Services, exported: Path) -> None:
    before = snapshot(demo_services)
    exported.write_bytes(exported.read_bytes()[: exported.stat().st_size // 2])
    with pytest.raises(LedgerFileError, match="损坏"):
        demo_services.ledger.plan_import(exported)
    assert snapshot(demo_services) == before


def test_archived_records_and_foreign_numbers_are_errors(
    demo_services: Services, exported: Path
) -> None:
    before = snapshot(demo_services)
    ws = load_workbook(exported)[CONSULTATION_SHEET]
    archived = next(
        r for r in range(2, ws.max_row + 1) if ws.cell(r, 16).value == "已归档"
    )  # an archived record, changed in the file
    unchanged_archived = next(
        r for r in range(archived + 1, ws.max_row + 1) if ws.cell(r, 16).value == "已归档"
    )
    cell(exported, CONSULTATION_SHEET, archived, "地点", "别处")
    others = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 16).value == "已完成"]
    wrong_group, wrong_kind, duplicate = others[:3]
    own_group = ws.cell(wrong_group, 9).value
    stranger = next(g.name for g in demo_services.groups.all() if g.name != own_group)
    cell(exported, CONSULTATION_SHEET, wrong_group, "联络组", stranger)
    kind = ws.cell(wrong_kind, 2).value
    cell(
        exported,
        CONSULTATION_SHEET,
        wrong_kind,
        "类型",
        "微协商" if kind == "民生议事堂" else "民生议事堂",
    )
    cell(exported, CONSULTATION_SHEET, duplicate, "编号", ws.cell(others[3], 1).value)
    zhili_number = append(
        exported,
        CONSULTATION_SHEET,
        {
            "编号": "火星-2024-议-001",
            "类型": "民生议事堂",
            "议题": "x",
            "日期": date(2024, 5, 5),
            "地点": "y",
            "联络组": "织里镇联络组",
        },
    )

    plan = demo_services.ledger.plan_import(exported)
    errors = {r.row: " ".join(r.reasons) for r in plan.errors}
    assert "已归档" in errors[archived] and "解锁" in errors[archived]
    assert unchanged_archived not in errors  # an archived record left as it was is fine
    assert stranger in errors[wrong_group]
    assert "类型" in errors[wrong_kind]
    assert "已经出现过" in errors[max(duplicate, others[3])]
    assert "织里-" in errors[zhili_number]
    with pytest.raises(ValidationError):
        demo_services.ledger.apply_import(plan)
    assert snapshot(demo_services) == before


def test_import_is_one_transaction(
    services: Services, new_consultation: Any, tmp_path: Path
) -> None:
    """A record changed in the app between checking and importing: the whole import is refused,
    and the records before it in the file are not half-imported."""
    first = services.consultations.save(new_consultation(title="第一场"))
    second = services.consultations.save(new_consultation(title="第二场"))
    path = tmp_path / "台账.xlsx"
    services.ledger.export(ConsultationFilter(), path, masked=False)
    for row in (2, 3):
        cell(path, CONSULTATION_SHEET, row, "主持人", "台账里的主持人")
    plan = services.ledger.plan_import(path)
    assert plan.ok and plan.count(RowResult.UPDATED) == 2

    meanwhile = services.consultations.get(second.id or 0)
    assert meanwhile is not None
    meanwhile.recorder = "在软件里改的"
    services.consultations.save(meanwhile)
    before = snapshot(services)
    with pytest.raises(ConflictError):
        services.ledger.apply_import(plan)
    assert snapshot(services) == before
    again = services.consultations.get(first.id or 0)
    assert again is not None and again.host == first.host


def test_computed_columns_are_checked_not_imported(
    services: Services, new_consultation: Any, tmp_path: Path
) -> None:
    saved = services.consultations.save(new_consultation())
    path = tmp_path / "台账.xlsx"
    services.ledger.export(ConsultationFilter(), path, masked=False)
    cell(path, CONSULTATION_SHEET, 2, "参与人次", 99)
    plan = services.ledger.plan_import(path)
    assert plan.ok and not plan.has_changes
    (row,) = plan.rows
    assert row.result is RowResult.UNCHANGED
    assert "参与人次" in row.reasons[0] and "99" in row.reasons[0]
    services.ledger.apply_import(plan)
    after = services.consultations.get(saved.id or 0)
    assert after == saved


def test_total_rows_and_blank_rows_are_passed_over(
    services: Services, new_consultation: Any, tmp_path: Path
) -> None:
    services.consultations.save(new_consultation())
    path = tmp_path / "台账.xlsx"
    services.ledger.export(ConsultationFilter(), path, masked=False)
    wb = load_workbook(path)
    ws = wb[CONSULTATION_SHEET]
    ws.append([])
    ws.append(["合计", None, None, None, None, None, None, None, None, None, None, 8, 30])
    wb.save(path)
    plan = services.ledger.plan_import(path)
    assert plan.ok
    assert [(r.row, r.result) for r in plan.rows] == [
        (2, RowResult.UNCHANGED),
        (4, RowResult.SKIPPED),
    ]


def test_a_ledger_of_another_app_without_any_known_sheet_is_refused(
    services: Services, tmp_path: Path
) -> None:
    path = _own_ledger(tmp_path / "工资表.xlsx", ["姓名", "工资"], [["张三", 3000]])
    plan = services.ledger.plan_import(path)
    assert not plan.ok and plan.problems


def consultation_fields(c: Consultation) -> dict[str, Any]:
    return {k: v for k, v in vars(c).items() if k not in ("revision", "updated_at")}


def test_a_cancelled_export_writes_no_file(
    services: Services, new_consultation: Any, tmp_path: Path
) -> None:
    for day in range(1, 4):
        services.consultations.save(new_consultation(held_on=date(2024, 3, day)))
    folder = tmp_path / "导出"
    folder.mkdir()
    path = folder / "台账.xlsx"
    with pytest.raises(Cancelled):
        services.ledger.export(ConsultationFilter(), path, FakeProgress(when=lambda d, _t: d >= 2))
    assert list(folder.iterdir()) == []
    seen = FakeProgress()
    result = services.ledger.export(ConsultationFilter(), path, seen)
    assert result.consultations == 3 and path.is_file()
    assert seen.steps[-1][0] == seen.steps[-1][1]  # the progress ends at 100 %


def test_an_unsolved_item_needs_its_reason_which_an_extra_column_may_give(
    services: Services, new_consultation: Any, tmp_path: Path
) -> None:
    saved = services.consultations.save(new_consultation())
    path = tmp_path / "台账.xlsx"
    services.ledger.export(ConsultationFilter(), path, masked=False)
    row = append(path, ITEM_SHEET, {"活动编号": saved.number, "内容": "拓宽道路", "状态": "未解决"})
    plan = services.ledger.plan_import(path)
    (error,) = plan.errors
    assert error.row == row and "未解决的原因" in error.reasons[0]

    wb = load_workbook(path)
    ws = wb[ITEM_SHEET]
    ws.cell(1, ws.max_column + 1).value = "未解决原因"
    ws.cell(row, ws.max_column).value = "规划未批"
    wb.save(path)
    plan = services.ledger.plan_import(path)
    assert plan.ok
    services.ledger.apply_import(plan)
    after = services.consultations.get(saved.id or 0)
    assert after is not None
    (item,) = after.outcome_items
    assert (item.status, item.unsolved_reason) == (OutcomeStatus.UNSOLVED, "规划未批")


def test_a_date_with_a_time_of_day_gives_the_start_time(
    services: Services, group: LiaisonGroup, tmp_path: Path
) -> None:
    path = _own_ledger(
        tmp_path / "台账.xlsx",
        ["议题", "时间", "地点", "类型"],
        [["村口停车", datetime(2024, 5, 6, 14, 30), "驿站", "微协商"]],
    )
    plan = services.ledger.plan_import(path)
    assert plan.ok, [r.reasons for r in plan.rows]
    services.ledger.apply_import(plan)
    (summary,) = services.consultations.search(ConsultationFilter(), PageRequest()).items
    c = services.consultations.get(summary.id)
    assert c is not None
    assert (c.held_on, c.start_time) == (date(2024, 5, 6), time(14, 30))


# --- the masked ledger (one privacy policy) -----------------------------------------------------

RESIDENT_PHONE = "13812348000"
MEMBER_PHONE = "13712345678"


@pytest.fixture
def with_numbers(services: Services, group: LiaisonGroup, new_consultation: Any) -> Consultation:
    """A record whose text names a resident and gives her phone and a member's."""
    from liaison_desk.domain.entities import Participant, Person

    assert group.id is not None
    zhang = services.people.save(
        Person(
            name="张三",
            category=ParticipantCategory.RESIDENT,
            group_id=group.id,
            phone=RESIDENT_PHONE,
        )
    )
    return services.consultations.save(
        new_consultation(
            participants=[Participant(name="张三", category=zhang.category, person_id=zhang.id)],
            consensus=f"张三反映路灯不亮，电话{RESIDENT_PHONE}；委员电话{MEMBER_PHONE}。",
            outcome_items=[
                OutcomeItem(content=f"修好路灯后告知张三（{RESIDENT_PHONE}）", revisit_note="")
            ],
        )
    )


def _cells(path: Path) -> list[str]:
    book = load_workbook(path)
    return [
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    ]


def test_a_masked_ledger_shows_no_number_of_anyone_without_consent_and_says_so(
    services: Services, with_numbers: Consultation, tmp_path: Path
) -> None:
    path = tmp_path / "台账.xlsx"
    result = services.ledger.export(ConsultationFilter(), path)  # masked by default
    assert result.masked
    text = "\n".join(_cells(path))
    assert RESIDENT_PHONE not in text and MEMBER_PHONE not in text and "张三" not in text
    assert "138****8000" in text and "137****5678" in text and "张某" in text
    book = load_workbook(path)
    for ws in book.worksheets:  # the note above the headings says what is hidden
        note = str(ws["A1"].value)
        assert note.startswith("【已隐藏个人信息】") and "不能导入" in note
        assert "手机号和身份证号" in note and "张某" in note
    assert "LiaisonDesk.MaskedLedger" in book.defined_names


def test_the_working_copy_holds_the_records_as_they_are_and_round_trips(
    services: Services, with_numbers: Consultation, tmp_path: Path
) -> None:
    path = tmp_path / "台账.xlsx"
    result = services.ledger.export(ConsultationFilter(), path, masked=False)
    assert not result.masked
    assert RESIDENT_PHONE in "\n".join(_cells(path))
    before = snapshot(services)
    plan = services.ledger.plan_import(path)
    assert plan.ok and not plan.has_changes
    services.ledger.apply_import(plan)
    assert snapshot(services) == before


def test_a_masked_ledger_is_refused_by_the_import_and_nothing_is_written(
    services: Services, with_numbers: Consultation, tmp_path: Path
) -> None:
    from liaison_desk.services.ledger import MaskedLedgerError

    path = tmp_path / "台账.xlsx"
    services.ledger.export(ConsultationFilter(), path)
    before = snapshot(services)
    with pytest.raises(MaskedLedgerError) as refused:
        services.ledger.read(path)
    assert "隐藏了个人信息" in str(refused.value) and "--no-mask" in str(refused.value)
    assert isinstance(refused.value, LedgerFileError)  # shown like any unreadable file
    with pytest.raises(MaskedLedgerError):
        services.ledger.plan_import(path)

    # The note row deleted in Excel: the hidden marker still tells.
    book = load_workbook(path)
    for ws in book.worksheets:
        ws.delete_rows(1)
    book.save(path)
    with pytest.raises(MaskedLedgerError):
        services.ledger.plan_import(path)

    # A masked sheet copied into a workbook of one's own: its note still tells.
    copied = Workbook()
    ws = copied.active
    assert ws is not None
    ws.title = CONSULTATION_SHEET
    for row in load_workbook(tmp_path / "台账.xlsx")[CONSULTATION_SHEET].iter_rows(
        values_only=True
    ):
        ws.append(list(row))
    services.ledger.export(ConsultationFilter(), tmp_path / "原样.xlsx")
    note = load_workbook(tmp_path / "原样.xlsx")[CONSULTATION_SHEET]["A1"].value
    ws.insert_rows(1)
    ws["A1"] = note
    copied.save(tmp_path / "复制的.xlsx")
    with pytest.raises(MaskedLedgerError):
        services.ledger.plan_import(tmp_path / "复制的.xlsx")

    assert snapshot(services) == before  # nothing written, not even a backup's worth of change


def test_a_ledger_of_every_group_is_headed_with_the_office_in_the_settings(
    demo_services: Services,
) -> None:
    """The heading named 吴兴区政协 whatever office the database belongs to."""
    everyone = ConsultationFilter(year=2024)
    demo_services.settings.update({"cases.issuing_office": "南浔区政协"})
    assert demo_services.ledger.title(everyone).startswith("南浔区政协各联络组 协商活动台账")
    demo_services.settings.update({"cases.issuing_office": ""})
    assert demo_services.ledger.title(everyone).startswith("各联络组 协商活动台账")
