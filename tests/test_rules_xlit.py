"""XLIT001 on invented zh→fr texts: transliterated common nouns and nicknames, names kept."""
from toolkit.api import article_from_strings
from toolkit.engine import Selection, run_rules
from toolkit.rules.xlit import pinyin_index


def findings(target, source, glossary=(), select="XLIT"):
    article = article_from_strings(target, source, src_lang="zh", glossary_rows=glossary)
    return run_rules(article, Selection.parse(select))


def spans(fs):
    return [(f.target.start, f.target.end, f.target.text, f.severity.label) for f in fs]


def test_pinyin_index_covers_substrings_of_two_to_four_characters():
    index = pinyin_index("我坐高铁。", base=10)
    assert index["gaotie"] == [("高铁", 12, 14)]
    assert "zuogaotie" in index and "wozuogaotie" in index
    assert "wo" not in index  # single characters are too ambiguous


def test_lowercase_transliteration_of_a_common_noun_is_major():
    fs = findings("Les supporters ont pris le gaotie pour rejoindre le stade.", "球迷们乘坐高铁前往体育场。")
    assert spans(fs) == [(27, 33, "gaotie", "major")]
    assert fs[0].source.text == "高铁" and fs[0].category == "Accuracy/Untranslated"


def test_glossary_gives_another_rendering():
    fs = findings("Selon Dazhong, les ventes ont progressé.", "大众表示，销量有所增长。",
                  glossary=["大众,Volkswagen,,true"])
    assert spans(fs) == [(6, 13, "Dazhong", "major")]
    assert fs[0].suggestion == "Volkswagen"
    # the glossary rendering itself, written with other spaces or case, is fine
    fs = findings("La sauce Lao Gan Ma est épicée.", "老干妈辣酱很辣。", glossary=["老干妈,Lao Gan Ma,,true"])
    assert fs == ()


def test_two_adjacent_tokens_spell_the_source():
    fs = findings("Les jeunes choisissent le tang ping plutôt que la compétition.", "年轻人选择躺平而不是竞争。")
    assert spans(fs) == [(26, 35, "tang ping", "major")]


def test_established_names_persons_and_places_are_not_flagged():
    source = ("记者张晓明报道，北京和上海的游客在义乌市购物。厨师李德华说，小米和华为的手机很受欢迎。"
              "欧阳娜娜表示很高兴。")
    target = ("Selon Zhang Xiaoming, des touristes de Beijing et de Shanghai font leurs achats à Yiwu. "
              "Le chef Li Dehua affirme que les téléphones Xiaomi et Huawei sont très appréciés. "
              "Ouyang Nana s’est dite ravie.")
    assert findings(target, source) == ()


def test_capitalised_rare_name_and_listed_loans_are_neutral_hints():
    # 鲸途 is an invented company: no dictionary knows it, so its pinyin is only a hint
    fs = findings("Jingtu a racheté une chaîne de restaurants de jiaozi.", "鲸途收购了一家饺子连锁店。")
    assert spans(fs) == [(0, 6, "Jingtu", "neutral"), (46, 52, "jiaozi", "neutral")]
    assert "CC-CEDICT" in fs[1].message and "dumpling" in fs[1].message


def test_name_layer_pinyin_rendering_that_is_established_passes():
    fs = findings("Meituan et Xiaomi ont publié leurs résultats.", "美团和小米公布了业绩。")
    assert fs == ()


def test_name_layer_nickname_gets_the_established_name_as_fix():
    fs = findings("Selon Gonghang, les dépôts ont augmenté.", "据工行统计，存款增加了。")
    assert spans(fs) == [(6, 14, "Gonghang", "major")]
    assert fs[0].suggestion == "ICBC" and "bank" in fs[0].message


def test_person_known_under_another_name_is_a_minor_finding():
    fs = findings("Le parc porte le nom de Sun Zhongshan.", "公园以孙中山命名。")
    assert spans(fs) == [(24, 37, "Sun Zhongshan", "minor")]
    assert fs[0].suggestion == "Sun Yat-sen"


def test_dictionary_proper_noun_with_another_name_is_major():
    # not in the name layer's companies, but CC-CEDICT names it: the fix is its name
    fs = findings("Les ventes de Youbu ont baissé.", "优步的销售额下降了。")
    assert spans(fs) == [(14, 19, "Youbu", "major")]
    assert fs[0].suggestion == "Uber" and "CC-CEDICT" in fs[0].message


def test_word_rule_leaves_pinyin_to_xlit():
    fs = findings("Les supporters ont pris le gaotie pour rejoindre le stade.", "球迷们乘坐高铁前往体育场。",
                  select="WORD,XLIT")
    assert [f.rule_id for f in fs] == ["XLIT001"]


def test_a_french_word_next_to_a_name_is_not_part_of_the_transliteration():
    # 的 reads "de": "de Lanzhou" must not be taken for the pinyin of 的兰州
    fs = findings("Les nouilles de Lanzhou sont célèbres.", "我最喜欢的兰州拉面很有名。")
    assert all(not f.target.text.startswith("de ") for f in fs)
