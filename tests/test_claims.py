"""Claims: who says a party did it, denies it or keeps the truce, read from each language's
constructions (sentences written for these tests, through the whole analyser)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _claims(analyzer: Any, lang: str, text: str) -> set[tuple[str | None, str, str | None]]:
    out = analyzer.analyze(text, published="2024-05-10", language=lang).to_contract()
    return {(c["claimant"], c["kind"], c["target"]) for c in out["claims"]}


def test_the_accuser_is_the_claimant_and_the_accused_the_perpetrator(analyzer: Any) -> None:
    """'Ukraine accused Russia of the attack': the subject of the accusation made no attack."""
    text = "A missile hit Kharkiv on Monday, killing three people. Ukraine accused Russia of the attack."
    out = analyzer.analyze(text, published="2024-05-10", language="en").to_contract()
    (inc,) = out["incidents"]
    assert (inc["perpetrator_claimed"], inc["perpetrator_claimed_by"]) == ("Russia", "Ukraine")
    assert {(c["claimant"], c["kind"], c["target"]) for c in out["claims"]} == {("Ukraine", "accuses", "Russia")}


_TRUCE = {"en": "Russia declared a ceasefire from 6 January. ", "ru": "Россия объявила перемирие с 6 января. ",
          "uk": "Росія оголосила перемир'я з 6 січня. ", "ar": "أعلنت إسرائيل هدنة اعتبارا من 6 يناير. ",
          "fr": "La Russie a décrété un cessez-le-feu à partir du 6 janvier. ",
          "de": "Russland hat eine Waffenruhe ab dem 6. Januar verkündet. ",
          "es": "Israel declaró una tregua desde el 6 de enero. "}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # an accusation: the accused right after the verb, the accuser its subject
        ("en", "Kyiv accused Moscow of violating the truce on Sunday.", {("Ukraine", "accuses", "Russia")}),
        ("en", "Israel held Hamas responsible for the attack on the convoy.", {("Israel", "accuses", "Hamas")}),
        ("en", "Kyiv blamed the strike on Moscow.", {("Ukraine", "accuses", "Russia")}),
        ("fr", "L'Ukraine a accusé la Russie d'avoir violé la trêve.", {("Ukraine", "accuses", "Russia")}),
        ("de", "Selenskyj warf Russland vor, die Waffenruhe gebrochen zu haben.",
         {("Ukraine", "accuses", "Russia")}),
        ("es", "Israel acusó a Hamás de violar la tregua.", {("Israel", "accuses", "Hamas")}),
        ("ru", "Украина обвинила Россию в нарушении перемирия.", {("Ukraine", "accuses", "Russia")}),
        ("uk", "Україна звинуватила Росію у порушенні режиму тиші.", {("Ukraine", "accuses", "Russia")}),
        ("ar", "حمّلت حماس إسرائيل المسؤولية عن الهجوم.", {("Hamas", "accuses", "Israel")}),
        # the subject after the verb (Arabic, German inversion)
        ("ar", "اتهمت حماس إسرائيل بخرق الهدنة.", {("Hamas", "accuses", "Israel")}),
        ("de", "Am Montag warf Israel der Hamas vor, die Waffenruhe gebrochen zu haben.",
         {("Israel", "accuses", "Hamas")}),
        # passive: the accuser after "by"
        ("en", "Russia declared a truce but was accused by Ukraine of breaking it.",
         {("Ukraine", "accuses", "Russia")}),
        ("fr", "La Russie a été accusée par l'Ukraine de bombarder Kharkiv.", {("Ukraine", "accuses", "Russia")}),
        # an accusation noun: the party before it accuses, the one after it is accused
        ("en", "The blast drew Ukrainian accusations that the Russians had mined the dam.",
         {("Ukraine", "accuses", "Russia")}),
        # both sides at once
        ("en", "Israel and Hamas accused each other of breaching the ceasefire.",
         {("Israel", "accuses", "Hamas"), ("Hamas", "accuses", "Israel")}),
        ("ru", "Россия и Украина обвинили друг друга в срыве перемирия.",
         {("Russia", "accuses", "Ukraine"), ("Ukraine", "accuses", "Russia")}),
        ("ar", "تبادلت إسرائيل وحماس الاتهامات بخرق الهدنة.",
         {("Israel", "accuses", "Hamas"), ("Hamas", "accuses", "Israel")}),
        # a violation said by a party
        ("en", "Ukraine said Russia violated the ceasefire overnight.", {("Ukraine", "accuses_violation", "Russia")}),
        ("uk", "За словами Зеленського, Росія порушила перемир'я.", {("Ukraine", "accuses_violation", "Russia")}),
        # culpability said: the subject of "guilty of" / "виновна в", by whom the sentence quotes
        ("en", "Ukraine says Russia is guilty of genocide.", {("Ukraine", "accuses", "Russia")}),
        ("ru", "Киев заявил, что Россия виновна в обстреле.", {("Ukraine", "accuses", "Russia")}),
        # an attack reported by a party: the attacker tied to the word of violence
        ("uk", "Російські війська обстріляли Херсон, повідомили в Генштабі ЗСУ.", {("Ukraine", "accuses", "Russia")}),
        ("en", "Israeli strikes killed 20 people in Gaza, the Hamas-run health ministry said.",
         {("Hamas", "accuses", "Israel")}),
        # a declined surname speaks for its party ("за словами Залужного")
        ("uk", "За словами Залужного, росіяни порушили перемир'я.", {("Ukraine", "accuses_violation", "Russia")}),
        # denials: of an allegation, by an office ("в Кремле"), with the subject after the verb
        ("en", "Moscow denied the allegations.", {("Russia", "denies", None)}),
        ("fr", "Moscou a démenti ces accusations.", {("Russia", "denies", None)}),
        ("de", "Russland hat die Vorwürfe bestritten.", {("Russia", "denies", None)}),
        ("es", "Rusia negó cualquier responsabilidad.", {("Russia", "denies", None)}),
        ("ru", "В Кремле опровергли эти обвинения.", {("Russia", "denies", None)}),
        ("uk", "У Генштабі ЗСУ заперечують причетність.", {("Ukraine", "denies", None)}),
        ("ar", "ونفت إسرائيل الاتهامات.", {("Israel", "denies", None)}),
        # violations that are a verb's object were committed by its subject
        ("en", "The United Nations says Israel has committed 300 violations of the ceasefire.",
         {("United Nations", "accuses_violation", "Israel")}),
        # a condemned deed whose doer follows it ("der", "by": ``claims.violation_by``)
        ("de", "Der israelische Außenminister kritisierte die Erklärung der Hamas scharf.",
         {("Israel", "accuses", "Hamas")}),
        ("en", "Kyiv condemned the latest statement by Moscow.", {("Ukraine", "accuses", "Russia")}),
        # the bare word for a side's forces speaks for the party the article gave it before
        ("de", "Die ukrainische Luftwaffe meldete am Montag neue Angriffe. Russische Kampfflugzeuge hätten "
               "Lenkbomben über Sumy abgeworfen, teilte die Luftwaffe mit.", {("Ukraine", "accuses", "Russia")}),
        ("en", "The Israeli army struck targets in Gaza on Monday. Hamas fighters had fired rockets at Sderot "
               "earlier, the army said.", {("Israel", "accuses", "Hamas")}),
        ("fr", "L'armée israélienne a frappé Gaza lundi. Le Hamas a tiré des roquettes sur Sdérot, "
               "a indiqué l'armée.", {("Israel", "accuses", "Hamas")}),
        # not where it does what the speaker tells
        ("en", "Russia's defence ministry said on Saturday that its forces had shot down a Ukrainian jet.", set()),
        # a parliament speaks and acts for its state
        ("ru", "Президент России подверг критике принятое Верховной Радой решение о выборах.",
         {("Russia", "accuses", "Ukraine")}),
    ],
)
def test_claims_of_each_construction(analyzer: Any, lang: str, text: str, want: set[Any]) -> None:
    assert _claims(analyzer, lang, text) == want


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Critics accuse Hezbollah of dragging Lebanon into war."),  # the accuser is no party
        ("en", "Israel denied entry to the aid convoy."),  # a denial of no charge
        ("en", "Russian embassies keep trying to deflect blame for the war."),  # "blame" names no one
        ("en", "KYIV, Ukraine  Reporters in Kyiv say Russian drones hit a depot overnight."),  # a dateline
        ("ru", "Он обвинил Украину в обстреле."),  # a pronoun with no party before it
        ("ru", "Трамп пообещал отправить Украине десять ракет."),  # who receives missiles fires none
        ("en", "Trump added that Israel should hit back when its soldiers are targeted."),  # a call, not a report
        ("de", "Dieser habe die Glaubwürdigkeit des ukrainischen Präsidenten bestritten."),  # an object, not the denier
        ("fr", "Les deux pays se rejettent mutuellement la responsabilité des combats."),  # two sides never named
        # a dummy subject: nobody refuses ("it" is not the side named before)
        ("en", "Russia declared a truce. It was right to refuse the truce, she said."),
    ],
)
def test_no_claim_without_a_party_in_each_role(analyzer: Any, lang: str, text: str) -> None:
    assert _claims(analyzer, lang, text) == set()


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("en", "Hamas said it remains committed to the ceasefire.", {("Hamas", "asserts_compliance", None)}),
        ("ru", "Минобороны России заявило, что российские войска строго соблюдают режим тишины.",
         {("Russia", "asserts_compliance", None)}),
        # a call on another party to respect it, a negated or a conditional one: no assertion
        ("en", "Ukraine urged Russia to respect the ceasefire.", set()),
        ("ar", "ودعا الرئيس اليمني الحوثيين إلى احترام الهدنة.", set()),
        ("ar", "وقال مسؤول إن حماس لم تلتزم بالهدنة.", set()),
    ],
)
def test_compliance_is_the_speakers_own(analyzer: Any, lang: str, text: str, want: set[Any]) -> None:
    got = {c for c in _claims(analyzer, lang, _TRUCE[lang] + text) if c[1] == "asserts_compliance"}
    assert got == want


def test_a_denial_answers_the_accusation_before_it(analyzer: Any) -> None:
    """'... denied the accusations' is about the incident the sentence before accused it of."""
    text = ("Hezbollah accused Israel of shelling Khiam on Friday, killing one person. "
            "The Israeli army denied the accusations.")
    out = analyzer.analyze(text, published="2024-11-30", language="en").to_contract()
    (inc,) = out["incidents"]
    denial = [c for c in out["claims"] if c["kind"] == "denies"]
    assert denial and denial[0]["claimant"] == "Israel" and denial[0]["about"] == [inc["id"]]
    assert out["judgements"] == [] or all(j["attribution"] == "contested" for j in out["judgements"])


def test_an_incident_claim_keeps_the_sentence_that_says_who_did_it(analyzer: Any) -> None:
    text = ("A missile hit a school in Kharkiv on Monday. "
            "Two people were killed by Russian shelling in Kharkiv, the regional governor Oleh Synehubov said, "
            "according to Ukraine's interior ministry.")
    claims = analyzer.analyze(text, published="2024-05-10", language="en").to_contract()["claims"]
    accusing = [c for c in claims if (c["claimant"], c["kind"], c["target"]) == ("Ukraine", "accuses", "Russia")]
    assert accusing and all("Russian shelling" in c["evidence"][0]["text"] for c in accusing)


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("en", "Ukraine called for a 30-day ceasefire.", {("Ukraine", "calls_for_ceasefire", None)}),
        ("en", "Ukraine has agreed to a US proposal for a ceasefire.", {("Ukraine", "accepts_ceasefire", None)}),
        ("fr", "Le Hamas a appelé à un cessez-le-feu immédiat.", {("Hamas", "calls_for_ceasefire", None)}),
        ("de", "Die Hamas hat eine sofortige Waffenruhe gefordert.", {("Hamas", "calls_for_ceasefire", None)}),
        ("de", "Israel stimmte der Waffenruhe zu.", {("Israel", "accepts_ceasefire", None)}),
        ("es", "Israel aceptó la tregua.", {("Israel", "accepts_ceasefire", None)}),
        ("ru", "Президент России поддержал эту договоренность.", {("Russia", "accepts_ceasefire", None)}),
        ("ru", "Зеленский призвал к прекращению огня.", {("Ukraine", "calls_for_ceasefire", None)}),
        ("uk", "Зеленський закликав до припинення вогню.", {("Ukraine", "calls_for_ceasefire", None)}),
        # the end of fighting named as a truce; "insists that" a truce is needed calls for it
        ("ru", "Кремль заявил, что Россия выступает за остановку боевых действий.",
         {("Russia", "accepts_ceasefire", None)}),
        ("ru", "Зеленский настаивает, что нужно договориться о прекращении боев.",
         {("Ukraine", "calls_for_ceasefire", None)}),
        ("uk", "Зеленський наполягає, що потрібна домовленість про припинення боїв.",
         {("Ukraine", "calls_for_ceasefire", None)}),
        ("ar", "ورحبت حماس بالهدنة.", {("Hamas", "accepts_ceasefire", None)}),
        ("ar", "ودعت إسرائيل إلى وقف إطلاق النار.", {("Israel", "calls_for_ceasefire", None)}),
        ("en", "Zelensky rejected Russia's unilateral three-day ceasefire.", {("Ukraine", "rejects_ceasefire", None)}),
        # "إنه" (that he) is the one who speaks earlier in the sentence
        ("ar", "وقال زعيم جماعة الحوثي إنه يرفض وقف إطلاق النار.", {("Houthis", "rejects_ceasefire", None)}),
        ("ru", "Москва отвергла предложение о перемирии.", {("Russia", "rejects_ceasefire", None)}),
        # pushed to agree, a guess in another's quotation: nobody accepts
        ("en", "Washington was pushing Russia and Ukraine to agree to a ceasefire.", set()),
        ("en", '"Zelensky will hardly accept the ceasefire," a Russian lawmaker said.', set()),
        # rejecting calls for a truce rejects the truce; nobody calls for it
        ("en", "Russia rejected calls for a ceasefire.", {("Russia", "rejects_ceasefire", None)}),
        # a stance noun that is the object of a verb: that verb's subject holds it, and the truce
        # is the noun's own complement however far
        ("fr", "Le maréchal Haftar a annoncé son accord à ce cessez-le-feu.",
         {("Libyan National Army", "accepts_ceasefire", None)}),
        ("fr", "Le gouvernement turc a confirmé son refus des propositions répétées de plusieurs pays "
               "d'un cessez-le-feu.",
         {("Turkey", "rejects_ceasefire", None)}),
        # a verb that closes its clause: the truce anywhere in that clause is its object
        ("de", "Moskau hat eine Waffenruhe im Austausch gegen einen Rückzug aller Truppen "
               "aus den umkämpften Regionen angeboten.", {("Russia", "calls_for_ceasefire", None)}),
        ("de", "Die Ukraine meldete eine Waffenruhe, und Russland hat neue Verhandlungen gefordert.", set()),
        # a separable verb's frame holds the truce ("wies ... zurück", "sich für ... ausgesprochen")
        ("de", "Die Ukraine wies den Vorschlag einer Waffenruhe zurück.", {("Ukraine", "rejects_ceasefire", None)}),
        ("de", "Die Hamas hat sich für eine sofortige Waffenruhe ausgesprochen.",
         {("Hamas", "calls_for_ceasefire", None)}),
        ("de", "Die Hamas hat sich für eine Öffnung der Grenzübergänge ausgesprochen.", set()),
        ("de", "Die Ukraine schlug eine dreißigtägige Waffenruhe vor.", {("Ukraine", "calls_for_ceasefire", None)}),
        ("de", "Die Ukraine schlug vor, die Gespräche in Genf fortzusetzen.", set()),
        ("en", "Israel expressed its rejection of the truce.", {("Israel", "rejects_ceasefire", None)}),
        ("en", "Moscow ruled out a ceasefire.", {("Russia", "rejects_ceasefire", None)}),
        # rejecting an allegation about the truce is a denial, no truce rejected
        ("ru", "Кремль отверг обвинения в нарушении перемирия.", set()),
        ("en", "Israel rejected the allegations that it violated the truce.", set()),
        # the Yemeni president speaks for the government ("الرئيس اليمني"), his name set off by commas
        ("ar", "ودعا الرئيس اليمني، عبد ربه منصور هادي، جميع الأطراف إلى احترام الهدنة.",
         {("Yemen", "calls_for_ceasefire", None)}),
    ],
)
def test_calls_for_acceptance_and_rejection_of_a_truce(analyzer: Any, lang: str, text: str, want: set[Any]) -> None:
    kinds = {"calls_for_ceasefire", "accepts_ceasefire", "rejects_ceasefire"}
    got = {c for c in _claims(analyzer, lang, text) if c[1] in kinds}
    assert got == want
