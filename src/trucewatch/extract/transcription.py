"""Names written in another language's transcription: "Wowtschansk", "Aschkelon", "Dschabalija".

GeoNames lists foreign places under their English (and local) spellings, rarely under the German
transcription a German article writes. A language's transcription rules (``filters.transcription``,
pairs of letters as that language writes them and as English does: "dsch" -> "j", "tsch" -> "ch",
"sch" -> "sh", "w" -> "v", "j" -> "y", "ch" -> "kh") rewrite a name the gazetteer does not know, step by step; the first
spelling it knows gives the entries. Only places in the countries the article's parties fight in
are kept: a transcription names the conflict's towns, and a common noun rewritten into a village
abroad ("Schule" -> Shule, China) is no place.
"""

from __future__ import annotations

from trucewatch.extract.context import ArticleContext
from trucewatch.geo.gazetteer import Entry


def spellings(rules: list[list[str]], surface: str) -> list[str]:
    """The surface rewritten by the first rule, the first two, ... (each new spelling once)."""
    out: list[str] = []
    word = surface.lower()
    for source, target in rules:
        word = word.replace(source, target)
        if word != surface.lower() and word not in out:
            out.append(word)
    return out


def transcribed(ctx: ArticleContext, surface: str) -> tuple[Entry, ...]:
    """Entries for a name as English would spell it, in the article's theatre; () when none."""
    rules = ctx.lex.section("filters.transcription")
    if not rules:
        return ()
    countries = ctx.parties.theatre(ctx.dyad) | ({ctx.country_hint} if ctx.country_hint else set())
    if not countries:
        return ()
    for spelling in spellings(rules, surface):
        found = tuple(e for e in ctx.gazetteer.lookup(spelling) if e.country in countries)
        if found:
            return found
    return ()
