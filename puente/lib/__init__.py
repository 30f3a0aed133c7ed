"""The shared library: no domain, imported by every app and importing none of them."""
