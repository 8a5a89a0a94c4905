"""The glossary report: library, CLI, and the HTML as a headless browser displays it."""
from pathlib import Path

from typer.testing import CliRunner

from browser import chromium, dump_dom, headless
from toolkit.cli.glossary import app
from toolkit.reporters.glossary_html import render
from toolkit.terms.report import build_report

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ("source,target,forbidden,case_sensitive,note\n"
            "维尔莫拉,Velmora,VELMORA|Velmorra,true,Pharmaceutical company <b>\n"
            "焯水,blanchir,ébouillanter,false,Cooking\n")


def _batch(tmp_path: Path) -> Path:
    batch = tmp_path / "batch"
    docs = {
        "a1": ("维尔莫拉发布新药。维尔莫拉很成功。", "Velmora publie un médicament. Velmora réussit."),
        "a2": ("维尔莫拉发布新药。维尔莫拉很成功。", "VELMORA publie un médicament. Velmora réussit."),
        "a3": ("把菠菜焯水。维尔莫拉很成功。", "Ébouillanter les épinards. Velmorra réussit <script>x</script>."),
    }
    for name, (src, mt) in docs.items():
        d = batch / name
        d.mkdir(parents=True)
        (d / "source.zh.txt").write_text(src + "\n", "utf-8")
        (d / "mt.fr.txt").write_text(mt + "\n", "utf-8")
    (tmp_path / "glossary.csv").write_text(GLOSSARY, "utf-8")
    return batch


def test_build_report_and_cli(tmp_path):
    batch = _batch(tmp_path)
    report = build_report([batch], tmp_path / "glossary.csv")
    vel = next(r for r in report.terms if r.source == "维尔莫拉")
    counts = {r.label: r.count for r in vel.renderings}
    assert counts == {"Velmora": 3, "VELMORA": 1, "Velmorra": 1}
    assert {p.document for p in vel.forbidden} == {"a2", "a3"}
    assert all(p.line == 1 for p in vel.forbidden)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["report", str(batch), "--glossary", str(tmp_path / "glossary.csv"),
                                      "--html", str(out / "r.html"), "--md", str(out / "r.md"),
                                      "--csv", str(out / "c.csv"), "--tbx", str(out / "c.tbx")])
    assert result.exit_code == 0, result.output
    html = (out / "r.html").read_text("utf-8")
    assert "<script>x" not in html
    assert "company <b>" not in html and "company &lt;b&gt;" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "Velmorra" in (out / "r.md").read_text("utf-8")
    bad = CliRunner().invoke(app, ["report", str(tmp_path / "nope"), "--html", str(out / "x.html")])
    assert bad.exit_code == 2 and "no such file" in bad.output
    broken = tmp_path / "broken.csv"
    broken.write_text("source,target,forbidden,case_sensitive\na,b,,perhaps\n", "utf-8")
    bad = CliRunner().invoke(app, ["report", str(batch), "--glossary", str(broken)])
    assert bad.exit_code == 2 and "broken.csv:2" in bad.output


def test_report_in_headless_chromium(tmp_path):
    browser = chromium()
    report = build_report([_batch(tmp_path)], tmp_path / "glossary.csv")
    page = tmp_path / "report.html"
    page.write_text(render(report), "utf-8")
    dom = dump_dom(browser, page.as_uri(), tmp_path)
    assert 'id="summary"' in dom and "Batch summary" in dom
    assert "Sorted tables ready" in dom  # the inline script ran
    assert "维尔莫拉" in dom and '<span class="rendering">Velmora</span>' in dom
    assert '<span class="count">×3</span>' in dom
    shot = ROOT / "out" / "glossary-report.png"
    shot.parent.mkdir(exist_ok=True)
    headless(browser, tmp_path, f"--screenshot={shot}", "--window-size=1280,900", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 1000
