"""Ceasefire declarations: who declared what, for which hours, where, and how parties answered.

A declaration is a sentence with a ceasefire word and either a declaring verb or a window (time
points, a stated duration, "until further notice"). Declarations with compatible windows merge into
one ceasefire. The window's clock is the one the text states, else the declarer's (``assumed``).
Responses (rejection, acceptance, calls to reciprocate) come from sentences around ceasefire words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from functools import cache

from trucewatch.budget import check
from trucewatch.extract.attribution import claimant
from trucewatch.extract.ceasefire_clauses import clauses, relative_bridge, start_said_before
from trucewatch.extract.ceasefire_clocks import own_clock, truce_clock
from trucewatch.extract.ceasefire_extend import extension
from trucewatch.extract.ceasefire_sides import locative_gap, names_truce_place, sides
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.places import places_in
from trucewatch.extract.speakers import describes_place, is_subject, speaker_party
from trucewatch.nlp.lexicon import Lexicon
from trucewatch.nlp.parties import Mention
from trucewatch.records import Ceasefire, Response, Span
from trucewatch.temporal.intervals import hours_between, localize, shift
from trucewatch.temporal.intervals import zone as tz
from trucewatch.temporal.points import grammar
from trucewatch.temporal.resolve import resolve_date, wall_time
from trucewatch.temporal.window import Window, duration_hours, parse_window


@dataclass
class _Draft:
    sentences: list[Sentence]
    window: Window | None
    declarer: str | None
    evidence: list[Span] = field(default_factory=list)
    strong: bool = False  # the declarer is the agent or owner of the truce, not just a party named
    hours: float | None = None  # the length its sentences state ("a three-day truce")
    effective: bool = False  # its start is the one a start verb dates ("took effect on Monday night")
    extends: int | None = None  # the draft whose truce it prolongs ("extend the truce by a week")


def _full(window: Window | None) -> bool:
    """A window that fixes a period: a start and an end, a duration, or "until further notice"."""
    return window is not None and window.start is not None and (
        window.end is not None or window.open_ended or window.duration_hours is not None)


def _declaring(ctx: ArticleContext, s: Sentence) -> bool:
    """A declaring verb, in a sentence that is not speculation, an early end, or a party
    rejecting someone else's truce ("Zelensky rejected Russia's unilateral ceasefire")."""
    return (ctx.has("ceasefire.declare", s) and not _speculative(ctx, s)
            and not ctx.has("ceasefire.ended_early", s) and not ctx.has("claims.reject", s))


def _speculative(ctx: ArticleContext, s: Sentence) -> bool:
    """A speculation word before the declaration is done ("a truce could be declared", "if Russia
    declares a truce"): not one past both its ceasefire word and its verb, in what the truce is
    for ("a ceasefire was declared so the fighters could leave")."""
    terms, verbs = ctx.find("ceasefire.terms", s), ctx.find("ceasefire.declare", s)
    done = max(terms[0].end, verbs[0].end) if terms and verbs else s.end
    return any(h.start < done for h in ctx.find("filters.speculation", s))


def _declares(ctx: ArticleContext, s: Sentence) -> bool:
    """A declaration: a declaring sentence that does not report a violation."""
    return _declaring(ctx, s) and not ctx.has("claims.violate", s)


def _in_force_since(ctx: ArticleContext, s: Sentence, window: Window | None) -> bool:
    """A violation report that names when the truce took effect ("the ceasefire in force since
    27 November was violated"): it dates the truce, though it declares nothing."""
    return (window is not None and window.start is not None and ctx.has("claims.violate", s)
            and _declaring(ctx, s))


#: how near each other a ceasefire word, its start verb and the start's date stand (characters)
_EFFECT_GAP = 25


def _takes_effect(ctx: ArticleContext, s: Sentence, window: Window | None) -> bool:
    """'within 72 hours of the ceasefire taking effect on 10 October', 'режим прекращения огня
    вступает в силу с 27 июля': a ceasefire word beside a start verb beside the window's start
    dates the truce, whatever else the sentence speculates about (the hostages it "would"
    return). Nothing but a few words may stand between the ceasefire word and its verb: no
    speculation ("the truce could take effect"), no talks ("the truce talks begin")."""
    if window is None or window.start is None or window.span is None:
        return False
    sh, (lo, hi) = ctx.shadow, window.span
    blocked = (ctx.lex.phrases("filters.speculation"), ctx.lex.phrases("filters.venue"))
    # the date after its verb, or before it ("die am Sonntag in Kraft trat")
    verbs = [v for v in ctx.find("ceasefire.start_verbs", s)
             if 0 <= lo - v.end <= _EFFECT_GAP or 0 <= v.start - hi <= _EFFECT_GAP]
    for v in verbs:
        for t in ctx.find("ceasefire.terms", s):
            a, b = (t.end, v.start) if t.end <= v.start else (v.end, t.start)
            # "die Waffenruhe am Sonntag in Kraft tritt": the date may stand between them
            words = (sh[a:lo] + sh[hi:b]).split() if a <= lo and hi <= b else sh[a:b].split()
            bridged = relative_bridge(ctx, a, b, t.end <= v.start)
            near = 0 <= b - a <= 2 * _EFFECT_GAP and len(words) <= 2
            if (near or bridged) and not any(p.search(sh, a, b) for p in blocked):
                return True
    return False


@cache
def _agent_before(lex: Lexicon) -> re.Pattern[str]:
    """'by', 'par', 'von' and perhaps an article, right before a name (``ceasefire.agent``)."""
    return re.compile(rf"(?<!\w)(?:{lex.alternation('ceasefire.agent')})\s+"
                      rf"(?:(?:{lex.alternation('filters.articles')})\s+)?$")


def _declared_by_agent(ctx: ArticleContext, s: Sentence) -> str | None:
    """'declared by Russia', 'décrété par Moscou', 'decretada por Moscú', 'von Kremlchef Putin
    verkündete Feuerpause': the agent of a declaring verb, found without a parse."""
    verbs = [(h.start, h.end) for h in ctx.find("ceasefire.declare", s)]
    for m in ctx.mentions_in(s.start, s.end):
        if not m.party or not _agent_before(ctx.lex).search(ctx.shadow[max(s.start, m.start - 12) : m.start]):
            continue
        if any(-40 <= m.start - b <= 40 or -40 <= a - m.end <= 40 for a, b in verbs):
            return m.party
    return None


def _owner(ctx: ArticleContext, s: Sentence) -> str | None:
    """The party whose truce it is: the agent of its declaring verb, or its owner in the parse
    ("Russia's unilateral ceasefire", "la trêve russe")."""
    agent = _declared_by_agent(ctx, s)
    if agent:
        return agent
    if not ctx.parsed:
        return None
    terms = {t.i for hit in ctx.find("ceasefire.terms", s) for t in ctx.tokens(hit.start, hit.end)}
    for m in ctx.mentions_in(s.start, s.end):
        for t in ctx.tokens(m.start, m.end):
            if m.party and t.dep_ in {"poss", "nmod:poss", "amod", "nmod", "compound"} and t.head.i in terms:
                return m.party
    return None


@cache
def _agent_after(lex: Lexicon) -> re.Pattern[str]:
    """An adjective at most, then 'by', 'من طرف' (``ceasefire.agent``), right after a truce word."""
    return re.compile(rf"\s*(?:\w+\s+)?(?:{lex.alternation('ceasefire.agent')})\s")


def _agent_unknown(ctx: ArticleContext, s: Sentence) -> bool:
    """'هدنة انسانية من طرف التحالف', 'a truce by the coalition': the text names who declared it
    right after the truce word; when that is no party known, no other party is guessed for it."""
    for t in ctx.find("ceasefire.terms", s):
        m = _agent_after(ctx.lex).match(ctx.shadow, t.end, min(s.end, t.end + 40))
        if m is None or any(0 <= p.start - m.end() <= 2 for p in ctx.mentions_in(m.end(), s.end) if p.party):
            continue
        # "eine Feuerpause von Samstag bis Sonntag", "la tregua por 30 días": a time, not an agent
        at, stop = m.end(), min(s.end, m.end() + 40)
        dated = any(p.start - at <= 4 for p in grammar(ctx.lex).points(ctx.shadow, at, stop))
        if not (ctx.shadow[at : at + 1].isdigit() or dated or duration_hours(ctx.lex, ctx.shadow, at, stop)):
            return True
    return False


def _declarer(ctx: ArticleContext, s: Sentence) -> tuple[str | None, bool]:
    """Whose truce, and whether the text says so outright: its agent or owner (strong), else the
    subject, else an official named, else the first party named (in this sentence, then before)."""
    owner = _owner(ctx, s)
    if owner:
        return owner, True
    if _agent_unknown(ctx, s):
        return None, False
    for lo, hi in ((s.start, s.end), (0, s.start)):
        mentions = [m for m in ctx.mentions_in(lo, hi) if m.party and not describes_place(ctx, m)
                    and not names_truce_place(ctx, m) and (lo == s.start or not _rejects_a_truce(ctx, m))]
        subjects = [m for m in mentions if lo == s.start and is_subject(ctx, m, passive=True)]
        people = [m for m in mentions if m.person]
        pick = subjects or people or mentions
        if pick:
            return (pick[0].party if lo == s.start else pick[-1].party), False
    return None, False


def _rejects_a_truce(ctx: ArticleContext, m: Mention) -> bool:
    """'The Houthi leader said he rejects the ceasefire the coalition intends to apply. The message
    quoted him: the battle goes on.': a party named where a truce is rejected, or in the sentence
    right after, is no guess for the declarer of the next one spoken of."""
    s = ctx.sentence_at(m.start)
    return s is not None and any(ctx.has("claims.reject", x) and ctx.has("ceasefire.terms", x)
                                 for x in ctx.sentences[max(0, s.index - 1) : s.index + 1])


def _drafts(ctx: ArticleContext) -> list[_Draft]:
    """Group declaration sentences into ceasefires. A sentence with a full window founds a new
    ceasefire unless it is compatible with one already found; a declaring sentence without one
    supports the ceasefire it fits (or founds one with an unknown window)."""
    drafts: list[_Draft] = []
    last: _Draft | None = None  # the ceasefire the previous sentence spoke of
    for s in clauses(ctx):  # "the first truce began on 13 May…, the second on 10 July": each apart
        check()
        if not ctx.has("ceasefire.terms", s):
            last = _continued(ctx, s, last)
            continue
        last = None
        if ctx.has("ceasefire.ended_early", s):
            continue  # "ended the truce early, at 18:00": the end of a truce, not a new one
        # "on the second day of the truce, on Monday": a day inside the truce, not its start
        inside = ctx.has("ceasefire.day_of", s)
        window = None if inside else parse_window(ctx.lex, ctx.shadow, s.start, s.end, ctx.published)
        full = _full(window)
        if drafts and window is not None and window.start is None and window.end is not None:
            _add_end(drafts[0], window, s, ctx)  # "la tregua, prevista hasta el 15 de enero"
            continue
        prolonged = extension(ctx, s, window, [d.window for d in drafts])
        if prolonged is not None:  # "prolonger le cessez-le-feu de sept jours": a truce of its own
            base, window = prolonged
            last = _Draft([s], window, drafts[base].declarer, [ctx.sentence_span(s)],
                          hours=window.duration_hours, extends=base)
            drafts.append(last)
            continue
        violated = _in_force_since(ctx, s, window)
        declares = _declares(ctx, s)
        effective = _takes_effect(ctx, s, window)
        in_force = violated or effective
        if not full and not declares and not in_force:
            continue
        # "Hezbollah said Israel violated the ceasefire in force since 04:00", "Hamas would return
        # the hostages within 72 hours of the ceasefire taking effect on 10 October": the truce and
        # its start are facts here, its declarer is not named
        declarer, strong = (None, False) if violated or (in_force and not declares) else _declarer(ctx, s)
        hours = window.duration_hours if window else None
        if full:
            target = next((d for d in drafts if _compatible(d, window, declarer)), None)
        else:
            target = _supported(ctx, s, drafts, hours, window)
            window = window if window is not None and window.start is not None else None
        if target is None:
            if window is None or window.start is None:  # "… begins on Monday. Israel agreed to pauses."
                window = start_said_before(ctx, s) or window
            last = _Draft([s], window, declarer, [ctx.sentence_span(s)], strong=strong, hours=hours,
                          effective=effective)
            drafts.append(last)
            continue
        last = target
        target.sentences.append(s)
        target.evidence.append(ctx.sentence_span(s))
        target.hours = target.hours or hours
        if window is not None and target.window is not None and effective != target.effective:
            _effective_start(target, window, effective)
        elif (full and not _full(target.window)) or (target.window is None and window is not None) \
                or (not _full(target.window) and _finer(window, target.window)):
            target.window = window
        if strong and not target.strong:  # "die von Putin angeordnete Waffenruhe" settles it
            target.declarer, target.strong = declarer, True
        target.declarer = target.declarer or declarer
    return drafts


def _effective_start(d: _Draft, window: Window, effective: bool) -> None:
    """'the truce took effect on Monday night', and 'the coalition announced on Sunday a five-day
    truce': the day a start verb gives is its start, the other only the day it was announced;
    the length or the end either states is kept."""
    old = d.window
    if old is None:
        return
    first, other = (window, old) if effective else (old, window)
    if first.start is None or (other.start is not None and (other.start.time() != time() or other.zone)):
        return  # "from 00:00 on 16 March, Kyiv time": a start with its hour or clock is no mere date
    d.window = replace(first, end=first.end or (other.end if other.end and other.end > first.start else None),
                       end_expression=first.end_expression or other.end_expression,
                       duration_hours=first.duration_hours or other.duration_hours,
                       open_ended=first.open_ended or other.open_ended)
    d.effective = True


def _finer(new: Window | None, old: Window | None) -> bool:
    """'un cessez-le-feu à partir de lundi', then 'à partir de 06H00 locales (04H00 GMT), le lundi
    8 juin': the same day again, now with its hour or its clock, is the finer statement of it."""
    if new is None or old is None or new.start is None or old.start is None or new.start.date() != old.start.date():
        return False
    return (new.zone is not None and old.zone is None) or (old.start.time() == time() != new.start.time())


def _supported(ctx: ArticleContext, s: Sentence, drafts: list[_Draft], hours: float | None,
               window: Window | None) -> _Draft | None:
    """The ceasefire a declaring sentence without a full window speaks of: not one of another
    stated length ("a 30-hour Easter truce", then "a three-day truce for May"), nor one dated
    weeks from the day it gives ("the second truce was declared on 10 July", in an article on
    the truce of 26 July); the latest for "another truce"; else the first."""
    fits = [d for d in drafts if (hours is None or d.hours is None or d.hours == hours)
            and (window is None or d.window is None or _within(window, d.window, _RESTATED_DAYS))]
    if not fits:
        return None
    return fits[-1] if ctx.has("ceasefire.another", s) else fits[0]


def _continued(ctx: ArticleContext, s: Sentence, last: _Draft | None) -> _Draft | None:
    """'... a three-day truce for early May. It will run from 8 May to 10 May.': a sentence right
    after a declaration, with no ceasefire word and no event, that states a start and an end,
    gives that ceasefire its window when it has none yet. Returns the ceasefire still spoken of."""
    if last is None or _full(last.window) or ctx.has("events", s):
        return None
    window = parse_window(ctx.lex, ctx.shadow, s.start, s.end, ctx.published)
    if window is None or window.start is None or window.end is None:
        return None
    last.window = window
    last.sentences.append(s)
    last.evidence.append(ctx.sentence_span(s))
    return None


def _add_end(d: _Draft, window: Window, s: Sentence, ctx: ArticleContext) -> None:
    """A later sentence that only says when the truce ends completes a window that lacks an end."""
    if d.window is None or d.window.end is not None or d.window.open_ended:
        return
    d.window = replace(d.window, end=window.end, end_expression=window.end_expression)
    d.evidence.append(ctx.sentence_span(s))


#: how far apart two dates of one party's truce of one length may lie and still be one truce
#: ("announced on 28 April a three-day truce for 8 to 10 May"); further apart, two truces
_RESTATED_DAYS = 14


def _within(a: Window, b: Window, days: int) -> bool:
    return a.start is None or b.start is None or abs(a.start - b.start) <= timedelta(days=days)


def _compatible(d: _Draft, window: Window | None, declarer: str | None) -> bool:
    if d.declarer and declarer and d.declarer != declarer and window and d.window:
        return False
    if (d.declarer is not None and d.declarer == declarer and window and d.window and window.duration_hours
            and window.duration_hours == d.window.duration_hours and _within(window, d.window, _RESTATED_DAYS)):
        return True  # the same party's "three-day truce", restated with another date (its announcement's)
    if not _full(d.window):
        return True
    if window is None or d.window is None or window.start is None or d.window.start is None:
        return True
    return abs((window.start - d.window.start).total_seconds()) < 6 * 3600


def _scope_place(ctx: ArticleContext, sentences: list[Sentence]) -> tuple[str | None, str | None]:
    """A ceasefire declared for a named place: the place follows the ceasefire word with only a
    locative between ("un cessez-le-feu local à Marioupol", "a truce in Gaza")."""
    # the parties' theatre first; then any country ("Russia and Turkey agreed a ceasefire in Idlib")
    for countries in (ctx.parties.theatre(ctx.dyad), set()):
        for s in sentences:
            terms = ctx.find("ceasefire.terms", s)
            for pm in places_in(ctx, s, countries):
                if pm.entry.kind not in {"P", "ADM1"}:
                    continue
                for t in terms:
                    gap = ctx.shadow[t.end : pm.start]
                    if 0 <= pm.start - t.end <= 30 and locative_gap(ctx.lex).match(gap):
                        return pm.entry.name, pm.entry.country
    return None, None


def _ended_early(ctx: ArticleContext, zone: str | None) -> datetime | None:
    """'ended the truce early, at 18:00 Moscow time on Sunday' -> that instant."""
    for s in ctx.sentences:
        if not (ctx.has("ceasefire.ended_early", s) and ctx.has("ceasefire.terms", s)):
            continue
        for p in grammar(ctx.lex).points(ctx.shadow, s.start, s.end):
            if p.has_time:
                day = resolve_date(p, ctx.published, future=False) if p.has_date else ctx.published
                if day is not None:
                    clock = p.zone if p.zone and p.zone != "local" else zone
                    return localize(wall_time(p, day, "start"), clock)
    return None


def _open_ended(ctx: ArticleContext) -> bool:
    return any(ctx.has("ceasefire.open_ended", s) and ctx.has("ceasefire.terms", s)
               for s in ctx.sentences)


def _scope(ctx: ArticleContext, sentences: list[Sentence]) -> str | None:
    for s in sentences:
        hits = ctx.find("scope", s)
        if hits:
            return str(ctx.lex.phrases("scope").value(hits[0]))
    return None


def _occasion(ctx: ArticleContext, sentences: list[Sentence]) -> str | None:
    """The occasion its sentences name (the article's, when it has one truce only): "Easter"
    belongs to the Easter truce, not to the May truce beside it."""
    for s in sentences:
        if ctx.has("ceasefire.terms", s):
            hits = ctx.find("occasion", s)
            if hits:
                return str(ctx.lex.phrases("occasion").value(hits[0]))
    return None


def _stated_duration(ctx: ArticleContext, d: _Draft, sentences: list[Sentence]) -> float | None:
    """The length its window or its sentences state (the article's, when it has one truce only):
    another truce's "30-hour" is not its own."""
    if d.window and d.window.duration_hours is not None:
        return d.window.duration_hours
    if d.hours is not None:
        return d.hours
    for s in sentences:
        if ctx.has("claims.reject", s):
            continue  # "Kyiv rejected it and called for a 30-day ceasefire": another truce
        found = duration_hours(ctx.lex, ctx.shadow, s.start, s.end)
        if found:
            return found[0]
    return None


def _instant(wall: datetime | None, zone: str | None) -> datetime | None:
    return localize(wall, zone) if wall is not None else None


def _build(ctx: ArticleContext, d: _Draft, index: int, single: bool) -> Ceasefire:
    who = sides(ctx, d.sentences, d.declarer, d.strong, single)
    # the sides' clock when its declarer is none of them (a broker, or a party only guessed)
    clock = d.declarer if d.declarer in who.parties or not who.parties else who.parties[0]
    zone, basis = truce_clock(ctx, d.window, clock)
    w = d.window
    start, latest = _instant(w.start if w else None, zone), _instant(w.start_latest if w else None, zone)
    end = _instant(w.end if w else None, truce_clock(ctx, None, clock)[0] if w and w.end_unclocked else zone)
    if basis == "stated" and (own := own_clock(ctx, d.sentences, zone, clock)) != zone:
        zone = own
        start, end, latest = (t.astimezone(tz(own)) if t else None for t in (start, end, latest))
    stated = _stated_duration(ctx, d, ctx.sentences if single else d.sentences)
    consistent = None
    if stated is not None and start and end:
        consistent = abs(hours_between(start, end) - stated) <= 0.5
    open_ended = bool(w and w.open_ended) or (end is None and _open_ended(ctx))
    if start and end is None and stated and not open_ended:
        end = shift(start, stated)
    people = [m for s in d.sentences for m in ctx.mentions_in(s.start, s.end) if m.person]
    head = ctx.parties.head_of(d.declarer, ctx.shadow)
    implementer = next((ctx.text[m.start:m.end] for m in people if m.party == d.declarer
                        and (head is None or (m.person or "") not in head.lower())), None)
    scope = _scope(ctx, d.sentences) or _scope(ctx, ctx.sentences)
    scope_country = None
    if scope is None:
        scope, scope_country = _scope_place(ctx, d.sentences)
    where = who.zone if scope_country is None else None  # a truce for one place holds there
    return Ceasefire(
        id=f"cf{index}", kind=_kind(ctx, d.sentences), declared_by=d.declarer,
        declared_by_person=head, implemented_by_person=implementer,
        start=start, end=end, timezone=zone, timezone_basis=basis if (start or end) else None,
        scope=scope, scope_country=scope_country,
        occasion=_occasion(ctx, ctx.sentences if single else d.sentences),
        duration_stated_hours=stated, duration_consistent=consistent,
        responses=(), evidence=tuple(d.evidence),
        start_expression=w.start_expression if w else None,
        end_expression=w.end_expression if w else None,
        open_ended=open_ended, ended_early=_ended_early(ctx, zone) if start else None,
        parties=who.parties, mediators=who.mediators, zone=where.name if where else None,
        zone_territory=where.territory if where else (), start_latest=latest if start else None,
    )


def _kind(ctx: ArticleContext, sentences: list[Sentence]) -> str:
    for s in sentences:
        hits = ctx.find("ceasefire.terms", s)
        if hits:
            return str(ctx.lex.phrases("ceasefire.terms").value(hits[0]))
    return "ceasefire"


def _last_day(ctx: ArticleContext, drafts: list[_Draft]) -> None:
    """'… au troisième et dernier jour de l'accord dimanche': the day named as a truce's last day
    ends it, at the end of that day, when its window has a start and nothing else ends it."""
    for s in ctx.sentences:
        if not (ctx.has("ceasefire.last_day", s) and ctx.has("ceasefire.terms", s)):
            continue
        days = [(resolve_date(p, ctx.published, future=False), ctx.shadow[p.start:p.end])
                for p in grammar(ctx.lex).points(ctx.shadow, s.start, s.end) if p.has_date and not p.has_time]
        day, said = next(((d, x) for d, x in days if d is not None), (None, None))
        target = next((d for d in drafts if d.window and d.window.start and d.window.end is None
                       and not d.window.open_ended and d.window.duration_hours is None and d.hours is None), None)
        if day is None or target is None or target.window is None or target.window.start is None:
            continue
        end = datetime.combine(day + timedelta(days=1), time())
        if end > target.window.start:
            target.window = replace(target.window, end=end, end_expression=said)
            target.sentences.append(s)  # its words of agreement and its sides are the truce's
            target.evidence.append(ctx.sentence_span(s))


def extract_ceasefires(ctx: ArticleContext) -> list[Ceasefire]:
    drafts = _drafts(ctx)
    _last_day(ctx, drafts)
    cfs = [_build(ctx, d, i + 1, len(drafts) == 1) for i, d in enumerate(drafts)]
    if not cfs:
        return []
    responses = tuple(extract_responses(ctx, cfs[0]))
    cfs[0] = replace(cfs[0], responses=responses, parties=_with_acceptors(ctx, cfs[0]))
    # an extension binds the sides of the truce it prolongs, in its zone
    return [cf if d.extends is None else _prolonging(cf, cfs[d.extends]) for cf, d in zip(cfs, drafts, strict=True)]


def _prolonging(cf: Ceasefire, base: Ceasefire) -> Ceasefire:
    return replace(cf, parties=base.parties, declared_by=base.declared_by, zone=base.zone,
                   zone_territory=base.zone_territory)


def _with_acceptors(ctx: ArticleContext, cf: Ceasefire) -> tuple[str, ...]:
    """'The Taliban declared a three-day truce; President Ghani accepted the offer at once': a
    truce one side declared alone and the other side of its war accepted binds both."""
    if len(cf.parties) != 1 or cf.declared_by not in cf.parties:
        return cf.parties
    wars = [c["parties"] for c in ctx.parties.conflicts.values() if cf.declared_by in c["parties"]]
    for s in ctx.sentences:
        if not _near_ceasefire(ctx, s, reach=2) or ctx.has("claims.reject", s):
            continue
        for hit in ctx.find("claims.accepts", s):
            after = ctx.shadow[hit.end : min(s.end, hit.end + 40)]
            objects = (ctx.lex.phrases("ceasefire.terms"), ctx.lex.phrases("claims.proposal"))
            if not any((o := ph.search(after)) and len(after[: o.start].split()) <= 3 for ph in objects):
                continue
            who = claimant(ctx, s, hit.start, hit.end)
            if who and who[0] != cf.declared_by and any(who[0] in w for w in wars):
                return (*cf.parties, who[0])
    return cf.parties


# --------------------------------------------------------------------------- responses


def _near_ceasefire(ctx: ArticleContext, s: Sentence, reach: int = 3) -> bool:
    lo, hi = max(0, s.index - reach), min(len(ctx.sentences), s.index + reach + 1)
    return any(ctx.has("ceasefire.terms", x) for x in ctx.sentences[lo:hi])


def _stance(ctx: ArticleContext, s: Sentence, cf: Ceasefire) -> str | None:
    if ctx.has("claims.deny_strict", s):
        return None
    if _reciprocate(ctx, s):
        return "called_to_reciprocate"
    if ctx.has("claims.reject", s) and _near_ceasefire(ctx, s):
        return "rejected"
    return None


def _reciprocate(ctx: ArticleContext, s: Sentence) -> bool:
    return bool(ctx.find("claims.reciprocate", s)) and _near_ceasefire(ctx, s, reach=2)


def extract_responses(ctx: ArticleContext, cf: Ceasefire) -> list[Response]:
    out: list[Response] = []
    seen: set[tuple[str, str]] = set()
    for s in ctx.sentences:
        stance = _stance(ctx, s, cf)
        if stance is None:
            continue
        party, person = speaker_party(ctx, s)
        if party is None:
            continue
        if stance == "called_to_reciprocate" and party != cf.declared_by:
            continue
        if stance == "rejected" and (party == cf.declared_by or _names_its_declarer(ctx, s, party)):
            continue
        if (party, stance) in seen:
            _add_person(out, party, stance, person)
            continue
        seen.add((party, stance))
        out.append(Response(party, stance, person, (ctx.sentence_span(s),)))
    return out


def _names_its_declarer(ctx: ArticleContext, s: Sentence, party: str) -> bool:
    """The party is named only as the declarer of the truce rejected ("rejected the truce declared
    by the coalition", "رفضه الهدنة التي أعلنها التحالف"): a truce word, a declaring verb right
    after it, the party right after the verb."""
    terms = ctx.find("ceasefire.terms", s)
    verbs = [v for v in ctx.find("ceasefire.declare", s) if any(0 <= v.start - t.end <= 12 for t in terms)]
    named = [m for m in ctx.mentions_in(s.start, s.end) if m.party == party]
    return bool(named) and all(any(0 <= m.start - v.end <= 12 for v in verbs) for m in named)


def _add_person(out: list[Response], party: str, stance: str, person: str | None) -> None:
    for i, r in enumerate(out):
        if r.party == party and r.stance == stance and r.by is None and person:
            out[i] = replace(r, by=person)
