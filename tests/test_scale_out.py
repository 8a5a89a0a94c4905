"""Batches on several processes and on Dask give the same report as one process."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from toolkit import api, cli, runner
from toolkit.reporters import render

ARTICLES = {
    "a-harbour": ("The harbour master closed the harbour on 12 March. Ferries waited 3 hours.\n\n"
                  "The harbour reopened at 6 pm.\n",
                  "Le capitaine du port a fermé le havre le 12 mars. Les ferries ont attendu 3 heures.\n\n"
                  "Le port a rouvert à 18 heures.\n"),
    "b-orchard": ("The orchard produced 40 tonnes of apples. The harbour bought half.\n",
                  "Le verger a produit 14 tonnes de pommes. Le port en a acheté la moitié.\n"),
    "c-choir": ("The choir sang for 2 hours in the old harbour church.\n\nTickets cost 8 euros.\n",
                "La chorale a chanté pendant 2 heures dans l'église du vieux havre.\n\n"
                "Les billets coûtaient 8 euros : ils sont « bon marché ».\n"),
    "d-bridge": ("The bridge will close on 4 June for repairs.\n",
                 "Le pont fermera le 4 juin pour des travaux.\n"),
}
GLOSSARY = "source,target\nharbour,port\napples,pommes\n"


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("scale") / "batch"
    for name, (src, mt) in ARTICLES.items():
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "source.en.txt").write_text(src, encoding="utf-8")
        (folder / "mt.fr.txt").write_text(mt, encoding="utf-8")
        (folder / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def serial_json(batch) -> str:
    return render(api.audit([batch], jobs=1), "json")


@pytest.fixture(scope="module")
def cli_serial_json(batch, tmp_path_factory) -> str:
    """The report of ``mtqa audit BATCH -f json --jobs 1`` (the CLI adds CI-gate fields)."""
    report = tmp_path_factory.mktemp("serial") / "serial.json"
    with pytest.raises(SystemExit) as exc:
        cli.main(["audit", str(batch), "-f", "json", "-o", str(report), "--jobs", "1", "--no-exit"])
    assert exc.value.code == 0
    return report.read_text(encoding="utf-8")


def run_cli(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(list(argv))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_serial_report_is_not_trivial(serial_json):
    data = json.loads(serial_json)
    assert [d["name"] for d in data["documents"]] == sorted(ARTICLES)
    assert data["findings"] and data["scores"]["terms"]["terms"]  # batch term scores exist


def test_process_engine_report_is_byte_identical(batch, serial_json):
    assert render(api.audit([batch], jobs=2), "json") == serial_json
    assert render(api.audit([batch], jobs=0, engine="process"), "json") == serial_json


def test_dask_local_cluster_of_two_workers_is_byte_identical(batch, serial_json):
    assert render(api.audit([batch], jobs=2, engine="dask"), "json") == serial_json


def test_memory_cap_is_a_note_on_stderr(batch, cli_serial_json, capsys, monkeypatch):
    monkeypatch.setattr(runner, "available_mb", lambda: runner.WORKER_MB["fork"] + 10)
    code, out, err = run_cli(["audit", str(batch), "-f", "json", "--jobs", "4", "--no-exit"], capsys)
    assert code == 0 and out == cli_serial_json
    assert err.startswith("mtqa: note: --jobs 4: running 1 worker process,") and "MB" in err


def test_scheduler_needs_the_dask_engine(batch, capsys):
    code, out, err = run_cli(["audit", str(batch), "--engine", "process", "--scheduler",
                              "tcp://127.0.0.1:8786"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("mtqa: error:") and "--engine dask" in err


def test_no_progress_display_when_stderr_is_not_a_terminal(batch, capsys):
    code, _, err = run_cli(["audit", str(batch), "-f", "json", "--jobs", "2", "--no-exit"], capsys)
    assert code == 0 and err == ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask_command() -> str:
    found = Path(sys.executable).with_name("dask")
    assert found.exists(), "the dask command comes with the distributed dependency"
    return str(found)


def test_two_command_recipe_with_a_real_scheduler_and_worker(batch, cli_serial_json, tmp_path):
    """`dask scheduler` + `dask worker tcp://…` then `mtqa audit --scheduler tcp://…`, on loopback."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = _dask_command()
    logs = open(tmp_path / "dask.log", "w")
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=logs, stderr=subprocess.STDOUT)]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        procs.append(subprocess.Popen([dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1",
                                       "--nthreads", "1", "--no-dashboard"], stdout=logs,
                                      stderr=subprocess.STDOUT))
        report = tmp_path / "dask.json"
        done = subprocess.run([sys.executable, "-m", "toolkit", "audit", str(batch), "--engine", "dask",
                               "--scheduler", address, "-f", "json", "-o", str(report), "--no-exit"],
                              capture_output=True, text=True, timeout=240,
                              env={**os.environ, "PYTHONHASHSEED": "7"})
        assert done.returncode == 0, done.stderr
        assert report.read_text(encoding="utf-8") == cli_serial_json
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        logs.close()


def test_unreadable_articles_stay_error_entries_in_order_on_every_engine(tmp_path):
    root = tmp_path / "mixed"
    for name in ("a", "b", "c", "d"):
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "source.en.txt").write_text("The bridge will close on 4 June.\n", encoding="utf-8")
        (folder / "mt.fr.txt").write_text("Le pont fermera le 4 juin.\n", encoding="utf-8")
    (root / "b" / "mt.fr.md").write_text("Le pont.\n", encoding="utf-8")  # two mt files: unreadable
    serial = api.audit([root], jobs=1)
    parallel = api.audit([root], jobs=2)
    assert [a.article.name for a in parallel.articles] == ["a", "c", "d"]
    assert [e.to_json() for e in parallel.errors] == [e.to_json() for e in serial.errors]
    assert len(parallel.errors) == 1 and parallel.errors[0].path.endswith("b")
    assert render(parallel, "json") == render(serial, "json")
