"""The public site (home page so far; the full portal is its own issue)."""
