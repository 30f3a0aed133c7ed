"""Ranked text search over a folded `search_text` column: PostgreSQL full text, or words on SQLite.

Both sides are folded first (no accents, lower case), so "cucuta" finds "Cúcuta" on either
database. On PostgreSQL the folded text is stemmed in Spanish and in English ("proyectos" finds
"proyecto", "children" finds "child") and ranked by `ts_rank`; the expression matches the GIN
indexes the portfolio and border migrations create. SQLite, the embedded default, requires
every word's Spanish stem ("migrantes" and "migrante" both look for "migrant") and leaves the
ranking to `score`; so do the staff filters and the site search on either database.
"""

import os
from functools import lru_cache

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL
from snowballstemmer import stemmer

from puente.lib.names import fold

# A stem shorter than this matches too much ("cas" in "cascada"): the word's first letters then.
SHORTEST_STEM = 4
_SPANISH = stemmer("spanish")


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    # The stemmer may also rewrite an ending ("asistencia" -> "asistent"): only the part the
    # stem shares with the word is looked for, so a word always finds itself.
    stem = os.path.commonprefix([_SPANISH.stemWord(word), word])
    return stem if len(stem) >= SHORTEST_STEM else word[:SHORTEST_STEM]


# Kept identical to the indexed expression (portfolio migration 0007) so the index is used.
VECTOR_SQL = (
    "(to_tsvector('spanish'::regconfig, {column}) || to_tsvector('english'::regconfig, {column}))"
)
QUERY_SQL = (
    "(plainto_tsquery('spanish'::regconfig, %s) || plainto_tsquery('english'::regconfig, %s))"
)


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def search(qs: QuerySet, text: str) -> QuerySet:  # type: ignore[type-arg]
    """`qs` narrowed to rows matching `text`, annotated with `rank` (higher is better)."""
    words = fold(text).split()
    if not words:
        return qs.none()
    folded = " ".join(words)
    if uses_full_text():
        # The user's words travel only as parameters; the SQL around them is this module's own.
        column = f'"{qs.model._meta.db_table}"."search_text"'
        vector, query = VECTOR_SQL.format(column=column), QUERY_SQL
        matches = RawSQL(  # noqa: S611
            f"{vector} @@ {query}", [folded, folded], output_field=BooleanField()
        )
        rank = RawSQL(  # noqa: S611
            f"ts_rank({vector}, {query})", [folded, folded], output_field=FloatField()
        )
        return qs.filter(matches).annotate(rank=rank)  # type: ignore[arg-type]
    for term in words_of(text):
        qs = qs.filter(search_text__contains=term)
    return qs.annotate(rank=Value(1.0, output_field=FloatField()))


def words_of(text: str) -> list[str]:
    """What to look for: each word folded and cut to its Spanish stem, to match as a substring
    of folded text (singulars and plurals, "niño" and "ninos", find each other)."""
    return [_stem(word) for word in fold(text).split()]


def matches_all(words: list[str], *fields: str) -> bool:
    haystack = fold(" ".join(fields))
    return bool(words) and all(word in haystack for word in words)


def score(words: list[str], title: str, *fields: str) -> float:
    """One scale for every source: words found, a word in the title counting three times."""
    folded_title, haystack = fold(title), fold(" ".join(fields))
    return 1.0 + sum(haystack.count(w) + 3 * folded_title.count(w) for w in words)
