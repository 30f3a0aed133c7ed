"""PQRSD pages: filing and tracking for the public, the inbox for staff."""
