"""The errors a service call can raise, for the UI (which does not import storage): each one's
text is a clear Chinese message saying what to do."""

from __future__ import annotations

from liaison_desk.domain.rules import ConflictError, LockedError, ValidationError
from liaison_desk.services.drafts import DraftDamagedError
from liaison_desk.services.recycle_bin import PurgeRefused
from liaison_desk.storage.attachments import AttachmentError
from liaison_desk.storage.errors import (
    BackupError,
    DatabaseLockedError,
    DatabaseTooNewError,
    NotADatabaseError,
    StorageError,
    os_error_text,
)

# What a form or list shows to the user instead of crashing: the message is the whole story.
EXPECTED_ERRORS: tuple[type[Exception], ...] = (
    StorageError,
    AttachmentError,
    ValidationError,
    LockedError,
    ConflictError,
    PurgeRefused,
    DraftDamagedError,
)

__all__ = [
    "EXPECTED_ERRORS",
    "AttachmentError",
    "BackupError",
    "ConflictError",
    "DatabaseLockedError",
    "DatabaseTooNewError",
    "DraftDamagedError",
    "LockedError",
    "NotADatabaseError",
    "PurgeRefused",
    "StorageError",
    "ValidationError",
    "os_error_text",
]
