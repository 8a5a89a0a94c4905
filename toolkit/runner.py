"""Run one function over many items: in this process, in local processes, or on Dask.

The engines are named in one table, :data:`ENGINES` (``serial``, ``process``, ``dask``),
and all do the same thing: ``engine.map(func, items, args)`` yields ``func(item, *args)``
for every item, **in the order of the items** whatever order they finish in, and passes
through whatever ``func`` returns (a result or an error record alike). Exceptions raised
by ``func`` propagate to the caller, as they would in a plain loop.

* ``serial`` — a plain loop in this process.
* ``process`` — local worker processes. On Linux the first item runs in this process,
  which loads the models it needs once, and the workers are forked after: they share the
  loaded pages copy-on-write; elsewhere (``spawn``) each worker runs ``warm_up`` once.
  The number of workers is capped by the memory available, with a note.
* ``dask`` — Dask ``distributed``: a ``LocalCluster`` on the loopback interface by
  default, or the scheduler at ``scheduler`` (``tcp://host:8786``). Items travel in
  chunks (several small items per task); every worker runs ``warm_up`` when the run
  starts, and the models stay loaded (cached per process) for all its tasks.

Nothing here prints: notes go to ``notify(message)``, progress to ``progress``.
"""
from __future__ import annotations

import gc
import math
import os
import sys
from collections import deque
from typing import Any, Callable, Iterator, Sequence

from .errors import InputError

Progress = Callable[[str, int, int], None]  # (name of the item done, done, total)
Notify = Callable[[str], None]

# Unique memory a forked worker adds once it has audited articles (measured: see the
# README, "Scale-out"); a spawned worker loads every model itself.
WORKER_MB = {"fork": 300, "spawn": 600}


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def available_mb() -> int | None:
    """MemAvailable of /proc/meminfo in MB, or None where there is no such file."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def plan_workers(jobs: int, items: int, start_method: str = "fork",
                 memory_mb: int | None = None) -> tuple[int, str | None]:
    """How many local workers to start for ``jobs`` (0: one per core) and ``items``, and a
    note when memory caps the number asked for."""
    wanted = cpu_count() if jobs == 0 else max(1, jobs)
    workers = max(1, min(wanted, items))
    per = WORKER_MB[start_method]
    if memory_mb is not None and workers > 1:
        fit = max(1, memory_mb // per)
        if fit < workers:
            asked = "--jobs 0 (all cores)" if jobs == 0 else f"--jobs {jobs}"
            return fit, (f"{asked}: running {fit} worker process{'es' if fit > 1 else ''}, as many as fit "
                         f"in the {memory_mb} MB of memory available (about {per} MB each)")
    return workers, None


def chunk_size(items: int, workers: int, most: int = 64) -> int:
    """Items per task: about four tasks per worker, never more than ``most`` items each."""
    return max(1, min(most, math.ceil(items / (workers * 4))))


def _chunks(items: Sequence, size: int) -> list[list]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def guided_chunks(items: Sequence, workers: int, most: int = 64) -> list[list]:
    """Chunks that shrink as the batch drains: each holds :func:`chunk_size` of the items
    still left, so the first ones are big (few round trips for many small items) and the
    last ones are single items (no worker is left with several long articles while the
    others have nothing to do)."""
    out, i, n = [], 0, len(items)
    while i < n:
        size = chunk_size(n - i, workers, most)
        out.append(list(items[i:i + size]))
        i += size
    return out


def run_chunk(func: Callable, chunk: Sequence, args: tuple) -> list:
    """What a worker runs: ``func`` over one chunk of items, in order."""
    return [func(item, *args) for item in chunk]


class SerialEngine:
    """A plain loop in this process."""

    name = "serial"

    def __init__(self, jobs: int = 1, *, warm_up: Callable[[], None] | None = None,
                 notify: Notify | None = None, **_: Any) -> None:
        self.warm_up = warm_up

    def map(self, func: Callable, items: Sequence, args: tuple = (),
            progress: Progress | None = None) -> Iterator[Any]:
        total = len(items)
        for n, item in enumerate(items, 1):
            result = func(item, *args)
            if progress:
                progress(str(item), n, total)
            yield result


class ProcessEngine:
    """Local worker processes, forked after the models are loaded where the OS allows."""

    name = "process"

    def __init__(self, jobs: int = 0, *, warm_up: Callable[[], None] | None = None,
                 notify: Notify | None = None, start_method: str | None = None, **_: Any) -> None:
        import multiprocessing

        self.jobs = jobs
        self.warm_up = warm_up
        self.notify = notify
        methods = multiprocessing.get_all_start_methods()
        self.start_method = start_method or ("fork" if sys.platform.startswith("linux")
                                             and "fork" in methods else "spawn")

    def map(self, func: Callable, items: Sequence, args: tuple = (),
            progress: Progress | None = None) -> Iterator[Any]:
        workers, note = plan_workers(self.jobs, len(items), self.start_method, available_mb())
        if note and self.notify:
            self.notify(note)
        if workers <= 1:
            yield from SerialEngine().map(func, items, args, progress)
            return
        yield from self._pool(func, items, args, progress, workers)

    def _pool(self, func, items, args, progress, workers) -> Iterator[Any]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context(self.start_method)
        total, done = len(items), 0
        initializer = self.warm_up
        if self.start_method == "fork":
            # The first item is audited here: it loads every model the batch needs, once,
            # and its work is not wasted; then the workers are forked and share those pages.
            first = func(items[0], *args)
            done = 1
            if progress:
                progress(str(items[0]), done, total)
            yield first
            items = items[1:]
            gc.collect()
            gc.freeze()  # keep the collector from writing to (and so copying) the shared pages
            initializer = None
        chunks = iter(guided_chunks(items, workers))
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=initializer)
        try:
            for chunk, results in _in_order(pool, func, chunks, args, workers):
                for item, result in zip(chunk, results):
                    done += 1
                    if progress:
                        progress(str(item), done, total)
                    yield result
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            if self.start_method == "fork":
                gc.unfreeze()


def _in_order(pool, func, chunks: Iterator[list], args: tuple, workers: int) -> Iterator[tuple[list, list]]:
    """``(chunk, results)`` in the order of the chunks, submitted to ``pool`` a few at a time.

    A new chunk is submitted as soon as any running one finishes (not only the oldest), so
    a long article at the head of the queue does not leave the other workers idle; results
    that finish early wait here in order, at most ``4 × workers`` chunks of them."""
    from concurrent.futures import FIRST_COMPLETED, wait

    ahead, held = workers * 2, workers * 4
    pending: deque = deque()  # (chunk, future) in order, finished or not
    exhausted = False
    while True:
        running = sum(1 for _, f in pending if not f.done())
        while not exhausted and running < ahead and len(pending) < held:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
                break
            pending.append((chunk, pool.submit(run_chunk, func, chunk, args)))
            running += 1
        if not pending:
            return
        chunk, future = pending[0]
        if future.done():
            pending.popleft()
            yield chunk, future.result()
        else:
            wait([f for _, f in pending if not f.done()], return_when=FIRST_COMPLETED)


class DaskEngine:
    """Dask ``distributed``: a loopback ``LocalCluster`` of ``jobs`` single-threaded worker
    processes, or the cluster whose scheduler is at ``scheduler``."""

    name = "dask"

    def __init__(self, jobs: int = 0, *, warm_up: Callable[[], None] | None = None,
                 notify: Notify | None = None, scheduler: str | None = None,
                 connect_timeout: float = 30.0, **_: Any) -> None:
        self.jobs = jobs
        self.warm_up = warm_up
        self.notify = notify
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout

    def _client(self, items: int):
        import logging

        from distributed import Client, LocalCluster

        if self.scheduler:
            try:
                return Client(self.scheduler, timeout=self.connect_timeout), None
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError(f"--scheduler {self.scheduler}: cannot reach the Dask scheduler "
                                 f"({type(exc).__name__}: {exc})") from None
        workers, note = plan_workers(self.jobs, items, "spawn", available_mb())
        if note and self.notify:
            self.notify(note)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster

    def map(self, func: Callable, items: Sequence, args: tuple = (),
            progress: Progress | None = None) -> Iterator[Any]:
        if not items:
            return
        client, cluster = self._client(len(items))
        try:
            if self.warm_up is not None:
                client.run(self.warm_up)  # every worker loads the models now, all at once
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            chunks = guided_chunks(items, workers)
            futures = [client.submit(run_chunk, func, chunk, args, pure=False,
                                     key=f"mtqa-chunk-{i}-{os.getpid()}-{id(chunks)}")
                       for i, chunk in enumerate(chunks)]
            watcher = _watch(progress, futures)
            done, total = 0, len(items)
            for chunk, future in zip(chunks, futures):
                results = future.result()
                future.release()
                for item, result in zip(chunk, results):
                    done += 1
                    if progress and watcher is None:
                        progress(str(item), done, total)
                    yield result
            if watcher is not None:
                watcher.join(timeout=5)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _watch(progress, futures):
    """Let a progress display that knows Dask (``watch_dask(futures)``) follow the futures."""
    watch = getattr(progress, "watch_dask", None)
    if watch is None:
        return None
    import threading

    thread = threading.Thread(target=watch, args=(futures,), daemon=True)
    thread.start()
    return thread


ENGINES = {
    "serial": SerialEngine,
    "process": ProcessEngine,
    "dask": DaskEngine,
}


def get_engine(name: str, jobs: int = 1, **options: Any):
    """The engine called ``name`` (see :data:`ENGINES`)."""
    try:
        cls = ENGINES[name]
    except KeyError:
        raise InputError(f"unknown engine {name!r} (expected one of: {', '.join(ENGINES)})") from None
    return cls(jobs, **options)


def default_engine(jobs: int, scheduler: str | None = None) -> str:
    """``dask`` when a scheduler is named, ``serial`` for one job, else ``process``."""
    if scheduler:
        return "dask"
    return "serial" if jobs == 1 else "process"


__all__ = ["ENGINES", "get_engine", "default_engine", "plan_workers", "chunk_size", "guided_chunks", "run_chunk",
           "SerialEngine", "ProcessEngine", "DaskEngine", "available_mb", "cpu_count"]
