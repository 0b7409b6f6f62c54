from django.db import migrations, models


class Migration(migrations.Migration):
    """Confirmation e-mails are counted by a keyed hash of the address, so that no address outlives its alerts."""

    dependencies = [("alerts", "0003_lesson_alerts")]

    operations = [
        migrations.RemoveField(model_name="confirmationsent", name="email"),
        migrations.AddField(
            model_name="confirmationsent",
            name="address",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
    ]
