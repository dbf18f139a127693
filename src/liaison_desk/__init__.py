"""Liaison Desk (联络组履职档案台)."""

__version__ = "0.3.0"
