"""trucewatch: an offline, multilingual ceasefire monitor.

    >>> from trucewatch import Analyzer
    >>> analyzer = Analyzer.load()
    >>> result = analyzer.analyze(text, published="2023-01-06")
    >>> result.to_contract()["ceasefires"][0]["start"]
"""

from __future__ import annotations

__version__ = "0.1.0"

from trucewatch.pipeline import Analyzer, ArticleInput, Failure  # noqa: E402

__all__ = ["Analyzer", "ArticleInput", "Failure", "__version__"]
