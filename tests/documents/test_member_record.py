"""A member's 履职档案 as a PDF: the member's name and figures as poppler reads them, the phone
number masked by the one privacy policy, one PDF/A-1b like the app's other PDFs."""

from __future__ import annotations

import re
from pathlib import Path

from pdf_archive import pdfa_problems, poppler
from PySide6.QtWidgets import QApplication

from liaison_desk.domain.masking import mask_phone
from liaison_desk.services import Services


def test_the_record_pdf(qapp: QApplication, demo_services: Services, tmp_path: Path) -> None:
    top = demo_services.members.ranking(2024).rows[0].record
    person = top.person
    assert person.id is not None and person.phone
    out = tmp_path / "档案.pdf"
    written = demo_services.members.write_record_pdf(person.id, 2024, out)
    assert written.record.points == top.points
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert f"{person.name}委员2024年度履职档案" in text
    assert f"——{written.group_name}" in text
    # The points table: each line's count, points each and points, and the total.
    flat = re.sub(r"\s+", " ", text)
    for line in top.lines:
        assert re.search(rf"{line.item} {line.count} {line.each} {line.points}\b", flat), line
    assert re.search(rf"合计 {top.points}\b", flat)
    for session in top.activity.sessions:
        assert session.number in text
    # Phone numbers leave the app masked (members' too), as the settings say by default.
    assert person.phone not in text
    assert mask_phone(person.phone) in text
    assert pdfa_problems(out) == []


def test_an_unmasked_phone_when_the_settings_say_so(
    qapp: QApplication, demo_services: Services, tmp_path: Path
) -> None:
    person = demo_services.members.ranking(2024).rows[0].record.person
    assert person.id is not None
    demo_services.settings.update({"masking.phones": False})
    out = tmp_path / "档案.pdf"
    demo_services.members.write_record_pdf(person.id, 2024, out)
    assert person.phone in poppler("pdftotext", str(out), "-")
