"""The page-layout engine on its own: text stays in the GB/T 9704 text block, every line is drawn
exactly once, tables repeat their header and split rows only between lines, page numbers and the
QR code sit where the module says, and the same pages draw on a PDF writer and on an image."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from liaison_desk.documents import layout, pdf_writer
from liaison_desk.documents.layout import (
    MM,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_BOTTOM,
    TEXT_HEIGHT,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_TOP,
    TEXT_WIDTH,
    Blank,
    FillLines,
    FontBook,
    Page,
    Paragraph,
    Style,
    TextBox,
    TextLineOp,
)
from liaison_desk.documents.qr import QR_SIZE, QR_TOP, qr_ops
from liaison_desk.documents.tables import Cell, Row, Table

SENTENCE = "居民反映小区停车难、充电难，希望增设停车位和充电桩，并规范 WiFi 与 APP 报修流程。"


@pytest.fixture
def book(qapp: QApplication) -> FontBook:
    return FontBook()


def text_ops(pages: list[Page]) -> list[tuple[int, TextLineOp]]:
    return [(n, op) for n, page in enumerate(pages) for op in page if isinstance(op, TextLineOp)]


def assert_inside_text_block(pages: list[Page]) -> None:
    for n, op in text_ops(pages):
        box = op.box
        assert op.top >= TEXT_TOP - 0.01, (n, box.line_text(op.index))
        assert op.top + box.style.line_height <= TEXT_BOTTOM + 0.01, (n, box.line_text(op.index))
        assert op.x >= TEXT_LEFT - 0.01
        assert op.x + box.natural_width(op.index) <= TEXT_RIGHT + 0.01, box.line_text(op.index)


def test_the_geometry_is_gb_t_9704() -> None:
    assert pytest.approx(595.28, abs=0.01) == PAGE_WIDTH
    assert pytest.approx(841.89, abs=0.01) == PAGE_HEIGHT
    assert pytest.approx(28 * MM) == TEXT_LEFT and pytest.approx(37 * MM) == TEXT_TOP
    assert pytest.approx(156 * MM) == TEXT_WIDTH and pytest.approx(225 * MM) == TEXT_HEIGHT
    assert pytest.approx(26 * MM) == PAGE_WIDTH - TEXT_RIGHT
    assert pytest.approx(35 * MM) == PAGE_HEIGHT - TEXT_BOTTOM
    # 3号 body on 22 lines: a fixed spacing between 28 and 29 pt.
    assert 28 <= layout.BODY_LINE_HEIGHT <= 29.5


def test_chinese_breaks_anywhere_and_latin_words_stay_whole(book: FontBook) -> None:
    box = TextBox(SENTENCE * 8, Style(), book, TEXT_WIDTH)
    lines = [box.line_text(i) for i in range(box.line_count)]
    assert "".join(lines) == SENTENCE * 8
    assert box.line_count > 5
    for line in lines:
        assert not line.startswith(("，", "。", "、"))  # no closing punctuation opens a line
    words = " ".join(lines).split()
    assert "WiFi" in words and "APP" in words
    # A body line of 3号 holds 27 or 28 Chinese characters.
    chinese = TextBox("协商" * 100, Style(), book, TEXT_WIDTH)
    assert {len(chinese.line_text(i)) for i in range(chinese.line_count - 1)} <= {27, 28}


def test_what_a_sheet_keeps_whole_moves_whole_to_the_next_line(book: FontBook) -> None:
    keep = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|1\d{10}|（[^（）]{1,8}）|欧阳娜娜")
    text = "".join(
        f"第{n}项由欧阳娜娜（主任）负责，时限{2024 + n}年{n % 12 + 1}月{n + 10}日，电话1380013{n:04d}；"
        for n in range(1, 16)
    )
    style = Style(size=12.0, line_height=20.0)

    def split(box: TextBox) -> list[str]:
        lines = [box.line_text(i) for i in range(box.line_count)]
        assert "".join(lines) == text  # nothing lost, nothing doubled
        ends = [sum(len(line) for line in lines[: i + 1]) for i in range(len(lines) - 1)]
        return [m[0] for m in keep.finditer(text) if any(m.start() < e < m.end() for e in ends)]

    assert split(TextBox(text, style, book, 200.0))  # left to itself, Qt cuts some
    assert not split(TextBox(text, style, book, 200.0, keep=keep))
    # An opening bracket goes along with what it opens; what is longer than a line still breaks.
    box = TextBox("委员名单（欧阳娜娜）", style, book, 100.0, keep=keep)
    assert [box.line_text(i) for i in range(box.line_count)] == ["委员名单", "（欧阳娜娜）"]
    long = TextBox("13800138000" * 2, style, book, 40.0, keep=re.compile(r"\d+"))
    assert long.line_count > 1
    assert "".join(long.line_text(i) for i in range(long.line_count)) == "13800138000" * 2


def test_a_long_paragraph_flows_over_pages_line_by_line(book: FontBook) -> None:
    paragraph = Paragraph(SENTENCE * 60, Style(indent=2), book)
    pages = layout.paginate([paragraph])
    assert len(pages) >= 3
    drawn = [op.index for _, op in text_ops(pages)]
    assert drawn == list(range(paragraph.box.line_count))
    assert_inside_text_block(pages)
    # 22 lines of 3号 to a full page.
    assert Counter(n for n, _ in text_ops(pages))[0] == 22


def _table(book: FontBook, rows: list[Row]) -> Table:
    return Table(
        (40.0, 120.0, TEXT_WIDTH - 160.0),
        rows,
        book,
        caption=[Row([Cell("参加人员名单", span=3)], keep_with_next=True)],
        header=[Row([Cell("序号"), Cell("姓名"), Cell("备注")])],
    )


def test_a_long_table_repeats_its_header_on_every_page(book: FontBook) -> None:
    rows = [Row([Cell(str(n)), Cell(f"人员{n}"), Cell("")], min_height=26) for n in range(1, 81)]
    pages = layout.paginate([_table(book, rows)])
    assert len(pages) >= 3
    for n, page in enumerate(pages):
        lines = [op.box.line_text(op.index) for op in page if isinstance(op, TextLineOp)]
        opening = ["参加人员名单"] if n == 0 else []
        assert lines[: len(opening) + 3] == [*opening, "序号", "姓名", "备注"]
    numbers = [op.box.line_text(op.index) for _, op in text_ops(pages)]
    assert [n for n in numbers if n.isdigit()] == [str(n) for n in range(1, 81)]
    assert numbers.count("序号") == len(pages)
    assert numbers.count("参加人员名单") == 1
    assert_inside_text_block(pages)


def test_a_row_taller_than_a_page_splits_between_lines(book: FontBook) -> None:
    long_cell = "\n".join(f"第{n}段：{SENTENCE}" for n in range(1, 80))
    rows = [
        Row([Cell("1"), Cell("王小明"), Cell("短")]),
        Row([Cell("2"), Cell("会议记录"), Cell(long_cell)]),
        Row([Cell("3"), Cell("李四"), Cell("短")]),
    ]
    table = _table(book, rows)
    pages = layout.paginate([table])
    assert len(pages) >= 3
    box = table.rows[1].cells[2].box
    drawn = [op.index for _, op in text_ops(pages) if op.box is box]
    assert drawn == list(range(box.line_count))  # each line once, in order, none clipped
    assert_inside_text_block(pages)
    # The header is repeated on each page the row continues on.
    for page in pages:
        assert "序号" in [op.box.line_text(op.index) for op in page if isinstance(op, TextLineOp)]


def test_a_row_that_does_not_fit_moves_whole_to_the_next_page(book: FontBook) -> None:
    filler = Paragraph(SENTENCE * 18, Style(), book)  # most of a page
    five_lines = "\n".join(["一行"] * 5)
    table = _table(book, [Row([Cell("1"), Cell("张三"), Cell(five_lines)])])
    pages = layout.paginate([filler, table])
    assert len(pages) == 2
    box = table.rows[0].cells[2].box
    assert {n for n, op in text_ops(pages) if op.box is box} == {1}


def test_fill_lines_sit_at_the_bottom_right_of_the_last_page(book: FontBook) -> None:
    lines = FillLines(
        [["主持人：", Blank(90), "记录人：", Blank(90)], ["日期：", Blank(40), "年"]],
        Style(size=14, line_height=28),
        book,
    )
    pages = layout.paginate([Paragraph("正文。", Style(), book), lines])
    assert len(pages) == 1
    ops = [op for _, op in text_ops(pages) if op.box.line_text(0) in ("主持人：", "年")]
    assert ops and all(op.top > TEXT_BOTTOM - 60 for op in ops)
    rules = [op for op in pages[0] if isinstance(op, layout.RuleOp)]
    assert max(r.x2 for r in rules) <= TEXT_RIGHT
    assert max(r.x2 for r in rules) > TEXT_RIGHT - 5
    # On a full page they go to the next one rather than over the text.
    full = layout.paginate([Paragraph(SENTENCE * 19, Style(), book), lines])
    assert len(full) == 2


def test_page_numbers_alternate_sides_below_the_text_block(book: FontBook) -> None:
    odd = layout.page_number_ops(book, 1)[0]
    even = layout.page_number_ops(book, 2)[0]
    assert isinstance(odd, TextLineOp) and isinstance(even, TextLineOp)
    assert odd.box.line_text(0) == "— 1 —" and even.box.line_text(0) == "— 2 —"
    assert odd.top > TEXT_BOTTOM and even.top > TEXT_BOTTOM
    assert odd.top + odd.box.style.line_height < PAGE_HEIGHT - 20 * MM
    assert odd.x + odd.box.natural_width() == pytest.approx(TEXT_RIGHT - 14, abs=0.5)
    assert even.x == pytest.approx(TEXT_LEFT + 14)


def test_the_qr_code_is_in_the_top_margin_at_the_right(book: FontBook) -> None:
    fill, label = qr_ops(book, "织里-2024-议-012")
    assert isinstance(fill, layout.FillOp) and isinstance(label, TextLineOp)
    rect = fill.path.boundingRect()
    assert rect.right() == pytest.approx(TEXT_RIGHT, abs=0.01)
    assert rect.top() >= QR_TOP - 0.01 and rect.width() <= QR_SIZE + 0.01
    assert 17 * MM <= rect.width() <= 20 * MM
    assert label.box.line_text(0) == "织里-2024-议-012"
    assert label.top + label.box.style.line_height <= TEXT_TOP
    assert label.x + label.box.natural_width() == pytest.approx(TEXT_RIGHT, abs=0.01)


class _Pages:
    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self.painted: list[int] = []

    def page_count(self) -> int:
        return len(self.pages)

    def render_page(self, painter: QPainter, index: int) -> None:
        self.painted.append(index)
        layout.paint_page(painter, self.pages[index])


def test_the_same_pages_draw_on_a_pdf_and_on_an_image(book: FontBook, tmp_path: Path) -> None:
    pages = _Pages(layout.paginate([Paragraph(SENTENCE * 40, Style(), book)]))
    out = tmp_path / "段落.pdf"
    pdf_writer.write_pdf(pages, out, pdf_writer.PdfInfo(title="测试"))
    assert out.read_bytes().startswith(b"%PDF")
    assert pages.painted == list(range(pages.page_count()))
    assert [p.name for p in tmp_path.iterdir()] == ["段落.pdf"]
    image = layout.page_image(pages, 0, dpi=72)
    assert (image.width(), image.height()) == (595, 842)
    # Ink inside the text block only.
    dark = [
        (x, y)
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 128
    ]
    assert dark
    assert min(x for x, _ in dark) >= TEXT_LEFT - 1 and max(x for x, _ in dark) <= TEXT_RIGHT + 1
    assert min(y for _, y in dark) >= TEXT_TOP - 1 and max(y for _, y in dark) <= TEXT_BOTTOM + 1


def test_a_pdf_writer_from_elsewhere_gets_a4(book: FontBook, tmp_path: Path) -> None:
    """render() sets the device's page: a writer left on Letter still gets A4 pages."""
    from PySide6.QtGui import QPageSize

    pages = _Pages(layout.paginate([Paragraph(SENTENCE, Style(), book)]))
    out = tmp_path / "letter.pdf"
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    layout.render(pages, writer)
    del writer
    boxes = re.findall(rb"/MediaBox \[([\d. ]+)\]", out.read_bytes())
    assert boxes and all(
        [round(float(v)) for v in box.split()] == [0, 0, 595, 842] for box in boxes
    )


def test_a_missing_folder_is_an_os_error_and_nothing_is_left(
    book: FontBook, tmp_path: Path
) -> None:
    pages = _Pages(layout.paginate([Paragraph(SENTENCE, Style(), book)]))
    with pytest.raises(FileNotFoundError):
        pdf_writer.write_pdf(pages, tmp_path / "没有" / "a.pdf", pdf_writer.PdfInfo())
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_drawing_leaves_nothing_behind(book: FontBook, tmp_path: Path) -> None:
    class Broken(_Pages):
        def render_page(self, painter: QPainter, index: int) -> None:
            raise RuntimeError("boom")

    out = tmp_path / "a.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        pdf_writer.write_pdf(Broken([[]]), out, pdf_writer.PdfInfo())
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    assert out.read_bytes() == b"old"
