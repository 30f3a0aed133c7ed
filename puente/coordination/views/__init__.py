"""Coordination pages, by group: the picture, the 5W reports, the needs register."""
