"""Which clock a truce is told on: the zone its text states ("heure de Paris", "Moscow time",
"local time"), else its declarer's, else that of the places the article is about; and the
declarer's own clock when the text names it beside the reader's."""

from __future__ import annotations

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.places import places_in
from trucewatch.temporal.points import grammar
from trucewatch.temporal.window import Window


def truce_clock(ctx: ArticleContext, window: Window | None, declarer: str | None) -> tuple[str | None, str]:
    if window and window.zone and window.zone != "local":
        return window.zone, "stated"
    if window and window.zone == "local":
        return _local_zone(ctx, declarer), "stated"
    zone = ctx.parties.timezone(declarer) or ctx.parties.timezone(ctx.dyad[0] if ctx.dyad else None)
    # nobody's clock named: the clock of the places the article is about, UTC only as a last resort
    return zone or _local_zone(ctx, declarer) or "UTC", "assumed"


def own_clock(ctx: ArticleContext, sentences: list[Sentence], zone: str | None, declarer: str | None) -> str | None:
    """'um Mitternacht Moskauer Zeit (23.00 Uhr MESZ)': the declarer's own clock, named beside the
    reader's, is the truce's clock (the instants read on either are the same)."""
    home, zones = ctx.parties.timezone(declarer), grammar(ctx.lex).zones
    named = any(zones.value(h) == home for s in sentences for h in zones.finditer(ctx.shadow, s.start, s.end))
    return home if home is not None and named else zone


def _local_zone(ctx: ArticleContext, declarer: str | None) -> str | None:
    """'Local time': the clock of the places the article is about (in the dyad's countries)."""
    countries = {ctx.parties.country(p) for p in ctx.dyad} - {None}
    for s in ctx.sentences:
        for pm in places_in(ctx, s, countries):  # type: ignore[arg-type]
            if pm.entry.timezone and (not countries or pm.entry.country in countries):
                return pm.entry.timezone
    return ctx.parties.timezone(declarer)
