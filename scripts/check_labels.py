"""Validate labels of real articles (``tests/real/labels``) against the articles in ../shared/corpus.

    python3 scripts/check_labels.py                 # every label file
    python3 scripts/check_labels.py FILE [FILE...]  # some

Stdlib only, so a labeller can run it without the project's virtualenv. The rules are those of
``docs/labelling.md``; each problem is printed as ``file: what``, and the exit code is 1 if any.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "real" / "labels"
CORPUS = ROOT.parent / "shared" / "corpus"

TAXONOMY = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
CONTEXTS = {"new", "recap", "historical", "planned", "hypothetical", "statement"}
CF_STATUS = {"declared", "agreed", "proposed", "rejected", "past", "ended"}
CF_KINDS = {"unilateral", "bilateral", "humanitarian_pause", "local"}
CLAIM_KINDS = {"accuses", "denies", "asserts_compliance", "rejects_ceasefire", "accepts_ceasefire",
               "calls_for_ceasefire"}
INCIDENT_KEYS = {"id", "spans", "context", "event_type", "sub_event_type", "place", "admin1", "country", "lat",
                 "lon", "geo_precision", "date_earliest", "date_latest", "fatalities_low", "injured_low",
                 "perpetrator", "claimed_by", "targets", "note"}
CEASEFIRE_KEYS = {"id", "spans", "status", "kind", "declared_by", "parties", "mediators", "start", "end",
                  "timezone", "timezone_basis", "open_ended", "zone", "zone_countries", "occasion", "note"}
CLAIM_KEYS = {"spans", "claimant", "kind", "target", "about", "about_ceasefire", "note"}
TOP_KEYS = {"file", "text_sha256", "language", "published", "summary", "incidents", "not_incidents",
            "ceasefires", "claims"}


def _spans(where: str, spans: Any, n: int, out: list[str]) -> None:
    if not isinstance(spans, list) or not spans:
        out.append(f"{where}: spans must be a non-empty list of [start, end]")
        return
    for s in spans:
        if not (isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s) and 0 <= s[0] < s[1] <= n):
            out.append(f"{where}: span {s} is not [start, end) inside the text (0..{n})")


def _day(where: str, value: Any, out: list[str], nullable: bool = True) -> None:
    if value is None and nullable:
        return
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        out.append(f"{where}: {value!r} is not a YYYY-MM-DD date")


def _moment(where: str, value: Any, out: list[str]) -> None:
    if value is None:
        return
    try:
        if datetime.fromisoformat(value).tzinfo is None:
            out.append(f"{where}: {value!r} has no UTC offset")
    except (TypeError, ValueError):
        out.append(f"{where}: {value!r} is not ISO 8601")


def _keys(where: str, item: dict[str, Any], allowed: set[str], required: set[str], out: list[str]) -> None:
    out += [f"{where}: unknown key {k!r}" for k in sorted(set(item) - allowed)]
    out += [f"{where}: missing key {k!r}" for k in sorted(required - set(item))]


def _incident(where: str, inc: dict[str, Any], n: int, out: list[str]) -> None:
    _keys(where, inc, INCIDENT_KEYS, INCIDENT_KEYS - {"targets", "note", "injured_low", "claimed_by"}, out)
    _spans(where, inc.get("spans"), n, out)
    if inc.get("context") not in CONTEXTS:
        out.append(f"{where}: context {inc.get('context')!r} not in {sorted(CONTEXTS)}")
    subs = TAXONOMY.get(inc.get("event_type", ""))
    if subs is None or inc.get("sub_event_type") not in subs:
        out.append(f"{where}: {inc.get('event_type')!r} / {inc.get('sub_event_type')!r} is not an ACLED pair")
    if inc.get("geo_precision") not in ({None} if inc.get("place") is None else {1, 2, 3}):
        out.append(f"{where}: geo_precision {inc.get('geo_precision')!r} (1-3 with a place, null without)")
    c = inc.get("country")
    if c is not None and not re.fullmatch(r"[A-Z]{2}", str(c)):
        out.append(f"{where}: country {c!r} is not ISO 3166-1 alpha-2")
    _day(where, inc.get("date_earliest"), out)
    _day(where, inc.get("date_latest"), out)
    if inc.get("date_earliest") and inc.get("date_latest") and inc["date_earliest"] > inc["date_latest"]:
        out.append(f"{where}: date_earliest after date_latest")
    for k in ("fatalities_low", "injured_low"):
        if inc.get(k) is not None and not (isinstance(inc[k], int) and inc[k] >= 0):
            out.append(f"{where}: {k} must be a count or null")


def _ceasefire(where: str, cf: dict[str, Any], n: int, out: list[str]) -> None:
    _keys(where, cf, CEASEFIRE_KEYS, {"id", "spans", "status", "kind", "declared_by", "parties", "start", "end"},
          out)
    _spans(where, cf.get("spans"), n, out)
    if cf.get("status") not in CF_STATUS:
        out.append(f"{where}: status {cf.get('status')!r} not in {sorted(CF_STATUS)}")
    if cf.get("kind") not in CF_KINDS:
        out.append(f"{where}: kind {cf.get('kind')!r} not in {sorted(CF_KINDS)}")
    _moment(f"{where} start", cf.get("start"), out)
    _moment(f"{where} end", cf.get("end"), out)


def _claim(where: str, cl: dict[str, Any], n: int, ids: set[str], cfs: set[str], out: list[str]) -> None:
    _keys(where, cl, CLAIM_KEYS, CLAIM_KEYS - {"note"}, out)
    _spans(where, cl.get("spans"), n, out)
    if cl.get("kind") not in CLAIM_KINDS:
        out.append(f"{where}: kind {cl.get('kind')!r} not in {sorted(CLAIM_KINDS)}")
    out += [f"{where}: about {a!r} is no incident id" for a in cl.get("about") or [] if a not in ids]
    if cl.get("about_ceasefire") is not None and cl["about_ceasefire"] not in cfs:
        out.append(f"{where}: about_ceasefire {cl['about_ceasefire']!r} is no ceasefire id")


def check(path: Path) -> list[str]:
    out: list[str] = []
    label = json.loads(path.read_text(encoding="utf-8"))
    _keys("file", label, TOP_KEYS, TOP_KEYS, out)
    article = CORPUS / label.get("file", "")
    if not article.is_file():
        return out + [f"article {article} not found"]
    record = json.loads(article.read_text(encoding="utf-8"))
    text = record["text"]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != label.get("text_sha256"):
        out.append("text_sha256 does not match the article's text")
    if label.get("language") != record.get("language"):
        out.append(f"language {label.get('language')!r} != the record's {record.get('language')!r}")
    _day("published", label.get("published"), out, nullable=False)
    ids = {i.get("id") for i in label.get("incidents", [])}
    cfs = {c.get("id") for c in label.get("ceasefires", [])}
    for inc in label.get("incidents", []):
        _incident(f"incident {inc.get('id')}", inc, len(text), out)
    for k, ni in enumerate(label.get("not_incidents", [])):
        _keys(f"not_incident {k}", ni, {"spans", "mention", "why"}, {"spans", "why"}, out)
        _spans(f"not_incident {k}", ni.get("spans"), len(text), out)
    for cf in label.get("ceasefires", []):
        _ceasefire(f"ceasefire {cf.get('id')}", cf, len(text), out)
    for k, cl in enumerate(label.get("claims", [])):
        _claim(f"claim {k}", cl, len(text), ids, cfs, out)
    return out


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(LABELS.glob("*/*.json"))
    bad = 0
    for f in files:
        for problem in check(f):
            print(f"{f.name}: {problem}")
            bad += 1
    print(f"{len(files)} label files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
