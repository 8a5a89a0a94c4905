"""The batch engines: one table of names, results in input order, pass-through, memory cap."""
from __future__ import annotations

import io
import os
import time

import pytest

from toolkit import runner
from toolkit.cli import progress as cli_progress
from toolkit.errors import InputError


def slow_first(i: int, pause: float) -> tuple[int, int]:
    """Early items finish last: item i sleeps (8 - i) * pause."""
    time.sleep(max(0, 8 - i) * pause)
    return i, os.getpid()


def record_or_error(i: int) -> object:
    """A result for even items, an error record for odd ones (as an unreadable article gets)."""
    return {"error": f"item {i} unreadable"} if i % 2 else ("ok", i)


def fail_on_three(i: int) -> int:
    if i == 3:
        raise ValueError("item 3 is broken")
    return i


MODELS: dict = {}


def load_once(_: int) -> int:
    """Load the "models" unless this process has them; say which process loaded them."""
    return MODELS.setdefault("loaded", os.getpid())


def test_engine_table_names_the_three_engines():
    assert list(runner.ENGINES) == ["serial", "process", "dask"]
    assert isinstance(runner.get_engine("process", 2), runner.ProcessEngine)
    with pytest.raises(InputError, match="unknown engine 'spark'"):
        runner.get_engine("spark")
    assert runner.default_engine(1) == "serial" and runner.default_engine(2) == "process"
    assert runner.default_engine(0) == "process"
    assert runner.default_engine(1, "tcp://127.0.0.1:8786") == "dask"


@pytest.mark.parametrize("name", ["serial", "process"])
def test_results_in_input_order_whatever_order_they_finish(name):
    items = list(range(9))
    out = list(runner.get_engine(name, 3).map(slow_first, items, (0.03,)))
    assert [i for i, _ in out] == items
    if name == "process":
        assert len({pid for _, pid in out} - {os.getpid()}) >= 2  # really ran in workers


def test_whatever_the_function_returns_is_passed_through_in_order():
    items = list(range(7))
    out = list(runner.get_engine("process", 2).map(record_or_error, items))
    assert out == [record_or_error(i) for i in items]


def test_an_exception_in_a_worker_reaches_the_caller():
    with pytest.raises(ValueError, match="item 3 is broken"):
        list(runner.get_engine("process", 2).map(fail_on_three, list(range(8))))


def test_progress_counts_every_item_once_in_order():
    seen = []
    list(runner.get_engine("process", 2).map(record_or_error, list(range(5)),
                                             progress=lambda n, d, t: seen.append((n, d, t))))
    assert seen == [(str(i), i + 1, 5) for i in range(5)]


def test_forked_workers_find_the_models_loaded_by_the_first_item():
    MODELS.clear()
    try:
        out = list(runner.get_engine("process", 2).map(slow_first, list(range(6)), (0.0,)))
        loaded = list(runner.get_engine("process", 2).map(load_once, list(range(6))))
    finally:
        MODELS.clear()
    assert len({pid for _, pid in out[1:]} - {os.getpid()}) >= 1  # the rest ran in workers
    assert loaded == [os.getpid()] * 6  # ... which inherited what this process loaded, once


def test_plan_workers_caps_by_memory_and_says_so():
    assert runner.plan_workers(4, 100, "fork", memory_mb=10_000) == (4, None)
    assert runner.plan_workers(4, 2, "fork", memory_mb=10_000) == (2, None)  # no idle workers
    workers, note = runner.plan_workers(8, 100, "fork", memory_mb=700)
    assert workers == 2 and "--jobs 8" in note and "700 MB" in note
    workers, note = runner.plan_workers(0, 100, "spawn", memory_mb=100)
    assert workers == 1 and "--jobs 0" in note
    assert runner.plan_workers(0, 1000, "fork", memory_mb=None)[0] == runner.cpu_count()


def test_chunks_hold_several_small_items_but_keep_every_worker_busy():
    assert runner.chunk_size(10_000, 2) == 64
    assert runner.chunk_size(40, 2) == 5
    assert runner.chunk_size(3, 4) == 1
    chunks = runner._chunks(list(range(11)), 4)
    assert chunks == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10]]


def test_unreachable_scheduler_is_one_clear_input_error():
    engine = runner.get_engine("dask", 1, scheduler="tcp://127.0.0.1:9", connect_timeout=2)
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        list(engine.map(record_or_error, [1, 2]))


# -- progress display ------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci_and_not_quiet(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert cli_progress.wanted(False, FakeTerminal())
    assert not cli_progress.wanted(True, FakeTerminal())
    assert not cli_progress.wanted(False, io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not cli_progress.wanted(False, FakeTerminal())


def test_progress_bar_shows_count_and_eta():
    stream = FakeTerminal()
    with cli_progress.BatchProgress(stream) as bar:
        for done in range(1, 4):
            bar(f"batch/article-{done}", done, 3)
    text = stream.getvalue()
    assert "3/3" in text and "ETA" in text


def test_progress_bar_draws_nothing_for_one_article():
    stream = FakeTerminal()
    with cli_progress.BatchProgress(stream) as bar:
        bar("one", 1, 1)
    assert stream.getvalue() == ""


def test_guided_chunks_shrink_to_single_items_at_the_end_of_a_batch():
    items = list(range(200))
    chunks = runner.guided_chunks(items, 2)
    assert [i for c in chunks for i in c] == items  # every item once, in order
    sizes = [len(c) for c in chunks]
    assert sizes[0] == 25 and sizes == sorted(sizes, reverse=True) and sizes[-4:] == [1, 1, 1, 1]
    assert runner.guided_chunks([], 2) == []


def test_a_slow_first_chunk_does_not_stop_the_others_from_being_submitted():
    """Only the oldest chunk is unfinished: the pool must still be fed past it."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    seen, enough = [], threading.Event()

    def work(i):
        if i == 0:
            return enough.wait(timeout=20)  # True only if 6 later items ran meanwhile
        seen.append(i)
        if len(seen) >= 6:
            enough.set()
        return i

    chunks = iter([[i] for i in range(16)])
    with ThreadPoolExecutor(max_workers=2) as pool:
        out = [r for _, results in runner._in_order(pool, work, chunks, (), 2) for r in results]
    assert out[0] is True and out[1:] == list(range(1, 16))
