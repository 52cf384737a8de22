"""Load on the running app: N concurrent users drafting, asking and searching through its API.

    python bench/load.py --dir var [--users 20] [--seconds 60]          # starts app.py on a free port
    python bench/load.py --url http://127.0.0.1:7860 [--pid PID] [...]  # an app already running here

Each user is a `gradio_client` client of its own that calls, one after the other without a pause
(a stress test, not a model of real users; --think adds one), a mix of `/draft` (test questions and the seed question),
`/ask` (a question, then a follow-up on its state) and `/search` (development-set queries, some
with filters). Prints calls, successes, failures and p50/p95 per endpoint (as the client sees them:
queueing included), and the app's resident memory after warm-up and after the load, each next to
its target. Loopback only; users and duration are bounded.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_USERS = 64
MAX_SECONDS = 600
TARGETS = {"failures": 0, "draft_p95_s": 3.0, "rss_growth_mb": 50}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

ASK_TURNS = [
    ("Hoeveel werkzoekenden waren er in 2023 per provincie?", "alleen Limburg"),
    ("Hoeveel verzoeken om internationale bescherming in 2023 per maand?", "en nu in 2022"),
    ("Hoeveel werkzoekenden vonden werk in 2024?", "en nu per geslacht"),
    ("Hoeveel bewoners van opvangcentra werkten in 2023?", None),
]
SEARCH_FILTERS = [("", "", "", "", "", False), ("dekamer-qrva-2017", "", "", "", "", True), ("", "justitie", "", "", "", False),
                  ("", "", "", "2017-03-01", "2017-06-30", False)]


def draft_questions() -> list[str]:
    from tests.conftest import seed_question_only

    cases = yaml.safe_load((ROOT / "tests" / "fixtures" / "draft_questions.yaml").read_text(encoding="utf-8"))
    return [seed_question_only(), *(case["text"] for case in cases)]


def search_queries() -> list[str]:
    lines = (ROOT / "bench" / "devset.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["query"] for line in lines if line.strip()]


def rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return round(kb / 1024, 1)


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a process (from /proc, in clock ticks)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class RssSampler(threading.Thread):
    """The app's resident memory every few seconds: growth that levels off is warm-up, growth that does not is a leak."""

    def __init__(self, pid: int | None, every: float = 5.0) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.samples = pid, every, []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(self.every):
            value = rss_mb(self.pid)
            if value is not None:
                self.samples.append(value)

    def timeline(self, points: int = 6) -> list[float]:
        if not self.samples:
            return []
        step = max(1, len(self.samples) // points)
        return self.samples[::step][:points] + [self.samples[-1]]


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))], 3)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, app: subprocess.Popen | None, limit: float = 900) -> float:
    started = time.perf_counter()
    while True:
        try:
            with urllib.request.urlopen(url + "/gradio_api/info", timeout=5) as info:
                if info.status == 200:
                    return time.perf_counter() - started
        except OSError:
            pass
        if app is not None and app.poll() is not None:
            raise SystemExit(f"the app exited with code {app.returncode}")
        if time.perf_counter() - started > limit:
            raise SystemExit(f"the app did not answer within {limit:.0f} s")
        time.sleep(0.5)


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.failures: dict[str, list[str]] = defaultdict(list)

    def record(self, endpoint: str, seconds: float, error: BaseException | None) -> None:
        with self.lock:
            if error is None:
                self.latency[endpoint].append(seconds)
            else:
                self.failures[endpoint].append(f"{type(error).__name__}: {str(error)[:160]}")


def user(number: int, url: str, auth, deadline: float, tally: Tally, drafts: list[str], queries: list[str], think: float) -> None:
    from gradio_client import Client

    rnd = random.Random(number)
    client = Client(url, auth=auth, verbose=False)
    jobs = itertools.cycle(rnd.sample(["draft", "draft", "ask", "ask", "search", "search"], 6))
    state = None
    follow_up = None
    while time.monotonic() < deadline:
        endpoint = next(jobs)
        started = time.perf_counter()
        try:
            if endpoint == "draft":
                result = client.predict(rnd.choice(drafts), api_name="/draft")
                assert result["parts"], "a draft without parts"
            elif endpoint == "ask":
                if follow_up:
                    result = client.predict(follow_up, state, api_name="/ask")
                    follow_up = None
                else:
                    question, follow_up = rnd.choice(ASK_TURNS)
                    result = client.predict(question, None, api_name="/ask")
                state = result["state"]
                assert result["sentence"], "an answer without a sentence"
            else:
                source, department, mp, date_from, date_to, answered = rnd.choice(SEARCH_FILTERS)
                client.predict(rnd.choice(queries), source, department, mp, date_from, date_to, answered, 10, api_name="/search")
        except Exception as exc:  # noqa: BLE001 - every failure is counted and shown, whatever it is
            tally.record(endpoint, time.perf_counter() - started, exc)
        else:
            tally.record(endpoint, time.perf_counter() - started, None)
        if think:
            time.sleep(min(think * rnd.uniform(0.5, 1.5), max(0.0, deadline - time.monotonic())))


def warm_up(url: str, auth, drafts: list[str], queries: list[str]) -> None:
    """One call per endpoint, so that what loads on first use is not counted as growth under load."""
    from gradio_client import Client

    client = Client(url, auth=auth, verbose=False)
    client.predict(drafts[0], api_name="/draft")
    client.predict(ASK_TURNS[0][0], None, api_name="/ask")
    client.predict(queries[0], "", "", "", "", "", False, 10, api_name="/search")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--dir", help="start app.py over the index in this data dir (PQ_DATA_DIR)")
    where.add_argument("--url", help="an app already running on this machine (loopback only)")
    parser.add_argument("--pid", type=int, help="with --url: the app's process id, to read its memory")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause in seconds between a user's calls (default 0)")
    parser.add_argument("--auth", metavar="USER:PASSWORD", help="the app's login, if it has one")
    args = parser.parse_args()
    if not 1 <= args.users <= MAX_USERS:
        parser.error(f"--users must be 1..{MAX_USERS}")
    if not 1 <= args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds must be 1..{MAX_SECONDS}")
    if not 0 <= args.think <= 60:
        parser.error("--think must be 0..60 seconds")
    auth = tuple(args.auth.split(":", 1)) if args.auth else None

    app = None
    if args.dir:
        data_dir = Path(args.dir).resolve()
        if not data_dir.is_dir() or not any(data_dir.iterdir()):
            parser.error(f"{data_dir} holds no index; build it first: PQ_DATA_DIR={data_dir} python -m bot ingest --all")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PQ_DATA_DIR": str(data_dir), "PQ_HOST": "127.0.0.1", "PQ_PORT": str(port), "HF_HUB_OFFLINE": "1"}
        if args.auth:
            env["PQ_AUTH"] = args.auth
        app = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pid = app.pid
    else:
        url = args.url.rstrip("/")
        if urllib.parse.urlsplit(url).hostname not in LOOPBACK:
            parser.error("--url must be an app on this machine (127.0.0.1, localhost or ::1)")
        pid = args.pid

    drafts, queries = draft_questions(), search_queries()
    report: dict = {"users": args.users, "seconds": args.seconds, "think_s": args.think, "url": url}
    try:
        report["app_ready_s"] = round(wait_ready(url, app), 1)
        report["rss_ready_mb"] = rss_mb(pid)
        warm_up(url, auth, drafts, queries)
        report["rss_warm_mb"] = rss_mb(pid)

        tally = Tally()
        sampler = RssSampler(pid)
        sampler.start()
        app_cpu, own_cpu = cpu_seconds(pid), time.process_time()
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=user, args=(n, url, auth, deadline, tally, drafts, queries, args.think), daemon=True)
                   for n in range(args.users)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 300)
        report["wall_s"] = round(time.perf_counter() - started, 1)
        report["stuck_users"] = sum(thread.is_alive() for thread in threads)
        report["rss_after_mb"] = rss_mb(pid)
        sampler.stop.set()
        report["rss_timeline_mb"] = sampler.timeline()
        if app_cpu is not None:
            report["app_cpu_s"] = round(cpu_seconds(pid) - app_cpu, 1)
        report["clients_cpu_s"] = round(time.process_time() - own_cpu, 1)
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()

    endpoints = {}
    for endpoint in ("draft", "ask", "search"):
        times = tally.latency[endpoint]
        endpoints[endpoint] = {"ok": len(times), "failed": len(tally.failures[endpoint]), "p50_s": percentile(times, 0.5),
                               "p95_s": percentile(times, 0.95), "max_s": percentile(times, 1.0),
                               "mean_s": round(statistics.fmean(times), 3) if times else None}
    report["endpoints"] = endpoints
    report["calls_ok"] = sum(e["ok"] for e in endpoints.values())
    report["calls_failed"] = sum(e["failed"] for e in endpoints.values())
    report["failures_seen"] = sorted({f for fs in tally.failures.values() for f in fs})[:10]
    growth = (report["rss_after_mb"] - report["rss_warm_mb"]) if report.get("rss_after_mb") and report.get("rss_warm_mb") else None
    report["rss_growth_mb"] = round(growth, 1) if growth is not None else None
    print(json.dumps(report, indent=2, ensure_ascii=False))
    draft_p95 = endpoints["draft"]["p95_s"]
    print(f"\nfailures        {report['calls_failed']:>8}   target {TARGETS['failures']}")
    print(f"draft p95       {draft_p95 if draft_p95 is not None else '-':>8} s target ≤ {TARGETS['draft_p95_s']} s")
    print(f"RSS growth      {report['rss_growth_mb'] if growth is not None else '-':>8} MB target ≤ {TARGETS['rss_growth_mb']} MB "
          f"(after warm-up {report['rss_warm_mb']} MB, after load {report['rss_after_mb']} MB)")


if __name__ == "__main__":
    main()
