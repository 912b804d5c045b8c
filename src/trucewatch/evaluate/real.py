"""Score the pipeline against labelled real articles (``tests/real/labels``, docs/labelling.md).

Each label file names an article of ``../shared/corpus`` (pinned by the hash of its text) and
lists what a careful reader finds: incidents with their context, ceasefires and claims, as facts
and offsets. An output incident *matches* a labelled one when their evidence overlaps (greedily,
the largest overlap first, each label once). Then, per language:

* ``precision``: shown incidents (context ``new``) matched to a labelled *new* incident, out of all
  shown; an incident matched to a recap, a statement or nothing is a false one;
* ``recall``: labelled new incidents matched by a shown one;
* per field, on matched pairs: ``place`` (within 25 km, 150 km for a region; a label without a
  place wants none finer than a country), ``time`` (the interval meets the labelled days and lies
  within a day of them), ``type`` (ACLED event type), ``sub_type``, ``toll`` (fatalities_low, an
  unstated toll equal to null or 0), ``perpetrator`` (the stated or claimed perpetrator);
* ``claims``: precision and recall of (claimant, kind, target) per article, the target only for an
  accusation (the party accused; other kinds are compared as (claimant, kind));
* ``windows``: output ceasefires with a start, right when a labelled one has the same start and
  end (within an hour; a start with no hour stated, on the day a label starts at its midnight),
  out of those output;
* ``registry_precision``, ``registry_start``, ``registry_recall`` (``all`` only): the registry
  built from the articles' declarations, scored by :func:`trucewatch.evaluate.registry.score_registry`.

A third of the articles (by a hash of the file name) is held out: :func:`is_holdout`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from trucewatch.evaluate.registry import score_registry
from trucewatch.geo import distance
from trucewatch.pipeline import Analyzer
from trucewatch.temporal.published import parse_published

FIELDS = ("place", "time", "type", "sub_type", "toll", "perpetrator")
#: the claim kinds the labels use; other output kinds ("calls_to_reciprocate") are not scored
_CLAIM_KINDS = {"accuses", "denies", "asserts_compliance", "rejects_ceasefire", "accepts_ceasefire",
                "calls_for_ceasefire"}
#: output kinds the labels spell otherwise (docs/labelling.md: ``accuses`` is "X says Y did it or
#: violated the truce")
_AS_LABELLED = {"accuses_violation": "accuses"}


def is_holdout(name: str) -> bool:
    """A third of the articles, fixed by their file name: scored only when a change is done."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % 3 == 0


@dataclass
class Tally:
    """Counts for one language (or all): hits over totals, per measure."""

    shown: int = 0
    shown_right: int = 0
    labelled: int = 0
    labelled_found: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    claims: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, output, labelled
    windows: list[int] = field(default_factory=lambda: [0, 0])  # right, output with a start
    articles: int = 0
    misses: list[str] = field(default_factory=list)
    #: the registry built from these articles (``all`` only): evaluate/registry.py
    registry: dict[str, float | None] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.shown += other.shown
        self.shown_right += other.shown_right
        self.labelled += other.labelled
        self.labelled_found += other.labelled_found
        for f in FIELDS:
            self.fields[f] = [a + b for a, b in zip(self.fields[f], other.fields[f], strict=True)]
        self.claims = [a + b for a, b in zip(self.claims, other.claims, strict=True)]
        self.windows = [a + b for a, b in zip(self.windows, other.windows, strict=True)]
        self.articles += other.articles
        self.misses += other.misses

    def figures(self) -> dict[str, float | int | None]:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        out: dict[str, float | int | None] = {
            "articles": self.articles, "precision": share(self.shown_right, self.shown),
            "recall": share(self.labelled_found, self.labelled), "shown": self.shown, "labelled": self.labelled}
        out.update({f: share(*self.fields[f]) for f in FIELDS})
        out["matched"] = self.fields["type"][1]
        out["claims_precision"] = share(self.claims[0], self.claims[1])
        out["claims_recall"] = share(self.claims[0], self.claims[2])
        out["windows"] = share(*self.windows)
        out.update(self.registry)
        return out


def _overlap(a: list[list[int]], b: Iterable[dict[str, Any]]) -> int:
    return sum(max(0, min(s[1], e["end"]) - max(s[0], e["start"])) for s in a for e in b)


def _match(incidents: list[dict[str, Any]], labels: list[dict[str, Any]]) -> dict[int, int]:
    """Output incident index -> label index, greedily by evidence overlap."""
    pairs = sorted(((_overlap(lab["spans"], inc["evidence"]), i, j) for i, inc in enumerate(incidents)
                    for j, lab in enumerate(labels)), reverse=True)
    out: dict[int, int] = {}
    for size, i, j in pairs:
        if size > 0 and i not in out and j not in out.values():
            out[i] = j
    return out


def _place_ok(inc: dict[str, Any], lab: dict[str, Any]) -> bool:
    if lab.get("place") is None:
        return inc["place"] is None or (inc.get("geo_precision") == 3 and inc["country"] == lab.get("country")
                                        and inc.get("admin1") is None)
    if inc["lat"] is None or lab.get("lat") is None:
        return bool(inc["place"]) and inc["country"] == lab.get("country") and inc.get("admin1") == lab.get("admin1")
    limit = 150.0 if lab.get("geo_precision") == 3 else 25.0
    return bool(distance.km(inc["lat"], inc["lon"], lab["lat"], lab["lon"]) <= limit)


def _time_ok(inc: dict[str, Any], lab: dict[str, Any]) -> bool:
    if not inc["time_earliest"] or not lab.get("date_earliest"):
        return not inc["time_earliest"] and not lab.get("date_earliest")
    lo, hi = date.fromisoformat(lab["date_earliest"]), date.fromisoformat(lab["date_latest"])
    a, b = datetime.fromisoformat(inc["time_earliest"]), datetime.fromisoformat(inc["time_latest"])
    last = (b - timedelta(microseconds=1)).date() if b > a else b.date()  # [.., 7 Jan 00:00) ends on the 6th
    meets = a.date() <= hi and last >= lo
    return meets and a.date() >= lo - timedelta(days=1) and last <= hi + timedelta(days=1)


def _fields(inc: dict[str, Any], lab: dict[str, Any]) -> dict[str, bool]:
    return {"place": _place_ok(inc, lab), "time": _time_ok(inc, lab),
            "type": inc["acled_event_type"] == lab["event_type"],
            "sub_type": inc["acled_sub_event_type"] == lab["sub_event_type"],
            "toll": (inc["fatalities_low"] or 0) == (lab.get("fatalities_low") or 0),
            "perpetrator": inc["perpetrator_claimed"] == lab.get("perpetrator")}


def _shown(inc: dict[str, Any]) -> bool:
    return bool(inc.get("context", "new") == "new")


def _claim_key(c: dict[str, Any]) -> tuple[str | None, str, str | None]:
    """(claimant, kind, target) in the labels' terms: "X says Y violated the truce" is an
    accusation (``accuses_violation`` -> ``accuses``), and only an accusation has a target (the
    party accused); the labels give other kinds one inconsistently (the denier itself, the accuser
    answered, the truce's proposer), so they are compared without it."""
    kind = _AS_LABELLED.get(c["kind"], c["kind"])
    return c["claimant"], kind, c["target"] if kind == "accuses" else None


def _claims(out: list[dict[str, Any]], labels: list[dict[str, Any]]) -> list[int]:
    have = {_claim_key(c) for c in out if _AS_LABELLED.get(c["kind"], c["kind"]) in _CLAIM_KINDS}
    want = {_claim_key(c) for c in labels}
    return [len(have & want), len(have), len(want)]


def _same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs((datetime.fromisoformat(a) - datetime.fromisoformat(b)).total_seconds()) <= 3600


def _same_start(c: dict[str, Any], lab: dict[str, Any]) -> bool:
    """The same start within an hour; or both a day with no hour stated ("am Sonntagvormittag in
    Kraft getreten" read as that morning; labelled, by the guide, as the start of that Sunday)."""
    if _same(c["start"], lab["start"]):
        return True
    if not (c.get("start_latest") and lab["start"]):
        return False
    said = datetime.fromisoformat(lab["start"])
    ours = datetime.fromisoformat(c["start"]).astimezone(said.tzinfo)
    return said.time() == time() and ours.date() == said.date()


def _windows(out: list[dict[str, Any]], labels: list[dict[str, Any]]) -> list[int]:
    dated = [c for c in out if c["start"]]
    right = sum(any(_same_start(c, lab) and _same(c["end"], lab["end"]) for lab in labels) for c in dated)
    return [right, len(dated)]


def _why_missed(j: int, matched: dict[int, int], incidents: list[dict[str, Any]],
                labels: list[dict[str, Any]]) -> str:
    """Why a labelled incident was not found: held back with a context, taken by another label
    (two incidents read as one), or nothing drafted on its words."""
    held = [incidents[i] for i, k in matched.items() if k == j]
    if held:
        return f" (held as {held[0].get('context')})"
    near = [inc["id"] for inc in incidents if _overlap(labels[j]["spans"], inc["evidence"]) > 0]
    return f" (its words went to {', '.join(near)})" if near else " (nothing drafted)"


def score_article(out: dict[str, Any], label: dict[str, Any]) -> Tally:
    """One article's tally: ``out`` the contract JSON of its analysis."""
    t = Tally(articles=1)
    labels = label["incidents"]
    incidents = out["incidents"]
    matched = _match(incidents, labels)
    name = Path(label["file"]).stem
    for i, inc in enumerate(incidents):
        lab = labels[matched[i]] if i in matched else None
        if not _shown(inc):
            continue
        t.shown += 1
        if lab is None or lab["context"] != "new":
            t.misses.append(f"{name}: {inc['id']} {inc['place']} {inc['acled_sub_event_type']} is "
                            + ("no labelled incident" if lab is None else f"{lab['id']}, context {lab['context']}"))
            continue
        t.shown_right += 1
        for f, ok in _fields(inc, lab).items():
            t.fields[f][0] += ok
            t.fields[f][1] += 1
            if not ok:
                t.misses.append(f"{name}: {inc['id']} vs {lab['id']}: {f} wrong")
    new = [j for j, lab in enumerate(labels) if lab["context"] == "new"]
    found = {j for i, j in matched.items() if _shown(incidents[i])}
    t.labelled, t.labelled_found = len(new), len(set(new) & found)
    t.misses += [f"{name}: {labels[j]['id']} ({labels[j]['place']}) missed{_why_missed(j, matched, incidents, labels)}"
                 for j in new if j not in found]
    t.claims = _claims(out["claims"], label["claims"])
    t.windows = _windows(out["ceasefires"], label["ceasefires"])
    return t


@dataclass(frozen=True)
class Labelled:
    name: str
    label: dict[str, Any]
    record: dict[str, Any]


def labels_digest(labels: Path) -> str:
    """sha256 over every label file (names and bytes): floors are pinned to the labels they were measured on."""
    h = hashlib.sha256()
    for path in sorted(labels.glob("*/*.json")):
        h.update(f"{path.parent.name}/{path.name}\n".encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def load(labels: Path, corpus: Path, split: str = "dev") -> Iterator[Labelled]:
    """The labelled articles of ``split`` whose text still has the hash their label pins."""
    for path in sorted(labels.glob("*/*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        held = is_holdout(path.stem)
        if split != "all" and held != (split == "holdout"):
            continue
        record = json.loads((corpus / label["file"]).read_text(encoding="utf-8"))
        if hashlib.sha256(record["text"].encode("utf-8")).hexdigest() != label["text_sha256"]:
            raise ValueError(f"{label['file']} changed since it was labelled ({path})")
        yield Labelled(path.stem, label, record)


def score(analyzer: Analyzer, labels: Path, corpus: Path, split: str = "dev") -> dict[str, Tally]:
    """Tallies per language and ``all``, for the articles of ``split``."""
    out: dict[str, Tally] = {"all": Tally()}
    items: list[tuple[str, dict[str, Any], Any]] = []
    for item in load(labels, corpus, split):
        published = parse_published(item.label["published"])
        analysis = analyzer.analyze(item.record["text"], published=published, language=item.record.get("language"),
                                    source=item.name)
        items.append((item.name, item.label, analysis))
        t = score_article(analysis.to_contract(), item.label)
        out.setdefault(item.label["language"], Tally()).add(t)
        out["all"].add(t)
    registry = score_registry(items)
    out["all"].registry = registry.figures()
    out["all"].misses += registry.lines()
    return out
