"""The emails of the agreements app: to proposers about their proposal, to officials about dates."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Concept, Proposal


def _link(path: str) -> str:
    return settings.PUENTE_SITE_URL.rstrip("/") + path


def proposal_received(proposal: Proposal) -> None:
    if not proposal.submitted_by.email:
        return
    with translation.override("es"):
        send_mail(
            _("Proposal received: %(title)s") % {"title": proposal.title},
            _(
                "The Secretariat received your proposal on %(received)s. The technical viability "
                "concept is due by %(due)s (working days).\n\nFollow it here: %(link)s"
            )
            % {
                "received": proposal.received_on.isoformat(),
                "due": proposal.due_on.isoformat(),
                "link": _link(proposal.get_absolute_url()),
            },
            None,
            [proposal.submitted_by.email],
        )


def concept_issued(concept: Concept) -> None:
    proposal = concept.proposal
    if not proposal.submitted_by.email:
        return
    with translation.override("es"):
        send_mail(
            _("Technical viability concept %(number)s: %(decision)s")
            % {"number": concept.number, "decision": concept.get_decision_display()},
            _("The concept on “%(title)s” was issued. Read it and download it here: %(link)s")
            % {"title": proposal.title, "link": _link(proposal.get_absolute_url())},
            None,
            [proposal.submitted_by.email],
        )


def reminder(to: str, subject: str, body: str) -> None:
    send_mail(subject, body + "\n\n" + _link(reverse("agreements:list")), None, [to])
