"""Adding photos and files to records: the file goes into the content-addressed store, the
record gets an Attachment row."""

from __future__ import annotations

from pathlib import Path

from liaison_desk.domain.entities import Attachment
from liaison_desk.domain.enums import AttachmentKind, AuditAction
from liaison_desk.services.base import ServiceContext, audit
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.attachments import AttachmentStore


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
        with self.ctx.db.session() as s:
            repo.refuse_if_locked(s, consultation_id, case_id)
        if kind is AttachmentKind.PHOTO:
            stored = self.store.add_image(source, original_name)
        else:
            stored = self.store.add_file(source, original_name)
        att = Attachment(
            sha256=stored.sha256,
            original_name=stored.original_name,
            media_type=stored.media_type,
            size=stored.size,
            kind=kind,
            caption=caption,
            taken_at=stored.taken_at,
            position=position,
            is_cover=is_cover,
            consultation_id=consultation_id,
            case_id=case_id,
        )
        with self.ctx.db.session() as s:
            repo.refuse_if_locked(s, consultation_id, case_id)
            saved = repo.save_attachment(s, att, self.ctx.now())
            owner = ("consultation", consultation_id) if consultation_id else ("case", case_id)
            repo.touch(s, owner[0], owner[1], self.ctx.now())
            audit(self.ctx, s, "attachment", saved, AuditAction.CREATE, f"添加附件 {original_name}")
            return saved

    def thumbnail(self, sha256: str, size: int = 256) -> Path:
        """A cached thumbnail of a stored photo (made on first use; call off the GUI thread)."""
        return self.store.thumbnail(sha256, size)
