"""The table of IATI activity elements Puente reads: one reader per element, by tag."""

from collections.abc import Callable

from ..data import Activity
from . import classification, finance, geography, identity, links, organisations, results
from .common import Element

Reader = Callable[[Element, Activity], None]

READERS: dict[str, Reader] = {
    "iati-identifier": identity.read_identifier,
    "reporting-org": identity.read_reporting_org,
    "title": identity.read_title,
    "description": identity.read_description,
    "activity-status": identity.read_status,
    "activity-date": identity.read_date,
    "participating-org": organisations.read_participating_org,
    "sector": classification.read_sector,
    "recipient-country": classification.read_recipient_country,
    "recipient-region": classification.read_recipient_region,
    "policy-marker": classification.read_policy_marker,
    "humanitarian-scope": classification.read_humanitarian_scope,
    "tag": classification.read_tag,
    "location": geography.read_location,
    "budget": finance.read_budget,
    "planned-disbursement": finance.read_planned_disbursement,
    "transaction": finance.read_transaction,
    "result": results.read_result,
    "document-link": links.read_document_link,
    "related-activity": links.read_related_activity,
}

# Elements an activity can do without: a bad one is left out with a warning, and the activity
# lands. A bad identifier, date, organisation role or amount skips the whole activity instead,
# since storing it would misstate who did what, when, or with how much.
OPTIONAL = frozenset(
    {
        "description",
        "sector",
        "recipient-region",
        "policy-marker",
        "humanitarian-scope",
        "tag",
        "location",
        "result",
        "document-link",
        "related-activity",
    }
)

Writer = Callable[[Activity, Element], None]

# In the order the IATI 2.03 schema requires inside <iati-activity>.
WRITERS: list[Writer] = [
    identity.write_identity,
    organisations.write_participating_orgs,
    identity.write_status_and_dates,
    classification.write_countries_and_regions,
    geography.write_locations,
    classification.write_sectors_and_tags,
    classification.write_scopes_and_markers,
    finance.write_budgets,
    finance.write_transactions,
    links.write_documents_and_relations,
    results.write_results,
]
