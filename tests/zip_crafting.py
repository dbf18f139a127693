"""A small valid submission package, and crafted ZIP files built byte by byte (shared by the
package tests and benchmarks/crafted_packages.py):
entries whose compressed data is given as it is, so a test can write hundreds of "8 MiB" members
from one compressed block without compressing gigabytes."""

from __future__ import annotations

import io
import struct
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from liaison_desk.documents.package import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PACKAGE_JSON,
    PayloadFile,
    write_json,
    write_package,
    write_text,
)


@dataclass(frozen=True)
class RawEntry:
    name: str
    data: bytes  # as stored in the ZIP (raw DEFLATE when method is 8)
    size: int  # the uncompressed size declared
    crc: int
    method: int = 8
    flags: int = 0x800  # UTF-8 names
    external_attr: int = 0
    encoding: str = "utf-8"  # of the name's bytes (GBK without the flag, as Chinese Windows)


def deflated(content: bytes) -> tuple[bytes, int, int]:
    """Raw DEFLATE of ``content``, its CRC-32 and size."""
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(content) + c.flush(), zlib.crc32(content), len(content)


def deflated_entry(name: str, content: bytes) -> RawEntry:
    data, crc, size = deflated(content)
    return RawEntry(name, data, size, crc)


def write_raw_zip(
    path: Path, entries: Iterable[RawEntry], *, declared_count: int | None = None
) -> Path:
    """A ZIP of ``entries`` with local headers, central directory and end record (no ZIP64;
    the end record's entry count is ``declared_count`` when given, as a liar would write it)."""
    central = bytearray()
    count = 0
    with path.open("wb") as out:
        for e in entries:
            name = e.name.encode(e.encoding)
            offset = out.tell()
            out.write(
                struct.pack(
                    "<IHHHHHIIIHH",
                    0x04034B50,
                    20,
                    e.flags,
                    e.method,
                    0,
                    0x21,
                    e.crc,
                    len(e.data),
                    e.size,
                    len(name),
                    0,
                )
                + name
            )
            out.write(e.data)
            central += (
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    0x031E,
                    20,
                    e.flags,
                    e.method,
                    0,
                    0x21,
                    e.crc,
                    len(e.data),
                    e.size,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    e.external_attr,
                    offset,
                )
                + name
            )
            count += 1
        start = out.tell()
        shown = min(count if declared_count is None else declared_count, 0xFFFF)
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, shown, shown, len(central), start, 0))
    return path


BAG = "吴兴区政协-织里镇联络组-2024-协商案例报送-20250110"
CASE = "cases/0001-助力青年返乡"
PHOTO = f"{CASE}/照片/01-返乡青年与委员面对面.jpg"


def package_doc() -> dict[str, object]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "files": {"readme": "说明.txt"},
        "cases": [
            {
                "uuid": str(uuid.uuid4()),
                "revision": 3,
                "title": "助力青年返乡",
                "folder": CASE,
                "files": {"pdf": f"{CASE}/案例.pdf"},
                "consultations": [],
                "photos": [{"uuid": str(uuid.uuid4()), "revision": 1, "file": PHOTO}],
            }
        ],
        "consultations": [],
        "counts": {"cases": 1, "consultations": 0, "outcome_items": 0, "photos": 1},
    }


def build_package(folder: Path) -> Path:
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 80, 40)).save(buf, "JPEG")
    jpeg = buf.getvalue()
    payload = [
        PayloadFile("说明.txt", write_text("协商案例报送包说明\n")),
        PayloadFile(f"{CASE}/案例.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n% test\n")),
        PayloadFile(PHOTO, lambda p: p.write_bytes(jpeg)),
        PayloadFile(PACKAGE_JSON, write_json(package_doc())),
    ]
    info = {"Source-Organization": "吴兴区政协", "Contact-Name": "姚霞琴"}
    return write_package(BAG, info, payload, folder / f"{BAG}.zip").path
