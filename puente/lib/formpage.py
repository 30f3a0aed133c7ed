"""The create/edit page every app has: save a valid POST, say so, move on; else show the form."""

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm, BaseFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


def form_page(
    request: HttpRequest,
    *,
    template: str,
    context: dict[str, Any],
    forms: Iterable[BaseForm | BaseFormSet],  # type: ignore[type-arg]
    save: Callable[[], Any],
    success_message: str,
    next_url: Callable[[Any], str],
) -> HttpResponse:
    """`save` runs only when every form is valid; `next_url(saved)` is where to go afterwards.

    A refused POST answers 400 with the form and its errors, so nothing half-saved is shown as
    a success (and browser tests can tell the two apart).
    """
    # A list, not a generator: every form is validated, so all their errors show at once.
    forms = list(forms)
    if request.method == "POST" and all([f.is_valid() for f in forms]):  # noqa: C419
        try:
            saved = save()
        except ValidationError as refused:  # found under the save's lock: said on the form
            form = next((f for f in forms if isinstance(f, BaseForm)), None)
            if form is None:
                raise  # a page of formsets only: no place to say it (no such save refuses today)
            form.add_error(None, refused)
        else:
            messages.success(request, success_message)
            return redirect(next_url(saved))
    return render(request, template, context, status=400 if request.method == "POST" else 200)
