"""Who says it, and whom they accuse: the roles of a sentence's party mentions around a verb of
saying, accusing or violating, read from the language's constructions in the lexicon (``claims``).

* :func:`claimant`: the party that makes the statement a verb at ``[start, end)`` reports. With
  a parse (en, fr) the verb's subject: a party or an official of one ("Israel's defence minister
  accused"); a pronoun is the party the sentence or the one before names ("which it denies");
  a subject that is no party makes no claim ("Opponents accuse Hezbollah ..."). Without a parse,
  the party named just before the verb, just after it where the language puts the subject after
  the verb (``claims.subject_after``: "اتهمت حماس إسرائيل", "Am Montag warf Israel der Hamas vor"),
  an office after a preposition next to the verb ("заявили в Минобороны", ``claims.office_in``),
  then the sentence's speaker (:func:`trucewatch.extract.speakers.speaker_party`).
* :func:`named_after`: the party named right after a word ("accused Russia of", "according to
  Kyiv", "نفى المتحدث باسم ..."): a few words at most, no clause break, not a place ("in Kyiv"),
  and before the words that say what for (``claims.accused_of``: "of", "в", "de").
* :func:`subject_of`: who does a verb ("Hamas violated", "was accused by ...": the accused).
"""

from __future__ import annotations

import re
from typing import Any

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.speakers import describes_place, is_subject, opponent_party, speaker_party
from trucewatch.nlp.parties import Mention

#: a clause ends (or a quotation starts) here: a role is never read across it
_BREAK = re.compile(r'[.;:!?"()\[\]]')
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass"}
#: up from a verb (or a predicate adjective: "Russia is guilty of") to the one whose subject it shares
_CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "relcl", "acl:relcl", "acomp", "attr"}
#: a noun of stance or deed that is a verb's object ("a réitéré son refus", "has committed violations")
_OBJECT_DEPS = {"dobj", "obj"}
#: pronoun subjects whose party is named earlier (spaCy's PRON, plus English and French relatives)
_PRONOUN_POS = {"PRON"}
#: a party word qualifying a noun ("Ukrainian officials", "autorités ukrainiennes", "Israel's army")
_QUALIFIERS = {"amod", "compound", "poss", "nmod:poss", "nmod", "flat:name", "appos"}

Who = tuple[str, str | None]  # (party, person)


def party_of(ctx: ArticleContext, m: Mention, speaker: str | None = None) -> str | None:
    """A mention's party: "the occupiers" is the speaker's opponent in the article's dyad."""
    return opponent_party(ctx, m, speaker) if m.opponent else m.party


def who_of(ctx: ArticleContext, m: Mention) -> Who | None:
    if m.opponent or not m.party:
        return None
    return m.party, ctx.text[m.start : m.end] if m.person else None


def _gap_ok(ctx: ArticleContext, a: int, b: int, words: int, commas: bool) -> bool:
    gap = ctx.shadow[a:b]
    return not _BREAK.search(gap) and (commas or "," not in gap) and len(gap.split()) <= words


def named_after(ctx: ArticleContext, s: Sentence, end: int, words: int = 3,
                stop: str | None = "claims.accused_of", exclude: Mention | None = None,
                source: bool = False) -> Mention | None:
    """The first party mention after ``end`` in the sentence, if it stands right there (``source``:
    after "according to", where "aus israelischen Kreisen" names who speaks, not a place)."""
    halt = ctx.lex.optional(stop) if stop else None
    for m in ctx.mentions_in(end, s.end):
        if m == exclude:
            continue
        if not _gap_ok(ctx, end, m.start, words, commas=False):
            return None
        if halt and halt.search(ctx.shadow, end, m.start) is not None:
            return None  # "accused of shelling Kharkiv, Ukraine": after the deed, no longer the accused
        return None if describes_place(ctx, m) or _dateline(ctx, m) or (not source and _locative(ctx, end, m)) else m
    return None


def named_before(ctx: ArticleContext, s: Sentence, start: int, words: int = 6,
                 exclude: Mention | None = None) -> Mention | None:
    """The nearest party mention before ``start`` in the same clause: nothing said in between
    (no complementizer, no other verb of saying), a few words at most."""
    that = ctx.lex.phrases("speech.complementizers")
    speech = ctx.lex.phrases("speech.verbs")
    for m in reversed(ctx.mentions_in(s.start, start)):
        if m == exclude or describes_place(ctx, m) or m.end > start:
            continue
        if not _gap_ok(ctx, m.end, start, words, commas=True):
            return None
        if that.search(ctx.shadow, m.end, start) or speech.search(ctx.shadow, m.end, start):
            return None
        return m
    return None


_DATELINE = re.compile(r"(?:^|\n)[^\W\d_a-zа-яёіїєґ][^\W\d_a-zа-яёіїєґ .'-]*,\s*$")


def _dateline(ctx: ArticleContext, m: Mention) -> bool:
    """'KHARKIV, Ukraine  Associated Press journalists ...', 'KYIV, Ukraine ...': a dateline's
    town (in capitals, opening its line) and its country are places."""
    head = ctx.text[max(0, m.start - 1) : m.start] in {"", "\n"} and ctx.text[m.start : m.end].isupper()
    if head and ctx.text[m.end : m.end + 1] == ",":
        return True
    return bool(_DATELINE.search(ctx.text[max(0, m.start - 40) : m.start]))


def _locative(ctx: ArticleContext, end: int, m: Mention) -> bool:
    """'... in Ukraine': the word right before the mention makes it a place."""
    before = ctx.shadow[end : m.start].split()
    return bool(before) and _is_phrase(ctx, "filters.locative", before[-1])


def _is_phrase(ctx: ArticleContext, section: str, word: str) -> bool:
    hit = ctx.lex.phrases(section).search(word)
    return hit is not None and (hit.start, hit.end) == (0, len(word))


def _office_in(ctx: ArticleContext, s: Sentence, start: int, end: int, exclude: Mention | None) -> Mention | None:
    """'заявили в Минобороны', 'у Генштабі ЗСУ повідомили': an office after a preposition, right
    next to the verb, is who speaks (the language's ``claims.office_in`` prepositions)."""
    if not ctx.lex.optional("claims.office_in"):
        return None
    for m in ctx.mentions_in(s.start, s.end):
        if m == exclude or m.opponent or not m.party:
            continue
        prep = re.search(r"(\w+)\s+$", ctx.shadow[max(s.start, m.start - 8) : m.start])
        if prep is None or not _is_phrase(ctx, "claims.office_in", prep.group(1)):
            continue
        prep_start = max(s.start, m.start - 8) + prep.start(1)
        if 0 <= prep_start - end <= 2 or 0 <= start - m.end <= 2:
            return m
    return None


def _verb_token(ctx: ArticleContext, start: int, end: int) -> Any | None:
    """The phrase's verb ("démenti" in "a démenti"), else its first word."""
    toks = ctx.tokens(start, end)
    verbs = [t for t in toks if t.pos_ == "VERB"] or [t for t in toks if t.pos_ == "AUX"] \
        or [t for t in toks if t.pos_ == "NOUN"]  # "son accord à": the noun, not its determiner
    return verbs[0] if verbs else (toks[0] if toks else None)


def subject_token(verb: Any, passive: bool = False) -> tuple[Any, Any] | None:
    """(subject, its verb): the verb's own subject, or that of the verb it is joined to ("Hamas
    rejected ... and accused Israel", "Russia proposed ... but was accused"); a noun of stance or
    deed that is a verb's object has that verb's subject ("Ankara a réitéré son refus", "Israel
    has committed violations")."""
    deps = _SUBJECT_DEPS if passive else {"nsubj"}
    v = verb
    for _ in range(3):
        subj = [c for c in v.children if c.dep_ in deps]
        if subj:
            return subj[0], v
        if v.pos_ == "NOUN" and v.dep_ in _OBJECT_DEPS and v.head.pos_ in {"VERB", "AUX"}:
            v = v.head
            continue
        if v.dep_ == "acl" and v.head.pos_ in {"NOUN", "PROPN"} and not passive:
            return v.head, v  # "les autorités ukrainiennes accusant ...": the noun the participle qualifies
        if v.dep_ not in _CLIMB_DEPS or v.head.i == v.i:
            return None
        if v.dep_ == "xcomp" and any(c.dep_ in {"dobj", "obj"} for c in v.head.children):
            return None  # "pushed Russia to agree": the one pushed would do it, not the pusher
        v = v.head
    return None


def _qualifies(t: Any, subj: Any) -> bool:
    """The token is the subject or qualifies it, at most two words down ("Ukraine's foreign
    ministry", "the Ukrainian prosecutor general's office", "autorités ukrainiennes")."""
    for _ in range(3):
        if t.i == subj.i:
            return True
        if t.dep_ not in _QUALIFIERS or t.head.i == t.i:
            return False
        t = t.head
    return False


def _mention_of(ctx: ArticleContext, s: Sentence, subj: Any, exclude: Mention | None) -> Mention | None:
    for m in ctx.mentions_in(s.start, s.end):
        if m != exclude and not describes_place(ctx, m) and not _dateline(ctx, m) and any(
                _qualifies(t, subj) for t in ctx.tokens(m.start, m.end)):
            return m
    return None


def _pronoun(ctx: ArticleContext, s: Sentence, at: int, exclude: Mention | None) -> Who | None:
    """'..., which it denies', 'It accused Ukraine ...': the party that is a subject (or speaks)
    earlier in the sentence, else the speaker of one of the three sentences before."""
    for m in ctx.mentions_in(s.start, at):
        if m != exclude and not describes_place(ctx, m) and not m.opponent and is_subject(ctx, m, None, passive=True):
            return who_of(ctx, m)
    if not ctx.parsed:  # "قال زعيم جماعة الحوثي إنه يرفض ...": who speaks earlier in the sentence
        for hit in ctx.find("speech.verbs", s):
            who = claimant(ctx, s, hit.start, hit.end, exclude) if hit.end <= at - 1 else None
            if who is not None:
                return who
        if len(ctx.shadow[s.start : at].split()) > 2:
            return None  # "... أن النظام ..., كان يعلن أنه يوافق": a pronoun inside is no sentence's opener
    for prev in reversed(ctx.sentences[max(0, s.index - 3) : s.index]):
        party, person = speaker_party(ctx, prev)
        if party is not None:
            return party, person
    return None


def _inverted(ctx: ArticleContext, s: Sentence, start: int) -> bool:
    """The verb follows what was said, after a comma, a dash or a closing quote: its subject comes
    after it ("..., заявил Зеленский", "— сказал он", "», a déclaré le ministère")."""
    before = ctx.shadow[s.start : start].rstrip()
    return bool(before) and before[-1] in ",-\"'"


def _aux_subject(ctx: ArticleContext, s: Sentence, start: int, exclude: Mention | None) -> Mention | None:
    """A verb closing its clause ("Russland hat die Vorwürfe bestritten"): the party right next to
    the clause's auxiliary (``filters.perfect_aux``), not the objects just before the verb."""
    aux = ctx.lex.optional("filters.perfect_aux")
    lo = max([s.start, *(i + 1 for i in range(s.start, start) if ctx.shadow[i] in ",;:")])
    for hit in aux.finditer(ctx.shadow, lo, start) if aux else []:
        for m in ctx.mentions_in(lo, start):
            beside = 0 <= hit.start - m.end <= 1 or 0 <= m.start - hit.end <= 1
            if beside and m != exclude and not describes_place(ctx, m):
                return m
    return None


def subject_of(ctx: ArticleContext, s: Sentence, start: int, end: int, exclude: Mention | None = None,
               passive: bool = False) -> Mention | None:
    """The party mention that is the subject of the verb at ``[start, end)``, if one is."""
    if ctx.parsed:
        verb = _verb_token(ctx, start, end)
        found = subject_token(verb, passive) if verb is not None else None
        return _mention_of(ctx, s, found[0], exclude) if found else None
    claims = ctx.lex.section("claims")
    rest = ctx.shadow[end : s.end].lstrip()
    last = not rest or rest[0] in ",.;:!?\"-"  # "... die Vorwürfe bestritten.": objects come before
    if _inverted(ctx, s, start):  # "..., сообщили украинские власти", "..., sagte Selenskyj"
        return named_after(ctx, s, end, words=4, stop=None, exclude=exclude)
    m = _aux_subject(ctx, s, start, exclude) if claims.get("verb_final") and last else None
    if m is None and ctx.lex.section("speech").get("verb_first"):
        m = _verb_first_subject(ctx, s, start, end, exclude)
    if m is None:  # no auxiliary: the finite verb opens the phrase ("Kiew machte Russland ... verantwortlich")
        m = named_before(ctx, s, start, exclude=exclude)
    if m is None and claims.get("subject_after"):
        m = named_after(ctx, s, end, words=4, stop=None, exclude=exclude)
    return m


def _verb_first_subject(ctx: ArticleContext, s: Sentence, start: int, end: int,
                        exclude: Mention | None) -> Mention | None:
    """Verb first (Arabic): 'رحبت الجامعة بالهدنة، بينما دعت الأمانة العامة لمجلس التعاون إلى
    ...': the party right after the verb is its subject, not one of an earlier clause before it;
    unless a party stands right before the verb (the subject first: "حماس رفضت")."""
    before = named_before(ctx, s, start, words=0, exclude=exclude)
    if before is not None:
        return before
    return named_after(ctx, s, end, words=3, stop=None, exclude=exclude)


def _pronoun_next(ctx: ArticleContext, s: Sentence, start: int, end: int) -> bool:
    """A pronoun right before the verb ("он заявил"), or right after it where the subject may
    follow ("warf er Russland vor")."""
    before = ctx.shadow[max(s.start, start - 12) : start].split()
    after = ctx.shadow[end : min(s.end, end + 12)].split()
    words = before[-1:] + (after[:1] if ctx.lex.section("claims").get("subject_after") else [])
    return any(_is_phrase(ctx, "claims.pronouns", w.strip(",")) for w in words) \
        if ctx.lex.optional("claims.pronouns") else False


def claimant(ctx: ArticleContext, s: Sentence, start: int, end: int,
             exclude: Mention | None = None) -> Who | None:
    """Who makes the statement the verb at ``[start, end)`` reports (see the module's text), or
    None when its subject is no party."""
    if ctx.parsed:
        verb = _verb_token(ctx, start, end)
        found = subject_token(verb) if verb is not None else None
        if found is None:
            return None
        subj, _ = found
        if _expletive(ctx, verb, subj):
            return None
        m = _mention_of(ctx, s, subj, exclude)  # first: the model may tag a name as a pronoun ("Kiev")
        if m is None and subj.pos_ in _PRONOUN_POS and subj.text.isalpha():  # not a misread "unis--"
            return _pronoun(ctx, s, subj.idx, exclude)
        return who_of(ctx, m) if m is not None else None
    m = subject_of(ctx, s, start, end, exclude) or _office_in(ctx, s, start, end, exclude)
    if m is not None:
        return who_of(ctx, m)
    return _pronoun(ctx, s, start, exclude) if _pronoun_next(ctx, s, start, end) else None


def _expletive(ctx: ArticleContext, verb: Any, subj: Any) -> bool:
    """'it was not right to refuse the proposal': the verb is the infinitive of an adjective whose
    subject is a dummy pronoun (``speech.expletive``), so nobody in the sentence refuses."""
    adjective = verb.head.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in verb.head.children)
    return verb.dep_ == "xcomp" and adjective and subj.i < verb.i \
        and ctx.lex.optional("speech.expletive").covers(ctx.shadow, subj.idx, subj.idx + len(subj.text))


def said_by(ctx: ArticleContext, s: Sentence, exclude: Mention | None = None) -> Who | None:
    """The party a sentence is attributed to: the subject of its verb of saying, or the party after
    "according to" / "по словам" / "بحسب" (``claims.according_to``)."""
    sources = ctx.find("claims.according_to", s) if ctx.lex.optional("claims.according_to") else []
    for hit in sources:
        m = named_after(ctx, s, hit.end, words=4, stop=None, exclude=exclude, source=True)
        if m is not None and who_of(ctx, m):
            return who_of(ctx, m)
    for hit in ctx.find("speech.verbs", s):
        if any(h.start <= hit.start < h.end for h in sources):
            continue
        who = claimant(ctx, s, hit.start, hit.end, exclude)
        if who is not None:
            return who
    return None


_AGENT_TIES = {"amod", "compound", "poss", "nmod:poss", "nmod"}


def _morph_tags(ctx: ArticleContext, word: str) -> list[set[str]]:
    from trucewatch.nlp.morph import MORPH_LANGUAGES, analyzer

    if ctx.lex.language not in MORPH_LANGUAGES:
        return []
    return [set(p.tag.grammemes) for p in analyzer(ctx.lex.language).parse(word)]


def attacker(ctx: ArticleContext, s: Sentence, start: int, end: int) -> Mention | None:
    """The party the grammar makes the doer of the word of violence at ``[start, end)``: with a
    parse, the subject of its verb, its agent ("by Russian forces") or a party word on the noun
    ("Russian shelling", "frappes israéliennes"); in Russian and Ukrainian, a nominative party
    right before a verb ("российские войска обстреляли", "росіяни атакували") or an adjective
    right before the noun ("российские обстрелы"); elsewhere none (``"Ukraine" before "missiles"``
    may well be who receives them)."""
    if ctx.parsed:
        toks = ctx.tokens(start, end)
        for m in ctx.mentions_in(s.start, s.end):
            if m.person or describes_place(ctx, m) or _dateline(ctx, m):
                continue
            for t in ctx.tokens(m.start, m.end):
                on_noun = t.dep_ in _AGENT_TIES and any(t.head.i == x.i and x.pos_ == "NOUN" for x in toks)
                subject = t.dep_ == "nsubj" and any(t.head.i == x.i and x.pos_ == "VERB" for x in toks)
                agent = t.dep_ == "pobj" and t.head.dep_ == "agent" and any(t.head.head.i == x.i for x in toks)
                if on_noun or subject or agent:
                    return m
        return None
    word = ctx.shadow[start:end].split()[0] if ctx.shadow[start:end].split() else ""
    word_tags = _morph_tags(ctx, word)
    verb = any("VERB" in tags for tags in word_tags)
    for m in reversed(ctx.mentions_in(max(s.start, start - 40), start)):
        if m.person or describes_place(ctx, m) or not _gap_ok(ctx, m.end, start, 2 if verb else 0, commas=False):
            continue
        if verb and _nominative(ctx, m) or not verb and any("ADJF" in t for t in _morph_tags(ctx, _head(ctx, m))):
            return m
        return None
    if any("GRND" in tags for tags in word_tags):
        return _gerund_subject(ctx, s, start)
    return None


def _head(ctx: ArticleContext, m: Mention) -> str:
    return ctx.shadow[m.start : m.end].split()[-1]


def _nominative(ctx: ArticleContext, m: Mention) -> bool:
    """The mention's last word can be a nominative; an abbreviation in capitals the morphology
    does not know ("ВСУ" in Russian) is indeclinable, so it can be one too."""
    tags = _morph_tags(ctx, _head(ctx, m))
    surface = ctx.text[m.start : m.end].split()[-1]
    if surface.isupper() and len(surface) <= 6 and all("UNKN" in t or "Fixd" in t for t in tags):
        return True
    return any("nomn" in t for t in tags)


def _gerund_subject(ctx: ArticleContext, s: Sentence, start: int) -> Mention | None:
    """'бойовики порушували домовленості, обстрілюючи позиції', 'ВСУ нарушили перемирие,
    обстреляв ...': a gerund after a comma does what the subject of its clause's finite verb
    does: the nominative party right before that verb."""
    lo = max([s.start, *(i + 1 for i in range(s.start, start) if ctx.shadow[i] in ".;:!?\"()[]")])
    for m in ctx.mentions_in(lo, start):
        if m.person or describes_place(ctx, m) or not _nominative(ctx, m):
            continue
        after = ctx.shadow[m.end : start].split()[:3]
        finite = next((w for w in after if any("VERB" in t for t in _morph_tags(ctx, w.strip(",")))), None)
        if finite is not None and not any(w.endswith(",") for w in after[: after.index(finite)]):
            return m
    return None
