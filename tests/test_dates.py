"""Dates and currencies next to numbers (toolkit/dates.py), on invented sentences."""
from toolkit.dates import currencies_agree, currency_at, find_dates


def described(text, lang):
    return [(text[d.start:d.end], d.describe()) for d in find_dates(text, lang)]


def test_dates_in_three_languages():
    assert described("Signed on 2 October 2019, renewed October 9, 2021.", "en") == [
        ("2 October 2019", "2019-10-2"), ("October 9, 2021", "2021-10-9")]
    assert described("Le 1er mai, puis le 3 oct. 2025 et en 1998.", "fr") == [
        ("1er mai", "5-1"), ("3 oct. 2025", "2025-10-3"), ("1998", "1998")]
    assert described("2019年10月2日签署，三月续签。", "zh") == [("2019年10月2日", "2019-10-2"), ("三月", "3")]


def test_amounts_and_durations_are_not_dates():
    assert described("Il a payé 2 000 euros pendant 12 mois.", "fr") == []
    assert described("项目持续了12个月，耗资3000元。", "zh") == []


def test_currency_before_or_after_an_amount():
    text = "Il a gagné 3 millions de livres et 40 €."
    assert currency_at(text, "fr", text.index("3"), text.index("3") + 10)[0] == "GBP"
    assert currency_at(text, "fr", text.index("40"), text.index("40") + 2)[0] == "EUR"
    assert currency_at("It cost $12.", "en", 9, 11)[0] == "dollar"
    assert currency_at("它花了12元。", "zh", 3, 5)[0] == "CNY"


def test_currency_families():
    assert currencies_agree("dollar", "USD") and currencies_agree("yen-yuan", "CNY")
    assert not currencies_agree("GBP", "dollar") and not currencies_agree("EUR", "CNY")
