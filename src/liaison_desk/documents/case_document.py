"""One case write-up (协商案例) as an editable Word file and as a PDF, both laid out per
GB/T 9704 (formats.md "Page geometry").

Layout (the same in both):

- the title in 2号 (22 pt) title face (方正小标宋简体), centred; the subtitle ("——织里镇联络组……")
  in 3号 楷体, centred; one empty line;
- the sections of ``domain.entities.CASE_SECTIONS`` that have text, numbered 一、二、… as level-1
  headings in 黑体 (an empty section is left out and the numbers close up);
- the section texts in 3号 仿宋 on a fixed line pitch of about 29 pt (22 lines to the 225 mm text block),
  28 characters to a full line (the PDF sets them at 156 mm / 28, as Word's document grid does),
  paragraphs indented two characters and justified; the markup of ``domain.case_text``: headings
  一、 (黑体), （一） (楷体), 1. (仿宋 bold), (1) (仿宋), run-in headings, ``**bold**``;
- the photos after the text, each centred at most the text block's width and 95 mm high, its
  caption centred below it in 4号 楷体; a photo stays on one page with its caption;
- page numbers "— n —" in 4号 宋体 below the text block, odd pages right, even pages left, one
  character in.

The Word file names the official faces (or the settings' choice) in every run and style, with the
East Asian font attribute (w:eastAsia) Word on Windows reads for Chinese, and lists them in its
font table with their GB2312 character set and alternative names (w:altName: 仿宋 for
仿宋_GB2312, KaiTi for 楷体, SimHei for 黑体): on a PC that lacks the _GB2312 faces Word falls back to
those instead of an unrelated face. （一） headings are named 楷体, not 楷体_GB2312 (the same design by
the same vendor; every Windows has it): the file embeds stand-ins named 楷体 and 黑体, so that
LibreOffice, with none of these faces, still shows 一、 and （一） in faces of their own
(``documents.docx_fonts``). Page numbers are PAGE fields in separate odd and even footers.

The PDF is laid out by ``documents.layout`` and written by ``documents.pdf_writer`` (fonts
embedded, text extractable, PDF/A-1b with bookmarks and page labels); it needs a
QGuiApplication, the Word file does not.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter

from liaison_desk import __version__, fonts
from liaison_desk.documents import layout, pdf_writer
from liaison_desk.documents.atomic import write_atomically
from liaison_desk.documents.case_data import CaseDocumentData, CasePhotoData
from liaison_desk.documents.docx_fonts import embed_stand_ins
from liaison_desk.documents.layout import (
    BODY_CHARS_PER_LINE,
    BODY_LINE_HEIGHT,
    BODY_SIZE,
    MM,
    PAGE_NUMBER_SIZE,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    TITLE_SIZE,
    Align,
    Block,
    BookmarkOp,
    FontBook,
    Format,
    Op,
    Page,
    Paragraph,
    Picture,
    Spacer,
    Style,
)
from liaison_desk.domain.case_text import BlockKind, TextBlock, chinese_numeral, parse_case_text

# --- the look, shared by Word and PDF ----------------------------------------------------------

TITLE_LINE_HEIGHT = 36.0
CAPTION_SIZE = 14.0  # 4号
CAPTION_LINE_HEIGHT = 22.0
PHOTO_MAX_HEIGHT = 95 * MM
PHOTO_GAP = 4.0  # between a photo and its caption

# Heading level → (role, bold) of its heading part; body text is ("body", False).
HEADING_LOOK: dict[BlockKind, tuple[str, bool]] = {
    BlockKind.PARAGRAPH: ("body", False),
    BlockKind.HEADING1: ("heading1", False),
    BlockKind.HEADING2: ("heading2", False),
    BlockKind.HEADING3: ("body", True),
    BlockKind.HEADING4: ("body", False),
}

TITLE_STYLE = Style(
    role="title", size=TITLE_SIZE, line_height=TITLE_LINE_HEIGHT, align=Align.CENTER
)
# 3号 text on GB/T 9704's grid of 28 characters to the line.
SUBTITLE_STYLE = Style(
    role="heading2", size=BODY_SIZE, align=Align.CENTER, grid=BODY_CHARS_PER_LINE
)
BODY_STYLE = Style(role="body", indent=2, grid=BODY_CHARS_PER_LINE)
CAPTION_STYLE = Style(
    role="heading2", size=CAPTION_SIZE, line_height=CAPTION_LINE_HEIGHT, align=Align.CENTER
)


def numbered_sections(data: CaseDocumentData) -> list[tuple[str, str]]:
    """(heading with its number, text) of the sections that have text: 一、基本信息 …"""
    present = [(h, t) for h, t in data.sections if t.strip()]
    return [(f"{chinese_numeral(n)}、{h}", t) for n, (h, t) in enumerate(present, start=1)]


def run_look(block: TextBlock, heading: bool, bold: bool) -> tuple[str, bool]:
    """The role and weight of a run of ``block``: its heading part in the level's look, the rest
    in the body face; ``**bold**`` adds bold to either."""
    role, level_bold = HEADING_LOOK[block.kind] if heading else ("body", False)
    return role, level_bold or bold


# --- PDF ----------------------------------------------------------------------------------------


def _paragraph(block: TextBlock, book: FontBook) -> Paragraph:
    formats: list[Format] = []
    pos = 0
    for span in block.spans:
        role, bold = run_look(block, span.heading, span.bold)
        if (role, bold) != ("body", False):
            formats.append(Format(pos, len(span.text), role, bold))
        pos += len(span.text)
    whole_heading = block.kind.is_heading and all(s.heading for s in block.spans)
    return Paragraph(block.text, BODY_STYLE, book, formats=formats, keep_with_next=whole_heading)


def case_blocks(data: CaseDocumentData, book: FontBook, key: str = "case") -> list[Block]:
    """The case as blocks for ``layout.paginate``: title, subtitle, sections, photos. The title
    is a bookmark (``key`` names it as a link target), each numbered section one under it."""
    blocks: list[Block] = [
        Paragraph(
            data.title,
            TITLE_STYLE,
            book,
            keep_with_next=True,
            bookmark=BookmarkOp(data.title, 0, level=0, key=key),
        )
    ]
    if data.subtitle.strip():
        blocks.append(
            Paragraph(data.subtitle, SUBTITLE_STYLE, book, space_before=6.0, keep_with_next=True)
        )
    blocks.append(Spacer(BODY_LINE_HEIGHT))
    for heading, text in numbered_sections(data):
        blocks.append(
            Paragraph(
                heading,
                dataclasses.replace(BODY_STYLE, role="heading1"),
                book,
                keep_with_next=True,
                bookmark=BookmarkOp(heading, 0, level=1),
            )
        )
        blocks.extend(_paragraph(block, book) for block in parse_case_text(text))
    for photo in data.photos:
        blocks.append(
            Picture(
                photo.jpeg,
                (photo.width, photo.height),
                photo.caption,
                CAPTION_STYLE,
                book,
                max_height=PHOTO_MAX_HEIGHT,
                gap=PHOTO_GAP,
                space_before=BODY_LINE_HEIGHT / 2,
            )
        )
    return blocks


class PagedDocument:
    """Laid-out pages with their furniture (page numbers), ready to draw on any paged device as
    often as needed (the same protocol as ``sheets.PrintJob``)."""

    def __init__(
        self,
        title: str,
        pages: Sequence[tuple[Page, list[Op]]],
        page_labels: Sequence[pdf_writer.PageLabel] = (pdf_writer.PageLabel(0),),
    ) -> None:
        self.title = title
        self._pages = list(pages)
        self.page_labels = tuple(page_labels)  # the viewer's page labels: the printed numbers

    def page_count(self) -> int:
        return len(self._pages)

    def page_ops(self, index: int) -> list[Op]:
        page, extra = self._pages[index]
        return [*page, *extra]

    def render_page(self, painter: QPainter, index: int) -> None:
        page, extra = self._pages[index]
        layout.paint_page(painter, [*page, *extra])

    def render(self, device: QPagedPaintDevice) -> None:
        layout.render(self, device)

    def write_pdf(self, path: Path) -> None:
        """The PDF (fonts embedded) through a temporary file renamed when complete."""
        pdf_writer.write_pdf(
            self,
            Path(path),
            pdf_writer.PdfInfo(
                title=self.title,
                creator=f"联络组履职档案台 {__version__}",
                page_labels=self.page_labels,
            ),
        )

    def page_image(self, index: int, dpi: float = 150) -> QImage:
        return layout.page_image(self, index, dpi)


def numbered(pages: Sequence[Page], book: FontBook, first: int = 1) -> list[tuple[Page, list[Op]]]:
    """Each page with its "— n —", counting from ``first``."""
    return [(page, layout.page_number_ops(book, first + i)) for i, page in enumerate(pages)]


def case_pages(data: CaseDocumentData, book: FontBook, key: str = "case") -> list[Page]:
    return layout.paginate(case_blocks(data, book, key))


def build_case_pdf(data: CaseDocumentData) -> PagedDocument:
    """The case laid out, pages numbered from 1. Needs a QGuiApplication."""
    book = FontBook(data.fonts)
    return PagedDocument(data.display_title, numbered(case_pages(data, book), book))


def write_case_pdf(data: CaseDocumentData, path: Path) -> None:
    """Write the case as a PDF to ``path`` (temporary file, then renamed; OSError on failure)."""
    build_case_pdf(data).write_pdf(Path(path))


# --- Word -------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Font table entries Word writes for the official faces: character set GB2312 (86), family and
# pitch, and an alternative name for the _GB2312 faces that newer Windows lacks.
_FONT_TABLE: dict[str, tuple[str, str, str]] = {
    # family: (altName, w:family, w:pitch)
    "方正小标宋简体": ("", "script", "variable"),
    "仿宋_GB2312": ("仿宋", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "modern", "fixed"),
    "仿宋": ("", "modern", "fixed"),
    "楷体": ("KaiTi", "modern", "fixed"),
    "黑体": ("SimHei", "modern", "fixed"),
    "宋体": ("SimSun", "auto", "variable"),
}


# The document grid (GB/T 9704): 22 lines of 28 characters of 3号 type in the 156 × 225 mm text
# block. Word and LibreOffice count the lines as whole pitches that fit the block, so the pitch
# is rounded down to the twip (579 twips × 22 = 224.7 mm; 580 would leave room for 21 lines
# only). 28 characters of 16 pt (448 pt) are wider than the block (442.2 pt): the type is set
# 0.25 pt closer (w:spacing), 28 × 15.75 pt = 155.6 mm. A character grid (w:type
# "linesAndChars" with a negative w:charSpace) would do that in Word, but LibreOffice then gives
# every 16 pt character two of the 15.8 pt cells: 14 characters a line.
GRID_LINES = 22
GRID_CHARS = 28
LINE_PITCH_TWIPS = int(TEXT_HEIGHT * 20 / GRID_LINES)
CHARACTER_SPACING_TWIPS = -5  # 0.25 pt closer
APPLICATION = "联络组履职档案台"

# The children of w:pPr in the schema's order (ECMA-376 CT_PPrBase, then CT_PPr's own).
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


def _set_ppr_flag(ppr: etree._Element, name: str, on: bool) -> None:
    """Set the on/off property ``w:name`` of a w:pPr, in its place in the schema's order."""
    from docx.oxml.ns import qn

    element = ppr.find(qn(f"w:{name}"))
    if element is None:
        element = etree.Element(qn(f"w:{name}"))
        later = {qn(f"w:{t}") for t in _PPR_ORDER[_PPR_ORDER.index(name) + 1 :]}
        following = next((child for child in ppr if child.tag in later), None)
        if following is None:
            ppr.append(element)
        else:
            following.addprevious(element)
    element.set(qn("w:val"), "1" if on else "0")


# The children of w:rPr that come after w:spacing (ECMA-376 CT_RPr order).
_RPR_AFTER_SPACING = (
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)


def _set_character_spacing(rpr: etree._Element, twips: int) -> None:
    """Characters set ``twips`` twentieths of a point closer (negative) or apart (w:spacing)."""
    from docx.oxml.ns import qn

    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = etree.Element(qn("w:spacing"))
        later = {qn(f"w:{t}") for t in _RPR_AFTER_SPACING}
        following = next((child for child in rpr if child.tag in later), None)
        if following is None:
            rpr.append(spacing)
        else:
            following.addprevious(spacing)
    spacing.set(qn("w:val"), str(twips))


# The Word name of a role whose official faces go by several names: （一） headings name 楷体 (the
# settings' default 楷体_GB2312 is the same design), which every Windows since Vista has, and the
# name of the stand-in the file embeds for LibreOffice (docx_fonts).
WORD_NAMES = {"heading2": "楷体"}


def word_fonts(choices: dict[str, str]) -> dict[str, str]:
    """Role → the family the Word file names: the settings' choice (an official face of a role of
    ``WORD_NAMES`` under that name), else the role's official face (what the recipient's Windows
    PC has), never the bundled stand-in."""
    result = {}
    for role, face in fonts.DOCUMENT_FACES.items():
        chosen = (choices.get(role) or "").strip()
        official = WORD_NAMES.get(role, face.preferred[0])
        result[role] = official if not chosen or chosen in face.preferred else chosen
    return result


def _q(tag: str) -> str:
    prefix, name = tag.split(":")
    assert prefix == "w"
    return f"{{{W_NS}}}{name}"


def _set_fonts(rpr: etree._Element, family: str) -> None:
    """Name ``family`` for every script of a run (ascii, hAnsi, eastAsia, cs), theme fonts
    removed so they cannot override it."""
    from docx.oxml.ns import qn

    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = etree.SubElement(rpr, qn("w:rFonts"))
        rpr.remove(rfonts)
        rpr.insert(0, rfonts)
    for attribute in list(rfonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del rfonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attribute), family)
    rfonts.set(qn("w:hint"), "eastAsia")


class _WordWriter:
    def __init__(self, data: CaseDocumentData, written_at: datetime | None = None) -> None:
        import docx

        self.data = data
        self.written_at = written_at or datetime.now()
        self.fonts = word_fonts(data.fonts)
        self.embedded: list[str] = []
        self.doc = docx.Document()
        self._setup_language()
        self._setup_page()
        self._setup_styles()
        self._setup_footers()
        self._setup_font_table()

    # --- set-up ---------------------------------------------------------------------------

    def _setup_language(self) -> None:
        """Chinese (PRC) as the East Asian language of the document's theme fonts (w:themeFontLang;
        python-docx's template says ja-JP): with it and the styles' w:lang, Word and LibreOffice
        choose Simplified Chinese fonts and glyph forms (LibreOffice otherwise takes the Japanese
        variant of Noto CJK)."""
        from docx.oxml.ns import qn

        settings = self.doc.settings.element
        lang = settings.find(qn("w:themeFontLang"))
        if lang is None:
            lang = etree.SubElement(settings, qn("w:themeFontLang"))
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")

    def _setup_page(self) -> None:
        from docx.oxml.ns import qn
        from docx.shared import Mm

        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.header_distance = Mm(15)
        # The footer's line of 4号 type ends about 24 mm above the paper's edge: its dash sits
        # 7 mm below the text block (GB/T 9704).
        section.footer_distance = Mm(24)
        section.gutter = Mm(0)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = etree.SubElement(section._sectPr, qn("w:docGrid"))
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
        grid.attrib.pop(qn("w:charSpace"), None)

    def _setup_styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Pt

        styles = self.doc.styles
        # Document defaults: the body face in Chinese, no theme fonts, no spacing after.
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        _set_fonts(rpr, self.fonts["body"])
        lang = rpr.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:val"), "en-US")
            lang.set(qn("w:eastAsia"), "zh-CN")
        for size in (rpr.find(qn("w:sz")), rpr.find(qn("w:szCs"))):
            if size is not None:
                size.set(qn("w:val"), str(round(BODY_SIZE * 2)))
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:
            spacing.set(qn("w:after"), "0")

        normal = styles["Normal"]
        self._style_font(normal, "body", BODY_SIZE)
        pf = normal.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        # Exactly one grid line (Word and LibreOffice alike), so every line sits on the grid.
        self._exact(pf, LINE_PITCH_TWIPS / 20)
        pf.space_before = pf.space_after = Pt(0)
        pf.widow_control = True
        normal_ppr = normal.element.get_or_add_pPr()
        self._indent_chars(normal_ppr, 2, BODY_SIZE)
        _set_character_spacing(normal.element.get_or_add_rPr(), CHARACTER_SPACING_TWIPS)
        # Punctuation stays inside the text block (no hanging ，。 past the right edge; the line
        # breaks before the word instead), Chinese line-breaking rules apply, and no extra space
        # is put between Chinese and Latin letters or digits, which would push characters off
        # the grid's 28 places.
        # LibreOffice reads w:overflowPunct the wrong way round (writerfilter's DomainMapper sets
        # its "hanging punctuation" when the value is 0, up to at least 24.x), so the value that
        # keeps the punctuation inside there is 1: Word's own default, where Word lets a
        # closing mark hang as it does in every Word document. The other way round, LibreOffice
        # hung it 5.7 mm past the block.
        _set_ppr_flag(normal_ppr, "kinsoku", True)
        _set_ppr_flag(normal_ppr, "overflowPunct", True)
        _set_ppr_flag(normal_ppr, "autoSpaceDE", False)
        _set_ppr_flag(normal_ppr, "autoSpaceDN", False)

        def add(name: str, role: str, size: float, *, bold: bool = False) -> None:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.next_paragraph_style = normal
            style.quick_style = True
            self._style_font(style, role, size, bold=bold)

        add("案例标题", "title", TITLE_SIZE)
        # Not snapped to the grid: LibreOffice would give a 22 pt line two grid lines and set
        # the title in the lower one, 7 mm below the block's top. Exactly one pitch keeps it on
        # the grid all the same.
        self._off_grid(styles["案例标题"])
        title = styles["案例标题"].paragraph_format
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # One grid line per line of the title too: its first line is the text block's first
        # (GB/T 9704), and the lines below stay on the grid.
        self._exact(title, LINE_PITCH_TWIPS / 20)
        title.space_before = Pt(0)
        title.keep_with_next = True
        self._indent_chars(styles["案例标题"].element.get_or_add_pPr(), 0, TITLE_SIZE)

        add("案例副标题", "heading2", BODY_SIZE)
        subtitle = styles["案例副标题"].paragraph_format
        subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
        subtitle.keep_with_next = True
        self._indent_chars(styles["案例副标题"].element.get_or_add_pPr(), 0, BODY_SIZE)

        for level, name in ((1, "一级标题"), (2, "二级标题"), (3, "三级标题"), (4, "四级标题")):
            role, bold = HEADING_LOOK[BlockKind(level)]
            add(name, role, BODY_SIZE, bold=bold)
            styles[name].paragraph_format.keep_with_next = True
            if level <= 2:
                styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

        add("图片", "body", BODY_SIZE)
        picture = styles["图片"].paragraph_format
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.line_spacing = 1.0  # an exact spacing would clip the picture
        picture.space_before = Pt(BODY_LINE_HEIGHT / 2)
        picture.space_after = Pt(PHOTO_GAP)
        picture.keep_with_next = True
        self._indent_chars(styles["图片"].element.get_or_add_pPr(), 0, BODY_SIZE)

        add("图片说明", "heading2", CAPTION_SIZE)
        caption = styles["图片说明"].paragraph_format
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._exact(caption, CAPTION_LINE_HEIGHT)
        self._indent_chars(styles["图片说明"].element.get_or_add_pPr(), 0, CAPTION_SIZE)

        add("页码", "page_number", PAGE_NUMBER_SIZE)
        folio = styles["页码"].paragraph_format
        folio.line_spacing = 1.0
        self._indent_chars(styles["页码"].element.get_or_add_pPr(), 0, PAGE_NUMBER_SIZE)
        for name in ("图片", "图片说明", "页码"):  # last: python-docx does not know its place
            self._off_grid(styles[name])

    def _style_font(self, style: object, role: str, size: float, *, bold: bool = False) -> None:
        from docx.shared import Pt

        font = style.font  # type: ignore[attr-defined]
        font.size = Pt(size)
        font.bold = bold
        font.name = self.fonts[role]
        _set_fonts(style.element.get_or_add_rPr(), self.fonts[role])  # type: ignore[attr-defined]

    @staticmethod
    def _exact(pf: object, points: float) -> None:
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt

        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY  # type: ignore[attr-defined]
        pf.line_spacing = Pt(points)  # type: ignore[attr-defined]

    @staticmethod
    def _off_grid(style: object) -> None:
        """Not snapped to the document grid's lines (pictures, captions, page numbers): with the
        grid on, Word would round their height up to whole lines of about 29 pt."""
        _set_ppr_flag(style.element.get_or_add_pPr(), "snapToGrid", False)  # type: ignore[attr-defined]

    @staticmethod
    def _indent_chars(ppr: etree._Element, chars: int, size: float) -> None:
        """First-line indent of ``chars`` characters (w:firstLineChars, with the width in twips
        for programs that ignore it)."""
        from docx.oxml.ns import qn

        ind = ppr.find(qn("w:ind"))
        if ind is None:
            ind = ppr.get_or_add_ind()
        ind.set(qn("w:firstLineChars"), str(chars * 100))
        ind.set(qn("w:firstLine"), str(round(chars * size * 20)))

    def _setup_footers(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        self.doc.settings.odd_and_even_pages_header_footer = True
        section = self.doc.sections[0]
        for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            paragraph.style = self.doc.styles["页码"]
            pf = paragraph.paragraph_format
            # 单页码居右空一字，双页码居左空一字.
            if odd:
                pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                pf.right_indent = Pt(PAGE_NUMBER_SIZE)
            else:
                pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
                pf.left_indent = Pt(PAGE_NUMBER_SIZE)
            self._page_field(paragraph)

    def _page_field(self, paragraph: object) -> None:
        from docx.oxml.ns import qn

        def run(text: str = "") -> etree._Element:
            r = paragraph.add_run(text)  # type: ignore[attr-defined]
            self._run_font(r, "page_number", PAGE_NUMBER_SIZE)
            return r._r

        run("— ")
        begin = run()
        etree.SubElement(begin, qn("w:fldChar")).set(qn("w:fldCharType"), "begin")
        instruction = run()
        text = etree.SubElement(instruction, qn("w:instrText"))
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        text.text = " PAGE "
        separate = run()
        etree.SubElement(separate, qn("w:fldChar")).set(qn("w:fldCharType"), "separate")
        run("1")
        end = run()
        etree.SubElement(end, qn("w:fldChar")).set(qn("w:fldCharType"), "end")
        run(" —")

    def _setup_font_table(self) -> None:
        """List the faces the document names in its font table, with their character set and
        the alternative names (see the module docstring)."""
        part = next(
            (
                r.target_part
                for r in self.doc.part.rels.values()
                if r.reltype.endswith("/fontTable")
            ),
            None,
        )
        if part is None:
            return
        root = etree.fromstring(part.blob)
        known = {f.get(_q("w:name")) for f in root.findall(_q("w:font"))}
        for family in dict.fromkeys(self.fonts.values()):
            if family in known:
                continue
            alt, kind, pitch = _FONT_TABLE.get(family, ("", "auto", "variable"))
            font = etree.SubElement(root, _q("w:font"))
            font.set(_q("w:name"), family)
            if alt:
                etree.SubElement(font, _q("w:altName")).set(_q("w:val"), alt)
            etree.SubElement(font, _q("w:charset")).set(_q("w:val"), "86")
            etree.SubElement(font, _q("w:family")).set(_q("w:val"), kind)
            etree.SubElement(font, _q("w:pitch")).set(_q("w:val"), pitch)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # --- content ----------------------------------------------------------------------------

    def _run_font(self, run: object, role: str, size: float, bold: bool = False) -> None:
        from docx.shared import Pt

        font = run.font  # type: ignore[attr-defined]
        font.size = Pt(size)
        font.bold = bold
        font.name = self.fonts[role]
        _set_fonts(run._r.get_or_add_rPr(), self.fonts[role])  # type: ignore[attr-defined]

    def write(self) -> None:
        data = self.doc
        case = self.data
        title = data.add_paragraph(style="案例标题")
        self._run_font(title.add_run(case.title), "title", TITLE_SIZE)
        if case.subtitle.strip():
            subtitle = data.add_paragraph(style="案例副标题")
            self._run_font(subtitle.add_run(case.subtitle), "heading2", BODY_SIZE)
        data.add_paragraph(style="Normal")  # one empty line of the grid
        for heading, text in numbered_sections(case):
            p = data.add_paragraph(style="一级标题")
            self._run_font(p.add_run(heading), "heading1", BODY_SIZE)
            for block in parse_case_text(text):
                self._block(block)
        for photo in case.photos:
            self._photo(photo)
        self.embedded = embed_stand_ins(self.doc, self.fonts)
        self._set_properties()

    def _set_properties(self) -> None:
        """The file's own properties instead of python-docx's template (created 2013, "Microsoft
        Macintosh Word", a blank thumbnail): author the group, title the case, created and
        modified when written, application this app."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        case = self.data
        written = self.written_at.astimezone(UTC).replace(tzinfo=None, microsecond=0)
        props = self.doc.core_properties
        props.title = case.display_title
        props.author = case.group_name or APPLICATION
        props.last_modified_by = props.author
        props.subject = "协商案例"
        props.keywords = case.archive_number
        props.comments = f"由{APPLICATION} {__version__} 生成"
        if self.embedded:
            # The licence of the embedded stand-ins (its whole text is inside each font).
            props.comments += (
                f"。内嵌{'、'.join(self.embedded)}的替代字体（Liaison Kai 即霞鹜文楷改名子集、"
                "Liaison Hei 即 Noto Sans SC 子集），仅在未安装同名字体时使用，"
                "SIL Open Font License 1.1，许可全文在字体的许可说明中"
            )
        props.category = "协商案例"
        props.language = "zh-CN"
        props.revision = max(1, case.revision)
        props.created = props.modified = written

        package = self.doc.part.package
        for rid, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                package.rels.pop(rid)
            elif rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = _app_properties(case)

    def _block(self, block: TextBlock) -> None:
        whole_heading = block.kind.is_heading and all(s.heading for s in block.spans)
        style = {
            BlockKind.HEADING1: "一级标题",
            BlockKind.HEADING2: "二级标题",
            BlockKind.HEADING3: "三级标题",
            BlockKind.HEADING4: "四级标题",
        }.get(block.kind, "Normal")
        p = self.doc.add_paragraph(style=style if whole_heading else "Normal")
        for span in block.spans:
            role, bold = run_look(block, span.heading, span.bold)
            self._run_font(p.add_run(span.text), role, BODY_SIZE, bold)

    def _photo(self, photo: CasePhotoData) -> None:
        from docx.shared import Pt

        width = max(photo.width, 1)
        height = max(photo.height, 1)
        scale = min(TEXT_WIDTH / width, PHOTO_MAX_HEIGHT / height)
        p = self.doc.add_paragraph(style="图片")
        p.add_run().add_picture(
            io.BytesIO(photo.jpeg), width=Pt(width * scale), height=Pt(height * scale)
        )
        if photo.caption.strip():
            caption = self.doc.add_paragraph(style="图片说明")
            self._run_font(caption.add_run(photo.caption), "heading2", CAPTION_SIZE)
        else:
            p.paragraph_format.keep_with_next = False


def _app_version() -> str:
    """The version in the form Office's extended properties take (XX.YYYY): 0.3.1 → 00.0301."""
    parts = [int(p) if p.isdigit() else 0 for p in __version__.split(".")[:3]]
    major, minor, patch = [*parts, 0, 0, 0][:3]
    return f"{major:02d}.{minor:02d}{patch:02d}"


def _app_properties(case: CaseDocumentData) -> bytes:
    """docProps/app.xml: this app as the application (no template, no Word of 2010)."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    for name, value in (
        ("Application", APPLICATION),
        ("AppVersion", _app_version()),
        ("DocSecurity", "0"),
        ("Company", case.group_name),
        ("LinksUpToDate", "false"),
        ("SharedDoc", "false"),
        ("HyperlinksChanged", "false"),
    ):
        etree.SubElement(root, f"{{{ns}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build_case_docx(data: CaseDocumentData, written_at: datetime | None = None) -> bytes:
    """The Word file's bytes; ``written_at`` (local time, default now) is its created and
    modified date."""
    writer = _WordWriter(data, written_at)
    writer.write()
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return buffer.getvalue()


def write_case_docx(data: CaseDocumentData, path: Path, written_at: datetime | None = None) -> None:
    """Write the case as an editable Word file to ``path``: through a temporary file in the same
    folder, renamed when complete (OSError when the folder cannot be written). ``written_at``:
    as :func:`build_case_docx`."""
    write_atomically(Path(path), build_case_docx(data, written_at))


__all__ = [
    "CaseDocumentData",
    "PagedDocument",
    "build_case_docx",
    "build_case_pdf",
    "case_blocks",
    "case_pages",
    "write_case_docx",
    "write_case_pdf",
]
