"""The stated doer of an attack where the parse names none (de, es, ru, uk, ar have no parse;
the en and fr parses miss some): read from the language's prepositions, word order and case.

Tried in order, each within the clause of a word of violence (lexicon ``events``), never across
a clause break, a comma or a verb of saying:

* ``by``: the party after an agent preposition (``speech.agent``: "par l'armée russe", "von
  russischen Truppen", "por las fuerzas rusas", "من قبل الجيش", "على يد", "со стороны", "з боку"),
  a few words from the word of violence, on either side of it;
* ``of``: the party right after an attack noun, joined by the language's genitive
  (``speech.agent_of``: "Angriff der Hamas", "ataque de las fuerzas rusas", "frappes de l'armée";
  in Russian and Ukrainian a genitive that is no place name, "удар ЗСУ"; in Arabic the annexed
  noun or the ``لـ`` clitic, "هجوم مسلح للمقاومة"); not after words of taking ground
  ("l'invasion de l'Ukraine" names the invaded);
* ``verb first`` (Arabic, VSO): the party right after an attack verb or a verb that carries an
  attack noun (``speech.agent_verbs``: "شن طيران التحالف غارات", "أمطرت الفصائل ... بالقذائف");
  never after a verb of killing, which is passive as often as not ("قتل حوثيان");
* ``subject`` (SVO languages): the party opening the clause of an active verb of violence or of
  an ``agent_verbs`` verb ("los rebeldes sirios dispararon", "L'armée israélienne a mené des
  frappes"); in Russian and Ukrainian it must be nominative and agree with the verb in number
  (pymorphy3: "Російські війська ... завдали удару", "РФ завдала удару"; "Київ атакували" is
  an object, the verb being plural), never after a preposition (``filters.locative``) nor before a
  passive auxiliary (``speech.passive_aux``: "Kharkiv wurde von ... beschossen").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from trucewatch.extract.anaphora import armed_mentions, own_mentions, pronoun_mentions
from trucewatch.extract.attribution import _dateline, party_of
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.speakers import (
    after_that_pronoun,
    backing,
    describes_place,
    is_source,
    object_after,
    on_target,
)
from trucewatch.nlp.lexicon import Match
from trucewatch.nlp.parties import Mention

_CLAUSE = re.compile(r'[.;:!?"«»()\[\],]')
#: sub-event types of taking ground: the genitive after them names the place taken, not the taker
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
#: the Arabic preposition li- fused with the article: "للمقاومة", of (belonging to) the resistance
_ARTICLE_L = "لل"
Span2 = tuple[int, int]


def _words(text: str) -> list[str]:
    return text.split()


def _candidates(ctx: ArticleContext, s: Sentence) -> list[Mention]:
    out: list[Mention] = []
    for m in ctx.mentions_in(s.start, s.end):
        if m.person or describes_place(ctx, m) or _dateline(ctx, m) or is_source(ctx, s, m) or on_target(ctx, m) \
                or backing(ctx, m):
            continue
        out.append(m)
    # "كما قصف الطيران مواقع": a bare word for forces, named by a party earlier (extract/anaphora.py)
    out += [a for a in armed_mentions(ctx, s) if not any(a.start < m.end and m.start < a.end for m in out)]
    out += pronoun_mentions(ctx, s)  # "Last Sunday, it killed ...": the forces the sentence before names
    return sorted(out, key=lambda m: m.start)


def _violence(ctx: ArticleContext, s: Sentence, trigger: Span2) -> list[tuple[Span2, tuple[str, str, str | None]]]:
    events = ctx.lex.phrases("events")
    hits = [((h.start, h.end), events.value(h)) for h in ctx.find("events", s)]
    if not any(span == trigger for span, _ in hits):
        hits.append((trigger, ("", "", None)))
    return sorted(hits)


def _is_word(ctx: ArticleContext, section: str, word: str) -> bool:
    hit = ctx.lex.phrases(section).search(word) if ctx.lex.optional(section) else None
    return hit is not None and (hit.start, hit.end) == (0, len(word))


def _morph(ctx: ArticleContext, word: str) -> list[Any]:
    from trucewatch.nlp.morph import MORPH_LANGUAGES, analyzer

    if ctx.lex.language not in MORPH_LANGUAGES:
        return []
    return list(analyzer(ctx.lex.language).parse(word.strip(",.\"'«»")))


def _by(ctx: ArticleContext, s: Sentence, hits: list[Span2], cands: list[Mention]) -> Mention | None:
    """'bombardée par l'armée russe', 'von russischen Truppen beschossen', 'من قبل الجيش'."""
    if not ctx.lex.optional("speech.agent"):
        return None
    for a in ctx.find("speech.agent", s):
        m = next((c for c in cands if c.start >= a.end), None)
        if m is None or _CLAUSE.search(ctx.shadow, a.end, m.start) or len(_words(ctx.shadow[a.end : m.start])) > 3:
            continue
        for v in hits:
            lo, hi = (v[1], a.start) if v[1] <= a.start else (m.end, v[0])
            if hi < lo or v[0] < a.start < v[1]:
                continue
            gap = ctx.shadow[lo:hi]
            if not _CLAUSE.search(gap) and len(_words(gap)) <= 6:
                return m
    return None


def _of(ctx: ArticleContext, s: Sentence, hits: list[tuple[Span2, tuple[str, str, str | None]]],
        cands: list[Mention]) -> Mention | None:
    """'Angriff der Hamas', 'ataque de las fuerzas rusas', 'удар ЗСУ', 'هجوم مسلح للمقاومة'."""
    lang = ctx.lex.language
    for (v, value) in hits:
        if value[1] in _TERRITORY or value[2] == "~casualty":
            continue
        word = ctx.text[v[0] : v[1]]
        if lang == "de" and not word[:1].isupper():
            continue  # a German noun is capitalised; "griffen die Stellungen der ..." is a verb's object
        m = next((c for c in cands if c.start >= v[1]), None)
        if m is None or m.start - v[1] > 40:
            continue
        gap = ctx.shadow[v[1] : m.start]
        words = _words(gap)
        if _CLAUSE.search(gap):
            continue
        if lang == "ar":
            surface = ctx.shadow[m.start : m.end]
            if object_after(ctx, s, m, v):
                continue  # "إن المقاومة استهدفت الحوثيين": a verb's object, its subject before it
            if not words or len(words) == 1 and surface.startswith(_ARTICLE_L):
                return m
        elif lang in ("ru", "uk"):
            head = _words(ctx.shadow[m.start : m.end])[-1]
            parses = _morph(ctx, head)
            genitive = any("gent" in p.tag for p in parses) and not any("Geox" in set(p.tag.grammemes) for p in parses)
            if not words and genitive:
                return m
        elif words and ctx.lex.optional("speech.agent_of"):
            rest = gap.strip()
            link = _linker(ctx, rest)
            after = _words(rest[link:]) if link is not None else None
            if after is not None and (not after or len(after) == 1 and _is_word(ctx, "filters.armed", after[0])):
                return m
    return None


def _by_rule(ctx: ArticleContext, s: Sentence, hits: list[tuple[Span2, tuple[str, str, str | None]]],
             cands: list[Mention]) -> Mention | None:
    return _by(ctx, s, [h for h, _ in hits], cands)


def _linker(ctx: ArticleContext, text: str) -> int | None:
    """Length of the genitive linker opening ``text`` ("de las", "der", "du", "de l'"), if one."""
    best = None
    for h in ctx.lex.phrases("speech.agent_of").finditer(text, 0, min(len(text), 12)):
        if h.start == 0 and (h.end == len(text) or not text[h.end].isalnum() or text[h.end - 1] == "'"):
            best = h.end if best is None else max(best, h.end)
    return best


def _support_verbs(ctx: ArticleContext, s: Sentence, v: Span2) -> Iterator[Match]:
    """Verbs that carry the attack noun ``v`` ("завдали удару", "a mené des frappes", "شن غارات")."""
    if not ctx.lex.optional("speech.agent_verbs"):
        return
    for h in ctx.find("speech.agent_verbs", s):
        if h.end <= v[0] and len(_words(ctx.shadow[h.end : v[0]])) <= 4 and not _CLAUSE.search(ctx.shadow, h.end, v[0]):
            yield h


def _verb_first(ctx: ArticleContext, s: Sentence, hits: list[tuple[Span2, tuple[str, str, str | None]]],
                cands: list[Mention]) -> Mention | None:
    """Arabic: 'شن طيران التحالف غارات', 'قصفت الطائرات الإسرائيلية', 'أمطرت الفصائل المعارضة'."""
    # a verb that carries an attack word later in its clause, however far ("أمطرت الفصائل ...
    # أربع بلدات ... بالقذائف")
    opening = [((h.start, h.end), ("", "", None)) for h in ctx.find("speech.agent_verbs", s)
               if any(v[0] >= h.end and not _CLAUSE.search(ctx.shadow, h.end, v[0]) for v, _ in hits)]
    for (v, value) in [*hits, *opening]:
        verbs = [(h.start, h.end) for h in _support_verbs(ctx, s, v)]
        if value[2] != "~casualty":
            verbs.append(v)
        for verb in verbs:
            m = next((c for c in cands if c.start >= verb[1] or _fused(ctx, verb, c)), None)
            if m is None or not _opens_clause(ctx, s, verb, cands):
                continue
            words = _words(ctx.shadow[verb[1] : m.start]) if m.start >= verb[1] else []
            if _CLAUSE.search(ctx.shadow, verb[1], m.start):
                continue
            if not words or len(words) == 1 and _forces(ctx, words[0]):
                return m
    return _after_that(ctx, s, hits, cands)


def _fused(ctx: ArticleContext, verb: Span2, m: Mention) -> bool:
    """The event word holds its doer ("قصف الطيران", the aviation shelled): a bare word for forces
    inside the verb's own phrase is its subject."""
    return verb[0] < m.start and m.end <= verb[1] and _forces(ctx, ctx.shadow[m.start : m.end])


def _after_that(ctx: ArticleContext, s: Sentence, hits: list[tuple[Span2, tuple[str, str, str | None]]],
                cands: list[Mention]) -> Mention | None:
    """After a complementizer Arabic puts the subject first ("قالت مصادر إن الطيران استهدف منزلا"):
    the party right after "أن" / "إن", the verb of violence right after it."""
    that = ctx.lex.phrases("speech.complementizers")
    for h in that.finditer(ctx.shadow, s.start, s.end) if that else []:
        m = next((c for c in cands if c.start >= h.end), None)
        if m is None or ctx.shadow[h.end : m.start].strip(' "«»'):
            continue  # "إن «عناصرها هاجمت»": a quotation opening after "that"
        end = _conjoined_end(ctx, m, cands)  # "إن المقاومة والجيش استكملوا": both are the subject
        for (v, value) in hits:
            if value[2] == "~casualty":
                continue
            # "إن الطيران استهدف", a verb that carries the event word ("إن المقاومة استكملت
            # سيطرتها"), or the event word holding its subject ("الطيران استهدف")
            if v[0] >= end and len(_words(ctx.shadow[end : v[0]])) <= 1 and not _CLAUSE.search(ctx.shadow, end, v[0]) \
                    or v[0] == m.start and m.end <= v[1]:
                return m
    return None


def _conjoined_end(ctx: ArticleContext, m: Mention, cands: list[Mention]) -> int:
    """Where the parties joined to ``m`` by the Arabic "و" written onto the next ("المقاومة
    والجيش") end."""
    end = m.end
    for c in cands:
        if c.start >= end and not ctx.shadow[end : c.start].strip() and ctx.shadow.startswith("و", c.start):
            end = c.end
    return end


def _forces(ctx: ArticleContext, word: str) -> bool:
    """Armed men or craft (``filters.armed``), not the positions or bases they hold (``targets``)."""
    return _is_word(ctx, "filters.armed", word) and ctx.lex.phrases("targets").search(word) is None


def _opens_clause(ctx: ArticleContext, s: Sentence, verb: Span2, cands: list[Mention]) -> bool:
    """No party nor armed noun stands before the verb in its clause: the verb comes first, so the
    party after it is its subject ("شن طيران التحالف غارات"), not its object after a subject
    named earlier ("الطائرات ... استهدفت الحوثيين")."""
    if after_that_pronoun(ctx, s, verb):
        return False  # "قالت إنها استهدفت الحوثيين": the subject is the pronoun, the party after the object
    heads = [i + 1 for i in range(s.start, verb[0]) if _CLAUSE.match(ctx.shadow, i)]
    lo = max([s.start, *heads])
    if any(lo <= c.start < verb[0] for c in cands):
        return False
    return not any(_is_word(ctx, "filters.armed", w) for w in _words(ctx.shadow[lo : verb[0]]))


def _verb_like(ctx: ArticleContext, v: Span2) -> bool:
    """The word of violence is a verb: a parse's VERB, a pymorphy3 verb or gerund, a German word
    in lower case, or a Spanish word with a verb's ending (``speech.verb_endings``)."""
    word = ctx.text[v[0] : v[1]].split()[0] if ctx.text[v[0] : v[1]].split() else ""
    if ctx.parsed:
        return any(t.pos_ == "VERB" for t in ctx.tokens(*v))
    lang = ctx.lex.language
    if lang in ("ru", "uk"):
        return any({"VERB", "GRND"} & set(p.tag.grammemes) for p in _morph(ctx, word))
    if lang == "de":
        return word[:1].islower()
    ends = ctx.lex.words("speech.verb_endings") if ctx.lex.optional("speech.verb_endings") else []
    return any(word.lower().endswith(e) for e in ends)


def _agrees(ctx: ArticleContext, m: Mention, verb: Span2) -> bool:
    """Russian, Ukrainian: the mention (or the armed noun after it) is nominative and agrees with
    the verb in number; an indeclinable abbreviation ("ЗСУ", "РФ") agrees with any verb."""
    if ctx.lex.language not in ("ru", "uk"):
        return True
    after = _words(ctx.shadow[m.end : verb[0]])
    head = after[0] if after and _is_word(ctx, "filters.armed", after[0]) else _words(ctx.shadow[m.start : m.end])[-1]
    verbs = [p for p in _morph(ctx, ctx.text[verb[0] : verb[1]].split()[0]) if {"VERB", "GRND"} & set(p.tag.grammemes)]
    if any("GRND" in p.tag for p in verbs):
        return any("nomn" in p.tag for p in _morph(ctx, head))
    numbers = {p.tag.number for p in verbs if p.tag.number} or {"sing", "plur"}
    for p in _morph(ctx, head):
        if {"Abbr", "Fixd"} & set(p.tag.grammemes):
            return True
        if "nomn" in p.tag and (p.tag.number in numbers or p.tag.number is None):
            return True
    return False


def _passive_next(ctx: ArticleContext, m: Mention, verb: Span2) -> bool:
    if not ctx.lex.optional("speech.passive_aux"):
        return False
    return ctx.lex.phrases("speech.passive_aux").search(ctx.shadow, m.end, verb[0]) is not None


def _subject(ctx: ArticleContext, s: Sentence, hits: list[tuple[Span2, tuple[str, str, str | None]]],
             cands: list[Mention]) -> Mention | None:
    """SVO: the party opening the clause of an active verb of violence (or of its carrying verb)."""
    for (v, _) in hits:
        verbs = [(h.start, h.end) for h in _support_verbs(ctx, s, v)]
        if _verb_like(ctx, v):
            verbs.append(v)
        for verb in verbs:
            before = [c for c in cands if c.end <= verb[0]]
            if not before:
                continue
            m = before[-1]
            gap = ctx.shadow[m.end : verb[0]]
            if _CLAUSE.search(gap) or len(_words(gap)) > 6 or _passive_next(ctx, m, verb):
                continue
            if ctx.lex.phrases("speech.verbs").search(ctx.shadow, m.end, verb[0]) is not None:
                continue
            prev = _words(ctx.shadow[max(s.start, m.start - 20) : m.start])
            if prev and (_is_word(ctx, "filters.locative", prev[-1].lower())
                         or _is_word(ctx, "filters.oblique_articles", prev[-1].lower())):
                continue  # "in Gaza", "den israelischen Grenzübergang ... beschossen": no subject
            if _joined(ctx, gap) or ctx.parsed and not _parsed_subject(ctx, m):
                continue  # "shot down a Ukrainian jet and destroyed": the object of the verb before
            if _agrees(ctx, m, verb):
                return m
    if ctx.lex.language in ("ru", "uk"):
        return _fronted_attack(ctx, s, hits, cands)
    return _inverted(ctx, s, hits, cands) if ctx.lex.section("claims").get("subject_after") else None


def _fronted_attack(ctx: ArticleContext, s: Sentence, hits: list[tuple[Span2, tuple[str, str, str | None]]],
                    cands: list[Mention]) -> Mention | None:
    """Russian and Ukrainian front the attack noun and put the subject last ("удар по Харькову
    нанесли российские войска", "Удару завдали російські війська"): the verb that carries the noun
    (``speech.agent_verbs``) right after it has it as its object, so the nominative party right
    after that verb, agreeing with it, is its subject; never an indeclinable abbreviation, whose
    case nothing tells."""
    if not ctx.lex.optional("speech.agent_verbs"):
        return None
    for (v, value) in hits:
        if value[2] == "~casualty":
            continue
        for h in ctx.find("speech.agent_verbs", s):
            if h.start < v[1] or len(_words(ctx.shadow[v[1] : h.start])) > 4 \
                    or _CLAUSE.search(ctx.shadow, v[1], h.start):
                continue
            m = next((c for c in cands if c.start >= h.end), None)
            if m is None or _CLAUSE.search(ctx.shadow, h.end, m.start) or len(_words(ctx.shadow[h.end : m.start])) > 1:
                continue
            head = _words(ctx.shadow[m.start : m.end])[-1]
            if any({"Abbr", "Fixd"} & set(p.tag.grammemes) for p in _morph(ctx, head)):
                continue
            if _agrees(ctx, m, (h.start, h.end)):
                return m
    return None


def _inverted(ctx: ArticleContext, s: Sentence, hits: list[tuple[Span2, tuple[str, str, str | None]]],
              cands: list[Mention]) -> Mention | None:
    """German puts the finite verb second: after a fronted phrase the subject follows it ("Am
    Abend beschoss die Armee Chan Junis", "Am Montag hat die russische Armee Kiew angegriffen"),
    the party right after the verb or its auxiliary, an article aside; not when the verb opens
    its clause (a question), nor when a party stands before it (that one is the subject)."""
    articles = {"", *ctx.lex.words("filters.articles")}
    links = set(ctx.lex.words("speech.agent_of"))
    aux = ctx.lex.optional("filters.perfect_aux")
    for (v, _) in hits:
        lo = max([s.start, *(i + 1 for i in range(s.start, v[0]) if _CLAUSE.match(ctx.shadow, i))])
        verbs = [v] if _verb_like(ctx, v) else []
        verbs += [(h.start, h.end) for h in aux.finditer(ctx.shadow, lo, v[0])] if aux else []
        for verb in verbs:
            if not ctx.shadow[lo : verb[0]].strip() or any(lo <= c.start < verb[0] for c in cands):
                continue
            m = next((c for c in cands if c.start >= verb[1]), None)
            gap = _words(ctx.shadow[verb[1] : m.start]) if m is not None and m.end <= v[1] + 80 else ["-"] * 4
            # "beschossen Truppen Russlands die Stadt": the forces, then their party in the genitive;
            # not "hat die Miliz den israelischen Posten beschossen", the object's case before the party
            if len(gap) <= 3 and all(w in articles or w in links or _forces(ctx, w) for w in gap) \
                    and sum(_forces(ctx, w) for w in gap) <= 1 \
                    and not (gap and _is_word(ctx, "filters.oblique_articles", gap[-1].lower())):
                return m
    return None


def _joined(ctx: ArticleContext, gap: str) -> bool:
    """A conjunction between the party and the verb joins a second verb to a first one, whose
    object the party may be (``casualties.conjunctions``)."""
    joins = set(ctx.lex.section("casualties").get("conjunctions", ()))
    return any(w.lower() in joins for w in _words(gap))


def _parsed_subject(ctx: ArticleContext, m: Mention) -> bool:
    """With a parse: the mention is a subject, or qualifies one ("L'armée israélienne")."""
    subj = {"nsubj", "nsubj:pass", "nsubjpass"}
    return any(t.dep_ in subj or t.head.dep_ in subj and t.dep_ in {"amod", "compound", "poss", "nmod"}
               for t in ctx.tokens(m.start, m.end))


def stated_agent(ctx: ArticleContext, s: Sentence, trigger: Span2,
                 speaker: str | None) -> tuple[str | None, Mention | None]:
    """(party, mention) of the attack's stated doer, or (None, None)."""
    cands = _candidates(ctx, s)
    hits = _violence(ctx, s, trigger)
    if not cands:
        return _own_forces(ctx, s, hits, cands, speaker)
    order = _verb_first if ctx.lex.section("speech").get("verb_first") else _subject
    for rule in (_by_rule, _of, order):
        m = rule(ctx, s, hits, cands)
        if m is not None:
            party = party_of(ctx, m, speaker)
            if party:
                return party, m
    return _own_forces(ctx, s, hits, cands, speaker)


def _own_forces(ctx: ArticleContext, s: Sentence, hits: list[tuple[Span2, tuple[str, str, str | None]]],
                cands: list[Mention], speaker: str | None) -> tuple[str | None, Mention | None]:
    """'Russia said its own army took the village', 'Rusia afirmó que sus ataques alcanzaron',
    'قال المكتب إن «عناصرها هاجمت»': the speaker's own forces or attacks (``speech.own_forces``) as
    the doer, found by the same rules, where the sentence names no other side ("its" may be the
    accused's); Arabic only after "that" (right after a verb, "قصف مقاتلينا", they are as often
    its object)."""
    own = own_mentions(ctx, s, speaker)
    if not own or any(c.opponent or c.party != speaker for c in cands):
        return None, None
    for o in own:  # "sus ataques", "его удары": the attack word itself is the speaker's
        if any(o.start <= v[0] and v[1] <= o.end for v, _ in hits):
            return o.party, o
    both = sorted([*cands, *own], key=lambda c: c.start)
    verb_first = bool(ctx.lex.section("speech").get("verb_first"))
    for rule in (_by_rule, _after_that if verb_first else _subject):
        m = rule(ctx, s, hits, both)
        if m is not None:
            return (m.party, m) if m in own else (None, None)
    return None, None


def joint_doer(ctx: ArticleContext, s: Sentence, m: Mention | None, party: str | None) -> str | None:
    """'المقاومة الشعبية والجيش الوطني', 'the militia and the army': a side fighting beside a
    state's own forces, named together with them as the doers, fought for that state; ACLED codes
    the state's forces as the actor and the ally as associated (as :func:`incidents._taker` does
    for ground taken). ``party`` otherwise."""
    if m is None or party is None:
        return party
    book = ctx.parties
    near = [*ctx.mentions_in(m.end, min(s.end, m.end + 30)), *armed_mentions(ctx, s)]
    for q in sorted(near, key=lambda c: c.start):
        if q.start < m.end or q.person:
            continue
        gap = ctx.shadow[m.end : q.start]
        joined = ctx.lex.words("filters.list_joins")
        clitic = ctx.lex.language == "ar" and not gap.strip() and ctx.shadow.startswith("و", q.start)
        if not (clitic or gap.strip() in joined and not re.search(r"[,;:.]", gap)):
            return party
        if q.party and book.allied(party, q.party) and _state_forces(ctx, q.party) and not _state_forces(ctx, party):
            return q.party
        return party
    return party


def _state_forces(ctx: ArticleContext, party: str) -> bool:
    """The party is a state's own forces in the country it fights in (Yemen's army in Yemen, not
    the Saudi-led coalition there)."""
    known = ctx.parties.parties.get(party)
    if known is None or not known.acled_actor.startswith("Military Forces of") or not known.country:
        return False
    name = ctx.gazetteer.country_name(known.country)
    return bool(name) and f"Military Forces of {name}" in known.acled_actor
