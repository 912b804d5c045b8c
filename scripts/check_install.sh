#!/usr/bin/env bash
# Prove the package installs outside the Makefile: `pip install .` and `pip install '.[all]'`,
# each in a fresh virtualenv, at the versions requirements.lock pins (as constraints). Then smoke
# each: the minimal install analyses an article and names the extra a heavy feature needs
# (E403); the full one runs that feature.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the lock's pins without hashes: constraints for the resolver, so both installs get locked versions
grep -E '^[A-Za-z0-9_.-]+==' requirements.lock | sed 's/ .*//' > "$work/constraints.txt"
export PIP_DISABLE_PIP_VERSION_CHECK=1
text='Russian missiles hit Kramatorsk on Friday, killing two people, officials said.'

for kind in minimal all; do
  echo "== pip install $([ $kind = all ] && echo "'.[all]'" || echo .) in a fresh venv"
  "$PYTHON" -m venv "$work/$kind"
  target="."; [ "$kind" = all ] && target=".[all]"
  "$work/$kind/bin/pip" install -q -c "$work/constraints.txt" "$target"
  tw="$work/$kind/bin/trucewatch"
  (cd "$work" && "$tw" setup >/dev/null)
  echo "$text" | (cd "$work" && "$tw" analyze - --published 2023-01-07 --lang en --format json) \
    | "$work/$kind/bin/python" -c 'import json,sys; r=json.load(sys.stdin); assert r["incidents"][0]["place"]=="Kramatorsk", r; print("analyze: ok")'
  printf '{"text": "%s", "published": "2023-01-07"}\n' "$text" > "$work/a.jsonl"
  (cd "$work" && "$tw" ingest a.jsonl --db "$work/$kind.sqlite" --quiet)
  set +e
  out="$(cd "$work" && "$tw" export --format parquet --out "$work/$kind.parquet" --db "$work/$kind.sqlite" 2>&1)"
  rc=$?
  set -e
  if [ "$kind" = minimal ]; then
    echo "$out" | grep -q "E403.*trucewatch\[parquet\]" || { echo "expected E403 naming [parquet], got: $out"; exit 1; }
    echo "parquet without the extra: E403 names it (exit $rc)"
  else
    [ "$rc" -eq 0 ] && [ -s "$work/$kind.parquet" ] || { echo "parquet export failed: $out"; exit 1; }
    echo "parquet with [all]: ok"
  fi
done
echo "install check: 2 passed, 0 failed"
