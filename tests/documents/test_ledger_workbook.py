"""The ledger workbook as a file: how it is laid out for Excel, WPS and the printer, what reading
gives back, how headings of a group's own ledger are matched, and what a broken file says."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from liaison_desk.documents.ledger import (
    CONSULTATION_COLUMNS,
    CONSULTATION_SHEET,
    ITEM_COLUMNS,
    ITEM_SHEET,
    LedgerFileError,
    as_date,
    as_int,
    as_time,
    as_yes_no,
    normalise_heading,
    propose_layout,
    propose_mapping,
    read_ledger,
    write_ledger,
)
from liaison_desk.progress import Cancelled
from progress_fakes import FakeProgress

CONSULTATION = {
    "number": "织里-2024-议-001",
    "kind": "民生议事堂",
    "title": "织里镇童装产业园区停车难协商",
    "topic_source": "群众反映",
    "held_on": date(2024, 3, 5),
    "start_time": time(9, 30),
    "end_time": time(11, 45),
    "venue": "织里镇民生议事堂",
    "group": "织里镇联络组",
    "host": "沈建国",
    "recorder": "",
    "member_attendance": 8,
    "attendance_total": 23,
    "suggestion_count": 2,
    "solved_count": 1,
    "status": "已完成",
    "consensus": "一是错时开放机关停车场；\n二是增设临时停车位。",
}
ITEM = {
    "consultation_number": "织里-2024-议-001",
    "position": 1,
    "content": "=错时开放机关停车场",  # text that looks like a formula stays text
    "responsible_body": "织里镇城管中队",
    "responsible_person": "",
    "deadline": date(2024, 6, 30),
    "solved_on_spot": False,
    "adopted": True,
    "status": "已解决",
    "resolved_on": date(2024, 5, 20),
    "revisit_on": None,
    "revisit_note": "",
    "satisfaction": "满意",
}


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    path = tmp_path / "织里镇联络组-民生议事堂台账-2024.xlsx"
    write_ledger(path, [CONSULTATION], [ITEM], title="织里镇联络组 民生议事堂台账（2024年）")
    return path


def test_sheets_and_headings_follow_formats_md(ledger_file: Path) -> None:
    wb = load_workbook(ledger_file)
    assert wb.sheetnames == [CONSULTATION_SHEET, ITEM_SHEET]
    consultations, items = wb[CONSULTATION_SHEET], wb[ITEM_SHEET]
    assert [c.value for c in consultations[1]] == [
        "编号",
        "类型",
        "议题",
        "议题来源",
        "日期",
        "开始时间",
        "结束时间",
        "地点",
        "联络组",
        "主持人",
        "记录人",
        "委员人次",
        "参与人次",
        "建议条数",
        "已解决条数",
        "状态",
        "协商成果",
    ]
    assert [c.value for c in items[1]] == [
        "活动编号",
        "序号",
        "内容",
        "责任单位",
        "责任人",
        "完成时限",
        "现场解决",
        "采纳",
        "状态",
        "解决日期",
        "回访日期",
        "回访情况",
        "满意度",
    ]


def test_the_workbook_is_set_up_for_screen_and_print(ledger_file: Path) -> None:
    wb = load_workbook(ledger_file)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"  # the header row stays when scrolling
        assert ws.print_title_rows in ("1:1", "$1:$1")  # and is printed on every page
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert "页" in ws.oddFooter.center.text
        assert ws.page_setup.orientation == "landscape"
        # Each heading fits its column, on as many lines as the header row is tall for.
        lines = (ws.row_dimensions[1].height - 6) / (10.5 * 1.35)
        for cell in ws[1]:
            width = ws.column_dimensions[cell.column_letter].width
            assert (width - 1.5) * round(lines) >= 2 * len(str(cell.value)), cell.value
            assert cell.alignment.wrap_text
    # Issue 14, finding 6: each sheet's own page header.
    assert wb[CONSULTATION_SHEET].oddHeader.center.text == "织里镇联络组 民生议事堂台账（2024年）"
    assert wb[ITEM_SHEET].oddHeader.center.text == "织里镇联络组 民生议事堂意见建议台账（2024年）"


def test_the_ledger_prints_at_9_pt_or_more(tmp_path: Path) -> None:
    """Issue 14, finding 6: the ledger printed at 4.1 pt. Every font is 9 pt or more, and the
    printed columns fit A4 landscape at a scale that keeps the 10.5 pt text at 9 pt or more;
    the detail columns are a collapsed outline group (not printed)."""
    from liaison_desk.documents.ledger import BODY_SIZE, printed_scale

    long = dict(CONSULTATION, consensus="经协商，各方同意按楼层分摊加装电梯费用。" * 8)
    path = tmp_path / "台账.xlsx"
    write_ledger(path, [long] * 20, [ITEM] * 20, title="织里镇联络组 民生议事堂台账（2024年）")
    wb = load_workbook(path)
    sizes = [float(f.sz) for f in wb._fonts if f.sz is not None]
    assert min(sizes) >= 9
    for ws in wb.worksheets:
        printed = [
            dim.width
            for letter, dim in ws.column_dimensions.items()
            if not dim.hidden and letter <= ws.cell(1, ws.max_column).column_letter
        ]
        assert BODY_SIZE * printed_scale(printed) >= 9, ws.title
    hidden = {
        ws.cell(1, c).value
        for ws in wb.worksheets
        for c in range(1, ws.max_column + 1)
        if ws.column_dimensions[ws.cell(1, c).column_letter].hidden
    }
    assert hidden == {"开始时间", "结束时间", "记录人", "委员人次"}
    assert all(
        ws.column_dimensions[ws.cell(1, c).column_letter].outlineLevel == 1
        for ws in wb.worksheets
        for c in range(1, ws.max_column + 1)
        if ws.column_dimensions[ws.cell(1, c).column_letter].hidden
    )
    # Read back whole: the collapsed columns too.
    ledger = read_ledger(path)
    assert ledger.sheets[0].rows[0][1][ledger.sheets[0].headings.index("开始时间")] == time(9, 30)


def test_the_vocabulary_columns_carry_drop_down_lists_of_the_domain(ledger_file: Path) -> None:
    """Issue 14, finding 6: a typo in 类型, 状态, 是/否 or 满意度 is caught in Excel/WPS."""
    from liaison_desk.domain.enums import (
        ConsultationKind,
        ConsultationStatus,
        OutcomeStatus,
        Satisfaction,
        TopicSource,
    )

    wb = load_workbook(ledger_file)
    expected = {
        CONSULTATION_SHEET: {
            "类型": [k.short_label for k in ConsultationKind],
            "议题来源": [t.label for t in TopicSource],
            "状态": [st.label for st in ConsultationStatus],
        },
        ITEM_SHEET: {
            "现场解决": ["是", "否"],
            "采纳": ["是", "否"],
            "状态": [st.label for st in OutcomeStatus],
            "满意度": [x.label for x in Satisfaction],
        },
    }
    for title, columns in expected.items():
        ws = wb[title]
        letters = {
            ws.cell(1, c).value: ws.cell(1, c).column_letter for c in range(1, ws.max_column + 1)
        }
        found = {}
        for rule in ws.data_validations.dataValidation:
            assert rule.type == "list" and rule.showErrorMessage and rule.errorStyle == "stop"
            assert rule.error and "只能是" in rule.error
            for ref in str(rule.sqref).split():
                found[ref.split(":")[0].rstrip("0123456789")] = rule.formula1.strip('"').split(",")
                assert ref.split(":")[0].endswith("2")  # below the header row, every row
        assert found == {letters[h]: values for h, values in columns.items()}
        # What the ledger itself writes is within its lists.
        for heading, values in columns.items():
            col = list(letters).index(heading) + 1
            value = ws.cell(2, col).value
            assert value is None or value in values, (heading, value)


def test_dates_are_dates_numbers_are_numbers_and_text_is_text(ledger_file: Path) -> None:
    ws = load_workbook(ledger_file)[CONSULTATION_SHEET]
    row = {ws.cell(1, c).value: ws.cell(2, c) for c in range(1, ws.max_column + 1)}
    assert row["日期"].is_date and row["日期"].value == datetime(2024, 3, 5)
    assert row["日期"].number_format == "yyyy-mm-dd"
    assert row["开始时间"].is_date and row["开始时间"].value == time(9, 30)
    assert row["委员人次"].data_type == "n" and row["委员人次"].value == 8
    assert row["编号"].data_type == "s"
    assert row["协商成果"].alignment.wrap_text  # several lines show as several lines
    # The long topic wraps in its column, on a row tall enough for its lines.
    width = ws.column_dimensions[row["议题"].column_letter].width
    lines = -(-2 * len(CONSULTATION["title"]) // int(width - 1.5))
    assert row["议题"].alignment.wrap_text
    assert ws.row_dimensions[2].height >= lines * 10.5 * 1.3
    items = load_workbook(ledger_file)[ITEM_SHEET]
    assert items["C2"].data_type == "s" and items["C2"].value == "=错时开放机关停车场"
    assert items["G2"].value == "否" and items["H2"].value == "是"


def test_reading_gives_back_every_value_written(ledger_file: Path) -> None:
    ledger = read_ledger(ledger_file)
    sheets = {s.title: s for s in ledger.sheets}
    consultations = sheets[CONSULTATION_SHEET]
    assert consultations.header_row == 1
    assert consultations.headings == [c.heading for c in CONSULTATION_COLUMNS]
    (row_number, cells), *_ = consultations.rows
    assert row_number == 2
    values = dict(zip([c.key for c in CONSULTATION_COLUMNS], cells, strict=True))
    assert as_date(values["held_on"]) == date(2024, 3, 5)
    assert as_time(values["start_time"]) == time(9, 30)
    assert as_time(values["end_time"]) == time(11, 45)
    assert values["consensus"] == CONSULTATION["consensus"]
    assert values["member_attendance"] == 8
    assert values["recorder"] in (None, "")
    layouts = {x.title: x for x in propose_layout(ledger)}
    assert layouts[CONSULTATION_SHEET].role == "consultations"
    assert layouts[ITEM_SHEET].role == "items"
    assert sorted(layouts[ITEM_SHEET].mapping.values()) == sorted(
        c.key for c in ITEM_COLUMNS if c.exported
    )


def test_the_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"the old file")
    stop = FakeProgress(cancel_at=1)
    rows = [dict(CONSULTATION, number=f"织里-2024-议-{i:03d}") for i in range(1, 60)]
    with pytest.raises(Cancelled):
        write_ledger(path, rows, [], progress=stop)
    assert stop.calls
    assert path.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]  # no temporary file left


def _sheet(path: Path, rows: list[list[Any]], title: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_groups_own_layout_is_found_under_its_title_row(tmp_path: Path) -> None:
    """A title above the headings, columns in another order and named a little differently."""
    path = _sheet(
        tmp_path / "own.xlsx",
        [
            ["织里镇联络组2024年协商活动台账"],
            [],
            ["序号", "活动日期（年月日）", "协商 议题：", "协商地点", "所属联络组", "备注"],
            [1, "2024/3/5", "停车难", "织里镇民生议事堂", "织里镇联络组", ""],
        ],
        title="台账",
    )
    ledger = read_ledger(path)
    (sheet,) = ledger.sheets
    assert sheet.header_row == 3
    assert sheet.rows[0][0] == 4
    (layout,) = propose_layout(ledger)
    assert layout.role == "consultations"
    assert layout.mapping == {1: "held_on", 2: "title", 3: "venue", 4: "group"}  # 序号, 备注 left


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("议题", "title"),
        ("协商议题", "title"),
        ("主题", "title"),
        ("议题来源", "topic_source"),  # not 议题
        ("日期", "held_on"),
        ("协商日期", "held_on"),
        ("活动日期", "held_on"),
        ("开始时间", "start_time"),  # not 时间 (= the date in many ledgers)
        ("地点：", "venue"),
        ("协商地点", "venue"),
        ("所属联络组", "group"),
        ("活动类型", "kind"),
        ("协商类型", "kind"),
        ("参加委员人次", "member_attendance"),
        ("参与人次", "attendance_total"),
        ("意见建议条数", "suggestion_count"),
        ("协商议题名称", "title"),  # contains a synonym
    ],
)
def test_consultation_headings_match_tolerantly(heading: str, key: str) -> None:
    assert propose_mapping([heading], "consultations") == {0: key}


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("现场解决（是/否）", "solved_on_spot"),
        ("是否采纳", "adopted"),
        ("意见建议内容", "content"),
        ("承办单位", "responsible_body"),
        ("办理时限", "deadline"),
        ("回头看情况", "revisit_note"),
        ("群众满意度", "satisfaction"),
        ("活动编号", "consultation_number"),
    ],
)
def test_item_headings_match_tolerantly(heading: str, key: str) -> None:
    assert propose_mapping([heading], "items") == {0: key}


def test_an_exact_heading_wins_over_a_tolerant_one_and_each_column_is_used_once() -> None:
    assert propose_mapping(["活动主题名称", "议题"], "consultations") == {1: "title"}
    assert propose_mapping(["议题", "议题"], "consultations") == {0: "title"}
    assert propose_mapping(["备注", "序号"], "consultations") == {}


def test_normalised_headings_ignore_width_spaces_brackets_and_colons() -> None:
    assert normalise_heading(" 完成 时限（日期）： ") == "完成时限"
    assert normalise_heading("*议题") == "议题"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        ("2024/3/5", date(2024, 3, 5)),
        ("2024.3.5", date(2024, 3, 5)),
        ("2024年3月5日", date(2024, 3, 5)),
        ("２０２４－０３－０５", date(2024, 3, 5)),
        ("20240305", date(2024, 3, 5)),
        (datetime(2024, 3, 5), date(2024, 3, 5)),
        ("", None),
        (None, None),
    ],
)
def test_dates_are_read_in_the_forms_people_type(text: Any, expected: date | None) -> None:
    assert as_date(text) == expected


@pytest.mark.parametrize("text", ["2024-13-05", "2024-02-30", "下周三", "3月5日", 45356])
def test_what_is_no_date_says_so_in_chinese(text: Any) -> None:
    with pytest.raises(ValueError, match="日期"):
        as_date(text)


def test_times_yes_no_and_counts_are_read_tolerantly() -> None:
    assert as_time("9:30") == time(9, 30)
    assert as_time("09：30") == time(9, 30)
    assert as_time("14点") == time(14, 0)
    assert as_time(time(9, 29, 59, 999_800)) == time(9, 30)  # what a float lost
    assert as_time(0.375) == time(9, 0)
    with pytest.raises(ValueError, match="时刻"):
        as_time("25:00")
    assert as_yes_no("是") is True and as_yes_no("√") is True and as_yes_no("否") is False
    assert as_yes_no("") is None
    with pytest.raises(ValueError, match="是"):
        as_yes_no("也许")
    assert as_int(8.0) == 8 and as_int("１２") == 12 and as_int("") is None
    with pytest.raises(ValueError, match="整数"):
        as_int("八")


def test_a_damaged_workbook_is_refused_in_chinese(ledger_file: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "截断.xlsx"
    truncated.write_bytes(ledger_file.read_bytes()[:3000])
    with pytest.raises(LedgerFileError, match="损坏"):
        read_ledger(truncated)

    not_excel = tmp_path / "台账.xlsx"
    not_excel.write_text("编号,议题\n", encoding="utf-8")
    with pytest.raises(LedgerFileError, match="不是 Excel"):
        read_ledger(not_excel)

    old_excel = tmp_path / "旧台账.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(LedgerFileError, match=r"\.xls"):
        read_ledger(old_excel)

    other_zip = tmp_path / "照片.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("photo.jpg", b"not a workbook")
    with pytest.raises(LedgerFileError, match=r"损坏|不完整|不是 Excel 工作簿"):
        read_ledger(other_zip)

    with pytest.raises(LedgerFileError, match="找不到"):
        read_ledger(tmp_path / "没有这个文件.xlsx")
