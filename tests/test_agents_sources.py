"""Issue 9: who did it and who says so, on the constructions real news uses. Sentences written
for the tests, in every language the construction concerns, through the whole analyser."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _run(analyzer: Any, lang: str, text: str) -> dict[str, Any]:
    out: dict[str, Any] = analyzer.analyze(text, published="2024-05-06", language=lang).to_contract()
    return out


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the party after "according to" reports: it is the accuser, never the doer (issue 9)
        ("de", "Laut einer Mitteilung des ukrainischen Generalstabs hat die russische Armee die Stadt "
               "Wowtschansk erneut aus der Luft angegriffen."),
        ("de", "Nach Angaben des ukrainischen Militärs haben russische Truppen Charkiw beschossen."),
        ("en", "According to the Ukrainian military, Russian forces shelled Kharkiv on Monday."),
        ("fr", "Selon l'armée ukrainienne, les forces russes ont bombardé Kharkiv lundi."),
        ("es", "Según el ejército ucraniano, las fuerzas rusas bombardearon Járkov el lunes."),
        ("ru", "По данным Генштаба ВСУ, российские войска обстреляли Харьков в понедельник."),
        ("uk", "За даними Генштабу ЗСУ, російські війська обстріляли Харків у понеділок."),
        ("ar", "وبحسب الجيش الأوكراني، قصفت القوات الروسية مدينة خاركيف يوم الاثنين."),
    ],
)
def test_agents_source_is_the_accuser_not_the_doer(analyzer: Any, lang: str, text: str) -> None:
    out = _run(analyzer, lang, text)
    assert out["incidents"] and all(i["perpetrator_claimed"] == "Russia" for i in out["incidents"])
    assert ("Ukraine", "accuses", "Russia") in {(c["claimant"], c["kind"], c["target"]) for c in out["claims"]}


@pytest.mark.parametrize(
    ("lang", "text", "perpetrator"),
    [
        # the Syrian government and the armed opposition are sides of their war (issue 9)
        ("ar", "قتل 18 شخصا أمس في سقوط صاروخ مصدره قوات النظام السوري على حي في مدينة حلب.", "Syria"),
        ("en", "The Syrian army shelled Aleppo on Monday, killing five people.", "Syria"),
        ("es", "Los rebeldes sirios atacaron un puesto militar en Alepo el lunes.", "Syrian rebels"),
    ],
)
def test_agents_syrian_sides(analyzer: Any, lang: str, text: str, perpetrator: str) -> None:
    out = _run(analyzer, lang, text)
    assert out["incidents"] and out["incidents"][0]["perpetrator_claimed"] == perpetrator


@pytest.mark.parametrize(
    ("lang", "text", "perpetrator"),
    [
        # a bare word for forces names the party the article last named them by (issue 9)
        ("ar", "شن طيران التحالف أمس غارات على صنعاء. كما قصف الطيران مواقع للحوثيين في صعدة.",
         "Saudi-led coalition"),
        ("ar", "وقالت مصادر في المقاومة الشعبية إن المعارك عنيفة في لحج. وقتل حوثيان في هجوم مسلح "
               "للمقاومة على نقطة بمديرية باجل.", "Popular Resistance"),
        ("de", "Die israelische Armee hat Rafah angegriffen. Am Abend beschoss die Armee Chan Junis.", "Israel"),
        ("fr", "L'armée israélienne a frappé Rafah lundi. Mardi, l'armée a bombardé Khan Younès.", "Israel"),
        ("es", "El ejército israelí atacó Rafah el lunes. El martes, el ejército bombardeó Jan Yunis.", "Israel"),
        ("ru", "Российская армия обстреляла Харьков. Позже армия обстреляла Сумы.", "Russia"),
        ("uk", "Російська армія обстріляла Харків. Пізніше армія обстріляла Суми.", "Russia"),
        ("en", "The Israeli army said it struck Rafah on Monday. Later the army shelled Khan Younis.", "Israel"),
        # another word for the same warplanes
        ("ar", "وكثف طيران التحالف غاراته على مدينة صعدة أمس. وفي الجنوب، قصفت الطائرات مديرية كرش في محافظة لحج.",
         "Saudi-led coalition"),
        ("en", "Israeli jets struck targets in Nabatieh on Monday. Later the aircraft hit a building in Tyre.",
         "Israel"),
    ],
)
def test_agents_bare_forces_take_their_antecedent(analyzer: Any, lang: str, text: str, perpetrator: str) -> None:
    incidents = _run(analyzer, lang, text)["incidents"]
    assert len(incidents) == 2 and incidents[1]["perpetrator_claimed"] == perpetrator


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # two armies named before: the bare one is neither's
        ("de", "Die russische Armee und die ukrainische Armee kämpften um Bachmut. Am Abend beschoss die "
               "Armee Kostjantyniwka."),
        ("ar", "اشتبك الجيش الإسرائيلي مع الجيش اللبناني قرب الحدود. وقصف الجيش بلدة الخيام."),
    ],
)
def test_agents_bare_forces_of_two_sides_name_none(analyzer: Any, lang: str, text: str) -> None:
    incidents = _run(analyzer, lang, text)["incidents"]
    assert incidents and incidents[-1]["perpetrator_claimed"] is None


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # German puts the finite verb second: after a fronted phrase its subject follows it
        ("In Charkiw beschoss die russische Armee ein Wohnhaus.", "Russia"),
        ("Am Montag beschossen russische Truppen die Stadt Charkiw.", "Russia"),
        ("Am Montag beschossen Unbekannte die ukrainische Stadt Charkiw.", None),
    ],
)
def test_agents_german_subject_after_the_verb(analyzer: Any, text: str, perpetrator: str | None) -> None:
    incidents = _run(analyzer, "de", text)["incidents"]
    assert incidents and incidents[0]["perpetrator_claimed"] == perpetrator


@pytest.mark.parametrize(
    ("lang", "text", "accused"),
    [
        # a sentence that goes on reporting ("as noted", "the statement added") is the source's of
        # the sentences before: the Ukrainian command's report yields its accusation (issue 9)
        ("uk", "Згідно з повідомленням штабу АТО, ситуація на фронті загострилася. Як зазначається, бойовики "
               "ДНР обстріляли українські позиції біля Авдіївки.", "Donetsk People's Republic"),
        ("ru", "По данным штаба ООС, ситуация на фронте обострилась. Как отмечается, боевики ДНР обстреляли "
               "позиции ВСУ под Авдеевкой.", "Donetsk People's Republic"),
        ("de", "Das ukrainische Militär teilte mit, die Lage sei angespannt. Wie es weiter hieß, beschossen "
               "russische Truppen die Stadt Charkiw.", "Russia"),
        ("en", "Ukraine's military said the situation had worsened. The statement added that Russian forces "
               "shelled Kharkiv overnight.", "Russia"),
        ("fr", "L'armée ukrainienne a indiqué que la situation s'était aggravée. Selon le communiqué, les forces "
               "russes ont bombardé Kharkiv dans la nuit.", "Russia"),
        ("es", "El ejército ucraniano informó que la situación había empeorado. Según el comunicado, las fuerzas "
               "rusas bombardearon Járkov durante la noche.", "Russia"),
        ("ar", "وقال الجيش الأوكراني إن الوضع تدهور في خاركيف. وأضاف البيان أن القوات الروسية قصفت مدينة سومي ليلا.",
         "Russia"),
    ],
)
def test_claims_continued_report_keeps_its_source(analyzer: Any, lang: str, text: str, accused: str) -> None:
    claims = {(c["claimant"], c["kind"], c["target"]) for c in _run(analyzer, lang, text)["claims"]}
    assert ("Ukraine", "accuses", accused) in claims


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a party word on what was hit ("Ukrainian positions") names the side hit: neither the doer
        # nor the one reporting
        ("ru", "Вчера вечером обстреляли украинские позиции под Авдеевкой."),
        ("uk", "Вчора ввечері обстріляли українські позиції біля Авдіївки."),
        ("de", "Unbekannte beschossen ukrainische Stellungen bei Awdijiwka."),
        ("ar", "قصف مسلحون مواقع أوكرانية قرب مدينة دونيتسك."),
    ],
)
def test_agents_party_on_the_target_is_the_side_hit(analyzer: Any, lang: str, text: str) -> None:
    incidents = _run(analyzer, lang, text)["incidents"]
    assert incidents and all(i["perpetrator_claimed"] is None and i["reported_by"] is None for i in incidents)


@pytest.mark.parametrize(
    "text",
    [
        # reported speech puts German in the subjunctive: "habe", "hätten" are perfect auxiliaries
        # too, and the party's forces may stand between it and the auxiliary
        "Am Sonntag habe die israelische Luftwaffe nach Angaben von Reuters drei Luftangriffe auf einen "
        "Sicherheitskomplex in Damaskus durchgeführt.",
        "Israelische Flugzeuge hätten in der Nacht Lenkbomben über der Stadt Rafah abgeworfen, teilte die Armee mit.",
    ],
)
def test_agents_german_reported_perfect(analyzer: Any, text: str) -> None:
    incidents = _run(analyzer, "de", text)["incidents"]
    assert incidents and incidents[0]["perpetrator_claimed"] == "Israel"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "X accused Y", "X blamed Y", "according to X, Y's forces shelled", in every language
        ("en", "Kyiv blamed Russia for the strike on Kharkiv."),
        ("fr", "Kiev a imputé à la Russie la frappe sur Kharkiv."),
        ("de", "Kiew machte Russland für den Angriff auf Charkiw verantwortlich."),
        ("de", "Nach Angaben Kiews beschossen Truppen Russlands die Stadt Charkiw."),
        ("es", "Kiev culpó a Rusia del ataque contra Járkov."),
        ("ru", "Киев возложил на Россию ответственность за удар по Харькову."),
        ("uk", "Київ поклав на Росію відповідальність за удар по Харкову."),
        ("ar", "حملت أوكرانيا روسيا مسؤولية الهجوم على خاركيف."),
        ("ru", "По украинским данным, российские войска обстреляли Харьков."),
    ],
)
def test_claims_accuser_and_accused(analyzer: Any, lang: str, text: str) -> None:
    claims = {(c["claimant"], c["kind"], c["target"]) for c in _run(analyzer, lang, text)["claims"]}
    assert ("Ukraine", "accuses", "Russia") in claims


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # a party adjective before a word for reports names the source ("ukrainischen Angaben nach")
        ("Kurz nach Mitternacht griff das Militär ukrainischen Angaben nach die Region Sumy an. Russische "
         "Flugzeuge hätten Lenkbomben über der Region Sumy abgeworfen, teilte die Luftwaffe mit.", "Russia"),
        # "im Süden Russlands": the country locates the place, it did not strike
        ("Dabei sei die Anlage nahe der Stadt Armawir im Süden Russlands getroffen worden.", None),
    ],
)
def test_agents_german_source_and_region(analyzer: Any, text: str, perpetrator: str | None) -> None:
    incidents = _run(analyzer, "de", text)["incidents"]
    assert incidents and all(i["perpetrator_claimed"] == perpetrator for i in incidents)


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # a verb that carries an attack word later in its clause opens it, however far the word
        ("إلى ذلك، أمطرت الفصائل المقاتلة المعارضة للنظام السوري أربع بلدات محاصرة في محافظة حلب "
         "بالقذائف الصاروخية والمدفعية.", "Syrian rebels"),
        # after a complementizer the subject comes first
        ("شن طيران التحالف أمس غارات على صنعاء. وقالت مصادر محلية ان الطيران استهدف منزل قائد عسكري في "
         "مدينة عتق.", "Saudi-led coalition"),
    ],
)
def test_agents_arabic_clause_openers(analyzer: Any, text: str, perpetrator: str) -> None:
    incidents = _run(analyzer, "ar", text)["incidents"]
    assert incidents and incidents[-1]["perpetrator_claimed"] == perpetrator

