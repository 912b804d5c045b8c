"""Incidents: attacks, clashes and violence against civilians, one per place and time.

A sentence is an incident mention when it has an event trigger (lexicon ``events``) and is not
speculation, negation or a background tally. Its place comes from the gazetteer; a sentence with
no place that refers back ("la ville", "the city", "also") adds to the incident before it. Mentions
of one place at compatible times merge, so a photo caption and the body reporting the same strike
are one incident, unless they name different kinds of violence (ACLED codes one event per place,
day and type: :mod:`trucewatch.extract.apart`). A sentence naming several places hit gives each its
draft, with the toll tied to it (:mod:`trucewatch.extract.tolls`). Placeless mentions survive
only when the article names no place at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from trucewatch.budget import check
from trucewatch.extract import apart, duplicates, taxonomy, tolls
from trucewatch.extract.agents import joint_doer, stated_agent
from trucewatch.extract.casualties import Casualties, Count, combine, extract_casualties
from trucewatch.extract.confidence import Features, score
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.place_filters import fire_origin
from trucewatch.extract.places import PlaceMention, country_in, places_in, to_place
from trucewatch.extract.plover import RECENT_DAYS, is_tally, recent_day, sentence_context
from trucewatch.extract.scenes import at_venue, drop_enclosing_regions, drop_references
from trucewatch.extract.speakers import agent_party, speaker_party
from trucewatch.extract.triggers import Trigger, contrasted, struck_from_afar, trigger, weak
from trucewatch.geo.gazetteer import admin_core
from trucewatch.records import Ceasefire, Incident, Place, Span, TimeInterval
from trucewatch.temporal.incident_time import (
    Clocks,
    clamp_reported,
    from_calendar,
    publication_end,
    relative_to_ceasefire,
    reporting_window,
)
from trucewatch.temporal.points import grammar

_GENERIC = ("", None)
_REMOTE = "Explosions/Remote violence"


@dataclass
class Draft:
    place: PlaceMention | None
    event_type: str
    sub_type: str
    weapon: str | None
    time: TimeInterval | None
    sentences: list[Sentence]
    evidence: list[Span]
    reported_by: str | None = None
    reported_by_person: str | None = None
    perpetrator: str | None = None
    perpetrator_by: str | None = None
    killed: list[Count] = field(default_factory=list)
    injured: list[Count] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    strikes: int | None = None
    heard: bool = False
    context: str = "new"
    strength: int = 0  # how firmly the type was read (taxonomy.Choice.strength)
    shared_toll: bool = False  # a toll its sentence states for several places, none of them its own


def _called_for(ctx: ArticleContext, s: Sentence, trig: Trigger) -> str | None:
    """A protest called for or announced is no event yet: hypothetical, as PLOVER's future."""
    return "hypothetical" if taxonomy.planned(ctx, s, trig) else None


def _caption(ctx: ArticleContext, s: Sentence) -> bool:
    return bool(ctx.lex.optional("filters.caption")) and ctx.has("filters.caption", s)


def _strikes(ctx: ArticleContext, s: Sentence) -> int | None:
    rx = r"(?<!\w)(?:à\s+)?(?P<n>\w+)\s+(?:reprises|fois|times)(?!\w)|(?<!\w)(?P<w>twice|thrice)(?!\w)"
    m = re.search(rx, ctx.shadow[s.start : s.end])
    if not m:
        return None
    if m["w"]:
        return 2 if m["w"] == "twice" else 3
    return ctx.lex.number(m["n"])


def _targets(ctx: ArticleContext, s: Sentence) -> list[str]:
    table = ctx.lex.phrases("targets")
    return [str(table.value(h)) for h in ctx.find("targets", s)]


def _countries(ctx: ArticleContext, ceasefires: list[Ceasefire]) -> set[str]:
    """Where the article's fighting is: the parties' theatre, the caller's hint, and the country
    a truce was declared for ("a ceasefire in Idlib" agreed by Russia and Turkey)."""
    out = ctx.parties.theatre(ctx.dyad) | {ctx.country_hint} | {cf.scope_country for cf in ceasefires}
    return {c for c in out if c}


class _Builder:
    """Drafts incidents sentence by sentence. The main builder keeps the news; sentences that are
    not news (:func:`_context`) go to its ``aside`` builder, whose drafts carry their context."""

    def __init__(self, ctx: ArticleContext, ceasefires: list[Ceasefire], parent: _Builder | None = None):
        self.ctx = ctx
        self.context = "new"
        self.cf = next((c for c in ceasefires if c.start is not None), None)
        self.cf_end = (self.cf.ended_early or self.cf.end) if self.cf else None
        self.recent_place: PlaceMention | None = None
        # the places of each sentence, found once for both builders
        self._places: dict[int, list[PlaceMention]] = parent._places if parent else {}
        self.countries: set[str] = parent.countries if parent else _countries(ctx, ceasefires)
        self.drafts: list[Draft] = []
        self._times: dict[tuple[int, Clocks], TimeInterval | None] = {}
        self._facts: dict[tuple[int, int], tuple[Casualties, list[str], int | None, bool]] = {}
        self._roles: dict[tuple[int, tuple[int, int]], tuple[str | None, str | None, str | None]] = {}
        self.last: Draft | None = None
        self.aside: _Builder | None = None if parent else _Builder(ctx, ceasefires, parent=self)

    def places(self, s: Sentence) -> list[PlaceMention]:
        if s.index not in self._places:
            self._places[s.index] = places_in(self.ctx, s, self.countries)
        return self._places[s.index]

    def clocks(self, place: PlaceMention | None) -> Clocks:
        zones = [place.entry.timezone if place else None, self.cf.timezone if self.cf else None]
        if not any(zones):
            zones = [self.ctx.parties.timezone(p) for p in self.ctx.dyad[:1]]
        return Clocks(tuple(dict.fromkeys(z for z in zones if z)) or (None,))

    def time_for(self, s: Sentence, place: PlaceMention | None) -> TimeInterval | None:
        ctx = self.ctx
        clocks = self.clocks(place)
        key = (s.index, clocks)
        if key not in self._times:  # once per sentence and clock, not once per place named
            rel = relative_to_ceasefire(ctx.lex, ctx.shadow, s.start, s.end, self.cf, self.cf_end)
            cal = from_calendar(ctx.lex, ctx.shadow, s.start, s.end, ctx.published, clocks)
            # "19 March, after the truce ended": both hold, so the incident lies in both; when they
            # cannot both hold, the date the text states beats a time reckoned from the truce's window
            self._times[key] = (rel.intersect(cal) if rel and cal else None) or cal or rel
        t = self._times[key]
        if t is None and self.last is not None and self._continues(s):
            t = self.last.time
        t = t or reporting_window(ctx.published, clocks)
        end = publication_end(ctx.published, clocks)
        return clamp_reported(t, end) if t is not None and end is not None else t

    def _follows_last(self, s: Sentence) -> bool:
        """'On 25 April, Russian forces launched a rocket attack at Zhmerynka. As a result of the
        shelling, 3 people were killed.': a sentence naming no place, right after an incident in
        the same paragraph, tells more about it rather than of an incident nowhere."""
        d = self.last
        return d is not None and s.index - d.sentences[-1].index == 1 and d.sentences[-1].paragraph == s.paragraph

    def _continues(self, s: Sentence) -> bool:
        return self.ctx.has("filters.continuation", s) or self.ctx.has("filters.anaphora", s)

    def add(self, s: Sentence) -> None:
        ctx = self.ctx
        trig = trigger(ctx, s)
        if trig is None or (weak(ctx, s) and not self._scene(s)):  # a ministry's seat names no scene
            self._casualties_only(s)
            return
        # a photo caption repeats what the body reports: set aside as the aftermath it shows,
        # unless it dates what it shows to a recent day
        context = (sentence_context(ctx, s, trig.span, crowd=trig.event_type in {"Protests", "Riots"})
                   or self._habitual(s) or _called_for(ctx, s, trig))
        if context is None and _caption(ctx, s) and not recent_day(ctx, s):
            context = "recap"
        if context is not None:
            if self.aside is not None:
                self.aside.add_as(s, trig, context)
            return
        two = contrasted(ctx, s, trig)  # "... was shot down, but a drone hit ...": two events
        if two is None or sentence_context(ctx, two[1], two[2].span) is not None:
            self._place(s, trig)
            return
        ref = self.last if self._continues(s) or self._follows_last(s) else None
        self._place_apart(ref, two[0], trig)
        self._place_apart(ref, two[1], two[2])

    def _place_apart(self, ref: Draft | None, clause: Sentence, trig: Trigger) -> None:
        """One event of a sentence telling two, drafted from its clause: at the places the
        sentence names, or else where and when the incident the sentence follows was (unless the
        clause states a time); merged only with an incident of its kind."""
        places = [p for p in self.places(clause) if not self._speaker_seat(clause, p)]
        targets: list[PlaceMention | None] = list(drop_enclosing_regions(places)) or [ref.place if ref else None]
        for pm in targets:
            d = self._draft(clause, trig, pm)
            if ref is not None and ref.time is not None and (d.time is None or not _dated(d)):
                d.time = ref.time
            self._merge_or_append(d)

    def _habitual(self, s: Sentence) -> str | None:
        """'Kharkiv has faced repeated shelling', 'бойовики регулярно обстрілюють', 'Seit Tagen
        gibt es Kämpfe': violence told as a pattern (``filters.habitual``), with no day the text
        states, is a statement about the war, not an event ACLED would code; "constantly shelled
        on Saturday" names its day and stays news."""
        ctx = self.ctx
        if not ctx.has("filters.habitual", s):
            return None
        cal = from_calendar(ctx.lex, ctx.shadow, s.start, s.end, ctx.published, self.clocks(None))
        return None if cal is not None else "statement"

    def add_as(self, s: Sentence, trig: Trigger, context: str) -> None:
        """A sentence that is not news, drafted with its context."""
        self.context = context
        self._place(s, trig)

    def _place(self, s: Sentence, trig: Trigger) -> None:
        ctx = self.ctx
        places = [p for p in self.places(s) if not self._speaker_seat(s, p)]
        places = drop_enclosing_regions(drop_references(ctx, s, places, downed=trig.sub_type == apart.DISRUPTED))
        if not places and (self._continues(s) or self._follows_last(s)):
            if self.last is not None:
                self._enrich(self.last, s, trig)
                return
            if self.recent_place is not None and ctx.has("filters.anaphora", s):
                places = [self.recent_place]
        if not places:
            country = country_in(ctx, s)
            places = [country] if country is not None and not self._speaker_seat(s, country) else []
        targets: list[PlaceMention | None] = list(places) or [None]
        for pm in targets:
            draft = self._draft(s, trig, pm)
            self._merge_or_append(draft)

    def _casualties_only(self, s: Sentence) -> None:
        """"As a result, 35 soldiers were killed": a toll right after an incident is its toll."""
        d, ctx = self.last, self.ctx
        # the toll follows the incident, at most one sentence in between ("Civilian
        # infrastructure was damaged. 10 civilians were injured and 8 were killed."), in its
        # paragraph, or opening the next one (a wire's short paragraphs: the strike, its toll)
        if d is None or not 1 <= s.index - d.sentences[-1].index <= 2:
            return
        before = self.ctx.sentences[s.index - 1] if 0 < s.index <= len(self.ctx.sentences) else None
        opens_next = s.paragraph - d.sentences[-1].paragraph == 1 \
            and (before is None or before.paragraph != s.paragraph)
        if d.sentences[-1].paragraph != s.paragraph and s.index - d.sentences[-1].index > 1 and not opens_next:
            return
        if ctx.has("ceasefire.terms", s) or self._scene(s):
            return
        cas = extract_casualties(ctx.lex, ctx.shadow, s.start, s.end)
        if cas.killed or cas.injured:
            d.killed += [cas.killed] if cas.killed else []
            d.injured += [cas.injured] if cas.injured else []
            d.sentences.append(s)
            d.evidence.append(ctx.sentence_span(s))

    def note_places(self, s: Sentence) -> None:
        """Remember the last place named, for "la ville" / "the city" in a later sentence."""
        found = self.places(s)
        if found:
            self.recent_place = found[-1]

    def _speaker_seat(self, s: Sentence, pm: PlaceMention) -> bool:
        """'officials in Kyiv said', 'the health ministry in Ramallah', 'talks in Cairo': the seat
        of whoever speaks, or where people meet, not where it happened."""
        ctx = self.ctx
        if fire_origin(ctx, pm.start, pm.end):
            return True  # "roquettes tirées depuis Gaza": where it came from, not where it hit
        if at_venue(ctx, s, pm):
            return True  # "talks in Cairo", "the Istanbul meeting": where people meet, not the scene
        office = next((h for h in ctx.find("speech.officials", s) if 0 < pm.start - h.end <= 25), None)
        if office is not None and self._local_office(ctx.shadow[office.end : pm.start], pm):
            # local officials report local events: their seat only beside another place; a
            # ministry (``speech.national_offices``) speaks for the whole country from its seat
            return len(self.places(s)) > 1 or ctx.lex.optional("speech.national_offices").covers(
                ctx.shadow, office.start, office.end)
        phrase = ctx.shadow[pm.start : pm.end]
        if not ctx.parties.is_alias(phrase):
            return False
        verbs = [m.start for m in ctx.find("speech.verbs", s)]
        return any(abs(v - pm.start) < 50 for v in verbs)

    def _local_office(self, gap: str, pm: PlaceMention) -> bool:
        """'officials in Kyiv', 'the mayor of Moscow', 'le gouverneur de Belgorod': an office of the
        place (a town's or a region's; "the army of Israel" is a country's, no local report)."""
        lex = self.ctx.lex
        if re.fullmatch(rf"\w*\s+(?:{lex.alternation('filters.place_prepositions')})\s+", gap):
            return True
        of = rf"\w*\s+(?:{lex.alternation('filters.of')})\s*"
        return pm.entry.kind != "PCLI" and re.fullmatch(of, gap) is not None

    def _draft(self, s: Sentence, trig: Trigger, pm: PlaceMention | None) -> Draft:
        d = Draft(pm, trig.event_type, trig.sub_type, trig.weapon, self.time_for(s, pm), [], [],
                  context=self.context, strength=trig.strength)
        self._enrich(d, s, trig)
        return d

    def _enrich(self, d: Draft, s: Sentence, trig: Trigger) -> None:
        ctx = self.ctx
        span = trig.span
        speaker, person, agent = self._who(s, span)
        trig = struck_from_afar(ctx, s, trig, agent)
        if trig.strength > d.strength or d.weapon is None and trig.weapon and trig.strength == d.strength:
            d.weapon, d.sub_type, d.event_type, d.strength = trig.weapon, trig.sub_type, trig.event_type, trig.strength
        d.sentences.append(s)
        d.evidence.append(ctx.sentence_span(s))
        if speaker and d.reported_by is None:
            d.reported_by, d.reported_by_person = speaker, person
        if agent and d.perpetrator is None:
            d.perpetrator, d.perpetrator_by = agent, speaker
        elif d.perpetrator is None and speaker and trig.sub_type in taxonomy.TERRITORY \
                and ctx.has("claims.announce", s) and not ctx.has("claims.deny_strict", s):
            d.perpetrator, d.perpetrator_by = speaker, speaker  # "le GNA a annoncé la prise de X": its own gain
        key = (s.start, s.end)  # a clause told apart ("... but a drone hit ...") has its own toll
        if key not in self._facts:  # the same for every place the sentence names: read once
            self._facts[key] = (extract_casualties(ctx.lex, ctx.shadow, s.start, s.end), _targets(ctx, s),
                                _strikes(ctx, s), ctx.has("filters.heard", s))
        cas, targets, strikes, heard = self._facts[key]
        if d.place is not None and len(self.places(s)) > 1:  # several places hit: each its own toll
            own = tolls.for_place(ctx, s, cas, d.place, self._scene(s))
            d.shared_toll = d.shared_toll or own != cas
            cas = own
        d.killed += [cas.killed] if cas.killed else []
        d.injured += [cas.injured] if cas.injured else []
        d.targets += [t for t in targets if t not in d.targets]
        d.strikes = d.strikes or strikes
        d.heard = d.heard or heard
        self.last = d

    def _who(self, s: Sentence, span: tuple[int, int]) -> tuple[str | None, str | None, str | None]:
        """(speaker, speaking person, agent) of the attack at ``span``: the same for every place
        the sentence names, so found once per sentence and trigger (a sentence listing hundreds
        of places must not read its party mentions once per place)."""
        key = (s.index, span)
        if key not in self._roles:
            ctx = self.ctx
            speaker, person = speaker_party(ctx, s)
            agent, agent_mention = agent_party(ctx, s, span, speaker)
            if agent_mention is not None and agent == speaker and not agent_mention.opponent:
                speaker, person = speaker_party(ctx, s, exclude=agent_mention)  # the doer is not the source
                agent, _ = agent_party(ctx, s, span, speaker)
            if agent is None:  # no parse, or one that misses it: prepositions, word order, case
                agent, agent_mention = stated_agent(ctx, s, span, speaker)
                if agent_mention is not None and agent == speaker and not agent_mention.opponent:
                    speaker, person = speaker_party(ctx, s, exclude=agent_mention)
            if agent_mention is not None and not agent_mention.opponent:
                agent = joint_doer(ctx, s, agent_mention, agent)  # "the militia and the army": the army's
            self._roles[key] = speaker, person, agent
        return self._roles[key]

    def _scene(self, s: Sentence) -> list[PlaceMention]:
        """The places a sentence names as where it happened (not a speaker's seat), regions too:
        "killed in the Gaza Strip" ties a toll to the one town of the sentence there."""
        return [p for p in self.places(s) if not self._speaker_seat(s, p)]

    def _apart(self, a: Draft, b: Draft) -> bool:
        """Another kind of violence at the same place and time is another event (ACLED: one per
        place, day and type), unless one of them is a tally over a period ("binnen 24 Stunden"),
        which sums the day's violence there rather than telling an event of its own."""
        return apart.different_types(a, b) and not is_tally(self.ctx, a.sentences + b.sentences)

    def _merge_or_append(self, d: Draft) -> None:
        for other in self.drafts:
            if _same_incident(other, d) and not self._apart(other, d):
                _absorb(other, d)
                self.last = other
                return
        self.drafts.append(d)
        self.last = d


#: the most words of a topic label over a story ("Angriffe im Roten Meer")
KICKER_WORDS = 5


def _kicker(ctx: ArticleContext, s: Sentence) -> bool:
    """A topic label over a story ("Angriffe im Roten Meer", "Attacks in the Red Sea"): a paragraph
    of a few words, no stop at its end, no toll, no date, no party named. It names a subject, not
    an event: alone it is no incident; the story's sentences about the same place may join it."""
    text = ctx.text[s.start : s.end].strip()
    near = ctx.sentences[max(0, s.index - 1) : s.index + 2]  # sentences are in order, indexed from 0
    alone = all(o.paragraph != s.paragraph for o in near if o.index != s.index)
    if not alone or len(text.split()) > KICKER_WORDS or text[-1:] in ".!?…\"”»'":
        return False
    cas = extract_casualties(ctx.lex, ctx.shadow, s.start, s.end)
    return not (cas.killed or cas.injured or ctx.mentions_in(s.start, s.end)
                or grammar(ctx.lex).points(ctx.shadow, s.start, s.end))


def _same_incident(a: Draft, b: Draft) -> bool:
    if a.place is None or b.place is None:
        return a.place is b.place
    if a.place.entry.id != b.place.entry.id:
        return False
    if a.time is None or b.time is None:
        return True
    return a.time.intersect(b.time) is not None


def _absorb(into: Draft, d: Draft) -> None:
    if into.time is not None and d.time is not None:
        explicit = [t for t in (into.time, d.time) if t.basis != "reporting_window"]
        both = into.time.intersect(d.time)
        if len(explicit) == 1:
            into.time = explicit[0]
        elif both is not None:
            into.time = both
    into.time = into.time or d.time
    if d.strength > into.strength or into.weapon is None and d.weapon and d.strength == into.strength:
        into.weapon, into.sub_type, into.event_type, into.strength = d.weapon, d.sub_type, d.event_type, d.strength
    into.sentences += d.sentences
    into.evidence += d.evidence
    into.reported_by = into.reported_by or d.reported_by
    into.reported_by_person = into.reported_by_person or d.reported_by_person
    if into.perpetrator is None:
        into.perpetrator, into.perpetrator_by = d.perpetrator, d.perpetrator_by
    into.killed += d.killed
    into.injured += d.injured
    into.targets += [t for t in d.targets if t not in into.targets]
    into.strikes = into.strikes or d.strikes
    into.heard = into.heard or d.heard
    into.shared_toll = into.shared_toll or d.shared_toll


LEDE_CHARS = 600


def _features(d: Draft, place: Place | None, tally: bool) -> Features:
    """What the text says about a draft, for its calibrated confidence (extract/confidence.py)."""
    return Features(
        town=place is not None and place.geo_precision == 1,
        region=place is not None and place.geo_precision in (2, 3),
        several_sentences=len({s.index for s in d.sentences}) > 1,
        toll=bool(d.killed or d.injured or d.shared_toll), dated=_dated(d), perpetrator=d.perpetrator is not None,
        targets=bool(d.targets), lede=min(s.start for s in d.sentences) < LEDE_CHARS,
        tally=tally,
    )


def _finish(ctx: ArticleContext, d: Draft, incident_id: str) -> Incident:
    place: Place | None = to_place(ctx, d.place) if d.place else None
    tally = is_tally(ctx, d.sentences)
    f_low, f_high = combine(d.killed)
    i_low, i_high = combine(d.injured)
    actor = ctx.parties.acled_actor(d.perpetrator)
    return Incident(
        id=incident_id, place=place, acled_event_type=d.event_type,
        acled_sub_event_type=taxonomy.territory_sub_type(d.sub_type, _taker(ctx, d.perpetrator, actor),
                                                         place.country if place else None),
        weapon=d.weapon, strikes=d.strikes, time=d.time, perpetrator_claimed=d.perpetrator,
        perpetrator_claimed_by=d.perpetrator_by, reported_by=d.reported_by,
        reported_by_person=d.reported_by_person, fatalities_low=f_low, fatalities_high=f_high,
        injured_low=i_low, injured_high=i_high, targets=tuple(d.targets),
        evidence=tuple(sorted(set(d.evidence), key=lambda sp: sp.start)),
        confidence=score(_features(d, place, tally)), evidence_kind="heard" if d.heard and not d.killed else "reported",
        perpetrator_acled_actor=actor, context=d.context,
        tally=tally, sub_event_basis="inferred" if d.event_type == _REMOTE and not d.weapon else "stated",
    )


def _taker(ctx: ArticleContext, party: str | None, actor: str | None) -> tuple[str, str | None] | None:
    """The side that did it, as its ACLED actor and its country (for the territory sub-types).
    A government's affiliate (a side allied with a state's forces, ``allied``: the Popular
    Resistance with Yemen's army) takes ground for that government, as ACLED codes it."""
    if party is None or actor is None:
        return None
    book = ctx.parties
    if not actor.startswith(("Military Forces of", "Police Forces of")):
        gov = next((p for name, p in book.parties.items() if book.allied(party, name)
                    and p.acled_actor.startswith("Military Forces of")), None)
        if gov is not None:
            return gov.acled_actor, gov.country
    known = book.parties.get(party)
    return actor, known.country if known is not None else None


def extract_incidents(ctx: ArticleContext, ceasefires: list[Ceasefire]) -> list[Incident]:
    """The incidents an article reports as news (``context`` "new", ids ``i1``...), then the
    violence it mentions that is not news (recaps, history, speculation, ids ``x1``...), each
    with its context: kept and flagged, never shown as events by default."""
    b = _Builder(ctx, ceasefires)
    for s in ctx.sentences:
        check()
        b.add(s)
        b.note_places(s)
    for d in b.drafts:
        check()
        d.context = _dated_context(ctx, d)
        if all(_kicker(ctx, s) for s in d.sentences):
            d.context = "statement"  # a topic label no sentence of the story joined
        d.perpetrator = d.perpetrator or _defender(ctx, d)
    _unstated_means(b.drafts + (b.aside.drafts if b.aside is not None else []))
    drafts = [d for d in b.drafts if d.context == "new"]
    towns = [d for d in drafts if d.place is not None and d.place.entry.kind != "PCLI"]
    if towns:  # a country-level mention next to placed incidents is a summary of them
        drafts = duplicates.fold(towns, _absorb)  # one strike told at a town and its region
        for d in drafts:
            if _regional_summary(d, drafts):
                d.context = "statement"
        drafts = [d for d in drafts if d.context == "new"]
    elif any(d.place for d in drafts):
        drafts = [d for d in drafts if d.place is not None][:1]
        if not _specific(drafts[0]):  # "Russia fights in Ukraine for a just cause": no event
            drafts[0].context = "statement"
            drafts = []
    else:  # nowhere named: one incident, if the text says what it did or what with, and when
        drafts = drafts[:1] if drafts and _placeless_worth_keeping(drafts[0]) else []
    drafts.sort(key=lambda d: min(s.start for s in d.sentences))
    others = [d for d in b.drafts if d.context != "new"] + (b.aside.drafts if b.aside is not None else [])
    others.sort(key=lambda d: min(s.start for s in d.sentences))
    return ([_finish(ctx, d, f"i{i + 1}") for i, d in enumerate(drafts)]
            + [_finish(ctx, d, f"x{i + 1}") for i, d in enumerate(others)])


#: the violence an article sums up over a region ("the bombardment of the Gaza Strip", "fighting
#: across the region"); a crowd is coded where it gathers, whatever region the text names
_SUMMED = frozenset({"Battles", "Explosions/Remote violence"})


def _regional_summary(d: Draft, drafts: list[Draft]) -> bool:
    """'The bombardment of areas of the Gaza Strip is a violation of the truce' beside the strikes
    on its towns: one sentence naming only a region (an ADM1 entry), with no toll and no day of
    its own, of the same type of violence as incidents the article places at towns of that
    region, sums them up (or accuses); it is no further event. A region's own report ("all the
    cities of Luhansk region were shelled on Saturday", "two killed in the region") keeps its
    day or toll and stays news."""
    if d.place is None or d.place.entry.kind != "ADM1" or len({s.index for s in d.sentences}) > 1:
        return False
    if d.event_type not in _SUMMED:  # a protest "at a university in New York" is its own
        return False
    if d.killed or d.injured or d.shared_toll or _dated(d):
        return False
    region = admin_core(d.place.entry.admin1 or d.place.entry.name)
    return any(o is not d and o.place is not None and o.place.entry.kind == "P" and o.event_type == d.event_type
               and o.place.entry.country == d.place.entry.country
               and admin_core(o.place.entry.admin1 or "") == region for o in drafts)


def _defender(ctx: ArticleContext, d: Draft) -> str | None:
    """'A missile was shot down by air defence systems' over Kyiv: a weapon downed with no side
    named is downed by the side whose land it flew over (a side of the article's conflict)."""
    if d.sub_type != apart.DISRUPTED or d.place is None:
        return None
    book = ctx.parties
    fought = [c["parties"] for c in book.conflicts.values() if set(ctx.dyad) & set(c["parties"])]
    sides = [*ctx.dyad, *(p for parties in fought for p in parties)]
    return next((p for p in sides if p in book.parties and book.parties[p].country == d.place.entry.country), None)


def _unstated_means(drafts: list[Draft]) -> None:
    """Remote violence whose means no sentence of its own states takes the means the article
    states for that side's other attacks (:func:`taxonomy.unstated_means`)."""
    named = [(d.sub_type, d.perpetrator) for d in drafts if d.event_type == _REMOTE and d.weapon]
    for d in drafts:
        if d.event_type == _REMOTE and not d.weapon:
            d.sub_type = taxonomy.unstated_means(d.sub_type, d.perpetrator, named)


HISTORICAL_DAYS = 365


def _dated_context(ctx: ArticleContext, d: Draft) -> str:
    """An incident the text dates more than a week before publication ("On 7 October 2023 ..."
    in a 2025 article, "burned in June" in a July one) is background the article recalls (a
    recap; history past a year), not news it reports."""
    if ctx.published is None or d.time is None or d.time.basis != "explicit":
        return d.context
    days = (ctx.published - d.time.latest.date()).days
    return "historical" if days > HISTORICAL_DAYS else "recap" if days > RECENT_DAYS else d.context


def _dated(d: Draft) -> bool:
    """The text states when: a date, or a time reckoned from the truce."""
    return d.time is not None and d.time.basis in {"explicit", "relative_to_ceasefire"}


def _specific(d: Draft) -> bool:
    """A mention that names only a country is an event when it says what it cost or when."""
    return bool(d.killed or d.injured) or _dated(d)


def _placeless_worth_keeping(d: Draft) -> bool:
    """'Russian forces shelled the Kanatove airfield on 1 March' (a place the gazetteer lacks):
    an incident at an unknown place, kept when it has a toll, or a weapon and a stated date."""
    return bool(d.killed or d.injured) or bool(d.weapon) and _dated(d)


def dominant_country(incidents: list[Incident]) -> str | None:
    counts = Counter(i.place.country for i in incidents if i.place and i.place.country)
    return counts.most_common(1)[0][0] if counts else None

