"""The two patterns behind every page of an activity's parts: the form page and the delete page."""

from collections.abc import Callable

from django.contrib import messages
from django.db.models import Model
from django.forms import BaseFormSet, ModelForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django_stubs_ext import StrOrPromise

from puente.accounts.roles import AuthedRequest

from .. import services
from ..models import Activity


def part_page(
    request: AuthedRequest,
    activity: Activity,
    form: ModelForm,
    title: StrOrPromise,
    done: StrOrPromise,
    save: Callable[[], object],
    formset: BaseFormSet | None = None,
    multipart: bool = False,
) -> HttpResponse:
    """Shows the form, saves it, or shows its errors."""
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        save()
        messages.success(request, done)
        return redirect("portfolio:detail", pk=activity.pk)
    return render(
        request,
        "portfolio/part_form.html",
        {
            "activity": activity,
            "form": form,
            "formset": formset,
            "title": title,
            "multipart": multipart,
        },
        status=400 if request.method == "POST" else 200,
    )


def part_form_page(
    request: AuthedRequest,
    activity: Activity,
    part: Model,
    form_class: type[ModelForm],
    *,
    title: StrOrPromise,
    done: StrOrPromise,
) -> HttpResponse:
    """Adds or corrects one part with a plain form, saved with attribution."""
    form = form_class(request.POST or None, instance=part)
    return part_page(
        request,
        activity,
        form,
        title=title,
        done=done,
        save=lambda: services.save_part(form, request.user),
    )


def part_delete_page(
    request: AuthedRequest,
    activity: Activity,
    part: Model,
    *,
    title: StrOrPromise,
    done: StrOrPromise,
    goes_with: list[str],
) -> HttpResponse:
    """GET asks, naming what goes with the part; POST deletes it and its own parts, attributed."""
    if request.method == "POST":
        services.delete_part(part, request.user)
        messages.success(request, done)
        return redirect("portfolio:detail", pk=activity.pk)
    return render(
        request,
        "portfolio/part_delete.html",
        {"activity": activity, "title": title, "goes_with": goes_with},
    )
