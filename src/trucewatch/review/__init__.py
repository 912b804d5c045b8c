"""Analysts' reviews applied to what the machine derived: edited values, rejections, splits and
merges of events, corrected ceasefires, and the reviews as labelled data. Below the exports,
reports and the HTTP API, which all read events as the reviews have them."""
