"""A truce prolonged: "prolonger le cessez-le-feu de sept jours", "extend the truce by a week".

The extension is a truce of its own (it may be proposed, agreed or refused apart from the one in
force): it begins when the truce it prolongs ends and lasts the length its sentence states. Its
sentence states a length and no day; the truce it prolongs is the latest one read with an end and
another length (the "three-day truce" its sentence may name is the one in force, not the
extension).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.temporal.window import Window

#: how many words may stand between an extending verb and its ceasefire word
_GAP_WORDS = 3


def extends(ctx: ArticleContext, s: Sentence) -> bool:
    """An extending verb (``ceasefire.extend``) a few words before a ceasefire word, in a sentence
    that does not refuse the extension ("refused to extend the truce")."""
    if ctx.has("claims.reject", s) or ctx.has("ceasefire.ended_early", s):
        return False
    terms = ctx.find("ceasefire.terms", s)
    return any(0 <= t.start - v.end and len(ctx.shadow[v.end : t.start].split()) <= _GAP_WORDS
               for v in ctx.find("ceasefire.extend", s) for t in terms)


def extension(ctx: ArticleContext, s: Sentence, window: Window | None,
              windows: list[Window | None]) -> tuple[int, Window] | None:
    """(the index in ``windows`` of the truce prolonged, the extension's window), or None."""
    verbs = ctx.lex.phrases("ceasefire.extend")
    if window is None or window.start is not None or window.end is not None or not window.duration_hours:
        return None
    if not verbs.search(ctx.shadow, s.start, s.end) or not extends(ctx, s):
        return None
    hours = window.duration_hours
    for i in range(len(windows) - 1, -1, -1):
        base = windows[i]
        if base is None or base.duration_hours == hours:
            continue
        # "a three-day truce from Sunday": it ends when its stated length is over
        ends = base.end or (base.start + timedelta(hours=base.duration_hours)
                            if base.start and base.duration_hours else None)
        if ends is None:
            continue
        return i, replace(window, start=ends, end=ends + timedelta(hours=hours), zone=base.zone,
                          start_expression=base.end_expression, end_expression=None, open_ended=False,
                          end_unclocked=base.end_unclocked, start_latest=None)
    return None
