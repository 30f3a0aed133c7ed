"""fold() against the plain character-by-character definition it replaced."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from puente.lib.names import fold


def reference_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def test_names_as_people_write_them_compare_equal() -> None:
    assert fold("Cúcuta") == fold("CUCUTA.") == "cucuta"
    assert fold("  Villa del Rosario—Norte de Santander ") == "villa del rosario norte de santander"
    assert fold("niñas_y_niños (2024–2026)") == "ninas y ninos 2024 2026"


@given(st.text())
def test_fold_matches_the_reference_on_any_text(text: str) -> None:
    assert fold(text) == reference_fold(text)


@given(st.lists(st.characters(min_codepoint=0x80), max_size=30).map("".join))
def test_fold_matches_the_reference_beyond_ascii(text: str) -> None:
    assert fold("a" + text + "b") == reference_fold("a" + text + "b")


def test_a_name_close_in_spelling_is_suggested_and_an_unrelated_one_is_not():
    from puente.lib.names import closest

    organisations = [
        "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
        "Programa Mundial de Alimentos",
    ]
    assert closest("Programa Mundial de Alimento", organisations) == "Programa Mundial de Alimentos"
    assert closest("Fundación Inventada del Norte", organisations) is None
    assert closest("Cucutta", ["Cúcuta", "Cucutilla", "Tibú"]) == "Cúcuta"
    assert closest("Villa Rosario", ["Villa del Rosario", "Villa Caro"]) == "Villa del Rosario"
