"""Sign-in, second factor, sessions, roles and each person's own account."""
