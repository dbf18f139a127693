"""Paper round trip: signed sheets come back as scans or phone photos and find their record.

Every printed sheet carries its consultation's 编号 (织里-2024-议-012) as a QR code. Here the code
is read back with zxing-cpp from the image as Pillow decodes it, and the image is stored as the
record's 签到表扫描件 (``AttachmentKind.SIGNIN_SCAN``) through the attachment service.

Phone photos are the hard case: large, stored sideways with an EXIF orientation tag, skewed,
unevenly lit and JPEG-compressed. The image is tried as it is first (zxing-cpp finds codes at
any angle and at several scales itself), then smoothed down to smaller sizes, then binarised
against its local brightness, so a shadow across the sheet or a blurred code still reads. Only
images are read (JPEG, PNG, TIFF from scanners, also WebP, BMP, GIF): a scanned PDF must be saved
as images first.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import stat
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import zxingcpp
from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageSequence, UnidentifiedImageError

from liaison_desk.domain.entities import Attachment, Consultation
from liaison_desk.domain.enums import AttachmentKind
from liaison_desk.domain.numbering import parse_consultation_number
from liaison_desk.domain.rules import LockedError, Problem, ValidationError
from liaison_desk.progress import Cancelled, Progress
from liaison_desk.services.attachments import AttachmentService
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.consultations import ConsultationService
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.attachments import MAX_IMAGE_PIXELS, AttachmentError, sha256_of
from liaison_desk.storage.errors import StorageError, os_error_text

logger = logging.getLogger(__name__)

__all__ = [
    "NOT_AN_IMAGE",
    "NOT_AN_IMAGE_HEIC",
    "NOT_AN_IMAGE_PDF",
    "NO_QR_CODE",
    "NotAnImageError",
    "ScanReport",
    "ScanService",
    "WrongSheetError",
]

# The reasons a file was not attached, as the report lists them.
NO_QR_CODE = "未找到二维码"
NOT_AN_IMAGE = "不是图片"

# The decoders used for scans: the formats scanners and phones write. Keeping to these keeps
# exotic plugins (EPS runs Ghostscript) away from files that arrive on USB sticks.
_PILLOW_FORMATS = ("JPEG", "PNG", "TIFF", "WEBP", "BMP", "GIF")
_MAX_FRAMES = 50  # pages of a multi-page TIFF looked at for a code
_QR_CODE = zxingcpp.barcode_formats_from_str("QRCode")

# A 编号 anywhere in a code's text (a code may say "编号:织里-2024-议-012" or carry a link).
_NUMBER_IN_TEXT = re.compile(r"[^\s\-/\\:：?&=#,，;；|]+-\d{4}-[议微]-\d{3,}")

# Photos in HEIF containers (iPhones, some Android phones) that Pillow cannot read by itself.
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")
NOT_AN_IMAGE_PDF = "是 PDF 文件，不是图片：请扫描为 JPG、PNG 或 TIFF，或把 PDF 另存为图片后再导入"
NOT_AN_IMAGE_HEIC = (
    "是 HEIC 格式的照片，暂不支持：请在手机相机设置中改为 JPG（兼容格式）后重拍或转换"
)

# Files a folder of scans holds that are nobody's scan: skipped without a word in the report.
_SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store"}


class NotAnImageError(AttachmentError):
    """The file is not an image Pillow can read (or is damaged); the message says which."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason  # the short form for the report of a folder


class WrongSheetError(ValidationError):
    """The sheet's QR code names another consultation than the one it was to be attached to."""

    def __init__(self, expected: str, found: str, found_title: str = "") -> None:
        self.expected = expected
        self.found = found
        shown = f"{found}（{found_title}）" if found_title else found
        super().__init__(
            [
                Problem(
                    "image",
                    f"这张签到表上的二维码是 {shown}，不是当前记录 {expected}。"
                    "请确认选对了记录或图片；如确实要附加到当前记录，请选择“仍然附加”。",
                )
            ]
        )


@dataclass
class ScanReport:
    """What a folder of scans came to: file name → number attached, file name → why not."""

    attached: list[tuple[str, str]] = field(default_factory=list)
    unmatched: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False  # the progress callback said stop; the rest were not looked at
    consultation_ids: list[int] = field(default_factory=list)  # the records that got a sheet

    @property
    def total(self) -> int:
        return len(self.attached) + len(self.unmatched)


@dataclass(frozen=True)
class _Decoded:
    texts: list[str]  # every code's text found, in the order found
    numbers: list[str]  # the 编号 among them, each once


class ScanService:
    def __init__(
        self,
        ctx: ServiceContext,
        consultations: ConsultationService,
        attachments: AttachmentService,
    ) -> None:
        self.ctx = ctx
        self.consultations = consultations
        self.attachments = attachments

    # --- reading codes ----------------------------------------------------------------------

    def read_codes(self, image: Path | bytes) -> list[str]:
        """The text of every QR code found on the image (first page or frame that has one)."""
        return self._decode(image).texts

    def read_number(self, image: Path | bytes) -> str | None:
        """The first 编号 on the image that names a consultation in this database, or None.

        Raises NotAnImageError when the file is not a readable image, OSError when it cannot be
        read at all."""
        for number in self._decode(image).numbers:
            if self.consultations.get_by_number(number) is not None:
                return number
        return None

    # --- one sheet --------------------------------------------------------------------------

    def attach_signed_sheet(
        self, consultation_id: int, image: Path, *, force: bool = False
    ) -> Attachment:
        """Store ``image`` as the consultation's 签到表扫描件.

        Refused with WrongSheetError when its QR code names another consultation (the wrong
        record was picked), unless ``force``; a sheet whose code cannot be read is attached as
        it is (the user chose the record). The same file attached before is not stored twice:
        that attachment is returned. A locked (archived) record raises LockedError."""
        image = Path(image)
        c = self.consultations.get(consultation_id)
        if c is None or c.is_deleted:
            raise KeyError(consultation_id)
        with self.ctx.db.session() as s:
            repo.refuse_if_locked(s, consultation_id, None)
        data = _read_bytes(image)
        decoded = self._decode(data, image.name)
        if decoded.numbers and c.number not in decoded.numbers and not force:
            found = decoded.numbers[0]
            for number in decoded.numbers:  # prefer one this database knows, to name its topic
                other = self.consultations.get_by_number(number)
                if other is not None:
                    raise WrongSheetError(c.number, number, other.title)
            raise WrongSheetError(c.number, found)
        existing = _same_file(c, sha256_of(data))
        if existing is not None:
            logger.info("%s already attached to %s", image.name, c.number)
            return existing
        return self.attachments.add(
            data, image.name, consultation_id=consultation_id, kind=AttachmentKind.SIGNIN_SCAN
        )

    # --- a folder of sheets -----------------------------------------------------------------

    def files_in(self, folder: Path) -> list[Path]:
        """The files of ``folder`` to look at (not its subfolders; hidden and system files left
        out), sorted by name as a file manager shows them. OSError when it cannot be listed."""
        folder = Path(folder)
        files = []
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if not entry.is_file() or _is_hidden(Path(entry.path), entry.stat()):
                        continue
                except OSError:
                    continue  # vanished or unreadable entry: nothing to attach
                files.append(Path(entry.path))
        return sorted(files, key=lambda p: _natural_key(p.name))

    def match_folder(self, folder: Path, progress: Progress | None = None) -> ScanReport:
        """Attach every image of ``folder`` to the consultation whose 编号 its QR code shows."""
        return self.match_files(self.files_in(folder), progress)

    def match_files(self, files: Sequence[Path], progress: Progress | None = None) -> ScanReport:
        """Attach each file to the consultation its QR code names, as a 签到表扫描件.

        Files that are not images, show no code, name an unknown or deleted record, or were
        attached to that record before are listed in ``unmatched`` with the reason; an error
        the user can act on (a locked record, a full disk) is that file's reason and the next
        file is tried. ``progress(done, total)`` is called before each file and once at the end;
        a cancel (it raises ``Cancelled``) stops before the next file: what was attached stays
        attached and is in the report (``cancelled`` is set) — the report is returned, not the
        exception, since the attached files are real changes the user must see."""
        report = ScanReport()
        total = len(files)
        for done, path in enumerate(files):
            try:
                if progress is not None:
                    progress(done, total)
            except Cancelled:
                report.cancelled = True
                logger.info("matching scans cancelled after %d of %d files", done, total)
                return report
            path = Path(path)
            if _is_hidden(path):
                continue
            try:
                number, consultation_id = self._attach_one(path)
            except _NotAttached as why:
                report.unmatched.append((path.name, why.reason))
            except (StorageError, LockedError, ValidationError) as exc:
                report.unmatched.append((path.name, str(exc)))
            except OSError as exc:
                report.unmatched.append((path.name, f"无法读取文件：{os_error_text(exc)}"))
            else:
                report.attached.append((path.name, number))
                if consultation_id not in report.consultation_ids:
                    report.consultation_ids.append(consultation_id)
        if progress is not None:
            with contextlib.suppress(Cancelled):  # every file was looked at: nothing to stop
                progress(total, total)
        logger.info(
            "matched scans: %d attached, %d not", len(report.attached), len(report.unmatched)
        )
        return report

    def _attach_one(self, path: Path) -> tuple[str, int]:
        data = _read_bytes(path)
        try:
            decoded = self._decode(data, path.name)
        except NotAnImageError as exc:
            raise _NotAttached(exc.reason) from exc
        c = self._consultation_for(decoded)
        assert c.id is not None
        if _same_file(c, sha256_of(data)) is not None:
            raise _NotAttached(f"已是 {c.number} 的附件，未重复添加")
        self.attachments.add(data, path.name, consultation_id=c.id, kind=AttachmentKind.SIGNIN_SCAN)
        return c.number, c.id

    def _consultation_for(self, decoded: _Decoded) -> Consultation:
        if not decoded.texts:
            raise _NotAttached(NO_QR_CODE)
        if not decoded.numbers:
            shown = decoded.texts[0]
            shown = shown if len(shown) <= 40 else shown[:40] + "…"
            raise _NotAttached(f"二维码不是协商活动编号（内容：{shown}）")
        deleted = None
        for number in decoded.numbers:
            c = self.consultations.get_by_number(number)
            if c is not None and not c.is_deleted:
                return c
            if c is not None and deleted is None:
                deleted = number
        if deleted is not None:
            raise _NotAttached(f"编号 {deleted} 的记录在回收站中，请先恢复再导入")
        raise _NotAttached(f"二维码中的编号 {decoded.numbers[0]} 在数据库中不存在")

    # --- decoding ---------------------------------------------------------------------------

    def _decode(self, image: Path | bytes, name: str | None = None) -> _Decoded:
        if isinstance(image, bytes | bytearray | memoryview):
            data = bytes(image)
            shown = name or "所选文件"
        else:
            data = _read_bytes(Path(image))
            shown = name or Path(image).name
        texts: list[str] = []
        with _open_image(data, shown) as im:
            for frame in _frames(im, shown):
                for variant in _variants(frame):
                    for text in _read_qr(variant):
                        if text not in texts:
                            texts.append(text)
                    if _numbers_in(texts):
                        return _Decoded(texts, _numbers_in(texts))
        return _Decoded(texts, _numbers_in(texts))


class _NotAttached(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- helpers ---------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _same_file(c: Consultation, sha256: str) -> Attachment | None:
    return next((a for a in c.attachments if a.sha256 == sha256 and not a.is_deleted), None)


def _is_hidden(path: Path, st: os.stat_result | None = None) -> bool:
    name = path.name
    if name.startswith((".", "~$")) or name.casefold() in _SYSTEM_FILES:
        return True
    attributes = getattr(st, "st_file_attributes", 0) if st is not None else 0
    return bool(attributes & (stat.FILE_ATTRIBUTE_HIDDEN | stat.FILE_ATTRIBUTE_SYSTEM))


def _natural_key(name: str) -> list[tuple[int, int | str]]:
    """扫描2.jpg before 扫描10.jpg."""
    return [
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", name)
        if part
    ]


def _numbers_in(texts: Sequence[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        for match in _NUMBER_IN_TEXT.finditer(text):
            number = match.group(0)
            if parse_consultation_number(number) is not None and number not in found:
                found.append(number)
    return found


@contextlib.contextmanager
def _open_image(data: bytes, name: str) -> Iterator[Image.Image]:
    with warnings.catch_warnings():
        # The pixel limit is checked below; Pillow's lower warning threshold is only noise.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS)
        except UnidentifiedImageError as exc:
            if data.startswith(b"%PDF"):
                reason = NOT_AN_IMAGE_PDF
            elif data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
                reason = NOT_AN_IMAGE_HEIC
            else:
                raise NotAnImageError(
                    f"「{name}」不是图片。请选择 JPG、PNG 或 TIFF 格式的扫描件或照片。",
                    NOT_AN_IMAGE,
                ) from exc
            raise NotAnImageError(f"「{name}」{reason}。", reason) from exc
        except Image.DecompressionBombError as exc:
            raise _too_big(name) from exc
        with im:
            if im.size[0] * im.size[1] > MAX_IMAGE_PIXELS:
                raise _too_big(name)
            if im.format in ("JPEG", "MPO"):
                # Let libjpeg decode straight to grey at full size: a third of the memory.
                im.draft("L", im.size)
            yield im


def _too_big(name: str) -> NotAnImageError:
    return NotAnImageError(
        f"「{name}」的像素数超过 1 亿的上限，可能是异常文件。请先把图片缩小后再导入。",
        "图片像素过多（超过 1 亿），请缩小后再导入",
    )


def _damaged(name: str) -> NotAnImageError:
    return NotAnImageError(
        f"「{name}」已损坏或不完整，无法打开。请从扫描仪、手机或 U 盘重新复制该文件后再试。",
        "图片已损坏或不完整，无法打开",
    )


def _frames(im: Image.Image, name: str) -> Iterator[Image.Image]:
    """Each page (multi-page TIFF) upright and in 8-bit grey; a damaged file raises."""
    for index, frame in enumerate(ImageSequence.Iterator(im)):
        if index >= _MAX_FRAMES:
            return
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                frame.load()
                grey = _grey(frame)
        except Exception as exc:  # decoders raise OSError, SyntaxError, ValueError, ...
            if index == 0:
                logger.info("image %r failed to decode: %s", name, exc)
                raise _damaged(name) from exc
            logger.info("page %d of %r failed to decode: %s", index + 1, name, exc)
            return
        try:
            grey = ImageOps.exif_transpose(grey) if index == 0 else grey
        except Exception:  # odd EXIF costs the rotation (zxing-cpp tries all four anyway)
            logger.debug("EXIF rotation failed for %r", name, exc_info=True)
        yield grey


def _grey(frame: Image.Image) -> Image.Image:
    """8-bit grey with transparency shown as white paper and 16-bit scans scaled, not clipped.
    The EXIF block is kept so the orientation can still be applied."""
    exif = frame.getexif()
    im = frame
    if im.mode == "I" or im.mode.startswith("I;16"):
        im = im.convert("I")
        _, high = im.getextrema()
        if isinstance(high, int | float) and high > 255:
            im = im.point(lambda v: v / 256)
    elif im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info:
        rgba = im.convert("RGBA")
        im = Image.new("RGB", rgba.size, (255, 255, 255))
        im.paste(rgba, mask=rgba.getchannel("A"))
    grey = im.convert("L")
    if exif:
        grey.info["exif"] = exif.tobytes()
    return grey


def _variants(grey: Image.Image) -> Iterator[Image.Image]:
    """The image as it is, then smaller (smooths JPEG noise and blur, and brings a big code to
    a size the detector likes), then binarised against its local brightness and with contrast
    stretched (faded print, a dim photo, uneven light), then sharpened (a blurred photo)."""
    yield grey
    long_side = max(grey.size)
    smaller: list[Image.Image] = []
    for side in (1600, 1000):
        if long_side > side * 1.25:
            small = grey.copy()
            small.thumbnail((side, side), Image.Resampling.LANCZOS)
            smaller.append(small)
            yield small
    medium = smaller[0] if smaller else grey
    yield _binarised(medium, max(8, max(medium.size) // 60))
    if smaller:
        yield _binarised(grey, max(8, long_side // 120))
    yield ImageOps.equalize(medium)
    yield grey.filter(ImageFilter.UnsharpMask(radius=6, percent=250, threshold=2))


def _binarised(grey: Image.Image, radius: int) -> Image.Image:
    """Black where a pixel is darker than the mean of its neighbourhood, else white: a shadow
    or a light fall-off across the sheet no longer decides what is black."""
    local = grey.filter(ImageFilter.BoxBlur(radius))
    # grey - local + 128, so below 124 means darker than the surroundings by more than 4.
    diff = ImageChops.subtract(grey, local, scale=1.0, offset=128)
    return diff.point(lambda v: 255 if v >= 124 else 0)


def _read_qr(im: Image.Image) -> list[str]:
    try:
        results = zxingcpp.read_barcodes(im, formats=_QR_CODE)
    except Exception:  # the reader should not fail on a valid image; never lose the file over it
        logger.warning("QR reader failed on an image", exc_info=True)
        return []
    texts: list[str] = []
    for result in results:
        text = (result.text or "").strip()
        if text:
            texts.append(text)
        # Without an ECI marker a reader guesses the character set; UTF-8 is what we print.
        raw = getattr(result, "bytes", b"")
        if raw:
            try:
                utf8 = bytes(raw).decode("utf-8").strip()
            except UnicodeDecodeError:
                continue
            if utf8 and utf8 != text:
                texts.append(utf8)
    return texts
