"""One case write-up as a Word file and as a PDF (documents/case_document.py through
services/case_documents.py), on the demo year's four selected 2024 cases and on a case that uses
every heading level, bold and a resident's personal information:

- the Word file opens with python-docx: A4, GB/T 9704 margins, the official faces named in every
  run with the East Asian attribute, title 22 pt, body 16 pt on a fixed 29 pt pitch (22 lines) with a
  two-character indent, page numbers as PAGE fields in odd (right) and even (left) footers, the
  photos inside the text block with their captions;
- the PDF: A4 pages, every character inside the text block but the page numbers "— n —" below it
  (odd right, even left), fonts embedded, the extracted text equal to the case's text;
- residents' names and numbers masked unless asked not to or the person consented.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from pdf_archive import outline, page_labels, pdfa_problems, pdffonts, printed_numbers
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QRawFont
from PySide6.QtWidgets import QApplication
from test_sheets import Char, PdfPage, read_pdf

from liaison_desk.documents import docx_fonts
from liaison_desk.documents.case_data import CaseDocumentData
from liaison_desk.documents.case_document import numbered_sections
from liaison_desk.documents.layout import (
    TEXT_BOTTOM,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_WIDTH,
)
from liaison_desk.domain.case_text import strip_markup
from liaison_desk.domain.entities import Case, Consultation, LiaisonGroup, Participant, Person
from liaison_desk.domain.enums import CaseStatus, ParticipantCategory
from liaison_desk.domain.queries import CaseFilter
from liaison_desk.fonts import BUNDLED_KAI, DOCUMENT_FACES
from liaison_desk.services import Services
from liaison_desk.services.case_documents import UnknownCase

SELECTED_2024 = {
    "J012-WS·2024-Y-ZL-0001": "助力青年返乡",
    "J012-WS·2024-Y-DX-0001": "助力打造“暖心餐”",
    "J012-WS·2024-Y-LQ-0001": "清“顽疾”守护烟火气",
    "J012-WS·2024-Y-KS-0001": "关爱青少年心理健康",
}
OFFICIAL = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "heading1": "黑体",
    "heading2": "楷体",  # the Word name of 楷体_GB2312 (case_document.WORD_NAMES)
    "page_number": "宋体",
}
RESIDENT, RESIDENT_PHONE = "王小明", "13812345678"
CONSENTING, CONSENTING_PHONE = "李同意", "13987654321"
MEMBER = "张委员"
ID_NUMBER = "330502199001011234"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def selected_cases(services: Services) -> list[Case]:
    return services.cases.in_statuses({CaseStatus.SELECTED}, CaseFilter(year=2024))


def expected_paragraphs(data: CaseDocumentData) -> list[str]:
    """The text of the document, paragraph by paragraph, as printed."""
    lines = [data.title, data.subtitle]
    for heading, text in numbered_sections(data):
        lines.append(heading)
        lines += [line for line in strip_markup(text).split("\n") if line.strip()]
    lines += [p.caption for p in data.photos]
    return [line.strip() for line in lines if line.strip()]


@pytest.fixture
def demo(demo_services: Services, qapp: QApplication) -> Services:
    return demo_services


# --- Word ----------------------------------------------------------------------------------------


def east_asian(run: object) -> str | None:
    rpr = run._r.rPr  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def check_docx(path: Path, data: CaseDocumentData) -> docx.document.Document:
    document = docx.Document(str(path))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    assert round(section.right_margin.mm) == 26 and round(section.bottom_margin.mm) == 35
    # The text block is 156 × 225 mm.
    assert section.page_width - section.left_margin - section.right_margin == pytest.approx(
        Mm(156), abs=Mm(0.1)
    )

    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert [p.text for p in paragraphs] == expected_paragraphs(data)
    styles = [p.style.name for p in paragraphs]
    assert styles[0] == "案例标题"
    title_run = paragraphs[0].runs[0]
    assert east_asian(title_run) == OFFICIAL["title"] and title_run.font.size.pt == 22
    if data.subtitle:
        assert styles[1] == "案例副标题"
        assert east_asian(paragraphs[1].runs[0]) == OFFICIAL["heading2"]
    headings = [h for h, _ in numbered_sections(data)]
    for p in paragraphs:
        for run in p.runs:
            # Every run names a face for Chinese text (w:eastAsia) and the same for Latin.
            assert east_asian(run) in OFFICIAL.values(), (p.text, east_asian(run))
            assert run.font.name == east_asian(run)
        if p.text in headings:
            assert {east_asian(r) for r in p.runs} == {OFFICIAL["heading1"]}
            assert p.style.name == "一级标题"
    body = document.styles["Normal"]
    assert body.font.size.pt == 16
    # 22 lines to the 225 mm text block: 28.99 pt (Word keeps whole twentieths: 29.0).
    assert body.paragraph_format.line_spacing.pt == pytest.approx(225 / 25.4 * 72 / 22, abs=0.05)
    indent = body.element.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"
    assert body.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == OFFICIAL["body"]

    # Photos: as many as chosen, within the text block, each with its caption under it.
    shapes = document.inline_shapes
    assert len(shapes) == len(data.photos)
    for shape in shapes:
        assert shape.width <= Mm(156) + Mm(0.1)
    captions = [p for p in paragraphs if p.style.name == "图片说明"]
    assert [p.text for p in captions] == [ph.caption for ph in data.photos if ph.caption]
    assert all(east_asian(p.runs[0]) == OFFICIAL["heading2"] for p in captions)

    # Page numbers: "— PAGE —" in 宋体 4号, odd footer right, even footer left.
    assert document.settings.odd_and_even_pages_header_footer
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer._element.xml
        assert "PAGE" in xml and "—" in xml
        paragraph = footer.paragraphs[0]
        assert str(paragraph.alignment).split(" ")[0].lower() == alignment
        assert {east_asian(r) for r in paragraph.runs} == {OFFICIAL["page_number"]}
        assert {r.font.size.pt for r in paragraph.runs} == {14}
    # The font table tells Word what to fall back to where 仿宋_GB2312 is missing.
    table = next(
        r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable")
    ).blob.decode()
    assert re.search(
        r'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>', table
    )
    return document


def test_the_four_selected_cases_as_word_files(demo: Services, tmp_path: Path) -> None:
    cases = selected_cases(demo)
    assert {c.archive_number: c.title for c in cases} == SELECTED_2024
    folder = tmp_path / "out"
    folder.mkdir()
    for case in cases:
        assert case.id is not None
        out = folder / f"{case.archive_number}.docx"
        assert demo.case_documents.write_docx(case.id, out) == out
        data = demo.case_documents.document_data(case.id)
        assert 2 <= len(data.photos) <= 4
        check_docx(out, data)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.docx" for n in SELECTED_2024), (
        "no temporary file is left behind"
    )


# --- PDF -----------------------------------------------------------------------------------------


def check_case_pdf(path: Path) -> list[PdfPage]:
    """A4 pages; every character inside the text block but "— n —" below it, pages counted
    from 1, odd at the right and even at the left; every font embedded as TrueType."""
    pages = read_pdf(path)
    middle = TEXT_LEFT + TEXT_WIDTH / 2
    for n, page in enumerate(pages, start=1):
        assert page.width == pytest.approx(595, abs=1) and page.height == pytest.approx(842, abs=1)
        outside = [c for c in page.chars if c not in page.inside()]
        assert all(c.top > TEXT_BOTTOM for c in outside), f"page {n}: text outside the block"
        assert squash("".join(c.text for c in outside)) == f"—{n}—"
        assert all(c.size == pytest.approx(14, abs=0.2) for c in outside)
        if n % 2:
            assert min(c.x0 for c in outside) > middle and max(c.x1 for c in outside) <= TEXT_RIGHT
        else:
            assert max(c.x1 for c in outside) < middle and min(c.x0 for c in outside) >= TEXT_LEFT
    data = path.read_bytes()
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", data))
    assert descriptors >= 1
    assert len(re.findall(rb"/FontFile2\s", data)) == descriptors
    assert b"/Type3" not in data
    return pages


def test_the_four_selected_cases_as_pdfs(demo: Services, tmp_path: Path) -> None:
    full_lines = 0
    for case in selected_cases(demo):
        assert case.id is not None
        out = tmp_path / "案例.pdf"
        pages = demo.case_documents.write_pdf_pages(case.id, out)
        read = check_case_pdf(out)
        assert len(read) == pages >= 2
        data = demo.case_documents.document_data(case.id)
        text = "".join(p.text() for p in read)
        assert text == squash("".join(expected_paragraphs(data)))
        # Photos are drawn as images, inside the text block.
        assert out.read_bytes().count(b"/Subtype /Image") >= len(data.photos)
        full_lines += check_full_lines(read)

        # For an archive and a reader on screen: PDF/A-1b, a bookmark for the case with its
        # numbered sections under it, page labels as printed.
        assert pdfa_problems(out) == []
        marks = outline(out)
        sections = [h for h, _ in numbered_sections(data)]
        assert [(m.title, m.level) for m in marks] == [
            (data.title, 0),
            *((h, 1) for h in sections),
        ]
        assert marks[0].page == 0
        for mark in marks[1:]:
            lines = [squash(line) for line in page_lines(read[mark.page])]
            assert squash(mark.title) in lines
        numbers = printed_numbers(out)
        assert numbers == list(range(1, pages + 1))
        assert page_labels(out) == [str(n) for n in numbers]
    assert full_lines >= 20


def page_lines(page: PdfPage) -> list[str]:
    return ["".join(c.text for c in line) for line in char_lines(page)]


def char_lines(page: PdfPage) -> list[list[Char]]:
    """The text block's characters by line, top to bottom, each left to right."""
    rows: list[list[Char]] = []
    for c in sorted(page.inside(), key=lambda c: (round(c.top), c.x0)):
        if rows and abs(rows[-1][0].top - c.top) < 4:
            rows[-1].append(c)
        else:
            rows.append([c])
    return [sorted(row, key=lambda c: c.x0) for row in rows]


# Punctuation that may not begin a line, and that may not end one (the Unicode line-breaking
# rules): a line before or ending with one gives a character to the next line.
NO_LINE_START = set("，。、；：？！）》」』】〕”’…—")
NO_LINE_END = set("（《「『【〔“‘")


def check_full_lines(pages: list[PdfPage]) -> int:
    """GB/T 9704: a full line of 3号 text holds 28 characters (26 after a paragraph's two-
    character indent). Full lines: all Chinese characters and punctuation (full width), set from
    the text block's left edge (or the indent) to its right edge; one holds a character less
    only where the line-breaking rules moved one over (with it this line would end with "“", or
    the next one start with "，"). Returns how many full lines there were."""
    pitch = TEXT_WIDTH / 28
    count = 0
    for page in pages:
        lines = char_lines(page)
        for n, line in enumerate(lines):
            said = "".join(c.text for c in line)
            if not all(unicodedata.east_asian_width(c.text) in "WF" for c in line):
                continue
            if abs(line[0].size - 16) > 0.2 or line[-1].x1 < TEXT_RIGHT - 1:
                continue
            indent = round((line[0].x0 - TEXT_LEFT) / pitch)
            assert indent in (0, 2), said
            assert line[-1].x1 == pytest.approx(TEXT_RIGHT, abs=1)
            following = [c.text for c in lines[n + 1][:2]] if n + 1 < len(lines) else []
            if len(line) == 27 - indent and (
                len(following) < 2 or following[0] in NO_LINE_END or following[1] in NO_LINE_START
            ):
                continue  # a character moved over by the line-breaking rules
            assert len(line) == 28 - indent, said
            count += 1
    return count


# --- markup and masking ---------------------------------------------------------------------------

SECTIONS = {
    "basic_info": "协商主题：老旧小区加装电梯\n牵头单位：织里镇联络组",
    "background": f"群众代表{RESIDENT}（电话{RESIDENT_PHONE}，身份证号{ID_NUMBER}）反映加装电梯难。",
    "practice": (
        "一、深入调研\n"
        "（一）走访楼道\n"
        f"1.摸清底数。委员{MEMBER}带队走访，{CONSENTING}（{CONSENTING_PHONE}）同意公开。\n"
        "(1)听取意见\n"
        "形成**三张清单**，逐条交办。"
    ),
    "results": "",  # an empty section is left out; the numbers close up
    "insights": "协商要让当事人唱主角。",
}


@pytest.fixture
def marked_case(
    services: Services,
    group: LiaisonGroup,
    new_consultation: Callable[..., Consultation],
    qapp: QApplication,
) -> Case:
    people = []
    for name, category, phone, consent in (
        (RESIDENT, ParticipantCategory.RESIDENT, RESIDENT_PHONE, False),
        (CONSENTING, ParticipantCategory.RESIDENT, CONSENTING_PHONE, True),
        (MEMBER, ParticipantCategory.MEMBER, "13700000000", False),
    ):
        people.append(
            services.people.save(
                Person(
                    name=name,
                    category=category,
                    group_id=group.id,
                    phone=phone,
                    consent_to_publish=consent,
                )
            )
        )
    consultation = services.consultations.save(
        new_consultation(
            participants=[
                Participant(name=p.name, category=p.category, person_id=p.id) for p in people
            ]
        )
    )
    assert consultation.id is not None
    return services.cases.save(
        Case(
            group_id=group.id,
            year=2024,
            title="加装电梯“加”出幸福感",
            subtitle="——织里镇联络组协商推动老旧小区加装电梯",
            sections=SECTIONS,
            consultation_ids=[consultation.id],
        )
    )


def test_masked_documents_hide_residents_but_not_members_or_consenting(
    services: Services, marked_case: Case, tmp_path: Path
) -> None:
    assert marked_case.id is not None
    data = services.case_documents.document_data(marked_case.id)
    text = "".join(t for _, t in data.sections)
    assert RESIDENT not in text and "王某" in text
    assert RESIDENT_PHONE not in text and "138****5678" in text
    assert ID_NUMBER not in text and "330502********1234" in text
    assert MEMBER in text and CONSENTING in text and CONSENTING_PHONE in text
    for writer, suffix in (
        (services.case_documents.write_docx, ".docx"),
        (services.case_documents.write_pdf, ".pdf"),
    ):
        out = writer(marked_case.id, tmp_path / f"masked{suffix}")
        if suffix == ".pdf":
            written = "".join(p.text() for p in read_pdf(out))
        else:
            written = "".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert RESIDENT not in written and RESIDENT_PHONE not in written
        assert "王某" in written and MEMBER in written
    unmasked = services.case_documents.document_data(marked_case.id, masked=False)
    assert f"群众代表{RESIDENT}（电话{RESIDENT_PHONE}" in unmasked.sections[1][1]
    # The preview lists exactly the lines masking changes.
    preview = services.case_documents.masking_preview(marked_case.id)
    assert [(line.where, line.original, line.masked) for line in preview] == [
        ("背景起因", SECTIONS["background"], data.sections[1][1]),
    ]
    assert "王某" in preview[0].masked and RESIDENT_PHONE in preview[0].original


def test_markup_sets_the_heading_faces_and_bold(
    services: Services, marked_case: Case, tmp_path: Path
) -> None:
    assert marked_case.id is not None
    out = services.case_documents.write_docx(marked_case.id, tmp_path / "案例.docx")
    document = docx.Document(str(out))
    by_text = {p.text: p for p in document.paragraphs if p.text}
    # Section headings close up over the empty 成果成效: 一 … 四.
    assert [t for t in by_text if re.match("[一二三四五]、", t)] == [
        "一、基本信息",
        "二、背景起因",
        "三、主要做法/协商过程",
        "一、深入调研",
        "四、经验启示",
    ]
    assert {east_asian(r) for r in by_text["一、深入调研"].runs} == {"黑体"}
    assert {east_asian(r) for r in by_text["（一）走访楼道"].runs} == {"楷体"}
    assert by_text["（一）走访楼道"].style.name == "二级标题"
    run_in = next(p for t, p in by_text.items() if t.startswith("1.摸清底数。"))
    assert run_in.runs[0].text == "1.摸清底数。" and run_in.runs[0].bold
    assert east_asian(run_in.runs[0]) == "仿宋_GB2312"
    assert not run_in.runs[1].bold and run_in.runs[1].text.startswith("委员")
    level4 = by_text["(1)听取意见"]
    assert {east_asian(r) for r in level4.runs} == {"仿宋_GB2312"}
    assert not any(r.bold for r in level4.runs)
    bold = by_text["形成三张清单，逐条交办。"]
    assert [(r.text, bool(r.bold)) for r in bold.runs] == [
        ("形成", False),
        ("三张清单", True),
        ("，逐条交办。", False),
    ]
    assert "**三张清单**" not in "".join(by_text)
    assert "138****5678" in "".join(by_text)  # a masked number is not taken for bold marks

    # The PDF: the same text, the heading faces and the bold as the fonts used.
    pdf = services.case_documents.write_pdf(marked_case.id, tmp_path / "案例.pdf")
    pages = check_case_pdf(pdf)
    chars = [c for page in pages for c in page.inside()]
    data = services.case_documents.document_data(marked_case.id)
    assert "".join(c.text for c in chars) == squash("".join(expected_paragraphs(data)))
    fonts = _fonts_of(pdf)
    text = "".join(c.text for c in chars)
    assert fonts[text.index("三张清单")] != fonts[text.index("形成三")]
    assert fonts[text.index("一、深入调研")] != fonts[text.index("委员")]
    # The four levels in GB/T 9704's faces: title, body, 一、 (黑体), （一） (楷体): four faces.
    levels = [text.index(data.title[:4]), text.index("委员"), text.index("一、深入调研")]
    heading2 = text.index("（一）走访楼道")
    assert len({fonts[i] for i in [*levels, heading2]}) == 4
    assert {fonts[i] for i in range(heading2, heading2 + len("（一）走访楼道"))} == {
        fonts[heading2]
    }
    if DOCUMENT_FACES["heading2"].family() == BUNDLED_KAI:  # no 楷体 installed here
        assert fonts[heading2].endswith("LiaisonKai-Regular")
        assert any(f.name.endswith("LiaisonKai-Regular") and f.embedded for f in pdffonts(pdf))


def _fonts_of(path: Path) -> list[str]:
    """The font name of each character inside the text block, in drawing order (as
    ``read_pdf`` reads them)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    names: list[str] = []
    with path.open("rb") as f:
        for page in PDFPage.get_pages(f):
            interpreter.process_page(page)
            result = device.get_result()
            height = result.bbox[3] - result.bbox[1]
            names += [
                o.fontname
                for o in result
                if isinstance(o, LTChar) and o.get_text().strip() and height - o.y0 <= TEXT_BOTTOM
            ]
    return names


def test_a_case_is_found_by_archive_number_title_or_id(demo: Services) -> None:
    case = demo.case_documents.find("J012-WS·2024-Y-ZL-0001")
    assert case.title == "助力青年返乡"
    assert demo.case_documents.find("  助力青年返乡 ").id == case.id
    assert demo.case_documents.find(f"#{case.id}").id == case.id
    assert demo.case_documents.find("J012-WS•2024-Y-ZL-0001").id == case.id
    with pytest.raises(UnknownCase, match="找不到案例「J012-WS·2024-Y-ZL-9999」"):
        demo.case_documents.find("J012-WS·2024-Y-ZL-9999")
    with pytest.raises(UnknownCase):
        demo.case_documents.find("")


FONTS_DIR = Path(str(resources.files("liaison_desk.resources") / "fonts"))


def embedded_fonts(path: Path) -> dict[str, bytes]:
    """Font table name → the font embedded for it (de-obfuscated with its w:fontKey)."""
    with zipfile.ZipFile(path) as z:
        table = z.read("word/fontTable.xml").decode()
        if "word/_rels/fontTable.xml.rels" not in z.namelist():
            return {}
        rels = dict(
            re.findall(
                r'Id="(\w+)"[^>]*Target="([^"]+)"', z.read("word/_rels/fontTable.xml.rels").decode()
            )
        )
        found = {}
        for name, rid, key in re.findall(
            r'<w:font w:name="([^"]+)">(?:(?!</w:font>).)*?<w:embedRegular r:id="(\w+)" w:fontKey="([^"]+)"',
            table,
            re.S,
        ):
            found[name] = docx_fonts.obfuscate(z.read("word/" + rels[rid]), key)
    return found


def test_the_word_file_embeds_the_same_hei_and_kai_stand_ins(
    demo: Services, tmp_path: Path
) -> None:
    """LibreOffice matches a run's font name against the Chinese family name inside an embedded
    font and keeps the first font of a name for its session: every file embeds the same two
    fonts, named 黑体 and 楷体, covering GB 2312 level 1 and the 通用规范汉字表's level 1, with
    their licence inside."""
    seen = []
    for case in selected_cases(demo)[:2]:
        assert case.id is not None
        out = demo.case_documents.write_docx(case.id, tmp_path / f"{case.id}.docx")
        fonts = embedded_fonts(out)
        assert set(fonts) == {"黑体", "楷体"}
        seen.append(fonts)
        core = zipfile.ZipFile(out).read("docProps/core.xml").decode()
        assert "SIL Open Font License 1.1" in core
    assert seen[0] == seen[1]
    common = (FONTS_DIR / "tongyong-guifan-8105.txt").read_text(encoding="utf-8").split()[:3500]
    level1 = [
        bytes((a, b)).decode("gb2312")
        for a in range(0xB0, 0xD8)
        for b in range(0xA1, 0xFF)
        if (a, b) < (0xD7, 0xFA)
    ]
    for name, data in seen[0].items():
        assert name.encode("utf-16-be") in data  # its Chinese family name
        assert "SIL OPEN FONT LICENSE Version 1.1".encode("utf-16-be") in data
        raw = QRawFont(QByteArray(data), 16)
        assert raw.isValid()
        missing = [
            c
            for c in [
                *common,
                *level1,
                *"，。、；：？！“”‘’（）《》—…·０１２３４５６７８９0123456789",
            ]
            if not raw.supportsCharacter(ord(c))
        ]
        assert not missing, (name, missing[:20])


def test_a_face_chosen_in_the_settings_embeds_no_stand_in(demo: Services, tmp_path: Path) -> None:
    demo.settings.update(
        {"documents.font.heading1": "方正黑体_GBK", "documents.font.heading2": "华文楷体"}
    )
    case = selected_cases(demo)[0]
    assert case.id is not None
    out = demo.case_documents.write_docx(case.id, tmp_path / "案例.docx")
    assert embedded_fonts(out) == {}
    assert not [n for n in zipfile.ZipFile(out).namelist() if n.startswith("word/fonts/")]
