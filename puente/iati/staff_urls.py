"""Staff URLs of the IATI app (under /staff/iati/)."""

from django.urls import path

from .views import record, review, staff

app_name = "iati"
urlpatterns = [
    path("", staff.import_list, name="imports"),
    path("<int:pk>/", staff.import_run, name="run"),
    path("review/", review.review_list, name="review"),
    path("activities/<int:pk>/record/", record.activity_record, name="record"),
    path("activities/<int:pk>/record.xml", record.activity_record_xml, name="record-xml"),
]
