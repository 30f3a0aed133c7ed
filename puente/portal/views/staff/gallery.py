"""Staff pages for the gallery: the albums, one album with its photographs, delete, history."""

from dataclasses import replace

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.lib.audit import history_entries
from puente.lib.formpage import form_page
from puente.lib.paging import page_of
from puente.portal import services
from puente.portal.forms.gallery import AlbumFilterForm, AlbumForm, PhotoFormSet
from puente.portal.models import Album, Photo
from puente.portal.selectors import filter_albums


@secretariat_view
def album_list(request: AuthedRequest) -> HttpResponse:
    form = AlbumFilterForm(request.GET or None)
    albums = filter_albums(**form.cleaned_data) if form.is_valid() else filter_albums()
    page, query = page_of(request, albums)
    return render(
        request, "portal/staff/album_list.html", {"form": form, "page": page, "query": query}
    )


@secretariat_view
def album_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    album = get_object_or_404(Album, pk=pk) if pk else Album()
    form = AlbumForm(request.POST or None, instance=album)
    photos = PhotoFormSet(
        request.POST or None, request.FILES or None, instance=album, prefix="photos"
    )
    return form_page(
        request,
        template="portal/staff/album_form.html",
        context={"form": form, "photos": photos, "album": album},
        forms=[form, photos],
        save=lambda: services.save_album(form, photos, request.user),
        success_message=_("The album was saved."),
        next_url=lambda saved: reverse("content:album-edit", args=[saved.pk]),
    )


@secretariat_view
def album_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    album = get_object_or_404(Album, pk=pk)
    if request.method == "POST":
        services.delete_album(album, request.user)
        messages.success(request, _("The album “%s” was deleted.") % album.title_es)
        return redirect("content:albums")
    return render(
        request,
        "portal/staff/album_delete.html",
        {"album": album, "photo_count": album.photos.count()},
    )


@secretariat_view
def album_history(request: AuthedRequest, pk: int) -> HttpResponse:
    album = get_object_or_404(Album, pk=pk)
    # The album's own changes and those of its photographs (deleted ones included), newest first.
    entries = history_entries(album.history.all(), subject=_("Album"))  # type: ignore[attr-defined]
    for entry in history_entries(Photo.history.filter(album_id=album.pk)):  # type: ignore[attr-defined]
        entries.append(replace(entry, subject=_("Photograph: %s") % entry.record.alt_es))
    entries.sort(key=lambda entry: entry.record.history_date, reverse=True)
    return render(request, "portal/staff/album_history.html", {"album": album, "entries": entries})
