"""The one settings object the CLI builds and hands to each stage."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storage.db import resolve_db_url


@dataclass(frozen=True)
class Settings:
    db_url: str
    sources_file: Path | None = None
    batch_size: int = 32

    @classmethod
    def from_options(
        cls, db: str | None, sources_file: Path | None = None, batch_size: int = 32
    ) -> Settings:
        """Build settings from CLI options (the environment fills what is missing)."""
        return cls(db_url=resolve_db_url(db), sources_file=sources_file, batch_size=batch_size)
