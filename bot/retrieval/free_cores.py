"""How many threads the embedding engine and the search's matrix product may use right now: a second one only
when a core is free.

The engine's OpenMP threads meet at a barrier in every layer. With a free core, two threads halve a query
embedding (12 ms instead of 22 ms on the 2-core machine); when one of them has no core, because another process or
another request of this one is running, the other spins at the barrier and the same query takes 0.1–1.7 s
(bench/search_latency.py --threads). So each call counts the threads that are runnable at that moment: the
machine's (/proc/loadavg) minus this process's own (/proc/self/task), allowing for the caller itself and the
engine's workers still spinning from the call before. Where /proc is missing, one thread.

numpy's BLAS gets one thread for the same reason: its workers spin after every matrix product of a search and
take the core the engine's second thread was counting on (90 development queries, each embedded right after a
search: p95 106 ms with two BLAS threads, 19 ms with one). The product does gain from a second core (40,389 × 384:
4.5 ms on one thread, 2.2 ms on two), so dense_product.py splits it over two Python threads of its own, which sleep
when done.

The engine's OpenMP workers spin GOMP_SPINCOUNT rounds before they sleep, inside a call (at its barriers) and after
it. libgomp's default, 300,000 rounds, keeps the second core busy for about a millisecond after every call, just when
the search's product wants it (split product right after an embedding: 5.9 ms against 3.3 ms once the workers
sleep). 10,000 rounds still cover the waits at the barriers (the same embedding time) and free the core at once.
"""

from __future__ import annotations

import ctypes
import os
from functools import lru_cache
from pathlib import Path

MAX_EMBED_THREADS = 2  # measured on 2 cores only; a small model with short texts gains little from more
ENGINE_SPIN_COUNT = "10000"


def cpu_quota(cgroup: Path = Path("/sys/fs/cgroup")) -> float | None:
    """The CPU limit of this container in cores (cgroup v2 `cpu.max`, or v1 `cpu.cfs_quota_us`), None without one:
    a container limited to one core on a bigger machine sees every core in its affinity mask."""
    try:
        quota, period = (cgroup / "cpu.max").read_text().split()[:2]
    except (OSError, ValueError):
        try:
            quota = (cgroup / "cpu" / "cpu.cfs_quota_us").read_text().strip()
            period = (cgroup / "cpu" / "cpu.cfs_period_us").read_text().strip()
        except OSError:
            return None
    try:
        return int(quota) / int(period) if quota not in ("max", "-1") and int(period) > 0 else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def available_cores() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = cpu_quota()
    return max(1, min(cores, int(quota))) if quota else cores


def machine_running(loadavg: str) -> int:
    """The runnable threads of the machine, from /proc/loadavg's fourth field ("running/total")."""
    return int(loadavg.split()[3].split("/")[0])


def own_running(task_dir: Path = Path("/proc/self/task")) -> int:
    running = 0
    for task in os.scandir(task_dir):
        try:
            with open(os.path.join(task.path, "stat"), "rb") as f:
                stat = f.read()
        except OSError:  # the thread ended meanwhile
            continue
        # The state follows the command name, which may itself hold ")" and spaces.
        if stat[stat.rindex(b")") + 2:][:1] == b"R":
            running += 1
    return running


def threads_for(cores: int, machine: int, own: int, cap: int = MAX_EMBED_THREADS) -> int:
    """Threads for one call: `machine` runnable threads in all, `own` of them this process's (the caller among them,
    and up to cap - 1 engine workers spinning since the previous call)."""
    busy_elsewhere = (machine - own) + max(0, own - cap)
    return max(1, min(cap, cores - busy_elsewhere))


def free_threads(cap: int = MAX_EMBED_THREADS) -> int:
    """The threads one call may use at this moment (1 to `cap`)."""
    cores = available_cores()
    if cap <= 1 or cores < 2:
        return 1
    try:
        machine = machine_running(Path("/proc/loadavg").read_text())
        own = own_running()
    except (OSError, ValueError, IndexError):
        return 1
    return threads_for(cores, machine, own, cap)


def short_openmp_spin() -> None:
    """Set before the engine loads its OpenMP runtime, which reads it once; a value the user set is kept."""
    from bot.settings import runtime_default

    runtime_default("GOMP_SPINCOUNT", ENGINE_SPIN_COUNT)


_blas: dict[str, bool] = {"one_thread": False}


def one_blas_thread() -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    _blas["one_thread"] = True


def blas_on_one_thread() -> bool:
    """Whether one_blas_thread() was called (products may then be split over threads of our own)."""
    return _blas["one_thread"]


def loaded_openmp() -> ctypes.CDLL | None:
    """The OpenMP runtime the process has loaded (a wheel bundles its own copy), to set the thread count per call;
    None when there is not exactly one."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    paths = {line.split(None, 5)[5] for line in maps.splitlines() if "libgomp" in line and len(line.split(None, 5)) == 6}
    if len(paths) != 1:
        return None
    try:
        runtime = ctypes.CDLL(paths.pop())
        runtime.omp_set_num_threads.argtypes = [ctypes.c_int]
    except (OSError, AttributeError):
        return None
    return runtime
