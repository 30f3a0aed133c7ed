"""Public border URLs (under the language prefix, with words in the page's language)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import public

app_name = "border"
urlpatterns = [
    path(_("obstacles/"), public.obstacle_list, name="obstacles"),
    path(_("obstacles/<int:pk>/"), public.obstacle_detail, name="obstacle"),
    path(_("studies/"), public.study_library, name="studies"),
    path(_("studies/<int:pk>/file/"), public.study_file, name="study-file"),
]
