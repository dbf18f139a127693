"""Demo data: a believable year of one district's liaison-group records, built through the services.

``build_demo`` fills an empty database with the 16 liaison groups of Wuxing District (吴兴区), their
rosters, the 85 民生议事堂 sessions and 158 微协商 of 2024 with their outcome items and follow-up,
photos drawn with Pillow, and the four case write-ups the district reported, submitted upward and
selected. Everything goes through the services (validation, numbering, audit), so a demo database
is as valid as one filled by hand.

The content is reproducible: the same seed gives the same names, titles, numbers, texts and photo
pixels in the same order (UUIDs differ). While building, the services' clock is set to the moment
each record would have been written (a roster in early January, a consultation on the evening of
the session or of its last follow-up, a submission on its day; never later than now), so the
records' timestamps and the audit log spread over the year; the clock is given back afterwards.
People, companies and village or community names are illustrative; the figures of 2024 follow the
district's public work summary.

The package: ``content`` holds the tables of text (towns, names, topics, phrases, cases),
``planner`` decides the year before anything is saved, ``writer`` saves it through the services,
``photos`` draws the pictures.
"""

from __future__ import annotations

from liaison_desk.demo.figures import DEMO_YEAR, DemoSummary
from liaison_desk.demo.writer import DemoBuilder
from liaison_desk.progress import Progress
from liaison_desk.services import Services

__all__ = [
    "DEMO_YEAR",
    "DemoSummary",
    "build_demo",
    "build_group_demo",
    "demo_group_names",
    "reduce_to_group",
]


def build_demo(
    services: Services,
    *,
    seed: int = 2024,
    scale: int = 1,
    progress: Progress | None = None,
    bulk: bool = True,
) -> DemoSummary:
    """Fill an empty database with the demo district through ``services``.

    ``scale=1`` gives the year 2024 as the district reported it (16 groups, 85 hall sessions,
    158 micro-consultations, 160+ problems solved, four selected cases). ``scale=N`` keeps that
    year unchanged and adds N-1 earlier years (2023, 2022, ...) of about the same size, each with
    its own roster, without photos: data for performance tests.

    ``progress(done, total)`` is called after every saved record; a cancel (it raises
    ``Cancelled``) stops the build there (what was saved stays; the command line builds into a
    temporary file, so nothing is left of it). Raises ValueError when the database already
    holds consultations, cases or submissions.

    The earlier years of a scale are written in bulk (the same rows, far quicker);
    ``bulk=False`` writes them through the services one by one, as a check of the bulk path.
    """
    if scale < 1:
        raise ValueError("示例数据的倍数应为 1 或更大的整数。")
    counts = services.statistics.row_counts()  # the recycle bin included
    if counts.get("consultation", 0):
        raise ValueError(
            f"数据库中已有协商活动记录（{counts['consultation']} 条，含回收站），"
            "示例数据只能生成到空数据库中。请新建一个数据库文件后再生成示例数据。"
        )
    if counts.get("case", 0) or counts.get("submission", 0):
        raise ValueError(
            "数据库中已有协商案例或报送记录，示例数据只能生成到空数据库中。"
            "请新建一个数据库文件后再生成示例数据。"
        )
    # Thousands of commits of made-up data: a power cut may cost the demo, not real records
    # (the command line builds it into a temporary file and moves it into place when done).
    with services.ctx.db.bulk_writes("OFF"):
        builder = DemoBuilder(services, seed, scale, progress)
        builder.bulk = bulk
        return builder.run()


def demo_group_names() -> list[str]:
    """The sixteen groups of the demo district, e.g. 织里镇联络组."""
    from liaison_desk.demo.content.places import TOWNS

    return [f"{town.town}联络组" for town in TOWNS]


def build_group_demo(
    services: Services,
    group: str,
    *,
    seed: int = 2024,
    progress: Progress | None = None,
) -> DemoSummary:
    """One township's database: exactly its share of the district demo of the same seed (the
    same records, numbers and texts; the build is the district's, then every other group's
    records are removed for good). Sixteen of them, exported and imported into one district
    database, give the district demo's figures. ValueError for a group not in the demo."""
    names = demo_group_names()
    if group not in names:
        raise ValueError(f"示例数据里没有「{group}」。可选：{'、'.join(names)}。")
    build_demo(services, seed=seed, scale=1, progress=progress)
    return reduce_to_group(services, group)


def reduce_to_group(services: Services, group: str) -> DemoSummary:
    """Remove every other group's records and photo files from a demo database, leaving
    ``group``'s share (its UUIDs unchanged), and make ``group`` the database's own group."""
    from liaison_desk.storage import repositories as repo
    from liaison_desk.storage.exchange import keep_only_group, kept_figures

    with services.ctx.db.session() as s:
        keep_only_group(s, group)
    own = next(g for g in services.groups.all() if g.name == group)
    services.settings.update({"profile.group_id": own.id})
    store = services.ctx.store
    if store is not None:  # the other groups' photo files
        with services.ctx.db.reading() as s:
            used = set(repo.attachment_hashes(s))
        for sha in store.all_hashes() - used:
            store.remove(sha)
    counts = services.statistics.row_counts()
    with services.ctx.db.reading() as s:
        figures = kept_figures(s)
    return DemoSummary(
        groups=counts.get("group", 0),
        people=counts.get("person", 0),
        hall_sessions=figures["hall"],
        micro_consultations=figures["micro"],
        outcome_items=counts.get("outcome_item", 0),
        solved=figures["solved"],
        photos=counts.get("attachment", 0),
        cases=counts.get("case", 0),
        submissions=counts.get("submission", 0),
    )
