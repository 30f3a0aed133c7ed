"""Comparing place names as people write them: accents, case and punctuation ignored."""

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents or punctuation: "Cúcuta" and "CUCUTA." compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())
