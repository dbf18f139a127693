"""Real small and read-only file systems for the disk tests: a tmpfs of a few hundred KB that can
be filled, and a read-only bind mount of a folder. Mounting needs root (CI runs as root); where
it is not possible the test is skipped with the reason."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("mounting a test file system needs Linux")
    if os.geteuid() != 0:
        pytest.skip("mounting a test file system needs root (CI runs the tests as root)")
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a test file system here: {result.stderr.strip()}")


def _unmount(folder: Path) -> None:
    if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` KB mounted on ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _unmount(folder)


@contextlib.contextmanager
def read_only_view(source: Path, folder: Path) -> Iterator[Path]:
    """``source`` seen read-only at ``folder`` (like a write-protected USB stick or a CD)."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(source), str(folder))
    try:
        result = subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True, text=True
        )
        if result.returncode != 0:
            pytest.skip(f"cannot make a read-only bind mount here: {result.stderr.strip()}")
        yield folder
    finally:
        _unmount(folder)


def fill(folder: Path) -> Path:
    """Fill the disk of ``folder`` to the last byte; returns the file to delete to free it."""
    filler = folder / "填满磁盘.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for size in (1024 * 1024, 4096, 1):  # big blocks, then the last partial ones
            while True:
                try:
                    os.write(fd, b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC, exc
                    break
    finally:
        os.close(fd)
    return filler


def listing(folder: Path) -> list[tuple[str, int, int]]:
    """Every file and folder under ``folder`` with its size and modification time."""
    result = []
    for path in sorted(folder.rglob("*")):
        st = path.stat()
        result.append((str(path.relative_to(folder)), st.st_size, st.st_mtime_ns))
    return result
