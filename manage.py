#!/usr/bin/env python
"""Django's manage.py, the same as the `puente` command."""

from puente.cli import main

if __name__ == "__main__":
    main()
