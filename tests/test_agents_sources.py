"""Issue 9: who did it and who says so, on the constructions real news uses. Sentences written
for the tests, in every language the construction concerns, through the whole analyser."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _run(analyzer: Any, lang: str, text: str) -> dict[str, Any]:
    out: dict[str, Any] = analyzer.analyze(text, published="2024-05-06", language=lang).to_contract()
    return out


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the party after "according to" reports: it is the accuser, never the doer (issue 9)
        ("de", "Laut einer Mitteilung des ukrainischen Generalstabs hat die russische Armee die Stadt "
               "Wowtschansk erneut aus der Luft angegriffen."),
        ("de", "Nach Angaben des ukrainischen Militärs haben russische Truppen Charkiw beschossen."),
        ("en", "According to the Ukrainian military, Russian forces shelled Kharkiv on Monday."),
        ("fr", "Selon l'armée ukrainienne, les forces russes ont bombardé Kharkiv lundi."),
        ("es", "Según el ejército ucraniano, las fuerzas rusas bombardearon Járkov el lunes."),
        ("ru", "По данным Генштаба ВСУ, российские войска обстреляли Харьков в понедельник."),
        ("uk", "За даними Генштабу ЗСУ, російські війська обстріляли Харків у понеділок."),
        ("ar", "وبحسب الجيش الأوكراني، قصفت القوات الروسية مدينة خاركيف يوم الاثنين."),
    ],
)
def test_agents_source_is_the_accuser_not_the_doer(analyzer: Any, lang: str, text: str) -> None:
    out = _run(analyzer, lang, text)
    assert out["incidents"] and all(i["perpetrator_claimed"] == "Russia" for i in out["incidents"])
    assert ("Ukraine", "accuses", "Russia") in {(c["claimant"], c["kind"], c["target"]) for c in out["claims"]}


@pytest.mark.parametrize(
    ("lang", "text", "perpetrator"),
    [
        # the Syrian government and the armed opposition are sides of their war (issue 9)
        ("ar", "قتل 18 شخصا أمس في سقوط صاروخ مصدره قوات النظام السوري على حي في مدينة حلب.", "Syria"),
        ("en", "The Syrian army shelled Aleppo on Monday, killing five people.", "Syria"),
        ("es", "Los rebeldes sirios atacaron un puesto militar en Alepo el lunes.", "Syrian rebels"),
    ],
)
def test_agents_syrian_sides(analyzer: Any, lang: str, text: str, perpetrator: str) -> None:
    out = _run(analyzer, lang, text)
    assert out["incidents"] and out["incidents"][0]["perpetrator_claimed"] == perpetrator
