"""`hefboom demo`: set up the embedded database, load the demo case and serve it."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from hefboom.demo.loader import DEMO_PASSWORD, demo_logins, load_demo_case


class Command(BaseCommand):
    help = (
        "Set up the database if needed, load the demo case from the evaluation report "
        "(once; running it again adds nothing) and serve Hefboom on 127.0.0.1:8000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true",
                            help="Load the demo case without starting the web server.")
        parser.add_argument("--addrport", default="127.0.0.1:8000",
                            help="Address and port to serve on (default 127.0.0.1:8000).")

    def handle(self, *args, no_serve=False, addrport="127.0.0.1:8000", **options):
        self.stdout.write("Setting up the database…")
        call_command("migrate", interactive=False, verbosity=0)
        result = load_demo_case()
        if result.loaded:
            summary = ", ".join(f"{n} {label}" for label, n in result.counts.items())
            self.stdout.write(self.style.SUCCESS(f"Demo case loaded: {summary}."))
        else:
            self.stdout.write("The demo case is already loaded; nothing added.")
        self._load_listening()
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for login in demo_logins():
            self.stdout.write(f"  {login.username:<18} {login.role:<22} {login.title}")
        if no_serve:
            return
        if use_demo_iati_identity():
            self.stdout.write(f"IATI downloads use the placeholder identifier {DEMO_IATI_ORG_ID}; "
                              "set HEFBOOM_IATI_ORG_ID to your organisation's own.")
        host = addrport if ":" in addrport else f"127.0.0.1:{addrport}"
        self.stdout.write(self.style.SUCCESS(f"\nHefboom runs at http://{host}/  (Ctrl+C stops it)\n"))
        call_command("runserver", addrport, use_reloader=False)

    def _load_listening(self):
        """The demo corpus: ParlaMint sessions and invented posts (a second run adds nothing)."""
        from hefboom.listening.demo import load as load_listening

        self.stdout.write("Loading the listening corpus…")
        results = load_listening()
        for source, result in results.items():
            if source != "records":
                self.stdout.write(f"  {source}: {getattr(result, 'new', '?')} new texts")


DEMO_IATI_ORG_ID = "XI-IATI-HEFBOOM-DEMO"


def use_demo_iati_identity() -> bool:
    """The served demo can download its IATI file: without an identifier of the organisation's
    own (HEFBOOM_IATI_ORG_ID), it uses a placeholder that says it is a demo."""
    if not settings.HEFBOOM_IATI_ORG_ID:
        settings.HEFBOOM_IATI_ORG_ID = DEMO_IATI_ORG_ID
        settings.HEFBOOM_IATI_ORG_NAME = settings.HEFBOOM_IATI_ORG_NAME or "11.11.11 (demo)"
        return True
    return False
