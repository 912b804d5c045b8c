"""A bare word for armed men or craft names the party whose forces the article last called so.

"شن طيران التحالف غارات ... كما قصف الطيران مواقع للحوثيين": the aviation of the second
sentence is the coalition's; "the Israeli army ... the army said it struck", "l'armée libyenne
... l'armée a frappé", "die israelische Armee ... Die Armee griff ... an". The word
(``filters.armed``, not a word for the positions they hold) is *bare* when no party stands in it
or right next to it; its *antecedent* is the same word (the Arabic article and clitics aside)
where the article last qualified it by a party, in the sentence or the few before. When those
sentences qualify it by two parties ("the Russian army ... the Ukrainian army"), the bare word
names neither: an agent is never guessed.
"""

from __future__ import annotations

import re

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.nlp.lexicon import Match
from trucewatch.nlp.parties import Mention

#: how many sentences back an antecedent may stand
_REACH = 8
#: Arabic proclitics before the article ("والطيران", "فالجيش", "بالطائرات", "للقوات")
_AR_CLITICS = ("و", "ف", "ب")
#: the key all words for warplanes share
_AIRCRAFT = "~aircraft"


def _key(ctx: ArticleContext, h: Match) -> str:
    """The word an antecedent must share (the Arabic article and clitics aside); every word for
    warplanes (``filters.aircraft``) is one."""
    word = _bare(ctx, ctx.shadow[h.start : h.end].lower())
    return _AIRCRAFT if word in ctx.lex.words("filters.aircraft") else word


def _bare(ctx: ArticleContext, word: str) -> str:
    if ctx.lex.language != "ar":
        return word
    if word[:1] in _AR_CLITICS and word[1:3] == "ال":
        word = word[1:]
    if word.startswith("لل"):
        return word[2:]
    return word[2:] if word.startswith("ال") else word


def _whole(ctx: ArticleContext, h: Match) -> bool:
    sh = ctx.shadow
    return (h.start == 0 or not sh[h.start - 1].isalnum()) and (h.end == len(sh) or not sh[h.end].isalnum())


def _qualifier(ctx: ArticleContext, h: Match, linked: bool) -> Mention | None:
    """The party mention containing the word or standing right next to it ("طيران التحالف",
    "russische Truppen"); ``linked``: or after it past a genitive linker ("Truppen der Hamas",
    ``speech.agent_of``)."""
    sh = ctx.shadow
    links = set(ctx.lex.words("speech.agent_of")) | set(ctx.lex.words("filters.articles")) if linked else set()
    for m in ctx.mentions_overlapping(max(0, h.start - 40), min(len(sh), h.end + 40)):
        if m.person:
            continue
        if m.start < h.end and h.start < m.end:
            return m
        gap = sh[m.end : h.start] if m.end <= h.start else sh[h.end : m.start]
        if _conjoined(ctx, h, m):
            continue
        if not gap.strip() or m.start >= h.end and set(gap.split()) <= links and "," not in gap:
            return m
    return None


def _conjoined(ctx: ArticleContext, h: Match, m: Mention) -> bool:
    """Arabic writes "and" onto the second of two nouns: "المقاومة الشعبية والجيش" is the
    resistance and the army, not the resistance's army."""
    if ctx.lex.language != "ar":
        return False
    second = h.start if m.end <= h.start else m.start
    return ctx.shadow.startswith("وال", second)


def _qualified(ctx: ArticleContext) -> list[tuple[int, str, str]]:
    """(offset, word, party) of every armed word the article qualifies by a party, in order."""
    memo = ("anaphora.qualified", 0)
    if memo not in ctx.memo:
        out = []
        for h in ctx.lex.phrases("filters.armed").finditer(ctx.shadow):
            m = _qualifier(ctx, h, linked=False) if _whole(ctx, h) else None
            if m is not None and m.party and not m.opponent:
                out.append((h.start, _key(ctx, h), m.party))
        ctx.memo[memo] = out
    found: list[tuple[int, str, str]] = ctx.memo[memo]
    return found


def armed_mentions(ctx: ArticleContext, s: Sentence) -> list[Mention]:
    """Mentions, in sentence ``s``, of the bare armed words whose party an antecedent settles."""
    if not ctx.lex.optional("filters.armed"):
        return []
    lo = ctx.sentences[max(0, s.index - _REACH)].start
    out = []
    for h in _bare_forces(ctx, s):
        key = _key(ctx, h)
        parties = {party for at, k, party in _qualified(ctx) if lo <= at < h.start and k == key}
        if len(parties) == 1:
            out.append(Mention(h.start, h.end, parties.pop()))
    return out


def pronoun_mentions(ctx: ArticleContext, s: Sentence) -> list[Mention]:
    """'The Israeli military has carried out strikes ... Last Sunday, it killed ...': a subject
    pronoun (``filters.subject_pronouns``) opening the sentence's main clause (at its start or
    after a fronted phrase and its comma) names the party whose forces the sentence right before
    names, when that sentence names one party's forces only; else nothing is guessed."""
    pronouns = ctx.lex.optional("filters.subject_pronouns")
    if not pronouns or s.index == 0:
        return []
    prev = ctx.sentences[s.index - 1]
    parties = {party for at, _, party in _qualified(ctx) if prev.start <= at < prev.end}
    if len(parties) != 1:
        return []
    sh, out = ctx.shadow, []
    for h in pronouns.finditer(sh, s.start, s.end):
        head = sh[s.start : h.start]
        if _whole(ctx, h) and not head[head.rfind(",") + 1 :].strip() and head.count(",") <= 1:
            out.append(Mention(h.start, h.end, next(iter(parties))))
    return out[:1]


def own_mentions(ctx: ArticleContext, s: Sentence, speaker: str | None) -> list[Mention]:
    """The speaker's own forces named in sentence ``s`` ("die eigene Armee", "our troops",
    "عناصرها", ``speech.own_forces``) as mentions of the speaker's party; in the speaker's own
    quoted words also a bare word for forces ('"L'armée de l'air a mené cinq frappes", a-t-il
    ajouté'), unless they say "our" elsewhere ('"The army shelled our villages"': another army);
    none when no party speaks."""
    own = ctx.lex.optional("speech.own_forces")
    if not own or speaker is None:
        return []
    taken = ctx.mentions_in(s.start, s.end)
    out = [Mention(h.start, h.end, speaker) for h in own.finditer(ctx.shadow, s.start, s.end)
           if _whole(ctx, h) and not any(m.start < h.end and h.start < m.end for m in taken)]
    # a quote that says "our" elsewhere ("the army shelled our villages") means another army
    if out or not _opens_quote(ctx, s):
        return out
    close = re.search(r'["»”“]', ctx.text[s.start + 1 : s.end])
    end = s.start + 1 + close.start() if close else s.end
    self_words = ctx.lex.optional("speech.self")
    if self_words and any(_whole(ctx, h) for h in self_words.finditer(ctx.shadow, s.start, end)):
        return out
    return [Mention(h.start, h.end, speaker) for h in _bare_forces(ctx, s) if h.end <= end]


def _opens_quote(ctx: ArticleContext, s: Sentence) -> bool:
    """The sentence opens a quotation: its first character, or the one right before it at the
    start of a line or after a space, is an opening quotation mark."""
    at = ctx.text[s.start : s.start + 1]
    before = ctx.text[max(0, s.start - 2) : s.start]
    return bool(at) and at in "\"«“„" or before[-1:] in ("«", "“", "„") \
        or before[-1:] == '"' and (len(before) < 2 or before[0].isspace())


def _bare_forces(ctx: ArticleContext, s: Sentence) -> list[Match]:
    """The words for forces in ``s`` no party qualifies (not the positions they hold)."""
    targets = ctx.lex.phrases("targets")
    return [h for h in ctx.lex.phrases("filters.armed").finditer(ctx.shadow, s.start, s.end)
            if _whole(ctx, h) and targets.search(ctx.shadow[h.start : h.end]) is None
            and _qualifier(ctx, h, linked=True) is None]
