"""The paper round trip: a printed sign-in sheet, signed and photographed at an angle, comes back
to the consultation it was printed for."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice

from liaison_desk.documents.sheets import SheetKind, SheetOptions
from liaison_desk.domain.enums import AttachmentKind, ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.services import Services


def _photo_of(image_png: bytes, angle: float) -> bytes:
    """The page as a phone photo: on a darker desk, turned a little, large, JPEG."""
    page = Image.open(io.BytesIO(image_png)).convert("RGB")
    desk = Image.new("RGB", (page.width + 300, page.height + 300), (90, 80, 70))
    desk.paste(page, (150, 150))
    turned = desk.rotate(angle, expand=True, fillcolor=(90, 80, 70))
    out = io.BytesIO()
    turned.save(out, "JPEG", quality=80)
    return out.getvalue()


def test_a_photographed_signed_sheet_lands_on_its_consultation(
    qapp: object, demo_services: Services, tmp_path: Path
) -> None:
    found = demo_services.consultations.search(ConsultationFilter(kind=ConsultationKind.HALL))
    first, second = found.items[0], found.items[1]
    folder = tmp_path / "扫描件"
    folder.mkdir()
    for n, (summary, angle) in enumerate([(first, 6.0), (second, -3.0)], start=1):
        job = demo_services.printouts.job(SheetKind.SIGNIN, [summary.id], SheetOptions())
        image = job.page_image(0, dpi=150)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        assert image.save(buffer, "PNG")
        (folder / f"IMG_{n:04d}.jpg").write_bytes(_photo_of(bytes(buffer.data().data()), angle))

    report = demo_services.scans.match_folder(folder)

    assert sorted(report.attached) == sorted(
        [("IMG_0001.jpg", first.number), ("IMG_0002.jpg", second.number)]
    )
    assert report.unmatched == []
    for summary in (first, second):
        record = demo_services.consultations.get(summary.id)
        assert record is not None
        scans = [a for a in record.attachments if a.kind is AttachmentKind.SIGNIN_SCAN]
        assert len(scans) == 1
