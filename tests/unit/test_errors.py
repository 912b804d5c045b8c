"""Coded errors read as sentences whatever they are given: never their raw template, always
valid UTF-8 (to print, store or put in JSON)."""

from __future__ import annotations

from trucewatch.errors import CATALOGUE, LanguageError, TrucewatchError, printable


def test_errors_a_missing_field_never_shows_the_raw_template() -> None:
    err = LanguageError("E202", lang="xx", supported="en, fr")
    assert str(err) == "E202 ?: --lang 'xx' is not supported; supported: en, fr."
    for code in CATALOGUE:
        assert "{" not in str(TrucewatchError(code)), code


def test_errors_messages_are_valid_utf8() -> None:
    err = TrucewatchError("E105", source="caf\udce9.txt", why="bad \ud800")
    assert str(err) == "E105 caf\\xe9.txt: cannot read the file (bad \\ud800)."
    assert printable("plain é") == "plain é"


def test_every_error_code_is_defined_once() -> None:
    """A code written twice in the catalogue silently keeps only the last message."""
    import ast
    from pathlib import Path

    import trucewatch.errors as errors

    tree = ast.parse(Path(errors.__file__).read_text(encoding="utf-8"))
    keys = [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
            and k.value[:1] in {"E", "W"} and k.value[1:].isdigit()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
