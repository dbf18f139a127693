"""Photo export throughput vs plain Pillow decode-resize-encode of the same files.

    .venv/bin/python benchmarks/photo_export.py [--photos 12] [--rounds 3]

Makes phone-sized JPEGs (4032×3024 and 8000×6000, some with an EXIF rotation), stores them in an
attachment store, then exports each one as a package does (``AttachmentStore.export_jpeg``:
upright, long side ≤ 2560, no EXIF, quality 88) and, on the same files, runs plain Pillow:
open, ``thumbnail((2560, 2560))``, save as JPEG quality 88. Both read from and write to disk.
Prints photos per second of each (best of the rounds) and the ratio; the target is at least
50%. Asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from pathlib import Path

from PIL import Image

from liaison_desk.storage.attachments import AttachmentStore

MAX_SIDE = 2560
QUALITY = 88


def make_photo(size: tuple[int, int], seed: int, orientation: int | None) -> bytes:
    """A photo-like JPEG: smooth gradients with noise (JPEG compresses it like a real scene)."""
    rng = random.Random(seed)
    small = Image.new("RGB", (size[0] // 16, size[1] // 16))
    small.putdata(
        [
            (
                (x * 255 // small.width + rng.randrange(40)) % 256,
                (y * 255 // small.height + rng.randrange(40)) % 256,
                rng.randrange(256),
            )
            for y in range(small.height)
            for x in range(small.width)
        ]
    )
    image = small.resize(size, Image.Resampling.BICUBIC)
    noise = Image.effect_noise(size, 24).convert("RGB")
    image = Image.blend(image, noise, 0.15)
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


def plain_pillow(source: Path, dest: Path) -> None:
    with Image.open(source) as im:
        im.thumbnail((MAX_SIDE, MAX_SIDE))
        im.convert("RGB").save(dest, "JPEG", quality=QUALITY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        store = AttachmentStore(root / "附件")
        hashes = []
        for n in range(args.photos):
            size = (8000, 6000) if n % 4 == 3 else (4032, 3024)
            data = make_photo(size, n, orientation=6 if n % 3 == 0 else None)
            hashes.append(store.add_image(data, f"照片{n}.jpg").sha256)
        out = root / "out"
        out.mkdir()
        megapixels = (
            sum(
                Image.open(store.path_of(h)).size[0] * Image.open(store.path_of(h)).size[1]
                for h in hashes
            )
            / 1e6
        )

        def app_export() -> None:
            for n, h in enumerate(hashes):
                store.export_jpeg(h, out / f"app{n}.jpg", max_side=MAX_SIDE, quality=QUALITY)

        def plain() -> None:
            for n, h in enumerate(hashes):
                plain_pillow(store.path_of(h), out / f"plain{n}.jpg")

        best = {"app": float("inf"), "plain": float("inf")}
        for _ in range(args.rounds):  # interleaved, so both see the same machine load
            for name, fn in (("plain", plain), ("app", app_export)):
                start = time.process_time()
                fn()
                best[name] = min(best[name], time.process_time() - start)
        rate = {k: args.photos / v for k, v in best.items()}
        print(
            f"{args.photos} photos, {megapixels:.0f} megapixels, best of {args.rounds} (CPU time)"
        )
        print(f"plain Pillow decode-resize-encode  {rate['plain']:6.2f} photos/s")
        print(f"export_jpeg (upright, no EXIF)     {rate['app']:6.2f} photos/s")
        print(
            f"ratio                              {rate['app'] / rate['plain']:6.0%}   (target ≥ 50%)"
        )


if __name__ == "__main__":
    main()
