"""Update the English catalogue from every marked string, then compile it.

Norwegian Bokmål is the source language, so only locale/en is kept.
Needs GNU gettext (xgettext, msgmerge, msgfmt): apt-get install gettext.
Usage: python scripts/messages.py [--no-compile]
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = [".venv/*", "tests/*", "bench/*", "staticfiles/*", "media/*", "scripts/*"]


def main(compile_: bool = True) -> None:
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django
    from django.core.management import call_command

    django.setup()
    for domain in ("django", "djangojs"):
        call_command(
            "makemessages",
            locale=["en"],
            domain=domain,
            ignore_patterns=IGNORE,
            no_obsolete=True,
            no_location=True,
            verbosity=0,
        )
    if compile_:
        call_command("compilemessages", locale=["en"], ignore_patterns=IGNORE, verbosity=0)


if __name__ == "__main__":
    main(compile_="--no-compile" not in sys.argv)
