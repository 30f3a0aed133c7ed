"""Staff URLs of the IATI app (under /staff/iati/)."""

from django.urls import path

from .views import review, staff

app_name = "iati"
urlpatterns = [
    path("", staff.import_list, name="imports"),
    path("<int:pk>/", staff.import_run, name="run"),
    path("review/", review.review_list, name="review"),
]
