"""Building crafted ZIP files byte by byte (shared by the package, backup and benchmark code):
entries whose compressed data is given as it is, so a test can write hundreds of "8 MiB" members
from one compressed block without compressing gigabytes."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RawEntry:
    name: str
    data: bytes  # as stored in the ZIP (raw DEFLATE when method is 8)
    size: int  # the uncompressed size declared
    crc: int
    method: int = 8
    flags: int = 0x800  # UTF-8 names
    external_attr: int = 0


def deflated(content: bytes) -> tuple[bytes, int, int]:
    """Raw DEFLATE of ``content``, its CRC-32 and size."""
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(content) + c.flush(), zlib.crc32(content), len(content)


def deflated_entry(name: str, content: bytes) -> RawEntry:
    data, crc, size = deflated(content)
    return RawEntry(name, data, size, crc)


def write_raw_zip(path: Path, entries: Iterable[RawEntry]) -> Path:
    """A ZIP of ``entries`` with local headers, central directory and end record (no ZIP64)."""
    central = bytearray()
    count = 0
    with path.open("wb") as out:
        for e in entries:
            name = e.name.encode("utf-8")
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
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0))
    return path
