"""Tests for the content-addressed attachment store.  Every image is generated here."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import random
import struct
import time
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageFile

from liaison_desk.storage.attachments import (
    MAX_IMAGE_PIXELS,
    AttachmentError,
    AttachmentStore,
    StoredFile,
    sha256_of,
)

RED = (230, 20, 20)
BLUE = (20, 20, 230)

# --------------------------------------------------------------------------- helpers


def make_image(
    size: tuple[int, int] = (64, 48),
    fmt: str = "JPEG",
    mode: str = "RGB",
    exif: Image.Exif | None = None,
    noisy: bool = False,
) -> bytes:
    """Left half red, right half blue, so rotations can be checked by colour."""
    w, h = size
    im = Image.new("RGB", size, BLUE)
    im.paste(RED, (0, 0, w // 2, h))
    if noisy:
        # Noise makes the JPEG big enough that cutting it leaves a real scan to truncate.
        rnd = random.Random(7)
        im.putdata([(rnd.randrange(256), rnd.randrange(256), x % 256) for x in range(w * h)])
    if mode != "RGB":
        im = im.convert(mode)
    buf = io.BytesIO()
    kwargs: dict[str, object] = {}
    if exif is not None:
        kwargs["exif"] = exif
    im.save(buf, fmt, **kwargs)
    return buf.getvalue()


def content_files(root: Path) -> list[Path]:
    """Every regular file under root (temp files included: none may survive a failure)."""
    if not root.exists():
        return []
    return [p for p in root.rglob("*") if p.is_file()]


def phone_exif(orientation: int = 1, taken: str | None = "2024:03:05 09:30:00") -> Image.Exif:
    """EXIF like a phone writes: orientation, capture time, GPS position, camera serial."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "TestPhone"
    exif[ExifTags.Base.Model] = "TP-1"
    exif[ExifTags.Base.DateTime] = "2024:03:06 10:00:00"
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        exif_ifd[ExifTags.Base.DateTimeOriginal] = taken
    exif_ifd[ExifTags.Base.BodySerialNumber] = "SERIAL-123456"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (30.0, 15.0, 10.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (120.0, 10.0, 5.0)
    return exif


def dominant(pixel: object) -> str:
    assert isinstance(pixel, tuple)
    r, _, b = pixel[:3]
    return "red" if r > b else "blue"


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height 1-bit pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def store(tmp_path: Path) -> AttachmentStore:
    return AttachmentStore(tmp_path / "demo-附件")


# --------------------------------------------------------------------------- adding


@pytest.mark.parametrize(
    ("fmt", "media_type", "name"),
    [("JPEG", "image/jpeg", "现场.jpg"), ("PNG", "image/png", "scan.png")],
)
def test_good_image_is_stored_at_fan_out_path(
    store: AttachmentStore, fmt: str, media_type: str, name: str
) -> None:
    data = make_image((64, 48), fmt)
    assert not store.root.exists()  # created lazily

    stored = store.add_image(data, name)

    expected = hashlib.sha256(data).hexdigest()
    assert stored == StoredFile(expected, len(data), media_type, name, None, 64, 48)
    path = store.root / expected[:2] / expected[2:4] / expected
    assert store.path_of(expected) == path
    assert path.read_bytes() == data
    assert store.exists(expected)
    assert store.open_bytes(expected) == data
    assert store.all_hashes() == {expected}


def test_add_image_from_path_uses_file_name(store: AttachmentStore, tmp_path: Path) -> None:
    source = tmp_path / "IMG_0001.JPG"
    source.write_bytes(make_image())

    stored = store.add_image(source)

    assert stored.original_name == "IMG_0001.JPG"
    assert stored.sha256 == sha256_of(source) == hashlib.sha256(source.read_bytes()).hexdigest()
    assert store.open_bytes(stored.sha256) == source.read_bytes()


@pytest.mark.parametrize("fmt", ["WEBP", "GIF", "BMP", "TIFF"])
def test_other_supported_formats(store: AttachmentStore, fmt: str) -> None:
    stored = store.add_image(make_image((30, 10), fmt), f"x.{fmt.lower()}")
    assert stored.media_type == f"image/{fmt.lower()}"
    assert (stored.width, stored.height) == (30, 10)


def test_same_photo_twice_is_stored_once(
    store: AttachmentStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = make_image()
    first = store.add_image(data, "a.jpg")
    path = store.path_of(first.sha256)
    mtime = path.stat().st_mtime_ns

    def no_rewrite(*args: object) -> None:
        raise AssertionError("second add must not rewrite the stored file")

    monkeypatch.setattr(os, "replace", no_rewrite)
    source = tmp_path / "copy-of-a.jpg"
    source.write_bytes(data)
    second = store.add_image(source)

    assert second.sha256 == first.sha256
    assert second.original_name == "copy-of-a.jpg"
    assert content_files(store.root) == [path]
    assert path.stat().st_mtime_ns == mtime


def test_rotated_jpeg_reports_displayed_size_and_exports_without_exif(
    store: AttachmentStore, tmp_path: Path
) -> None:
    data = make_image((40, 20), exif=phone_exif(orientation=6))
    # Sanity: the source really carries orientation and GPS, so their absence later means
    # something.
    with Image.open(io.BytesIO(data)) as src:
        assert src.size == (40, 20)
        assert src.getexif()[ExifTags.Base.Orientation] == 6
        assert src.getexif().get_ifd(ExifTags.IFD.GPSInfo)

    stored = store.add_image(data, "竖拍.jpg")
    assert (stored.width, stored.height) == (20, 40)

    shown = store.display_image(stored.sha256)
    assert shown.size == (20, 40)
    # Orientation 6 = rotate 90° clockwise: the red left half ends up on top.
    assert dominant(shown.convert("RGB").getpixel((10, 5))) == "red"
    assert dominant(shown.convert("RGB").getpixel((10, 35))) == "blue"

    with Image.open(store.thumbnail(stored.sha256)) as thumb:
        assert thumb.format == "JPEG"
        assert thumb.height > thumb.width

    out = store.export_jpeg(stored.sha256, tmp_path / "out" / "export.jpg")
    raw = out.read_bytes()
    assert b"Exif\x00\x00" not in raw
    assert b"SERIAL-123456" not in raw
    assert b"TestPhone" not in raw
    with Image.open(out) as exported:
        assert exported.format == "JPEG"
        assert exported.mode == "RGB"
        assert exported.size == (20, 40)
        assert "exif" not in exported.info
        exif = exported.getexif()
        assert ExifTags.Base.Orientation not in exif
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert len(exif) == 0
        assert dominant(exported.getpixel((10, 5))) == "red"


def test_taken_at_from_exif_date_time_original(store: AttachmentStore) -> None:
    stored = store.add_image(make_image(exif=phone_exif()), "a.jpg")
    assert stored.taken_at == datetime(2024, 3, 5, 9, 30, 0)


def test_taken_at_falls_back_to_date_time(store: AttachmentStore) -> None:
    stored = store.add_image(make_image(exif=phone_exif(taken=None)), "a.jpg")
    assert stored.taken_at == datetime(2024, 3, 6, 10, 0, 0)


@pytest.mark.parametrize("bad", ["0000:00:00 00:00:00", "2024:13:45 99:00:00", "yesterday", ""])
def test_malformed_exif_date_gives_none(store: AttachmentStore, bad: str) -> None:
    exif = phone_exif(taken=bad)
    exif[ExifTags.Base.DateTime] = bad
    stored = store.add_image(make_image(exif=exif), "a.jpg")
    assert stored.taken_at is None


def test_no_exif_gives_no_taken_at(store: AttachmentStore) -> None:
    assert store.add_image(make_image(fmt="PNG"), "a.png").taken_at is None


# --------------------------------------------------------------------------- rejecting


def test_text_named_jpg_is_rejected(store: AttachmentStore) -> None:
    with pytest.raises(AttachmentError) as info:
        store.add_image("会议纪要：这不是图片。".encode() * 20, "照片.jpg")
    message = str(info.value)
    assert "「照片.jpg」不是可识别的图片文件" in message
    assert "请选择照片文件" in message
    assert content_files(store.root) == []
    assert store.all_hashes() == set()


def test_truncated_jpeg_is_rejected(store: AttachmentStore, tmp_path: Path) -> None:
    data = make_image((256, 256), noisy=True)
    source = tmp_path / "half.jpg"
    source.write_bytes(data[: len(data) // 2])

    with pytest.raises(AttachmentError, match="损坏或不完整") as info:
        store.add_image(source)
    assert "重新复制" in str(info.value)
    assert content_files(store.root) == []
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize("cut", ["after_app0", "after_tables"])
def test_corrupt_jpeg_is_rejected(store: AttachmentStore, cut: str) -> None:
    # Random bytes where the next JPEG segment should start.  (Noise inside the
    # entropy-coded scan itself is decoded by libjpeg as a garbled picture without an
    # error, so it is not something the store can promise to catch.)
    data = make_image((128, 128), noisy=True)
    keep = 20 if cut == "after_app0" else data.index(b"\xff\xda")
    noise = bytes(b for b in random.Random(1234).randbytes(4000) if b != 0xFF)
    garbage = data[:keep] + noise

    with pytest.raises(AttachmentError, match="损坏或不完整"):
        store.add_image(garbage, "坏.jpg")
    assert content_files(store.root) == []


def _blank_png(size: tuple[int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("1", size).save(buf, "PNG")  # 18 MB in memory, ~20 kB on disk
    return buf.getvalue()


@pytest.mark.parametrize(
    "make",
    [
        # 144 M pixels: over our limit but under Pillow's own hard limit.
        lambda: _blank_png((12000, 12000)),
        # 2.5 G pixels in a hand-made header: Pillow itself refuses to open it.
        lambda: png_claiming(50000, 50000),
    ],
    ids=["144M-pixels", "2500M-pixels"],
)
def test_decompression_bomb_is_rejected_quickly(store: AttachmentStore, make: object) -> None:
    assert callable(make)
    data = make()
    assert len(data) < 1_000_000  # tiny on disk

    started = time.perf_counter()
    with pytest.raises(AttachmentError, match=r"像素数.*超过 1 亿"):
        store.add_image(data, "bomb.png")
    assert time.perf_counter() - started < 1.0  # never decoded
    assert content_files(store.root) == []


def test_pixel_limit_constant() -> None:
    assert MAX_IMAGE_PIXELS == 100_000_000


def test_empty_file_is_rejected(store: AttachmentStore, tmp_path: Path) -> None:
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    with pytest.raises(AttachmentError, match="空文件"):
        store.add_file(empty)
    assert content_files(store.root) == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    store: AttachmentStore, tmp_path: Path
) -> None:
    """A file from outside is measured before any work: a 1.5 GB "photo" is not read, hashed
    or copied (the file here is sparse, so the test writes nothing large)."""
    huge = tmp_path / "会场录像.mp4"
    with huge.open("wb") as fh:
        fh.truncate(1536 * 1024**2)
    with pytest.raises(AttachmentError, match="超过附件的上限"):
        store.add_file(huge)
    assert content_files(store.root) == []


def test_missing_source_file(store: AttachmentStore, tmp_path: Path) -> None:
    with pytest.raises(AttachmentError, match="找不到文件"):
        store.add_file(tmp_path / "gone.pdf")


# --------------------------------------------------------------------------- add_file


def test_add_file_pdf(store: AttachmentStore, tmp_path: Path) -> None:
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n"
    source = tmp_path / "答复函.pdf"
    source.write_bytes(pdf)

    stored = store.add_file(source)

    assert stored == StoredFile(
        hashlib.sha256(pdf).hexdigest(), len(pdf), "application/pdf", "答复函.pdf", None, None, None
    )
    assert store.open_bytes(stored.sha256) == pdf


def test_add_file_other_content_is_octet_stream(store: AttachmentStore) -> None:
    stored = store.add_file("BMW 汇报材料".encode(), "notes.txt")
    assert stored.media_type == "application/octet-stream"


def test_add_file_validates_images_by_header(store: AttachmentStore) -> None:
    data = make_image((256, 256), noisy=True)
    with pytest.raises(AttachmentError, match="损坏或不完整"):
        store.add_file(data[: len(data) // 2], "letter.pdf")  # name does not matter
    assert content_files(store.root) == []

    stored = store.add_file(data, "photo.bin")
    assert (stored.media_type, stored.width, stored.height) == ("image/jpeg", 256, 256)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(payload=st.binary(min_size=1, max_size=4096))
def test_add_file_round_trips_arbitrary_bytes(tmp_path: Path, payload: bytes) -> None:
    store = AttachmentStore(tmp_path / "prop")
    try:
        stored = store.add_file(payload, "blob")
    except AttachmentError:
        # Only bytes that start like an image may be refused (and then must not be stored).
        assert payload.startswith(
            (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"II", b"MM", b"BM", b"RIFF")
        )
        assert not store.exists(hashlib.sha256(payload).hexdigest())
        return
    assert stored.sha256 == hashlib.sha256(payload).hexdigest()
    assert store.open_bytes(stored.sha256) == payload
    assert store.verify(stored.sha256)


# --------------------------------------------------------------------------- reading back


def test_verify_detects_changed_file(store: AttachmentStore) -> None:
    stored = store.add_image(make_image(), "a.jpg")
    assert store.verify(stored.sha256)

    path = store.path_of(stored.sha256)
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    path.write_bytes(bytes(damaged))
    assert not store.verify(stored.sha256)

    path.unlink()
    assert not store.verify(stored.sha256)


def test_open_bytes_of_missing_file(store: AttachmentStore) -> None:
    with pytest.raises(AttachmentError, match="附件文件缺失"):
        store.open_bytes("ab" * 32)
    assert not store.exists("ab" * 32)


def test_path_of_rejects_non_hashes(store: AttachmentStore) -> None:
    for bad in ["", "../../etc/passwd", "zz" * 32, "ab" * 31]:
        with pytest.raises(ValueError):
            store.path_of(bad)


def test_export_downscales_long_side(store: AttachmentStore, tmp_path: Path) -> None:
    stored = store.add_image(make_image((3000, 1000), "PNG"), "wide.png")

    out = store.export_jpeg(stored.sha256, tmp_path / "wide.jpg")

    with Image.open(out) as im:
        assert im.format == "JPEG"
        assert im.width == 2560
        assert im.height in (853, 854)
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []


def test_export_flattens_transparency_on_white(store: AttachmentStore, tmp_path: Path) -> None:
    im = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    stored = store.add_image(buf.getvalue(), "clear.png")

    with Image.open(store.export_jpeg(stored.sha256, tmp_path / "x.jpg")) as out:
        assert out.mode == "RGB"
        pixel = out.getpixel((5, 5))
        assert isinstance(pixel, tuple)
        assert min(pixel) > 240


def test_thumbnail_is_cached(store: AttachmentStore) -> None:
    stored = store.add_image(make_image((1200, 600)), "big.jpg")

    first = store.thumbnail(stored.sha256, 128)
    assert first == store.root / ".thumbnails" / "128" / f"{stored.sha256}.jpg"
    with Image.open(first) as im:
        assert max(im.size) <= 128
        assert im.size == (128, 64)
    mtime = first.stat().st_mtime_ns

    time.sleep(0.01)
    assert store.thumbnail(stored.sha256, 128) == first
    assert first.stat().st_mtime_ns == mtime

    first.unlink()  # regenerated when missing
    assert store.thumbnail(stored.sha256, 128).is_file()
    # Thumbnails are cache, not content.
    assert store.all_hashes() == {stored.sha256}


def test_thumbnail_of_transparent_image_is_png(store: AttachmentStore) -> None:
    stored = store.add_image(make_image((300, 300), "PNG", mode="RGBA"), "logo.png")
    thumb = store.thumbnail(stored.sha256)
    assert thumb.suffix == ".png"
    with Image.open(thumb) as im:
        assert im.mode == "RGBA"
        assert im.size == (256, 256)


def test_thumbnail_of_non_image(store: AttachmentStore) -> None:
    stored = store.add_file(b"%PDF-1.7\n%%EOF\n", "a.pdf")
    with pytest.raises(AttachmentError, match="不是图片"):
        store.thumbnail(stored.sha256)


def test_all_hashes_ignores_temp_files_and_remove(store: AttachmentStore) -> None:
    a = store.add_image(make_image(), "a.jpg")
    b = store.add_file(b"%PDF-1.7\n%%EOF\n", "b.pdf")
    store.thumbnail(a.sha256, 64)
    folder = store.path_of(a.sha256).parent
    (folder / f".{a.sha256}.deadbeef.tmp").write_bytes(b"partial")
    (store.root / "desktop.ini").write_text("x")

    assert store.all_hashes() == {a.sha256, b.sha256}

    store.remove(a.sha256)
    assert store.all_hashes() == {b.sha256}
    assert not (store.root / ".thumbnails" / "64" / f"{a.sha256}.jpg").exists()
    store.remove(a.sha256)  # already gone: no error


def test_beside_database(tmp_path: Path) -> None:
    store = AttachmentStore.beside_database(tmp_path / "demo.sqlite")
    assert store.root == tmp_path / "demo-附件"


# --------------------------------------------------------------------------- atomic writes


def _failing_replace(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("as_path", [False, True], ids=["bytes", "path"])
def test_failed_write_leaves_nothing(
    store: AttachmentStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_path: bool
) -> None:
    data = make_image()
    source: Path | bytes = data
    if as_path:
        source = tmp_path / "a.jpg"
        source.write_bytes(data)
    monkeypatch.setattr(os, "replace", _failing_replace)

    with pytest.raises(AttachmentError, match="磁盘已满或无写入权限") as info:
        store.add_image(source, "a.jpg")

    assert isinstance(info.value.__cause__, OSError)
    assert content_files(store.root) == []
    assert not store.exists(hashlib.sha256(data).hexdigest())


def test_failed_thumbnail_and_export_leave_nothing(
    store: AttachmentStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = store.add_image(make_image(), "a.jpg")
    monkeypatch.setattr(os, "replace", _failing_replace)

    with pytest.raises(AttachmentError, match="磁盘已满"):
        store.thumbnail(stored.sha256)
    with pytest.raises(AttachmentError, match="磁盘已满"):
        store.export_jpeg(stored.sha256, tmp_path / "out" / "a.jpg")

    assert content_files(store.root) == [store.path_of(stored.sha256)]
    assert content_files(tmp_path / "out") == []
