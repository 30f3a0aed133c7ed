"""The emails of the agreements app: to proposers about their proposal, to officials about dates."""

import logging
from smtplib import SMTPException

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from puente.lib.links import site_url

from .models import Concept, Proposal

logger = logging.getLogger(__name__)


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


def concept_issued(concept: Concept) -> bool:
    """True when the message went out: the proposer has an address and the mail server took it.

    A refusal of the mail server is logged and answered False: the concept stays issued.
    """
    proposal = concept.proposal
    if not proposal.submitted_by.email:
        return False
    try:
        return _send_concept_issued(concept, proposal) > 0
    except (SMTPException, OSError):
        logger.exception("The email on concept %s could not be sent", concept.number)
        return False


def _send_concept_issued(concept: Concept, proposal: Proposal) -> int:
    with translation.override("es"):
        return send_mail(
            _("Technical viability concept %(number)s: %(decision)s")
            % {"number": concept.number, "decision": concept.get_decision_display()},
            _("The concept on “%(title)s” was issued. Read it and download it here: %(link)s")
            % {"title": proposal.title, "link": site_url(proposal.get_absolute_url())},
            None,
            [proposal.submitted_by.email],
        )


def reminder(to: str, subject: str, body: str) -> None:
    send_mail(subject, body + "\n\n" + site_url(reverse("agreements:list")), None, [to])
