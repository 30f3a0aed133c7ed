"""Staff URLs: agreements (/staff/agreements/), proposals and concepts (/staff/concepts/)."""

from django.urls import include, path

from .views import agreements, concepts

agreement_patterns = [
    path("", agreements.agreement_list, name="list"),
    path("new/", agreements.agreement_edit, name="create"),
    path("<int:pk>/", agreements.agreement_detail, name="detail"),
    path("<int:pk>/edit/", agreements.agreement_edit, name="edit"),
    path("<int:pk>/step/", agreements.agreement_move, name="move"),
    path("<int:pk>/history/", agreements.agreement_history, name="history"),
    path("<int:pk>/documents/", agreements.document_add, name="document-add"),
    path("<int:pk>/documents/<int:document_id>/", agreements.document_download, name="document"),
]
concept_patterns = [
    path("", concepts.proposal_list, name="proposals"),
    path("new/", concepts.proposal_create, name="create"),
    path("criteria/", concepts.criteria, name="criteria"),
    path("<int:pk>/", concepts.proposal_detail, name="proposal"),
    path("<int:pk>/assess/", concepts.assess, name="assess"),
    path("<int:pk>/concept.pdf", concepts.concept_pdf, name="pdf"),
    path("<int:pk>/project/", concepts.to_activity, name="to-activity"),
    path("<int:pk>/documents/<int:document_id>/", concepts.proposal_document, name="document"),
]

urlpatterns = [
    path("agreements/", include((agreement_patterns, "agreements"))),
    path("concepts/", include((concept_patterns, "concepts"))),
]
