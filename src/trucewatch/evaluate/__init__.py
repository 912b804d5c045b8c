"""Measure extraction: golden reports with hand-written expectations, and human-coded ACLED /
UCDP GED rows. ``trucewatch eval`` prints both; tests/eval keeps floors on them."""
