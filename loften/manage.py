"""The `loften` command line: Django's management commands plus the project's own."""

import os
import sys


def main() -> None:
    """Run a management command with the project's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A missing or wrong setting is the user's to fix: one line naming it, no traceback.
        sys.exit(f"loften: {error}")


if __name__ == "__main__":
    main()
