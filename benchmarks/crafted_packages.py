"""Crafted submission packages against ``verify``: time, bytes written to the temporary folder
and peak memory for each.

    .venv/bin/python benchmarks/crafted_packages.py

Builds, in a temporary folder: finding 6's bomb (480 members of 8 MiB, each just under the
per-member ratio), one huge member (4 GB of zeros declared, about 4 MB packed), a ZIP declaring
more entries than allowed (200 000 tiny ones), and 9 500 tiny members within every budget (the
slowest honest case: each is unpacked and hashed). Each is verified in a fresh process, so the
peak RSS is that of the check alone. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from liaison_desk.documents.package_check import MAX_RATIO, verify_package
from zip_crafting import BAG, RawEntry, deflated, deflated_entry, write_raw_zip


def many_member_bomb(path: Path) -> Path:
    size = 8 * 1024**2
    noise = int(size / (MAX_RATIO * 0.95)) + 1024
    content = random.Random(6).randbytes(noise) + b"\0" * (size - noise)
    data, crc, _ = deflated(content)
    entries = [deflated_entry(f"{BAG}/bagit.txt", b"BagIt-Version: 1.0\n")]
    entries += [RawEntry(f"{BAG}/data/{n:03d}.bin", data, size, crc) for n in range(480)]
    return write_raw_zip(path, entries)


def one_huge_member(path: Path) -> Path:
    block = b"\0" * 1024**2
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open(f"{BAG}/data/零.bin", "w", force_zip64=True) as out,
    ):
        for _ in range(4 * 1024):
            out.write(block)
    return path


def too_many_entries(path: Path, declared: int | None = None) -> Path:
    empty = deflated_entry("x", b"")
    return write_raw_zip(
        path,
        (RawEntry(f"{BAG}/data/{n}", empty.data, 0, empty.crc) for n in range(200_000)),
        declared_count=declared,
    )


def too_many_entries_understated(path: Path) -> Path:
    return too_many_entries(path, declared=1)


def many_tiny_members(path: Path) -> Path:
    entries = [deflated_entry(f"{BAG}/bagit.txt", b"BagIt-Version: 1.0\n")]
    entries += [deflated_entry(f"{BAG}/data/{n:05d}.txt", b"%d\n" % n) for n in range(9_500)]
    return write_raw_zip(path, entries)


CASES = {
    "480 × 8 MiB under the ratio (finding 6)": many_member_bomb,
    "one 4 GiB member of zeros": one_huge_member,
    "200 000 entries": too_many_entries,
    "200 000 entries, end record says 1": too_many_entries_understated,
    "9 500 tiny members (within budgets)": many_tiny_members,
}


def folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):  # removed while we looked
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def measure(zip_path: Path, work: Path) -> dict[str, object]:
    peak = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], folder_size(work))
            done.wait(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    start = time.perf_counter()
    report = verify_package(zip_path, work_dir=work)
    seconds = time.perf_counter() - start
    done.set()
    watcher.join()
    return {
        "seconds": seconds,
        "temp_peak": peak[0],
        "rss_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "ok": report.ok,
        "first": str(report.problems[0]) if report.problems else "",
        "problems": len(report.problems),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measure", nargs=2, metavar=("ZIP", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), Path(args.measure[1]))))
        return
    with tempfile.TemporaryDirectory(prefix="crafted-") as tmp:
        folder = Path(tmp)
        print(f"{'case':42} {'ZIP':>9} {'time':>7} {'temp peak':>10} {'peak RSS':>9}  verdict")
        for n, (label, build) in enumerate(CASES.items()):
            zip_path = build(folder / f"case{n}.zip")
            work = folder / f"work{n}"
            work.mkdir()
            out = subprocess.run(
                [sys.executable, __file__, "--measure", str(zip_path), str(work)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            r = json.loads(out.strip().splitlines()[-1])
            verdict = "valid" if r["ok"] else f"refused ({r['problems']}): {r['first'][-60:]}"
            print(
                f"{label:42} {zip_path.stat().st_size / 1024**2:7.1f}MB {r['seconds']:6.2f}s "
                f"{r['temp_peak'] / 1024**2:8.1f}MB {r['rss_peak'] / 1024**2:7.0f}MB  {verdict}"
            )
            zip_path.unlink()


if __name__ == "__main__":
    main()
