"""Reading the files a monitor collects: every format gives articles with their metadata, and a
broken file or line gives a failure that names it, without stopping the others."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from trucewatch.ingest.sources import Columns, RawArticle, SourceFailure, read_sources

BODY = ("Russian forces shelled Kramatorsk on Saturday despite the Orthodox Christmas truce declared by "
        "Vladimir Putin, Ukrainian officials said. Two people were killed in the strike.")

HTML = f"""<!doctype html><html><head><title>Shelling despite truce | Example News</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-01-07T10:00:00+00:00">
<link rel="canonical" href="https://news.example.org/2023/01/07/shelling"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Shelling despite truce</h1><p>{BODY}</p>
<p>Moscow denied that its forces had fired during the truce and accused Kyiv of provocations.</p></article>
<footer>Copyright Example News. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""

RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Shelling despite truce</title><link>https://wire.example.org/1</link>
<pubDate>Sat, 07 Jan 2023 10:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Truce holds in the south</title><link>https://wire.example.org/2</link>
<pubDate>Sun, 08 Jan 2023 09:00:00 GMT</pubDate><description>No shelling was reported in Kherson.</description></item>
</channel></rss>"""


def _read(tmp_path: Path, name: str, data: str | bytes,
          columns: Columns | None = None) -> list[RawArticle | SourceFailure]:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return list(read_sources([str(path)], columns))


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    [a] = _read(tmp_path, "page.html", HTML)
    assert isinstance(a, RawArticle)
    assert "Kramatorsk" in a.text and "Subscribe" not in a.text and "Home" not in a.text
    assert a.title and a.title.startswith("Shelling despite truce")
    assert a.author == "Jane Doe" and a.published == date(2023, 1, 7) and a.published_basis == "metadata"
    assert a.url == "https://news.example.org/2023/01/07/shelling"


def test_rss_entries_are_articles(tmp_path: Path) -> None:
    items = _read(tmp_path, "wire.rss", RSS)
    assert [type(i) for i in items] == [RawArticle, RawArticle]
    first, second = items
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.outlet == "Example Wire" and first.published == date(2023, 1, 7)
    assert first.text.startswith("Shelling despite truce") and "<p>" not in first.text
    assert second.url == "https://wire.example.org/2" and second.source.endswith("#2")


def test_jsonl_broken_line_is_a_failure_and_the_rest_go_on(tmp_path: Path) -> None:
    lines = [json.dumps({"text": BODY, "published": "2023-01-07", "title": "Shelling"}), "{not json", '{"id": 3}',
             '{"text": "Second article about the truce in Kherson.", "language": "en"}']
    items = _read(tmp_path, "batch.jsonl", "\n".join(lines))
    assert [type(i).__name__ for i in items] == ["RawArticle", "SourceFailure", "SourceFailure", "RawArticle"]
    assert isinstance(items[1], SourceFailure) and items[1].source.endswith(":2") and items[1].error.code == "E106"
    first = items[0]
    assert isinstance(first, RawArticle) and first.text.startswith("Shelling\n\n")
    assert first.published == date(2023, 1, 7)


def test_csv_with_a_named_text_column(tmp_path: Path) -> None:
    data = f'headline,body,date\n"Shelling","{BODY}",2023-01-07\n'
    [a] = _read(tmp_path, "rows.csv", data, Columns(text="body", title="headline", published="date"))
    assert isinstance(a, RawArticle) and a.title == "Shelling" and a.published == date(2023, 1, 7)
    [f] = _read(tmp_path, "rows.csv", data)  # default column "text" is missing
    assert isinstance(f, SourceFailure) and f.error.code == "E109" and "--text-column" in str(f.error)


def test_json_object_or_list(tmp_path: Path) -> None:
    one = _read(tmp_path, "one.json", json.dumps({"text": BODY, "outlet": "Wire"}))
    many = _read(tmp_path, "many.json", '[{"text": "a truce in Gaza"}, {"text": "shelling in Kherson"}, 5]')
    assert len(one) == 1 and isinstance(one[0], RawArticle) and one[0].outlet == "Wire"
    assert [type(i).__name__ for i in many] == ["RawArticle", "RawArticle", "SourceFailure"]


def test_broken_files_are_named_and_the_directory_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><nav>menu</nav></body></html>", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "notes.md").write_text("not an article format", encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))
    failures = {Path(i.source).name: i.error.code for i in items if isinstance(i, SourceFailure)}
    assert failures == {"binary.txt": "E102", "empty.html": "E108"}
    assert [Path(i.source).name for i in items if isinstance(i, RawArticle)] == ["good.txt"]


def test_jsonl_keeps_the_country_hint_and_warns_on_a_bad_date(tmp_path: Path) -> None:
    """ingest and analyze --jsonl read lines through one reader (issue 11): the country hint is
    kept and a date that is not one is W105, the article kept, its date inferred later."""
    lines = [{"id": "a1", "text": BODY, "published": "last Saturday", "country": "ua"},
             {"id": "a2", "text": BODY, "published": "2023-01-07"}]
    a1, a2 = _read(tmp_path, "batch.jsonl", "\n".join(json.dumps(x) for x in lines))
    assert isinstance(a1, RawArticle) and isinstance(a2, RawArticle)
    assert (a1.id, a1.country, a1.published, a1.published_basis) == ("a1", "UA", None, "unknown")
    assert a1.warnings and a1.warnings[0].startswith("W105")
    assert (a2.published, a2.published_basis, a2.warnings) == (date(2023, 1, 7), "metadata", ())


def test_jsonl_a_broken_line_names_itself_and_keeps_its_id(tmp_path: Path) -> None:
    data = json.dumps({"id": "ok", "text": BODY}) + "\n" + json.dumps({"id": "bad", "text": 7}) + "\n{not json\n"
    ok, bad, broken = _read(tmp_path, "batch.jsonl", data)
    assert isinstance(ok, RawArticle)
    assert isinstance(bad, SourceFailure) and bad.id == "bad" and bad.error.code == "E106"
    assert isinstance(broken, SourceFailure) and broken.source.endswith(":3") and broken.id is None
