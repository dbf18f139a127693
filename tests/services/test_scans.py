"""Signed paper sheets come back: the QR code of the 编号 is read from scans and phone photos
(sideways by EXIF, skewed, unevenly lit, 3000 px, JPEG) and each image lands on its record."""

from __future__ import annotations

import io
import random
import shutil
from functools import lru_cache
from pathlib import Path

import pytest
import segno
import zxingcpp
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from liaison_desk.domain.entities import Attachment
from liaison_desk.domain.enums import AttachmentKind, ConsultationKind, ConsultationStatus
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.domain.rules import LockedError
from liaison_desk.progress import Cancelled
from liaison_desk.services import Services
from liaison_desk.services.scans import (
    NO_QR_CODE,
    NOT_AN_IMAGE,
    NOT_AN_IMAGE_HEIC,
    NOT_AN_IMAGE_PDF,
    NotAnImageError,
    WrongSheetError,
)

UNKNOWN = "织里-2030-议-999"  # a well-formed 编号 no record has
ORIENTATION = 0x0112

# --- sheets, scans and photos ----------------------------------------------------------------


def qr_image(text: str) -> Image.Image:
    buf = io.BytesIO()
    # As documents/layout.py prints it: UTF-8, error correction M or better.
    segno.make_qr(text, error="m", boost_error=True, encoding="utf-8").save(
        buf, kind="png", scale=10, border=4
    )
    buf.seek(0)
    return Image.open(buf).convert("L")


def sheet(codes: tuple[str, ...] = (), seed: int = 1) -> Image.Image:
    """An A4 sheet at 300 dpi: lines of text-like marks, table rules, and the QR codes in the
    top margin (the number's at the right, as printed, any other code at the left), 18 mm
    square without their quiet zone."""
    rnd = random.Random(seed)
    im = Image.new("L", (2480, 3508), 248)
    draw = ImageDraw.Draw(im)
    y = 560
    while y < 3300:
        x = 300
        while x < 2150:
            w = rnd.randint(28, 70)
            draw.rectangle((x, y, x + w, y + 38), fill=rnd.randint(15, 90))
            x += w + rnd.randint(8, 34)
        y += 88
    for i in range(12):
        draw.line((280, 1200 + i * 150, 2200, 1200 + i * 150), fill=30, width=3)
    for i, code in enumerate(codes):
        q = qr_image(code)
        side = round(213 * q.width / (q.width - 80))  # 18 mm of modules, plus the quiet zone
        q = q.resize((side, side), Image.Resampling.NEAREST)
        quiet = (side - 213) // 2
        im.paste(q, (2480 - 300 - 213 - quiet, 95 - quiet) if i == 0 else (300 - quiet, 95 - quiet))
    return im


def photo(im: Image.Image, *, angle: float = 7.0, long_side: int = 3000, seed: int = 1) -> bytes:
    """As a phone takes it: light falling off across the sheet, turned by ``angle`` on a dark
    desk, blurred a little, 3000 px, stored sideways with EXIF orientation 6, JPEG."""
    w, h = im.size
    # A smooth gradient at an angle: turned on a larger square, the middle cut out.
    ramp = Image.linear_gradient("L").resize((512, 512))
    light = ramp.rotate(30 + seed * 40, Image.Resampling.BICUBIC).crop((106, 106, 406, 406))
    light = light.resize((w, h), Image.Resampling.BILINEAR)
    light = light.point(lambda v: 255 - int(v * 0.5))
    lit = ImageChops.multiply(im, light)
    turned = lit.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=60)
    scale = long_side / max(turned.size)
    taken = turned.resize(
        (round(turned.width * scale), round(turned.height * scale)), Image.Resampling.BILINEAR
    ).filter(ImageFilter.GaussianBlur(1.0))
    # Sensor held sideways: EXIF turns it back. Colour, as phones write it.
    stored = taken.transpose(Image.Transpose.ROTATE_90).convert("RGB")
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    buf = io.BytesIO()
    stored.save(buf, "JPEG", quality=78, exif=exif.tobytes())
    return buf.getvalue()


@lru_cache(maxsize=32)
def photo_of(number: str, seed: int = 1, angle: float = 7.0) -> bytes:
    return photo(sheet((number,), seed), angle=angle, seed=seed)


def scanner_tiff(number: str) -> bytes:
    """A flatbed scan: straight, 1-bit, CCITT G4 compressed, as office scanners write."""
    buf = io.BytesIO()
    sheet((number,)).point(lambda v: 255 if v > 128 else 0).convert("1").save(
        buf, "TIFF", compression="group4", dpi=(300, 300)
    )
    return buf.getvalue()


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def numbers(demo_services: Services) -> tuple[tuple[int, str], tuple[int, str]]:
    """Two demo 民生议事堂 records that are not archived: (id, 编号) each."""
    rows = [
        r
        for r in demo_services.consultations.search(
            ConsultationFilter(kind=ConsultationKind.HALL)
        ).items
        if r.status is not ConsultationStatus.ARCHIVED
    ]
    rows.sort(key=lambda r: r.number)
    return (rows[0].id, rows[0].number), (rows[-1].id, rows[-1].number)


def scans(services: Services, consultation_id: int) -> list[Attachment]:
    c = services.consultations.get(consultation_id)
    assert c is not None
    return [a for a in c.attachments if a.kind is AttachmentKind.SIGNIN_SCAN]


# --- reading the number -----------------------------------------------------------------------


def test_the_number_is_read_from_a_sideways_skewed_unevenly_lit_phone_photo(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], tmp_path: Path
) -> None:
    (_, number), _ = numbers
    data = photo_of(number)
    with Image.open(io.BytesIO(data)) as im:  # the test image is what the docstring says
        assert max(im.size) == 3000 and im.getexif()[ORIENTATION] == 6
    assert demo_services.scans.read_number(data) == number
    path = tmp_path / "IMG_20240305_101500.jpg"
    path.write_bytes(data)
    assert demo_services.scans.read_number(path) == number


@pytest.mark.parametrize("angle", [0.0, -12.0, 93.0, 180.0])
def test_any_angle_of_the_photo_reads(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], angle: float
) -> None:
    _, (_, number) = numbers
    assert demo_services.scans.read_number(photo_of(number, seed=2, angle=angle)) == number


def test_a_faded_print_in_dim_light_reads_through_the_fallbacks(
    demo_services: Services, numbers: tuple[tuple[int, str], ...]
) -> None:
    (_, number), _ = numbers
    faded = sheet((number,)).point(lambda v: 128 + (v - 128) // 10)
    data = photo(faded)
    with Image.open(io.BytesIO(data)) as im:  # the reader alone finds nothing on it
        grey = ImageOps.exif_transpose(im).convert("L")
        assert zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode) == []
    assert demo_services.scans.read_number(data) == number


def test_a_scanners_one_bit_tiff_and_a_png_read(
    demo_services: Services, numbers: tuple[tuple[int, str], ...]
) -> None:
    (_, number), _ = numbers
    assert demo_services.scans.read_number(scanner_tiff(number)) == number
    buf = io.BytesIO()
    sheet((number,)).save(buf, "PNG")
    assert demo_services.scans.read_number(buf.getvalue()) == number


def test_a_multi_page_tiff_is_read_on_the_page_that_has_the_code(
    demo_services: Services, numbers: tuple[tuple[int, str], ...]
) -> None:
    (_, number), _ = numbers
    buf = io.BytesIO()
    blank = sheet((), seed=3).convert("1")
    blank.save(buf, "TIFF", save_all=True, append_images=[sheet((number,)).convert("1")])
    assert demo_services.scans.read_number(buf.getvalue()) == number


def test_other_codes_on_the_sheet_are_passed_over(
    demo_services: Services, numbers: tuple[tuple[int, str], ...]
) -> None:
    (_, number), _ = numbers
    link = "https://example.org/mashangshang?id=42"
    both = photo(sheet((number, link)))
    assert demo_services.scans.read_number(both) == number
    only_link = photo(sheet((link,)))
    assert demo_services.scans.read_codes(only_link) == [link]
    assert demo_services.scans.read_number(only_link) is None


def test_a_number_unknown_to_the_database_or_no_code_reads_as_none(
    demo_services: Services,
) -> None:
    assert demo_services.scans.read_codes(photo_of(UNKNOWN)) == [UNKNOWN]
    assert demo_services.scans.read_number(photo_of(UNKNOWN)) is None
    assert demo_services.scans.read_number(photo(sheet())) is None


def test_a_file_that_is_no_image_is_refused_in_chinese(demo_services: Services) -> None:
    with pytest.raises(NotAnImageError, match="不是图片") as caught:
        demo_services.scans.read_number("签到表".encode())
    assert caught.value.reason == NOT_AN_IMAGE
    with pytest.raises(NotAnImageError, match="已损坏"):
        demo_services.scans.read_number(photo_of(UNKNOWN)[:20_000])
    # What a secretary is likely to have instead of an image gets its own advice.
    with pytest.raises(NotAnImageError) as caught:
        demo_services.scans.read_number(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n")
    assert caught.value.reason == NOT_AN_IMAGE_PDF
    with pytest.raises(NotAnImageError) as caught:
        demo_services.scans.read_number(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(64))
    assert caught.value.reason == NOT_AN_IMAGE_HEIC


# --- one sheet onto the record chosen ----------------------------------------------------------


def test_a_signed_sheet_is_attached_as_the_records_signin_scan(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], tmp_path: Path
) -> None:
    (cid, number), _ = numbers
    path = tmp_path / "签到表.jpg"
    path.write_bytes(photo_of(number))
    before = len(scans(demo_services, cid))

    att = demo_services.scans.attach_signed_sheet(cid, path)

    assert att.kind is AttachmentKind.SIGNIN_SCAN and att.original_name == "签到表.jpg"
    assert att.media_type == "image/jpeg" and att.consultation_id == cid
    assert len(scans(demo_services, cid)) == before + 1
    assert demo_services.attachments.store.open_bytes(att.sha256) == path.read_bytes()
    # The same file again is not stored twice.
    again = demo_services.scans.attach_signed_sheet(cid, path)
    assert again.id == att.id
    assert len(scans(demo_services, cid)) == before + 1


def test_a_sheet_of_another_record_is_refused_unless_forced(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], tmp_path: Path
) -> None:
    (cid, number), (_other_id, other_number) = numbers
    path = tmp_path / "scan.jpg"
    path.write_bytes(photo_of(other_number))
    before = len(scans(demo_services, cid))
    other = demo_services.consultations.get_by_number(other_number)
    assert other is not None

    with pytest.raises(WrongSheetError) as caught:
        demo_services.scans.attach_signed_sheet(cid, path)

    message = str(caught.value)
    assert other_number in message and number in message and other.title in message
    assert caught.value.found == other_number and caught.value.expected == number
    assert len(scans(demo_services, cid)) == before
    att = demo_services.scans.attach_signed_sheet(cid, path, force=True)
    assert att.consultation_id == cid and len(scans(demo_services, cid)) == before + 1


def test_a_sheet_whose_code_cannot_be_read_is_attached_where_the_user_chose(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], tmp_path: Path
) -> None:
    (cid, _), _ = numbers
    path = tmp_path / "模糊.jpg"
    path.write_bytes(photo(sheet(), seed=5))
    assert demo_services.scans.attach_signed_sheet(cid, path).kind is AttachmentKind.SIGNIN_SCAN


def test_an_archived_record_refuses_the_sheet_with_the_lock_message(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], tmp_path: Path
) -> None:
    (cid, number), _ = numbers
    demo_services.consultations.archive(cid)
    path = tmp_path / "scan.jpg"
    path.write_bytes(photo_of(number))
    with pytest.raises(LockedError, match=f"{number} 已归档"):
        demo_services.scans.attach_signed_sheet(cid, path)
    report = demo_services.scans.match_files([path])
    assert report.attached == []
    assert report.unmatched == [
        ("scan.jpg", f"{number} 已归档，是只读的。如需修改，请先解锁并填写原因。")
    ]


# --- a folder of sheets -------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, numbers: tuple[tuple[int, str], ...]) -> Path:
    (_, a), (_, b) = numbers
    scans_dir = tmp_path / "扫描件"
    scans_dir.mkdir()
    (scans_dir / "a1 签到表.jpg").write_bytes(photo_of(a, seed=1))
    (scans_dir / "a2 记录表.jpg").write_bytes(photo_of(a, seed=2, angle=-5.0))
    (scans_dir / "b1.jpg").write_bytes(photo_of(b, seed=3))
    (scans_dir / "c 空白.jpg").write_bytes(photo(sheet(), seed=4))
    (scans_dir / "d 未知.jpg").write_bytes(photo_of(UNKNOWN, seed=1))
    (scans_dir / "e 说明.txt").write_text("这是说明，不是图片", encoding="utf-8")
    shutil.copyfile(scans_dir / "a1 签到表.jpg", scans_dir / "f 副本.jpg")
    # Not looked at: hidden and system files, and what lies in subfolders.
    (scans_dir / ".a1.jpg").write_bytes(photo_of(a, seed=1))
    (scans_dir / "Thumbs.db").write_bytes(b"\0" * 64)
    (scans_dir / "旧的").mkdir()
    (scans_dir / "旧的" / "b9.jpg").write_bytes(photo_of(b, seed=9))
    return scans_dir


def test_a_folder_of_scans_lands_on_the_right_records_and_the_rest_is_explained(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], folder: Path
) -> None:
    (a_id, a), (b_id, b) = numbers
    before_a, before_b = scans(demo_services, a_id), scans(demo_services, b_id)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int, message: str = "", /) -> None:
        calls.append((done, total))

    report = demo_services.scans.match_folder(folder, progress)

    assert report.attached == [("a1 签到表.jpg", a), ("a2 记录表.jpg", a), ("b1.jpg", b)]
    assert report.unmatched == [
        ("c 空白.jpg", NO_QR_CODE),
        ("d 未知.jpg", f"二维码中的编号 {UNKNOWN} 在数据库中不存在"),
        ("e 说明.txt", NOT_AN_IMAGE),
        ("f 副本.jpg", f"已是 {a} 的附件，未重复添加"),
    ]
    assert not report.cancelled
    assert report.consultation_ids == [a_id, b_id]
    assert calls == [(i, 7) for i in range(7)] + [(7, 7)]
    new_a = [x for x in scans(demo_services, a_id) if x not in before_a]
    new_b = [x for x in scans(demo_services, b_id) if x not in before_b]
    assert sorted(x.original_name for x in new_a) == ["a1 签到表.jpg", "a2 记录表.jpg"]
    assert [x.original_name for x in new_b] == ["b1.jpg"]
    for att, name in [(new_a[0], new_a[0].original_name), (new_b[0], "b1.jpg")]:
        assert (
            demo_services.attachments.store.open_bytes(att.sha256) == (folder / name).read_bytes()
        )

    # The same folder again attaches nothing twice.
    again = demo_services.scans.match_folder(folder)
    assert again.attached == []
    assert [reason for _, reason in again.unmatched].count(f"已是 {a} 的附件，未重复添加") == 3
    assert len(scans(demo_services, a_id)) == len(before_a) + 2


def test_cancelling_stops_before_the_next_file_and_keeps_what_was_attached(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], folder: Path
) -> None:
    (a_id, a), _ = numbers
    before = len(scans(demo_services, a_id))
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int, message: str = "", /) -> None:
        calls.append((done, total))
        if done >= 1:  # Cancel pressed while the first file was read
            raise Cancelled

    report = demo_services.scans.match_folder(folder, progress)

    assert report.cancelled
    assert report.attached == [("a1 签到表.jpg", a)] and report.unmatched == []
    assert calls == [(0, 7), (1, 7)]
    assert len(scans(demo_services, a_id)) == before + 1


def test_a_sheet_of_a_deleted_record_says_so(
    demo_services: Services, numbers: tuple[tuple[int, str], ...], tmp_path: Path
) -> None:
    (cid, number), _ = numbers
    demo_services.recycle_bin.delete("consultation", cid)
    path = tmp_path / "scan.jpg"
    path.write_bytes(photo_of(number))
    report = demo_services.scans.match_files([path])
    assert report.unmatched == [("scan.jpg", f"编号 {number} 的记录在回收站中，请先恢复再导入")]


def test_a_missing_folder_is_an_os_error(demo_services: Services, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        demo_services.scans.match_folder(tmp_path / "不存在")
