"""The two ratings that say what is known reach every output with the domain's wording."""

from eia_app.domain.assessment import Assessment
from eia_app.domain.impact import ImpactRating
from eia_app.export.sections import build_impacts, rating_label
from eia_app.export.summary import build_equality_implications
from eia_app.export.summary_content import build_summary_content
from tests.factories import make_assessment


def _rated(ratings: dict[str, str]) -> Assessment:
    assessment = make_assessment()
    impacts = [
        i.model_copy(update={"rating": ImpactRating(ratings[i.group_id])})
        if i.group_id in ratings
        else i
        for i in assessment.impacts
    ]
    return assessment.model_copy(update={"impacts": impacts})


RATED = {"disability": "positive_with_risk", "armed_forces": "unknown", "sex": "negative"}
LABELS = {"disability": "Disability", "armed_forces": "Armed forces community", "sex": "Sex"}


def test_every_rating_has_a_label_in_the_report():
    assert [rating_label(r) for r in ImpactRating] == [r.label for r in ImpactRating]
    assert rating_label(ImpactRating.UNKNOWN) == "Unknown (no evidence yet)"
    assert rating_label(ImpactRating.UNKNOWN, short=True) == "Unknown"
    assert rating_label(None) == "Not rated"


def test_the_impact_table_shows_the_new_labels():
    rows = build_impacts(_rated(RATED), lambda g: LABELS.get(g, g))
    by_group = {row["group"]: row["rating"] for row in rows}
    assert by_group["Disability"] == "Positive with a risk of negative"
    assert by_group["Armed forces community"] == "Unknown (no evidence yet)"


def test_the_implications_paragraph_names_a_risk_and_an_unknown():
    text = build_equality_implications(_rated(RATED), labels=LABELS)
    assert "positive impact with a risk of negative impact on disability" in text
    assert "unknown impact on armed forces community" in text
    assert "negative impact on sex" in text


def test_the_summary_lists_risky_and_unknown_ratings_among_the_risks():
    content = build_summary_content(_rated(RATED), label_of=lambda g: LABELS.get(g, g))
    assert [line.rating for line in content.ratings][:3] == [
        "Positive",
        "Positive with a risk of negative",
        "Neutral",
    ]
    risks = " ".join(content.risks)
    assert "Disability (positive with a risk of negative)" in risks
    assert "Armed forces community (unknown)" in risks
    assert "Sex (negative)" in risks
