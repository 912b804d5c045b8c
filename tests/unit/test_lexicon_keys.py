"""Every key of every lexicon is read by the code, and every language has every key the code reads.

The keys the code reads are *recorded*, not grepped: ``Lexicon.section`` (the one way code reads a
lexicon: ``phrases``, ``optional`` and ``words`` go through it) is wrapped while the analyser runs
over the golden articles (all seven languages, once with their publication date and once without,
so that the date is inferred too). A section of fields read whole (``t = lex.section("time")``)
records each field as it is taken (``t["months"]``, ``t.get("clock_words")``). Recording sees key
names that are built at run time or reached through a section, and does not mistake a word in a
comment or a docstring for a read, which a grep of the source would. Its cost: a key read only on a
path no golden article takes looks unread; give the golden set an article that takes it.

Together the two tests keep the seven lexicons to one set of keys, so a missing key is an error and
not silently "no words": a language without such words writes an empty list (docs/decisions.md).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any

import pytest

from tests.conftest import GOLDEN
from trucewatch.nlp import lexicon as lexicon_module
from trucewatch.nlp import normalize
from trucewatch.nlp.lexicon import SUPPORTED, Lexicon, load_lexicon
from trucewatch.pipeline import ArticleInput

pytestmark = pytest.mark.model

#: sections whose keys are fields (``time.months``); every other top-level key is one key
FIELDS = lexicon_module._FIELD_TABLES


class _Fields(dict[str, Any]):
    """A section of fields that notes which of its fields are read."""

    def __init__(self, name: str, body: dict[str, Any], seen: set[str]):
        super().__init__(body)
        self.name, self.seen = name, seen

    def __getitem__(self, key: str) -> Any:
        self.seen.add(f"{self.name}.{key}")
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.seen.add(f"{self.name}.{key}")
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.seen.add(f"{self.name}.{key}")
        return super().__contains__(key)


#: sentences that take paths no golden article takes: a denial naming what it denies, in every
#: language, and a party named after a violation noun ("violations israéliennes")
_PATHS = ["Moscow denied the allegations.", "Moscou a démenti ces accusations.",
          "Russland hat die Vorwürfe bestritten.",
          "Rusia negó cualquier responsabilidad.", "В Кремле опровергли эти обвинения.",
          "У Генштабі ЗСУ заперечують причетність.", "ونفت إسرائيل الاتهامات.",
          "Le Hamas a dénoncé des violations israéliennes de la trêve.",
          "Hamás denunció violaciones israelíes de la tregua.", "نددت حماس بالانتهاكات الإسرائيلية للهدنة.",
          # a sea: what stands before it (its coast) and after it (a noun it modifies)
          "A drone struck a tanker in the Red Sea on Monday.",
          # a ministry's seat beside a toll (speech.national_offices)
          "Bei einem Luftangriff wurden nach Angaben des Gesundheitsministeriums in Ramallah vier Menschen getötet.",
          # a capture told with no doer, announced by a side (claims.announce)
          "Les forces du GNA ont annoncé mercredi la prise de Tarhouna.",
          # a dummy subject before an adjective's infinitive of refusing (speech.expletive)
          "Russia declared a truce. It was right to refuse the truce, she said.",
          # a long distance from a city (filters.distance_miles)
          "A drone hit a village 40 miles south of Kharkiv on Monday."]


def _texts() -> Iterator[tuple[str, str | None]]:
    import json

    for text in _PATHS:
        yield text, "2024-05-10"
    for path in sorted((GOLDEN / "articles").glob("*.txt")):
        expected = json.loads((GOLDEN / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        yield text, expected["published"]
        yield text, None


@pytest.fixture(scope="module")
def read_keys(analyzer: Any) -> set[str]:
    """Every key path the code asks a lexicon for while analysing the golden articles."""
    seen: set[str] = set()
    section = Lexicon.section

    def recording(self: Lexicon, name: str) -> Any:
        seen.add(name)
        value = section(self, name)
        return _Fields(name, value, seen) if name in FIELDS and isinstance(value, dict) else value

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Lexicon, "section", recording)
        load_lexicon.cache_clear()  # fresh lexicons: every grammar cached on the old ones is rebuilt
        normalize._credit.cache_clear()
        try:
            # failures are yielded, not raised: a key missing in one language fails that
            # language's articles, and the test below names the key
            items = [ArticleInput(text, published=date.fromisoformat(day) if day else None,
                                  published_basis="given" if day else "unknown") for text, day in _texts()]
            for _ in analyzer.analyze_many(items):
                pass
        finally:
            load_lexicon.cache_clear()
            normalize._credit.cache_clear()
    return seen


def _keys(language: str) -> set[str]:
    """The keys of a lexicon file: ``section.field`` in sections of fields, else the top-level name."""
    path = resources.files("trucewatch.data.lexicons") / f"{language}.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return {f"{name}.{field}" if name in FIELDS else name
            for name, body in raw.items() for field in (body if name in FIELDS else [None])}


@pytest.mark.parametrize("language", SUPPORTED)
def test_lexicon_keys_are_all_read(read_keys: set[str], language: str) -> None:
    unread = _keys(language) - read_keys
    assert not unread, f"{language}.toml has keys no code reads: {sorted(unread)}"


@pytest.mark.parametrize("language", SUPPORTED)
def test_lexicon_keys_the_code_reads_are_in_every_language(read_keys: set[str], language: str) -> None:
    missing = {k for k in read_keys if k not in FIELDS} - _keys(language)
    assert not missing, f"{language}.toml lacks keys the code reads (write [] for none): {sorted(missing)}"
