"""Problems with the database file that the user (not a programmer) has to act on."""

from __future__ import annotations

# The base and the OS-error wording live on the ground floor (documents use them too); they are
# re-exported here so storage and its callers keep one import.
from liaison_desk.files.errors import StorageError, os_error_text

__all__ = [
    "BackupError",
    "DatabaseLockedError",
    "DatabaseTooNewError",
    "NotADatabaseError",
    "StorageError",
    "os_error_text",
]


class NotADatabaseError(StorageError):
    pass


class DatabaseTooNewError(StorageError):
    pass


class DatabaseLockedError(StorageError):
    pass


class BackupError(StorageError):
    pass
