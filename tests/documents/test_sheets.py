"""The four printed sheets as PDFs, on the demo year and on a consultation with 60 participants
and very long minutes: A4 pages, every character inside the GB/T 9704 text block except the page
number and the QR code's label in their places, every font embedded as TrueType, the Chinese text
as recorded (masked when asked, in full when not), and the QR code reading back as the number."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWidgets import QApplication

from liaison_desk.documents.layout import (
    TEXT_BOTTOM,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_TOP,
    TEXT_WIDTH,
)
from liaison_desk.documents.qr import QR_SIZE, QR_TOP
from liaison_desk.documents.sheets import NothingToPrint, PrintJob, SheetKind, SheetOptions
from liaison_desk.domain.entities import Consultation
from liaison_desk.domain.masking import mask_text
from liaison_desk.services import Services
from liaison_desk.services.printouts import UnknownConsultations

# The fixture `crowded` (conftest.py) and its names.
RESIDENT = "王小明"
RESIDENT_PHONE = "13812345678"
CONSENTING = "李同意"
CONSENTING_PHONE = "13987654321"
RARE_NAME = "王𬌗喆"
ID_NUMBER = "330502199001011234"

HALL = "织里-2024-议-001"
MICRO = "织里-2024-微-001"
TOLERANCE = 2.0


# --- reading the PDF back ------------------------------------------------------------------------


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page
    bottom: float
    size: float


@dataclass
class PdfPage:
    width: float
    height: float
    chars: list[Char]

    def inside(self) -> list[Char]:
        return [c for c in self.chars if _in_block(c)]

    def text(self) -> str:
        """What the text block says, in drawing order, without whitespace."""
        return _squash("".join(c.text for c in self.inside()))


def _in_block(c: Char) -> bool:
    return (
        c.x0 >= TEXT_LEFT - TOLERANCE
        and c.x1 <= TEXT_RIGHT + TOLERANCE
        and c.top >= TEXT_TOP - TOLERANCE
        and c.bottom <= TEXT_BOTTOM + TOLERANCE
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_pdf(path: Path) -> list[PdfPage]:
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    with path.open("rb") as f:
        for page in PDFPage.get_pages(f):
            interpreter.process_page(page)
            result = device.get_result()
            x0, y0, x1, y1 = result.bbox
            height = y1 - y0
            chars = [
                Char(o.get_text(), o.x0, o.x1, height - o.y1, height - o.y0, o.size)
                for o in result
                if isinstance(o, LTChar) and o.get_text().strip()
            ]
            pages.append(PdfPage(x1 - x0, height, chars))
    return pages


def printed(text: str) -> str:
    """A regular expression of ``text`` as it reads back: Qt's PDF writer leaves characters
    outside the BMP (𬌗) out of the text layer, so there the glyph reads as "(cid:n)"."""
    return "".join(
        r"\(cid:[1-9]\d*\)" if ord(ch) > 0xFFFF else re.escape(ch) for ch in _squash(text)
    )


def shows(text: str, document: str) -> bool:
    return re.search(printed(text), document) is not None


def document_text(pages: list[PdfPage]) -> str:
    return "".join(p.text() for p in pages)


def check_pdf(path: Path, numbers: list[str]) -> list[PdfPage]:
    """A4 pages; characters only inside the text block, but for "— n —" below it (odd pages
    right, even left) and the number under the QR code at the top right; every font embedded
    as a TrueType font. ``numbers``: the consultation number each page carries."""
    pages = read_pdf(path)
    assert len(pages) == len(numbers)
    for index, (page, number) in enumerate(zip(pages, numbers, strict=True)):
        assert page.width == pytest.approx(595, abs=1) and page.height == pytest.approx(842, abs=1)
        assert page.inside(), f"page {index + 1} is empty"
        below = [c for c in page.chars if not _in_block(c) and c.top > TEXT_BOTTOM]
        above = [c for c in page.chars if not _in_block(c) and c.bottom < TEXT_TOP]
        assert len(below) + len(above) + len(page.inside()) == len(page.chars), (
            f"page {index + 1}: text beside the text block"
        )
        folio = _squash("".join(c.text for c in below))
        match = re.fullmatch(r"—(\d+)—", folio)
        assert match, f"page {index + 1}: {folio!r} below the text block"
        n = int(match[1])
        assert all(c.size == pytest.approx(14, abs=0.2) for c in below)
        middle = TEXT_LEFT + TEXT_WIDTH / 2
        if n % 2:
            assert min(c.x0 for c in below) > middle and max(c.x1 for c in below) <= TEXT_RIGHT
        else:
            assert max(c.x1 for c in below) < middle and min(c.x0 for c in below) >= TEXT_LEFT
        assert min(c.top for c in below) < TEXT_BOTTOM + 12 * 72 / 25.4  # close under the block
        assert _squash("".join(c.text for c in above)) == number
        assert all(c.top >= QR_TOP + QR_SIZE and c.x1 <= TEXT_RIGHT + 0.5 for c in above)
    data = path.read_bytes()
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", data))
    assert descriptors >= 1
    assert len(re.findall(rb"/FontFile2\s", data)) == descriptors
    assert b"/Type3" not in data and b"/FontFile3" not in data
    return pages


def page_numbers(pages: list[PdfPage]) -> list[int]:
    return [
        int(_squash("".join(c.text for c in p.chars if c.top > TEXT_BOTTOM)).strip("—"))
        for p in pages
    ]


def decode_qr(job: PrintJob, index: int) -> list[str]:
    image = job.page_image(index, dpi=150)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    pil = Image.open(io.BytesIO(bytes(buffer.data())))
    return [r.text for r in zxingcpp.read_barcodes(pil)]


def write(job: PrintJob, tmp_path: Path, name: str) -> Path:
    out = tmp_path / f"{name}.pdf"
    job.write_pdf(out)
    return out


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def demo(demo_services: Services, qapp: QApplication) -> Services:
    return demo_services


@pytest.fixture
def big(crowded: Consultation, qapp: QApplication) -> Consultation:
    return crowded


def masked(text: str, services: Services, consultation: Consultation) -> str:
    """``text`` as a masked sheet shows it: residents without consent as 张某, numbers hidden."""
    people = {p.name: p for p in services.people.search().items}
    residents = [
        p.name
        for p in consultation.participants
        if p.category.is_resident and not people[p.name].consent_to_publish
    ]
    keep = [p.name for p in consultation.participants if p.name not in residents]
    return mask_text(text, residents, keep)


# --- 签到表 -------------------------------------------------------------------------------------


def test_demo_signin_sheet(demo: Services, tmp_path: Path) -> None:
    c = demo.consultations.get_by_number(HALL)
    assert c is not None and c.participants
    job = demo.printouts.job(SheetKind.SIGNIN, [c.id], SheetOptions(blank_rows=5))
    assert job.title == f"{HALL} 签到表"
    pages = check_pdf(write(job, tmp_path, "签到表"), [HALL] * job.page_count())
    text = document_text(pages)
    group = demo.groups.get(c.group_id)
    assert group is not None
    assert text.startswith(_squash(f"{group.name}民生议事堂协商活动签到表"))
    for header in ("序号", "姓名", "单位", "职务", "联系电话", "签名", "备注"):
        assert header in pages[0].text()
    for fact in (HALL, c.title, c.venue, c.host, "2024年2月19日"):
        assert _squash(fact) in text
    for p in c.participants:
        assert p.name in text  # names in full: people sign next to them
    assert f"应到{len(c.participants)}人" in text
    assert decode_qr(job, 0) == [HALL]


def test_sign_in_sheet_of_sixty_runs_over_pages_with_the_header_on_each(
    services: Services, big: Consultation, tmp_path: Path
) -> None:
    job = services.printouts.job(SheetKind.SIGNIN, [big.id], SheetOptions(blank_rows=10))
    number = big.number
    pages = check_pdf(write(job, tmp_path, "签到表"), [number] * job.page_count())
    assert len(pages) >= 3
    assert page_numbers(pages) == list(range(1, len(pages) + 1))
    for page in pages:
        assert page.text().startswith(("序号姓名单位职务联系电话签名备注", "织里镇联络组")), (
            page.text()[:40]
        )
        assert "序号姓名单位职务联系电话签名备注" in page.text()
    text = document_text(pages)
    for p in big.participants:
        assert shows(p.name, text), p.name
    # Invited people, then the ten blank rows (numbered on), then the totals at the very end.
    assert re.search(r"（缺席）出差61.*70应到60人实到59人缺席1人$", text)
    # Masked by default: the resident's phone hidden, the consenting resident's shown.
    assert "138****5678" in text and RESIDENT_PHONE not in text
    assert CONSENTING_PHONE in text
    assert decode_qr(job, 0) == [number]
    assert decode_qr(job, job.page_count() - 1) == [number]


def test_sign_in_sheet_unmasked_shows_every_phone(
    services: Services, big: Consultation, tmp_path: Path
) -> None:
    job = services.printouts.job(SheetKind.SIGNIN, [big.id], SheetOptions(mask=False))
    text = document_text(check_pdf(write(job, tmp_path, "内部"), [big.number] * job.page_count()))
    assert RESIDENT_PHONE in text and CONSENTING_PHONE in text and "****" not in text


# --- 议事记录表 ---------------------------------------------------------------------------------


def test_demo_record_sheet(demo: Services, tmp_path: Path) -> None:
    c = demo.consultations.get_by_number(HALL)
    assert c is not None
    job = demo.printouts.job(SheetKind.RECORD, [c.id], SheetOptions(mask=False))
    assert job.title == f"{HALL} 议事记录表"
    pages = check_pdf(write(job, tmp_path, "记录表"), [HALL] * job.page_count())
    text = document_text(pages)
    assert text.startswith(_squash("织里镇联络组民生议事堂协商活动议事记录表"))
    for fact in (
        HALL,
        c.title,
        c.topic_source.label,
        c.venue,
        c.host,
        c.recorder,
        c.minutes,
        c.consensus,
        *c.agenda,
        *(s.content for s in c.speeches),
        *(step.name for step in c.checklist),
        *(i.content for i in c.outcome_items),
        *(i.responsible_body for i in c.outcome_items),
        *(p.name for p in c.participants),
    ):
        assert _squash(fact) in text, fact
    for label in ("参加人员", "议程", "协商程序", "发言摘要", "会议记录", "协商成果", "意见建议"):
        assert label in text
    # Signature lines at the bottom right of the last page.
    last = pages[-1]
    signs = last.inside()[-len("主持人：记录人：日期：年月日") :]
    assert signs and all(c.top > TEXT_BOTTOM - 80 for c in signs)
    assert min(c.x0 for c in signs) > TEXT_LEFT + TEXT_WIDTH / 4
    assert last.text().endswith("主持人：记录人：日期：年月日")
    assert decode_qr(job, 0) == [HALL]


def test_demo_record_sheet_masks_residents_when_asked(demo: Services, tmp_path: Path) -> None:
    c = demo.consultations.get_by_number(HALL)
    assert c is not None
    residents = [p for p in c.participants if p.category.is_resident]
    job = demo.printouts.job(SheetKind.RECORD, [c.id], SheetOptions(mask=True))
    text = document_text(check_pdf(write(job, tmp_path, "记录表"), [HALL] * job.page_count()))
    people = {p.id: p for p in demo.people.search().items}
    hidden = [p for p in residents if p.person_id and not people[p.person_id].consent_to_publish]
    assert hidden, "the demo session has residents"
    for p in hidden:
        assert p.name not in text
        assert p.name[0] + "某" in text
    for p in c.participants:
        if not p.category.is_resident:
            assert p.name in text


def test_record_sheet_of_a_crowded_session_with_long_minutes(
    services: Services, big: Consultation, tmp_path: Path
) -> None:
    job = services.printouts.job(SheetKind.RECORD, [big.id], SheetOptions(mask=True))
    pages = check_pdf(write(job, tmp_path, "记录表"), [big.number] * job.page_count())
    assert len(pages) >= 4
    assert page_numbers(pages) == list(range(1, len(pages) + 1))
    # Without the header rows repeated where a table continues on the next page:
    text = (
        document_text(pages)
        .replace("序号发言人身份内容", "")
        .replace("序号内容责任单位时限状态", "")
    )
    # Every paragraph of the minutes, masked, whole and in order: nothing clipped or dropped.
    minutes = _squash(masked(big.minutes, services, big))
    assert minutes in text
    assert _squash(masked(big.consensus, services, big)) in text
    for s in big.speeches:
        assert _squash(masked(s.content, services, big)) in text
    assert RESIDENT not in text and "王某" in text
    assert RESIDENT_PHONE not in text and "138****5678" in text
    assert ID_NUMBER not in text and "330502********1234" in text
    assert CONSENTING in text  # consent lifts the mask
    assert "应到60人，实到59人" in text
    assert decode_qr(job, 0) == [big.number]


def test_record_sheet_unmasked_shows_everything(
    services: Services, big: Consultation, tmp_path: Path
) -> None:
    job = services.printouts.job(SheetKind.RECORD, [big.id], SheetOptions(mask=False))
    text = document_text(check_pdf(write(job, tmp_path, "记录表"), [big.number] * job.page_count()))
    assert _squash(big.minutes) in text
    assert RESIDENT_PHONE in text and ID_NUMBER in text and RESIDENT in text
    assert "王某" not in text and "****" not in text


def test_the_table_header_repeats_where_the_speeches_continue(
    services: Services, big: Consultation, tmp_path: Path
) -> None:
    job = services.printouts.job(SheetKind.RECORD, [big.id], SheetOptions(mask=False))
    pages = read_pdf(write(job, tmp_path, "记录表"))
    with_speeches = [p for p in pages if "区政协委员" in p.text()]
    assert len(with_speeches) >= 2
    for page in with_speeches:
        assert "序号发言人身份内容" in page.text()


# --- 交办单 ------------------------------------------------------------------------------------


def test_demo_assignment_slips_one_per_responsible_body(demo: Services, tmp_path: Path) -> None:
    c = demo.consultations.get_by_number(HALL)
    assert c is not None
    bodies = list(
        dict.fromkeys(
            i.responsible_body
            for i in c.outcome_items
            if not i.solved_on_spot and i.responsible_body
        )
    )
    assert bodies
    job = demo.printouts.job(SheetKind.SLIP, [c.id], SheetOptions())
    pages = check_pdf(write(job, tmp_path, "交办单"), [HALL] * job.page_count())
    assert job.page_count() == len(bodies)
    assert page_numbers(pages) == [1] * len(bodies)  # each slip is its own document
    for page, body in zip(pages, bodies, strict=True):
        text = page.text()
        assert text.startswith("织里镇联络组协商意见交办单")
        assert f"责任单位{_squash(body)}" in text
        for item in c.outcome_items:
            if item.responsible_body == body and not item.solved_on_spot:
                assert _squash(item.content) in text
        for label in ("办理情况", "答复人", "答复日期", "联系人", "办理时限"):
            assert label in text
    assert decode_qr(job, 0) == [HALL]


def test_slips_of_the_crowded_session_mask_the_residents(
    services: Services, big: Consultation, tmp_path: Path
) -> None:
    job = services.printouts.job(SheetKind.SLIP, [big.id], SheetOptions())
    pages = check_pdf(write(job, tmp_path, "交办单"), [big.number] * job.page_count())
    texts = [p.text() for p in pages]
    for body in ("织里镇建设管理办", "织里镇应急管理办", "大港村村委会"):
        assert sum(f"责任单位{body}" in t for t in texts) == 1
    text = "".join(texts)
    assert RESIDENT not in text and "由王某所在楼道先行试点" in text
    unmasked = services.printouts.job(SheetKind.SLIP, [big.id], SheetOptions(mask=False))
    assert RESIDENT in document_text(read_pdf(write(unmasked, tmp_path, "内部")))


def test_no_slip_when_nothing_is_handed_over(
    services: Services, new_consultation: Callable[..., Consultation], qapp: QApplication
) -> None:
    c = services.consultations.save(new_consultation())
    with pytest.raises(NothingToPrint, match="没有需要交办"):
        services.printouts.job(SheetKind.SLIP, [c.id], SheetOptions())


# --- 微协商记录卡 ------------------------------------------------------------------------------


def test_demo_micro_card_on_one_page(demo: Services, tmp_path: Path) -> None:
    c = demo.consultations.get_by_number(MICRO)
    assert c is not None
    job = demo.printouts.job(SheetKind.CARD, [c.id], SheetOptions(mask=False))
    assert job.title == f"{MICRO} 微协商记录卡"
    pages = check_pdf(write(job, tmp_path, "记录卡"), [MICRO])
    text = pages[0].text()
    assert text.startswith("织里镇联络组微协商记录卡")
    for fact in (
        MICRO,
        c.title,
        c.venue,
        c.minutes,
        c.consensus,
        *(i.content for i in c.outcome_items),
    ):
        assert _squash(fact) in text, fact
    for step in c.checklist:
        assert step.name in text
    assert decode_qr(job, 0) == [MICRO]


def test_a_card_too_long_for_a_page_continues_on_the_next(
    services: Services, big: Consultation, tmp_path: Path
) -> None:
    """Thousands of characters (30 paragraphs of minutes) do not fit a page even in 9 pt: only
    then the card goes on, each further page opening with a "（续）" line that names the card
    and its number; nothing is left out, and the signatures do not stand alone."""
    job = services.printouts.job(SheetKind.CARD, [big.id], SheetOptions(mask=False))
    pages = check_pdf(write(job, tmp_path, "记录卡"), [big.number] * job.page_count())
    assert len(pages) >= 2
    continued = _squash(f"织里镇联络组民生议事堂记录卡（续）编号：{big.number}")
    assert continued not in pages[0].text()
    for page in pages[1:]:
        assert page.text().startswith(continued)
    text = document_text(pages).replace(continued, "")
    assert _squash(big.minutes) in text
    assert all(_squash(s.content) in text for s in big.speeches)
    assert not pages[-1].text().startswith(continued + "主持人签名")
    assert min(c.size for page in pages for c in page.inside()) == pytest.approx(9.0, abs=0.2)


# --- several consultations, fonts, errors -------------------------------------------------------


def test_several_consultations_each_start_on_a_new_page(demo: Services, tmp_path: Path) -> None:
    numbers = [HALL, "织里-2024-议-002", "织里-2024-议-003"]
    ids = []
    for number in numbers:
        c = demo.consultations.get_by_number(number)
        assert c is not None
        ids.append(c.id)
    job = demo.printouts.job(SheetKind.RECORD, ids, SheetOptions())
    assert job.title == f"{HALL} 等 3 项 议事记录表"
    carried = [job.consultation_number_of(i) for i in range(job.page_count())]
    assert carried == sorted(carried, key=numbers.index)
    assert set(carried) == set(numbers)
    pages = check_pdf(write(job, tmp_path, "三份"), carried)
    starts = [i for i, n in enumerate(carried) if i == 0 or carried[i - 1] != n]
    for i in starts:
        assert pages[i].text().startswith("织里镇联络组民生议事堂协商活动议事记录表")
        assert page_numbers([pages[i]]) == [1]


def test_rare_characters_print_through_fallback_from_any_face(
    services: Services, big: Consultation, tmp_path: Path
) -> None:
    """A face chosen in the settings that has no Chinese at all (or is not installed): every
    character still prints, from an embedded TrueType font."""
    faces = {
        role: "DejaVu Serif" for role in ("title", "body", "heading1", "heading2", "page_number")
    }
    job = services.printouts.job(SheetKind.SIGNIN, [big.id], SheetOptions(fonts=faces))
    pages = check_pdf(write(job, tmp_path, "生僻字"), [big.number] * job.page_count())
    text = document_text(pages)
    for p in big.participants:
        if p.name != RARE_NAME:
            assert p.name in text
    # 喆 (in the 通用规范汉字表, not in GB 2312) prints and reads back. 𬌗 (outside the BMP)
    # prints from the bundled font too, but Qt's PDF writer leaves characters outside the BMP
    # out of its ToUnicode map: the glyph is there (not .notdef), its text is not.
    assert re.search(r"王\(cid:[1-9]\d*\)喆", text)


def test_unknown_ids_are_named(services: Services, qapp: QApplication) -> None:
    with pytest.raises(UnknownConsultations, match="#999"):
        services.printouts.job(SheetKind.RECORD, [999], SheetOptions())


def test_settings_fonts_are_used_when_the_options_have_none(
    services: Services, big: Consultation, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    services.settings.update({"documents.font.body": "某个没有安装的字体"})
    seen: list[dict[str, str] | None] = []
    from liaison_desk.documents import sheets

    real = sheets.build_job

    def spy(kind: SheetKind, data: list[Any], options: SheetOptions) -> PrintJob:
        seen.append(options.fonts)
        return real(kind, data, options)

    monkeypatch.setattr(sheets, "build_job", spy)
    services.printouts.job(SheetKind.CARD, [big.id])
    assert seen and seen[0] is not None and seen[0]["body"] == "某个没有安装的字体"
