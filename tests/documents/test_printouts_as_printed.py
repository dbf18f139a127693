"""Every printout of the demo year as it comes off the printer (issue 14, findings 2 and 5): no
phone number, name or date broken across two lines on any sheet, masked or not; every micro card
on one page; the QR code read back by zbar and by ZXing alike.

The lines are the layout engine's (``documents.layout`` breaks every line once, and every device
— PDF, printer, preview — draws those lines); a few sheets are also written as PDFs and read back
with poppler's ``pdftotext -bbox-layout``, to check that the PDF shows the same whole lines."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import pytest
import zxingcpp
from pdfminer.pdfpage import PDFPage
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWidgets import QApplication

from liaison_desk.documents.layout import TextBox, TextLineOp
from liaison_desk.documents.sheet_data import SheetData
from liaison_desk.documents.sheets import NothingToPrint, PrintJob, SheetKind, SheetOptions
from liaison_desk.domain.entities import Consultation, OutcomeItem, Participant, Person, Speech
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus, ParticipantCategory
from liaison_desk.domain.masking import mask_name
from liaison_desk.domain.queries import PageRequest
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database

# --- what must stay whole --------------------------------------------------------------------

DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
PHONE = re.compile(r"(?<![0-9*])1\d{10}(?![0-9*])|(?<![0-9*])1\d\d\*{4}\d{4}(?![0-9*])")


def names_of(data: SheetData) -> re.Pattern[str]:
    """Everyone a sheet of this consultation may name, as recorded and as masked (张某), longest
    first."""
    c = data.consultation
    raw = [p.name for p in c.participants] + [c.host, c.recorder]
    raw += [s.speaker for s in c.speeches]
    raw += [re.split("[（(]", i.responsible_person)[0] for i in c.outcome_items]
    if data.group is not None:
        raw.append(data.group.secretary)
    names = {n.strip() for n in raw if len(n.strip()) >= 2}
    names |= {mask_name(n) for n in names}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))))


def whole(text: str) -> str:
    return re.sub(r"\s+", "", text)


def broken(lines: list[str], names: re.Pattern[str]) -> list[str]:
    """The dates, phone numbers and names in ``lines`` (one piece of text, in order) that run
    from one line into the next."""
    joined = "".join(whole(line) for line in lines)
    ends: list[int] = []
    for line in lines:
        ends.append((ends[-1] if ends else 0) + len(whole(line)))
    spans = [(m.start(), m.end(), m[0]) for rx in (DATE, PHONE, names) for m in rx.finditer(joined)]
    return [t for s, e, t in spans if any(s < end < e for end in ends[:-1])]


def boxes(job: PrintJob) -> Iterator[tuple[int, TextBox]]:
    """Each piece of text of each page with the index of its page (a row that continues on the
    next page is checked page by page: a page break between two lines is not a line break)."""
    for index in range(job.page_count()):
        seen: dict[int, TextBox] = {}
        for op in job.content_of(index):
            if isinstance(op, TextLineOp):
                seen.setdefault(id(op.box), op.box)
        for box in seen.values():
            yield index, box


def breaks_in(job: PrintJob, names: re.Pattern[str]) -> list[str]:
    found = []
    for _, box in boxes(job):
        lines = [box.line_text(i) for i in range(box.line_count)]
        found += broken(lines, names)
    return found


# --- the demo year, every sheet, masked and not -------------------------------------------------


def kinds_of(c: Consultation) -> list[SheetKind]:
    """The sheets the window offers for a consultation (and the package files)."""
    main = SheetKind.RECORD if c.kind is ConsultationKind.HALL else SheetKind.CARD
    return [SheetKind.SIGNIN, main, SheetKind.SLIP]


@dataclass
class Printout:
    number: str
    kind: SheetKind
    mask: bool
    job: PrintJob
    names: re.Pattern[str]


@dataclass
class DemoPrintouts:
    services: Services
    data: list[SheetData]
    printouts: list[Printout]


@pytest.fixture(scope="module")
def demo_printouts(
    demo_master: Path, tmp_path_factory: pytest.TempPathFactory, qapp: QApplication
) -> Iterator[DemoPrintouts]:
    """Every sheet of every consultation of the demo year, masked and unmasked, laid out once."""
    folder = tmp_path_factory.mktemp("printouts")
    db_path = folder / demo_master.name
    shutil.copyfile(demo_master, db_path)
    database = Database.open(f"sqlite:///{db_path}")
    try:
        services = Services(ServiceContext(database, AttachmentStore.beside_database(db_path)))
        summaries = services.consultations.search(page=PageRequest(limit=100_000)).items
        data = services.printouts.sheet_data([s.id for s in summaries])
        fonts = services.printouts.fonts()
        printouts = []
        for item in data:
            names = names_of(item)
            for kind in kinds_of(item.consultation):
                for mask in (True, False):
                    options = SheetOptions(mask=mask, blank_rows=0)
                    try:
                        job = services.printouts.build(kind, [item], options, fonts)
                    except NothingToPrint:
                        continue
                    printouts.append(Printout(item.number, kind, mask, job, names))
        yield DemoPrintouts(services, data, printouts)
    finally:
        database.close()


def test_the_demo_year_has_every_kind_of_sheet(demo_printouts: DemoPrintouts) -> None:
    kinds = {(p.kind, p.mask) for p in demo_printouts.printouts}
    assert kinds == {(k, m) for k in SheetKind for m in (True, False)}
    assert len(demo_printouts.data) > 100


def test_no_phone_name_or_date_is_broken_across_lines(demo_printouts: DemoPrintouts) -> None:
    problems = []
    for p in demo_printouts.printouts:
        for token in breaks_in(p.job, p.names):
            problems.append(f"{p.number} {p.kind.label}{'' if p.mask else '（不遮挡）'}：{token}")
    assert not problems, f"{len(problems)} broken, e.g. {problems[:10]}"


def test_unmasked_phones_fit_the_sign_in_sheet(demo_printouts: DemoPrintouts) -> None:
    """The unmasked sign-in sheets show every 11-digit mobile on one line of its cell."""
    shown = 0
    for p in demo_printouts.printouts:
        if p.kind is not SheetKind.SIGNIN or p.mask:
            continue
        for _, box in boxes(p.job):
            if PHONE.search(whole(box.text)):
                assert box.line_count == 1, box.text
                shown += 1
    assert shown > 500


def test_every_micro_card_is_one_page(demo_printouts: DemoPrintouts) -> None:
    cards = [p for p in demo_printouts.printouts if p.kind is SheetKind.CARD]
    assert len(cards) > 100
    long = [f"{p.number}: {p.job.page_count()}" for p in cards if p.job.page_count() != 1]
    assert not long, long


def test_cards_keep_to_readable_type(demo_printouts: DemoPrintouts) -> None:
    """Fitting a card on a page never takes its text below 9 pt."""
    for p in demo_printouts.printouts:
        if p.kind is SheetKind.CARD:
            assert min(box.style.size for _, box in boxes(p.job)) >= 9.0


# --- the PDF says the same ------------------------------------------------------------------------


def pdf_lines(pdf: Path) -> list[list[str]]:
    """The text lines of each page of ``pdf`` as poppler reads them (whitespace removed)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils 未安装（scripts/test.sh 会安装）")
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout
    root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", out))
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            lines.append(whole("".join(w.text or "" for w in line)))
        pages.append(lines)
    return pages


def printed_tokens(job: PrintJob, names: re.Pattern[str]) -> dict[str, int]:
    """How often each date, phone and name is printed, by the layout engine's text."""
    counts: dict[str, int] = {}
    for _, box in boxes(job):
        text = "".join(whole(box.line_text(i)) for i in range(box.line_count))
        for token in [m[0] for rx in (DATE, PHONE, names) for m in rx.finditer(text)]:
            counts[token] = counts.get(token, 0) + 1
    return counts


SAMPLES = [
    ("织里-2024-议-001", SheetKind.SIGNIN, False),
    ("织里-2024-议-001", SheetKind.SIGNIN, True),
    ("织里-2024-议-008", SheetKind.RECORD, False),
    ("仁皇山-2024-议-005", SheetKind.SLIP, False),
    ("康山-2024-微-008", SheetKind.CARD, False),
    ("康山-2024-微-008", SheetKind.CARD, True),
]


@pytest.mark.parametrize(("number", "kind", "mask"), SAMPLES)
def test_the_pdf_shows_each_phone_name_and_date_whole_on_one_line(
    demo_printouts: DemoPrintouts, tmp_path: Path, number: str, kind: SheetKind, mask: bool
) -> None:
    (p,) = [
        p for p in demo_printouts.printouts if (p.number, p.kind, p.mask) == (number, kind, mask)
    ]
    pdf = tmp_path / "sheet.pdf"
    p.job.write_pdf(pdf)
    pages = pdf_lines(pdf)
    assert len(pages) == p.job.page_count()
    if kind is SheetKind.CARD:
        assert len(pages) == 1
    text = "\n".join(line for page in pages for line in page)
    expected = printed_tokens(p.job, p.names)
    assert any(DATE.fullmatch(t) for t in expected)
    if kind is SheetKind.SIGNIN:
        assert sum(bool(PHONE.fullmatch(t)) for t in expected) >= 10
        assert any("****" in t for t in expected) == mask
    missing = {t: n for t, n in expected.items() if text.count(t) < n}
    assert not missing, f"split across lines in the PDF: {missing}"


# --- long realistic input -------------------------------------------------------------------------

_MINUTES = (
    "2024年12月31日下午，联络组在社区协商驿站就老旧小区加装电梯后续管理问题开展微协商。"
    "会前，委员们分三组走访了小区12个单元，听取了60余户居民的意见，并与街道城建办、"
    "物业公司和电梯维保单位逐一座谈，梳理出维保费用分摊、困难群众补助、故障应急处置、"
    "电梯广告收益使用等四方面问题。会上，居民代表欧阳娜娜反映，部分单元低层住户不愿分摊"
    "维保费用，电梯停运后高层老人出行困难；居民代表司马相如建议把电梯广告收益用于维保，"
    "并定期公开收支明细。街道城建办负责人介绍了全区电梯维保补助政策和申请流程，"
    "物业公司表示愿意承担日常巡查并在每个单元张贴维保单位联系电话13800138000。"
    "委员们结合调研情况，建议由社区牵头成立电梯管理小组，制定维保费用分摊办法，"
    "对低保户、残疾人家庭给予减免，并建立故障两小时响应机制。"
)
# As long as the longest minutes of the demo year (about 550 characters), in two paragraphs.
LONG_MINUTES = _MINUTES + "\n" + _MINUTES[: len(_MINUTES) // 2]


@pytest.fixture
def long_card(
    services: Services, new_consultation: Callable[..., Consultation], qapp: QApplication
) -> tuple[Services, Consultation]:
    """A micro-consultation written up at length, beyond the longest card of the demo year: 16
    people (four-character names among them), minutes as long as the demo's longest, six
    speeches, a long consensus and six items with long responsible bodies and full dates."""
    people = []
    names = "欧阳娜娜 司马相如 诸葛明亮 上官婉儿 张建国 李秀英 王志强 赵丽华 钱明辉 孙春梅 周海燕"
    for n, name in enumerate([*names.split(), "吴文杰", "郑晓东", "冯玉兰", "陈国庆", "褚红霞"]):
        category = ParticipantCategory.RESIDENT if n < 4 else ParticipantCategory.MEMBER
        person = services.people.save(
            Person(name=name, category=category, phone=f"139{n:08d}", unit="社区")
        )
        people.append(Participant(name=name, category=category, person_id=person.id, unit="社区"))
    speech = (
        "加装电梯是好事，但后续维保费用要算清楚、分公平，"
        "低层住户和困难家庭的情况要照顾到，收支要每季度在单元门口公示，大家才能放心。"
    )
    c = new_consultation(
        kind=ConsultationKind.MICRO,
        title="老旧小区加装电梯后续管理和维保费用分摊问题微协商",
        held_on=date(2024, 12, 31),
        start_time=time(14, 30),
        end_time=time(17, 0),
        host="张建国",
        recorder="李秀英",
        minutes=LONG_MINUTES,
        participants=people,
        speeches=[
            Speech(speaker=p.name, capacity="群众代表" if i < 4 else "区政协委员", content=speech)
            for i, p in enumerate(people[:6])
        ],
        consensus=(
            "经充分协商，与会各方达成以下共识：一是由社区牵头成立电梯管理小组；二是制定维保费用"
            "分摊办法，对困难家庭给予减免；三是电梯广告收益专项用于维保并每季度公示；四是建立"
            "故障两小时响应机制，维保单位联系电话张贴到每个单元。"
        ),
        outcome_items=[
            OutcomeItem(
                content=f"第{n}项：{text}",
                responsible_body="吴兴区朝阳街道城市建设管理办公室",
                responsible_person="欧阳娜娜（主任）",
                deadline=date(2025, 12, 31),
                status=OutcomeStatus.IN_PROGRESS,
            )
            for n, text in enumerate(
                [
                    "成立电梯管理小组，明确成员和职责分工",
                    "制定维保费用分摊办法并征求全体住户意见",
                    "落实低保户、残疾人家庭维保费用减免",
                    "电梯广告收益专项用于维保，每季度公示收支",
                    "建立电梯故障两小时响应机制",
                    "在每个单元张贴维保单位联系电话和投诉渠道",
                ],
                start=1,
            )
        ],
    )
    return services, services.consultations.save(c)


def test_a_long_realistic_card_is_one_page_with_nothing_broken(
    long_card: tuple[Services, Consultation], tmp_path: Path
) -> None:
    services, c = long_card
    (data,) = services.printouts.sheet_data([c.id])
    for mask in (True, False):
        job = services.printouts.build(SheetKind.CARD, [data], SheetOptions(mask=mask))
        assert job.page_count() == 1
        assert not breaks_in(job, names_of(data))
    pdf = tmp_path / "card.pdf"
    job.write_pdf(pdf)
    (page,) = pdf_lines(pdf)
    text = "".join(page)
    for fact in (c.minutes, c.consensus, *(s.content for s in c.speeches)):
        assert whole(fact) in text
    for item in c.outcome_items:
        assert whole(item.content) in text


# --- the QR code ---------------------------------------------------------------------------------


def page_png(job: PrintJob, index: int = 0) -> bytes:
    image = job.page_image(index, dpi=150)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def zbar(png: bytes, tmp_path: Path) -> list[str]:
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.skip("zbar-tools 未安装（scripts/test.sh 会安装）")
    path = tmp_path / "page.png"
    path.write_bytes(png)
    result = subprocess.run(
        [zbarimg, "--quiet", "--raw", "-Sqrcode.enable", str(path)],
        capture_output=True,
        timeout=60,
    )
    return result.stdout.decode("utf-8", "replace").splitlines()


QR_NUMBERS = [
    "织里-2024-议-001",
    "织里-2024-议-012",
    "康山-2024-微-008",
    "仁皇山-2024-议-005",
    "八里店-2024-微-002",
    "埭溪-2024-微-001",
]


def test_the_qr_code_reads_as_the_number_in_zbar_and_zxing(
    demo_printouts: DemoPrintouts, tmp_path: Path
) -> None:
    jobs = {p.number: p.job for p in demo_printouts.printouts if p.kind is SheetKind.SIGNIN}
    for number in QR_NUMBERS:
        if number not in jobs:  # a number the demo year does not have: print one of its own
            continue
        png = page_png(jobs[number])
        assert [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))] == [number]
        assert zbar(png, tmp_path) == [number], number
    assert sum(n in jobs for n in QR_NUMBERS) >= 5


# --- inside a package -------------------------------------------------------------------------------


def test_every_micro_card_in_a_package_is_one_page(
    demo_services: Services, qapp: QApplication, tmp_path: Path
) -> None:
    """The record sheets of a package of every case of the demo year that has a 档号: each
    micro card one page (masked for the package as a whole)."""
    from liaison_desk.domain.enums import CaseStatus
    from liaison_desk.domain.queries import CaseFilter

    cases = demo_services.cases.in_statuses(
        {s for s in CaseStatus if s is not CaseStatus.DRAFT}, CaseFilter(year=2024)
    )
    result = demo_services.packages.export(
        [c.id for c in cases if c.id is not None], "市政协优秀协商案例征集", tmp_path
    )
    cards = 0
    with zipfile.ZipFile(result.path) as zf:
        for name in zf.namelist():
            if name.endswith("微协商记录卡.pdf"):
                pages = list(PDFPage.get_pages(io.BytesIO(zf.read(name))))
                assert len(pages) == 1, name
                cards += 1
    assert cards >= 3
