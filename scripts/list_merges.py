"""List the multi-report events of a SQLite store, each report with its place, precision, type,
time, toll and first evidence sentence, for a careful reader to judge each merge.

    PYTHONPATH=src python -m trucewatch ingest ../shared/corpus/news --db /tmp/s.sqlite
    python scripts/list_merges.py /tmp/s.sqlite
"""

from __future__ import annotations

import json
import sqlite3
import sys


def main(path: str) -> None:
    db = sqlite3.connect(path)
    events = db.execute("select id, place, reports from events where reports > 1 order by id").fetchall()
    print(f"{len(events)} multi-report events")
    for event_id, place, n in events:
        print(f"== {event_id} {place} ({n} reports)")
        for article, inc in db.execute("select article_id, incident from event_reports where event_id = ?",
                                       (event_id,)):
            (record,) = db.execute("select record from reports where article_id = ? and incident = ?",
                                   (article, inc)).fetchone()
            r = json.loads(record)
            evidence = r["evidence"][0]["text"][:200] if r["evidence"] else ""
            print(f"   {article[:10]} {inc} {r['place']} p{r['geo_precision']} {r['acled_sub_event_type']} "
                  f"{(r['time_earliest'] or '')[:16]}..{(r['time_latest'] or '')[:16]} killed={r['fatalities_low']} "
                  f"tally={r.get('tally', False)} | {evidence!r}")


if __name__ == "__main__":
    main(sys.argv[1])
