"""The dossier: every draft the desk makes, kept in a local SQLite database under the data directory.

A dossier is one question (the question text as read, who first drafted it). Each time the desk
drafts it, the dossier gets a draft; a draft is a line of versions: the version as composed, then
each edit (and, later, each change made in conversation) as a new version that points to the one
it came from. Each export is recorded against the version it was made from, with the file's name,
size and SHA-256 (the file itself lives in the export folder only for a day).

Every write is one transaction (SQLite in WAL mode, synchronous=FULL): a crash in the middle of a
save loses that save and nothing that was saved before it. The database file is owner-only (0600).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from bot.drafting.model import Draft
from bot.settings import settings
from tools.errors import PQError

SCHEMA_VERSION = 1
DB_NAME = "dossier.sqlite3"
VersionKind = Literal["composed", "edited", "chat"]

_SCHEMA = """
CREATE TABLE dossiers (
    id INTEGER PRIMARY KEY,
    question_key TEXT NOT NULL UNIQUE,      -- the question's id: vp:<session>:<nr>, a Chamber id, or text:<hash>
    number INTEGER,                         -- the question's number when it has one
    title TEXT NOT NULL DEFAULT '',
    question_text TEXT NOT NULL,            -- as pasted, or the question as read from the file
    question_source TEXT NOT NULL,          -- 'geplakte tekst' or 'bestand <name>'
    question_json TEXT NOT NULL,            -- the parsed question (bot.parse.model.Document)
    created_by TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
    created_by TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id),
    number INTEGER NOT NULL,                -- 1 = as composed, then 2, 3, … in order
    kind TEXT NOT NULL CHECK (kind IN ('composed', 'edited', 'chat')),
    parent_id INTEGER REFERENCES versions(id),
    draft_json TEXT NOT NULL,               -- the whole draft as it stands in this version
    edited_text TEXT,                       -- the parts as the desk edited them (edited versions)
    header TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (draft_id, number)
);
CREATE TABLE exports (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES versions(id),
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX versions_by_draft ON versions(draft_id, number);
CREATE INDEX exports_by_version ON exports(version_id);
CREATE INDEX drafts_by_dossier ON drafts(dossier_id);
"""
_TABLES = {"dossiers", "drafts", "versions", "exports"}


class VersionRef(BaseModel):
    dossier_id: int
    draft_id: int
    version_id: int
    number: int
    kind: VersionKind


class DraftSummary(BaseModel):
    draft_id: int
    dossier_id: int
    question_key: str
    number: int | None
    title: str
    question_source: str
    created_by: str | None
    created_at: str
    versions: int
    exports: int
    last_version_id: int
    last_kind: VersionKind
    last_change_at: str


class StoredVersion(BaseModel):
    id: int
    dossier_id: int
    draft_id: int
    number: int
    kind: VersionKind
    parent_id: int | None
    draft: Draft
    edited_text: str | None
    header: str | None
    created_by: str | None
    created_at: str


class StoredQuestion(BaseModel):
    dossier_id: int
    question_key: str
    number: int | None
    title: str
    question_text: str
    question_source: str
    question: dict


class ExportRecord(BaseModel):
    id: int
    version_id: int
    version_number: int
    format: str
    file_name: str
    size: int
    sha256: str
    created_by: str | None
    created_at: str


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Dossier:
    """The dossier database. Safe to share between threads: each call opens its own connection."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else settings().data_dir / DB_NAME
        self._ready = False

    # -- the file ---------------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self._prepare()
        connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        try:
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA synchronous = FULL")
            yield connection
        except sqlite3.DatabaseError as exc:
            raise PQError(f"het dossier {self.path} kan niet gelezen of bewaard worden ({exc})") from None
        finally:
            connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write: all of it is saved, or (on any error or a crash) none of it."""
        with self._connect() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def _prepare(self) -> None:
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            # Owner-only from the first byte; SQLite gives its -wal and -shm files the same mode.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        except sqlite3.DatabaseError as exc:
            raise PQError(f"het dossier {self.path} kan niet geopend worden ({exc})") from None
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if not tables:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                connection.execute("COMMIT")
            elif tables != _TABLES or version != SCHEMA_VERSION:
                # Not ours (or a future version): never write into it.
                raise PQError(f"{self.path} is geen dossier van deze toepassing (versie {version}); "
                              "kies een andere gegevensmap (PQ_DATA_DIR) of verplaats het bestand")
        except sqlite3.DatabaseError as exc:
            raise PQError(f"het dossier {self.path} is beschadigd of geen SQLite-bestand ({exc})") from None
        finally:
            connection.close()
        self._ready = True

    # -- writing ----------------------------------------------------------------------------
    def record_composed(self, draft: Draft, question: dict, question_text: str, question_source: str,
                        user: str | None) -> VersionRef:
        """A new draft of a question (its dossier created on first use), with the draft as composed."""
        key = draft.question_id or "vraag:" + hashlib.sha256(question_text.encode()).hexdigest()[:12]
        stamp = now()
        with self._transaction() as db:
            row = db.execute("SELECT id FROM dossiers WHERE question_key = ?", (key,)).fetchone()
            if row:
                dossier_id = row["id"]
            else:
                dossier_id = db.execute(
                    "INSERT INTO dossiers (question_key, number, title, question_text, question_source, question_json, "
                    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (key, question.get("number"), draft.title or question.get("title") or "", question_text, question_source,
                     json.dumps(question, ensure_ascii=False), user, stamp)).lastrowid
            draft_id = db.execute("INSERT INTO drafts (dossier_id, created_by, created_at) VALUES (?, ?, ?)",
                                  (dossier_id, user, stamp)).lastrowid
            version_id = self._insert_version(db, draft_id, 1, "composed", None, draft, None, None, user, stamp)
        return VersionRef(dossier_id=dossier_id, draft_id=draft_id, version_id=version_id, number=1, kind="composed")

    def record_version(self, draft_id: int, draft: Draft, kind: VersionKind, user: str | None,
                       edited_text: str | None = None, header: str | None = None) -> VersionRef:
        """A new version at the end of a draft's line, unless it equals the latest one (then that one)."""
        if kind == "composed":
            raise ValueError("a composed version starts a draft: use record_composed")
        stamp = now()
        payload = draft.model_dump_json()
        with self._transaction() as db:
            latest = db.execute(
                "SELECT v.id, v.number, v.kind, v.draft_json, v.edited_text, v.header, d.dossier_id FROM versions v "
                "JOIN drafts d ON d.id = v.draft_id WHERE v.draft_id = ? ORDER BY v.number DESC LIMIT 1", (draft_id,)).fetchone()
            if latest is None:
                raise PQError(f"onbekend ontwerp {draft_id} in het dossier")
            if json.loads(latest["draft_json"]) == json.loads(payload):
                return VersionRef(dossier_id=latest["dossier_id"], draft_id=draft_id, version_id=latest["id"],
                                  number=latest["number"], kind=latest["kind"])
            number = latest["number"] + 1
            version_id = self._insert_version(db, draft_id, number, kind, latest["id"], draft, edited_text, header, user, stamp)
        return VersionRef(dossier_id=latest["dossier_id"], draft_id=draft_id, version_id=version_id, number=number, kind=kind)

    def _insert_version(self, db: sqlite3.Connection, draft_id: int, number: int, kind: str, parent_id: int | None,
                        draft: Draft, edited_text: str | None, header: str | None, user: str | None, stamp: str) -> int:
        return db.execute(
            "INSERT INTO versions (draft_id, number, kind, parent_id, draft_json, edited_text, header, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (draft_id, number, kind, parent_id, draft.model_dump_json(), edited_text, header, user, stamp)).lastrowid

    def record_export(self, version_id: int, fmt: str, file_name: str, data: bytes, user: str | None) -> ExportRecord:
        stamp = now()
        digest = hashlib.sha256(data).hexdigest()
        with self._transaction() as db:
            version = db.execute("SELECT number FROM versions WHERE id = ?", (version_id,)).fetchone()
            if version is None:
                raise PQError(f"onbekende versie {version_id} in het dossier")
            export_id = db.execute(
                "INSERT INTO exports (version_id, format, file_name, size, sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (version_id, fmt, file_name, len(data), digest, user, stamp)).lastrowid
        return ExportRecord(id=export_id, version_id=version_id, version_number=version["number"], format=fmt, file_name=file_name,
                            size=len(data), sha256=digest, created_by=user, created_at=stamp)

    # -- reading ----------------------------------------------------------------------------
    def recent_drafts(self, limit: int = 100) -> list[DraftSummary]:
        """The latest drafts first (bounded)."""
        with self._connect() as db:
            rows = db.execute(
                """SELECT d.id AS draft_id, d.dossier_id, q.question_key, q.number, q.title, q.question_source,
                          d.created_by, d.created_at,
                          (SELECT COUNT(*) FROM versions v WHERE v.draft_id = d.id) AS versions,
                          (SELECT COUNT(*) FROM exports e JOIN versions v ON v.id = e.version_id WHERE v.draft_id = d.id) AS exports,
                          last.id AS last_version_id, last.kind AS last_kind, last.created_at AS last_change_at
                   FROM drafts d
                   JOIN dossiers q ON q.id = d.dossier_id
                   JOIN versions last ON last.id = (SELECT id FROM versions WHERE draft_id = d.id ORDER BY number DESC LIMIT 1)
                   ORDER BY last.created_at DESC, d.id DESC LIMIT ?""", (int(limit),)).fetchall()
        return [DraftSummary(**dict(row)) for row in rows]

    def versions(self, draft_id: int) -> list[StoredVersion]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT v.*, d.dossier_id FROM versions v JOIN drafts d ON d.id = v.draft_id WHERE v.draft_id = ? ORDER BY v.number",
                (draft_id,)).fetchall()
        return [self._version(row) for row in rows]

    def version(self, version_id: int) -> StoredVersion:
        with self._connect() as db:
            row = db.execute("SELECT v.*, d.dossier_id FROM versions v JOIN drafts d ON d.id = v.draft_id WHERE v.id = ?",
                             (version_id,)).fetchone()
        if row is None:
            raise PQError(f"onbekende versie {version_id} in het dossier")
        return self._version(row)

    def question(self, draft_id: int) -> StoredQuestion:
        with self._connect() as db:
            row = db.execute("SELECT q.* FROM dossiers q JOIN drafts d ON d.dossier_id = q.id WHERE d.id = ?", (draft_id,)).fetchone()
        if row is None:
            raise PQError(f"onbekend ontwerp {draft_id} in het dossier")
        return StoredQuestion(dossier_id=row["id"], question_key=row["question_key"], number=row["number"], title=row["title"],
                              question_text=row["question_text"], question_source=row["question_source"],
                              question=json.loads(row["question_json"]))

    def exports(self, draft_id: int) -> list[ExportRecord]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT e.*, v.number AS version_number FROM exports e JOIN versions v ON v.id = e.version_id "
                "WHERE v.draft_id = ? ORDER BY e.id", (draft_id,)).fetchall()
        return [ExportRecord(id=r["id"], version_id=r["version_id"], version_number=r["version_number"], format=r["format"],
                             file_name=r["file_name"], size=r["size"], sha256=r["sha256"], created_by=r["created_by"],
                             created_at=r["created_at"]) for r in rows]

    @staticmethod
    def _version(row: sqlite3.Row) -> StoredVersion:
        return StoredVersion(id=row["id"], dossier_id=row["dossier_id"], draft_id=row["draft_id"], number=row["number"],
                             kind=row["kind"], parent_id=row["parent_id"], draft=Draft.model_validate_json(row["draft_json"]),
                             edited_text=row["edited_text"], header=row["header"], created_by=row["created_by"],
                             created_at=row["created_at"])
