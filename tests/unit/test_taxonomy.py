"""ACLED's taxonomy as the codebook codes it (issue 9): protests, riots, violence against
civilians and the sub-event rules, in every language. Self-written sentences, one event each."""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.extract.taxonomy import disorder_type, territory_sub_type, unstated_means

pytestmark = pytest.mark.model

P, R, V = "Protests", "Riots", "Violence against civilians"
E, B, S = "Explosions/Remote violence", "Battles", "Strategic developments"

CASES = [
    # a protest, a dispersed protest, a riot, a mob, an abduction, an attack on civilians,
    # a drone strike, a shelling, a recapture
    ("en", "On Sunday, thousands of protesters rallied in Tbilisi against the government.", P, "Peaceful protest"),
    ("en", "On Monday, police used tear gas and water cannon to disperse protesters in Tbilisi.", P,
     "Protest with intervention"),
    ("en", "On Monday, security forces opened fire on protesters in Khartoum, killing five.", P,
     "Excessive force against protesters"),
    ("en", "On Tuesday, rioters threw stones at police and set cars on fire in Marseille.", R, "Violent demonstration"),
    ("en", "On Tuesday, a mob attacked two men in Kaduna and beat them to death.", R, "Mob violence"),
    ("en", "On Wednesday, gunmen abducted 12 passengers in Kaduna.", V, "Abduction/forced disappearance"),
    ("en", "On Wednesday, gunmen shot and killed four bank employees in Kandahar.", V,
     "Attack"),
    # an official who holds no arms, shot: an attack on civilians, not a clash
    ("en", "On Wednesday, unidentified gunmen shot and killed a local councillor in Maiduguri.", V, "Attack"),
    ("es", "El miércoles, sicarios asesinaron a un concejal en Tumaco.", V, "Attack"),
    ("de", "Am Mittwoch wurde in Kramatorsk ein Bürgermeister von Unbekannten ermordet.", V, "Attack"),
    ("en", "On Thursday, a Russian drone struck a house in Kharkiv, injuring two.", E, "Air/drone strike"),
    ("en", "On Thursday, Russian forces fired rockets at Nikopol, killing one.", E,
     "Shelling/artillery/missile attack"),
    ("en", "On Friday, Ukrainian forces recaptured the village of Robotyne.", B, "Government regains territory"),
    ("en", "On Friday, air defences shot down 12 drones over Odesa.", S, "Disrupted weapons use"),
    ("en", "On Friday, Ukrainian forces shot down a Russian Orlan-10 reconnaissance drone near Bashtanka.", S,
     "Looting/property destruction"),
    ("fr", "Dimanche, des milliers de manifestants ont défilé à Lyon contre la guerre.", P, "Peaceful protest"),
    ("fr", "Lundi, la police a dispersé les manifestants à Nantes avec des gaz lacrymogènes.", P,
     "Protest with intervention"),
    ("fr", "Mardi, des émeutiers ont lancé des pierres sur la police à Marseille.", R, "Violent demonstration"),
    ("fr", "Mercredi, des hommes armés ont enlevé dix villageois près de Mopti.", V, "Abduction/forced disappearance"),
    ("fr", "Jeudi, une frappe de drone russe a touché une maison à Kharkiv.", E, "Air/drone strike"),
    ("de", "Am Sonntag demonstrierten Tausende Demonstranten in Berlin gegen den Krieg.", P, "Peaceful protest"),
    ("de", "Am Montag löste die Polizei die Kundgebung in Leipzig mit Wasserwerfern auf.", P,
     "Protest with intervention"),
    ("de", "Am Dienstag warfen Randalierer in Hamburg Steine auf Polizisten.", R, "Violent demonstration"),
    ("de", "Am Mittwoch wurden in Charkiw zwei Zivilisten von russischen Soldaten erschossen.", V, "Attack"),
    ("es", "El domingo, miles de manifestantes marcharon en Bogotá contra el gobierno.", P, "Peaceful protest"),
    ("es", "El lunes, la policía dispersó a los manifestantes con gases lacrimógenos en Cali.", P,
     "Protest with intervention"),
    ("es", "El martes, una turba linchó a un hombre en Puebla.", R, "Mob violence"),
    ("es", "El miércoles, hombres armados secuestraron a cinco campesinos en Tumaco.", V,
     "Abduction/forced disappearance"),
    ("ru", "В воскресенье в Тбилиси прошел митинг протеста против правительства.", P, "Peaceful protest"),
    ("ru", "В понедельник полиция разогнала протестующих в Тбилиси слезоточивым газом.", P,
     "Protest with intervention"),
    ("ru", "Во вторник ВСУ обстреляли Донецк из артиллерии, погибли двое мирных жителей.", E,
     "Shelling/artillery/missile attack"),
    ("ru", "В среду беспилотник атаковал дом в Белгороде.", E, "Air/drone strike"),
    ("uk", "У неділю у Львові відбувся мітинг проти війни.", P, "Peaceful protest"),
    ("uk", "У понеділок поліція розігнала протестувальників у Києві.", P, "Protest with intervention"),
    ("uk", "У вівторок росіяни обстріляли Херсон з артилерії.", E, "Shelling/artillery/missile attack"),
    # a feminine or neuter subject: the past verb past its gender ending ("обстріля*", not "обстріляв*")
    ("uk", "У вівторок російська армія обстріляла Херсон з артилерії.", E, "Shelling/artillery/missile attack"),
    ("uk", "У вівторок російська армія підірвала міст у Херсоні.", E, "Remote explosive/landmine/IED"),
    ("uk", "У середу ЗСУ відвоювали село Роботине.", B, "Government regains territory"),
    ("ar", "خرج آلاف المتظاهرين يوم الجمعة في البصرة ضد الحكومة.", P, "Peaceful protest"),
    ("ar", "استخدمت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين في بغداد يوم الاثنين.", P,
     "Protest with intervention"),
    ("ar", "شنت طائرة مسيرة إسرائيلية غارة على منزل في خان يونس يوم الأربعاء.", E, "Air/drone strike"),
]


@pytest.mark.parametrize(("lang", "text", "event_type", "sub_type"), CASES)
def test_taxonomy_types_one_event_as_acled_codes_it(analyzer: Any, lang: str, text: str, event_type: str,
                                                     sub_type: str) -> None:
    a = analyzer.analyze(text, published="2025-06-10", language=lang)
    got = [(i.acled_event_type, i.acled_sub_event_type) for i in a.incidents]
    assert got == [(event_type, sub_type)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Opposition leaders called for a protest in Tbilisi on Sunday."),
    ("en", "On Saturday, Russia lodged a protest with the Ukrainian embassy in Minsk."),
    ("de", "Ägypten habe bei Israel Protest gegen die Besetzung des Grenzübergangs Rafah eingelegt."),
    ("fr", "Les syndicats ont appelé à manifester à Paris jeudi prochain."),
    ("ru", "МИД России выразил протест против действий Киева."),
    ("en", "On Monday, the mayor of Kherson protested against the decision in Kyiv."),
])
def test_taxonomy_calls_and_diplomatic_protests_are_no_events(analyzer: Any, lang: str, text: str) -> None:
    a = analyzer.analyze(text, published="2025-06-10", language=lang)
    assert a.incidents == [] or all(i.context != "new" for i in a.incidents)


@pytest.mark.parametrize(("sub", "taker", "where", "expected"), [
    ("Government regains territory", ("Military Forces of Ukraine (2019-)", "UA"), "UA",
     "Government regains territory"),
    ("Government regains territory", ("Military Forces of Russia (2000-)", "RU"), "UA",
     "Non-state actor overtakes territory"),
    ("Non-state actor overtakes territory", ("Military Forces of Syria (2000-)", "SY"), "SY",
     "Government regains territory"),
    ("Government regains territory", ("Hamas Movement", "PS"), "PS", "Non-state actor overtakes territory"),
    ("Government regains territory", None, "UA", "Government regains territory"),
    ("Armed clash", ("Military Forces of Russia (2000-)", "RU"), "UA", "Armed clash"),
])
def test_taxonomy_territory_sub_type_follows_the_taker(sub: str, taker: tuple[str, str] | None, where: str,
                                                       expected: str) -> None:
    assert territory_sub_type(sub, taker, where) == expected


@pytest.mark.parametrize(("event_type", "sub", "expected"), [
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Battles", "Armed clash", "Political violence"),
    ("Strategic developments", "Disrupted weapons use", "Strategic developments"),
])
def test_taxonomy_disorder_type_is_acleds(event_type: str, sub: str, expected: str) -> None:
    assert disorder_type(event_type, sub) == expected


AIR, SHELL, IED = "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"
PROPERTY = "Looting/property destruction"

UNSTATED = [
    # a strike whose means its sentence does not state takes the means the article states for
    # the same side: the second incident is an air strike, flagged as inferred
    ("en", "On Saturday, Israeli air strikes hit Rafah. On Saturday, an Israeli strike on a house in Khan Younis"
           " killed five people.", AIR),
    ("fr", "Samedi, des frappes aériennes israéliennes ont touché Rafah. Samedi, une frappe israélienne sur une"
           " maison à Khan Younès a tué cinq personnes.", AIR),
    ("de", "Am Samstag trafen israelische Luftangriffe Rafah. Am Samstag wurden bei einem israelischen Angriff auf"
           " ein Haus in Chan Junis fünf Menschen getötet.", AIR),
    ("es", "El sábado, ataques aéreos israelíes alcanzaron Rafah. El sábado, un ataque israelí contra una casa en"
           " Jan Yunis mató a cinco personas.", AIR),
    ("ru", "В субботу израильские авиаудары пришлись по Рафаху. В субботу израильский удар по дому в Хан-Юнисе"
           " убил пять человек.", AIR),
    ("uk", "У суботу ізраїльські авіаудари влучили по Рафаху. У суботу ізраїльський удар по будинку в Газі вбив"
           " п'ятьох людей.", AIR),
    ("ar", "شنت طائرات إسرائيلية غارات على رفح يوم السبت. وفي دير البلح، قتل خمسة أشخاص يوم السبت في ضربة"
           " إسرائيلية استهدفت منزلا.", AIR),
    # explosions heard, in an article whose other attacks are missiles: shelling, not a landmine
    ("en", "On Monday, Russian missiles hit Kharkiv. On Monday, explosions were heard in Odesa.", SHELL),
    ("fr", "Lundi, des missiles russes ont frappé Kharkiv. Lundi, des explosions ont été entendues à Odessa.", SHELL),
    ("de", "Am Montag trafen russische Raketen Charkiw. Am Montag waren in Odessa Explosionen zu hören.", SHELL),
    ("es", "El lunes, misiles rusos impactaron en Járkov. El lunes, se escucharon explosiones en Odesa.", SHELL),
    ("ru", "В понедельник российские ракеты ударили по Харькову. В понедельник в Одессе прогремели взрывы.", SHELL),
    ("uk", "У понеділок російські ракети вдарили по Харкову. У понеділок в Одесі пролунали вибухи.", SHELL),
    ("ar", "سقطت صواريخ على حلب يوم الاثنين. ووقعت انفجارات في إدلب يوم الاثنين.", SHELL),
]


@pytest.mark.parametrize(("lang", "text", "sub_type"), UNSTATED)
def test_taxonomy_unstated_means_follow_the_article(analyzer: Any, lang: str, text: str, sub_type: str) -> None:
    a = analyzer.analyze(text, published="2025-06-10", language=lang)
    assert len(a.incidents) == 2
    first, second = a.incidents
    assert (first.acled_sub_event_type, first.sub_event_basis) == (sub_type, "stated")
    assert (second.acled_event_type, second.acled_sub_event_type) == (E, sub_type)
    assert second.weapon is None and second.sub_event_basis == "inferred"


ONE = [
    # aircraft or an air force as the doer: an air strike, not shelling nor a fight
    ("en", "On Saturday, warplanes struck positions near Sirte.", E, AIR, "stated"),
    ("fr", "Samedi, l'armée de l'air a mené cinq frappes près de Syrte.", E, AIR, "stated"),
    ("fr", "Dimanche, la coalition a lancé une vague d'attaques aériennes sur Syrte.", E, AIR, "stated"),
    ("de", "Am Samstag griffen Kampfjets Stellungen bei Sirte an.", E, AIR, "stated"),
    ("es", "El sábado, la fuerza aérea bombardeó posiciones cerca de Sirte.", E, AIR, "stated"),
    ("ru", "В субботу ВКС нанесли удар по позициям у Сирта.", E, AIR, "stated"),
    ("uk", "У суботу бойові літаки завдали удару по позиціях біля Сирту.", E, AIR, "stated"),
    ("ar", "قصفت الطائرات مواقع في صعدة يوم الأحد.", E, AIR, "stated"),
    # an attack on a place, nobody on the ground named: remote violence of unstated means
    ("en", "On Tuesday, four people were killed in a Russian attack on a residential area of Kharkiv.", E, SHELL,
     "inferred"),
    ("fr", "Mardi, quatre personnes ont été tuées dans une attaque russe contre un quartier résidentiel de Kharkiv.",
     E, SHELL, "inferred"),
    ("es", "El martes, cuatro personas murieron en un ataque ruso contra un barrio residencial de Járkov.", E, SHELL,
     "inferred"),
    ("de", "Am Dienstag wurden bei einem russischen Angriff auf ein Wohngebiet in Charkiw vier Menschen getötet.", E,
     SHELL, "inferred"),
    ("ru", "Во вторник в результате российской атаки по жилому кварталу Харькова погибли четыре человека.", E, SHELL,
     "inferred"),
    ("uk", "У вівторок внаслідок російської атаки по житловому кварталу Харкова загинули четверо людей.", E, SHELL,
     "inferred"),
    ("ar", "قتل أربعة أشخاص يوم الثلاثاء في هجوم على حي سكني في حلب.", E, SHELL, "inferred"),
    # a lone blast, no war's fire named: an explosive device, its means still unstated
    ("en", "On Friday, an explosion wrecked a car in Kabul.", E, IED, "inferred"),
    ("ar", "انفجرت سيارة في إدلب يوم الجمعة.", E, IED, "inferred"),
    # a toll alone does not make an attack on civilians: the strike told next names the event
    ("en", "Five people were killed at a junction in Gaza City on Saturday. Witnesses said an Israeli strike"
           " set a car on fire.", E, SHELL, "inferred"),
    # an assault on defenders is a fight of armed sides; armed people firing on villagers an attack
    ("en", "On Saturday, Russian forces resumed their assault on the Ukrainian defenders in Mariupol.", B,
     "Armed clash", "stated"),
    ("fr", "Samedi, les forces russes ont repris leur assaut contre les défenseurs ukrainiens à Marioupol.", B,
     "Armed clash", "stated"),
    ("es", "El sábado, las fuerzas rusas reanudaron su ataque contra los defensores ucranianos en Mariúpol.", B,
     "Armed clash", "stated"),
    ("fr", "Mardi, des hommes armés ont ouvert le feu sur des villageois près de Mopti, tuant sept personnes.", V,
     "Attack", "stated"),
    # a government's affiliate takes ground for the government (ACLED: "government forces or
    # their affiliates"); its enemy overtakes it
    ("en", "On Sunday, the Popular Resistance recaptured the town of Sabr in Lahij.", B,
     "Government regains territory", "stated"),
    ("en", "On Sunday, the Houthis captured the town of Sabr in Lahij.", B, "Non-state actor overtakes territory",
     "stated"),
]


@pytest.mark.parametrize(("lang", "text", "event_type", "sub_type", "basis"), ONE)
def test_taxonomy_sub_type_and_its_basis(analyzer: Any, lang: str, text: str, event_type: str, sub_type: str,
                                         basis: str) -> None:
    a = analyzer.analyze(text, published="2025-06-10", language=lang)
    got = [(i.acled_event_type, i.acled_sub_event_type, i.sub_event_basis) for i in a.incidents]
    assert got == [(event_type, sub_type, basis)]


@pytest.mark.parametrize(("sub", "side", "named", "expected"), [
    ("Shelling/artillery/missile attack", "Israel", [(AIR, "Israel"), (SHELL, "Hezbollah")], AIR),
    ("Shelling/artillery/missile attack", None, [(AIR, None), (AIR, "Israel"), (SHELL, "Hezbollah")], AIR),
    (IED, None, [(AIR, "Russia"), (SHELL, "Russia")], SHELL),
    (IED, None, [], IED),
    (IED, None, [("Suicide bomb", None), ("Grenade", None)], IED),
    ("Shelling/artillery/missile attack", "Russia", [(AIR, "Ukraine")], "Shelling/artillery/missile attack"),
])
def test_taxonomy_unstated_means_rule(sub: str, side: str | None, named: list[tuple[str, str | None]],
                                      expected: str) -> None:
    assert unstated_means(sub, side, named) == expected

SPECIFIC = [
    # a suicide attack, chemical weapons, a hand grenade: ACLED's own sub-types, in every language
    ("en", "On Sunday, a suicide attack on a checkpoint in Kabul killed six soldiers.", "Suicide bomb"),
    ("fr", "Dimanche, un kamikaze s'est fait exploser à un poste de contrôle à Kaboul, tuant six soldats.",
     "Suicide bomb"),
    ("de", "Am Sonntag sprengte sich ein Selbstmordattentäter an einem Kontrollpunkt in Kabul in die Luft.",
     "Suicide bomb"),
    ("es", "El domingo, un atentado suicida contra un puesto de control en Kabul mató a seis soldados.",
     "Suicide bomb"),
    ("ru", "В воскресенье смертник подорвал себя на блокпосту в Кабуле, погибли шесть военных.", "Suicide bomb"),
    ("uk", "У неділю смертник підірвав себе на блокпосту в Кабулі, загинули шестеро військових.", "Suicide bomb"),
    ("ar", "فجر انتحاري حزاما ناسفا عند حاجز في كابول يوم الأحد مما أدى إلى مقتل ستة جنود.", "Suicide bomb"),
    ("en", "On Monday, government forces used chlorine gas in an attack on Douma.", "Chemical weapon"),
    ("fr", "Lundi, les forces gouvernementales ont mené une attaque chimique contre Douma.", "Chemical weapon"),
    ("de", "Am Montag setzten Regierungstruppen bei einem Angriff auf Duma Giftgas ein.", "Chemical weapon"),
    ("es", "El lunes, las fuerzas del gobierno lanzaron un ataque químico contra Duma.", "Chemical weapon"),
    ("ru", "В понедельник правительственные войска применили химическое оружие в Думе.", "Chemical weapon"),
    ("uk", "У понеділок урядові війська застосували хімічну зброю в Думі.", "Chemical weapon"),
    ("ar", "شنت القوات الحكومية هجوما كيميائيا على دوما يوم الاثنين.", "Chemical weapon"),
    ("ar", "استخدمت القوات الحكومية غاز الكلور في هجوم على دوما يوم الاثنين.", "Chemical weapon"),
    ("en", "On Tuesday, a man threw a grenade into a cafe in Kirkuk.", "Grenade"),
    ("fr", "Mardi, un homme a lancé une grenade dans un café à Kirkouk.", "Grenade"),
    ("de", "Am Dienstag warf ein Mann eine Handgranate in ein Café in Kirkuk.", "Grenade"),
    ("es", "El martes, un hombre lanzó una granada de mano contra un café en Kirkuk.", "Grenade"),
    ("ru", "Во вторник мужчина бросил гранату в кафе в Киркуке.", "Grenade"),
    ("uk", "У вівторок чоловік кинув гранату в кафе в Кіркуку.", "Grenade"),
    ("ar", "ألقى رجل قنبلة يدوية على مقهى في كركوك يوم الثلاثاء.", "Grenade"),
]


@pytest.mark.parametrize(("lang", "text", "sub_type"), SPECIFIC)
def test_taxonomy_suicide_chemical_grenade(analyzer: Any, lang: str, text: str, sub_type: str) -> None:
    a = analyzer.analyze(text, published="2025-06-10", language=lang)
    assert [(i.acled_event_type, i.acled_sub_event_type, i.sub_event_basis) for i in a.incidents] == [
        (E, sub_type, "stated")]


@pytest.mark.parametrize(("lang", "text", "sub_type"), [
    # what a drone drops is its strike; chemical munitions are a chemical weapon, whatever drops them
    ("en", "On Sunday, Russian forces dropped a grenade from a drone on a car in Kherson.", AIR),
    ("ru", "В воскресенье российские военные сбросили гранату с дрона на автомобиль в Херсоне.", AIR),
    ("uk", "У неділю російські військові скинули гранату з дрона на автомобіль у Херсоні.", AIR),
    ("en", "On Sunday, Russian drones dropped chloropicrin grenades on Ukrainian positions near Bakhmut.",
     "Chemical weapon"),
    ("ru", "В воскресенье российские дроны сбросили гранаты с хлорпикрином на позиции ВСУ у Бахмута.",
     "Chemical weapon"),
])
def test_taxonomy_what_a_drone_drops(analyzer: Any, lang: str, text: str, sub_type: str) -> None:
    a = analyzer.analyze(text, published="2025-06-10", language=lang)
    assert [i.acled_sub_event_type for i in a.incidents] == [sub_type]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # fire aimed at a drone: an attempt to stop it (an unarmed monitors' craft: property), never
    # its strike; a drone that fires is the attacker
    ("en", "On Sunday, soldiers fired at a drone near Znamyanka.", [(S, "Disrupted weapons use")]),
    ("en", "On Sunday, the OSCE SMM observed 13 shots involving small arms directed at the OSCE SMM UAV near"
           " Znamyanka.", [(S, PROPERTY)]),
    ("ru", "В воскресенье военные открыли огонь по беспилотнику ОБСЕ у Золотого.", [(S, PROPERTY)]),
    ("fr", "Dimanche, des soldats ont tiré sur un drone de l'OSCE près de Zolote.", [(S, PROPERTY)]),
    ("ar", "أطلق جنود النار على طائرة مسيرة قرب دونيتسك يوم الأحد.", [(S, "Disrupted weapons use")]),
    ("uk", "У неділю бойовики відкрили вогонь по безпілотнику ОБСЄ біля Золотого.", None),
    ("de", "Am Sonntag gaben Soldaten Schüsse auf eine Drohne der OSZE bei Solote ab.", None),
    ("es", "El domingo, soldados dispararon contra un dron de la OSCE cerca de Zolote.", None),
    ("en", "On Sunday, Russian drones fired at Ukrainian positions near Bakhmut.", [(E, AIR)]),
])
def test_taxonomy_fire_at_a_drone_is_no_drone_strike(analyzer: Any, lang: str, text: str,
                                                      expected: list[tuple[str, str]] | None) -> None:
    a = analyzer.analyze(text, published="2025-06-10", language=lang)
    got = [(i.acled_event_type, i.acled_sub_event_type) for i in a.incidents]
    if expected is None:
        assert (E, AIR) not in got
    else:
        assert got == expected

