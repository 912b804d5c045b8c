"""Who speaks in a claim: institutions and officials for their party, organisations that speak
without fighting, every reported form of a Russian or Ukrainian verb, sources without a verb,
condemnations and party adjectives on violence (sentences written for these tests, through the
whole analyser), and real articles of ``../shared`` (skipped without it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from trucewatch.nlp.lexicon import shadow
from trucewatch.nlp.morph import expand_lemmas, verb_forms
from trucewatch.nlp.parties import PartyBook, party_book

ROOT = Path(__file__).resolve().parents[1]


def _claims(analyzer: Any, lang: str, text: str) -> set[tuple[str | None, str, str | None]]:
    out = analyzer.analyze(text, published="2020-07-27", language=lang).to_contract()
    return {(c["claimant"], c["kind"], c["target"]) for c in out["claims"]}


@pytest.mark.parametrize(
    ("lemma", "lang", "forms"),
    [
        ("обвинить", "ru", {"обвинил", "обвинила", "обвинили", "обвинит", "обвинят", "обвинив", "обвинить"}),
        ("заявлять", "ru", {"заявляет", "заявляют", "заявлял", "заявляя"}),
        ("звинуватити", "uk", {"звинуватив", "звинуватила", "звинуватили", "звинуватить", "звинуватити"}),
        ("спростувати", "uk", {"спростував", "спростували", "спростує", "спростують"}),
    ],
)
def test_morph_verb_forms_cover_every_reported_form(lemma: str, lang: str, forms: set[str]) -> None:
    got = set(verb_forms(lemma, lang))
    assert forms <= got
    assert not {f for f in got if f.endswith(("те", "мо"))} & {"обвините", "звинуватимо"}  # no 1st/2nd person


@pytest.mark.parametrize(
    ("phrase", "lang", "want"),
    [("~возложить ответственность на", "ru", "возложили ответственность на"),
     ("~покласти відповідальність на", "uk", "поклала відповідальність на"),
     ("warf", "de", "warf")],
)
def test_morph_expand_lemmas_spells_out_marked_words(phrase: str, lang: str, want: str) -> None:
    assert want in expand_lemmas(phrase, lang)


@pytest.mark.parametrize(
    ("text", "party"),
    [("повідомили у штабі ООС", "Ukraine"), ("сообщили в штабе Объединенных сил", "Ukraine"),
     ("повідомила Херсонська ОВА", "Ukraine"), ("заявил Эдуард Басурин", "Donetsk People's Republic"),
     ("в ЛНР заявили", "Luhansk People's Republic"), ("according to Gaza's health ministry", "Hamas"),
     ("said Synehubov", "Ukraine"), ("Gouverneur Wjatscheslaw Gladkow", "Russia"),
     ("принятое Верховной Радой", "Ukraine"), ("ухвалений Верховною Радою", "Ukraine"),
     ("a vote in the State Duma", "Russia"), ("депутаты Госдумы", "Russia")],
)
def test_parties_institutions_speak_for_their_party(text: str, party: str) -> None:
    found = {m.party for m in party_book().mentions(shadow(text))}
    assert party in found


@pytest.mark.parametrize("text", ["UN Secretary-General Antonio Guterres called for a pause.",
                                  "Генсек ООН призвал к перемирию.", "Die NATO und die OSZE warnten."])
def test_parties_organisations_are_speakers_for_claims_only(text: str) -> None:
    """The UN, NATO, the OSCE are no side of the article: never a mention of the incident stages
    or a side of its dyad, only a speaker for claims."""
    book = party_book()
    sh = shadow(text)
    assert book.mentions(sh) == [] and book.dyad_of(book.mentions(sh)) == ()
    assert book.organisations(sh, []) != []


@pytest.mark.parametrize("second", [{"name": "Ukraine", "aliases": ["штаб оос"], "people": ["мотузяник"]}])
def test_parties_a_second_block_adds_names_to_a_party(second: dict[str, Any]) -> None:
    first = {"name": "Ukraine", "acled_actor": "A", "country": "UA", "timezone": "Europe/Kyiv",
             "aliases": ["ukraine"], "heads": ["zelensky"]}
    book = PartyBook({"party": [first, second]})
    assert book.parties["Ukraine"].country == "UA" and book.parties["Ukraine"].heads == ("zelensky",)
    assert {m.party for m in book.mentions(shadow("Мотузяник: штаб ООС"))} == {"Ukraine"}


_DONBAS = {"ru": "ДНР и Украина подписали перемирие в Минске. ",
           "uk": "ДНР і Україна підписали перемир'я в Мінську. "}


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # the Ukrainian side's report of the other side's fire: the militants are the speaker's opponent
        ("uk", _DONBAS["uk"] + "Вчора бойовики обстріляли позиції ЗСУ біля Авдіївки з мінометів, "
                               "повідомили у штабі ООС.",
         ("Ukraine", "accuses", "Donetsk People's Republic")),
        ("ru", _DONBAS["ru"] + "Боевики 12 раз обстреляли позиции ВСУ у Марьинки, сообщили в штабе ООС.",
         ("Ukraine", "accuses", "Donetsk People's Republic")),
        # the next sentence says whose report it was
        ("uk", _DONBAS["uk"] + "Бойовики 20 разів обстріляли позиції ЗСУ біля Мар'їнки. "
                               "Про це повідомляє прес-центр штабу АТО.",
         ("Ukraine", "accuses", "Donetsk People's Republic")),
        ("ru", _DONBAS["ru"] + "Украинские силовики обстреляли Горловку. Об этом сообщили в Народной милиции ДНР.",
         ("Donetsk People's Republic", "accuses", "Ukraine")),
        # no other side named in the article: the militants are the separatists of the place's region
        ("uk", "За даними штабу ООС, бойовики обстріляли позиції ЗСУ біля Мар'їнки.",
         ("Ukraine", "accuses", "Donetsk People's Republic")),
        ("ru", "Боевики обстреляли Попасную, сообщили в штабе ООС.",
         ("Ukraine", "accuses", "Luhansk People's Republic")),
        # a gerund after a comma does what the subject of its clause does
        ("uk", _DONBAS["uk"] + "Бойовики порушили домовленості, обстрілюючи позиції ЗСУ, повідомили у штабі ООС.",
         ("Ukraine", "accuses", "Donetsk People's Republic")),
        ("ru", _DONBAS["ru"] + "Боевики нарушили договоренности, обстреливая позиции ВСУ, сообщили в штабе ООС.",
         ("Ukraine", "accuses", "Donetsk People's Republic")),
        # every form of the verb: a future, a gerund
        ("ru", "Украина обвинит Россию в нарушении перемирия.", ("Ukraine", "accuses", "Russia")),
        ("uk", "Штаб ООС спростовує звинувачення у порушенні перемир'я.", ("Ukraine", "denies", None)),
        ("ru", "Россия возложила вину на Украину за обстрел Донецка.", ("Russia", "accuses", "Ukraine")),
        ("en", "Moscow accused Kyiv of shelling Donetsk. Kyiv refuted the allegations.", ("Ukraine", "denies", None)),
        # compliance with a truce the article does not itself declare
        ("ru", "Басурин заявил, что армия ДНР строго соблюдает режим прекращения огня.",
         ("Donetsk People's Republic", "asserts_compliance", None)),
        # sources without a verb, in apposition, or a verb closing its clause
        ("de", "Bei ukrainischen Angriffen in der Region Belgorod sollen nach Angaben des Gouverneurs, "
               "Wjatscheslaw Gladkow, drei Einwohner getötet worden sein.", ("Russia", "accuses", "Ukraine")),
        ("de", "Israelische Luftangriffe auf Rafah töteten fünf Menschen, wie die Hamas am Montag mitteilte.",
         ("Hamas", "accuses", "Israel")),
        ("es", "Los bombardeos israelíes mataron a cinco personas en Rafah, según el Ministerio de Salud de Gaza.",
         ("Hamas", "accuses", "Israel")),
        ("ar", "قتل خمسة أشخاص في غارات إسرائيلية على رفح، بحسب وزارة الصحة في غزة.", ("Hamas", "accuses", "Israel")),
        # a condemnation names the accused
        ("en", "Kyiv condemned the Russian strikes on Odesa.", ("Ukraine", "accuses", "Russia")),
        ("ru", "Киев осудил российские обстрелы Одессы.", ("Ukraine", "accuses", "Russia")),
        ("de", "Die Ukraine verurteilte die russischen Angriffe auf Odessa.", ("Ukraine", "accuses", "Russia")),
        ("ar", "أدانت حماس الغارات الإسرائيلية على رفح.", ("Hamas", "accuses", "Israel")),
        # verb first: the caller and whom it calls on stand between the verb and the truce; the
        # party after the verb, not one of the clause before, is its subject
        ("ar", "دعا الرئيس اليمني عبد ربه منصور هادي، الميليشيات الحوثية وقوات صالح إلى احترام الهدنة الإنسانية.",
         ("Yemen", "calls_for_ceasefire", None)),
        ("ar", "رحبت جامعة الدول العربية بالهدنة، بينما دعت الأمانة العامة لمجلس التعاون الخليجي إلى احترام الهدنة.",
         ("Gulf Cooperation Council", "calls_for_ceasefire", None)),
        # an organisation that speaks without fighting
        ("en", "UN Secretary-General Antonio Guterres called for a ceasefire in Gaza.",
         ("United Nations", "calls_for_ceasefire", None)),
        ("fr", "Le président français Emmanuel Macron a appelé à un cessez-le-feu immédiat.",
         ("France", "calls_for_ceasefire", None)),
    ],
)
def test_claims_speakers_found_in_every_language(analyzer: Any, lang: str, text: str,
                                                 want: tuple[str, str, str | None]) -> None:
    assert want in _claims(analyzer, lang, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        # the victim of a condemned attack is not accused
        ("en", "Israel condemned the attack on Israeli soldiers.", "Israel"),
        ("de", "Israel verurteilte den Angriff auf Israel.", "Israel"),
        ("ar", "أدانت إسرائيل الهجوم على الجنود الإسرائيليين.", "Israel"),
        # militants of no region the sentence names are no party
        ("uk", "Бойовики 12 разів порушили режим тиші на Донбасі, повідомили у штабі ООС.",
         "Donetsk People's Republic"),
        # a party named only inside what someone else says does not deny
        ("ar", "ونفى المتحدث أن يكون مبعوث الأمم المتحدة قد ناقش وقف إطلاق النار.", "United Nations"),
    ],
)
def test_claims_speakers_make_no_claim_for_the_wrong_party(analyzer: Any, lang: str, text: str, absent: str) -> None:
    got = _claims(analyzer, lang, text)
    assert not {c for c in got if c[1] == "accuses" and c[2] == absent or c[1] == "denies" and c[0] == absent}


_REAL = [
    # (label file, claim a careful reader finds there)
    ("news/tagesschau-2024-05-24-ukraine-liveblog-selenskyj-reist-offenbar-kurzfris.json",
     ("Russia", "accuses", "Ukraine")),
    ("news/tagesschau-2025-05-08-vereinzelte-luftangriffe-trotz-feuerpause.json", ("Russia", "accuses", "Ukraine")),
    ("news/mercurynews-2022-04-19-russia-says-west-pushing-ukraine-to-fight-on.json",
     ("United Nations", "calls_for_ceasefire", None)),
    ("news-2/aawsat-2015-08-06-alamm-almthda-tdw-lhdna-tdmn-anshab-alhwthyyn-wwda.json",
     ("United Nations", "calls_for_ceasefire", None)),
]


@pytest.mark.model
@pytest.mark.parametrize(("label", "want"), _REAL)
def test_claims_speakers_on_real_articles(analyzer: Any, shared: Path, label: str,
                                          want: tuple[str, str, str | None]) -> None:
    """Real articles (``../shared/corpus``): the claim their label records is found."""
    lab = json.loads((ROOT / "tests/real/labels" / label).read_text(encoding="utf-8"))
    record = json.loads((shared / "corpus" / lab["file"]).read_text(encoding="utf-8"))
    out = analyzer.analyze(record["text"], published=lab["published"], language=record.get("language")).to_contract()
    assert want in {(c["claimant"], "accuses" if c["kind"] == "accuses_violation" else c["kind"], c["target"])
                    for c in out["claims"]}
