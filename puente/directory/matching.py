"""Which known organisation an unreviewed one probably is: "UNICEF" for "United Nations
Children's Fund", "ACNUR" for "UNHCR"."""

from difflib import SequenceMatcher

from puente.lib.names import fold

from .models import Organisation

# Agencies active in the border region, by every name IATI files and Colombian partners use for
# them (English, French, Spanish, acronyms), keyed by the acronym the directory uses.
ALIASES: dict[str, tuple[str, ...]] = {
    "UNICEF": ("United Nations Children's Fund", "Fondo de las Naciones Unidas para la Infancia",
               "Fonds des Nations unies pour l'enfance"),
    "ACNUR": ("UNHCR", "United Nations High Commissioner for Refugees",
              "Office of the United Nations High Commissioner for Refugees", "HCR"),
    "OIM": ("IOM", "International Organization for Migration", "OIM - UN Migration"),
    "PMA": ("WFP", "World Food Programme", "World Food Program", "Programme alimentaire mondial"),
    "PNUD": ("UNDP", "United Nations Development Programme",
             "Programa de las Naciones Unidas para el Desarrollo"),
    "OCHA": ("United Nations Office for the Coordination of Humanitarian Affairs",
             "OCHA Country-based Pooled Funds"),
    "FAO": ("Food and Agriculture Organization of the United Nations",
            "Organización de las Naciones Unidas para la Alimentación y la Agricultura"),
    "UNFPA": ("United Nations Population Fund", "Fondo de Población de las Naciones Unidas"),
    "OPS": ("PAHO", "Pan American Health Organization", "OPS/OMS"),
    "OMS": ("WHO", "World Health Organization"),
    "UNODC": ("United Nations Office on Drugs and Crime",),
    "USAID": ("U.S. Agency for International Development",
              "United States Agency for International Development"),
    "UE": ("European Union", "European Commission", "EU", "Commission européenne"),
    "BID": ("IDB", "Inter-American Development Bank", "IADB"),
    "COSUDE": ("SDC", "Swiss Agency for Development and Cooperation", "DEZA"),
    "GTZ": ("GIZ", "Deutsche Gesellschaft für Internationale Zusammenarbeit"),
    "NRC": ("Norwegian Refugee Council",),
    "CICR": ("ICRC", "International Committee of the Red Cross"),
}  # fmt: skip

_ACRONYM_OF = {fold(name): acronym for acronym, names in ALIASES.items() for name in names}

# Folded names this alike (difflib's ratio) are taken for one organisation written two ways.
SIMILAR = 0.88


def likely_match(organisation: Organisation) -> Organisation | None:
    """The reviewed organisation `organisation` most probably duplicates, or None."""
    others = Organisation.objects.filter(reviewed=True).exclude(pk=organisation.pk)
    name = fold(organisation.name)
    for key in (fold(organisation.acronym), name):
        acronym = _ACRONYM_OF.get(key) or (key.upper() if key.upper() in ALIASES else "")
        if acronym:
            known = others.filter(acronym__iexact=acronym).first()
            if known is not None:
                return known
    if name:
        same = others.filter(acronym__iexact=organisation.name.strip()).first()
        if same is not None:
            return same
    best, best_ratio = None, SIMILAR
    for candidate in others.only("pk", "name", "acronym"):
        ratio = SequenceMatcher(None, name, fold(candidate.name)).ratio()
        if ratio >= best_ratio:
            best, best_ratio = candidate, ratio
    return best
