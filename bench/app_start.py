"""Time until the app's page is ready, with the index already built, and the serving app's memory.

    python bench/app_start.py [--dir var] [--port 7877]

Starts `python app.py` as `make run` does, polls the page and Gradio's API description, and
prints the seconds until both answer (target 5 s); then runs a few searches and drafts through
the API and prints the app's resident memory (target 700 MB) and the index size on disk; then
stops the app.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/", timeout=2) as page, urllib.request.urlopen(url + "/gradio_api/info", timeout=5) as info:
            return page.status == 200 and info.status == 200
    except OSError:
        return False


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def exercise(url: str) -> None:
    """A few searches and a draft through the API, so the memory figure is that of a serving app."""
    try:
        from gradio_client import Client

        client = Client(url, verbose=False)
        endpoints = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
        seed = (ROOT / "corpus" / "vlaams-parlement" / "schv-216-2023-2024-tewerkstelling-asielzoekers.txt").read_text(encoding="utf-8")
        question = seed.split("JO BROUNS", 1)[0]
        for name in endpoints:
            if name == "/draft":
                client.predict(question, api_name="/draft")
            elif name == "/search":
                for query in ("werkende asielzoekers", "klachten over verkrachting door de partner", "gevangenissen overbevolking"):
                    client.predict(query, api_name="/search")
    except Exception as exc:  # noqa: BLE001 - the API's shape belongs to the app; the memory figure is still printed
        print(f"note: could not exercise the API ({type(exc).__name__}: {exc})", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(ROOT / "var"))
    parser.add_argument("--port", type=int, default=7877)
    args = parser.parse_args()
    env = {**os.environ, "PQ_DATA_DIR": args.dir, "PQ_PORT": str(args.port)}
    started = time.perf_counter()
    app = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{args.port}"
    try:
        while not ready(url):
            if app.poll() is not None:
                raise SystemExit(f"the app exited with code {app.returncode}")
            if time.perf_counter() - started > 300:
                raise SystemExit("not ready after 300 s")
            time.sleep(0.2)
        ready_s = time.perf_counter() - started
        exercise(url)
        size = sum(p.stat().st_size for p in Path(args.dir).rglob("*") if p.is_file())
        print(json.dumps({"page_ready_s": round(ready_s, 1), "target_page_ready_s": 5, "rss_serving_mb": rss_mb(app.pid),
                          "target_rss_mb": 700, "index_on_disk_mb": round(size / 1e6, 1),
                          "load_average": [round(x, 1) for x in os.getloadavg()]}, indent=2))
    finally:
        app.terminate()
        app.wait(timeout=30)


if __name__ == "__main__":
    main()
