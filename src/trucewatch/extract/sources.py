"""Who a sentence is attributed to, and who a party word next to violence says did it, where
:mod:`trucewatch.extract.attribution` finds no one: the cases a claim needs beyond the grammar
of the verb of saying.

* A source named in apposition after "according to" ("nach Angaben des Gouverneurs, Wjatscheslaw
  Gladkow", "según el portavoz del ejército, X"): the official's name after the comma speaks.
* A verb of saying closing its clause with no auxiliary ("wie Gouverneur Igor Artamonow auf
  Telegram bekannt gab", "wie die Hamas am Montag mitteilte"): its subject is the party named
  before it in the clause.
* The next sentence saying whose report this was ("Про це повідомляє прес-центр штабу ООС", "Об
  этом сообщили в Минобороны", ``speech.about_this`` at its start).
* A party adjective on the word of violence in a language without a parse: German writes it
  lower-case before its noun ("ukrainische Angriffe"), Spanish lower-case after it ("ataques
  israelíes"), Arabic after it with the adjective's ending ("غارات إسرائيلية"). A country's name
  there may be who was hit ("Angriffe Russlands" is Russia's, "ataques a Israel" is not): only the
  adjective counts.
"""

from __future__ import annotations

import re

from trucewatch.extract.attribution import Who, named_after, named_before, said_by, who_of
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.speakers import is_source
from trucewatch.nlp.lexicon import Match
from trucewatch.nlp.parties import Mention

#: a clause ends here: no source is read across it (a comma is, to an official's name)
_BREAK = re.compile(r'[.;:!?"()\[\]]')
#: Arabic adjectives of relation end so (shadow form: ة is folded to ه): إسرائيلي, إسرائيلية
_NISBA = ("ي", "يه")  # not the plural nouns ("قصف الحوثيين" may be the Houthis shelled)
#: languages whose lower-case party word before a noun is its adjective (nouns are capitalised)
_CAPITAL_NOUNS = {"de"}
#: languages whose party adjective follows its noun, lower-case
_ADJECTIVE_AFTER = {"es", "ar"}


def _appositive(ctx: ArticleContext, s: Sentence, hit: Match, exclude: Mention | None) -> Mention | None:
    """The official named after an "according to" phrase and the office's words, across one comma
    ("nach Angaben des Gouverneurs, Wjatscheslaw Gladkow")."""
    for m in ctx.mentions_in(hit.end, s.end):
        if m == exclude:
            continue
        gap = ctx.shadow[hit.end : m.start]
        if _BREAK.search(gap) or len(gap.split()) > 5 or gap.count(",") > 1:
            return None
        if "," in gap and not m.person:
            return None
        return m
    return None


def attributed(ctx: ArticleContext, s: Sentence, exclude: Mention | None = None,
               back: bool = True) -> Who | None:
    """The party the sentence is attributed to (:func:`said_by`), else the official named in
    apposition after an "according to" phrase; ``back``: else, in a sentence that goes on
    reporting (``speech.continued``), the source of the sentences before."""
    who = said_by(ctx, s, exclude=exclude)
    if who is not None or not ctx.lex.optional("claims.according_to"):
        return who
    for hit in ctx.find("claims.according_to", s):
        m = _appositive(ctx, s, hit, exclude)
        if m is not None and who_of(ctx, m):
            return who_of(ctx, m)
    who = _clause_final(ctx, s, exclude) or _reported_next(ctx, s, exclude) or _source_word(ctx, s, exclude)
    return who if who is not None or not back else _continued(ctx, s, exclude)


def _source_word(ctx: ArticleContext, s: Sentence, exclude: Mention | None) -> Who | None:
    """'По украинским данным, ...', 'nach ukrainischen Angaben', 'sources ukrainiennes': the party
    word beside a word for reports (``claims.source_nouns``) names who says it."""
    for m in ctx.mentions_in(s.start, s.end):
        if m != exclude and is_source(ctx, s, m) and who_of(ctx, m):
            return who_of(ctx, m)
    return None


def _continued(ctx: ArticleContext, s: Sentence, exclude: Mention | None) -> Who | None:
    """'Згідно з повідомленням штабу АТО: ... Як зазначається, бойовики обстрілювали ...', 'Wie es
    weiter hieß, ...': a sentence opening or closing with a phrase that goes on reporting
    (``speech.continued``) is the source's of the two sentences before, the nearest first."""
    go_on = ctx.lex.optional("speech.continued")
    if not go_on:
        return None
    body = ctx.shadow[s.start : s.end]
    hits = [h for h in go_on.finditer(ctx.shadow, s.start, s.end)
            if len(ctx.shadow[s.start : h.start].split()) <= 1 or not body[h.end - s.start :].strip(' .,"»')]
    if not hits:
        return None
    for prev in reversed(ctx.sentences[max(0, s.index - 2) : s.index]):
        who = attributed(ctx, prev, exclude, back=False)
        if who is not None:
            return who
    return None


def _reported_next(ctx: ArticleContext, s: Sentence, exclude: Mention | None) -> Who | None:
    """The speaker of the next sentence when it opens by pointing back ("Про це повідомляє ...")."""
    nxt = ctx.sentences[s.index + 1] if s.index + 1 < len(ctx.sentences) else None
    back = ctx.lex.optional("speech.about_this")
    if nxt is None or not back:
        return None
    hit = back.search(ctx.shadow, nxt.start, min(nxt.end, nxt.start + 40))
    if hit is None or len(ctx.shadow[nxt.start : hit.start].split()) > 1:
        return None
    who = said_by(ctx, nxt, exclude=exclude) or _clause_final(ctx, nxt, exclude)
    for verb in ctx.find("speech.verbs", nxt) if who is None else []:
        # "Про це повідомляє прес-центр штабу ООС", "Об этом сообщили в Народной милиции ДНР":
        # after the pointer the subject follows its verb
        m = named_after(ctx, nxt, verb.end, words=4, stop=None, exclude=exclude, source=True)
        if m is not None and verb.start >= hit.end:
            return who_of(ctx, m)
    return who


def _clause_final(ctx: ArticleContext, s: Sentence, exclude: Mention | None) -> Who | None:
    """Where the verb closes its clause (``claims.verb_final``), a verb of saying at the clause's
    end: the party named before it in the clause ("..., wie die Hamas am Montag mitteilte.")."""
    if ctx.parsed or not ctx.lex.section("claims").get("verb_final"):
        return None
    for hit in ctx.find("speech.verbs", s):
        rest = ctx.shadow[hit.end : s.end].lstrip()
        if rest and rest[0] not in ",.;:!?\"-":
            continue
        m = named_before(ctx, s, hit.start, exclude=exclude)
        if m is not None and who_of(ctx, m):
            return who_of(ctx, m)
    return None


def demonym_doer(ctx: ArticleContext, s: Sentence, hit: Match) -> Mention | None:
    """Without a parse, the party adjective on the word of violence at ``hit`` (see the module's
    text), or None."""
    lang = ctx.lex.language
    if ctx.parsed or lang not in _CAPITAL_NOUNS | _ADJECTIVE_AFTER:
        return None
    for m in ctx.mentions_in(max(s.start, hit.start - 40), min(s.end, hit.end + 40)):
        if m.person or m.opponent or not m.party:
            continue
        word = ctx.text[m.start : m.end]
        if lang in _CAPITAL_NOUNS and m.end <= hit.start and not ctx.text[m.end : hit.start].strip():
            if word[:1].islower() and ctx.text[hit.start : hit.start + 1].isupper():
                return m
        if lang in _ADJECTIVE_AFTER and m.start >= hit.end and not ctx.text[hit.end : m.start].strip():
            last = ctx.shadow[m.start : m.end].split()[-1]
            if (lang == "ar" and last.endswith(_NISBA)) or (lang != "ar" and word[:1].islower()):
                return m
    return None


def _adjective(ctx: ArticleContext, m: Mention) -> bool:
    """The party word qualifies a noun ("Russian strikes", "Israel's attacks", "l'agression
    azerbaïdjanaise", "ukrainische Angriffe", "российские обстрелы", "الغارات الإسرائيلية")."""
    if ctx.parsed:
        return any(t.dep_ in {"amod", "poss", "nmod:poss", "compound"} for t in ctx.tokens(m.start, m.end))
    lang, word = ctx.lex.language, ctx.text[m.start : m.end]
    if lang == "ar":
        return ctx.shadow[m.start : m.end].split()[-1].endswith(_NISBA)
    if lang in {"ru", "uk"}:
        from trucewatch.nlp.morph import analyzer

        head = ctx.shadow[m.start : m.end].split()[-1]
        return any("ADJF" in p.tag for p in analyzer(lang).parse(head)[:2])
    return word[:1].islower()


def _locative_gap(ctx: ArticleContext, gap: str) -> bool:
    words = gap.split()
    if not words:
        return False
    hit = ctx.lex.phrases("filters.locative").search(words[-1])
    return hit is not None and (hit.start, hit.end) == (0, len(words[-1]))


def condemned(ctx: ArticleContext, s: Sentence, hit: Match, who: Who) -> Mention | None:
    """Whom a condemnation names (``claims.condemn``: "condemned Russia", "denounced Israeli
    strikes", "a dénoncé une agression azerbaïdjanaise", "осудил российские обстрелы"): the party
    right after the verb, or a party adjective on its object a few words on; not the victim
    ("condemned the attack on Israel"), a place ("in Kyiv") or the speaker's own side."""
    for m in ctx.mentions_in(hit.end, s.end):
        gap = ctx.shadow[hit.end : m.start]
        if _BREAK.search(gap) or "," in gap or len(gap.split()) > 5:
            return None
        if m.opponent or not m.party or m.party == who[0] or _locative_gap(ctx, gap):
            continue
        if len(gap.split()) <= 1 or _adjective(ctx, m) or _doer_linked(ctx, gap):
            return m
    return None


def _doer_linked(ctx: ArticleContext, gap: str) -> bool:
    """'kritisierte die Ankündigung der Hamas', 'condemned the strikes by Israel': the object noun
    and a word that names its doer next (``claims.violation_by``) stand before the party."""
    words = gap.split()
    tail = " ".join(words[1:]).lower()
    return len(words) >= 2 and any(tail.endswith(f" {w}") or tail == w
                                   for w in ctx.lex.section("claims").get("violation_by", []))
