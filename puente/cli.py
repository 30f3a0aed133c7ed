"""The `puente` command: Django's management commands for operators."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puente.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["puente", *sys.argv[1:]])


if __name__ == "__main__":
    main()
