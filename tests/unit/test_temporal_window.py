"""Ceasefire windows and incident times from phrases, without spaCy."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from trucewatch.nlp.lexicon import load_lexicon, shadow
from trucewatch.temporal.intervals import localize
from trucewatch.temporal.window import parse_window


@pytest.mark.parametrize(
    ("lang", "text", "ref", "start", "end", "zone"),
    [
        ("fr", "un cessez-le-feu du 6 janvier à midi au 7 janvier à minuit", date(2023, 1, 6),
         datetime(2023, 1, 6, 12), datetime(2023, 1, 8, 0), None),
        ("fr", "un cessez-le-feu de 10 heures à 21 heures, heure de Moscou", date(2022, 3, 5),
         datetime(2022, 3, 5, 10), datetime(2022, 3, 5, 21), "Europe/Moscow"),
        ("fr", "une trêve à partir de 18 heures (heure de Moscou) samedi jusqu'à dimanche minuit",
         date(2025, 4, 19), datetime(2025, 4, 19, 18), datetime(2025, 4, 21, 0), "Europe/Moscow"),
        ("en", "a ceasefire from 0900 GMT on January 6 until 2100 GMT on January 7", date(2023, 1, 5),
         datetime(2023, 1, 6, 9), datetime(2023, 1, 7, 21), "UTC"),
        ("en", "a truce from noon on January 6 to midnight on January 7 Moscow time", date(2023, 1, 7),
         datetime(2023, 1, 6, 12), datetime(2023, 1, 8, 0), "Europe/Moscow"),
        ("en", "a ceasefire from December 15 to January 15", date(2013, 12, 16),
         datetime(2013, 12, 15), datetime(2014, 1, 16), None),
        ("en", "a humanitarian pause from 10:00 to 14:00 local time on Friday", date(2023, 11, 10),
         datetime(2023, 11, 10, 10), datetime(2023, 11, 10, 14), "local"),
        # the first day of a range takes the second's month, in each language's words
        ("ar", "هدنة من 8 إلى 10 مايو", date(2025, 5, 7), datetime(2025, 5, 8), datetime(2025, 5, 11), None),
        ("es", "una tregua del 1º de mayo al 3 de mayo", date(2025, 5, 7),
         datetime(2025, 5, 1), datetime(2025, 5, 4), None),
    ],
)
def test_temporal_window_from_declaration(lang: str, text: str, ref: date, start: datetime,
                                          end: datetime, zone: str | None) -> None:
    lex = load_lexicon(lang)
    sh = shadow(text)
    w = parse_window(lex, sh, 0, len(sh), ref)
    assert w is not None
    assert (w.start, w.end, w.zone) == (start, end, zone)


@pytest.mark.parametrize(
    ("lang", "text", "hours"),
    [
        ("fr", "la trêve de 36 heures", 36.0),
        ("en", "a 72-hour truce starting Saturday", 72.0),
        ("en", "a three-day ceasefire", 72.0),
        ("fr", "un cessez-le-feu de quatre jours", 96.0),
        ("en", "the truce ended six hours before it was due to expire", None),
        ("fr", "un cessez-le-feu de 10 heures à 21 heures", None),
        ("ru", "перемирие было нарушено 72 часа назад", None),
        ("de", "die Waffenruhe wurde drei Tage später gebrochen", None),
    ],
)
def test_temporal_window_stated_duration(lang: str, text: str, hours: float | None) -> None:
    lex = load_lexicon(lang)
    sh = shadow(text)
    w = parse_window(lex, sh, 0, len(sh), date(2025, 5, 7))
    assert (w.duration_hours if w else None) == hours


@pytest.mark.parametrize(
    ("lang", "text", "ref", "start"),
    [
        ("en", "a 72-hour truce starting Saturday", date(2025, 5, 7), datetime(2025, 5, 10)),
        ("en", "the ceasefire took effect at 04:00 on Wednesday", date(2024, 11, 29), datetime(2024, 11, 27, 4)),
        ("fr", "une trêve de 72 heures à compter de jeudi", date(2025, 5, 5), datetime(2025, 5, 8)),
    ],
)
def test_temporal_window_weekday_is_the_nearest(lang: str, text: str, ref: date, start: datetime) -> None:
    lex = load_lexicon(lang)
    sh = shadow(text)
    w = parse_window(lex, sh, 0, len(sh), ref)
    assert w is not None and w.start == start


@pytest.mark.parametrize(("wall", "zone", "offset_hours"), [
    (datetime(2023, 3, 26, 3, 30), "Europe/Kyiv", 3),  # inside the spring-forward gap
    (datetime(2023, 1, 6, 12), "Europe/Moscow", 3),
])
def test_temporal_window_localize_handles_dst_gaps(wall: datetime, zone: str, offset_hours: int) -> None:
    aware = localize(wall, zone)
    assert aware.utcoffset().total_seconds() == offset_hours * 3600  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "text", "published"), [
    ("en", "ten months into the war", date(2022, 12, 24)),
    ("de", "seit 2 Jahren", date(2024, 2, 24)),  # years, not months, in every language
    ("ru", "2 года войны", date(2024, 2, 24)),
])
def test_temporal_published_from_the_age_of_the_war(lang: str, text: str, published: date) -> None:
    from trucewatch.nlp.parties import party_book
    from trucewatch.temporal.published import infer_published

    found, _ = infer_published(load_lexicon(lang), party_book(), shadow(text), ("Russia", "Ukraine"))
    assert found == published
