"""Windows in short sentences written for these tests: named clocks, an hour after a day, the same
instant on two clocks, "midnight last night", deadlines that are not a truce's length."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from trucewatch.nlp.lexicon import load_lexicon, shadow
from trucewatch.temporal.window import duration_hours, parse_window


@pytest.mark.parametrize(
    ("lang", "text", "ref", "start", "zone"),
    [
        # an hour right after its day is that day's clock, and the clock named after it holds
        ("fr", "L'armée a décrété une trêve à partir de samedi 18 heures, heure de Moscou.", date(2024, 3, 6),
         datetime(2024, 3, 9, 18), "Europe/Moscow"),
        # the same instant on two clocks, the second one dated: the dated one is read
        ("fr", "Il propose une trêve à partir de 07H00 locales (05H00 GMT), le mardi 9 avril 2024.",
         date(2024, 4, 6), datetime(2024, 4, 9, 5), "UTC"),
        # "midnight last night": the midnight that closed yesterday
        ("ar", "بدأت الهدنة منتصف ليل أمس.", date(2019, 3, 12), datetime(2019, 3, 12, 0), None),
        ("ar", "تبدأ الهدنة في الساعة (1830 بتوقيت غرينتش) يوم الخميس.", date(2019, 3, 12),
         datetime(2019, 3, 14, 18, 30), "UTC"),
    ],
)
def test_named_clock_and_hour(lang: str, text: str, ref: date, start: datetime, zone: str | None) -> None:
    lex = load_lexicon(lang)
    sh = shadow(text)
    w = parse_window(lex, sh, 0, len(sh), ref)
    assert w is not None
    assert (w.start, w.zone) == (start, zone)


def test_a_thousands_number_is_no_clock() -> None:
    lex = load_lexicon("fr")
    sh = shadow("Pendant la trêve, 3.000 détenus ont été libérés lundi.")
    w = parse_window(lex, sh, 0, len(sh), date(2024, 3, 6))
    assert w is None or w.end is None


@pytest.mark.parametrize(
    ("lang", "text", "hours"),
    [
        ("en", "Under the truce, the militia must free the captives within 48 hours.", None),
        ("fr", "Selon la trêve, les troupes doivent se retirer dans un délai de 48 heures.", None),
        ("de", "Laut der Waffenruhe müssen die Truppen binnen 48 Stunden abziehen.", None),
        ("es", "Según la tregua, las tropas deben retirarse en un plazo de 48 horas.", None),
        ("ar", "بموجب الهدنة يجب الانسحاب في غضون 48 ساعة.", None),
        ("en", "The army declared a 48-hour truce.", 48.0),
        ("de", "Die Armee verkündete eine Waffenruhe von 48 Stunden.", 48.0),
    ],
)
def test_deadline_is_not_duration(lang: str, text: str, hours: float | None) -> None:
    lex = load_lexicon(lang)
    sh = shadow(text)
    found = duration_hours(lex, sh, 0, len(sh))
    assert (found[0] if found else None) == hours
