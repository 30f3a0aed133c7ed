"""Public event URLs (under the language prefix, with words in the page's language)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import public

app_name = "events"
urlpatterns = [
    path("", public.event_list, name="list"),
    path(_("month/<int:year>/<int:month>/"), public.event_month, name="month"),
    path(_("calendar.ics"), public.calendar_feed, name="feed"),
    path(_("cancel/<str:token>/"), public.cancel, name="cancel"),
    path("<int:pk>.ics", public.event_ics, name="ics"),
    path(_("<int:pk>/materials/<int:material_id>/"), public.material_file, name="material"),
    path(_("<int:pk>/registered/"), public.registered, name="registered"),
    path("<int:pk>/<slug:slug>/", public.event_detail, name="detail"),
]
