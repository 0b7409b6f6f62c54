from django.core.management.base import BaseCommand, CommandError

from ingest import training


class Command(BaseCommand):
    help = (
        "Train a new version of the theme classifier now, in this process, from the confirmed findings and the seed "
        "set; every process picks it up at its next suggestion. --queue leaves the training to the worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="queue the training for the worker")

    def handle(self, *args, queue=False, **options):
        if queue:
            queued = training.request_training()
            self.stdout.write("Training queued." if queued else "A training is queued already.")
            return
        seed = len(training.seed_findings())
        self.stdout.write(f"Training on {training.confirmed_tags()} confirmed tags and {seed} seed findings...")
        model = training.train()
        if model is None:
            raise CommandError("Too few findings with themes to train on.")
        self.stdout.write(
            f"Version {model.version}: {model.findings} findings ({model.confirmed} confirmed), "
            f"{model.themes} themes, {model.seconds:.1f} s."
        )
