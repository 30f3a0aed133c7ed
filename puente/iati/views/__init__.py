"""IATI pages: the public files, the staff imports."""
