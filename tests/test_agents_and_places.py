"""Who is said to have attacked, and which words are no places: sentences from real reporting
patterns, through the whole analyser."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("lang", "text", "perpetrator"),
    [
        # the demonym right before the weapon, whatever the parse makes of "by"
        ("en", "Four civilians were wounded overnight by Russian shelling in Luhansk, its governor said.", "Russia"),
        # the speaker itself as the subject of the attack it reports
        ("en", "Russia said it struck areas around Dnipro with missiles.", "Russia"),
        ("en", "The Russian defence ministry said its missiles struck a military depot in Dnipro.", "Russia"),
        # the subject of the verb the weapon hangs from ("hit ... with cruise missile strikes")
        ("en", "Russia hit Kyiv with cruise missile strikes while the UN chief was visiting the city.", "Russia"),
        # a passive report names the victim, not the doer
        ("en", "Ukraine said it was hit by shelling in Kherson.", None),
        # the weapon word names the target ("the Russian missile cruiser"), not the attacker
        ("en", "One sailor died after the Russian missile cruiser was hit in the Black Sea.", None),
    ],
)
def test_claimed_perpetrator(analyzer: Any, lang: str, text: str, perpetrator: str | None) -> None:
    incidents = analyzer.analyze(text, published="2022-04-21", language=lang).to_contract()["incidents"]
    assert incidents and incidents[0]["perpetrator_claimed"] == perpetrator


def test_a_common_noun_is_no_place_even_when_geonames_lists_it(analyzer: Any) -> None:
    """GeoNames lists "Kinder" among the names of Granite City, Illinois; in German it is children."""
    text = ("Nach Angaben des Kuwait-Krankenhauses in Rafah wurden auch Kinder bei einem Luftangriff "
            "auf ihr Wohnhaus getötet.")
    incidents = analyzer.analyze(text, published="2024-05-08", language="de").to_contract()["incidents"]
    assert incidents and {i["place"] for i in incidents} <= {"Rafah", "Rafaḩ"}


def test_a_surname_seen_in_full_is_no_town(analyzer: Any) -> None:
    text = ("On Friday, Oleksiy Danilov, secretary of the security council, denied it.\n\n"
            "Danilov was speaking soon after an explosion in Donetsk wrecked a vehicle.")
    incidents = analyzer.analyze(text, published="2022-02-19", language="en").to_contract()["incidents"]
    assert incidents and {i["place"] for i in incidents} == {"Donetsk"}


@pytest.mark.parametrize(
    "text",
    [
        "Washington has denied targeting civilians in the 2017 air strikes on Raqqa.",  # history, dated
        # a photo caption; one that dates its picture to a recent day is kept as the news (the
        # labelled articles code those as incidents: extract/plover.py)
        "Damaged and burned vehicles are seen at the steel works in Mariupol.",
        "The UN chief is calling for a four-day halt in fighting in Ukraine.",  # an aim, not an event
        "Moscow used the pause in the fighting to send a signal to the White House.",
    ],
)
def test_no_incident_in(analyzer: Any, text: str) -> None:
    assert analyzer.analyze(text, published="2022-04-21", language="en").to_contract()["incidents"] == []


def test_fighter_jets_are_an_air_strike_not_a_fight(analyzer: Any) -> None:
    text = "Aviones de combate israelíes llevaron a cabo varios ataques contra objetivos en la franja de Gaza."
    incidents = analyzer.analyze(text, published="2014-01-02", language="es").to_contract()["incidents"]
    assert [i["acled_sub_event_type"] for i in incidents] == ["Air/drone strike"]


@pytest.mark.parametrize(
    ("lang", "text", "region"),
    [
        ("en", "At least five people were killed when rockets fell in the Vinnytsia region.", "Vinnyts'ka"),
        ("en", "Russian strikes hit railway stations in the central Ukraine region of Vinnytsia.", "Vinnyts'ka"),
        ("en", "Russian forces were attacking on all sides, Luhansk regional governor Serhiy Gaidai said.", "Luhansk"),
        ("de", "Ein Mann kam bei einem Angriff in der Region Saporischschja ums Leben.", "Zaporizhia"),
        ("de", "Auch aus den Gebieten Charkiw, Donezk und Winnyzja wurden Explosionen gemeldet.", "Kharkiv"),
    ],
)
def test_a_region_named_as_such_is_the_region_at_its_capital(analyzer: Any, lang: str, text: str,
                                                             region: str) -> None:
    """ACLED's geo_precision 3, at the regional capital's coordinates, as ACLED codes it."""
    incidents = analyzer.analyze(text, published="2022-04-25", language=lang).to_contract()["incidents"]
    assert incidents and (incidents[0]["place"], incidents[0]["geo_precision"]) == (region, 3)
    assert incidents[0]["lat"] is not None


def test_a_region_word_belongs_to_its_own_name(analyzer: Any) -> None:
    text = ("A planned corridor from villages in the Kherson region to Dnipro did not go ahead on Thursday "
            "due to constant shelling from Russian forces.")
    places = [(i["place"], i["geo_precision"])
              for i in analyzer.analyze(text, published="2022-04-21", language="en").to_contract()["incidents"]]
    assert ("Dnipropetrovsk", 3) not in places


@pytest.mark.parametrize(
    ("lang", "text", "published", "interval"),
    [
        ("en", "Russian missiles hit the Babyn Yar memorial site in Kyiv in early March.", "2022-04-21",
         ("2022-03-01", "2022-04-01")),
        ("de", "Im Juni wurde Charkiw von russischer Artillerie beschossen.", "2024-07-10",
         ("2024-06-01", "2024-07-01")),
        ("en", "A grain silo in the southern city of Mykolaiv was burned in December.", "2023-01-10",
         ("2022-12-01", "2023-01-01")),
    ],
)
def test_a_month_without_a_day_is_the_whole_month(analyzer: Any, lang: str, text: str, published: str,
                                                  interval: tuple[str, str]) -> None:
    out = analyzer.analyze(text, published=published, language=lang).to_contract()
    incidents = out["incidents"] + out["other_incidents"]  # a month back is a recap, set aside with its time
    assert incidents and (incidents[0]["time_earliest"][:10], incidents[0]["time_latest"][:10]) == interval


def test_a_month_long_before_publication_is_history(analyzer: Any) -> None:
    text = "Rockets hit Kharkiv in May, officials said."
    assert analyzer.analyze(text, published="2024-07-10", language="en").to_contract()["incidents"] == []


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("Noch am Dienstagnachmittag hatte Israel nach Armeeangaben den Flughafen von Sanaa angegriffen.", "Israel"),
        ("Die Hisbollah hat nach eigenen Angaben ein Lager in der Stadt Binjamina angegriffen.", "Hezbollah"),
        ("Russland hat Charkiw in der Nacht mit Raketen beschossen.", "Russia"),
        # the party beside the auxiliary said something; the attacker is someone else
        ("Die Ukraine hat erklärt, in der Nacht sei Charkiw mit Raketen beschossen worden.", None),
    ],
)
def test_german_perfect_tense_names_the_attacker_without_a_parser(analyzer: Any, text: str,
                                                                   perpetrator: str | None) -> None:
    incidents = analyzer.analyze(text, published="2025-05-06", language="de").to_contract()["incidents"]
    assert incidents and incidents[0]["perpetrator_claimed"] == perpetrator


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "In Kiew waren in der Nacht Explosionen zu hören."),
        ("es", "Las explosiones se oyeron en Járkov durante la noche."),
        ("ru", "В Харькове ночью были слышны взрывы."),
        ("uk", "У Херсоні вночі було чути вибухи."),
    ],
)
def test_explosions_heard_are_evidence_heard_in_every_language(analyzer: Any, lang: str, text: str) -> None:
    """``filters.heard``: the words were French and English only."""
    [incident] = analyzer.analyze(text, published="2024-05-06", language=lang).to_contract()["incidents"]
    assert incident["evidence_kind"] == "heard"


def test_a_place_in_its_region_without_a_comma_in_arabic(analyzer: Any) -> None:
    """'X في Y': Y is X's region (``filters.region_gap``), not the place of the fighting."""
    text = "قتل ثلاثة مقاتلين في اشتباكات عنيفة في المسيمير في لحج."
    [incident] = analyzer.analyze(text, published="2024-05-06", language="ar").to_contract()["incidents"]
    assert (incident["place"], incident["geo_precision"]) == ("Al Musaymīr", 1)


@pytest.mark.parametrize(("text", "party"), [
    ("قصفت القوات الإسرائيلية مدينة خان يونس.", "Israel"),
    ("وقصف المتمردون الحوثيون أحياء سكنية في مدينة عدن.", "Houthis"),
    ("قصفت المدفعية مواقع الحوثيين في مدينة عدن.", None),
    # a militia and the state's army named together: the army's (ACLED's actor), whatever the verb
    ("تمكنت المقاومة الشعبية والجيش الوطني الشرعي أمس من السيطرة على مدينة عدن.", "Yemen"),
    ("تقدمت المقاومة الشعبية والجيش اليمني في لحج. وقالت مصادر إن المقاومة والجيش استكملوا سيطرتهم "
     "على مدينة تعز.", "Yemen"),
    # subject first: the party after the verb is its object
    ("قالت مصادر إن المقاومة الشعبية استهدفت الحوثيين في مدينة تعز.", "Popular Resistance"),
    ("وقالت المقاومة الشعبية إنها استهدفت الحوثيين في مدينة تعز.", None),
])
def test_agent_after_a_verb_first_in_arabic(analyzer: Any, text: str, party: str | None) -> None:
    """Verb first, then the armed men, then their party: the party did it; the positions shelled
    are the target, and a place noun after the demonym is the object (adjectives follow nouns)."""
    a = analyzer.analyze(text, published="2015-07-27", language="ar")
    assert [i.perpetrator_claimed for i in a.incidents] == [party]


def test_an_ambush_in_arabic_is_a_clash_and_the_country_is_no_place(analyzer: Any) -> None:
    """'كمين' (an ambush) names an armed clash; 'جنوب البلاد' (the south of the country) names no
    town called Al Bilad."""
    text = "قتل أربعة جنود أمس في كمين في مدينة عدن في جنوب البلاد."
    incidents = analyzer.analyze(text, published="2015-07-27", language="ar").to_contract()["incidents"]
    assert [(i["place"], i["acled_sub_event_type"]) for i in incidents] == [("Aden", "Armed clash")]


@pytest.mark.parametrize(("text", "places"), [
    ("قصفت طائرات التحالف مواقع الحوثيين في مدينة الحديدة، جنوب غربي العاصمة صنعاء.", ["Al Ḩudaydah"]),
    ("قصفت طائرات التحالف مواقع الحوثيين في مدينة زنجبار شرق مدينة عدن.", ["Zinjibār"]),
    ("قصفت طائرات التحالف مواقع الحوثيين في شمال صنعاء.", ["Sanaa"]),  # in the north of it
])
def test_a_place_that_only_locates_another_is_no_scene_in_arabic(analyzer: Any, text: str, places: list[str]) -> None:
    """'X, south-west of Sanaa': the second city is a reference point (``filters.reference_direction``)."""
    incidents = analyzer.analyze(text, published="2015-07-27", language="ar").to_contract()["incidents"]
    assert [i["place"] for i in incidents] == places
    assert all(i["acled_sub_event_type"] == "Air/drone strike" for i in incidents)


@pytest.mark.parametrize(("lang", "text", "sub_type"), [
    ("uk", "Вчора українські війська витіснили ворога з села біля Авдіївки.", "Government regains territory"),
    ("ru", "Вчера украинские военные вытеснили противника из села у Авдеевки.", "Government regains territory"),
    ("uk", "Вночі сили ППО знищили над Києвом шість ракет і дев'ять дронів.", "Disrupted weapons use"),
    ("ru", "Ночью средствами ПВО над Белгородом уничтожены шесть беспилотников.", "Disrupted weapons use"),
])
def test_ground_retaken_and_air_defence_in_russian_and_ukrainian(analyzer: Any, lang: str, text: str,
                                                                   sub_type: str) -> None:
    incidents = analyzer.analyze(text, published="2024-11-13", language=lang).to_contract()["incidents"]
    assert [i["acled_sub_event_type"] for i in incidents] == [sub_type]
