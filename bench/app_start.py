"""Time until the app's page is ready, with the index already built.

    python bench/app_start.py [--dir var] [--port 7877]

Starts `python app.py` as `make run` does, polls the page and Gradio's API description, and
prints the seconds until both answer; then stops the app.
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
        print(json.dumps({"page_ready_seconds": round(time.perf_counter() - started, 1)}))
    finally:
        app.terminate()
        app.wait(timeout=30)


if __name__ == "__main__":
    main()
