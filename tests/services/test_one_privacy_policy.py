"""One privacy policy (domain/privacy.py) for every exit path: the same records, sent through the
printed sheet, the case document, the collection, the package, the ledger (台账) and the
previews, show the same people masked and the same people kept (domain.md, Privacy).

The ledger is masked by default like the rest; its unmasked working copy (the one the ledger
import takes back) is an explicit choice, as an unmasked printout is."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pdfminer.high_level import extract_text

from liaison_desk.documents.sheets import SheetKind, SheetOptions
from liaison_desk.domain.entities import Case, Consultation, LiaisonGroup, Participant, Person
from liaison_desk.domain.entities import Speech as SpeechEntry
from liaison_desk.domain.enums import CaseStatus, ParticipantCategory
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.services import Services

RESIDENT_PHONE = "13812348000"
MEMBER_PHONE = "13712345678"
CONSENTING_PHONE = "13900001111"
RESIDENT_ID = "110105199001010125"
TEXT = (
    f"委员李明听取了张三、王芳和陈大妈的意见。张三电话{RESIDENT_PHONE}，身份证{RESIDENT_ID}；"
    f"王芳电话{CONSENTING_PHONE}；李明电话{MEMBER_PHONE}。"
)
#: What no exit path may show (masked resident names, numbers of people without consent) ...
HIDDEN = ("张三", "陈大妈", RESIDENT_PHONE, MEMBER_PHONE, RESIDENT_ID)
#: ... and what every exit path shows as it is (a member, a consenting resident and her number).
KEPT = ("李明", "王芳", CONSENTING_PHONE, "张某", "陈某", "137****5678", "138****8000")


def _squash(text: str) -> str:
    """PDF text without the line breaks and spaces that layout puts inside long runs."""
    return "".join(text.split())


@pytest.fixture
def records(
    services: Services, group: LiaisonGroup, new_consultation: Callable[..., Consultation]
) -> tuple[Consultation, Case]:
    assert group.id is not None
    zhang = services.people.save(
        Person(
            name="张三",
            category=ParticipantCategory.RESIDENT,
            group_id=group.id,
            phone=RESIDENT_PHONE,
            id_card=RESIDENT_ID,
        )
    )
    wang = services.people.save(
        Person(
            name="王芳",
            category=ParticipantCategory.RESIDENT,
            group_id=group.id,
            phone=CONSENTING_PHONE,
            consent_to_publish=True,
            consent_note="书面同意",
        )
    )
    li = services.people.save(
        Person(
            name="李明", category=ParticipantCategory.MEMBER, group_id=group.id, phone=MEMBER_PHONE
        )
    )
    participants = [
        Participant(name=p.name, category=p.category, person_id=p.id) for p in (zhang, wang, li)
    ]
    c = services.consultations.save(
        new_consultation(
            title="老街停车难",
            participants=participants,
            speeches=[
                SpeechEntry(speaker="张三", capacity="群众代表", content=TEXT),
                SpeechEntry(speaker="陈大妈", capacity="居民", content="希望早日解决。"),
                SpeechEntry(speaker="李明", capacity="政协委员", content="会后跟进。"),
            ],
            minutes=TEXT,
            consensus=TEXT,
        )
    )
    assert c.id is not None
    case = services.cases.save(
        Case(
            group_id=group.id,
            year=2024,
            title="老街停车难协商",
            sections={key: TEXT for key in ("background", "practice", "results")},
            consultation_ids=[c.id],
        )
    )
    case.status = CaseStatus.FINAL
    case = services.cases.save(case)
    return c, case


def _ledger_text(services: Services, path: Path, *, masked: bool = True) -> str:
    """Every text cell of a ledger exported of all records."""
    services.ledger.export(ConsultationFilter(), path, masked=masked)
    book = load_workbook(path)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    )


def _assert_same_policy(where: str, text: str) -> None:
    flat = _squash(text)
    # 张三 may appear only inside 张三丰-like kept names; there are none here.
    shown = [value for value in HIDDEN if value in flat]
    assert shown == [], f"{where} shows {shown}"
    missing = [value for value in KEPT if value not in flat]
    assert missing == [], f"{where} lacks {missing}"


def test_every_exit_path_masks_the_same_people(
    services: Services, records: tuple[Consultation, Case], tmp_path: Path, qapp: object
) -> None:
    c, case = records
    assert c.id is not None and case.id is not None

    # The printed record sheet (the masked default).
    job = services.printouts.build(
        SheetKind.RECORD, services.printouts.sheet_data([c.id]), SheetOptions(mask=True)
    )
    sheet = tmp_path / "议事记录表.pdf"
    job.write_pdf(sheet)
    _assert_same_policy("议事记录表", extract_text(sheet))

    # The case document's data (Word and PDF are written from it).
    data = services.case_documents.document_data(case.id)
    _assert_same_policy("案例文档", "".join(text for _, text in data.sections))

    # The collection.
    collection = tmp_path / "案例汇编.pdf"
    services.case_documents.write_collection([case.id], collection)
    _assert_same_policy("案例汇编", extract_text(collection))

    # The package: package.json and the sheets inside it.
    (tmp_path / "包").mkdir()
    # A package names its contact (说明.txt, bag-info.txt): this group has no secretary.
    services.settings.update({"cases.contact_name": "沈明", "cases.contact_phone": "0572-3011234"})
    result = services.packages.export([case.id], "市政协优秀协商案例征集", tmp_path / "包")
    with zipfile.ZipFile(result.path) as zf:
        json_text = next(
            zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith("package.json")
        )
        _assert_same_policy("package.json", json_text)
        for name in zf.namelist():
            if "/records/" in name and name.endswith(".pdf"):
                _assert_same_policy(name, extract_text(io.BytesIO(zf.read(name))))

    # The ledger (台账), masked by default: its 议题, 协商成果 and the items' text.
    _assert_same_policy("台账", _ledger_text(services, tmp_path / "台账.xlsx"))

    # The previews say the same: who is hidden, who is kept.
    preview = services.packages.masking_preview([case.id])
    hidden = {i.before for i in preview.hidden}
    assert {"张三", "陈大妈", RESIDENT_PHONE, MEMBER_PHONE, RESIDENT_ID} <= hidden
    assert not hidden & {"李明", "王芳", CONSENTING_PHONE}
    assert {"王芳", CONSENTING_PHONE} <= {i.before for i in preview.kept}
    lines = services.case_documents.masking_preview(case.id)
    _assert_same_policy("案例文档预览", "".join(line.masked for line in lines))


def test_an_unmasked_copy_shows_everything_everywhere(
    services: Services, records: tuple[Consultation, Case], tmp_path: Path, qapp: object
) -> None:
    c, case = records
    assert c.id is not None and case.id is not None
    job = services.printouts.build(
        SheetKind.RECORD, services.printouts.sheet_data([c.id]), SheetOptions(mask=False)
    )
    sheet = tmp_path / "内部.pdf"
    job.write_pdf(sheet)
    flat = _squash(extract_text(sheet))
    assert all(value in flat for value in HIDDEN)
    data = services.case_documents.document_data(case.id, masked=False)
    assert all(value in data.sections[1][1] for value in HIDDEN)
    working_copy = _ledger_text(services, tmp_path / "工作底稿.xlsx", masked=False)
    assert all(value in working_copy for value in HIDDEN)


def test_settings_decide_what_every_exit_path_hides(
    services: Services, records: tuple[Consultation, Case], tmp_path: Path, qapp: object
) -> None:
    """With names no longer masked in the settings, no exit path masks them; numbers still go."""
    c, case = records
    assert c.id is not None and case.id is not None
    services.settings.update({"masking.resident_names": False})
    job = services.printouts.build(
        SheetKind.RECORD, services.printouts.sheet_data([c.id]), SheetOptions(mask=True)
    )
    sheet = tmp_path / "表.pdf"
    job.write_pdf(sheet)
    data = services.case_documents.document_data(case.id)
    ledger = _ledger_text(services, tmp_path / "台账.xlsx")
    for where, text in (
        ("sheet", extract_text(sheet)),
        ("case", data.sections[1][1]),
        ("ledger", ledger),
    ):
        flat = _squash(text)
        assert "张三" in flat and "陈大妈" in flat, where
        assert RESIDENT_PHONE not in flat and MEMBER_PHONE not in flat, where
        assert CONSENTING_PHONE in flat, where


def test_a_date_is_not_taken_for_a_number() -> None:
    """Dates and counts in the text stay as written (the policy hides phones and IDs only)."""
    from liaison_desk.domain.privacy import Privacy

    text = f"{date(2024, 3, 5):%Y%m%d}，共 120 人参加，编号 织里-2024-议-012"
    assert Privacy().text(text) == text
