"""manage.py seed_demo — load the demo council; safe to run again."""

from django.core.management.base import BaseCommand, CommandError

from intranet.demo import seed


class Command(BaseCommand):
    help = (
        "Load Avonford Borough Council's demo staff, sign-in accounts and pages. "
        "Needs DEMO_MODE=true; running it again changes nothing."
    )

    def handle(self, *args, **options):
        try:
            seed.demo_seed(log=self.stdout.write)
        except seed.DemoModeOffError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
