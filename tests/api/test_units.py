"""The API's parts that need no model: CSV cells, cursors, filters' parsing, tokens, the fold of
revisions, and the token command."""

from __future__ import annotations

from pathlib import Path

import pytest

from trucewatch.api.query import decode_cursor, parse_bbox, parse_time, safe_cell
from trucewatch.errors import ConfigError
from trucewatch.store.db import Store
from trucewatch.store.review import add_token, check_token, history, record, reviewed, revoke_token, undo


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+2", "'+1+2"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-3", "-3"), ("+1.5", "+1.5"), (-3, "-3"),
    ("Kyiv", "Kyiv"), (None, ""), (True, "true")])
def test_csv_cells_never_start_a_formula(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


def test_bad_parameters_name_themselves() -> None:
    for call, name in ((lambda: parse_time("from", "soon"), "from"), (lambda: parse_bbox("1,2,3,x"), "bbox"),
                       (lambda: parse_bbox("0,50,10,40"), "bbox"), (lambda: decode_cursor("!!"), "cursor")):
        with pytest.raises(ConfigError) as err:
            call()
        assert err.value.code == "E302" and err.value.fields["what"] == name
    assert parse_bbox("170,-10,-170,10") == (170, -10, -170, 10)  # across the antimeridian
    assert parse_time("to", "2025-05-08") == parse_time("to", "2025-05-08T00:00:00+00:00")


def test_tokens_keep_only_a_salted_hash(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "t.sqlite")) as store:
        made, bearer = add_token(store.conn, "ana", "analyst")
        other, bearer2 = add_token(store.conn, "ana", "analyst")
        rows = store.rows("SELECT id, salt, digest FROM api_tokens")
        assert all(bearer.split("_", 2)[2] not in " ".join(map(str, r)) for r in rows)
        assert rows[0][1] != rows[1][1]  # a salt per token
        assert check_token(store.conn, bearer) == made and check_token(store.conn, bearer2) == other
        for forged in ("", "tw_", bearer[:-1] + ("A" if bearer[-1] != "A" else "B"), f"tw_{other.id}_{'x' * 43}"):
            assert check_token(store.conn, forged) is None
        assert revoke_token(store.conn, made.id) and check_token(store.conn, bearer) is None


def test_revisions_fold_and_undo(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "t.sqlite")) as store:
        who, _ = add_token(store.conn, "ana", "analyst")
        a = record(store.conn, "E1", "edit", who, "toll", {"fatalities_best": 4})
        record(store.conn, "E1", "edit", who, "place", {"place": "Sumy"})
        record(store.conn, "E1", "accept", who, "checked")
        r = reviewed(store.conn)["E1"]
        assert r.status == "accepted" and r.values == {"fatalities_best": 4, "place": "Sumy"} and r.role == "analyst"
        u = undo(store.conn, a.id, who, "wrong")
        assert u is not None and u.before["values"]["fatalities_best"] == 4
        assert "fatalities_best" not in u.after["values"]
        assert undo(store.conn, a.id, who, "again") is None and undo(store.conn, u.id, who, "undo an undo") is None
        assert reviewed(store.conn)["E1"].values == {"place": "Sumy"}
        assert [h.action for h in history(store.conn, "E1")] == ["edit", "edit", "accept", "undo"]


def test_token_command_prints_the_token_once(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from trucewatch.cli.main import cli

    db = str(tmp_path / "t.sqlite")
    out = CliRunner().invoke(cli, ["token", "add", "--role", "reader", "--name", "desk", "--db", db])
    assert out.exit_code == 0, out.output
    bearer = out.stdout.strip().splitlines()[0]
    with Store.open(db) as store:
        t = check_token(store.conn, bearer)
        assert t is not None and t.role == "reader" and t.name == "desk"
    listed = CliRunner().invoke(cli, ["token", "list", "--db", db])
    assert t.id in listed.output and bearer.split("_", 2)[2] not in listed.output
