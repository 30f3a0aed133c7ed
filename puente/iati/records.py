"""An imported activity's IATI record as its publisher published it: stored, read back, shown."""

import re
import zlib
from dataclasses import dataclass, field

from lxml import etree

from .elements.common import XML_LANG, Element
from .upgrade import is_1x, upgrade_activity

# Fast compression: an import stores one record per activity (a quarter of the XML's size).
LEVEL = 1
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


# The version stored for a record whose file declared none (an empty one marks activities
# imported before records were kept, which the next import reads again to keep theirs).
UNDECLARED = "—"


def pack(published: bytes) -> bytes:
    return zlib.compress(published, LEVEL) if published else b""


def record_element(packed: bytes | memoryview, version: str) -> Element | None:
    """The stored record as an <iati-activity> in IATI 2.03 form (a 1.0x one upgraded)."""
    if not packed:
        return None
    element = etree.fromstring(zlib.decompress(bytes(packed)), _PARSER)
    return upgrade_activity(element) if is_1x(version) else element


@dataclass
class Node:
    """One element of a record, ready for a template: no lxml in templates."""

    tag: str
    attributes: list[tuple[str, str]]
    text: str = ""
    lang: str = ""
    children: list["Node"] = field(default_factory=list)

    @property
    def html_lang(self) -> str:
        """The language for the page's lang attribute, where it is a well-formed tag."""
        return self.lang if _LANGUAGE_TAG.fullmatch(self.lang) else ""


def node_of(element: Element) -> Node:
    """The record as a tree of Nodes, extensions named with their namespace's prefix."""
    return _node(element)


def _node(element: Element) -> Node:
    return Node(
        tag=_name(element, str(element.tag)),
        attributes=[
            (_name(element, str(name)), value)
            for name, value in element.attrib.items()
            if name != XML_LANG
        ],
        text=" ".join((element.text or "").split()),
        lang=element.get(XML_LANG, ""),
        children=[_node(child) for child in element if isinstance(child.tag, str)],
    )


def _name(element: Element, qualified: str) -> str:
    name = etree.QName(qualified)
    if not name.namespace:
        return name.localname
    prefix = next((p for p, uri in element.nsmap.items() if uri == name.namespace and p), None)
    return f"{prefix}:{name.localname}" if prefix else qualified
