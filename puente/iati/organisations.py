"""Finds or creates the directory organisation an IATI reference names (by ref, then by name)."""

from puente.directory.models import Organisation, OrganisationKind
from puente.territory.models import Country

from .data import OrgRef

K = OrganisationKind
# IATI OrganisationType -> the directory's kinds (government agencies abroad are donors).
KIND_OF_IATI_TYPE = {
    "10": K.BILATERAL,
    "11": K.STATE_DEPARTMENTAL,
    "15": K.STATE_NATIONAL,
    "21": K.INTERNATIONAL_NGO,
    "22": K.NATIONAL_NGO,
    "23": K.INTERNATIONAL_NGO,
    "24": K.NATIONAL_NGO,
    "30": K.PRIVATE_SECTOR,
    "40": K.MULTILATERAL,
    "60": K.FOUNDATION,
    "70": K.PRIVATE_SECTOR,
    "71": K.PRIVATE_SECTOR,
    "72": K.PRIVATE_SECTOR,
    "73": K.PRIVATE_SECTOR,
    "80": K.ACADEMIA,
    "90": K.OTHER,
}


class OrganisationResolver:
    """Caches lookups for one import run; creates what the directory does not know yet."""

    def __init__(self) -> None:
        self.by_ref: dict[str, Organisation] = {}
        self.by_name: dict[str, Organisation] = {}
        self.created = 0

    def resolve(self, org: OrgRef | None) -> Organisation | None:
        if org is None:
            return None
        ref, name = org.ref.strip(), org.name.strip()[:255]
        if ref and ref in self.by_ref:
            return self.by_ref[ref]
        if not ref and name.lower() in self.by_name:
            return self.by_name[name.lower()]
        found = None
        if ref:
            found = Organisation.objects.filter(iati_identifier=ref).first()
        if found is None and name:
            found = Organisation.objects.filter(name__iexact=name).first()
            if found is not None and ref and found.iati_identifier and found.iati_identifier != ref:
                found = None  # same name, another identifier: a different organisation
        if found is None:
            found = Organisation.objects.create(
                name=name or ref,
                iati_identifier=ref or None,
                kind=KIND_OF_IATI_TYPE.get(org.type, K.OTHER),
                country_id=self._country_of(ref),
                reviewed=False,  # off the public pages until staff check it (directory.matching)
            )
            self.created += 1
        elif ref and not found.iati_identifier:
            found.iati_identifier = ref
            found.save(update_fields=["iati_identifier"])
        if ref:
            self.by_ref[ref] = found
        if name:
            self.by_name[name.lower()] = found
        return found

    @staticmethod
    def _country_of(ref: str) -> str | None:
        # Identifiers start with the registration agency: "GB-1", "US-GOV-1", "CO-NIT-...".
        prefix = ref[:2].upper()
        if len(ref) > 3 and ref[2] == "-" and Country.objects.filter(code=prefix).exists():
            return prefix
        return None
