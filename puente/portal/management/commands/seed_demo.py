"""`puente seed_demo`: reference data, roles, a staff login and a demo portfolio, loaded once."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandParser

from puente.accounts.roles import Role
from puente.agreements.demo import create_demo_agreements, create_demo_concepts
from puente.border.demo import create_demo_border
from puente.coordination.demo import create_demo_coordination
from puente.directory.demo import create_demo_organisations
from puente.directory.models import Organisation, ReporterAccount
from puente.events.demo import create_demo_events
from puente.funding.demo import create_demo_funding
from puente.lib.private_files import private_file, private_folder
from puente.portal.demo import (
    create_demo_announcements,
    create_demo_content,
    create_demo_gallery,
)
from puente.portfolio.demo import create_demo_plans, create_exchange_rates, generate_activities
from puente.portfolio.models import Activity
from puente.requests.demo import create_demo_requests
from puente.territory.services import load_reference_data


class Command(BaseCommand):
    help = "Load reference data and, on an empty portfolio, demo data and a staff login."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--activities", type=int, default=300)

    def handle(self, *args, **options) -> None:
        load_reference_data()
        create_demo_content()
        create_demo_gallery()
        for role in Role:
            Group.objects.get_or_create(name=role.value)
        credentials = settings.VAR_DIR / "demo-credentials.txt"
        if not Activity.objects.exists():
            create_demo_organisations()
            create_demo_announcements()
            create_exchange_rates()
            made = generate_activities(options["activities"])
            placed = create_demo_plans()
            self.stdout.write(
                f"Demo data: {made} activities (marked as demo); a plan with three programmes"
                f" holding {placed} of them."
            )
        User = get_user_model()
        _make_demo_logins(credentials)
        made_events = create_demo_events()
        if made_events:
            self.stdout.write(
                f"Demo data: {made_events} events with registrations (marked as demo)."
            )
        staff = User.objects.filter(username="staff").first()
        if create_demo_border(staff):
            self.stdout.write("Demo data: border obstacles, a binational meeting and a study.")
        if create_demo_agreements(staff):
            self.stdout.write("Demo data: three agreements (references DEMO-…).")
        if made_proposals := create_demo_concepts(staff):
            self.stdout.write(
                f"Demo data: {made_proposals} proposals, their concepts in every state (DEMO · …)."
            )
        if made_reports := create_demo_coordination(staff):
            self.stdout.write(
                f"Demo data: {made_reports} 5W reports of four partners and six needs (DEMO)."
            )
        if create_demo_funding():
            self.stdout.write(
                "Demo data: funding sources, three calls and applications to them (DEMO · …)."
            )
        made_requests = create_demo_requests(staff)
        if made_requests:
            self.stdout.write(f"Demo data: {made_requests} PQRSD requests (marked as demo).")
        if credentials.exists():
            for line in credentials.read_text().splitlines():
                username, password = line.split()
                label = {"admin": "Administrator", "socio": "Partner reporter (ACNUR)"}.get(
                    username, "Staff"
                )
                self.stdout.write(
                    self.style.SUCCESS(f"{label} login: user “{username}”, password “{password}”")
                )


# The demo's logins: a staff member, an administrator who also reaches Django's admin, and a
# partner's reporter (ACNUR's), who sees what a partner sees.
# Each with a name of its own: histories name who changed what ("Demo" for all three could not
# tell the Secretariat's change from the partner's).
DEMO_LOGINS = [
    ("staff", Role.STAFF, "Laura", "Gómez (demo)"),
    ("admin", Role.ADMINISTRATOR, "Andrés", "Peña (demo)"),
    ("socio", Role.REPORTER, "Marta", "Ruiz (ACNUR, demo)"),
]
REPORTER_ORGANISATION = "ACNUR"


def _make_demo_logins(credentials: Path) -> None:
    """Creates the demo logins that do not exist yet; their passwords are kept in var/ (0600)."""
    User = get_user_model()
    lines = []
    if User.objects.filter(username="staff").exists() and credentials.exists():
        lines = credentials.read_text().splitlines()  # an earlier run's, for this database
    partner = Organisation.objects.filter(acronym=REPORTER_ORGANISATION).first()
    for username, role, first_name, last_name in DEMO_LOGINS:
        if User.objects.filter(username=username).exists():
            continue
        if role == Role.REPORTER and partner is None:
            continue  # the demo partners were not made (the portfolio was not empty)
        password = secrets.token_urlsafe(12)
        administrator = role == Role.ADMINISTRATOR
        user = User.objects.create_user(
            username, password=password, first_name=first_name, last_name=last_name,
            is_staff=administrator, is_superuser=administrator,
        )  # fmt: skip
        user.groups.add(Group.objects.get(name=role.value))
        if role == Role.REPORTER and partner is not None:
            ReporterAccount.objects.create(user=user, organisation=partner)
        lines.append(f"{username} {password}")
    # var/ exists only for the embedded SQLite database; with PostgreSQL it may not yet.
    private_folder(credentials.parent)
    credentials.unlink(missing_ok=True)  # rewritten whole: a file left by an earlier database goes
    with private_file(credentials) as out:
        out.write("".join(f"{line}\n" for line in lines).encode())
