"""ACLED's taxonomy, coded as its codebook does: which event type and sub-event type a sentence's
event words name.

The lexicon's ``events`` table gives each event word a reading (type, sub-type, weapon); this
module chooses among the readings of one sentence and applies the codebook's precedence rules:

* Remote violence names the event even when civilians die: an air strike, a shelling, a mine or
  a grenade is ``Explosions/Remote violence`` whoever it hits (a drone striking a rally too).
* A demonstration (``~protest``, ``~riot``, ``~mob`` words) is a ``Protests`` or ``Riots`` event,
  whatever else its sentence says about it: demonstrators who throw stones, burn or clash are a
  ``Violent demonstration``; a mob, a lynching or a communal fight without organised armed groups
  is ``Mob violence``; demonstrators shot or killed are ``Excessive force against protesters``;
  demonstrators dispersed, tear-gassed or arrested are a ``Protest with intervention``; else a
  ``Peaceful protest``.
* A fight of two armed sides is a battle (``~clash``); fire opened on people named without any
  armed word (civilians, workers, a family) is ``Violence against civilians`` (``Attack``); an
  abduction or a sexual assault names its own sub-type ahead of the verbs that tell the violence.
* Weapons shot down or intercepted are ``Disrupted weapons use`` (the drone or missile named is
  what was stopped, not what struck); a reconnaissance craft shot down is property destruction.
* Territory taken names the event ahead of the fighting that took it; by a state's forces in its
  own country it is ``Government regains territory``; by a foreign state's forces or any other
  side, ``Non-state actor overtakes territory``.

The words are the lexicon's (section ``taxonomy``); the rules are the codebook's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.nlp.lexicon import Match

#: weapons of a demonstration: a protest, a verb of demonstrating (``~march``: "protested",
#: "rallied", only with a crowd named, :func:`trucewatch.extract.triggers.trigger`), a riot, a mob
DEMONSTRATION = frozenset({"~protest", "~march", "~riot", "~mob"})
#: the means of crowd control (tear gas, water cannon, dispersal): a protest met by force
CROWD = "~crowd"
#: markers named only when nothing else in the sentence names the violence
LOW = frozenset({"~casualty", "~property"})
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_VAC_OWN = frozenset({"Abduction/forced disappearance", "Sexual violence"})
_REMOTE = "Explosions/Remote violence"
#: ACLED's sub-type for remote violence whose means the text does not state, in a war of shells,
#: missiles and strikes (its Ukraine rows: "explosions were heard in Sevastopol" is shelling)
UNSTATED = "Shelling/artillery/missile attack"


@dataclass(frozen=True)
class Reading:
    """One event word of a sentence and what the lexicon says it names."""

    hit: Match
    event_type: str
    sub_type: str
    weapon: str

    @property
    def span(self) -> tuple[int, int]:
        return (self.hit.start, self.hit.end)


@dataclass(frozen=True)
class Choice:
    """The sentence's event: its ACLED type and sub-type, the weapon named (None when the words
    name none) and the span of the word that decided it."""

    event_type: str
    sub_type: str
    weapon: str | None
    span: tuple[int, int]
    #: how firmly the words decide the type, for an incident told in several sentences:
    #: territory taken 3 (ACLED codes the capture, not the fight that won it); a word that names
    #: the kind of event itself (a clash of armed sides, an aircraft or a drone, an abduction,
    #: fire on civilians, force against a protest, a riot) 2; a weapon, a verb of striking, a
    #: peaceful protest or weapons shot down 1; a killing verb, a toll on civilians or damage
    #: alone 0
    strength: int = 1


#: among readings as specific, which sub-type names the event: chemical weapons, then a drone or
#: an aircraft (what it drops, a grenade or a bomb, is its strike, as ACLED codes it), then any
#: but shelling (the generic 'strike/hit' reading)
_SUB_RANK = {"Chemical weapon": 3, "Air/drone strike": 2, "Shelling/artillery/missile attack": 0}


def rank(weapon: str, sub: str) -> tuple[int, int, int]:
    """Which reading names the event: a clash between armed sides, then an air force (its
    missiles are air strikes, as ACLED codes them), then a specific weapon (by ``_SUB_RANK``),
    then anything but the generic 'strike/hit' reading; a bare killing verb and damage to
    property come last."""
    if weapon in LOW or weapon == CROWD:
        return (-1, 0, int(weapon == "~property"))
    specific = 2 if weapon == "~air" else (1 if weapon and not weapon.startswith("~") else 0)
    return (1 if weapon == "~clash" else 0, specific, _SUB_RANK.get(sub, 1))


def _remote(r: Reading) -> bool:
    """A reading of remote violence with its means named (a drone, a shell, a mine, an air force)."""
    return r.event_type == _REMOTE and bool(r.weapon) and (r.weapon == "~air" or not r.weapon.startswith("~"))


def choose(ctx: ArticleContext, s: Sentence, readings: list[Reading]) -> Choice | None:
    """The event the sentence reports, by the codebook's precedence (module docstring)."""
    if not readings:
        return None
    demo = [r for r in readings if r.weapon in DEMONSTRATION]
    others = [r for r in readings if r.weapon not in DEMONSTRATION]
    remote = [r for r in others if _remote(r)]
    if demo and not remote:
        return _demonstration(ctx, s, demo, others)
    taken = [r for r in others if r.sub_type in TERRITORY]
    best = taken[0] if taken and not remote else max(others, key=lambda r: rank(r.weapon, r.sub_type))
    if best.weapon == CROWD:  # "police fired tear gas at the crowd": a protest met by force
        return Choice("Protests", "Protest with intervention", None, best.span, 2)
    choice = _disrupted(ctx, s, others) or _own_violence(others, best) or _as_choice(best)
    clash = best.weapon == "~clash"
    doers = (choice.sub_type == "Armed clash" and not clash or choice.sub_type == "Attack") \
        and _communal(ctx, s, choice.span)  # "villagers attacked ..."
    if doers or choice.sub_type == "Armed clash" and clash and (
            _communal(ctx, s, None) or _crude(ctx, s, others)):  # "clashes between villagers", "with sticks"
        return Choice("Riots", "Mob violence", None, choice.span, 2)
    if choice.sub_type == "Armed clash" and not clash:
        return _fire_on(ctx, s, choice, best.weapon in LOW)
    return choice


def _fire_on(ctx: ArticleContext, s: Sentence, choice: Choice, count_only: bool) -> Choice:
    """A verb of attack or fire without a fight named: what it hit decides. A place or a building
    hit, with nobody on the ground named as doer ("a Russian attack on a residential area"), is
    remote violence whose means the text does not state (:data:`UNSTATED`); people without an
    armed word are an attack on civilians, firm when a verb of violence says so, weak when only a
    toll does ("five people were killed at the junction": a later sentence may name the strike)."""
    if not count_only and not choice.weapon and _place_hit(ctx, s, choice.span):
        return Choice(_REMOTE, UNSTATED, None, choice.span, 1)
    if unarmed_target(ctx, s, choice.span, onto=not count_only):
        return Choice("Violence against civilians", "Attack", choice.weapon, choice.span, 0 if count_only else 2)
    return choice


def _place_hit(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """What the verb is aimed at (``filters.onto``, after at most two words: "une attaque russe
    contre un quartier") is a place or a building (``taxonomy.places_hit`` in its first three
    words, before any ``filters.place_prepositions``), and the sentence names no armed people or
    community."""
    if ctx.lex.phrases("filters.armed").search(ctx.shadow, s.start, s.end) or ctx.has("taxonomy.communal", s):
        return False
    after = ctx.shadow[at[1] : min(s.end, at[1] + 70)]
    aim = re.match(rf"\s*(?:[^\s,.;]+\s+){{0,2}}?(?:{ctx.lex.alternation('filters.onto')})\s+(?P<what>[^,.;]+)", after)
    if not aim:
        return False
    cut = set(ctx.lex.words("filters.place_prepositions"))
    words = aim["what"].split()[:3]  # "a residential area"; not "citizens in the town of"
    head = " ".join(words[: next((i for i, w in enumerate(words) if w in cut), len(words))])
    return ctx.lex.optional("taxonomy.places_hit").search(head) is not None


def _as_choice(r: Reading) -> Choice:
    weapon = "air strike" if r.weapon == "~air" else (r.weapon if r.weapon and not r.weapon.startswith("~") else None)
    # an aircraft or a drone is an event of its own, never part of a ground fight; mortars and
    # shells fired in a fight are (ACLED codes the fight)
    air = r.sub_type == "Air/drone strike" and _remote(r)
    firm = r.weapon == "~clash" or air or r.event_type == "Violence against civilians"
    # territory taken names the whole incident, ahead of the fighting told in its other sentences
    strength = 0 if r.weapon in LOW else 3 if r.sub_type in TERRITORY else 2 if firm else 1
    return Choice(r.event_type, r.sub_type, weapon, r.span, strength)


def _demonstration(ctx: ArticleContext, s: Sentence, demo: list[Reading], others: list[Reading]) -> Choice:
    """A protest or a riot, and which: the demonstrators' own violence first, then the force
    used against them."""
    at = demo[0].span
    weapons = {r.weapon for r in demo}
    if "~mob" in weapons:
        return Choice("Riots", "Mob violence", None, at, 2)
    violent = "~riot" in weapons or ctx.has("taxonomy.protester_violence", s) or any(
        r.weapon == "~clash" or r.sub_type == "Looting/property destruction" and r.weapon != "~casualty"
        for r in others)
    if violent:
        return Choice("Riots", "Violent demonstration", None, at, 2)
    lethal = ctx.has("taxonomy.lethal_force", s) or any(
        r.weapon == "~casualty" or r.weapon == "small arms" or r.sub_type in {"Armed clash", "Attack"}
        for r in others)
    if lethal:
        return Choice("Protests", "Excessive force against protesters", None, at, 2)
    if ctx.has("taxonomy.intervention", s) or any(r.weapon == CROWD or r.sub_type == "Arrests" for r in others):
        return Choice("Protests", "Protest with intervention", None, at, 2)
    return Choice("Protests", "Peaceful protest", None, at)


def _disrupted(ctx: ArticleContext, s: Sentence, others: list[Reading]) -> Choice | None:
    """'Air defences shot down 12 drones', 'ракету збили': the weapon named is what was stopped.
    Only when nothing else in the sentence says something struck (a verb of hitting, a toll)."""
    stop = [r for r in others if r.sub_type == "Disrupted weapons use"]
    if not stop:
        return None
    struck = [r for r in others if r not in stop and (not r.weapon or r.weapon.startswith("~"))
              and r.weapon not in {"~air", "~property"}]
    if struck or ctx.has("targets", s):
        return None  # "drones were shot down; debris damaged houses": something was hit
    if ctx.lex.optional("filters.unarmed_craft").search(ctx.shadow, s.start, s.end):
        return Choice("Strategic developments", "Looting/property destruction", None, stop[0].span)
    return Choice("Strategic developments", "Disrupted weapons use", None, stop[0].span)


def _own_violence(others: list[Reading], best: Reading) -> Choice | None:
    """An abduction or a sexual assault names the event ahead of the verbs that tell the violence
    ("gunmen stormed the village and abducted ..."), not ahead of a battle or a remote weapon."""
    if best.weapon == "~clash" or _remote(best):
        return None
    own = next((r for r in others if r.sub_type in _VAC_OWN), None)
    return Choice(own.event_type, own.sub_type, None, own.span, 2) if own else None


def unarmed_target(ctx: ArticleContext, s: Sentence, at: tuple[int, int], onto: bool = True) -> bool:
    """Fire opened on civilians or journalists, or on people named without any armed word
    ("opened fire at displaced Palestinians", "shot and killed four bank employees"), is an
    attack on civilians, not a clash. ``onto``: also whatever the verb is aimed at, when it
    names no armed side ("attacked a bus"); not after a bare killing verb ("killed at the
    junction" says where, not whom)."""
    table = ctx.lex.phrases("targets")
    if {"civilians", "journalists"} & {str(table.value(h)) for h in ctx.find("targets", s)}:
        return True
    armed = ctx.lex.phrases("filters.armed")
    after = ctx.shadow[at[1] : min(s.end, at[1] + 60)]
    for key in ("taxonomy.civilian_people", "taxonomy.civilian_officials"):  # "shot dead a local councillor"
        people = ctx.lex.optional(key).search(after)
        if people is not None and not armed.search(after[: people.end]):
            return True
    if not onto:
        return False
    aim = re.match(rf"\s*(?:{ctx.lex.alternation('filters.onto')})\s+(?P<what>[^,.;]+)", after[:45])
    return bool(aim) and not armed.search(aim["what"])  # type: ignore[index]


def _communal(ctx: ArticleContext, s: Sentence, at: tuple[int, int] | None) -> bool:
    """A fight or an attack by people of a community (villagers, residents, clans), with no armed
    group named anywhere in the sentence: ACLED's mob violence. With ``at``, the community must
    name the doers (before the verb, in its clause); without, it may stand anywhere ("clashes
    between the residents of two villages")."""
    communal = ctx.find("taxonomy.communal", s)
    if not communal or _armed(ctx, s):
        return False
    if at is None:
        return True
    return any(h.end <= at[0] and not re.search(r"[,;:.]", ctx.shadow[h.end : at[0]]) and at[0] - h.end <= 40
               for h in communal)


def _crude(ctx: ArticleContext, s: Sentence, others: list[Reading]) -> bool:
    """'Rival supporters clashed with stones and sticks': a fight fought with improvised weapons
    (``taxonomy.crude_weapons``), with no armed side and no firearm or weapon of war named in the
    sentence, is a mob's, not a battle of organised armed groups (ACLED's mob violence)."""
    if not ctx.has("taxonomy.crude_weapons", s) or _armed(ctx, s):
        return False
    return not any(r.weapon and not r.weapon.startswith("~") for r in others)


def _armed(ctx: ArticleContext, s: Sentence) -> bool:
    """Armed people named in the sentence, other than as who reports it ("..., police said",
    "according to the army"): a source is no side of the fight."""
    sh, verbs = ctx.shadow, ctx.lex.phrases("speech.verbs")
    for h in ctx.lex.phrases("filters.armed").finditer(sh, s.start, s.end):
        said = verbs.search(sh, h.end, min(s.end, h.end + 12))
        if said is not None and not sh[h.end : said.start].strip(" ,"):
            continue  # "police said", "the army reported"
        source = ctx.lex.phrases("claims.according_to").finditer(sh, max(s.start, h.start - 24), h.start)
        if source and sh[source[-1].end : h.start].strip() in {"", *ctx.lex.words("filters.articles")}:
            continue  # "according to the police"
        return True
    return False


def planned(ctx: ArticleContext, s: Sentence, choice: Choice) -> bool:
    """'Activists called for a rally on Sunday', 'the opposition plans protests': a demonstration
    called for or announced is no event yet."""
    return choice.event_type in {"Protests", "Riots"} and ctx.has("taxonomy.calls", s)


def territory_sub_type(sub: str, taker: tuple[str, str | None] | None, where: str | None) -> str:
    """Who took the place decides the territory sub-type, as ACLED codes it: a state's forces
    (``taker``: its ACLED actor and country) taking a place of their own country regain
    territory; a foreign state's forces, or any non-state side, overtake it. Unknown takers or
    places keep the word's reading."""
    if sub not in TERRITORY or taker is None:
        return sub
    actor, country = taker
    if not actor.startswith(("Military Forces of", "Police Forces of")):
        return "Non-state actor overtakes territory"
    if country is None or where is None:
        return sub
    return "Government regains territory" if country == where else "Non-state actor overtakes territory"


#: ACLED's disorder type of each event type (``Political violence; Demonstrations`` for force
#: against protesters; mob violence is political violence)
def disorder_type(event_type: str | None, sub_type: str | None) -> str:
    if sub_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type == "Protests" or sub_type == "Violent demonstration":
        return "Demonstrations"
    if event_type == "Strategic developments" or not event_type:
        return "Strategic developments"
    return "Political violence"


#: remote violence by a device on the ground, not a war's fire: an isolated blast stays with them
_DEVICES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def unstated_means(sub: str, side: str | None, named: list[tuple[str, str | None]]) -> str:
    """The sub-type of remote violence whose means the text does not state for it ("an Israeli
    strike on a home", "explosions were heard"), from the means the article states for other
    attacks (``named``: each one's sub-type and side): the same side's when it has any, else
    those of no stated side. When at least two in three of them agree, theirs ("a series of air
    strikes ... a strike on a home in Bureij"); when they name a war's fire of mixed kinds,
    ACLED's default (:data:`UNSTATED`); with none, or only devices, the word's own reading (a
    blast alone is an explosive, a strike alone a shelling)."""
    pool = [n for n, who in named if side is not None and who == side] or [
        n for n, who in named if who is None or side is None]
    if not pool:
        return sub
    kind, count = Counter(pool).most_common(1)[0]
    if 3 * count >= 2 * len(pool):
        return kind
    return UNSTATED if set(pool) - _DEVICES else sub
