"""First start on a fresh clone: seconds from `make run` (after the install) until the page answers and
until hybrid search is ready, for the default sources (all three).

    python bench/first_start.py [--port 7879] [--keep]

Clones the current checkout (HEAD) into a temporary folder, starts `python app.py` there as `make run`
does (same interpreter, the clone's own empty `var/`), and polls the page and the index state file.
Prints the seconds until the page answers, until search is hybrid (the matrix search reads holds
every unit's vector, taken from `corpus/vectors/`) and until the Chroma copy is complete, next to
the reference (target: hybrid ready within 180 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 180


def page_ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/", timeout=2) as page:
            return page.status == 200
    except OSError:
        return False


def state(data_dir: Path) -> dict:
    try:
        return json.loads((data_dir / "lexical" / "state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def hybrid_ready(data_dir: Path) -> bool:
    """Search is hybrid once the matrix it reads holds a vector for every unit (the Chroma copy may still be filling)."""
    import numpy as np

    chunks = state(data_dir).get("chunks")
    try:
        with np.load(data_dir / "dense.npz", allow_pickle=False) as data:
            keys = data["keys"]
        return bool(chunks) and len(keys) == chunks and bool((keys != 0).all())
    except (OSError, ValueError, KeyError):
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=7879)
    parser.add_argument("--keep", action="store_true", help="keep the clone (its path is printed)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pq-first-start-"))
    clone = work / "clone"
    subprocess.run(["git", "clone", "--quiet", "--local", str(ROOT), str(clone)], check=True)
    data_dir = clone / "var"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PQ_")}
    env.update({"PQ_PORT": str(args.port), "HF_HUB_OFFLINE": "1"})
    log = open(work / "app.log", "w")  # noqa: SIM115 - open for the app's whole life
    started = time.perf_counter()
    app = subprocess.Popen([sys.executable, "app.py"], cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{args.port}"
    page_s = hybrid_s = complete_s = None
    try:
        while hybrid_s is None or page_s is None or complete_s is None:
            now = time.perf_counter() - started
            if page_s is None and page_ready(url):
                page_s = now
            if hybrid_s is None and hybrid_ready(data_dir):
                hybrid_s = now
            if complete_s is None and state(data_dir).get("complete"):
                complete_s = now
            if app.poll() is not None:
                raise SystemExit(f"the app exited with code {app.returncode}; see {work / 'app.log'}")
            if now > 1800:
                raise SystemExit("not ready after 30 minutes")
            time.sleep(0.5)
    finally:
        app.terminate()
        app.wait(timeout=30)
        log.close()
    final = state(data_dir)
    print(json.dumps({"page_ready_s": round(page_s, 1), "hybrid_ready_s": round(hybrid_s, 1), "target_hybrid_s": TARGET_S,
                      "chroma_copy_complete_s": round(complete_s, 1), "sources": list(final["sources"]), "units": final["chunks"],
                      "load_average": [round(x, 1) for x in os.getloadavg()], "clone": str(clone) if args.keep else None},
                     indent=2))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
