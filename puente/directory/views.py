"""Staff pages of the directory: list, detail, create, edit and merge organisations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puente.accounts.roles import (
    AnyUser,
    AuthedRequest,
    account_organisation_id,
    internal_view,
    is_office_reader,
    is_secretariat,
    secretariat_view,
)
from puente.lib.paging import page_of
from puente.lib.uploads import image_response

from . import services
from .forms import InvitationForm, MergeForm, OrganisationFilterForm, OrganisationForm, PersonInline
from .invitations import invite_reporter, reporters_of
from .matching import likely_match
from .models import Organisation

# Which of an organisation's activities a reader may see listed: all of them for the office and
# for the organisation's own reporters, the public ones for other partners (the portfolio's
# `visible_activities` rule, put in terms of participation rows: the directory sits below it).


def _sees_all_of(user: AnyUser, organisation_id: int) -> bool:
    return is_office_reader(user) or account_organisation_id(user) == organisation_id


def _counted_activities(user: AnyUser) -> Q:
    """For the list's counts, organisation by organisation."""
    if is_office_reader(user):
        return Q()
    return Q(participations__activity__is_public=True) | Q(pk=account_organisation_id(user))


@internal_view
def organisation_list(request: AuthedRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    qs = Organisation.objects.annotate(
        n_activities=Count(
            "participations__activity",
            filter=_counted_activities(request.user),
            distinct=True,
        )
    ).order_by(Lower("name"), "id")
    if form.is_valid():
        if q := form.cleaned_data["q"].strip():
            qs = qs.filter(
                Q(name__icontains=q) | Q(acronym__icontains=q) | Q(iati_identifier__icontains=q)
            )
        if kind := form.cleaned_data["kind"]:
            qs = qs.filter(kind=kind)
        if form.cleaned_data["unreviewed"]:
            qs = qs.filter(reviewed=False)
    page, query = page_of(request, qs)
    return render(
        request,
        "directory/organisation_list.html",
        {"form": form, "page": page, "query": query},
    )


@internal_view
def organisation_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    # "Merge here" links from an unreviewed organisation's page name it as the duplicate.
    merge_form = MergeForm(initial={"duplicate": request.GET.get("duplicate")})
    merge_form.fields["duplicate"].queryset = Organisation.objects.exclude(pk=pk)  # type: ignore[attr-defined]
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "people": organisation.people.all(),
            "participations": organisation.participations.filter(
                Q() if _sees_all_of(request.user, pk) else Q(activity__is_public=True)
            ).select_related("activity")[:50],
            "merge_form": merge_form,
            "likely_match": likely_match(organisation) if not organisation.reviewed else None,
            "can_edit": is_secretariat(request.user),
            "reporters": reporters_of(organisation) if is_secretariat(request.user) else [],
            "invite_form": InvitationForm(),
        },
    )


@secretariat_view
def organisation_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk) if pk else Organisation()
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    people = PersonInline(request.POST or None, instance=organisation, prefix="people")
    if request.method == "POST" and form.is_valid() and people.is_valid():
        saved = services.save_organisation(form, people, request.user)
        messages.success(request, _("The organisation was saved."))
        return redirect("directory:detail", pk=saved.pk)
    return render(
        request,
        "directory/organisation_form.html",
        {"form": form, "people": people, "organisation": organisation},
        status=400 if request.method == "POST" else 200,
    )


@secretariat_view
def organisation_merge(request: AuthedRequest, pk: int) -> HttpResponse:
    keep = get_object_or_404(Organisation, pk=pk)
    if request.method != "POST":
        return redirect("directory:detail", pk=pk)
    form = MergeForm(request.POST)
    form.fields["duplicate"].queryset = Organisation.objects.exclude(pk=pk)  # type: ignore[attr-defined]
    if form.is_valid():
        duplicate = form.cleaned_data["duplicate"]
        moved = services.merge_organisations(keep, duplicate, request.user)
        messages.success(
            request,
            _("“%(dup)s” was merged here; %(n)d links moved.") % {"dup": duplicate, "n": moved},
        )
    else:
        messages.error(request, _("Nothing was merged: choose the duplicate and confirm."))
    return redirect("directory:detail", pk=pk)


@require_POST
@secretariat_view
def organisation_review(request: AuthedRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    services.mark_reviewed(organisation, request.user)
    messages.success(
        request, _("“%(name)s” is reviewed: it shows on the public pages.") % {"name": organisation}
    )
    return redirect("directory:detail", pk=pk)


def organisation_logo(request: HttpRequest, pk: int) -> FileResponse:
    """Logos are public (the portal's partner directory shows them); served with safe headers."""
    organisation = get_object_or_404(Organisation, pk=pk)
    return image_response(organisation.logo, max_age=86400)


@secretariat_view
def organisation_invite(request: AuthedRequest, pk: int) -> HttpResponse:
    """Invites a partner reporter by email (POST only: the form sits on the organisation's page)."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if request.method != "POST":
        return redirect("directory:detail", pk=pk)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invite_reporter(
                organisation, form.cleaned_data["email"], form.cleaned_data["name"], request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("The invitation was sent to %(email)s.") % form.cleaned_data
            )
    else:
        messages.error(request, _("Write a valid email address to invite."))
    return redirect("directory:detail", pk=pk)
