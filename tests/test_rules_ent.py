"""ENT001 on invented texts: lost model names and codes, kept or rendered names pass."""
from toolkit.api import article_from_strings
from toolkit.engine import Selection, run_rules


def findings(target, source, src_lang="zh", glossary=()):
    article = article_from_strings(target, source, src_lang=src_lang, glossary_rows=glossary)
    return run_rules(article, Selection.parse("ENT"))


def test_missing_model_code_is_major_and_points_at_both_sides():
    src = "这款X7跑步机适合家庭使用。"
    tgt = "Ce tapis de course convient à un usage domestique."
    fs = findings(tgt, src)
    assert [(f.target.start, f.target.end, f.source.text, f.severity.label) for f in fs] == \
        [(0, len(tgt), "X7", "major")]
    assert fs[0].category == "Accuracy/Omission"


def test_missing_plain_name_is_minor():
    fs = findings("Le club a signé un nouveau contrat de sponsoring.", "俱乐部与Voltaro签下新的赞助合同。")
    assert [(f.source.text, f.severity.label) for f in fs] == [("Voltaro", "minor")]


def test_names_found_case_insensitively_translated_acronyms_and_expansions():
    cases = [
        ("该医院引进了AI辅助诊断系统。", "L’hôpital a adopté un système de diagnostic assisté par IA."),
        ("世卫组织（WHO）发布了新指南。", "L’OMS a publié de nouvelles recommandations."),
        ("这家银行推出了GreenSave账户。", "Cette banque lance le compte Greensave."),
        ("球队使用GPS背心监测球员。", "L’équipe suit les joueurs grâce à des gilets GPS."),
        ("该公司为ABC提供服务。", "L’entreprise travaille pour Alpine Brewing Company."),
        ("下载App即可预订。", "Il suffit de télécharger l’application pour réserver."),
    ]
    for src, tgt in cases:
        assert findings(tgt, src) == (), src


def test_glossary_rendering_counts_as_present():
    fs = findings("Le groupe Lumière du Nord a publié ses résultats.", "NordLys集团公布了业绩。",
                  glossary=["NordLys,Lumière du Nord,,true"])
    assert fs == ()


def test_name_in_a_neighbouring_sentence_survives_misalignment():
    src = "这款跑步机很安静。X7售价999欧元。"
    tgt = "Le tapis X7 est très silencieux. Il coûte 999 euros."
    assert findings(tgt, src) == ()


def test_english_source_names_with_rare_words_and_acronyms():
    src = ("Kowalczyk Partners and the IMF met in Geneva.\n\nRates rose in March.\n\n"
           "The loan was approved by Kowalczyk Partners and the IMF last week.")
    tgt = ("Kowalczyk Partners et le FMI se sont réunis à Genève.\n\nLes taux ont monté en mars.\n\n"
           "Le prêt a été approuvé la semaine dernière par le FMI.")
    fs = findings(tgt, src, src_lang="en")
    assert [f.source.text for f in fs] == ["Kowalczyk Partners"]  # IMF → FMI is not checked
    # a name the translation never uses was adapted, not lost
    fs = findings("Le prêt a été approuvé par le cabinet polonais.", "The loan was approved by Kowalczyk Partners.",
                  src_lang="en")
    assert fs == ()
    # English words with digits are not codes
    fs = findings("Une quarantaine de 14 jours est imposée depuis les années 30.",
                  "A 14-day quarantine has been imposed since the 1930s.", src_lang="en")
    assert fs == ()
    # names made of common words may be translated and are not checked
    assert findings("La Maison-Blanche a réagi.", "The White House reacted.", src_lang="en") == ()
    assert findings("La Banque centrale européenne a réagi.", "The European Central Bank reacted.",
                    src_lang="en") == ()


def test_quantity_with_unit_written_the_french_way_is_present():
    fs = findings("La batterie stocke 14,6 GWh et le modèle X7 arrive.", "电池储存14.6GWh，X7型号即将上市。")
    assert fs == () or all("GWh" not in f.message for f in fs)
    fs = findings("La batterie stocke 14,6 GWh.", "电池储存14.6GWh，X7型号即将上市。")
    assert any("X7" in f.message for f in fs)


def test_whole_text_prefilter_never_changes_the_answer():
    from toolkit.lexicon import case_key
    from toolkit.rules.ent import _used

    text = "Le rapport de Kowalczyk Partners cite İstanbul et la ſociété Nordvik-Hansen."
    for name, renderings in [("Kowalczyk Partners", []), ("KOWALCZYK", []), ("Nordvik Hansen", []),
                             ("Istanbul", []), ("Société", []), ("Orlen", ["Nordvik"]), ("Orlen", [])]:
        assert _used(name, text, renderings, case_key(text)) == _used(name, text, renderings), name


def test_code_glued_to_a_common_word_is_present_when_its_code_is():
    src = "用户可以在4711Pay上缴费。"
    assert findings("Les usagers peuvent payer sur le service de paiement 4711.", src) == ()
    (f,) = findings("Les usagers peuvent payer sur le service de paiement.", src)
    assert f.source.text == "4711Pay"
    # a code glued to a rare word is a name: its code alone does not stand for it
    assert [f.source.text for f in findings("Le modèle 4711 est sorti.", "Zorvex4711型号已经发布。")] == \
        ["Zorvex4711"]
