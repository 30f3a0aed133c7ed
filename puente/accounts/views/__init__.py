"""The accounts pages: one's own sign-in and security (account.py), people (people.py)."""
