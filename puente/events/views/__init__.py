"""Event pages: the public calendar and registration, the staff side."""
