"""An imported activity's IATI record, every element as its publisher published it."""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import render
from lxml import etree

from puente.accounts.roles import AuthedRequest, internal_view
from puente.iati.models import ActivitySource
from puente.iati.records import node_of, record_element
from puente.iati.upgrade import is_1x
from puente.portfolio.access import get_activity_for_reader


def _record(request: AuthedRequest, pk: int) -> tuple[ActivitySource, etree._Element]:
    activity = get_activity_for_reader(request, pk)
    source = ActivitySource.objects.filter(activity=activity).first()
    element = record_element(source.published_xml, source.version) if source else None
    if source is None or element is None:
        raise Http404("This activity has no imported IATI record.")
    return source, element


@internal_view
def activity_record(request: AuthedRequest, pk: int) -> HttpResponse:
    source, element = _record(request, pk)
    return render(
        request,
        "iati/record.html",
        {
            "activity": source.activity,
            "source": source,
            "upgraded": is_1x(source.version),
            "node": node_of(element),
        },
    )


@internal_view
def activity_record_xml(request: AuthedRequest, pk: int) -> HttpResponse:
    source, element = _record(request, pk)
    root = etree.Element("iati-activities", version="2.03")
    root.append(element)
    response = HttpResponse(
        etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True),
        content_type="application/xml; charset=utf-8",
    )
    # The identifier names the file, reduced to characters every file system takes.
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", source.activity.iati_identifier or str(pk))
    response["Content-Disposition"] = f'attachment; filename="{name}.xml"'
    return response
