"""UNTR and LANG rules on invented texts (Chinese, Russian, English, German)."""
from toolkit.api import article_from_strings
from toolkit.engine import Selection, run_rules


def findings(target, source=None, src_lang="zh", select="UNTR,LANG", tgt_lang="fr"):
    article = article_from_strings(target, source, src_lang=src_lang, tgt_lang=tgt_lang)
    return run_rules(article, Selection.parse(select))


def spans(fs):
    return [(f.rule_id, f.target.start, f.target.end, f.target.text) for f in fs]


def test_han_run_left_in_french_target():
    fs = findings("Le marathon de Xiamen partira du 鼓浪屿 dimanche matin.", "厦门马拉松周日早上从鼓浪屿出发。")
    assert spans(fs) == [("UNTR001", 33, 36, "鼓浪屿")]
    assert fs[0].severity.label == "major" and fs[0].category == "Accuracy/Untranslated"


def test_cyrillic_words_form_one_run():
    fs = findings("La banque Сбер Банк a relevé ses taux.", "Сбербанк повысил ставки.", src_lang="ru")
    assert spans(fs) == [("UNTR001", 10, 19, "Сбер Банк")]


def test_glossed_mentions_are_not_untranslated():
    src = "他用“你好”打招呼，这就是内卷。"
    for ok in ("Il salue d’un « 你好 » (bonjour) : c’est l’involution.",
               "Il salue d’un bonjour : c’est l’involution (内卷)."):
        assert findings(ok, src, select="UNTR001") == (), ok


def test_target_identical_to_source():
    src = "Keep the receipt for your travel insurance claim."
    fs = findings(src, src, src_lang="en", select="UNTR002")
    assert spans(fs) == [("UNTR002", 0, len(src), src)]
    for same in ("Real Madrid 3 Juventus 1", "BNP Paribas SA", "https://example.org/rates"):
        assert findings(same, same, src_lang="en", select="UNTR002") == (), same


def test_empty_target_unit():
    fs = findings("—", "The pharmacy opens at nine.", src_lang="en", select="UNTR003")
    assert spans(fs) == [("UNTR003", 0, 1, "—")]
    assert findings("—", "—", src_lang="en", select="UNTR003") == ()


def test_wrong_language_by_langdetect():
    target = ("Le marché a ouvert en hausse.\n\nThe central bank kept its interest rates unchanged "
              "for the third month in a row.")
    fs = findings(target, select="LANG")
    assert spans(fs) == [("LANG001", 31, len(target), target[31:])]
    assert "'en'" in fs[0].message


def test_wrong_script_segment_without_source():
    target = "Le train partira à midi.\n\nПоезд отправится в полдень по расписанию."
    fs = findings(target, select="LANG")
    assert [f.target.text for f in fs] == ["Поезд отправится в полдень по расписанию."]


def test_short_segments_names_and_source_quotes_are_not_judged():
    target = ("Real Madrid - Bayern Munich\n\nOk, super.\n\n"
              "Le slogan « Just do it » reste célèbre, a rappelé Phil Knight à Portland.\n\n"
              "« We are not for sale, and never will be », a répondu la direction.")
    source = "皇马对拜仁\n\n好的。\n\n口号Just do it依然有名。\n\n管理层回应说：We are not for sale, and never will be。"
    assert findings(target, source, select="LANG") == ()


def test_han_in_target_is_reported_once_not_by_both_families():
    fs = findings("这是一个测试句子，没有翻译。", "这是一个测试句子，没有翻译。")
    assert [f.rule_id for f in fs] == ["UNTR001"]


def test_langdetect_results_are_stable():
    target = "Die Mannschaft hat das Spiel am Samstag nach Verlängerung gewonnen."
    first = findings(target, select="LANG")
    assert [f.message for f in findings(target, select="LANG")] == [f.message for f in first]
    assert "'de'" in first[0].message


def test_plainly_target_language_sentences_skip_langdetect(monkeypatch):
    from toolkit.rules import lang

    french = "Le conseil municipal a voté mardi soir un nouveau budget pour les écoles de la ville."
    assert lang.plainly_target(french, "fr")
    others = ["Das Spiel wurde wegen des starken Regens auf Sonntag verschoben, sagte der Verein.",
              "El partido se aplazó al domingo por las fuertes lluvias, según informó el club.",
              "La partita è stata rinviata a domenica a causa delle forti piogge, ha detto la società.",
              "O jogo foi adiado para domingo devido às fortes chuvas, disse o clube ontem à noite.",
              "El partit s'ha ajornat a diumenge per les fortes pluges, segons ha informat el club.",
              "We are not sure whether the new policy will help the people who need it most."]
    for text in others:
        assert not lang.plainly_target(text, "fr"), text
    assert not lang.plainly_target("Le Conseil Municipal De Lyon Et Marseille", "fr")  # too few words

    def refuse(text):
        raise AssertionError(f"langdetect asked about {text!r}")

    monkeypatch.setattr(lang, "langdetect_best", refuse)
    assert findings(french, select="LANG") == ()
