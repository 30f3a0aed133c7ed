"""The emails of the agreements app: to proposers about their proposal, to officials about dates."""

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from puente.lib.links import site_url

from .models import Concept, Proposal


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
                "link": site_url(proposal.get_absolute_url()),
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
            % {"title": proposal.title, "link": site_url(proposal.get_absolute_url())},
            None,
            [proposal.submitted_by.email],
        )


def reminder(to: str, subject: str, body: str) -> None:
    send_mail(subject, body + "\n\n" + site_url(reverse("agreements:list")), None, [to])
