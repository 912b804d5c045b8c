"""PLOVER's context of a sentence that reports violence: news of a new incident, or something else.

A careful reader sets aside, beside the incidents, violence an article mentions without reporting
it as news. The contexts are PLOVER's (docs/labelling.md):

* ``planned``: announced, threatened or prepared ("threatened to strike", "next week", a future
  tense at the event word: "will strike", "обстріляють", "bombardera");
* ``hypothetical``: speculation and conditions ("could", "if", "perhaps");
* ``historical``: an earlier period: a year before the article's ("in 2014", "the 1990s"), when
  the sentence states no recent day;
* ``recap``: an earlier event of the same conflict retold ("last week", "le mois dernier",
  a background tally) and the picture of an aftermath (a photo caption's present-tense scene);
* ``statement``: a pattern or tally since a year ("since 2022"), what a video shows, fighting
  told for the whole front ("along the entire front line") and aircraft flying low or breaking the
  sound barrier with no toll and nothing hit (a show of force).

Every cue is a lexicon list of the language (section ``context`` and the older ``filters``
lists); the grammar (tense, aspect) comes from spaCy's morphology where the language is parsed
and from pymorphy3 for Russian and Ukrainian. A sentence that also states a day near publication
("on Saturday", "overnight", "hoy") keeps its news reading for the dated cues: "last week's
truce collapsed on Saturday when ..." is news.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache
from typing import Any

from trucewatch.extract.casualties import extract_casualties
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.nlp.lexicon import Lexicon
from trucewatch.nlp.morph import MORPH_LANGUAGES, analyzer
from trucewatch.temporal.points import grammar
from trucewatch.temporal.resolve import resolve_date

#: a day the sentence states this many days or fewer before publication is recent
RECENT_DAYS = 7

_YEAR = re.compile(r"(?<![\w.,])(?P<y>19[5-9]\d|20\d\d)(?:s|-е|-х|-ті)?(?!\w|[.,]\d)")


def sentence_context(ctx: ArticleContext, s: Sentence, at: tuple[int, int], crowd: bool = False) -> str | None:
    """The context of sentence ``s`` whose event word is at ``at``, or None for news. ``crowd``: the
    event word names a crowd (a protest, a riot), whose size ("thousands of protesters") is no tally."""
    if not _answered(ctx, s, at) and _in_clause(ctx, s, at, "context.planned"):
        return "planned"
    if _in_clause(ctx, s, at, "filters.speculation"):
        return "hypothetical"  # "could shell X next week": the modality, not the plan
    if _future(ctx, s, at):
        return "planned"
    if _long_after(ctx, s, at):
        return "recap"
    if _truce_scope(ctx, s, at):
        return "statement"  # "the truce applies to attacks on ships": what is to stop, not what happened
    if _in_clause(ctx, s, at, "context.front_wide") or _overflight(ctx, s, at):
        return "statement"  # "fighting along the whole front", "jets flew low over Beirut": no one event
    recent = recent_day(ctx, s)
    if not recent and _since_clause(ctx, s, at):
        return "recap"
    if not recent and _since_year(ctx, s):
        return "statement"
    if not recent and _past_year(ctx, s):
        return "historical"
    if not recent and (ctx.has("context.recap_times", s) or _background(ctx, s, at, crowd)):
        return "recap"
    if not recent and (_caption_scene(ctx, s) or _in_timeline(ctx, s)):
        return "recap"
    if _filmed(ctx, s, at) and (not recent or _camera(ctx, s, at)):
        return "statement"
    return None


def _overflight(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """'Israeli jets flew low over Beirut, breaking the sound barrier', 'drones were heard over
    Kyiv': aircraft shown (``context.overflight``) or heard, not used, unless the sentence states
    a toll or a target hit."""
    if not (_in_clause(ctx, s, at, "context.overflight") or _craft_heard(ctx, s, at)) or ctx.has("targets", s):
        return False
    cas = extract_casualties(ctx.lex, ctx.shadow, s.start, s.end)
    return not (cas.killed or cas.injured)


def _answered(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """'vowed to avenge the strike on Tyre', 'drohte mit Vergeltung für den Angriff': the event word
    is what the vow answers (``context.answered`` at most three words before it), a past event."""
    hits = ctx.lex.optional("context.answered").finditer(ctx.shadow, max(s.start, at[0] - 40), at[0])
    gap = ctx.shadow[hits[-1].end : at[0]] if hits else ""
    return bool(hits) and len(gap.split()) <= 3 and not re.search(r"[,;:.]", gap)


#: how far from the word of a craft the word of hearing stands ("jets could be heard")
HEARD_CHARS = 25


def _craft_heard(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """The event word names a craft (a drone, or an aircraft: ``filters.armed``) that was heard
    (``filters.heard`` a few words before or after it, in its clause): the sound of it flying,
    not of a hit ("explosions were heard" names a hit and stays news)."""
    events, sh = ctx.lex.phrases("events"), ctx.shadow
    hit = events.search(sh, at[0], at[1])
    if hit is None or not (events.value(hit)[2] == "drones" or ctx.lex.phrases("filters.armed").covers(sh, *at)):
        return False
    heard = ctx.lex.optional("filters.heard")
    after = heard.search(sh, at[1], min(s.end, at[1] + HEARD_CHARS))
    before = heard.finditer(sh, max(s.start, at[0] - HEARD_CHARS), at[0])
    return after is not None and not re.search(r"[,;:.]", sh[at[1] : after.start]) \
        or bool(before) and not re.search(r"[,;:.]", sh[before[-1].end : at[0]])


#: how far into an article a timeline is announced (its lede)
TIMELINE_LEDE = 1500


def _in_timeline(ctx: ArticleContext, s: Sentence) -> bool:
    """A sentence after the lede announcing a timeline (``context.timeline``: "Here is a timeline of
    the main developments", "Chronologie der Ereignisse") retells the chronology; read once."""
    key = ("timeline", 0)
    if key not in ctx.memo:
        hit = ctx.lex.optional("context.timeline").search(ctx.shadow, 0, min(len(ctx.shadow), TIMELINE_LEDE))
        ctx.memo[key] = None if hit is None else hit.end
    end = ctx.memo[key]
    return isinstance(end, int) and s.end > end


def _background(ctx: ArticleContext, s: Sentence, at: tuple[int, int], crowd: bool) -> bool:
    """A background tally in the sentence; before a crowd's word ("thousands of protesters") it is
    the crowd's size."""
    return any(not (crowd and 0 <= at[0] - h.end <= 5) for h in ctx.find("filters.background", s))


def _filmed(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """'footage from a drone showed ...', 'Drohnen filmten': the event word names the camera or
    what a video shows, close to a word of filming; "Footage showed smoke in X, one of the
    places hit" reports the strike and stays news."""
    return any(abs(h.start - at[0]) <= 60 or abs(at[1] - h.end) <= 60 for h in ctx.find("context.footage", s))


def _long_after(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """'une semaine après de violents combats', 'two weeks after the strike on': the event word
    is what a span of weeks or more (``context.weeks_after``) follows, at most three words later in
    its clause, so the event is that long before the sentence's time; a day the sentence states
    ("on Thursday she said, a week after the fighting") dates the saying, not the fighting."""
    return any(_governs(ctx, h.end, at) for h in ctx.find("context.weeks_after", s))


def _governs(ctx: ArticleContext, end: int, at: tuple[int, int]) -> bool:
    """A cue ending at ``end`` stands before the event word at ``at``, at most three words and no
    clause break between: it governs that word."""
    gap = ctx.shadow[end : at[0]]
    return end <= at[0] and len(gap.split()) <= 3 and not re.search(r"[,;:.!?]", gap)


def _truce_scope(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """In a sentence naming a truce, the event word is what the truce is to end ("an end to attacks
    on ships", "gelte für Angriffe auf Schiffe": ``context.truce_scope`` at most three words before
    it; "die Angriffe ... sollen ein Ende haben": ``context.truce_scope_after`` later in its clause)."""
    if not ctx.has("ceasefire.terms", s):
        return False
    sh = ctx.shadow
    terms = ctx.find("ceasefire.terms", s)
    for h in ctx.find("context.truce_scope", s):
        truce_between = any(h.end <= t.start < at[0] for t in terms)  # "nach dem Ende der Waffenruhe beschoss"
        if _governs(ctx, h.end, at) and not truce_between:
            return True
    return any(at[1] <= h.start <= at[1] + 80 and not re.search(r"[,;:.!?]", sh[at[1] : h.start])
               for h in ctx.find("context.truce_scope_after", s))


def _camera(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """'released footage from a drone that showed ... on Monday', 'drone footage from Saturday':
    the event word is the camera itself (a filming word at most a few words from it) and the
    sentence names no other violence. A day stated does not make a recording a strike; "drone
    footage showed the strike on X on Monday" names the strike and stays news."""
    near = any(0 <= at[0] - h.end <= 10 or 0 <= h.start - at[1] <= 3 for h in ctx.find("context.footage", s))
    return near and all(h.start == at[0] for h in ctx.find("events", s))


def _in_clause(ctx: ArticleContext, s: Sentence, at: tuple[int, int], section: str) -> bool:
    """A cue of ``section`` in the event word's clause: "Russia fired missiles on Thursday, but
    officials expect next week's volley to be larger" plans the volley, not the missiles fired. A
    comma or semicolon and a contrasting conjunction (``context.contrast``: "but", "mais", "pero")
    between the cue and the event word part their clauses; one part tells what happened, the other
    what is expected or feared."""
    hits = ctx.find(section, s)
    if not hits:
        return False
    contrast = _contrast(ctx)
    for h in hits:
        lo, hi = (h.end, at[0]) if h.end <= at[0] else (at[1], h.start)
        if contrast is None or not contrast.search(ctx.shadow, lo, max(lo, hi)):
            return True
    return False


def _contrast(ctx: ArticleContext) -> re.Pattern[str] | None:
    return _contrast_rx(ctx.lex)


@cache
def _contrast_rx(lex: Lexicon) -> re.Pattern[str] | None:
    if not lex.words("context.contrast"):
        return None
    return re.compile(rf"[,;]\s*(?:{lex.alternation('context.contrast')})(?!\w)")


def _future(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    if _in_clause(ctx, s, at, "context.future_times"):
        return True
    if ctx.published is not None:
        for p in grammar(ctx.lex).points(ctx.shadow, s.start, s.end):
            if p.rel_day is not None and p.rel_day > 0 and p.weekday is None:
                return True  # "tomorrow", "demain"
    return _future_tense(ctx, s, at)


def _future_tense(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """The event word in the future: an auxiliary right before it ("will strike", "va frapper",
    "будет обстреливать"), spaCy's Tense=Fut (French "bombardera"), or pymorphy3's future of a
    perfective verb (Russian "обстреляют", Ukrainian "обстріляють")."""
    aux = ctx.lex.optional("context.future_aux")
    if aux:
        before = ctx.shadow[max(s.start, at[0] - 25) : at[0]]
        for h in aux.finditer(before):
            if not before[h.end :].strip() or len(before[h.end :].split()) <= 1:
                return True
    tokens = ctx.tokens(at[0], at[1])
    if ctx.parsed and any("Fut" in t.morph.get("Tense") for t in tokens):
        return True
    if ctx.lex.language in MORPH_LANGUAGES:
        word = ctx.text[at[0] : at[1]].split()
        return bool(word) and _morph_future(analyzer(ctx.lex.language), word[0])
    return False


def _morph_future(morph: Any, word: str) -> bool:
    """Every verb reading of ``word`` is in the future (an ambiguous form stays news)."""
    verbs = [p for p in morph.parse(word) if p.tag.POS == "VERB"]
    return bool(verbs) and all("futr" in p.tag for p in verbs)


def recent_day(ctx: ArticleContext, s: Sentence) -> bool:
    """The sentence states a day at most :data:`RECENT_DAYS` before publication ("on Saturday",
    "yesterday", "6 May" in a 9 May article) or the night before it. Asked for the context and
    again for a caption: read once per sentence (``ctx.memo``)."""
    key = ("recent_day", s.index)
    if key not in ctx.memo:
        ctx.memo[key] = _recent_day(ctx, s)
    return bool(ctx.memo[key])


def _recent_day(ctx: ArticleContext, s: Sentence) -> bool:
    if ctx.published is None:
        return False
    if ctx.has("time.overnight", s):
        return True
    for p in grammar(ctx.lex).points(ctx.shadow, s.start, s.end):
        if not p.has_date:
            continue
        day = resolve_date(p, ctx.published, future=False)
        if day is not None and timedelta(0) <= ctx.published - day <= timedelta(days=RECENT_DAYS):
            return True
    return False


def _years(ctx: ArticleContext, s: Sentence) -> list[re.Match[str]]:
    if ctx.published is None:
        return []
    return [m for m in _YEAR.finditer(ctx.shadow, s.start, s.end) if int(m["y"]) < ctx.published.year]


def _since_year(ctx: ArticleContext, s: Sentence) -> bool:
    """'since 2014', 'depuis 2022', 'с 2014 года': a pattern or a tally since then."""
    since = ctx.lex.optional("context.since")
    if not since:
        return False
    for m in _years(ctx, s):
        if not _tied(ctx, s, m):
            continue
        before = ctx.shadow[max(s.start, m.start() - 20) : m.start()]
        hits = list(since.finditer(before))
        if hits and re.fullmatch(r"[\s\w]{0,10}", before[hits[-1].end :]) and len(before[hits[-1].end :].split()) <= 1:
            return True
    return False


def _since_clause(ctx: ArticleContext, s: Sentence, at: tuple[int, int]) -> bool:
    """'Since Russian troops withdrew from the towns around Kyiv, ...', 'Depuis le début des
    combats, ...': a sentence opening with ``context.since_clause`` and an event word before the
    comma that closes that clause tells an earlier event as the start of what the sentence
    reports. (Not Russian "с" or Ukrainian "з", which also mean "with", nor German, where no comma
    closes a fronted phrase: [] there.)"""
    since = ctx.lex.optional("context.since_clause")
    if not since:
        return False
    lead = len(ctx.shadow[s.start : s.end]) - len(ctx.shadow[s.start : s.end].lstrip(" \"'«“‘-—"))
    opening = since.search(ctx.shadow, s.start + lead, s.start + lead + 20)
    if opening is None or opening.start != s.start + lead or not opening.end <= at[0]:
        return False
    comma = ctx.shadow.find(",", opening.end, s.end)
    return comma > at[1] and not re.search(r"[;:.!?]", ctx.shadow[opening.end : at[0]])


def _past_year(ctx: ArticleContext, s: Sentence) -> bool:
    """A year before the article's names when the sentence's violence happened: 'the 2017 air
    strikes on Raqqa', 'los bombardeos de 2014', 'à l'automne 2020', 'In 2014, forces shelled
    X', 'in the 1990s'; not a year of another clause ("a rocket was fired, while Hamas has kept
    a truce since 2012"). The sentence's recent day, checked by the caller, wins."""
    return any(_tied(ctx, s, m) for m in _years(ctx, s))


_CLAUSE = re.compile(r"[,;:()]")


def _tied(ctx: ArticleContext, s: Sentence, year: re.Match[str]) -> bool:
    """The year and an event word share a clause, or the year opens the sentence ("In 2014,
    ...", "Seit 2014 ...") and dates all that follows."""
    opening = not _CLAUSE.search(ctx.shadow[s.start : year.start()])
    for h in ctx.find("events", s):
        lo, hi = (year.end(), h.start) if year.end() <= h.start else (h.end, year.start())
        if not _CLAUSE.search(ctx.shadow[lo:hi]) or opening and year.end() <= h.start:
            return True
    return False


def _caption_scene(ctx: ArticleContext, s: Sentence) -> bool:
    """A photo caption describing its picture ("A man walks past a destroyed building after
    shelling in Kharkiv", "Vehicles are burned outside a church, in X"): a sentence with a
    caption's scene words, or, where the parse tells the tense, a paragraph of one sentence
    without a closing full stop whose main verb is in the present; never one whose verbs are
    past, progressive ("are attacking": a headline) or of speech."""
    alone = all(o.paragraph != s.paragraph for o in ctx.sentences if o.index in (s.index - 1, s.index + 1))
    scene = ctx.has("context.caption_scene", s)
    if not (alone or scene):
        return False  # a caption glued to the body's paragraph still has its scene words
    if not ctx.parsed:
        return scene
    heads = {"ROOT", "aux", "auxpass"}
    verbs = [t for t in ctx.tokens(s.start, s.end) if t.pos_ in {"VERB", "AUX"} and t.dep_ in heads]
    if any("Past" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm") for t in verbs):
        return False
    if any("Prog" in t.morph.get("Aspect") for t in verbs) or ctx.has("speech.verbs", s):
        return False  # "Russian forces are attacking along the front, Ukraine says": a headline
    unclosed = not ctx.text[s.start : s.end].rstrip().endswith((".", "!", "?", "»", '"', "”"))
    return scene or alone and unclosed and any("Pres" in t.morph.get("Tense") for t in verbs)


def is_tally(ctx: ArticleContext, sentences: list[Sentence]) -> bool:
    """An incident told by a toll over a period or a war ("binnen 24 Stunden mindestens 36
    getötet", "за сутки", "since the war began"): a tally of many strikes."""
    return any(ctx.has("context.tally", s) or ctx.has("casualties.cumulative", s) for s in sentences)
