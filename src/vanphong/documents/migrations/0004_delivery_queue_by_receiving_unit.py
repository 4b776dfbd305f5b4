"""The reception queue reads deliveries by the unit that receives them; every delivery to a
unit has one (a migration of its own: on PostgreSQL a table just updated in a transaction
cannot be altered in it)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_delivery_receiving_unit"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(fields=["receiving_unit", "status"], name="doc_queue"),
        ),
        migrations.AddConstraint(
            model_name="delivery",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("receiving_unit__isnull", True), ("recipient_unit__isnull", True)),
                    models.Q(("receiving_unit__isnull", False), ("recipient_unit__isnull", False)),
                    _connector="OR",
                ),
                name="doc_delivery_received_by_a_unit",
            ),
        ),
    ]
