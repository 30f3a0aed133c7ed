"""Test data of the IATI app: an activity made imported, with its record as published."""

from puente.iati.models import ActivitySource
from puente.iati.records import pack
from puente.portfolio.models import Activity


def keep_record(activity: Activity, version: str = "2.03") -> ActivitySource:
    """Marks `activity` as imported from an IATI file that published it with a small record."""
    identifier = activity.iati_identifier or f"XM-TEST-{activity.pk}"
    published = (
        f"<iati-activity><iati-identifier>{identifier}</iati-identifier>"
        '<reporting-org ref="XM-TEST" type="10"><narrative>Test publisher</narrative>'
        "</reporting-org><title><narrative>Imported</narrative></title></iati-activity>"
    ).encode()
    return ActivitySource.objects.create(
        activity=activity,
        publisher_ref="XM-TEST",
        source="test.xml",
        fingerprint="0" * 64,
        published_xml=pack(published),
        version=version,
    )
