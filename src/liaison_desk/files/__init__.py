"""Files from outside and the errors of files, on the ground floor: the bounded ZIP reader and
the file problems a user acts on. Plain Python (no Qt, no SQLAlchemy, nothing else of the
project), so storage (backups) and documents (submission packages) both read through them."""
