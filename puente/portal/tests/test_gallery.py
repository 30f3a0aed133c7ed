"""The gallery: staff build albums of checked, metadata-free photos; the public sees published ones."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from puente.portal.models import Album, Photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def photo_with_gps(width: int = 2400, height: int = 1600) -> SimpleUploadedFile:
    image = Image.new("RGB", (width, height), "teal")
    exif = Image.Exif()
    exif[0x8825] = {2: (7.0, 53.0, 38.0)}  # GPSInfo near Cúcuta
    exif[0x010F] = "Cámara de prueba"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile("IMG_0042.JPG", buffer.getvalue(), content_type="image/jpeg")


def album_form(photos: list[dict] | None = None, initial: int = 0, **extra) -> dict:
    photos = photos or []
    data = {
        "title_es": "Jornada binacional en Villa del Rosario",
        "taken_on": "2026-10-02",
        "is_published": "on",
        "photos-TOTAL_FORMS": str(len(photos)),
        "photos-INITIAL_FORMS": str(initial),
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "60",
        **extra,
    }
    for n, photo in enumerate(photos):
        data.update({f"photos-{n}-{key}": value for key, value in photo.items()})
    return data


def make_album(staff_client, published: bool = True, **extra) -> Album:
    data = album_form(
        [{"large": photo_with_gps(), "alt_es": "Familias en la carpa de orientación", "position": 0},
         {"large": photo_with_gps(800, 1200), "alt_es": "El puente al atardecer", "position": 1}],
        **extra,
    )  # fmt: skip
    if not published:
        data.pop("is_published")
    response = staff_client.post("/staff/portal/gallery/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Album.objects.get()


def test_an_upload_is_kept_without_metadata_in_three_sizes(staff_client, settings):
    album = make_album(staff_client)
    landscape, portrait = album.photos.all()
    sizes = {
        name: Image.open(settings.MEDIA_ROOT / getattr(landscape, name).name).size
        for name in ("large", "medium", "thumb")
    }
    assert sizes == {"large": (1600, 1067), "medium": (800, 534), "thumb": (400, 267)}
    stored = Image.open(settings.MEDIA_ROOT / landscape.large.name)
    assert not stored.getexif()
    assert (portrait.width, portrait.height) == (800, 1200)
    # The browser is told each rendition's real width, portrait ones included.
    assert portrait.srcset.endswith("800w") and " 267w" in portrait.srcset


def test_the_public_sees_a_published_album_with_alt_texts_and_responsive_images(staff_client):
    album = make_album(staff_client)
    page = Client().get(album.get_absolute_url()).content.decode()
    assert 'alt="Familias en la carpa de orientación"' in page
    assert "srcset=" in page and "400w" in page
    assert album.title_es in Client().get("/es/galeria/").content.decode()


def test_the_photo_page_is_the_lightbox_without_javascript(staff_client):
    album = make_album(staff_client)
    first, second = album.photos.all()
    page = Client().get(f"/es/galeria/{album.pk}/{album.slug}/foto/{first.pk}/").content.decode()
    assert "Fotografía 1 de 2" in page
    assert f"/foto/{second.pk}/" in page and 'rel="next"' in page and 'rel="prev"' not in page
    image = Client().get(f"/es/galeria/imagen/{second.pk}/large/")
    assert image["Content-Type"] == "image/jpeg" and image["X-Content-Type-Options"] == "nosniff"


def test_a_draft_album_and_its_images_are_hidden_from_the_public(staff_client):
    album = make_album(staff_client, published=False)
    photo = album.photos.first()
    public = Client()
    assert public.get(album.get_absolute_url()).status_code == 404
    assert public.get(f"/es/galeria/imagen/{photo.pk}/thumb/").status_code == 404
    assert album.title_es not in public.get("/es/galeria/").content.decode()
    preview = staff_client.get(album.get_absolute_url())
    assert "Borrador: el público no ve este álbum." in preview.content.decode()
    image = staff_client.get(f"/es/galeria/imagen/{photo.pk}/thumb/")
    assert image.status_code == 200 and image["Cache-Control"] == "private, no-store"
    assert staff_client.get(f"/es/galeria/imagen/{photo.pk}/huge/").status_code == 404


def test_a_photo_without_a_description_or_not_an_image_saves_nothing(staff_client, settings):
    fake = SimpleUploadedFile("photo.jpg", b"<?php echo 'hi'; ?>", content_type="image/jpeg")
    gif = io.BytesIO()
    Image.new("RGB", (10, 10), "red").save(gif, "GIF")
    animated = SimpleUploadedFile("photo.jpg", gif.getvalue(), content_type="image/jpeg")
    response = staff_client.post(
        "/staff/portal/gallery/new/",
        album_form([{"large": photo_with_gps(), "position": 0},
                    {"large": fake, "alt_es": "Algo", "position": 1},
                    {"large": animated, "alt_es": "Un GIF", "position": 2}]),
    )  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert "No se guardó nada" in page
    assert "Este campo es obligatorio." in page  # the description of the first photo
    assert "no era una imagen" in page  # the script named photo.jpg
    assert "Solo se aceptan imágenes PNG y JPEG." in page  # a GIF, whatever its name says
    assert not Album.objects.exists() and not Photo.objects.exists()
    assert not any(settings.MEDIA_ROOT.rglob("*.jpg"))


def test_an_album_in_english_needs_its_photos_described_in_english(staff_client):
    response = staff_client.post(
        "/staff/portal/gallery/new/",
        album_form(
            [{"large": photo_with_gps(), "alt_es": "El puente", "position": 0}],
            title_en="Binational day",
        ),
    )
    assert response.status_code == 400
    assert "describa la foto en inglés" in response.content.decode()


def test_deleting_an_album_asks_first_then_removes_its_files(
    staff_client, settings, django_capture_on_commit_callbacks
):
    album = make_album(staff_client)
    files = [settings.MEDIA_ROOT / p.thumb.name for p in album.photos.all()]
    confirm = staff_client.get(f"/staff/portal/gallery/{album.pk}/delete/").content.decode()
    assert "y sus 2 fotografías se eliminarán" in confirm
    assert Album.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(f"/staff/portal/gallery/{album.pk}/delete/")
    assert not Album.objects.exists() and not Photo.objects.exists()
    assert not any(f.exists() for f in files)


def test_removing_one_photo_keeps_the_rest_and_the_history_says_who(staff_client, staff_user):
    album = make_album(staff_client)
    first, second = album.photos.all()
    data = album_form(
        [{"id": first.pk, "alt_es": first.alt_es, "position": 0, "DELETE": "on"},
         {"id": second.pk, "alt_es": "El puente internacional", "position": 1}],
        initial=2,
    )  # fmt: skip
    assert staff_client.post(f"/staff/portal/gallery/{album.pk}/", data).status_code == 302
    assert list(album.photos.values_list("alt_es", flat=True)) == ["El puente internacional"]
    history = staff_client.get(f"/staff/portal/gallery/{album.pk}/history/").content.decode()
    assert "Fotografía: Familias en la carpa de orientación" in history
    assert "Eliminado" in history or "Deleted" in history
    assert staff_user.username in history


def test_the_staff_list_filters_by_words_without_accents_and_by_status(staff_client):
    make_album(staff_client, published=False)
    found = staff_client.get("/staff/portal/gallery/", {"q": "binacional rosario"})
    assert "Jornada binacional" in found.content.decode()
    published = staff_client.get("/staff/portal/gallery/", {"status": "published"})
    assert "Ningún álbum coincide" in published.content.decode()


def test_only_the_secretariat_writes_the_gallery(viewer_client):
    assert viewer_client.get("/staff/portal/gallery/").status_code == 403
    assert viewer_client.post("/staff/portal/gallery/new/", album_form()).status_code == 403
    assert not Album.objects.exists()
