"""Liaison groups and the roster of people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from liaison_desk.domain.entities import LiaisonGroup, Person
from liaison_desk.domain.enums import AuditAction
from liaison_desk.domain.numbering import short_name_of
from liaison_desk.domain.queries import Page, PageRequest, PersonFilter
from liaison_desk.domain.rules import (
    Problem,
    ValidationError,
    check_not_stale,
    normalise_group,
    normalise_person,
    normalise_phone,
    validate_group,
    validate_person,
)
from liaison_desk.services.base import ServiceContext, audit, changes_between
from liaison_desk.storage import repositories as repo


class GroupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def all(self) -> list[LiaisonGroup]:
        with self.ctx.db.reading() as s:
            return repo.list_groups(s)

    def get(self, group_id: int) -> LiaisonGroup | None:
        with self.ctx.db.reading() as s:
            return repo.get_group(s, group_id)

    def save(self, group: LiaisonGroup) -> LiaisonGroup:
        group = normalise_group(group)
        problems = validate_group(group)
        if problems:
            raise ValidationError(problems)
        if not group.short_name:
            group.short_name = short_name_of(group.town)
        with self.ctx.db.session() as s:
            repo.lock_record(s, "group", group.id)
            old = repo.get_group(s, group.id) if group.id else None
            if old is not None:
                check_not_stale(old.revision, group.revision, old.name)
            if any(g.name == group.name and g.id != group.id for g in repo.list_groups(s)):
                raise ValidationError(
                    [Problem("name", f"已经有名为“{group.name}”的联络组，请换一个名称。")]
                )
            saved = repo.save_group(s, group, self.ctx.now())
            action = AuditAction.UPDATE if old else AuditAction.CREATE
            audit(self.ctx, s, "group", saved, action, changes=changes_between(old, saved))
            return saved


class PersonService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def search(
        self, f: PersonFilter = PersonFilter(), page: PageRequest = PageRequest()
    ) -> Page[Person]:
        with self.ctx.db.reading() as s:
            return repo.list_people(s, f, page)

    def sorts_text(self) -> bool:
        """Whether ``search`` and ``ids`` sort a text column in the lists' order (pinyin):
        on SQLite; a server's lists sort text themselves (``sort_values``)."""
        return self.ctx.db.sorts_text

    def sort_values(self, f: PersonFilter, column: str) -> list[tuple[int, Any]]:
        """(id, stored value of ``column``) of every person matching ``f``: for a list that
        sorts by a collation the database lacks (names in pinyin order) and then fetches only
        the people it shows (``by_ids``)."""
        with self.ctx.db.reading() as s:
            return repo.person_sort_values(s, f, column)

    def ids(self, f: PersonFilter, page: PageRequest = PageRequest()) -> list[int]:
        """The ids of the people ``search(f, page)`` gives, in its order, without the people."""
        with self.ctx.db.reading() as s:
            return repo.person_ids(s, f, page)

    def by_ids(self, ids: Sequence[int]) -> list[Person]:
        """The people of ``ids`` in that order (those deleted meanwhile left out)."""
        with self.ctx.db.reading() as s:
            return repo.people_by_ids(s, ids)

    def get(self, person_id: int) -> Person | None:
        with self.ctx.db.reading() as s:
            return repo.get_person(s, person_id)

    def possible_duplicates(self, person: Person) -> list[Person]:
        """People already on the roster with the same name and phone (or the same name when either
        has no phone): the form warns before a second entry is made by accident. Names and phones
        are compared as stored ("张 三" is 张三, "138 0013 8000" is 13800138000)."""
        person = normalise_person(person)
        with self.ctx.db.reading() as s:
            same_name = repo.people_named(s, person.name)
        return [
            p
            for p in same_name
            if p.id != person.id
            and (not p.phone or not person.phone or normalise_phone(p.phone) == person.phone)
        ]

    def save(self, person: Person) -> Person:
        person = normalise_person(person)
        problems = validate_person(person, self.ctx.today())
        if problems:
            raise ValidationError(problems)
        with self.ctx.db.session() as s:
            repo.lock_record(s, "person", person.id)
            old = repo.get_person(s, person.id) if person.id else None
            if old is not None:
                check_not_stale(old.revision, person.revision, f"人员“{old.name}”")
            saved = repo.save_person(s, person, self.ctx.now())
            action = AuditAction.UPDATE if old else AuditAction.CREATE
            audit(self.ctx, s, "person", saved, action, changes=changes_between(old, saved))
            return saved
