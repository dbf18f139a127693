"""Problems with the database file that the user (not a programmer) has to act on."""

from __future__ import annotations


class StorageError(Exception):
    """A database or file problem; ``str(exc)`` is a clear Chinese message saying what to do."""


class NotADatabaseError(StorageError):
    pass


class DatabaseTooNewError(StorageError):
    pass


class DatabaseLockedError(StorageError):
    pass


class BackupError(StorageError):
    pass
