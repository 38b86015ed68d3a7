"""The initial schema: sources, articles, entities, mentions, claims, crawl_runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Column types as SQLModel renders them (AutoString → VARCHAR, UTCDateTime →
# DateTime(timezone=True)), written out so this file never changes.
TEXT = sa.String()
TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", TIME, nullable=False),
        sa.Column("finished_at", TIME, nullable=True),
        sa.Column("status", TEXT, nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("stats", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", TEXT, nullable=False),
        sa.Column("canonical", TEXT, nullable=False),
        sa.Column("code", TEXT, nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("label", "canonical", name="uq_entities_label_canonical"),
    )
    op.create_index("ix_entities_code", "entities", ["code"])
    op.create_index("ix_entities_label", "entities", ["label"])
    op.create_table(
        "sources",
        sa.Column("name", TEXT, nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sources_name", "sources", ["name"], unique=True)
    op.create_table(
        "articles",
        sa.Column("url", TEXT, nullable=False),
        sa.Column("canonical_url", TEXT, nullable=False),
        sa.Column("title", TEXT, nullable=True),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("published", TIME, nullable=True),
        sa.Column("language", TEXT, nullable=True),
        sa.Column("text", TEXT, nullable=False),
        sa.Column("content_hash", TEXT, nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("syndicated_from_id", sa.Integer(), nullable=True),
        sa.Column("fetched_at", TIME, nullable=False),
        sa.Column("processed_at", TIME, nullable=True),
        sa.Column("extractor_version", TEXT, nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
        sa.ForeignKeyConstraint(["syndicated_from_id"], ["articles.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("canonical_url"),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_pending", "articles", ["processed_at", "id"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_source_id", "articles", ["source_id"])
    op.create_index("ix_articles_syndicated_from_id", "articles", ["syndicated_from_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("subject_entity_id", sa.Integer(), nullable=True),
        sa.Column("subject", TEXT, nullable=False),
        sa.Column("subject_code", TEXT, nullable=True),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("qualifier", TEXT, nullable=False),
        sa.Column("item", TEXT, nullable=False),
        sa.Column("year_start", sa.Integer(), nullable=True),
        sa.Column("year_end", sa.Integer(), nullable=True),
        sa.Column("sentence", TEXT, nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("extractor_version", TEXT, nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"]),
        sa.ForeignKeyConstraint(["subject_entity_id"], ["entities.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])
    op.create_index("ix_claims_item_year", "claims", ["item", "year_end"])
    op.create_index("ix_claims_subject_entity_id", "claims", ["subject_entity_id"])
    op.create_index("ix_claims_subject_item_year", "claims", ["subject_code", "item", "year_end"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("text", TEXT, nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"]),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])


def downgrade() -> None:
    for table in ("mentions", "claims", "articles", "sources", "entities", "crawl_runs"):
        op.drop_table(table)
