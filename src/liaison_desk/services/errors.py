"""The errors a service call can raise, for the UI (which does not import storage): each one's
text is a clear Chinese message saying what to do.

Every error a user is meant to read derives from ``UserFacingError`` (liaison_desk/errors.py);
the UI shows those and treats anything else as a bug, so there is no list to keep here — the
names below are only for the UI's titles and tests."""

from __future__ import annotations

from liaison_desk.domain.rules import ConflictError, LockedError, ValidationError
from liaison_desk.errors import UserFacingError
from liaison_desk.storage.attachments import AttachmentError
from liaison_desk.storage.errors import (
    BackupError,
    DatabaseLockedError,
    DatabaseTooNewError,
    NotADatabaseError,
    StorageError,
    os_error_text,
)


class DraftDamagedError(UserFacingError, ValueError):
    """A draft file that cannot be read back; the message is for the user."""


class PurgeRefused(UserFacingError):
    """The record is still needed by another record; the message says which, in Chinese."""


__all__ = [
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
    "UserFacingError",
    "ValidationError",
    "os_error_text",
]
