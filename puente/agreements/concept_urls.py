"""URLs for proposals and technical viability concepts (under /staff/concepts/)."""

from django.urls import path

from . import concepts

app_name = "concepts"
urlpatterns = [
    path("", concepts.proposal_list, name="proposals"),
    path("new/", concepts.proposal_create, name="create"),
    path("criteria/", concepts.criteria, name="criteria"),
    path("<int:pk>/", concepts.proposal_detail, name="proposal"),
    path("<int:pk>/assess/", concepts.assess, name="assess"),
    path("<int:pk>/concept.pdf", concepts.concept_pdf, name="pdf"),
    path("<int:pk>/project/", concepts.to_activity, name="to-activity"),
    path("<int:pk>/documents/<int:document_id>/", concepts.proposal_document, name="document"),
]
