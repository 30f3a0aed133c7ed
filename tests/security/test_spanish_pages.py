"""No English on a Spanish page: every page of the URL map, read as a person reads it.

The catalogue test catches a string marked for translation and left untranslated; this one
catches what never reached the catalogue: a label typed in English in a template, a choice's
code shown instead of its label, a library's string that Django's Spanish catalogue lacks.
"""

import re

import lxml.html
import pytest
from django.test import Client

from .test_authorization_matrix import RULES
from .world import build_world, url_for, url_names

pytestmark = pytest.mark.django_db

# Words that are English and never Spanish: one of them in a page's visible text means a string
# reached the page untranslated. (Short words that are also Spanish, "no" or "a", are left out.)
ENGLISH_WORDS = {
    "the", "and", "with", "from", "this", "that", "your", "you", "select", "option", "changed",
    "created", "deleted", "save", "cancel", "edit", "delete", "search", "add", "remove", "none",
    "yes", "show", "submit", "previous", "next", "filter", "sort", "download", "upload", "date",
    "status", "amount", "name", "title", "description", "new", "back", "home", "sign",
    "password", "email", "required", "choose", "file", "apply", "clear", "export", "waiting",
    # status codes shown instead of their labels
    "execution", "approved", "draft", "submitted", "returned", "pending", "formulation",
    "closing", "cancelled", "completed", "implementation", "pipeline",
}  # fmt: skip
WORD = re.compile(r"[a-záéíóúüñ]+")
# People's addresses, links and names quoted as literals («email», a spreadsheet column) are
# data, not words of the page.
LITERAL = re.compile(r"\S+@\S+|https?://\S+|«[^»]*»")


def visible_words(html: str) -> set[str]:
    """The words a person sees: text and option labels, not scripts, styles or attributes;
    text marked as English on purpose (the language switch's "English") is left out."""
    tree = lxml.html.fromstring(html)
    for element in tree.xpath("//script|//style|//template|//*[@lang='en']"):
        element.drop_tree()
    return set(WORD.findall(LITERAL.sub(" ", tree.text_content().lower())))


@pytest.mark.parametrize(("role", "at_least"), [("administrator", 100), ("reporter A", 40),
                                                ("proposer", 30)])  # fmt: skip
def test_no_page_shows_english_words_in_spanish(role, at_least):
    world = build_world()
    client = Client()
    client.force_login(world.users[role])
    found, read = {}, 0
    for name, route in url_names():
        _who, method = RULES[name]
        if method != "GET" or "<str:language>" in route:
            continue
        response = client.get(url_for(name, route, world))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        english = visible_words(response.content.decode()) & ENGLISH_WORDS
        if english:
            found[name] = sorted(english)
    assert read >= at_least  # the pages were really read, not refused or missing
    assert found == {}


def test_the_check_sees_english_when_there_is_some():
    page = "<p>Guardar</p><select><option>- Select an option -</option></select>"
    assert visible_words(page) & ENGLISH_WORDS == {"select", "option"}
    assert visible_words('<a lang="en">English</a><p>ana@the-office.org</p>') == set()
