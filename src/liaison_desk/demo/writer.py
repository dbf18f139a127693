"""Writing the planned demo district through the services (validation, numbering, audit), with
the services' clock set to the moment each record would have been written.

The earlier years that ``scale`` adds (people, consultations, their follow-up) are written in
bulk instead (``storage/bulk.py``): the same rows, validated, numbered, stamped and audited here
as the services would do it, inserted a few thousand at a time. 2024, with its photos, cases
and submissions, always goes through the services. ``tests/services/test_demo_bulk.py`` checks
that both ways give the same database."""

from __future__ import annotations

import copy
import hashlib
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from liaison_desk.demo.content.cases import BASIC_INFO, CASE_TEXTS, CaseText
from liaison_desk.demo.content.phrases import (
    CASES_WRITTEN_BY,
    CLOSINGS,
    CN_ORDINALS,
    HALL_AGENDA,
    HALL_CAPTIONS,
    MICRO_AGENDA,
    MICRO_CAPTIONS,
    MIN_DAYS,
    NOT_ADOPTED_REASONS,
    OPENINGS,
    REASONS,
    RESEARCH,
    RESPONSES,
    REVISIT_EFFECTS,
    SOURCES,
    UNSOLVED_REASONS,
)
from liaison_desk.demo.content.places import ABSENCE_REASONS, CONTACT_TITLES, DISTRICT_BUREAUS
from liaison_desk.demo.figures import DEMO_YEAR, DemoSummary
from liaison_desk.demo.photos import draw_photo
from liaison_desk.demo.planner import (
    ItemPlan,
    Plan,
    Planner,
    Roster,
    committee,
    date_cn,
    draw_name,
    quoted,
    seeded_rng,
    weighted,
)
from liaison_desk.domain.entities import (
    AuditEntry,
    Case,
    CasePhoto,
    ChecklistStep,
    Consultation,
    HeadCount,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Person,
    Speech,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import (
    AuditAction,
    CaseStatus,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    ParticipantCategory,
    Satisfaction,
    SubmissionResult,
)
from liaison_desk.domain.numbering import consultation_number
from liaison_desk.domain.rules import (
    ValidationError,
    normalise_person,
    validate_consultation,
    validate_outcome_item,
    validate_person,
)
from liaison_desk.services.base import changes_between
from liaison_desk.storage.bulk import (
    BulkBatch,
    current_sequences,
    rebuild_derived_tables,
    write_batch,
)

# Consultations written per transaction by the bulk path: big enough that a commit is rare,
# small enough that a batch's rows stay a few megabytes.
BULK_BATCH = 2000


class DemoBuilder(Planner):
    """Saves the plan through the services (the earlier years of a scale in bulk)."""

    # False: every record through the services, as before the bulk path (tests compare both).
    bulk = True

    def run(self) -> DemoSummary:
        try:
            return self._run()
        finally:
            self.sv.ctx.clock = self.real_clock

    def _run(self) -> DemoSummary:
        years = [DEMO_YEAR - k for k in range(self.scale)]
        self._plan_groups()
        for year in years:
            self._plan_rosters(year)
            self._plan_year(year)
        people = sum(len(r.everyone()) for g in self.groups for r in g.rosters.values())
        case_steps = len(CASE_TEXTS) + 2 * sum(
            1 + c.province for c in CASE_TEXTS if c.status is CaseStatus.SELECTED
        )
        self.total = (
            len(self.groups)
            + people
            + len(self.plans)
            + sum(p.photos + p.shared_photo for p in self.plans)
            + case_steps
        )
        self._tick(0)
        # The demo is the district office's database: packages and collections go out in its name.
        self.sv.settings.update(
            {
                "cases.issuing_office": "吴兴区政协",
                # Its contact, named in packages of several groups (bag-info.txt, 说明.txt).
                "cases.contact_name": "钱晓燕",
                "cases.contact_phone": "0572-2123456",
            }
        )
        self._save_groups()
        templates = {k: self.sv.consultations.template(k) for k in ConsultationKind}
        self.batch = BulkBatch()
        self.sequences: dict[str, int] = {}
        # id(plan) -> the audit entries of its follow-up, and how many items it solved
        self.later_audit: dict[int, tuple[list[AuditEntry], int]] = {}
        self._save_people()
        self._write_batch()
        with self.sv.ctx.db.reading() as s:
            self.sequences = current_sequences(s)
        by_year: dict[int, list[Plan]] = {year: [] for year in years}
        for plan in self.plans:  # one pass: at --scale 400, 400 passes over 100k plans cost
            by_year[plan.year].append(plan)
        for year in years:
            text_rng = seeded_rng(self.seed, "text", year)
            for plan in by_year[year]:
                if self._in_bulk(plan.year) and not (plan.photos or plan.shared_photo):
                    self._queue_consultation(plan, text_rng, templates[plan.kind].steps)
                    if len(self.batch.consultations) >= BULK_BATCH:
                        self._write_batch()
                else:
                    self._write_batch()
                    self._save_consultation(plan, text_rng, templates[plan.kind].steps)
        self._write_batch()
        self._write_cases()
        self._follow_up_later()
        self._write_batch()
        with self.sv.ctx.db.session() as s:
            rebuild_derived_tables(s)
        return DemoSummary(
            groups=len(self.groups),
            people=self.people,
            hall_sessions=sum(p.kind is ConsultationKind.HALL for p in self.plans),
            micro_consultations=sum(p.kind is ConsultationKind.MICRO for p in self.plans),
            outcome_items=self.items,
            solved=self.solved,
            photos=self.photos,
            cases=self.cases,
            submissions=self.submissions,
        )

    def _tick(self, n: int = 1) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.done, self.total)

    def _clock(self, moment: datetime) -> None:
        """From now on the services write ``moment`` (at the latest the real now) as the time."""
        at = min(moment, self.now)
        self.sv.ctx.clock = lambda: at

    # --- the bulk path ------------------------------------------------------------------------

    def _in_bulk(self, year: int) -> bool:
        return self.bulk and year != DEMO_YEAR

    def _write_batch(self) -> None:
        """What is queued, in one transaction; before any save through the services, so that
        ids and the audit log come in the order the services would have given them."""
        if len(self.batch):
            with self.sv.ctx.db.session() as s:
                write_batch(s, self.batch)

    def _audit(
        self,
        entity_type: str,
        record: Person | Consultation | OutcomeItem,
        action: AuditAction,
        at: datetime,
        summary: str = "",
        changes: dict[str, Any] | None = None,
    ) -> AuditEntry:
        """The entry ``services.base.audit`` would write."""
        return AuditEntry(
            entity_type=entity_type,
            entity_uuid=record.uuid,
            action=action,
            actor=self.sv.ctx.actor,
            at=at,
            summary=summary or action.label,
            changes=changes or {},
            revision=record.revision,
        )

    def _queue_person(self, person: Person, moment: datetime) -> Person:
        """``services.people.save`` of a new person, queued."""
        at = min(moment, self.now)
        person = normalise_person(person)
        problems = validate_person(person, at.date())
        if problems:
            raise ValidationError(problems)
        person.revision, person.created_at, person.updated_at = 1, at, at
        self.batch.people.append(person)
        self.batch.audit.append(self._audit("person", person, AuditAction.CREATE, at))
        return person

    def _queue_consultation(self, plan: Plan, rng: random.Random, steps: list[str]) -> None:
        """``_save_consultation`` of a plan without photos, queued: numbered, stamped and
        audited as ``services.consultations.save`` would; its later follow-up (which
        ``_follow_up_later`` would save through the services) is applied to the items now and
        its audit entries kept for that step."""
        c = self._compose(plan, rng, steps)
        evening = self._evening(plan, c)[0]
        at = min(evening, self.now)
        problems = validate_consultation(c, at.date())
        if problems:
            raise ValidationError(problems)
        group = plan.gp.group
        assert c.held_on is not None and group.id is not None
        scope = f"consultation:{group.id}:{c.held_on.year}:{c.kind.value}"
        seq = self.sequences[scope] = self.sequences.get(scope, 0) + 1
        self.batch.sequences[scope] = seq
        c.number = consultation_number(group.short_name, c.held_on.year, c.kind, seq)
        for record in (c, *c.outcome_items):
            record.revision, record.created_at, record.updated_at = 1, at, at
        self.batch.consultations.append(c)
        self.batch.audit.append(
            self._audit("consultation", c, AuditAction.CREATE, at, f"新建 {c.number}")
        )
        if c.is_locked:
            self.batch.audit.append(self._audit("consultation", c, AuditAction.LOCK, at))
        self.items += len(c.outcome_items)
        self.solved += c.solved_count
        self._tick()
        solved = c.solved_count
        entries = list(self._follow_up(plan, c.outcome_items))
        self.later_audit[id(plan)] = (entries, c.solved_count - solved)

    def _follow_up(self, plan: Plan, items: list[OutcomeItem]) -> Iterator[AuditEntry]:
        """What ``_follow_up_later`` does to the items of a plan through the services, done
        to the queued items; yields the audit entries it would write."""
        for step in self._later_steps(plan, items):
            item = items[step.index]
            old = copy.deepcopy(item)
            at = min(step.at, self.now)
            step.apply(item)
            problems = validate_outcome_item(item, at.date())
            if problems:
                raise ValidationError(problems)
            item.revision += 1
            item.updated_at = at
            yield self._audit(
                "outcome_item", item, AuditAction.UPDATE, at, changes=changes_between(old, item)
            )

    # --- saving -----------------------------------------------------------------------------

    def _save_groups(self) -> None:
        self._clock(datetime(DEMO_YEAR - self.scale + 1, 1, 2, 9, 0))  # set up at the start
        existing = {g.name: g for g in self.sv.groups.all()}
        for gp in self.groups:
            old = existing.get(gp.group.name)
            if old is not None:  # a group the office already set up: keep it, fill the gaps
                old.leader = old.leader or gp.group.leader
                old.secretary = old.secretary or gp.group.secretary
                old.secretary_phone = old.secretary_phone or gp.group.secretary_phone
                old.fonds_code = old.fonds_code or gp.group.fonds_code
                old.org_code = old.org_code or gp.group.org_code
                gp.group = old
            gp.group = self.sv.groups.save(gp.group)
            self._tick()

    def _save_people(self) -> None:
        for g, gp in enumerate(self.groups):
            for year, roster in gp.rosters.items():
                # Each group enters its roster of the year on its first working days.
                moment = datetime(year, 1, 2, 9, 30) + timedelta(minutes=20 * g)
                bulk = self._in_bulk(year)
                if not bulk:
                    self._write_batch()
                for people in roster.lists():
                    for i, person in enumerate(people):
                        person.group_id = gp.group.id
                        if bulk:
                            people[i] = self._queue_person(person, moment)
                        else:
                            self._clock(moment)
                            people[i] = self.sv.people.save(person)
                        moment += timedelta(seconds=45)
                        self.people += 1
                        self._tick()

    def _save_consultation(self, plan: Plan, rng: random.Random, steps: list[str]) -> None:
        """The record saved (with its photos) on the evening of the session or, when some item
        was solved or revisited later, of the last such day: the services refuse those dates
        until they have come, and one save per record keeps the build quick. Archived records
        are archived then, or (with photos, added first) some days later."""
        c = self._compose(plan, rng, steps)
        evening, last, clock_rng = self._evening(plan, c)
        self._clock(evening)
        saved = self.sv.consultations.save(c)
        assert saved.id is not None
        plan.saved_id = saved.id
        self.items += len(saved.outcome_items)
        self.solved += saved.solved_count
        plan.saved_items = list(saved.outcome_items)
        self._tick()
        for i in range(plan.photos):
            self._clock(evening + timedelta(minutes=1 + i))
            data, name, caption = self._photo(plan, saved.number, i)
            att = self.sv.attachments.add(
                data, name, consultation_id=saved.id, caption=caption, position=i, is_cover=i == 0
            )
            assert att.id is not None
            plan.saved_photos.append(CasePhoto(attachment_id=att.id, caption=caption))
            self.photos += 1
            self._tick()
        if plan.shared_photo:
            self._clock(evening + timedelta(minutes=1 + plan.photos))
            if self.shared_photo is None:  # taken outside the station before the first session
                self.shared_photo = draw_photo(
                    seeded_rng(self.seed, "station"),
                    ConsultationKind.MICRO,
                    hashlib.sha256(f"{self.seed}-station".encode()).digest(),
                    datetime.combine(plan.held_on, plan.start) - timedelta(minutes=12),
                    rotate=False,
                )
            self.sv.attachments.add(
                self.shared_photo,
                f"{plan.venue}.jpg",
                consultation_id=saved.id,
                caption=plan.venue,
                position=plan.photos,
                is_cover=plan.photos == 0,
            )
            self.photos += 1
            self._tick()
        if plan.archived and not saved.is_locked:
            on = min(last + timedelta(days=clock_rng.randint(3, 20)), self.today)
            at = datetime.combine(on, time(10, clock_rng.randint(0, 59)))
            self._clock(max(at, evening + timedelta(minutes=10)))
            self.sv.consultations.archive(saved.id)

    def _evening(self, plan: Plan, c: Consultation) -> tuple[datetime, date, random.Random]:
        """When the record is saved (see ``_save_consultation``), the last day something
        happened to it, and the rest of its clock's random stream."""
        clock_rng = seeded_rng(self.seed, "clock", plan.gp.town.org_code, plan.held_on, plan.start)
        later = [d for i in c.outcome_items for d in (i.resolved_on, i.revisit_on) if d]
        last = max([plan.held_on, *later])
        if last == plan.held_on:
            evening = datetime.combine(plan.held_on, max(plan.end, time(17, 0)))
            evening += timedelta(minutes=clock_rng.randint(30, 150))
        else:
            evening = datetime.combine(last, time(17, 0))
            evening += timedelta(minutes=clock_rng.randint(0, 210))
        evening = min(evening, datetime.combine(last, time(23, 30)))
        evening += timedelta(seconds=clock_rng.randint(0, 59))
        return evening, last, clock_rng

    def _follow_up_later(self) -> None:
        """What happened to a year's open items after the year ended, up to the day the demo is
        built: most were solved (some revisited), a few turned out unsolvable, a few are still
        being worked on — as a district's records look a year or two on, instead of every open
        item of 2024 showing 超期 500 天. Each change is saved through the services on its own
        day, so the history (audit log) tells it. Nothing changes when built within the year."""
        for plan in self.plans:
            queued = self.later_audit.pop(id(plan), None)
            if queued is not None:  # applied when queued; its history is written now
                entries, solved = queued
                self.batch.audit.extend(entries)
                self.solved += solved
                continue
            self._write_batch()
            for step in self._later_steps(plan, plan.saved_items):
                item_id = plan.saved_items[step.index].id
                assert item_id is not None
                self._clock(step.at)
                if step.revisit is not None:
                    self.sv.consultations.record_revisit(item_id, *step.revisit)
                else:
                    assert step.status is not None
                    self.sv.consultations.set_outcome_status(
                        [item_id], step.status, resolved_on=step.resolved_on, reason=step.reason
                    )
                    self.solved += step.status is OutcomeStatus.SOLVED

    def _later_steps(self, plan: Plan, items: list[OutcomeItem]) -> Iterator[_LaterStep]:
        """The changes ``_follow_up_later`` makes to the plan's items, in order."""
        year_end = date(plan.year, 12, 31)
        if self.today <= year_end or plan.archived or plan.case is not None:
            return
        for index, (ip, item) in enumerate(zip(plan.items, items, strict=True)):
            if not ip.status.is_open or item.deadline is None:
                continue
            rng = seeded_rng(self.seed, "later", plan.gp.town.org_code, plan.held_on, index)
            fate = rng.random()
            if fate >= 0.9:  # still being worked on (e.g. a project of several years)
                continue
            after = max(year_end + timedelta(days=rng.randint(10, 40)), item.deadline)
            on = after + timedelta(days=rng.randint(-20, 45))
            on = max(on, year_end + timedelta(days=5))
            if on > self.today:
                continue
            at = datetime.combine(on, time(16, rng.randint(0, 59)))
            if fate < 0.8:
                yield _LaterStep(index, at, OutcomeStatus.SOLVED, resolved_on=on)
                visit = _revisit(rng, plan, on, self.today)
                if visit is not None:
                    at = datetime.combine(visit[0], time(15, rng.randint(0, 59)))
                    yield _LaterStep(index, at, None, revisit=visit)
            else:
                reasons = UNSOLVED_REASONS.get(ip.kind) or UNSOLVED_REASONS["B"]
                yield _LaterStep(index, at, OutcomeStatus.UNSOLVED, reason=rng.choice(reasons))

    # --- composing a consultation -----------------------------------------------------------

    def _compose(self, plan: Plan, rng: random.Random, steps: list[str]) -> Consultation:
        gp, topic = plan.gp, plan.topic
        roster = gp.rosters[plan.year]
        hall = plan.kind is ConsultationKind.HALL
        place_cadres = [p for p in roster.cadres if p.unit == plan.place]
        if hall:
            host = weighted(
                rng,
                [(roster.leaders[0], 0.7), (roster.leaders[1], 0.15), (roster.members[0], 0.15)],
            )
        else:
            host = weighted(
                rng,
                [
                    (rng.choice(roster.members), 0.6),
                    (roster.leaders[0], 0.25),
                    (place_cadres[0] if place_cadres else roster.leaders[0], 0.15),
                ],
            )

        bodies = [b.format_map(gp.words(committee=committee(plan.place))) for b in topic.bodies]
        chosen: list[Person] = [host]

        def add(people: Sequence[Person], n: int) -> None:
            pool = [p for p in people if p not in chosen]
            chosen.extend(rng.sample(pool, min(n, len(pool))))

        add(roster.members, rng.randint(4, 10) if hall else rng.randint(2, 5))
        add(roster.leaders, rng.randint(1, 2) if hall else rng.randint(0, 1))
        relevant = [p for p in roster.departments if p.unit in bodies]
        add(relevant, 3 if hall else 2)
        if not relevant:
            add(roster.departments, 1)
        add(place_cadres, 2)
        if hall:
            add(roster.cadres, rng.randint(0, 2))
        local = [p for p in roster.residents if p.unit == plan.place]
        add(local, rng.randint(2, 4) if hall else rng.randint(1, 3))
        add(roster.residents, rng.randint(0, 2))
        if plan.case is not None or (hall and rng.random() < 0.25):
            add(roster.experts, 1)
        while len(chosen) < 6:
            add(roster.members, 1)
        del chosen[25:]

        order = list(ParticipantCategory)
        chosen.sort(key=lambda p: order.index(p.category))
        participants: list[Participant] = []
        for p in chosen:
            absent = p is not host and (
                (p.category is ParticipantCategory.MEMBER and rng.random() < 0.1)
                or (p.category is ParticipantCategory.RESIDENT and rng.random() < 0.05)
            )
            participants.append(
                Participant(
                    name=p.name,
                    category=p.category,
                    person_id=p.id,
                    unit=p.unit,
                    title=p.title,
                    attended=not absent,
                    absence_reason=rng.choice(ABSENCE_REASONS) if absent else "",
                )
            )
        present = [p for p, part in zip(chosen, participants, strict=True) if part.attended]
        crowd = rng.randint(5, 40) if hall else rng.randint(0, 15)
        head_counts = (
            [HeadCount(category=ParticipantCategory.RESIDENT, count=crowd)] if crowd else []
        )

        cap = min(date(plan.year, 12, 31), self.today)
        if plan.case is not None:  # its results are known when the case is written up
            cap = min(cap, CASES_WRITTEN_BY)
        items = [self._item(rng, plan, ip, bodies[ip.owner], roster, cap) for ip in plan.items]
        asks = [ip.ask for ip in plan.items if not ip.on_spot]
        on_spot = [ip.ask for ip in plan.items if ip.on_spot]
        words = gp.words(place=plan.place)
        minutes, speeches = self._minutes(plan, rng, host, present, crowd, asks, on_spot, words)
        agenda_pool = HALL_AGENDA if hall else MICRO_AGENDA
        middle = sorted(rng.sample(range(1, len(agenda_pool) - 1), rng.randint(1, 3)))
        agenda = [agenda_pool[0], *(agenda_pool[i] for i in middle), agenda_pool[-1]]

        return Consultation(
            kind=plan.kind,
            title=plan.title,
            group_id=gp.group.id,
            held_on=plan.held_on,
            venue=plan.venue,
            topic_source=plan.source,
            start_time=plan.start,
            end_time=plan.end,
            host=host.name,
            recorder=gp.group.secretary,
            author=gp.group.secretary,
            # Records with photos are archived after the photos are added (as users do); the
            # others are created archived, which is also cheaper (archive() is a second save).
            status=ConsultationStatus.ARCHIVED
            if plan.archived and not (plan.photos or plan.shared_photo)
            else ConsultationStatus.COMPLETED,
            agenda=agenda,
            minutes=minutes,
            consensus=_consensus(items),
            participants=participants,
            head_counts=head_counts,
            speeches=speeches,
            checklist=_checklist(rng, steps, plan, cap),
            outcome_items=items,
        )

    def _item(
        self,
        rng: random.Random,
        plan: Plan,
        ip: ItemPlan,
        body: str,
        roster: Roster,
        cap: date,
    ) -> OutcomeItem:
        if ip.status is OutcomeStatus.NOT_ADOPTED:  # turned down: nobody to do it, no deadline
            return OutcomeItem(
                content=ip.ask,
                status=ip.status,
                adopted=False,
                unsolved_reason=rng.choice(NOT_ADOPTED_REASONS[ip.kind]),
            )
        if ip.on_spot:
            deadline = plan.held_on
        else:
            days = rng.choice((30, 45, 60, 60, 90)) + (60 if ip.kind == "B" else 0)
            deadline = plan.held_on + timedelta(days=days)
        if ip.long_term:  # 纳入下一年度计划: due in the first half of next year or at its end
            month, day = rng.choice(((3, 31), (6, 30), (6, 30), (9, 30), (12, 31)))
            deadline = max(deadline, date(plan.year + 1, month, day))
        item = OutcomeItem(
            content=ip.ask,
            responsible_body=body,
            # A pending item is not yet taken on by anyone.
            responsible_person=""
            if ip.status is OutcomeStatus.PENDING
            else self._responsible_person(plan, body, roster),
            deadline=deadline,
            status=ip.status,
            adopted=ip.status is not OutcomeStatus.PENDING,
        )
        if ip.status is OutcomeStatus.SOLVED:
            if ip.on_spot:
                item.solved_on_spot, item.resolved_on = True, plan.held_on
            else:
                low = MIN_DAYS.get(ip.kind, 5)
                span = max(low + 2, (deadline - plan.held_on).days + rng.randint(-10, 20))
                item.resolved_on = min(plan.held_on + timedelta(days=rng.randint(low, span)), cap)
            visit = _revisit(rng, plan, item.resolved_on, cap)
            if visit is not None:
                item.revisit_on, item.revisit_note, item.satisfaction = visit
        elif ip.status is OutcomeStatus.UNSOLVED:
            item.unsolved_reason = rng.choice(UNSOLVED_REASONS[ip.kind])
        return item

    def _responsible_person(self, plan: Plan, body: str, roster: Roster) -> str:
        """责任人: the body's head on the group's roster (the village's or community's cadre for
        its committee), else the body's contact for the district; with the role."""
        person = next((p for p in roster.departments if p.unit == body), None)
        if person is None and body == committee(plan.place):
            person = next((p for p in roster.cadres if p.unit == plan.place), None)
        if person is None:  # e.g. the town's health centre, whose head may be a member
            person = next((p for p in roster.members if p.unit == body), None)
        if person is not None:
            return f"{person.name}（{person.title}）"
        if body not in self.contacts:
            rng = seeded_rng(self.seed, "contact", body)
            title = CONTACT_TITLES.get(body) or dict(DISTRICT_BUREAUS).get(body, "")
            if not title:
                title = "副院长" if body.endswith(("卫生院", "卫生服务中心")) else "科长"
            self.contacts[body] = f"{draw_name(rng)}（{title}）"
        return self.contacts[body]

    def _minutes(
        self,
        plan: Plan,
        rng: random.Random,
        host: Person,
        present: list[Person],
        crowd: int,
        asks: list[str],
        on_spot: list[str],
        words: dict[str, str],
    ) -> tuple[str, list[Speech]]:
        gp, topic = plan.gp, plan.topic
        hall = plan.kind is ConsultationKind.HALL
        by_cat: dict[ParticipantCategory, list[Person]] = {}
        for p in present:
            by_cat.setdefault(p.category, []).append(p)
        members = [p for p in by_cat.get(ParticipantCategory.MEMBER, []) if p is not host]
        residents = by_cat.get(ParticipantCategory.RESIDENT, [])
        officials = by_cat.get(ParticipantCategory.DEPARTMENT_HEAD, []) + by_cat.get(
            ParticipantCategory.TOWN_LEADER, []
        )
        officials = [p for p in officials if p is not host]
        n = {c: len(v) for c, v in by_cat.items()}
        counted = [
            ("政协委员", n.get(ParticipantCategory.MEMBER, 0)),
            (
                "镇街和部门负责人",
                n.get(ParticipantCategory.TOWN_LEADER, 0)
                + n.get(ParticipantCategory.DEPARTMENT_HEAD, 0),
            ),
            ("村社干部", n.get(ParticipantCategory.VILLAGE_CADRE, 0)),
            ("群众代表", n.get(ParticipantCategory.RESIDENT, 0)),
            ("专家", n.get(ParticipantCategory.EXPERT, 0)),
        ]
        attendance = "、".join(f"{label}{k}名" for label, k in counted if k)
        values = dict(
            words,
            date_cn=date_cn(plan.held_on),
            start=f"{plan.start.hour}时{plan.start.minute}分"
            if plan.start.minute
            else f"{plan.start.hour}时",
            group=gp.group.name,
            venue=plan.venue,
            kind_label=plan.kind.label,
            title=quoted(plan.title),
            host=host.name,
            recorder=gp.group.secretary,
            attendance=attendance,
            member=(members[0] if members else host).name,
        )
        paragraphs = [rng.choice(OPENINGS).format_map(values)]
        if crowd:
            paragraphs[0] += f"另有{crowd}名群众到场旁听。"
        paragraphs.append(SOURCES[plan.source].format_map(values))
        if hall or rng.random() < 0.5:
            research = rng.choice(RESEARCH).format_map(
                dict(
                    values,
                    n=str(rng.randint(20, 80)),
                    m=str(rng.randint(15, 20)),
                    k=str(rng.randint(2, 3)),
                )
            )
            who = "、".join(p.name for p in members[:2]) or host.name
            paragraphs.append(f"会前，{who}等委员{research}，了解到{topic.problem}。")

        speeches: list[Speech] = []
        if residents:
            first = residents[0]
            phone = ""
            if first.phone and rng.random() < 0.2:
                phone = f"（联系电话{first.phone}）"
            text = f"会上，群众代表{first.name}{phone}说：“{topic.voice}”"
            if len(residents) > 1:
                text += f"{residents[1].name}也表示，希望有关部门能尽快拿出办法。"
            paragraphs.append(text)
            speeches.append(Speech(speaker=first.name, capacity="群众代表", content=topic.voice))
        else:
            paragraphs.append(f"会上，村（社区）干部介绍了群众反映的情况：{topic.problem}。")

        suggestions = []
        for member, ask in zip(members, asks, strict=False):
            suggestions.append(f"{member.name}委员建议{ask}")
            speeches.append(
                Speech(
                    speaker=member.name,
                    capacity=_capacity(member),
                    content=f"建议{ask}。{rng.choice(REASONS)}",
                )
            )
        if len(suggestions) == 1:
            paragraphs.append(f"{suggestions[0]}，并结合调研情况作了说明。")
        elif suggestions:
            paragraphs.append("委员们结合调研情况逐一发言。" + "；".join(suggestions) + "。")
        for official in officials[: 2 if hall else 1]:
            response = rng.choice(RESPONSES).format(
                weeks=rng.choice((2, 3, 4)), soon=_soon(plan.held_on)
            )
            paragraphs.append(f"{official.name}（{official.unit}{official.title}）回应：{response}")
            speeches.append(
                Speech(speaker=official.name, capacity=_capacity(official), content=response)
            )
        if on_spot:
            paragraphs.append("对群众反映的问题，能马上办的马上办：" + "；".join(on_spot) + "。")
        cadres = [p for p in by_cat.get(ParticipantCategory.VILLAGE_CADRE, []) if p is not host]
        if cadres and (len(speeches) < 3 or rng.random() < 0.4):
            speeches.insert(
                0,
                Speech(
                    speaker=cadres[0].name,
                    capacity=_capacity(cadres[0]),
                    content=f"介绍了{plan.place}的基本情况和群众诉求：{topic.problem}。",
                ),
            )
        closing = rng.choice(CLOSINGS)
        paragraphs.append(
            f"{host.name}在总结时指出，{closing}。会议形成协商意见{len(asks) + len(on_spot)}条，"
            "由联络组梳理后交有关单位办理，委员将全程跟踪问效。"
        )
        speeches = speeches[:7]
        speeches.append(
            Speech(speaker=host.name, capacity=f"主持人、{_capacity(host)}", content=f"{closing}。")
        )
        return "\n".join(paragraphs), speeches

    # --- photos -----------------------------------------------------------------------------

    def _photo(self, plan: Plan, number: str, index: int) -> tuple[bytes, str, str]:
        rng = seeded_rng(self.seed, "photo", number, index)
        digest = hashlib.sha256(f"{self.seed}|{number}|{index}".encode()).digest()
        taken = datetime.combine(plan.held_on, plan.start) + timedelta(
            minutes=5 + index * 17 + rng.randint(0, 10), seconds=rng.randint(0, 59)
        )
        rotate = digest[0] % 12 == 0  # a few arrive sideways, as phone photos do
        data = draw_photo(rng, plan.kind, digest, taken, rotate=rotate)
        name = (
            f"IMG_{taken:%Y%m%d_%H%M%S}.jpg"
            if rng.random() < 0.7
            else f"微信图片_{taken:%Y%m%d%H%M%S}.jpg"
        )
        pool = HALL_CAPTIONS if plan.kind is ConsultationKind.HALL else MICRO_CAPTIONS
        caption = f"{plan.place}：{pool[index % len(pool)]}"
        if plan.case is not None and index == 0 and plan.case.photo_captions:
            captions = plan.case.photo_captions
            caption = captions[0 if plan.kind is ConsultationKind.HALL else len(captions) - 1]
        return data, name, caption

    # --- cases and submissions ----------------------------------------------------------------

    def _write_cases(self) -> None:
        by_town = {gp.town.town: gp for gp in self.groups}
        year_plans = [p for p in self.plans if p.year == DEMO_YEAR]
        saved: dict[str, Case] = {}
        for text in CASE_TEXTS:
            gp = by_town[text.town]
            plans = [p for p in year_plans if p.case is text]
            consultations = [self.sv.consultations.get(p.saved_id) for p in plans if p.saved_id]
            records = [c for c in consultations if c is not None]
            # The cover of each session and the second hall photo: 2-4 photos, as cases have.
            photos = [
                photo
                for p in plans
                for photo in p.saved_photos[: 2 if p.kind is ConsultationKind.HALL else 1]
            ]
            sections = dict(text.sections)
            sections["basic_info"] = _basic_info(text, records)
            # Written up about ten days after the case's last session, once its records are in.
            last = max((p.held_on for p in plans), default=CASES_WRITTEN_BY)
            at = datetime.combine(min(last + timedelta(days=10), self.today), time(15, 0))
            entered = [c.created_at for c in records if c.created_at]
            self._clock(max([at, *(t + timedelta(hours=1) for t in entered)]))
            case = Case(
                group_id=gp.group.id,
                year=DEMO_YEAR,
                title=text.title,
                subtitle=text.subtitle,
                sections=sections,
                status=CaseStatus.DRAFT if text.status is CaseStatus.DRAFT else CaseStatus.FINAL,
                consultation_ids=[c.id for c in records if c.id is not None],
                photos=photos[:4],
            )
            saved[text.town] = self.sv.cases.save(case)
            self.cases += 1
            self._tick()

        city = "市政协优秀协商案例征集"
        province = "省政协“为民办实事”协商案例汇编"
        for text in CASE_TEXTS:
            if text.status is not CaseStatus.SELECTED:
                continue
            case = saved[text.town]
            assert case.id is not None
            note = "推荐报送省政协" if text.province else f"入选{DEMO_YEAR}年度市政协优秀协商案例"
            group = by_town[text.town].group
            self._submit(case, group, city, date(DEMO_YEAR, 10, 16), date(DEMO_YEAR, 12, 5), note)
            if text.province:
                on, result_on = date(DEMO_YEAR, 11, 20), date(DEMO_YEAR, 12, 20)
                self._submit(case, group, province, on, result_on, "收录进汇编")

    def _submit(
        self, case: Case, group: LiaisonGroup, target: str, on: date, result_on: date, note: str
    ) -> None:
        """A submission sent on ``on`` (the package's name recorded; there is no package file,
        so no hash) and its result, heard on ``result_on``."""
        assert case.id is not None
        self._clock(datetime.combine(on, time(10, 0)))
        sub = self.sv.submissions.record(
            Submission(
                group_id=case.group_id,
                target=target,
                submitted_on=on,
                file_name=f"吴兴区政协-{group.name}-{DEMO_YEAR}-协商案例报送-{on:%Y%m%d}.zip",
                note="经区政协办公室汇总后报送",
                cases=[SubmissionCase(case_id=case.id)],
            )
        )
        self._tick()
        assert sub.id is not None
        self._clock(datetime.combine(min(result_on, self.today), time(16, 0)))
        self.sv.submissions.set_result(sub.id, case.id, SubmissionResult.SELECTED, note)
        self.submissions += 1
        self._tick()


@dataclass
class _LaterStep:
    """One change to an outcome item after its year: a new status, or a 回头看."""

    index: int  # of the item in its consultation
    at: datetime
    status: OutcomeStatus | None
    resolved_on: date | None = None
    reason: str = ""
    revisit: tuple[date, str, Satisfaction] | None = None

    def apply(self, item: OutcomeItem) -> None:
        """What ``ConsultationService.set_outcome_status`` / ``record_revisit`` change."""
        if self.revisit is not None:
            item.revisit_on, item.revisit_note, item.satisfaction = self.revisit
            return
        assert self.status is not None
        item.status = self.status
        if self.status is OutcomeStatus.SOLVED:
            item.resolved_on = self.resolved_on or item.resolved_on or self.at.date()
        elif self.status.is_open:
            item.resolved_on = None
        if self.status in (OutcomeStatus.UNSOLVED, OutcomeStatus.NOT_ADOPTED):
            item.unsolved_reason = self.reason.strip() or item.unsolved_reason


def _soon(d: date) -> str:
    """When a department hopes to show results, as said in the month of the session."""
    if d.month <= 9:
        return "争取年内"
    if d.month == 10:
        return "争取年底前"
    return "争取明年一季度" if d.month == 11 else "争取春节前"


def _consensus(items: list[OutcomeItem]) -> str:
    """协商共识: what was agreed and who does it, what was done on the spot, what was turned down
    and why."""
    agreed = [
        i for i in items if i.status is not OutcomeStatus.NOT_ADOPTED and not i.solved_on_spot
    ]
    done = [i.content for i in items if i.solved_on_spot]
    declined = [i for i in items if i.status is OutcomeStatus.NOT_ADOPTED]
    if agreed:
        text = "经充分协商，与会各方达成以下共识：" + "；".join(
            f"{CN_ORDINALS[k]}是{i.content}" for k, i in enumerate(agreed)
        )
        bodies = "、".join(dict.fromkeys(i.responsible_body for i in agreed))
        text += f"。以上意见由联络组交{bodies}办理，委员全程跟踪问效。"
    else:
        text = "经充分协商，与会各方就协商事项充分交换了意见。"
    if done:
        text += "以下事项已在会上办结：" + "；".join(done) + "。"
    for i in declined:
        text += (
            f"关于{quoted(i.content)}的建议，经研究暂不采纳，原因是{i.unsolved_reason}，"
            "已向提出建议的委员和群众作出说明。"
        )
    return text


def _capacity(p: Person) -> str:
    if p.category is ParticipantCategory.MEMBER:
        level = p.cppcc_level.label if p.cppcc_level else "区"
        return f"{level}政协委员、{p.unit}{p.title}"
    if p.category is ParticipantCategory.RESIDENT:
        return "群众代表"
    return f"{p.unit}{p.title}"


def _checklist(rng: random.Random, steps: list[str], plan: Plan, cap: date) -> list[ChecklistStep]:
    """The record's own copy of the procedure, mostly done, dated around the session."""
    core = next(
        (i for i, s in enumerate(steps) if s in ("协商议事", "有协商")), (len(steps) - 1) // 2
    )
    step = 8 if plan.kind is ConsultationKind.HALL else 4
    after = ((0, 2), (3, 10), (20, 60))  # record and outcome within days, follow-up in weeks
    result = []
    for i, name in enumerate(steps):
        if i < core:
            offset = -(core - i) * step - rng.randint(0, step // 2)
        elif i == core:
            offset = 0
        else:
            low, high = after[min(i - core, len(after)) - 1]
            offset = rng.randint(low, high) + 30 * max(0, i - core - len(after))
        on = plan.held_on + timedelta(days=offset)
        done = i <= core or (on <= cap and (plan.archived or rng.random() < 0.9))
        result.append(ChecklistStep(name=name, done=done, done_on=on if done else None))
    return result


def _basic_info(text: CaseText, records: list[Consultation]) -> str:
    halls = sum(c.kind is ConsultationKind.HALL for c in records)
    micros = len(records) - halls
    forms = "、".join(
        f
        for f in (
            f"民生议事堂协商{halls}场" if halls else "",
            f"“两山”协商驿站微协商{micros}次" if micros else "",
        )
        if f
    )
    return BASIC_INFO.format(
        theme=text.theme,
        town=text.town,
        period=text.period,
        forms=forms or "民生议事堂协商",
        numbers="、".join(c.number for c in records) or "—",
        attendance=sum(c.attendance_total for c in records),
        members=sum(c.member_attendance for c in records),
        items=sum(c.suggestion_count for c in records),
        solved=sum(c.solved_count for c in records),
    )


def _revisit(
    rng: random.Random, plan: Plan, solved_on: date, cap: date
) -> tuple[date, str, Satisfaction] | None:
    """回头看 of a solved item, some weeks after it was solved (two out of three are revisited),
    never after ``cap``: (date, note, satisfaction)."""
    if rng.random() >= 0.65:
        return None
    on = solved_on + timedelta(days=rng.randint(10, 60))
    if on > cap:
        return None
    sat = weighted(
        rng,
        [
            (Satisfaction.SATISFIED, 0.75),
            (Satisfaction.MOSTLY_SATISFIED, 0.2),
            (Satisfaction.DISSATISFIED, 0.05),
        ],
    )
    if sat is Satisfaction.DISSATISFIED:
        note = f"委员回访{plan.place}，问题有所改善但仍有反复，群众希望进一步巩固。"
    else:
        note = f"委员回访{plan.place}，{rng.choice(REVISIT_EFFECTS)}，群众表示{sat.label}。"
    return on, note, sat
