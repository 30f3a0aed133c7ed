"""Places are tied to municipalities by code, by name (accents and case ignored), or by point."""

from decimal import Decimal

import pytest

from puente.iati.data import AdminCode, Narrative, Place
from puente.iati.matching import Candidate, Matcher
from puente.lib.names import fold

CANDIDATES = [
    Candidate(1, "54001", "Cúcuta", "54", 7.8939, -72.5078),
    Candidate(2, "54874", "Villa del Rosario", "54", 7.8339, -72.4742),
    Candidate(3, "54810", "Tibú", "54", 8.6394, -72.7336),
    Candidate(4, "54405", "Los Patios", "54", 7.8378, -72.5042),
]
matcher = Matcher(CANDIDATES)


def named(text: str) -> Place:
    return Place(names=[Narrative(text, "es")])


def test_folding_ignores_accents_case_and_punctuation():
    assert fold("CÚCUTA.") == fold("cucuta") == "cucuta"


@pytest.mark.parametrize("code", ["54001", "CO-54001", "CO.54.001"])
def test_a_divipola_code_is_a_sure_match(code):
    match = matcher.match(Place(administratives=[AdminCode(code)]))
    assert (match.municipality_id, match.method, match.confidence) == (1, "code", 100)


@pytest.mark.parametrize(
    ("text", "expected", "confidence"),
    [
        ("cucuta", 1, 95),
        ("San José de Cúcuta", 1, 85),
        ("Cucutá", 1, 95),
        ("Villa del Rosaro", 2, 86),
    ],
)
def test_names_match_despite_accents_typos_and_extra_words(text, expected, confidence):
    match = matcher.match(named(text))
    assert (match.municipality_id, match.method) == (expected, "name")
    assert match.confidence >= confidence - 5


def test_a_point_goes_to_the_nearest_seat_with_a_modest_confidence():
    match = matcher.match(Place(latitude=Decimal("8.60"), longitude=Decimal("-72.70")))
    assert (match.municipality_id, match.method, match.confidence) == (3, "point", 70)


def test_what_cannot_be_matched_says_so():
    assert matcher.match(named("Lima")).method == "none"
    assert (
        matcher.match(Place(latitude=Decimal("4.6"), longitude=Decimal("-74.1"))).municipality_id
        is None
    )
