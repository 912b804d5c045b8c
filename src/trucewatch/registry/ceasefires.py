"""The ceasefire registry: declarations read from many articles merged into one ceasefire per
truce (:class:`trucewatch.stored.Registered`).

Two declarations are the same truce when their declarers do not differ (one may be unknown) and
their windows agree: starts within ``same_start_hours`` of each other and ends that do not
contradict (one unknown, or within the same margin). The registered window is the one most
articles state, a stated timezone before an assumed one.

Only a declaration with a start registers a truce. One without ("the truce Putin ordered", "a
ceasefire must come") joins its declarer's dated truce when published close to it, and is
otherwise left out of the registry: it stays stored with its article, counted by ``status`` as
an unregistered mention, but a truce nobody dated has no window to judge anything against.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta

from trucewatch.config import Settings
from trucewatch.nlp.parties import party_book
from trucewatch.records import Ceasefire
from trucewatch.stored import Declaration, Registered
from trucewatch.temporal.intervals import hours_between


@dataclass
class _Truce:
    """A truce while the registry is built: its declarations so far and what they settle on."""

    settled: Ceasefire
    declarations: list[Declaration] = field(default_factory=list)


def _close(a: datetime | None, b: datetime | None, hours: float) -> bool:
    return a is None or b is None or abs(hours_between(a, b)) <= hours


def _agreement(cf: Ceasefire) -> bool:
    """An agreement between sides: it binds two parties or more."""
    return len(cf.parties) >= 2


def _same_sides(truce: _Truce, cf: Ceasefire) -> bool:
    """Both are agreements between the same sides: each side's announcement of one deal."""
    return _agreement(cf) and any(_agreement(d.ceasefire) and set(d.ceasefire.parties) == set(cf.parties)
                                  for d in truce.declarations)


def _binds(truce: _Truce, cf: Ceasefire) -> bool:
    """One is an agreement that binds the other's declarer: "the coalition's truce" and "the truce
    between the coalition, the government and the Houthis", each article naming another side as
    the one that declared it."""
    declarers = {d.ceasefire.declared_by for d in truce.declarations} - {None}
    return (_agreement(cf) and bool(declarers) and declarers <= set(cf.parties)) or any(
        _agreement(d.ceasefire) and cf.declared_by in d.ceasefire.parties for d in truce.declarations)


def _same(truce: _Truce, d: Declaration, settings: Settings) -> bool:
    reg, cf = truce.settled, d.ceasefire
    sides = _same_sides(truce, cf)
    if reg.declared_by and cf.declared_by and reg.declared_by != cf.declared_by and not sides \
            and not (cf.start is not None and _binds(truce, cf)):
        return False
    if cf.start is None:
        return _mentions(reg, d, settings.mention_days) or (sides and _near(reg, d, settings.mention_days))
    # one deal told by each side: a day apart (a date each side's clock or account gives)
    hours = settings.same_agreement_hours if sides else settings.same_start_hours
    return _close(reg.start, cf.start, hours) and _close(reg.end, cf.end, hours)


def _near(reg: Ceasefire, d: Declaration, days: int) -> bool:
    return d.published is not None and reg.start is not None and _days_from(reg, d) <= days


def _days_from(reg: Ceasefire, d: Declaration) -> int:
    """How far an undated declaration's article lies from a truce's window (0 for dated ones)."""
    if d.ceasefire.start or d.published is None or reg.start is None:
        return 0
    first, last = reg.start.date(), (reg.ended_early or reg.end or reg.start).date()
    return max((first - d.published).days, (d.published - last).days, 0)


def _mentions(reg: Ceasefire, d: Declaration, days: int) -> bool:
    """A declaration without a window ("Putin had ordered a three-day truce around the parade")
    is that declarer's truce in force or just over when the article appeared: same declarer,
    published within ``mention_days`` of the window."""
    if not (d.published and reg.start and reg.declared_by and reg.declared_by == d.ceasefire.declared_by):
        return False
    return _days_from(reg, d) <= days


def _most(values: list[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _stated(c: Ceasefire) -> tuple[str | None, str | None]:
    """A window as written, offsets included: the same instant on two clocks is two statements."""
    return (c.start.isoformat() if c.start else None, c.end.isoformat() if c.end else None)


def _settle(truce: _Truce) -> None:
    """The window most dated declarations state (stated timezones first); the first known of the rest."""
    cfs = [d.ceasefire for d in truce.declarations]
    dated = [c for c in cfs if c.start] or cfs  # mentions carry no window
    stated = [c for c in dated if c.timezone_basis == "stated"] or dated
    counted = Counter(_stated(c) for c in stated)
    # the window most state; among as many, one with an end before an open one
    window = max(counted, key=lambda w: (counted[w], w[1] is not None))
    same = [c for c in stated if _stated(c) == window]
    chosen = _narrowed(_ended(_own_clock(same, stated, _most([c.declared_by for c in cfs])), dated), dated)
    early = [c.ended_early for c in cfs if c.ended_early]
    sides = _most_sides(dated)
    zone = _most([c.zone for c in dated]) or _most([c.zone for c in cfs])
    where = next((c for c in cfs if c.zone == zone), chosen)
    truce.settled = replace(
        chosen, id=truce.settled.id,
        declared_by=None if len(sides) >= 2 else _most([c.declared_by for c in cfs]),
        scope=_most([c.scope for c in cfs]), scope_country=_most([c.scope_country for c in cfs]),
        occasion=_most([c.occasion for c in cfs]), ended_early=min(early) if early else None,
        responses=tuple(r for c in cfs for r in c.responses), parties=sides,
        mediators=tuple(dict.fromkeys(m for c in cfs for m in c.mediators if m not in sides)),
        zone=where.zone, zone_territory=where.zone_territory)


def _own_clock(chosen: list[Ceasefire], stated: list[Ceasefire], declarer: str | None) -> Ceasefire:
    """The window most state, on its declarer's own clock when a declaration states the same
    instants on it ("23.00 Uhr MESZ" and "midnight Moscow time": the Moscow one)."""
    own = party_book().timezone(declarer)
    first = chosen[0]
    same = [c for c in stated if c.start and first.start and c.start == first.start
            and (c.end == first.end if c.end and first.end else c.end is first.end)]
    return next((c for c in same if own and c.timezone == own), first)


def _narrowed(chosen: Ceasefire, dated: list[Ceasefire]) -> Ceasefire:
    """A start known only to its day ("since Sunday") that another declaration places within that
    day ("on Sunday morning", "at 11:15 on Sunday") is over by the latest that one allows. The
    registered start stays the day's (the earliest it can be, as the labelling guide reads a day)."""
    if chosen.start is None or chosen.start_latest is None:
        return chosen
    lo, hi = chosen.start, chosen.start_latest
    inside = [c.start_latest or c.start for c in dated if c.start is not None and lo <= c.start < hi]
    latest = min((t for t in inside if t <= hi), default=hi)
    return replace(chosen, start_latest=latest.astimezone(hi.tzinfo) if latest > lo else None)


def _ended(chosen: Ceasefire, dated: list[Ceasefire]) -> Ceasefire:
    """A settled window whose end no declaration of it states, and that none calls open-ended,
    takes the end the others state most ("from 20:59 GMT on Sunday" and "from midnight until
    Friday" are one truce: it ends on Friday)."""
    if chosen.end is not None or chosen.open_ended or chosen.start is None:
        return chosen
    ends = Counter(c.end.isoformat() for c in dated if c.end is not None and not c.open_ended
                   and c.end > chosen.start)
    if not ends:
        return chosen
    end = max(ends, key=lambda e: ends[e])
    return replace(chosen, end=next(c.end for c in dated if c.end is not None and c.end.isoformat() == end))


def _most_sides(cfs: list[Ceasefire]) -> tuple[str, ...]:
    """The sides the dated declarations name: an agreement when more of them read one than read
    a declarer alone (a unilateral truce one article takes for a deal stays its declarer's), then
    the sides most name, among as many the most sides (each article naming some of them)."""
    agreements = [c for c in cfs if _agreement(c)]
    alone = [c for c in cfs if len(c.parties) == 1]
    pool = agreements if len(agreements) > len(alone) else alone or agreements
    counted = Counter(tuple(sorted(c.parties)) for c in pool)
    if not counted:
        return ()
    best = max(counted, key=lambda p: (counted[p], len(p) if pool is agreements else -len(p)))
    return next(c.parties for c in pool if tuple(sorted(c.parties)) == best)


def _order(d: Declaration) -> tuple[str, str]:
    return d.ceasefire.start.isoformat() if d.ceasefire.start else "9999", d.article_id


def truce_id(first: Declaration) -> str:
    """A registered truce's id, from the declaration that opened it (the earliest dated): stable
    while the truce keeps it, whatever else the registry gains."""
    return "C" + hashlib.sha1(f"{first.article_id}/{first.ceasefire.id}".encode()).hexdigest()[:8]


def build(declarations: list[Declaration], settings: Settings | None = None) -> list[Registered]:
    """Merge declarations into registered ceasefires, in order of their start."""
    settings = settings or Settings()
    truces: list[_Truce] = []
    for d in sorted(declarations, key=_order):
        matches = [t for t in truces if _same(t, d, settings)]
        target = min(matches, key=lambda t: _days_from(t.settled, d)) if matches else None
        if target is None:
            if d.ceasefire.start is None:
                continue  # an undated mention of no registered truce: not a truce of its own
            target = _Truce(replace(d.ceasefire, id=truce_id(d)))
            truces.append(target)
        target.declarations.append(d)
        _settle(target)
    return [Registered(t.settled, tuple(t.declarations), horizon=_horizon(t, settings.open_ended_days))
            for t in truces]


def _horizon(truce: _Truce, days: int) -> datetime | None:
    """How long an open-ended truce is judged: ``days`` after the last article reporting it
    (after its start when no article is dated)."""
    cf = truce.settled
    if cf.end is not None or cf.ended_early is not None or cf.start is None:
        return None
    dated = [d.published for d in truce.declarations if d.published]
    if not dated:
        return cf.start + timedelta(days=days)
    last = datetime.combine(max(dated) + timedelta(days=days), time.min, tzinfo=cf.start.tzinfo)
    return max(last, cf.start + timedelta(days=1))
