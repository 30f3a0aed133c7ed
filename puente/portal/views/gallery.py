"""Public gallery: published albums, one album, one photograph (the lightbox without JavaScript)."""

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from puente.accounts.roles import is_secretariat
from puente.lib.paging import page_of
from puente.lib.uploads import image_response
from puente.portal.models import Album, Photo, PhotoSize


def _albums(request: HttpRequest) -> QuerySet[Album]:
    # Staff reach drafts too, so that they can look at an album before publishing it.
    return Album.objects.all() if is_secretariat(request.user) else Album.objects.published()


def album_list(request: HttpRequest) -> HttpResponse:
    albums = Album.objects.published().prefetch_related(
        Prefetch("photos", queryset=Photo.objects.order_by("position", "pk"))
    )
    page, query = page_of(request, albums, per_page=12)
    return render(request, "portal/gallery.html", {"page": page, "query": query})


def album_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    album = get_object_or_404(_albums(request), pk=pk)
    if slug != album.slug:
        return redirect(album, permanent=True)
    return render(
        request, "portal/album.html", {"album": album, "photos": list(album.photos.all())}
    )


def photo_detail(request: HttpRequest, pk: int, slug: str, photo_id: int) -> HttpResponse:
    album = get_object_or_404(_albums(request), pk=pk)
    photos = list(album.photos.all())
    index = next((i for i, p in enumerate(photos) if p.pk == photo_id), None)
    if index is None:
        return redirect(album)
    return render(
        request,
        "portal/photo.html",
        {
            "album": album,
            "photo": photos[index],
            "number": index + 1,
            "total": len(photos),
            "previous": photos[index - 1] if index > 0 else None,
            "next": photos[index + 1] if index + 1 < len(photos) else None,
        },
    )


def photo_image(request: HttpRequest, pk: int, size: str) -> FileResponse:
    if size not in PhotoSize.values:
        raise Http404
    photo = get_object_or_404(
        Photo.objects.select_related("album"), pk=pk, album__in=_albums(request)
    )
    response = image_response(photo.file(size), max_age=86400)
    if not photo.album.is_published:  # a draft seen by staff: no shared cache may keep it
        response["Cache-Control"] = "private, no-store"
    return response
