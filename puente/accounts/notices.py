"""Notices: what happened for a person, under the bell and by email, once, in their language."""

from collections.abc import Callable, Iterable
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from .models import Notice, Preferences
from .tasks import email_notice

# Title and body of a notice, composed while the recipient's language is active.
Compose = Callable[[], tuple[str, str]]


def languages_of(people: Iterable[User]) -> dict[int, str]:
    """Each person's chosen language for emails and notices (the site's default when unset)."""
    ids = [person.pk for person in people]
    chosen = dict(Preferences.objects.filter(user__in=ids).values_list("user_id", "language"))
    return {pk: chosen.get(pk, settings.LANGUAGE_CODE) for pk in ids}


def notify(people: Iterable[User], key: str, url: str, compose: Compose) -> int:
    """Gives each person the notice `key` unless they have it; returns how many got it now.

    The email is queued once the surrounding transaction commits, so a change that is rolled
    back tells nobody.
    """
    people = list(people)
    languages = languages_of(people)
    given = 0
    for person in people:
        with translation.override(languages[person.pk]):
            title, body = compose()
        notice, created = Notice.objects.get_or_create(
            recipient=person, key=key, defaults={"title": title[:200], "body": body, "url": url}
        )
        if not created:
            continue
        given += 1
        if person.email:
            # Queued, not sent in the request: a slow mail server never holds a review of many
            # reports, and a failure there never turns a saved decision into an error page.
            transaction.on_commit(partial(email_notice.enqueue, notice.pk), robust=True)
    return given


def unread_count(user: User) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()


def bell(request: HttpRequest) -> dict[str, object]:
    """Context processor: the person's unread notices, counted only if the page shows them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notices": SimpleLazyObject(lambda: unread_count(user))}
