"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("entity_type", sa.String(length=30), nullable=False),
        sa.Column("entity_uuid", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entity", ["entity_type", "entity_uuid"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entries_at"), ["at"], unique=False)

    op.create_table(
        "liaison_groups",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("town", sa.String(length=100), nullable=False),
        sa.Column("short_name", sa.String(length=50), nullable=False),
        sa.Column("leader", sa.String(length=50), nullable=False),
        sa.Column("secretary", sa.String(length=50), nullable=False),
        sa.Column("secretary_phone", sa.String(length=30), nullable=False),
        sa.Column("fonds_code", sa.String(length=20), nullable=False),
        sa.Column("org_code", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_liaison_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_liaison_groups_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_liaison_groups_uuid")),
    )
    with op.batch_alter_table("liaison_groups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_liaison_groups_deleted_at"), ["deleted_at"], unique=False
        )

    op.create_table(
        "number_counters",
        sa.Column("scope", sa.String(length=100), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_number_counters")),
    )
    op.create_table(
        "procedure_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_steps")),
        sa.UniqueConstraint("kind", "position", name=op.f("uq_procedure_steps_kind")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "cases",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("subtitle", sa.String(length=200), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("retention", sa.String(length=10), nullable=False),
        sa.Column("archive_number", sa.String(length=60), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("consultation_ids", sa.JSON(), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["liaison_groups.id"], name=op.f("fk_cases_group_id_liaison_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("archive_number", name=op.f("uq_cases_archive_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_cases_uuid")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_year"), ["year"], unique=False)

    op.create_table(
        "consultations",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("topic_source", sa.String(length=30), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=False),
        sa.Column("host", sa.String(length=50), nullable=False),
        sa.Column("recorder", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("agenda", sa.JSON(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("consensus", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=50), nullable=False),
        sa.Column("head_counts", sa.JSON(), nullable=False),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column("attendance_total", sa.Integer(), nullable=False),
        sa.Column("member_attendance", sa.Integer(), nullable=False),
        sa.Column("suggestion_count", sa.Integer(), nullable=False),
        sa.Column("solved_count", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["liaison_groups.id"],
            name=op.f("fk_consultations_group_id_liaison_groups"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
        sa.UniqueConstraint("number", name=op.f("uq_consultations_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_consultations_uuid")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultations_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            "ix_consultations_group_kind_date", ["group_id", "kind", "held_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consultations_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultations_status"), ["status"], unique=False)

    op.create_table(
        "people",
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("id_card", sa.String(length=18), nullable=False),
        sa.Column("cppcc_level", sa.String(length=20), nullable=True),
        sa.Column("sector", sa.String(length=50), nullable=False),
        sa.Column("consent_to_publish", sa.Boolean(), nullable=False),
        sa.Column("consent_note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["liaison_groups.id"], name=op.f("fk_people_group_id_liaison_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("uuid", name=op.f("uq_people_uuid")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_name"), ["name"], unique=False)

    op.create_table(
        "submissions",
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["liaison_groups.id"], name=op.f("fk_submissions_group_id_liaison_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_submissions_uuid")),
    )
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submissions_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_submissions_group_id"), ["group_id"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_cover", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_attachments_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_attachments_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_attachments_uuid")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attachments_consultation_id"), ["consultation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attachments_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "outcome_items",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("responsible_body", sa.String(length=200), nullable=False),
        sa.Column("responsible_person", sa.String(length=50), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("solved_on_spot", sa.Boolean(), nullable=False),
        sa.Column("adopted", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("unsolved_reason", sa.Text(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("revisit_on", sa.Date(), nullable=True),
        sa.Column("revisit_note", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.String(length=20), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_outcome_items_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_items")),
        sa.UniqueConstraint("uuid", name=op.f("uq_outcome_items_uuid")),
    )
    with op.batch_alter_table("outcome_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_items_consultation_id"), ["consultation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_outcome_items_deadline"), ["deadline"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_outcome_items_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_outcome_items_responsible_body"), ["responsible_body"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_outcome_items_status"), ["status"], unique=False)

    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("absence_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_participants_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_participants_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participants_consultation_id"), ["consultation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participants_person_id"), ["person_id"], unique=False)

    op.create_table(
        "speeches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.String(length=50), nullable=False),
        sa.Column("capacity", sa.String(length=100), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_speeches_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speeches")),
    )
    with op.batch_alter_table("speeches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_speeches_consultation_id"), ["consultation_id"], unique=False
        )

    op.create_table(
        "submission_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_submission_cases_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_submission_cases_submission_id_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission_cases")),
        sa.UniqueConstraint(
            "submission_id", "case_id", name=op.f("uq_submission_cases_submission_id")
        ),
    )
    with op.batch_alter_table("submission_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submission_cases_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_submission_cases_submission_id"), ["submission_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("submission_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_cases_submission_id"))
        batch_op.drop_index(batch_op.f("ix_submission_cases_case_id"))

    op.drop_table("submission_cases")
    with op.batch_alter_table("speeches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speeches_consultation_id"))

    op.drop_table("speeches")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_person_id"))
        batch_op.drop_index(batch_op.f("ix_participants_consultation_id"))

    op.drop_table("participants")
    with op.batch_alter_table("outcome_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_items_status"))
        batch_op.drop_index(batch_op.f("ix_outcome_items_responsible_body"))
        batch_op.drop_index(batch_op.f("ix_outcome_items_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_outcome_items_deadline"))
        batch_op.drop_index(batch_op.f("ix_outcome_items_consultation_id"))

    op.drop_table("outcome_items")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachments_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_attachments_consultation_id"))
        batch_op.drop_index(batch_op.f("ix_attachments_case_id"))

    op.drop_table("attachments")
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submissions_group_id"))
        batch_op.drop_index(batch_op.f("ix_submissions_deleted_at"))

    op.drop_table("submissions")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_name"))
        batch_op.drop_index(batch_op.f("ix_people_group_id"))
        batch_op.drop_index(batch_op.f("ix_people_deleted_at"))

    op.drop_table("people")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_status"))
        batch_op.drop_index(batch_op.f("ix_consultations_held_on"))
        batch_op.drop_index("ix_consultations_group_kind_date")
        batch_op.drop_index(batch_op.f("ix_consultations_deleted_at"))

    op.drop_table("consultations")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_year"))
        batch_op.drop_index(batch_op.f("ix_cases_status"))
        batch_op.drop_index(batch_op.f("ix_cases_group_id"))
        batch_op.drop_index(batch_op.f("ix_cases_deleted_at"))

    op.drop_table("cases")
    op.drop_table("settings")
    op.drop_table("procedure_steps")
    op.drop_table("number_counters")
    with op.batch_alter_table("liaison_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_liaison_groups_deleted_at"))

    op.drop_table("liaison_groups")
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entries_at"))
        batch_op.drop_index("ix_audit_entity")

    op.drop_table("audit_entries")
