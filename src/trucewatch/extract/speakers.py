"""Who speaks in a sentence, and who is said to have acted.

The speaker of a sentence is the party mention next to a verb of saying ("ont déclaré des
responsables ukrainiens", "Ukrainian officials said"), else a named official, else the grammatical
subject; a pronoun subject ("Il a déclaré") or a quotation continuing over several sentences takes
the speaker of the sentence before. The agent of an attack is a party mention that is neither the
speaker nor a description of the place ("la ville ukrainienne de ..."); "the occupiers" is the
speaker's opponent.
"""

from __future__ import annotations

import re
from typing import Any

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.place_names import lookups
from trucewatch.nlp.parties import Mention


def _speech_hits(ctx: ArticleContext, s: Sentence) -> list[int]:
    return [m.start for m in ctx.find("speech.verbs", s)]


def describes_place(ctx: ArticleContext, m: Mention) -> bool:
    """A party named as the description of a place ("la ville ukrainienne de", "Russian soil",
    ``filters.place_nouns``; in a language whose adjectives follow the noun, ``filters.adjective_after``,
    only the noun before it: "الأراضي الروسية") or, without a parse, after a preposition of place ("في لبنان", "в
    России", ``filters.place_prepositions``): it neither acts nor speaks."""
    sh = ctx.shadow
    lo = max(0, m.start - 14)
    end = lo + len(sh[lo : m.start].rstrip())  # the last word before the mention ends here
    sets = [ctx.lex.phrases("filters.place_nouns")]
    if not ctx.parsed:
        sets.append(ctx.lex.phrases("filters.place_prepositions"))
    if any(h.end == end for words in sets for h in words.finditer(sh, lo, end)):
        return True
    if ctx.lex.section("filters").get("adjective_after"):
        return False  # "القوات الإسرائيلية مدينة ...": the adjective follows its noun, the next word is the object
    gap = sh[m.end : m.end + 10]
    first = m.end + len(gap) - len(gap.lstrip())  # the first word after it starts here
    hit = sets[0].search(sh, first, m.end + 10)
    return hit is not None and hit.start == first


def _beside(ctx: ArticleContext, m: Mention, words: Any, after: bool = True) -> bool:
    """A phrase of ``words`` right after the mention (if ``after``), or right before it."""
    sh = ctx.shadow
    first = m.end + len(sh[m.end : m.end + 30]) - len(sh[m.end : m.end + 30].lstrip())
    hit = words.search(sh, first, min(len(sh), first + 30)) if first > m.end and after else None
    if hit is not None and hit.start == first:
        return True
    end = m.start - (len(sh[max(0, m.start - 30) : m.start]) - len(sh[max(0, m.start - 30) : m.start].rstrip()))
    return end < m.start and any(h.end == end for h in words.finditer(sh, max(0, end - 30), end))


def is_source(ctx: ArticleContext, s: Sentence, m: Mention) -> bool:
    """The mention names who reports, right after an "according to" phrase (``claims.according_to``:
    "Laut einer Mitteilung des ukrainischen Generalstabs hat die russische Armee ...", "selon
    l'armée ukrainienne", "по данным ВСУ"): the accuser, never the attack's doer."""
    nouns = ctx.lex.optional("claims.source_nouns")
    if nouns and not m.opponent and _beside(ctx, m, nouns):
        return True  # "griff das Militär ukrainischen Angaben nach ... an", "по украинским данным"
    found = ctx.lex.optional("claims.according_to")
    if not found:
        return False
    for h in found.finditer(ctx.shadow, max(s.start, m.start - 60), m.start):
        gap = ctx.shadow[h.end : m.start]
        if len(gap.split()) <= 3 and not re.search(r'[.;:!?"()\[\],]', gap) \
                and not any(x.start >= h.end and x.end <= m.start for x in ctx.mentions_in(h.end, m.start)):
            return True
    return False


def on_target(ctx: ArticleContext, m: Mention) -> bool:
    """The party word qualifies what was hit ("обстріляли українські позиції", "ukrainische
    Stellungen", "les positions ukrainiennes", "مواقع أوكرانية"): a target noun (``targets``)
    right after it, or right before it; it names the side hit, not the one that fired."""
    if m.opponent:
        return False
    # where adjectives follow their noun (Arabic: "مواقع أوكرانية", "مواقع الحوثيين") only a target
    # before the party qualifies it; one after it is the verb's object ("قصف الحوثيون مواقع")
    return _beside(ctx, m, ctx.lex.phrases("targets"), after=not ctx.lex.section("filters").get("adjective_after"))


def backing(ctx: ArticleContext, m: Mention) -> bool:
    """The party backs, arms or made what the doer used, it is not the doer ("rebels backed by
    Turkey", "при поддержке авиации"): right after a word of backing (``filters.backed_by``; an
    article, a word for forces or craft, "المدعومين بطيران التحالف", or in Arabic a clitic "ب"
    between), or fused before one (``filters.backed_after``: "Russian-backed separatists",
    "US-made missiles"), or the party of its supporters (``filters.backer_prefixes``: "pro-Russian")."""
    prefixes = ctx.lex.words("filters.backer_prefixes")
    if any(ctx.shadow.endswith(x, max(0, m.start - len(x)), m.start) for x in prefixes):
        after = ctx.shadow[m.end : m.end + 30].split()
        # "pro-palästinensische Demonstranten": its supporters, not the party; "pro-Haftar forces"
        # are its side's fighters
        return not (after and _forces(ctx, after[0].strip(",.;:")))
    fused = ctx.lex.optional("filters.backed_after")
    hit = fused.search(ctx.shadow, m.end, min(len(ctx.shadow), m.end + 20)) if fused else None
    if hit is not None and not ctx.shadow[m.end : hit.start].strip() and hit.start - m.end <= 1:
        return True
    if not ctx.lex.optional("filters.backed_by"):
        return False
    hits = ctx.lex.phrases("filters.backed_by").finditer(ctx.shadow, max(0, m.start - 30), m.start)
    gap = ctx.shadow[hits[-1].end : m.start].strip() if hits else None
    if gap is None:
        return False
    bare = gap[1:] if ctx.lex.language == "ar" and gap.startswith("ب") else gap
    return gap in {"", "ب", *ctx.lex.words("filters.articles")} or (" " not in bare and _forces(ctx, bare))


def _continues_quote(ctx: ArticleContext, s: Sentence) -> bool:
    head = ctx.text[s.start : s.start + 2]
    return head[:1] in "\"“«”" or ctx.shadow[s.start:s.end].count('"') % 2 == 1


def _starts_with_pronoun(ctx: ArticleContext, s: Sentence) -> bool:
    first = ctx.shadow[s.start : s.end].split(" ", 1)[0]
    return first in ctx.lex.words("speech.pronouns")


def _speaker_mention(ctx: ArticleContext, s: Sentence, exclude: Mention | None = None) -> Mention | None:
    mentions = [m for m in ctx.mentions_in(s.start, s.end)
                if not m.opponent and not describes_place(ctx, m) and m != exclude]
    if not mentions:
        return None
    verbs = _speech_hits(ctx, s)
    if verbs:
        def distance(m: Mention) -> int:
            return min(abs(m.start - v) for v in verbs)

        speech = _speech_tokens(ctx, s)
        subjects = [m for m in mentions if is_subject(ctx, m, speech)]
        if subjects:
            return min(subjects, key=distance)
        near = [m for m in mentions if distance(m) <= 45 and not _reported(ctx, s, m, verbs)]
        accusing = [h.start for h in ctx.find("claims.accuse", s)]
        if not ctx.parsed and accusing and any(m.start < min(accusing) for m in near):
            # no parse: "X warf der Ukraine vor" names the accused right after the verb
            near = [m for m in near if m.start < min(accusing)]
        if near:
            return min(near, key=distance)
    people = [m for m in mentions if m.person]
    if people:
        return people[0]
    if not ctx.parsed:  # no parse (German): the first party named, not the side hit
        return next((m for m in mentions if not on_target(ctx, m)), None)
    subjects = [m for m in mentions if is_subject(ctx, m)]
    return subjects[0] if subjects else None


def _reported(ctx: ArticleContext, s: Sentence, m: Mention, verbs: list[int]) -> bool:
    """Without a parse: the mention is inside what was said ("officials said that Russian
    forces...", "власти сообщили, что российская армия..."), after a verb of saying and the
    language's complementizer."""
    if ctx.parsed:
        return False
    that = ctx.lex.phrases("speech.complementizers")
    return bool(that) and any(
        v < m.start and that.search(ctx.shadow, v, m.start) is not None for v in verbs)


_MODIFIERS = {"amod", "nmod", "appos", "flat:name", "compound", "poss", "nmod:poss", "flat"}


def _speech_tokens(ctx: ArticleContext, s: Sentence) -> set[int]:
    """Token indices of the verbs of saying in the sentence."""
    out: set[int] = set()
    for hit in ctx.find("speech.verbs", s):
        out.update(t.i for t in ctx.tokens(hit.start, hit.end))
    return out


def is_subject(ctx: ArticleContext, m: Mention, verbs: set[int] | None = None, passive: bool = False) -> bool:
    """The mention is, or qualifies, the active subject of a verb of saying ("Moscou a accusé",
    "des responsables ukrainiens ont déclaré", "Russia's defence ministry said"); with
    ``verbs=None``, of any verb."""
    for t in ctx.tokens(m.start, m.end):
        head = t
        if t.dep_ in _MODIFIERS and t.head.dep_ in {"nsubj"}:
            head = t.head
        elif t.dep_ in _MODIFIERS and t.head.dep_ in _MODIFIERS and t.head.head.dep_ == "nsubj":
            head = t.head.head
        if passive and head.dep_ in {"nsubjpass", "nsubj:pass"} and verbs is None:
            return True  # "Russia is expected to begin a truce"
        if head.dep_ == "nsubj" and (verbs is None or head.head.i in verbs or _clause_of(head.head, verbs)):
            return True
    return False


def _clause_of(verb: Any, verbs: set[int]) -> bool:
    """A verb of saying that hangs off this verb ("X a rejeté l'annonce, affirmant que ...")."""
    return any(c.i in verbs and c.dep_ in {"advcl", "xcomp", "conj"} for c in verb.children)


def speaker_party(ctx: ArticleContext, s: Sentence,
                  exclude: Mention | None = None) -> tuple[str | None, str | None]:
    """(party, person) speaking in sentence ``s``; falls back to earlier sentences for pronouns
    and continued quotations. ``exclude``: a mention known to be the attack's agent."""
    own = _speaker_mention(ctx, s, exclude)
    inherit = _starts_with_pronoun(ctx, s) or (own is None and _continues_quote(ctx, s))
    if own is not None and not (inherit and not own.person and own.start > s.start + 40):
        person = ctx.text[own.start : own.end] if own.person else None
        if person is None and not _speech_hits(ctx, s):
            person = _person_nearby(ctx, s, own.party)
        return own.party, person
    if inherit:
        for prev in reversed(ctx.sentences[max(0, s.index - 4) : s.index]):
            m = _speaker_mention(ctx, prev)
            if m is not None:
                return m.party, ctx.text[m.start : m.end] if m.person else None
    return None, None


def _person_nearby(ctx: ArticleContext, s: Sentence, party: str) -> str | None:
    """The named official of ``party`` speaking in this sentence or the next two."""
    for x in ctx.sentences[s.index : min(len(ctx.sentences), s.index + 3)]:
        m = _speaker_mention(ctx, x)
        if m is not None and m.person and m.party == party:
            return ctx.text[m.start : m.end]
        people = [p for p in ctx.mentions_in(x.start, x.end) if p.person and p.party == party]
        verbs = _speech_hits(ctx, x)
        if people and verbs:
            best = min(people, key=lambda p: min(abs(p.end - v) for v in verbs))
            return ctx.text[best.start : best.end]
    return None


_AGENT_DEPS = {"obl:agent", "agent"}


def _passive(verb: Any) -> bool:
    return any(c.dep_ in {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"} for c in verb.children)


def _verb_of(t: Any) -> Any:
    """The verb a weapon word hangs from: itself, its head, or the verb above a preposition ("hit
    Kyiv with cruise missile strikes"); never up through another noun ("the missile cruiser")."""
    if t.pos_ in {"VERB", "AUX"}:
        return t
    if t.head.pos_ == "ADP":  # "with" may hang from the verb or from its object ("hit Kyiv with")
        v = t.head.head
        for _ in range(2):
            if v.pos_ in {"VERB", "AUX"}:
                return v
            v = v.head
    return t.head


def _tied_to(ctx: ArticleContext, m: Mention, trigger: tuple[int, int]) -> bool:
    """The mention is the attack's agent in the parse: active subject of the trigger's verb, its
    passive agent ("par les forces russes", "by Russian forces"), or an adjective on the weapon
    or on the subject ("Russian missiles", "roquettes russes", "an Israeli air strike"), or right
    before the weapon word whatever the parse makes of it ("by Russian shelling")."""
    trig = ctx.tokens(*trigger)
    if not trig or not ctx.parsed:
        return False  # never walk the tree of an unparsed Doc: heads and children are unset
    if 0 <= trigger[0] - m.end <= 1 and not m.opponent and trig[-1].dep_ != "compound":
        return True
    t = trig[-1]
    if t.dep_ == "compound" and not _names_violence(ctx, t.head):
        return False  # "the Russian missile cruiser": the weapon word names a thing, not an attack
    while t.dep_ == "compound" and t.head.i != t.i:
        t = t.head  # "cruise missile strikes": the attack is the head noun
    verb = _verb_of(t)
    if ctx.lex.phrases("claims.accuse").covers(ctx.shadow, verb.idx, verb.idx + len(verb.text)):
        # "Ukraine accused Russia of the attack": the subject accuses, its object is said to have done it
        return any(tok.dep_ in {"dobj", "obj"} and tok.head.i == verb.i for tok in ctx.tokens(m.start, m.end))
    passive = _passive(verb)
    anchors = set(trig) | {x.head for x in trig if x.dep_ != "compound" or _names_violence(ctx, x.head)} | {
        c for c in verb.children if c.dep_ == "nsubj"}
    for tok in ctx.tokens(m.start, m.end):
        if tok.dep_ == "nsubj" and tok.head.i == verb.i and not passive:
            return True
        if tok.dep_ in _AGENT_DEPS or ctx.shadow[max(0, m.start - 4) : m.start] in _by_window(ctx):
            return verb.i in (tok.head.i, tok.head.head.i)
        if tok.dep_ in _MODIFIERS and tok.head.i in {a.i for a in anchors}:
            return True
    before = ctx.shadow[max(0, m.start - 25) : m.start].rstrip()
    return m.start > trigger[0] and any(before.endswith(w) for w in ctx.lex.words("speech.agent"))


def _by_window(ctx: ArticleContext) -> set[str]:
    """The agent words (``speech.agent``) with their space, as the four characters before a
    mention. Only a three-letter word and its space fill them ("par "): "by " and "from "
    never do. Kept so: reading "by" there too makes the parse's "shelled by Russian forces"
    lose its agent, the preposition's head being no verb."""
    return {f"{w} " for w in ctx.lex.words("speech.agent")}


def _names_violence(ctx: ArticleContext, tok: Any) -> bool:
    """'missile attack': the noun a weapon word modifies is violence too; 'missile cruiser' is not."""
    hit = ctx.lex.phrases("events").search(ctx.shadow, tok.idx, tok.idx + len(tok.text))
    return hit is not None and hit.start == tok.idx


def _adjacent(ctx: ArticleContext, m: Mention, trigger: tuple[int, int]) -> bool:
    """Without a parse: a demonym right next to the weapon ("russische Drohnen", "roquettes
    russes"), or before it with one word for armed men between ("российские войска обстреляли")."""
    if 0 <= trigger[0] - m.end <= 2 or 0 <= m.start - trigger[1] <= 2:
        return True
    words = ctx.shadow[m.end : trigger[0]].split() if 0 < trigger[0] - m.end <= 30 else []
    if len(words) == 1 and bool(ctx.lex.phrases("filters.armed").search(words[0])):
        return True
    # verb first ("قصفت القوات الإسرائيلية", "قصف المتمردون الحوثيون"): the armed men named right
    # after the verb, their party after them; not the positions shelled ("قصف مواقع الحوثيين")
    words = ctx.shadow[trigger[1] : m.start].split() if 0 < m.start - trigger[1] <= 30 else []
    return len(words) == 1 and _forces(ctx, words[0])


def after_that_pronoun(ctx: ArticleContext, s: Sentence, verb: tuple[int, int]) -> bool:
    """'قالت إنها استهدفت': "that" with the subject's pronoun on it (``speech.that_pronoun``),
    or a relative pronoun ('الهجمات التي استهدفت', ``speech.relatives``), right before the verb:
    its subject is named before, not after it."""
    return any(not ctx.shadow[h.end : verb[0]].strip()
               for words in (ctx.lex.optional("speech.that_pronoun"), ctx.lex.optional("speech.relatives"))
               for h in (words.finditer(ctx.shadow, max(s.start, verb[0] - 10), verb[0]) if words else ()))


def object_after(ctx: ArticleContext, s: Sentence, m: Mention, verb: tuple[int, int]) -> bool:
    """Arabic, subject first (after "إن", or fronted): "إن المقاومة استهدفت الحوثيين": the party
    right after the verb is its object when another party opens the verb's clause just before it."""
    if ctx.lex.language != "ar" or m.start < verb[1]:
        return False
    if after_that_pronoun(ctx, s, verb):
        return True
    for o in ctx.mentions_in(max(s.start, verb[0] - 40), verb[0]):
        gap = ctx.shadow[o.end : verb[0]]
        if o is not m and not o.person and o.party != m.party and not gap.strip():
            return True
    return False


def _forces(ctx: ArticleContext, word: str) -> bool:
    """A word for armed men (``filters.armed``) that is not a target ("positions")."""
    return bool(ctx.lex.phrases("filters.armed").search(word)) and not ctx.lex.phrases("targets").search(word)


def _aux_subject(ctx: ArticleContext, m: Mention, trigger: tuple[int, int]) -> bool:
    """Without a parse, a perfect tense: the party next to its auxiliary, the attack participle
    later in the clause, nothing said in between ("hatte Israel ... den Flughafen angegriffen",
    "Die Hisbollah hat ... ein Lager angegriffen"); not "Israel hat erklärt, ... angegriffen"."""
    aux = ctx.lex.optional("filters.perfect_aux")
    if not aux or trigger[0] <= m.end:
        return False
    after = aux.search(ctx.shadow, m.end, m.end + 24)
    articles = {"", *ctx.lex.words("filters.articles")}  # "hat die russische Armee ... angegriffen"
    before = [h for h in aux.finditer(ctx.shadow, max(0, m.start - 12), m.start)
              if ctx.shadow[h.end : m.start].strip() in articles]
    between = ctx.shadow[m.end : after.start].split() if after is not None else ["-", "-"]
    # "Russische Flugzeuge hätten ... abgeworfen": the party's forces stand by the auxiliary
    if not (before or not between or len(between) == 1 and _forces(ctx, between[0])):
        return False
    gap = (m.end, trigger[0])
    if not _list_commas(ctx, ctx.shadow[gap[0] : gap[1]]):
        return False
    # a source set in the clause ("haben nach Angaben eines Sprechers ... getötet") says nothing of its own
    sources = ctx.lex.optional("claims.according_to")
    inserted = {h.start for h in sources.finditer(ctx.shadow, *gap)} if sources else set()
    return all(h.start in inserted for h in ctx.lex.phrases("speech.verbs").finditer(ctx.shadow, *gap))


def _list_commas(ctx: ArticleContext, gap: str) -> bool:
    """No clause break in ``gap``: no comma, or only the commas of a list closed by "and" ("haben
    Siedler drei Häuser, eine Gärtnerei und eine Schreinerei angezündet", "Schüsse abgefeuert,
    Steine geworfen und Autos angezündet"), with no "that" after them."""
    if re.search(r"[;:]", gap):
        return False
    if "," not in gap:
        return True
    joins = set(ctx.lex.words("filters.list_joins"))
    that = ctx.lex.optional("speech.complementizers")
    tail = gap[gap.rfind(",") + 1 :]
    return any(w in joins for w in tail.split()) and (not that or that.search(gap) is None)


def agent_party(ctx: ArticleContext, s: Sentence, trigger: tuple[int, int],
                speaker: str | None) -> tuple[str | None, Mention | None]:
    """The party said to have carried out the attack described near ``trigger``."""
    candidates = []
    # without a parse, next to any word of violence in the sentence ("غارة إسرائيلية")
    violence = [trigger, *((h.start, h.end) for h in ctx.find("events", s))] if not ctx.parsed else []
    for m in ctx.mentions_in(s.start, s.end):
        if describes_place(ctx, m) or m.person or is_source(ctx, s, m) or on_target(ctx, m) or backing(ctx, m):
            continue
        if m.opponent:
            party = opponent_party(ctx, m, speaker)
        elif _tied_to(ctx, m, trigger) or any(_adjacent(ctx, m, v) and not object_after(ctx, s, m, v)
                                              for v in violence) \
                or (not ctx.parsed and _aux_subject(ctx, m, trigger)):
            party = m.party
        else:
            continue
        if party:
            candidates.append((abs(m.start - trigger[0]), party, m))
    if not candidates:
        return (speaker, None) if speaker and _speaker_acts(ctx, trigger) else (None, None)
    _, party, m = min(candidates, key=lambda c: c[0])
    return party, m


def _speaker_acts(ctx: ArticleContext, trigger: tuple[int, int]) -> bool:
    """The reported attack's subject is the speaker itself: "Russia said it struck ...", "the
    ministry said its missiles hit ...", "we destroyed" (``speech.self`` pronouns, active voice)."""
    own = ctx.lex.optional("speech.self")
    trig = ctx.tokens(*trigger)
    if not own or not trig or not ctx.parsed:
        return False
    t = trig[-1]
    verb = _verb_of(t)
    if _passive(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] + ([t] if t.dep_ == "nsubj" else [])
    words = [w for x in subjects for w in (x, *(c for c in x.children if c.dep_ in {"poss", "nmod:poss", "det:poss"}))]
    return any(own.covers(ctx.shadow, w.idx, w.idx + len(w.text)) for w in words)


def opponent_party(ctx: ArticleContext, m: Mention, speaker: str | None) -> str | None:
    """The party an opponent term ("the occupiers", "бойовики") names: the speaker's opponent in
    the article's dyad; where the article names no other side, the one the term's block assigns
    to the region of the places the sentence names (``regions`` in data/parties.toml)."""
    party = ctx.parties.opponent_of(speaker, ctx.dyad)
    if party is not None or speaker is None:
        return party
    s = ctx.sentence_at(m.start)
    if s is None:
        return None
    regions = {(e.name if e.kind == "ADM1" else e.admin1) or "" for c in lookups(ctx, s) for e in c.entries
               if e.kind in {"P", "ADM1"}}
    return ctx.parties.regional_opponent(ctx.shadow[m.start : m.end], speaker, regions - {""})
