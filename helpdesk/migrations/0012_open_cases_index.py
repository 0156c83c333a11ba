from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0011_reports_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=~models.Q(status__in=["cancelled", "closed", "resolved"]),
                fields=["queue", "resolution_due_at"],
                name="case_open_queue_due_idx",
            ),
        ),
    ]
