"""Search finds what people type: singular or plural, accents or none, on either database."""

import pytest
from django.urls import reverse

from puente.lib.textsearch import words_of
from puente.portfolio.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_a_word_and_its_plural_look_for_the_same_stem():
    assert words_of("Migrantes") == words_of("migrante") == ["migrant"]
    assert words_of("niños") == words_of("ninos")
    assert words_of("agua") == ["agua"]  # a short word is kept whole, not cut to "agu"


@pytest.mark.parametrize(
    "word", ["asistencia", "emergencia", "convivencia", "residencia", "transferencias"]
)
def test_every_word_finds_itself_whatever_the_stemmer_does_to_its_ending(word):
    """The stemmer turns "-encia" into "-ente": what is looked for stays inside the word."""
    [term] = words_of(word)
    assert term in word and len(term) >= 4


@pytest.mark.parametrize("typed", ["migrantes", "MIGRANTES venezolanos", "cucuta migrantes"])
def test_the_staff_list_finds_a_singular_from_its_plural(staff_client, typed):
    ActivityFactory(title_es="Atención a la población migrante venezolana en Cúcuta")
    ActivityFactory(title_es="Vías terciarias en Sardinata")
    page = staff_client.get(reverse("portfolio:list"), {"q": typed}).content.decode()
    assert "población migrante venezolana" in page and "Vías terciarias" not in page


@pytest.mark.parametrize("typed", ["migrante", "migrantes"])
def test_the_public_search_finds_singulars_and_plurals(client, typed):
    ActivityFactory(
        title_es="Atención a la población migrante en Villa del Rosario", is_public=True
    )
    page = client.get(reverse("portal:search"), {"q": typed}).content.decode()
    assert "población migrante en Villa del Rosario" in page
