"""The `hefboom` command: Django's management commands with Hefboom's settings defaulted.

`hefboom demo`, `hefboom migrate`, `hefboom runserver` ... are all management commands; this
wrapper only sets the settings module so that nobody has to export DJANGO_SETTINGS_MODULE.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hefboom.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    args = ["hefboom", *(sys.argv[1:] if argv is None else argv)]
    try:
        execute_from_command_line(args)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"hefboom: configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
