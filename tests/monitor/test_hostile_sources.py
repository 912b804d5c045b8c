"""Hostile or malformed sources: each is a recorded, coded failure of that one source (or that one
article), never an exception that stops the others; what is read is safe to store and print.
Every input is generated here, in a temporary folder."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from trucewatch.ingest.sources import RawArticle, SourceFailure, read_sources

BODY = ("Russian forces shelled Kramatorsk on Saturday despite the Orthodox Christmas truce declared by "
        "Vladimir Putin, Ukrainian officials said. Two people were killed in the strike.")
GOOD = json.dumps({"text": BODY, "title": "Shelling"})


def _rss(items: str) -> str:
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Example Wire</title>{items}</channel></rss>")


def _utf8(value: str | None) -> bool:
    try:
        (value or "").encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _safe(items: list[RawArticle | SourceFailure]) -> None:
    """What a reader gives is storable and printable: strings, valid UTF-8, coded failures."""
    for item in items:
        assert _utf8(item.source)
        if isinstance(item, SourceFailure):
            assert re.fullmatch(r"E\d{3}", item.error.code) and _utf8(str(item.error))
            assert "{" not in str(item.error).split(" ", 1)[1][:1]
            continue
        for name in ("text", "title", "outlet", "url", "author", "language", "id", "country"):
            value = getattr(item, name)
            assert value is None or isinstance(value, str) and _utf8(value), (name, value)


#: (file name, content, the codes of what it gives: "ok" for an article)
HOSTILE: list[tuple[str, str | bytes, list[str]]] = [
    ("surrogate.rss", _rss(f"<item><title>Truce</title><description>{BODY} &#xD800;</description></item>"
                           f"<item><title>Second</title><description>{BODY}</description></item>"
                           "<item><title>&#xD800;</title><description>&lt;p&gt;&#xD800;&lt;/p&gt;</description></item>"),
     ["ok", "ok", "ok"]),
    ("comment.rss", _rss("<item><description>&lt;!-- only a comment --&gt;</description></item>"
                         f"<item><title>Second</title><description>{BODY}</description></item>"),
     ["E108", "ok"]),
    ("cdata-comment.rss", _rss("<item><description><![CDATA[<!-- x -->]]></description></item>"), ["E108"]),
    ("empty-content.atom", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
                           '<entry><content type="html"></content></entry>'
                           '<entry><content type="html">&lt;!----&gt;</content></entry>'
                           f'<entry><title>Third</title><content type="html">{BODY}</content></entry></feed>',
     ["E108", "E108", "ok"]),
    ("bare-cr.csv", f'text,title\r"{BODY}",one\r{BODY.replace(",", "")},two\r', ["ok", "ok"]),
    ("long-field.csv", f"text,title\n\"{BODY} {'a' * 131_073}\",long\n{BODY.replace(',', '')},short\n", ["ok", "ok"]),
    ("deep.json", "[" * 1000 + "]" * 1000, ["E112"]),
    ("deep.jsonl", '{"text": ' + "[" * 1000 + "]" * 1000 + "}\n" + GOOD + "\n", ["E112", "ok"]),
    ("surrogate.json", json.dumps([{"text": BODY + "\ud800"}, {"text": BODY}]), ["E103", "ok"]),
    ("surrogate.jsonl", json.dumps({"text": BODY + "\ud800", "id": "s"}) + "\n" + GOOD + "\n", ["E103", "ok"]),
    ("objects.jsonl", json.dumps({"text": BODY, "title": {"a": 1}, "url": [1, 2], "outlet": {"b": [3]}}) + "\n",
     ["ok"]),
    ("big-int.jsonl", json.dumps({"text": BODY, "id": 2**63, "title": 2**64, "url": 2**63, "outlet": -(2**70),
                                  "published": 2**63, "language": 2**63, "country": 2**63}) + "\n", ["ok"]),
    ("huge-int.jsonl", '{"text": "' + BODY + '", "id": ' + "9" * 5000 + "}\n" + GOOD + "\n", ["E106", "ok"]),
]


def _codes(items: list[RawArticle | SourceFailure]) -> list[str]:
    return ["ok" if isinstance(i, RawArticle) else i.error.code for i in items]


@pytest.mark.parametrize(("name", "data", "codes"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_source_is_a_coded_failure_of_its_own(tmp_path: Path, name: str, data: str | bytes,
                                                      codes: list[str]) -> None:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    items = list(read_sources([str(path)]))
    _safe(items)
    assert _codes(items) == codes, [str(getattr(i, "error", "")) for i in items]


def test_hostile_feed_reference_to_a_surrogate_is_a_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.rss"
    path.write_text(_rss(f"<item><title>Truce &#xD800;</title><description>{BODY} &#55296;</description></item>"))
    [a] = read_sources([str(path)])
    assert isinstance(a, RawArticle) and a.text.count("\ufffd") == 2 and a.title == "Truce \ufffd"


def test_hostile_metadata_that_is_not_text_is_dropped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "objects.jsonl"
    path.write_text(json.dumps({"text": BODY, "title": {"a": 1}, "url": [1], "outlet": "Wire", "id": 2**63}),
                    encoding="utf-8")
    [a] = read_sources([str(path)])
    assert isinstance(a, RawArticle) and a.title is None and a.url is None and a.outlet == "Wire"
    assert a.id == str(2**63)
    assert [w.split()[0] for w in a.warnings] == ["W106", "W106"]


def test_hostile_file_name_not_utf8_is_read_and_named_safely(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-report.txt")
    (tmp_path / name).write_text(BODY, encoding="utf-8")
    (tmp_path / os.fsdecode(b"bad\xff.jsonl")).write_bytes(b"{not json\n")
    items = list(read_sources([str(tmp_path)]))
    _safe(items)
    assert _codes(items) == ["E106", "ok"]
    assert items[1].source.endswith("caf\\xe9-report.txt")


def test_hostile_folder_good_bad_good_keeps_both_good_files(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text(BODY, encoding="utf-8")
    for name, data, _ in HOSTILE:
        (tmp_path / f"b-{name}").write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    (tmp_path / "c-good.txt").write_text(BODY + " Again.", encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))
    _safe(items)
    names = [Path(i.source.split("#")[0].split(":")[0]).name for i in items if isinstance(i, RawArticle)]
    assert names[0] == "a-good.txt" and names[-1] == "c-good.txt"


def test_hostile_feed_empty_content_falls_back_to_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(_rss(f"<item><title>Strike</title><content:encoded></content:encoded>"
                         f"<description>{BODY}</description></item>"), encoding="utf-8")
    [a] = read_sources([str(path)])
    assert isinstance(a, RawArticle) and a.text == f"Strike\n\n{BODY}"
