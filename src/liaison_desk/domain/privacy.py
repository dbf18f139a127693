"""The one privacy policy (domain.md, Privacy): for a set of records, which names, phone numbers
and ID numbers leave the app as they are and which are masked.

Every exit path asks a :class:`Privacy` built once from the records it writes: printed sheets,
case documents and the collection, submission packages and their previews, ledgers, statistics.
The rules:

- Phone and ID numbers are masked for everyone whose consent is not recorded — members and
  officials included (a number is personal information whoever holds it). In free text (minutes,
  speeches, sections) mobile and ID numbers are masked wherever they appear, except the numbers of
  people who consented.
- Names are masked for residents only (群众代表, 其他, and speakers whose capacity says resident):
  张三 → 张某. Members, officials, hosts, recorders and people who consented keep their names.
- What is masked follows the database's masking settings (:class:`MaskingRules`); an unmasked copy
  for the group's own file is an explicit choice (``MaskingRules.NOTHING``).

``domain.masking`` holds the value-level formats (138****8000, 110105********0123, 张某); this
module decides who gets them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from liaison_desk.domain.entities import Consultation, Participant, Person
from liaison_desk.domain.masking import (
    mask_id_card,
    mask_name,
    mask_phone,
    mask_text,
    normalised_number,
)

#: Words of a speaker's capacity (身份) that say "a resident", for speakers who are not among the
#: named participants or the roster.
RESIDENT_WORDS = ("群众", "居民", "村民", "市民", "住户", "业主")


def capacity_is_resident(capacity: str) -> bool:
    return any(word in capacity for word in RESIDENT_WORDS)


@dataclass(frozen=True)
class MaskingRules:
    """What "masked" hides, from the database's masking settings."""

    phones: bool = True
    id_cards: bool = True
    resident_names: bool = True

    NOTHING: ClassVar[MaskingRules]

    @classmethod
    def from_settings(cls, settings: Mapping[str, object]) -> MaskingRules:
        return cls(
            phones=bool(settings.get("masking.phones", True)),
            id_cards=bool(settings.get("masking.id_cards", True)),
            resident_names=bool(settings.get("masking.resident_names", True)),
        )

    @property
    def masks_anything(self) -> bool:
        return self.phones or self.id_cards or self.resident_names


MaskingRules.NOTHING = MaskingRules(phones=False, id_cards=False, resident_names=False)


class Privacy:
    """Who is masked in one export, decided once from its people and consultations.

    ``people`` are the people the records may name (the group's roster and the people linked to
    the consultations); ``consultations`` the records whose participants and speakers are named.
    ``rules`` says what masking hides; ``MaskingRules.NOTHING`` shows everything."""

    def __init__(
        self,
        people: Iterable[Person] = (),
        consultations: Iterable[Consultation] = (),
        rules: MaskingRules | None = None,
    ) -> None:
        self.rules = rules if rules is not None else MaskingRules()
        roster = list(people)
        self._people_by_id = {p.id: p for p in roster if p.id is not None}
        # By name (for participants not linked to a person) only when every namesake consented.
        self._consenting_by_name = {p.name for p in roster if p.consent_to_publish} - {
            p.name for p in roster if not p.consent_to_publish
        }
        #: Residents whose names are masked, with the 身份 shown in previews.
        self.masked_names: dict[str, str] = {}
        #: Residents who consented (kept, shown as such in previews).
        self.consenting: dict[str, str] = {}
        kept: set[str] = set()

        def sort(who: Person | Participant) -> None:
            name = who.name.strip()
            if not name:
                return
            if not who.category.is_resident:
                kept.add(name)
            elif self._consented(who):
                self.consenting.setdefault(name, who.category.label)
            else:
                self.masked_names.setdefault(name, who.category.label)

        for person in roster:
            sort(person)
        records = list(consultations)
        for c in records:
            for participant in c.participants:
                sort(participant)
            kept.update(n.strip() for n in (c.host, c.recorder) if n.strip())
        for c in records:
            for speech in c.speeches:
                name = speech.speaker.strip()
                if not name or name in self.masked_names or name in kept:
                    continue
                if name in self.consenting:
                    continue
                if capacity_is_resident(speech.capacity):
                    self.masked_names.setdefault(name, speech.capacity or "群众")
                else:
                    kept.add(name)
        #: Names that stay as written in free text (a kept 张三丰 shields the 张三 inside it).
        self.kept_names = frozenset((kept | set(self.consenting)) - set(self.masked_names))
        #: Phone and ID numbers of people who consented: they stay, in fields and in free text.
        self.kept_numbers = frozenset(
            normalised_number(number)
            for p in roster
            if p.consent_to_publish
            for number in (p.phone, p.id_card)
            if number.strip()
        )

    @property
    def enabled(self) -> bool:
        return self.rules.masks_anything

    def _consented(self, who: Person | Participant) -> bool:
        if isinstance(who, Person):
            return who.consent_to_publish
        if who.person_id is not None:
            # A participant linked to a person follows that person's consent, never a
            # namesake's; a person missing from the roster has not consented.
            person = self._people_by_id.get(who.person_id)
            return person is not None and person.consent_to_publish
        return who.name.strip() in self._consenting_by_name

    # --- names ----------------------------------------------------------------------------------

    def name(self, who: Person | Participant) -> str:
        """A person's or participant's name as it leaves the app."""
        if not self.rules.resident_names or not who.category.is_resident or self._consented(who):
            return who.name
        return mask_name(who.name)

    def speaker(self, name: str) -> str:
        """A speaker's name (speeches name people by text only)."""
        if self.rules.resident_names and name.strip() in self.masked_names:
            return mask_name(name)
        return name

    def name_is_masked(self, name: str) -> bool:
        return self.rules.resident_names and name.strip() in self.masked_names

    # --- numbers --------------------------------------------------------------------------------

    def phone(self, person: Person | None) -> str:
        if person is None:
            return ""
        if not self.rules.phones or person.consent_to_publish:
            return person.phone
        return mask_phone(person.phone)

    def id_card(self, person: Person | None) -> str:
        if person is None:
            return ""
        if not self.rules.id_cards or person.consent_to_publish:
            return person.id_card
        return mask_id_card(person.id_card)

    def participant_phone(self, participant: Participant) -> str:
        """The phone of the roster person a participant is linked to ("" when not linked)."""
        if participant.person_id is None:
            return ""
        return self.phone(self._people_by_id.get(participant.person_id))

    def person_with_number(self, number: str) -> Person | None:
        """Whose phone or ID number this is (for previews), if it is someone's on the roster."""
        key = normalised_number(number)
        for p in self._people_by_id.values():
            if key in (normalised_number(p.phone), normalised_number(p.id_card)):
                return p
        return None

    # --- free text ------------------------------------------------------------------------------

    def text(self, text: str) -> str:
        """Free text (minutes, speeches, case sections, captions) as it leaves the app."""
        if not text or not self.enabled:
            return text
        return mask_text(
            text,
            self.masked_names if self.rules.resident_names else (),
            keep=self.kept_names,
            phones=self.rules.phones,
            id_cards=self.rules.id_cards,
            keep_numbers=self.kept_numbers,
        )
