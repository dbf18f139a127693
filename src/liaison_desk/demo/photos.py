"""Demo photos drawn with Pillow: a hall session or an outdoor visit, reproducible per seed."""

from __future__ import annotations

import io
import random
from datetime import datetime

from PIL import Image, ImageDraw

from liaison_desk.demo.figures import PHOTO_SIZE
from liaison_desk.domain.enums import (
    ConsultationKind,
)

# --- drawing ---------------------------------------------------------------------------------

_SUIT_COLOURS = ((40, 48, 70), (60, 60, 60), (235, 235, 235), (90, 40, 40), (30, 70, 110))
_SKIN = ((241, 200, 170), (225, 185, 150), (205, 160, 125))
_HAIR = ((25, 25, 25), (45, 35, 30), (70, 70, 70))


def draw_photo(
    rng: random.Random, kind: ConsultationKind, digest: bytes, taken: datetime, *, rotate: bool
) -> bytes:
    """A small JPEG of a meeting (hall) or an outdoor scene (micro), drawn with shapes only,
    its pixels made unique by ``digest``, with EXIF dates (and Orientation=6 when ``rotate``)."""
    w, h = PHOTO_SIZE
    im = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(im)
    if kind is ConsultationKind.HALL:
        _draw_hall(d, rng, w, h)
    else:
        _draw_outdoor(d, rng, w, h)
    # A strip of small tiles coloured by the digest: every photo's pixels differ.
    for i, byte in enumerate(digest[:24]):
        x = 8 + i * 13
        d.rectangle((x, h - 16, x + 10, h - 6), fill=(byte, (byte * 7) % 256, (byte * 13) % 256))
    if rotate:
        # Stored sideways with Orientation=6 ("rotate 90° clockwise to view"), like a phone.
        im = im.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    stamp = f"{taken:%Y:%m:%d %H:%M:%S}"
    exif[0x010F] = "DemoCam"  # Make
    exif[0x0110] = "LD-1"  # Model
    exif[306] = stamp  # DateTime
    exif.get_ifd(0x8769)[36867] = stamp  # DateTimeOriginal
    if rotate:
        exif[0x0112] = 6
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=80, exif=exif)
    return buf.getvalue()


def _banner(d: ImageDraw.ImageDraw, rng: random.Random, box: tuple[int, int, int, int]) -> None:
    """A red banner whose pale blocks stand in for its characters (no CJK font needed)."""
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=(190, 25, 30))
    n = rng.randint(8, 14)
    step = (x1 - x0 - 20) / n
    for i in range(n):
        cx = x0 + 10 + i * step
        d.rectangle((cx + 3, y0 + 8, cx + step - 3, y1 - 8), fill=(250, 225, 150))


def _person_shape(d: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int, size: int) -> None:
    body = rng.choice(_SUIT_COLOURS)
    d.rounded_rectangle((x - size, y, x + size, y + size * 3), radius=size // 2, fill=body)
    d.ellipse((x - size * 0.7, y - size * 1.5, x + size * 0.7, y), fill=rng.choice(_SKIN))
    d.chord(
        (x - size * 0.75, y - size * 1.6, x + size * 0.75, y - size * 0.4),
        180,
        360,
        fill=rng.choice(_HAIR),
    )


def _draw_hall(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    wall = (rng.randint(225, 245), rng.randint(215, 235), rng.randint(195, 220))
    d.rectangle((0, 0, w, h), fill=wall)
    d.rectangle((0, int(h * 0.72), w, h), fill=(150, 110, 80))  # floor
    for x in (20, w - 120):  # windows
        d.rectangle((x, 110, x + 100, 230), fill=(190, 215, 235), outline=(120, 120, 120), width=4)
    _banner(d, rng, (60, 28, 580, 88))
    for row, (y, size) in enumerate(((215, 16), (265, 20))):
        count = rng.randint(5, 8) - row
        for i in range(count):
            x = int(70 + (w - 140) * (i + 0.5) / count + rng.randint(-8, 8))
            _person_shape(d, rng, x, y, size)
    d.rectangle((40, 300, w - 40, 340), fill=(120, 70, 40))  # the table
    d.rectangle((40, 340, w - 40, 350), fill=(95, 55, 30))
    for i in range(rng.randint(5, 7)):  # name plates and cups
        x = 70 + i * 80 + rng.randint(-6, 6)
        d.rectangle((x, 292, x + 44, 306), fill=(250, 250, 250))
        d.ellipse((x + 50, 294, x + 60, 304), fill=(240, 240, 230))


def _draw_outdoor(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    top = (rng.randint(120, 170), rng.randint(175, 205), rng.randint(225, 250))
    for y in range(0, int(h * 0.55)):
        t = y / (h * 0.55)
        d.line((0, y, w, y), fill=tuple(int(c + (255 - c) * t * 0.6) for c in top))
    green = (rng.randint(80, 120), rng.randint(140, 170), rng.randint(70, 100))
    d.rectangle((0, int(h * 0.55), w, h), fill=green)
    d.polygon(
        [(0, int(h * 0.55)), (w * 0.3, int(h * 0.3)), (w * 0.6, int(h * 0.55))], fill=(90, 130, 90)
    )
    for _ in range(rng.randint(2, 4)):  # white walls, dark roofs
        x = rng.randint(20, w - 160)
        y = rng.randint(int(h * 0.38), int(h * 0.48))
        d.rectangle((x, y, x + 120, y + 70), fill=(245, 245, 240), outline=(160, 160, 160))
        d.polygon([(x - 10, y), (x + 60, y - 35), (x + 130, y)], fill=(60, 65, 75))
        d.rectangle((x + 50, y + 30, x + 70, y + 70), fill=(110, 80, 60))
    for _ in range(rng.randint(3, 6)):  # trees
        x = rng.randint(10, w - 30)
        y = rng.randint(int(h * 0.5), int(h * 0.62))
        d.rectangle((x + 8, y, x + 14, y + 40), fill=(100, 70, 40))
        d.ellipse((x - 12, y - 40, x + 34, y + 6), fill=(40, rng.randint(110, 150), 50))
    # A red board of the station and a few people standing in front of it.
    _banner(d, rng, (w // 2 - 110, int(h * 0.5), w // 2 + 110, int(h * 0.5) + 40))
    for i in range(rng.randint(3, 7)):
        _person_shape(d, rng, 90 + i * 75 + rng.randint(-10, 10), int(h * 0.7), 18)
