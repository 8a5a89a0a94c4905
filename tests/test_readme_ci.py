"""The CI recipes of README.md ("mtqa in CI") run as written, on a small invented batch.

The test takes the configuration, the suppression file, the baseline command and every
``mtqa`` command of the GitHub Actions and GitLab CI recipes from the README itself, so the
README cannot drift from what the command does.
"""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from toolkit import cli

README = Path(__file__).resolve().parent.parent / "README.md"

# About 110 source words with one minor finding: MQM quality a little above 90.
SOURCE_1 = ("The orchard has apple trees and pear trees on the hill above the river, near the old mill. "
            "Every spring the blossoms cover the branches, and the bees from the nearby hives visit them all "
            "day. The farmer prunes the old trees in winter and plants young ones along the southern wall.\n\n"
            "Visitors can pick fruit in the autumn and buy cider at the farm shop. "
            "The shop also sells honey, jam and fresh bread baked in the village. Children like to feed the "
            "goats behind the barn, and families often have a picnic under the walnut tree near the pond.\n")
MT_1 = ("Le verger a des pommiers et des poiriers sur la colline au-dessus de la rivière, près du vieux "
        "moulin. Chaque printemps, les fleurs couvrent les branches, et les abeilles des ruches voisines les "
        "visitent toute la journée. L’agriculteur taille les vieux arbres en hiver et plante de jeunes arbres "
        "le long du mur sud.\n\n"
        "Les visiteurs peuvent cueillir des fruits en automne et acheter du cidre à la boutique de la ferme ! "
        "La boutique vend aussi du miel, de la confiture et du pain frais cuit au village. Les enfants aiment "
        "nourrir les chèvres derrière la grange, et les familles pique-niquent souvent sous le noyer près de "
        "l’étang.\n")
SOURCE_2 = ("The gardener uses a rake every morning in the vegetable garden.\n\n"
            "She waters the tomatoes and the beans before noon.\n")
MT_2 = ("La jardinière utilise une fourche chaque matin dans le potager.\n\n"
        "Elle arrose les tomates et les haricots avant midi.\n")
GLOSSARY = "source,target,forbidden,case_sensitive,note\nrake,râteau,fourche,false,tool\n"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## mtqa in CI")
    end = text.index("\n## ", start + 3)
    return text[start:end]


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section(), re.S)


def mtqa_commands(script_lines) -> list[str]:
    return [line.strip() for line in script_lines if line.strip().startswith("mtqa ")]


def recipes() -> tuple[list[str], list[str]]:
    github = gitlab = None
    for block in blocks("yaml"):
        doc = yaml.safe_load(block)
        if "jobs" in doc:
            github = [step["run"] for job in doc["jobs"].values() for step in job["steps"] if "run" in step]
        else:
            gitlab = [line for job in doc.values() for line in job["script"]]
    assert github and gitlab, "README must show a GitHub Actions and a GitLab CI recipe"
    return mtqa_commands(github), mtqa_commands(gitlab)


def run(command: str, capsys) -> tuple[int, str]:
    argv = shlex.split(command)
    assert argv[0] == "mtqa"
    with pytest.raises(SystemExit) as exc:
        cli.main(argv[1:])
    out, _ = capsys.readouterr()
    return exc.value.code, out


def project(tmp_path: Path) -> Path:
    config, suppressions = blocks("toml")[:2]
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "l10n"\n\n' + config, encoding="utf-8")
    (tmp_path / "mtqa-suppressions.toml").write_text(suppressions, encoding="utf-8")
    for name, src, mt in (("01-orchard", SOURCE_1, MT_1), ("02-garden", SOURCE_2, MT_2)):
        d = tmp_path / "batch" / name
        d.mkdir(parents=True)
        (d / "source.en.txt").write_text(src, encoding="utf-8")
        (d / "mt.fr.txt").write_text(mt, encoding="utf-8")
        (d / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def test_readme_ci_recipes_run_as_written(tmp_path, capsys, monkeypatch):
    github, gitlab = recipes()
    assert any("--format github" in c for c in github) and any("--format sarif" in c for c in github)
    assert any("--format junit" in c for c in gitlab)
    monkeypatch.chdir(project(tmp_path))
    annotate = next(c for c in github if "--format github" in c)

    # without the baseline, today's known finding fails the gate (fail-on = "minor")
    code, out = run(annotate.replace("--baseline .mtqa-baseline.json", ""), capsys)
    assert code == 1 and "title=TYPO001" in out
    assert "title=TERM001" not in out  # the README's suppression file accepts it

    baseline_cmd = next(line for b in blocks("sh") for line in b.splitlines() if "--write-baseline" in line)
    code, _ = run(baseline_cmd, capsys)
    assert code == 0 and (tmp_path / ".mtqa-baseline.json").is_file()

    # an unchanged batch passes every step of both recipes
    for command in github + gitlab:
        code, out = run(command, capsys)
        assert code == 0, (command, out)
        assert not [line for line in out.splitlines() if line.startswith("::")]
    sarif = json.loads((tmp_path / "mtqa.sarif").read_text(encoding="utf-8"))
    assert all("partialFingerprints" in r for r in sarif["runs"][0]["results"])
    assert "class='side-by-side'" in (tmp_path / "mtqa.html").read_text(encoding="utf-8")
    assert "<testsuite" in (tmp_path / "mtqa-junit.xml").read_text(encoding="utf-8")

    # one wrong sentence appended: the annotation step and the JUnit step fail, on it alone
    orchard = tmp_path / "batch" / "01-orchard"
    (orchard / "source.en.txt").write_text(SOURCE_1 + "\nThe farm has 14 cows.\n", encoding="utf-8")
    (orchard / "mt.fr.txt").write_text(MT_1 + "\nLa ferme a 41 vaches.\n", encoding="utf-8")
    code, out = run(annotate, capsys)
    lines = [line for line in out.splitlines() if line.startswith("::") and ",line=" in line]
    assert code == 1 and lines and all("01-orchard/mt.fr.txt,line=5," in line for line in lines)
    assert any(line.startswith("::error ") and "title=NUM002" in line for line in lines)
    junit = next(c for c in gitlab if "--format junit" in c)
    code, _ = run(junit, capsys)
    assert code == 1 and "<failure" in (tmp_path / "mtqa-junit.xml").read_text(encoding="utf-8")
