"""Invitations: an account made without a password, and a one-use link to choose one."""

from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from puente.lib.links import site_url

from .roles import Role


def invitation_path(user: User) -> str:
    """The one-use address to set a password (it stops working once a password is set)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("invitation", args=[uid, default_token_generator.make_token(user)])


def invitation_link(user: User) -> str:
    """The address in the email: on PUENTE_SITE_URL, whatever host the inviter's request named."""
    return site_url(invitation_path(user))


def new_invited_user(email: str, name: str, role: Role) -> User:
    """An active account named by its email, with `role` and no password until the link is used."""
    first, _sep, last = name.strip().partition(" ")
    user = User(username=email, email=email, first_name=first[:150], last_name=last[:150])
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=role.value))
    return user
