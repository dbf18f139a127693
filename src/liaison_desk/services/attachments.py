"""Adding photos and files to records: the file goes into the content-addressed store, the
record gets an Attachment row.

Two ways in. ``add`` stores a file and attaches it to a saved record at once (the scans of signed
sheets arrive that way). ``store_file`` only stores it and hands back an Attachment that belongs
to no record yet: a form keeps it in its record's ``attachments`` list, and it is saved together
with the record in one transaction — or, when the user cancels, never joins anything (the stored
file is then unreferenced and goes with the next clean-up).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import tempfile
import unicodedata
from pathlib import Path

from liaison_desk.domain.entities import Attachment
from liaison_desk.domain.enums import AttachmentKind, AuditAction
from liaison_desk.services.base import ServiceContext, audit
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.attachments import AttachmentError, AttachmentStore, StoredFile

#: Names that are photos by their extension: their content must then be a complete image (a
#: damaged "photo.jpg" is refused, not kept as an unknown file).
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif"}
)
_FORBIDDEN_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


class AttachmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def store(self) -> AttachmentStore:
        if self.ctx.store is None:
            raise RuntimeError("this database has no attachment store")
        return self.ctx.store

    def add(
        self,
        source: Path | bytes,
        original_name: str,
        *,
        consultation_id: int | None = None,
        case_id: int | None = None,
        kind: AttachmentKind = AttachmentKind.PHOTO,
        caption: str = "",
        position: int = 0,
        is_cover: bool = False,
    ) -> Attachment:
        """Store the file (validated; photos must be real, complete images) and attach it. The
        record it joins gets a new revision, so a form opened earlier cannot save over it."""
        self.ctx.db.refuse_if_read_only()
        with self.ctx.db.session() as s:
            repo.refuse_if_locked(s, consultation_id, case_id)
        if kind is AttachmentKind.PHOTO:
            stored = self.store.add_image(source, original_name)
        else:
            stored = self.store.add_file(source, original_name)
        att = _attachment_of(stored, kind, caption)
        att.position, att.is_cover = position, is_cover
        att.consultation_id, att.case_id = consultation_id, case_id
        with self.ctx.db.session() as s:
            repo.refuse_if_locked(s, consultation_id, case_id)
            saved = repo.save_attachment(s, att, self.ctx.now())
            owner = ("consultation", consultation_id) if consultation_id else ("case", case_id)
            repo.touch(s, owner[0], owner[1], self.ctx.now())
            audit(self.ctx, s, "attachment", saved, AuditAction.CREATE, f"添加附件 {original_name}")
            return saved

    def store_file(
        self,
        source: Path | bytes,
        original_name: str,
        kind: AttachmentKind | None = None,
        *,
        caption: str = "",
    ) -> Attachment:
        """Validate and store a file; return an Attachment that belongs to no record yet (no id).

        The caller puts it into a record's ``attachments`` and saves the record, which inserts
        it in the same transaction. ``kind`` None means: 照片 when the content is an image,
        其他 otherwise. A name with a photo's extension (or kind 照片) must hold a complete,
        sane-sized image; a damaged or oversized one raises AttachmentError with a Chinese
        message. Long work for big files: call off the GUI thread."""
        self.ctx.db.refuse_if_read_only()
        name = original_name or (source.name if isinstance(source, Path) else "")
        wants_image = kind is AttachmentKind.PHOTO or Path(name).suffix.lower() in IMAGE_SUFFIXES
        if wants_image:
            stored = self.store.add_image(source, name)
        else:
            stored = self.store.add_file(source, name)
        if kind is None:
            kind = AttachmentKind.PHOTO if stored.width is not None else AttachmentKind.OTHER
        # A fresh date on the stored file, even when the same content was stored long ago: a
        # clean-up of unreferenced files must not take a file an open form is about to save.
        with contextlib.suppress(OSError):
            os.utime(self.store.path_of(stored.sha256))
        return _attachment_of(stored, kind, caption)

    def exists(self, sha256: str) -> bool:
        """Whether the stored file is there (a moved or damaged attachment folder loses it)."""
        return self.store.exists(sha256)

    def file_path(self, sha256: str) -> Path:
        """Where the stored file is, for reading only (it has no extension: the store names
        files by content). Raises AttachmentError with what to do when it is missing."""
        path = self.store.path_of(sha256)
        if not path.is_file():
            raise AttachmentError(
                f"附件文件缺失（{sha256[:12]}…）。附件文件夹「{self.store.root}」可能被移动或改动，"
                "请把它放回数据库文件旁边，或从备份中恢复。"
            )
        return path

    def open_copy(self, att: Attachment, folder: Path | None = None) -> Path:
        """A read-only copy of the file under its original name (so the system knows which
        program opens it), in a private folder under ``folder`` (default: the temp folder).
        Changes made to the copy never reach the record."""
        source = self.file_path(att.sha256)
        base = Path(folder) if folder is not None else Path(tempfile.gettempdir())
        target_dir = base / "liaison-desk-open" / f"{att.sha256[:16]}"
        name = _safe_file_name(att.original_name) or att.sha256[:12]
        suffix = Path(name).suffix
        if not suffix and att.media_type == "application/pdf":
            name += ".pdf"
        target = target_dir / name
        if target.is_file() and target.stat().st_size == att.size:
            return target
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            tmp = target_dir / f".{secrets.token_hex(6)}.tmp"
            shutil.copyfile(source, tmp)
            os.chmod(tmp, 0o444)
            if target.exists():
                os.chmod(target, 0o644)
            os.replace(tmp, target)
        except OSError as exc:
            raise AttachmentError(
                f"无法把「{att.original_name}」复制出来打开：磁盘已满或没有写入权限（{target_dir}）。"
                "请清理磁盘空间后重试。"
            ) from exc
        return target

    def thumbnail(self, sha256: str, size: int = 256) -> Path:
        """A cached thumbnail of a stored photo (made on first use; call off the GUI thread)."""
        return self.store.thumbnail(sha256, size)


def _safe_file_name(name: str) -> str:
    """``name`` usable as a file name on Windows and Linux: NFC, no folder part, no characters
    Windows forbids, no trailing dots or spaces."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = _FORBIDDEN_IN_NAMES.sub("_", name).strip().rstrip(". ")
    return name[:150]


def _attachment_of(stored: StoredFile, kind: AttachmentKind, caption: str) -> Attachment:
    return Attachment(
        sha256=stored.sha256,
        original_name=stored.original_name,
        media_type=stored.media_type,
        size=stored.size,
        kind=kind,
        caption=caption,
        taken_at=stored.taken_at,
    )
