"""MARK rules: exact spans, messages, suggestions, and the cases they must leave alone."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruletest import NB, check


def spans(findings):
    return [(f.target.start, f.target.end, f.target.text) for f in findings]


# -- MARK001 --------------------------------------------------------------------------------

def test_mark001_stray_markers_take_the_separating_space():
    text = "La finale aura lieu dimanche. **\n\n** Le public est attendu.\n\n**03 Les billets"
    found = check("MARK001", text)
    a = text.index(" **\n")
    b = text.index("** Le")
    c = text.index("**03")
    assert spans(found) == [(a, a + 3, " **"), (b, b + 3, "** "), (c, c + 2, "**")]
    assert all(f.suggestion == "" for f in found)


def test_mark001_marker_between_sentences_takes_the_space_after():
    text = "Le match est fini. ** Les joueurs rentrent."
    (f,) = check("MARK001", text)
    p = text.index("**")
    assert (f.target.start, f.target.end) == (p, p + 3)
    assert text[:p] + text[p + 3:] == "Le match est fini. Les joueurs rentrent."


def test_mark001_paired_bold_in_plain_text():
    text = "Le chef a **goûté** la sauce."
    found = check("MARK001", text)
    assert spans(found) == [(10, 12, "**"), (17, 19, "**")]
    assert "Markdown bold marker" in found[0].message


def test_mark001_headings_and_links_in_plain_text():
    text = "## Recette du jour\n\nLisez [notre guide](https://exemple.org/guide) avant. ## Étape deux"
    found = check("MARK001", text)
    link = text.index("[notre")
    h2 = text.index("## Étape")
    assert spans(found) == [(0, 3, "## "), (link, text.index(" avant"), "[notre guide](https://exemple.org/guide)"),
                            (h2, h2 + 3, "## ")]
    assert found[1].suggestion == "notre guide"


def test_mark001_markdown_target_only_stray_markers():
    text = "## Recette\n\nLe chef a **goûté** la [sauce](https://exemple.org). **\n\nFin."
    found = check("MARK001", text, path="mt.fr.md")
    p = text.index(" **\n")
    assert spans(found) == [(p, p + 3, " **")]
    assert "stray" in found[0].message


@pytest.mark.parametrize("text", [
    "Calcul : 2 * 3 = 6 et le mot-clé #recette.",
    "Le code `**kwargs` et `__init__` est correct.",
    "Une note* en bas de page et un nom_de_variable.",
])
def test_mark001_leaves_alone(text):
    assert check("MARK001", text) == []


# -- MARK002 --------------------------------------------------------------------------------

def test_mark002_tags_and_entities():
    text = "Le <b>match</b> finit à 20&nbsp;h &amp; demie.<br/>"
    found = check("MARK002", text)
    assert [(f.target.text, f.suggestion) for f in found] == [
        ("<b>", ""), ("</b>", ""), ("&nbsp;", NB), ("&amp;", "&"), ("<br/>", "")]


def test_mark002_attributes():
    (f,) = check("MARK002", 'Un <span class="note">rappel</span>'[:24] + " ici.")
    assert f.target.text == '<span class="note">'


@pytest.mark.parametrize("text", [
    "Écrivez à <info@exemple.org> ou voyez <https://exemple.org>.",
    "Si 3 < 5 et 7 > 2, alors AT&T gagne.",
    "Le code `<b>` est montré tel quel.",
])
def test_mark002_leaves_alone(text):
    assert check("MARK002", text) == []


def test_mark002_not_in_markdown():
    assert check("MARK002", "Un saut<br>de ligne.", path="mt.fr.md") == []


# -- MARK003 --------------------------------------------------------------------------------

def test_mark003_guillemet_closed_by_straight_quote():
    text = f"Le coach a promis «{NB}une belle saison\" aux supporters."
    found = check("MARK003", text)
    o, q = text.index("«"), text.index('"')
    assert spans(found) == [(o, o + 2, "«" + NB), (q, q + 1, '"')]
    assert "never closed" in found[0].message and "straight" in found[1].message


def test_mark003_brackets():
    text = "Le vol (direct part à 8 h. Retour prévu] le soir."
    found = check("MARK003", text)
    assert spans(found) == [(7, 8, "("), (text.index("]"), text.index("]") + 1, "]")]


def test_mark003_curly_quotes():
    (f,) = check("MARK003", "Il a dit “oui sans conviction.")
    assert f.target.text == "“"


@pytest.mark.parametrize("text", [
    f"Le coach a promis «{NB}une belle saison{NB}» aux supporters (enfin).",
    "Étapes : 1) laver, 2) couper :) et a) ou b).",
    'Il a dit "oui" et (entre nous) “peut-être”.',
    "L’écran mesure 15\" de large.",
    "Voir https://fr.exemple.org/wiki/Lyon_(ville) pour plus.",
])
def test_mark003_leaves_alone(text):
    assert check("MARK003", text) == []


def test_mark003_quotation_over_two_paragraphs():
    text = f"«{NB}Nous avons gagné.\n\n«{NB}Et nous gagnerons encore{NB}», dit-il."
    assert check("MARK003", text) == []


# -- MARK004 --------------------------------------------------------------------------------

def test_mark004_altered_placeholder():
    src = "Hello {name}, you have {count} new messages."
    tgt = "Bonjour {nom}, vous avez {count} nouveaux messages."
    (f,) = check("MARK004", tgt, source=src)
    assert (f.target.text, f.suggestion, f.source.text) == ("{nom}", "{name}", "{name}")
    assert "altered" in f.message


def test_mark004_lost_placeholder_is_reported_on_the_sentence():
    src = "Delete %s files from %(folder)s?"
    tgt = "Supprimer des fichiers de %(folder)s ?"
    (f,) = check("MARK004", tgt, source=src)
    assert (f.target.start, f.target.end) == (0, len(tgt))
    assert f.source.text == "%s" and "missing" in f.message


def test_mark004_inline_tags_and_added_placeholder():
    src = 'Click <g id="1">here</g> to continue.'
    tgt = 'Cliquez <g id="1">ici</g> pour {{continuer}}.'
    (f,) = check("MARK004", tgt, source=src)
    assert f.target.text == "{{continuer}}" and "not in the source" in f.message


def test_mark004_same_placeholders_in_another_order():
    src = "Sent {0} of {1} files, {{ user }}."
    tgt = "{{user}} : {1} fichiers, dont {0} envoyés."
    assert check("MARK004", tgt, source=src) == []


def test_mark004_percent_signs_are_not_placeholders():
    assert check("MARK004", "Une hausse de 50 % des ventes.", source="Sales rose 50%.") == []


# -- the mark scan visits only the marks ---------------------------------------------------------

def _plain_unbalanced(text, start, end, lang, skip):
    """MARK003's pairing written as a walk over every character."""
    from toolkit.rules.mark import _ENUM_RE, _PAIRS, _QUOTE_LANGS, _SMILEY_RE

    quotes = lang in _QUOTE_LANGS
    chunk = text[start:end]
    loose = {start + m.end() - 1 for m in _ENUM_RE.finditer(chunk)}
    loose |= {start + i for m in _SMILEY_RE.finditer(chunk) for i in range(m.start(), m.end())}
    n_straight = len([i for i, c in enumerate(chunk) if c == '"' and not (i and chunk[i - 1].isdigit())])
    stack, out = [], []
    for i, c in enumerate(chunk):
        p = start + i
        if c not in '«“([»”)]"' or p in skip or (p in loose and c in "(["):
            continue
        if c in "«“" and not quotes:
            continue
        if c in "«“([":
            stack.append((c, p))
        elif c in _PAIRS:
            if c in "»”" and not quotes:
                continue
            if any(s == _PAIRS[c] for s, _ in stack):
                while stack[-1][0] != _PAIRS[c]:
                    out.append((stack.pop()[1], "open"))
                stack.pop()
            elif p not in loose:
                out.append((p, "close"))
        elif quotes and not (i and chunk[i - 1].isdigit()):
            if stack and stack[-1][0] == '"':
                stack.pop()
            elif n_straight % 2 and stack and stack[-1][0] in "«“":
                out.append((p, "mismatch"))
            else:
                stack.append((c, p))
    out.extend((q, "open") for _, q in stack)
    return sorted(out)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='«»“”()[]"1a :;-^x\n', max_size=30), st.sampled_from(["fr", "de"]),
       st.sets(st.integers(0, 29), max_size=3))
def test_unbalanced_marks_equal_the_plain_walk(text, lang, skip_at):
    from toolkit.rules.mark import _unbalanced
    from toolkit.rules.typo import Regions

    skip = Regions([(p, p + 1) for p in sorted(skip_at)])
    for start in (0, min(3, len(text))):
        assert _unbalanced(text, start, len(text), lang, skip) == _plain_unbalanced(text, start, len(text), lang, skip)
