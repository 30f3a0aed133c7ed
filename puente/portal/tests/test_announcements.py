"""Announcements: what the public sees (only what is published and due), feeds, archive."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from puente.portal.models import Announcement

pytestmark = pytest.mark.django_db


def announcement(title: str, days_ago: int = 1, published: bool = True, **extra) -> Announcement:
    fields = {
        "title_es": title,
        "summary_es": f"Resumen de {title}",
        "body_es": f"<p>Texto de {title}</p>",
        "is_published": published,
        "publish_at": timezone.now() - timedelta(days=days_ago),
    }
    item = Announcement(**(fields | extra))
    item.save()
    return item


def test_the_public_list_shows_published_announcements_only(client):
    announcement("Mesa de cooperación")
    announcement("Borrador interno", published=False)
    announcement("Seminario programado", days_ago=-3)
    page = client.get(reverse("portal:announcements")).content.decode()
    assert "Mesa de cooperación" in page
    assert "Borrador interno" not in page
    assert "Seminario programado" not in page


def test_a_draft_or_scheduled_announcement_is_not_found_by_the_public(client):
    draft = announcement("Borrador interno", published=False)
    scheduled = announcement("Seminario programado", days_ago=-3)
    for item in (draft, scheduled):
        assert client.get(item.get_absolute_url()).status_code == 404
        assert client.get(reverse("portal:announcement-image", args=[item.pk])).status_code == 404


def test_a_scheduled_announcement_appears_when_its_time_comes():
    scheduled = announcement("Seminario programado", days_ago=-3)
    assert not Announcement.objects.published().filter(pk=scheduled.pk).exists()
    later = timezone.now() + timedelta(days=4)
    assert Announcement.objects.published(at=later).filter(pk=scheduled.pk).exists()


def test_the_detail_page_shows_the_text_and_fixes_a_wrong_slug(client):
    item = announcement("Jornada binacional en Villa del Rosario")
    page = client.get(item.get_absolute_url())
    assert page.status_code == 200
    assert "<p>Texto de Jornada binacional en Villa del Rosario</p>" in page.content.decode()
    wrong = reverse("portal:announcement", kwargs={"pk": item.pk, "slug": "otro"})
    moved = client.get(wrong)
    assert moved.status_code == 301
    assert moved["Location"] == item.get_absolute_url()


def test_the_archive_filters_by_year_and_lists_the_years_with_announcements(client):
    announcement("Noticia de este año", days_ago=1)
    old = announcement("Convocatoria antigua", days_ago=400)
    year = old.publish_at.year
    page = client.get(reverse("portal:announcements"), {"year": year}).content.decode()
    assert "Convocatoria antigua" in page
    assert "Noticia de este año" not in page  # 400 days back is always another year
    assert f"?year={year}" in page
    # A year with nothing in it is not a filter that silently empties the page.
    page = client.get(reverse("portal:announcements"), {"year": "1999"}).content.decode()
    assert "Noticia de este año" in page


def test_kind_filter(client):
    announcement("Aviso de horario", kind="notice")
    announcement("Noticia de la mesa", kind="news")
    page = client.get(reverse("portal:announcements"), {"kind": "notice"}).content.decode()
    assert "Aviso de horario" in page
    assert "Noticia de la mesa" not in page


def test_an_empty_list_says_so(client):
    page = client.get(reverse("portal:announcements")).content.decode()
    assert "Aún no hay anuncios" in page


def test_english_readers_get_the_english_version_or_the_whole_spanish_one(client):
    announcement(
        "Mesa de cooperación",
        title_en="Cooperation round table",
        summary_en="Summary in English",
        body_en="<p>English text</p>",
    )
    only_spanish = announcement("Solo en español")
    client.cookies["django_language"] = "en"
    english = client.get("/en/announcements/").content.decode()
    assert "Cooperation round table" in english
    assert "Solo en español" in english
    page = client.get(f"/en/announcements/{only_spanish.pk}/{only_spanish.slug}/").content.decode()
    assert "<p>Texto de Solo en español</p>" in page


@pytest.mark.parametrize("name", ["portal:announcements-rss", "portal:announcements-atom"])
def test_feeds_carry_published_announcements_only(client, name):
    announcement("Mesa de cooperación")
    announcement("Borrador interno", published=False)
    response = client.get(reverse(name))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own feed)
    text = ElementTree.tostring(root, encoding="unicode")
    assert "Mesa de cooperación" in text
    assert "Borrador interno" not in text


def test_the_home_page_shows_the_latest_announcements(client):
    announcement("Mesa de cooperación")
    page = client.get(reverse("portal:home")).content.decode()
    assert "Mesa de cooperación" in page
    assert 'type="application/rss+xml"' in page


def test_hostile_markup_is_removed_when_saved_whatever_the_route(client):
    item = announcement(
        "Con trampa",
        body_es=(
            '<p onclick="steal()">Hola</p><script>alert(1)</script>'
            '<a href="javascript:alert(2)">clic</a><img src=x onerror=alert(3)>'
            '<iframe src="https://example.org"></iframe><h2>Título</h2>'
        ),
    )
    item.refresh_from_db()
    assert "script" not in item.body_es
    assert "onclick" not in item.body_es
    assert "javascript:" not in item.body_es
    assert "onerror" not in item.body_es
    assert "iframe" not in item.body_es
    assert "<h2>Título</h2>" in item.body_es
    page = client.get(item.get_absolute_url()).content.decode()
    assert "alert(" not in page
