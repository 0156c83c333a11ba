from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0010_administrators_manage_inbound_mail"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["created_at"], name="case_created_idx"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["first_responded_at"], name="case_first_responded_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["resolved_at"], name="case_resolved_idx"),
        ),
        migrations.AddIndex(
            model_name="satisfactionrating",
            index=models.Index(fields=["created_at"], name="satisfaction_created_idx"),
        ),
    ]
