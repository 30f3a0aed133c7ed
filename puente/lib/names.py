"""Comparing place names as people write them: accents, case and punctuation ignored."""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

_NOT_ALNUM = re.compile(r"[\W_]+")  # exactly the characters str.isalnum() refuses


class _Marks(dict[int, int | None]):
    """str.translate table dropping combining marks, each character decided once."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def fold(text: str) -> str:
    """Lower case without accents or punctuation: "Cúcuta" and "CUCUTA." compare equal."""
    # Every activity's search text goes through here on import: no Python loop per character.
    plain = unicodedata.normalize("NFKD", text)
    if not plain.isascii():
        plain = plain.translate(_MARKS)
    return _NOT_ALNUM.sub(" ", plain.lower()).strip()


def closest(value: str, names: Iterable[str]) -> str | None:
    """The name `value` most likely means (same letters, or a close spelling), or None."""
    folded, keys = _folded(tuple(names))
    if fold(value) in folded:
        return folded[fold(value)]
    # Token-set ratio, not WRatio: WRatio's partial matching scored 86 for unrelated long names
    # that share a "del" ("Fundación Inventada del Norte" -> the UN human rights office).
    best = process.extractOne(fold(value), keys, scorer=fuzz.token_set_ratio, score_cutoff=80)
    return folded[best[0]] if best else None


@lru_cache(maxsize=16)
def _folded(names: tuple[str, ...]) -> tuple[dict[str, str], list[str]]:
    # Folded once per list, not per call: a file with thousands of unknown names asked for a
    # suggestion each, and folding 1,500 organisations every time took most of a minute.
    folded = {fold(name): name for name in names}
    return folded, list(folded)


def with_guess(message: str, value: str, names: Iterable[str]) -> str:
    """`message`, followed by the name `value` most likely means, when there is one."""
    guess = closest(value, names)
    if not guess:
        return message
    return message + " " + _("Did you mean “%(guess)s”?") % {"guess": guess}
