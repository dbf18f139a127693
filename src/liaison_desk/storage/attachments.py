"""Content-addressed attachment files kept in a folder beside the database.

Files are named by their SHA-256, so the same photo added twice is stored once and a
database plus its ``<name>-附件`` folder can be copied anywhere together.  Everything
the user might hand us (photos from phones, scans, PDFs) is checked before it is
stored, and every write goes through a temporary file + ``os.replace`` so a crash or a
full disk never leaves a half-written file under a real content name.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import secrets
import tempfile
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from liaison_desk.storage.errors import StorageError

if TYPE_CHECKING:  # Pillow itself is imported where it is used: not at start-up
    from PIL import Image, ImageFile

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_IMAGE_PIXELS",
    "AttachmentError",
    "AttachmentStore",
    "StoredFile",
    "sha256_of",
]

#: Images above this many pixels are refused before any pixel data is decoded.  It sits
#: above Pillow's own warning threshold (~89.5 M) so 90–100 MP camera files still work.
MAX_IMAGE_PIXELS = 100_000_000
#: One attached file: a scanned sign-in sheet or a feedback letter is a few MB, a phone video of
#: a session a few hundred; anything larger is refused before it is read or copied (it would
#: also make every backup and package that large).
MAX_FILE_SIZE = 1024**3

_CHUNK = 1024 * 1024


def _refuse_if_too_large(shown: str, size: int) -> None:
    if size > MAX_FILE_SIZE:
        raise AttachmentError(
            f"「{shown}」有 {size / 1024**3:.1f} GB，超过附件的上限 {MAX_FILE_SIZE // 1024**3} GB，"
            "没有添加。请先压缩（照片可以缩小尺寸，视频可以剪短或降低清晰度）后再添加。"
        )


_HEX64 = re.compile(r"[0-9a-f]{64}")
_THUMB_DIR = ".thumbnails"

# Only these decoders are ever used: it keeps exotic plugins (EPS runs Ghostscript) away
# from files that arrive on USB sticks.
_PILLOW_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF")
_MEDIA_TYPES = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",  # multi-picture JPEGs from some cameras open as MPO
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
}
_SUPPORTED_TEXT = "支持 JPG、PNG、WebP、GIF、BMP、TIFF"

_TAG_ORIENTATION = 0x0112
_TAG_DATETIME = 306
_TAG_DATETIME_ORIGINAL = 36867


class AttachmentError(StorageError):
    """User-facing problem with a file; ``str(exc)`` is a Chinese message saying what to do."""


@dataclass(frozen=True)
class StoredFile:
    sha256: str  # hex
    size: int  # bytes
    media_type: str
    original_name: str
    taken_at: datetime | None  # EXIF DateTimeOriginal / DateTime, naive local time
    width: int | None  # as displayed, i.e. after EXIF rotation; None for non-images
    height: int | None


@dataclass(frozen=True)
class _ImageInfo:
    media_type: str
    width: int
    height: int
    taken_at: datetime | None


# ----------------------------------------------------------------------------- helpers


def sha256_of(path_or_bytes: Path | bytes) -> str:
    """Hex SHA-256 of in-memory bytes, or of a file read in chunks (photos can be large)."""
    if isinstance(path_or_bytes, bytes | bytearray | memoryview):
        return hashlib.sha256(path_or_bytes).hexdigest()
    digest = hashlib.sha256()
    with open(path_or_bytes, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def _pillow_guard() -> Iterator[None]:
    # We enforce MAX_IMAGE_PIXELS ourselves; Pillow's lower warning threshold would only
    # add noise.  Its hard DecompressionBombError still propagates and is handled.
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield


def _looks_like_image(head: bytes) -> bool:
    """Magic-number check for the formats we accept (used to route add_file)."""
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")):
        return True
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    # "BM" alone would catch text files starting with e.g. "BMW", so also require a
    # known DIB header size.
    return (
        head[:2] == b"BM"
        and len(head) >= 18
        and int.from_bytes(head[14:18], "little") in (12, 16, 40, 52, 56, 64, 108, 124)
    )


def _parse_exif_datetime(value: object) -> datetime | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    text = value.strip("\x00 \t\r\n")
    try:
        return datetime.strptime(text, "%Y:%m:%d %H:%M:%S")
    except ValueError:
        # Cameras with unset clocks write "0000:00:00 00:00:00"; treat as unknown.
        return None


def _read_exif(im: Image.Image) -> tuple[int, datetime | None]:
    """(orientation, taken_at); broken EXIF never stops a photo from being added."""
    from PIL import ExifTags

    try:
        exif = im.getexif()
        orientation = exif.get(_TAG_ORIENTATION, 1)
        taken = _parse_exif_datetime(exif.get_ifd(ExifTags.IFD.Exif).get(_TAG_DATETIME_ORIGINAL))
        if taken is None:
            taken = _parse_exif_datetime(exif.get(_TAG_DATETIME))
    except Exception:  # malformed EXIF raises all sorts of things inside Pillow
        logger.debug("ignoring unreadable EXIF", exc_info=True)
        return 1, None
    return (orientation if isinstance(orientation, int) else 1), taken


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info


def _to_output(im: Image.Image, keep_alpha: bool) -> Image.Image:
    """RGB (or RGBA when keep_alpha and the image has transparency), with no metadata."""
    from PIL import Image

    if im.mode == "I" or im.mode.startswith("I;16"):
        # 16-bit scans: scale to 8 bits rather than letting convert() clip to white.
        im = im.convert("I")
        _, high = im.getextrema()
        if isinstance(high, int | float) and high > 255:
            im = im.point(lambda v: v / 256)
        im = im.convert("L")
    if _has_alpha(im):
        rgba = im.convert("RGBA")
        if keep_alpha:
            out = rgba
        else:
            # Transparent pixels often hide arbitrary colours; show them as white paper.
            out = Image.new("RGB", rgba.size, (255, 255, 255))
            out.paste(rgba, mask=rgba.getchannel("A"))
    else:
        out = im.convert("RGB")
    # JPEG save copies im.info["comment"]; start from a clean slate so nothing rides along.
    out.info = {}
    return out


def _shrink(im: Image.Image, side: int) -> Image.Image:
    """Downscale so the long side is <= side (in place; never enlarges)."""
    from PIL import Image

    if max(im.size) <= side:
        return im
    if im.mode in ("1", "P", "PA") or im.mode.startswith("I"):
        # Pillow resizes these with nearest-neighbour only; convert first (_to_output).
        return im
    # Shrinking before colour conversion avoids a full-size RGB copy of huge images.
    im.thumbnail((side, side), Image.Resampling.LANCZOS)
    return im


def _display_name(name: str | None) -> str:
    return name or "所选文件"


def _not_image_error(name: str) -> AttachmentError:
    return AttachmentError(f"「{name}」不是可识别的图片文件（{_SUPPORTED_TEXT}）。请选择照片文件。")


def _damaged_error(name: str) -> AttachmentError:
    return AttachmentError(
        f"「{name}」已损坏或不完整，无法打开。"
        "请从原始位置（相机、手机或U盘）重新复制该文件后再添加。"
    )


def _bomb_error(name: str, size: tuple[int, int] | None = None) -> AttachmentError:
    dims = f"（{size[0]}×{size[1]}）" if size else ""
    return AttachmentError(
        f"「{name}」的像素数{dims}超过 1 亿的上限，可能是异常文件。"
        "请先用看图软件把图片缩小后再添加。"
    )


def _inspect_image(source: Path | BinaryIO, name: str, head: bytes) -> _ImageInfo:
    """Decode the whole image once to prove it is complete; raise AttachmentError if not."""
    from PIL import Image, ImageFile, UnidentifiedImageError

    try:
        with _pillow_guard():
            im = Image.open(source, formats=_PILLOW_FORMATS)
    except Image.DecompressionBombError as exc:
        raise _bomb_error(name) from exc
    except UnidentifiedImageError as exc:
        # A photo whose header is right but whose body is garbage is "damaged", not
        # "not a photo" — the advice to the user differs.
        raise (_damaged_error(name) if _looks_like_image(head) else _not_image_error(name)) from exc
    except OSError as exc:
        raise AttachmentError(
            f"无法读取「{name}」：{exc.strerror or exc}。请确认文件可以打开后重试。"
        ) from exc

    with im:
        width, height = im.size
        # Checked from the header, before load(), so a bomb is never decoded.
        if width * height > MAX_IMAGE_PIXELS:
            raise _bomb_error(name, (width, height))
        if ImageFile.LOAD_TRUNCATED_IMAGES:
            # We never change Pillow's globals, so if another module did, at least say so.
            logger.warning("ImageFile.LOAD_TRUNCATED_IMAGES is set; truncation may go unnoticed")
        try:
            with _pillow_guard():
                im.load()
        except Image.DecompressionBombError as exc:
            raise _bomb_error(name, (width, height)) from exc
        except Exception as exc:  # decoders raise OSError, SyntaxError, ValueError, ...
            logger.info("image %r failed to decode: %s", name, exc)
            raise _damaged_error(name) from exc
        orientation, taken_at = _read_exif(im)
        media_type = _MEDIA_TYPES.get(im.format or "", "application/octet-stream")
    if orientation in (5, 6, 7, 8):  # these orientations swap width and height
        width, height = height, width
    return _ImageInfo(media_type, width, height, taken_at)


def _writable(folder: Path) -> bool:
    """Whether files can be made in ``folder`` (or, while it does not exist yet, its parent)."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open directories.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _atomic_write(dest: Path, write: Callable[[BinaryIO], object], failure: str) -> None:
    """Write via a temp file in dest's folder, fsync, os.replace; no partial file survives.

    OSErrors become AttachmentError(failure); AttachmentErrors raised by ``write`` pass
    through unchanged (after the temp file is removed).
    """
    tmp: Path | None = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(6)}.tmp")
        # os.open rather than mkstemp: honour the umask instead of forcing 0600.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        tmp = None
    except OSError as exc:
        logger.warning("writing %s failed: %s", dest, exc)
        raise AttachmentError(failure) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    _fsync_dir(dest.parent)


#: The store's own atomic write, for a store that keeps a cache (``server_store.py``).
atomic_write = _atomic_write

# ----------------------------------------------------------------------------- the store


class AttachmentStore:
    """Files kept by SHA-256 under ``root/ab/cd/<hex>`` with a thumbnail cache."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)  # created lazily by the first write

    @staticmethod
    def beside_database(db_file: Path) -> AttachmentStore:
        db_file = Path(db_file)
        return AttachmentStore(db_file.parent / f"{db_file.stem}-附件")

    def __repr__(self) -> str:
        return f"AttachmentStore({str(self.root)!r})"

    # -- adding ---------------------------------------------------------------

    def add_image(self, source: Path | bytes, original_name: str | None = None) -> StoredFile:
        """Store a photo after proving it is a complete, decodable, sane-sized image."""
        return self._add(source, original_name, image=True)

    def add_file(self, source: Path | bytes, original_name: str | None = None) -> StoredFile:
        """Store any file; content that looks like an image is validated like add_image."""
        return self._add(source, original_name, image=None)

    def _add(
        self, source: Path | bytes, original_name: str | None, image: bool | None
    ) -> StoredFile:
        if isinstance(source, bytes | bytearray | memoryview):
            return self._add_bytes(bytes(source), original_name or "", image)
        path = Path(source)
        return self._add_path(
            path, original_name if original_name is not None else path.name, image
        )

    def _add_bytes(self, data: bytes, name: str, image: bool | None) -> StoredFile:
        shown = _display_name(name)
        if not data:
            raise AttachmentError(
                f"「{shown}」是空文件（0 字节），没有可保存的内容。请重新选择文件。"
            )
        _refuse_if_too_large(shown, len(data))
        info = self._check_content(io.BytesIO(data), data[:64], shown, image)
        digest = hashlib.sha256(data).hexdigest()
        if not self._already_stored(digest, len(data)):
            _atomic_write(
                self.path_of(digest), lambda fh: fh.write(data), self._disk_full_message()
            )
            logger.info("stored attachment %s (%d bytes)", digest[:12], len(data))
            self._kept(digest)
        return self._result(digest, len(data), name, data[:8], info)

    def _add_path(self, path: Path, name: str, image: bool | None) -> StoredFile:
        shown = _display_name(name)
        try:
            st = path.stat()
            if not path.is_file():
                raise AttachmentError(f"「{shown}」不是文件。请选择一个文件。")
            with open(path, "rb") as fh:
                head = fh.read(64)
        except FileNotFoundError as exc:
            raise AttachmentError(f"找不到文件「{path}」。请确认文件没有被移动或删除。") from exc
        except OSError as exc:
            raise self._unreadable(shown) from exc
        if st.st_size == 0:
            raise AttachmentError(
                f"「{shown}」是空文件（0 字节），没有可保存的内容。请重新选择文件。"
            )
        _refuse_if_too_large(shown, st.st_size)

        info = self._check_content(path, head, shown, image)
        try:
            digest = sha256_of(path)
        except OSError as exc:
            raise self._unreadable(shown) from exc
        size = path.stat().st_size
        if not self._already_stored(digest, size):

            def copy(out: BinaryIO) -> None:
                # Hash again while copying: if the file changed since we checked it, the
                # stored bytes would not match their name.
                again = hashlib.sha256()
                try:
                    # Not a with-statement: read errors must be told apart from write errors.
                    src = open(path, "rb")  # noqa: SIM115
                except OSError as exc:
                    raise self._unreadable(shown) from exc
                with src:
                    while True:
                        try:
                            chunk = src.read(_CHUNK)
                        except OSError as exc:
                            raise self._unreadable(shown) from exc
                        if not chunk:
                            break
                        again.update(chunk)
                        out.write(chunk)  # OSError here is the disk's fault: _atomic_write maps it
                if again.hexdigest() != digest:
                    raise AttachmentError(
                        f"「{shown}」在复制过程中被修改。请等文件保存完成后重试。"
                    )

            _atomic_write(self.path_of(digest), copy, self._disk_full_message())
            logger.info("stored attachment %s (%d bytes)", digest[:12], size)
            self._kept(digest)
        return self._result(digest, size, name, head, info)

    @staticmethod
    def _check_content(
        source: Path | BinaryIO, head: bytes, shown: str, image: bool | None
    ) -> _ImageInfo | None:
        if image or (image is None and _looks_like_image(head)):
            return _inspect_image(source, shown, head)
        return None

    def _already_stored(self, digest: str, size: int) -> bool:
        # Same name means same content; a size mismatch means the stored copy was damaged
        # on disk, and rewriting it from a good source heals it.
        target = self.path_of(digest)
        try:
            same = target.is_file() and target.stat().st_size == size
        except OSError:
            return False
        if same:
            logger.debug("attachment %s already stored", digest[:12])
        return same

    def _kept(self, digest: str) -> None:
        """After a new file is written under its name: a store that keeps files elsewhere too
        (a server's, ``server_store.py``) sends it there."""

    @staticmethod
    def _result(
        digest: str, size: int, name: str, head: bytes, info: _ImageInfo | None
    ) -> StoredFile:
        if info is not None:
            return StoredFile(
                digest, size, info.media_type, name, info.taken_at, info.width, info.height
            )
        media = "application/pdf" if head.startswith(b"%PDF") else "application/octet-stream"
        return StoredFile(digest, size, media, name, None, None, None)

    def _disk_full_message(self) -> str:
        return (
            f"无法保存附件：磁盘已满或无写入权限（{self.root}）。"
            "请清理磁盘空间或检查该文件夹的权限后重试。"
        )

    @staticmethod
    def _unreadable(shown: str) -> AttachmentError:
        return AttachmentError(
            f"无法读取「{shown}」：可能没有权限或文件正被其他程序占用。请关闭相关程序后重试。"
        )

    # -- looking up -----------------------------------------------------------

    def path_of(self, sha256: str) -> Path:
        """Where the file for ``sha256`` lives (it may not exist)."""
        digest = sha256.lower()
        if not _HEX64.fullmatch(digest):
            # A malformed hash can only come from a bug or a tampered database; refusing it
            # also keeps "../" style values from escaping the folder.
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / digest[:2] / digest[2:4] / digest

    def exists(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def _missing(self, sha256: str) -> AttachmentError:
        return AttachmentError(
            f"附件文件缺失（{sha256[:12]}…）。附件文件夹「{self.root}」可能被移动或改动，"
            "请把它放回数据库文件旁边，或从备份中恢复。"
        )

    def open_bytes(self, sha256: str) -> bytes:
        path = self.path_of(sha256)
        try:
            return path.read_bytes()
        except FileNotFoundError as exc:
            raise self._missing(sha256) from exc
        except OSError as exc:
            raise AttachmentError(
                f"无法读取附件文件「{path}」：可能没有权限或文件正被其他程序占用。请稍后重试。"
            ) from exc

    def verify(self, sha256: str) -> bool:
        """True when the stored file exists and its content still hashes to its name."""
        path = self.path_of(sha256)
        try:
            ok = sha256_of(path) == sha256.lower()
        except OSError:
            return False
        if not ok:
            logger.warning("attachment %s does not match its hash", sha256[:12])
        return ok

    def all_hashes(self) -> set[str]:
        """Every stored content hash; thumbnails and temp files are not content."""
        found: set[str] = set()
        if not self.root.is_dir():
            return found
        for level1 in self.root.iterdir():
            if len(level1.name) != 2 or not level1.is_dir():
                continue
            for level2 in level1.iterdir():
                if len(level2.name) != 2 or not level2.is_dir():
                    continue
                prefix = level1.name + level2.name
                for entry in level2.iterdir():
                    name = entry.name
                    if _HEX64.fullmatch(name) and name.startswith(prefix) and entry.is_file():
                        found.add(name)
        return found

    def remove(self, sha256: str) -> None:
        """Delete a stored file and its thumbnails (purge of unreferenced files only)."""
        path = self.path_of(sha256)
        digest = path.name
        try:
            path.unlink(missing_ok=True)
            thumbs = self.root / _THUMB_DIR
            if thumbs.is_dir():
                for size_dir in thumbs.iterdir():
                    for ext in (".jpg", ".png"):
                        (size_dir / f"{digest}{ext}").unlink(missing_ok=True)
        except OSError as exc:
            raise AttachmentError(
                f"无法删除附件文件「{path}」：可能没有权限或文件正被其他程序占用。"
                "请关闭相关程序后重试。"
            ) from exc
        logger.info("removed attachment %s", digest[:12])

    # -- images ---------------------------------------------------------------

    @contextlib.contextmanager
    def _open_stored_image(self, sha256: str) -> Iterator[ImageFile.ImageFile]:
        from PIL import Image, UnidentifiedImageError

        path = self.path_of(sha256)
        try:
            with _pillow_guard():
                im = Image.open(path, formats=_PILLOW_FORMATS)
        except FileNotFoundError as exc:
            raise self._missing(sha256) from exc
        except UnidentifiedImageError as exc:
            raise AttachmentError("该附件不是图片，无法预览或生成缩略图。") from exc
        except Image.DecompressionBombError as exc:
            raise _bomb_error(f"附件 {sha256[:12]}") from exc
        except OSError as exc:
            raise AttachmentError(f"无法读取附件文件「{path}」：{exc.strerror or exc}。") from exc
        with im:
            if im.size[0] * im.size[1] > MAX_IMAGE_PIXELS:
                raise _bomb_error(f"附件 {sha256[:12]}", im.size)
            yield im

    def _load_oriented(self, sha256: str, draft_to: int | None = None) -> tuple[Image.Image, bytes]:
        """Decoded image with EXIF rotation applied, plus its ICC profile (or b"")."""
        from PIL import ImageOps

        with self._open_stored_image(sha256) as im:
            if draft_to is not None and im.format in ("JPEG", "MPO"):
                # Let libjpeg decode at 1/2…1/8 scale: much faster for big photos.
                im.draft(im.mode, (draft_to, draft_to))
            icc = im.info.get("icc_profile") or b""
            try:
                with _pillow_guard():
                    im.load()
            except Exception as exc:  # stored files were valid; this means disk damage
                raise AttachmentError(
                    f"附件文件已损坏（{sha256[:12]}…），无法显示。请从备份中恢复附件文件夹。"
                ) from exc
            try:
                oriented = ImageOps.exif_transpose(im)
            except Exception:  # odd EXIF should cost the rotation, not the picture
                logger.warning("EXIF rotation failed for %s", sha256[:12], exc_info=True)
                oriented = im.copy()
        # Keep only RGB profiles: a CMYK or grey profile would mislabel the RGB output.
        if not isinstance(icc, bytes) or icc[16:20] != b"RGB ":
            icc = b""
        return oriented, icc

    def display_image(self, sha256: str) -> Image.Image:
        """The stored image, decoded, with EXIF rotation applied (detached from the file)."""
        image, _ = self._load_oriented(sha256)
        return image

    def thumbnail(self, sha256: str, size: int = 256) -> Path:
        """Cached JPEG (PNG when transparent) thumbnail whose long side is <= size."""
        if size < 1:
            raise ValueError(f"thumbnail size must be positive, got {size}")
        digest = self.path_of(sha256).name
        folder = self.root / _THUMB_DIR / str(size)
        if not _writable(self.root):
            # A store on a read-only disk (a CD, a write-protected USB stick): cache them on this
            # PC instead. Named by content, so stores never mix up their thumbnails.
            folder = Path(tempfile.gettempdir()) / "liaison-desk-thumbnails" / str(size)
        for ext in (".jpg", ".png"):
            cached = folder / f"{digest}{ext}"
            if cached.is_file():
                return cached

        image, icc = self._load_oriented(digest, draft_to=size)
        keep_alpha = _has_alpha(image)
        image = _to_output(_shrink(image, size), keep_alpha=keep_alpha)
        image = _shrink(image, size)
        buf = io.BytesIO()
        extra = {"icc_profile": icc} if icc else {}
        if keep_alpha:
            target = folder / f"{digest}.png"
            image.save(buf, "PNG", optimize=True, **extra)
        else:
            target = folder / f"{digest}.jpg"
            image.save(buf, "JPEG", quality=85, **extra)
        data = buf.getvalue()
        _atomic_write(target, lambda fh: fh.write(data), self._disk_full_message())
        return target

    def export_jpeg(self, sha256: str, dest: Path, max_side: int = 2560, quality: int = 88) -> Path:
        """A shareable JPEG: upright, long side <= max_side, and no EXIF whatsoever.

        Dropping all metadata is deliberate: photos from residents' phones carry GPS
        positions and device serials that must not leave the office.
        """
        if max_side < 1:
            raise ValueError(f"max_side must be positive, got {max_side}")
        if not 1 <= quality <= 100:
            raise ValueError(f"quality must be 1..100, got {quality}")
        dest = Path(dest)
        # libjpeg decodes a 48-megapixel photo at half size straight away (never below max_side),
        # as Pillow's own thumbnail() does: the export keeps up with plain Pillow.
        image, icc = self._load_oriented(sha256, draft_to=max_side)
        image = _shrink(_to_output(_shrink(image, max_side), keep_alpha=False), max_side)
        buf = io.BytesIO()
        # The ICC profile only describes colours (wide-gamut phone photos look dull
        # without it); it is not EXIF and carries no personal data.
        extra = {"icc_profile": icc} if icc else {}
        image.save(buf, "JPEG", quality=quality, optimize=True, **extra)
        data = buf.getvalue()
        _atomic_write(
            dest,
            lambda fh: fh.write(data),
            f"无法导出到「{dest}」：磁盘已满或无写入权限。请换一个位置或清理磁盘空间后重试。",
        )
        logger.info("exported attachment %s to %s", sha256[:12], dest)
        return dest
