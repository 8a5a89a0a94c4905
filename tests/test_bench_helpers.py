"""The bench's inputs have the shape it claims, and a child's figures are its own."""
import json
import subprocess
import sys

from toolkit.evaluation.bench import run_child, scaled_article, table, write_article


def test_scaled_article_is_one_block_n_times(tmp_path):
    src = tmp_path / "a"
    src.mkdir()
    (src / "source.en.txt").write_text("One.\n\nTwo.\n", encoding="utf-8")
    (src / "mt.fr.txt").write_text("Un.\n\nDeux.\n", encoding="utf-8")
    (src / "glossary.csv").write_text("source,target\none,un\n", encoding="utf-8")
    (src / "README.md").write_text("not copied", encoding="utf-8")
    out = scaled_article(src, 3, tmp_path / "x3")
    mt = (out / "mt.fr.txt").read_text(encoding="utf-8")
    assert mt == "Un.\nDeux.\nUn.\nDeux.\nUn.\nDeux.\n"  # no blank line: a single block
    assert (out / "source.en.txt").read_text(encoding="utf-8").count("Two.") == 3
    assert sorted(p.name for p in out.iterdir()) == ["glossary.csv", "mt.fr.txt", "source.en.txt"]


def test_article_paragraphs_are_the_pairs(tmp_path):
    write_article([("A b.", "A b."), ("C d.", "C d.")], tmp_path / "art")
    assert (tmp_path / "art" / "mt.fr.txt").read_text(encoding="utf-8") == "A b.\n\nC d.\n"


def test_run_child_reports_the_child_alone():
    # Measured from a small process: Linux counts in a child's peak the RSS it inherits at
    # fork, which is why the bench starts its children before loading anything.
    code = ("import json, sys; from toolkit.evaluation.bench import run_child; "
            "small = run_child([sys.executable, '-c', 'pass']); "
            "big = run_child([sys.executable, '-c', "
            "'x = bytearray(200 * 2**20); x[::4096] = bytes(len(x[::4096]))']); "
            "print(json.dumps([small, big]))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    small, big = json.loads(out.stdout)
    assert big["peak_rss_mib"] >= small["peak_rss_mib"] + 150
    assert set(small) == {"wall_s", "cpu_s", "peak_rss_mib"}


def test_table_shows_every_scale_with_its_ratio():
    run = {"units_per_s": 10, "cpu_s": 1.0, "wall_s": 1.0}
    figures = {"units": 10, "po": {"mtqa": run, "pofilter": run}, "xliff": {"mtqa": run, "pofilter": run},
               "paragraphs": {"mtqa": run, "pofilter": run},
               "cold_audit_dojo": {"wall_s": 1, "cpu_s": 1, "peak_rss_mib": 1, "python_wall_s": 0.1},
               "scaling": [{"times": n, "mt_bytes": 1024 * n, "wall_s": n, "wall_ratio": n, "cpu_s": n,
                            "cpu_ratio": n, "peak_rss_mib": 100, "peak_rss_ratio": 1.0} for n in (1, 64)],
               "align": None, "peak_rss_mib": 1}
    text = table(figures)
    assert "64×" in text and "1.00×" in text
