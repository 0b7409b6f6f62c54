from django.core.management.base import BaseCommand
from django.db import transaction

from alerts.sending import purge_unconfirmed, queue_due, send_pending


class Command(BaseCommand):
    help = (
        "Gather what is due for each confirmed alert and send what waits in the outbox (the worker does this each "
        "minute). --dry-run shows what would go out, and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="show what would be sent; send and change nothing")

    def handle(self, *args, dry_run, **options):
        if dry_run:
            with transaction.atomic():  # gathered to be shown, then undone
                queued = queue_due()
                letters = send_pending(dry_run=True)
                transaction.set_rollback(True)
        else:
            queued = queue_due()
            letters = send_pending()
            purge_unconfirmed()
        for subscriber, subject, keys in letters:  # (an address is never shown: its number is)
            done = "Would send" if dry_run else "Sent"
            self.stdout.write(f"{done} to subscriber {subscriber}: {subject} ({', '.join(keys)})")
        mails = f"{len(letters)} e-mail{'s' if len(letters) != 1 else ''}"
        items = f"{queued} new item{'s' if queued != 1 else ''}"
        self.stdout.write(f"{items} gathered; {mails} {'would be' if dry_run else 'were'} sent.")
