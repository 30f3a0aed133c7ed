"""The one pattern behind every "add a part" page: show the form, save it, or show its errors."""

from collections.abc import Callable

from django.contrib import messages
from django.forms import BaseFormSet, ModelForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django_stubs_ext import StrOrPromise

from puente.accounts.roles import AuthedRequest

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
