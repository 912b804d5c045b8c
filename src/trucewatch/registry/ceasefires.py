"""The ceasefire registry: declarations read from many articles merged into one ceasefire per
truce, and every stored incident report judged against it.

Two declarations are the same truce when their declarers do not differ (one may be unknown) and
their windows agree: starts within :data:`SAME_START_HOURS` of each other and ends that do not
contradict (one unknown, or within the same margin). The registered window is the one most
articles state, a stated timezone before an assumed one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from trucewatch.judge.judge import in_scope, verdict_of
from trucewatch.records import TimeInterval
from trucewatch.temporal.intervals import hours_between, relation

SAME_START_HOURS = 12.0
#: an undated declaration published this close to a dated truce of the same declarer is that truce
MENTION_DAYS = 7


@dataclass
class Registered:
    id: str
    declared_by: str | None
    start: datetime | None
    end: datetime | None
    ended_early: datetime | None
    timezone: str | None
    timezone_basis: str | None
    scope: str | None
    scope_country: str | None
    occasion: str | None
    declarations: list[dict[str, Any]] = field(default_factory=list)  # contract records + article

    @property
    def sources(self) -> list[str]:
        return sorted({d["article_id"] for d in self.declarations})

    @property
    def responses(self) -> list[tuple[str, str]]:
        return sorted({(r["party"], r["stance"]) for d in self.declarations for r in d.get("responses") or []})


def _t(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _close(a: datetime | None, b: datetime | None) -> bool:
    return a is None or b is None or abs(hours_between(a, b)) <= SAME_START_HOURS


def _same(reg: Registered, d: dict[str, Any]) -> bool:
    if reg.declared_by and d.get("declared_by") and reg.declared_by != d["declared_by"]:
        return False
    start, end = _t(d.get("start")), _t(d.get("end"))
    if start is None and reg.start is not None:
        return _mentions(reg, d)
    if reg.start is None or start is None:
        return reg.start is None and start is None and reg.occasion is not None and reg.occasion == d.get("occasion")
    return _close(reg.start, start) and _close(reg.end, end)


def _days_from(reg: Registered, d: dict[str, Any]) -> int:
    """How far an undated declaration's article lies from a truce's window (0 for dated ones)."""
    if d.get("start") or not d.get("published") or reg.start is None:
        return 0
    day = date.fromisoformat(d["published"][:10])
    first, last = reg.start.date(), (reg.ended_early or reg.end or reg.start).date()
    return max((first - day).days, (day - last).days, 0)


def _mentions(reg: Registered, d: dict[str, Any]) -> bool:
    """A declaration without a window ("Putin had ordered a three-day truce around the parade")
    is that declarer's truce in force or just over when the article appeared: same declarer,
    published within :data:`MENTION_DAYS` of the window."""
    if not (d.get("published") and reg.start and reg.declared_by and reg.declared_by == d.get("declared_by")):
        return False
    return _days_from(reg, d) <= MENTION_DAYS


def _settle(reg: Registered) -> None:
    """The window most dated declarations state (stated timezones first); the first known of the rest."""
    def key(d: dict[str, Any]) -> tuple[Any, ...]:
        return (d.get("start"), d.get("end"))

    dated = [d for d in reg.declarations if d.get("start")] or reg.declarations  # mentions carry no window
    stated = [d for d in dated if d.get("timezone_basis") == "stated"] or dated
    (start, end), _ = Counter(key(d) for d in stated).most_common(1)[0]
    chosen = next(d for d in stated if key(d) == (start, end))
    reg.start, reg.end = _t(start), _t(end)
    reg.timezone, reg.timezone_basis = chosen.get("timezone"), chosen.get("timezone_basis")
    for name in ("declared_by", "scope", "scope_country", "occasion"):
        values = Counter(d.get(name) for d in reg.declarations if d.get(name))
        setattr(reg, name, values.most_common(1)[0][0] if values else None)
    early = [_t(d.get("ended_early")) for d in reg.declarations if d.get("ended_early")]
    reg.ended_early = min(early) if early else None  # type: ignore[type-var]


def registry_of(analyses: list[dict[str, Any]]) -> list[Registered]:
    """The registry of stored analyses (the JSON contract): every declaration, merged."""
    return build([{**cf, "article_id": a["article"]["id"], "published": a["article"].get("published")}
                  for a in analyses for cf in a["ceasefires"]])


def build(declarations: list[dict[str, Any]]) -> list[Registered]:
    """Merge declarations (contract records with ``article_id``) into registered ceasefires."""
    registry: list[Registered] = []
    for d in sorted(declarations, key=lambda x: (x.get("start") or "9999", x["article_id"])):
        matches = [r for r in registry if _same(r, d)]
        target = min(matches, key=lambda r: _days_from(r, d)) if matches else None
        if target is None:
            target = Registered(f"C{len(registry) + 1}", d.get("declared_by"), _t(d.get("start")), _t(d.get("end")),
                                None, d.get("timezone"), d.get("timezone_basis"), d.get("scope"),
                                d.get("scope_country"), d.get("occasion"))
            registry.append(target)
        target.declarations.append(d)
        _settle(target)
    return registry


@dataclass(frozen=True)
class Verdict:
    ceasefire: str
    report: str
    temporal: str
    spatial: str
    attribution: str
    verdict: str


def judge(reg: Registered, report: dict[str, Any], attribution: str, zone: Any = None) -> Verdict:
    """One stored incident report against one registered ceasefire (the rules of judge.judge_one);
    ``zone``: a user-drawn zone (registry.user.Zone) that replaces the country/scope test."""
    lo, hi = _t(report.get("time_earliest")), _t(report.get("time_latest"))
    end = reg.ended_early or reg.end
    temporal = relation(TimeInterval(lo, hi, "stored"), reg.start, end) if lo and hi else "uncertain"
    where = zone.contains(report) if zone is not None else in_scope(
        report.get("country"), {report.get("place") or "", report.get("admin1") or ""}, reg.scope, reg.scope_country)
    verdict, _ = verdict_of(temporal, where, attribution)
    return Verdict(reg.id, report["report_id"], temporal, where, attribution, verdict)
