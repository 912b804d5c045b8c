"""Draw events at random from a store for a careful reader, each with what the reader needs.

    PYTHONPATH=src python scripts/sample_events.py --db build/sample/news.sqlite \
        [--ingest ../shared/corpus/news] [--seed 20261202] [-n 30] [--out build/sample/events.md]

With ``--ingest``, the corpus is first ingested into ``--db`` (a new store). Then ``n`` events are
drawn with ``random.seed(seed)`` and ``random.sample(sorted(event ids), n)``, as the issues'
careful readings were, from the events every report and export shows (reviews applied). Each is
written with its fields (type, sub-type, place and precision, time window, toll, perpetrator and
who claims it, context, confidence) and, per report, the article's file, date, outlet and the
evidence sentences. The reader opens the article and marks each event right, partly right or
wrong, field by field. The output quotes the articles: it stays under build/, never in the repo.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from pathlib import Path

from trucewatch.review.labels import reviewed_events
from trucewatch.store.db import Store
from trucewatch.stored import Event, Report


def _report_lines(r: Report) -> list[str]:
    i = r.incident
    quotes = " / ".join(e.text.replace("\n", " ") for e in i.evidence)
    return [f"  - report {r.id}: {r.source.path or r.source.url} ({r.language}, published {r.published}, "
            f"outlet {r.source.outlet})",
            f"    perpetrator {i.perpetrator_claimed!r} claimed by {i.perpetrator_claimed_by!r}; "
            f"reported by {i.reported_by!r}; attribution {r.attribution}",
            f"    evidence: {quotes}"]


def describe(e: Event) -> list[str]:
    """The event as a careful reader checks it, field by field."""
    i, p, t = e.best.incident, e.place, e.time
    where = f"{p.name} ({p.country}, {p.admin1}; precision {p.geo_precision})" if p else "no place"
    when = f"{t.earliest:%Y-%m-%d %H:%M} .. {t.latest:%Y-%m-%d %H:%M} ({t.basis})" if t else "no time"
    lines = [f"### event {e.id}",
             f"- type: {i.acled_event_type} / {i.acled_sub_event_type}; weapon {i.weapon}",
             f"- place: {where}", f"- time: {when}",
             f"- fatalities: {e.fatalities_low}..{e.fatalities_high}; injured {i.injured_low}..{i.injured_high}",
             f"- context {i.context}; confidence {i.confidence:.2f}; {len(e.reports)} report(s), "
             f"{e.sources} source(s); disagreements: {', '.join(e.disagreements) or 'none'}"]
    for r in e.reports:
        lines += _report_lines(r)
    return lines + [""]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--ingest", type=Path, help="ingest this folder into --db first")
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("-n", type=int, default=30)
    ap.add_argument("--out", type=Path, default=Path("build/sample/events.md"))
    args = ap.parse_args()
    if args.ingest:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "trucewatch", "ingest", str(args.ingest), "--db", args.db,
                        "--quiet"], check=True)
    with Store.open(args.db) as store:
        events = {e.id: e for e in reviewed_events(store)}
    random.seed(args.seed)
    drawn = random.sample(sorted(events), min(args.n, len(events)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"# {len(drawn)} of {len(events)} events, seed {args.seed}", ""]
    for k, eid in enumerate(drawn, 1):
        lines += [f"## {k}", *describe(events[eid])]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}: {len(drawn)} of {len(events)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
