"""Deliveries record the unit that receives them for the addressee (a committee's Office).

Rows sent before this migration are given the unit org.selectors.receiving_unit names today
(no unit had a clerical unit set yet, so: a committee's first active Office, any other unit
itself). A delivery to a committee that no clerk could see until now thus reaches its Office's
reception queue.
"""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models

COMMITTEE_KINDS = ("provincial_committee", "district_committee", "town_committee", "party_committee")


def fill_receiving_units(apps: Any, schema_editor: Any) -> None:
    Unit = apps.get_model("org", "Unit")
    Delivery = apps.get_model("documents", "Delivery")
    units = {
        pk: (kind, parent, clerical, active)
        for pk, kind, parent, clerical, active in Unit.objects.values_list(
            "id", "kind", "parent_id", "clerical_unit_id", "is_active"
        )
    }
    offices: dict[int, int] = {}
    for pk, parent in (
        Unit.objects.filter(kind="office", is_active=True)
        .order_by("-sort_order", "-name_folded", "-id")  # the first in order is written last
        .values_list("id", "parent_id")
    ):
        if parent is not None:
            offices[parent] = pk

    def receiving(unit_id: int) -> int:
        kind, _parent, clerical, _active = units[unit_id]
        if clerical is not None and units[clerical][3]:
            return int(clerical)
        if kind in COMMITTEE_KINDS and unit_id in offices:
            return offices[unit_id]
        return unit_id

    addressed = Delivery.objects.filter(recipient_unit__isnull=False)
    for recipient in addressed.values_list("recipient_unit_id", flat=True).distinct():
        addressed.filter(recipient_unit_id=recipient).update(receiving_unit_id=receiving(recipient))


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_english_roles"),
        ("org", "0004_unit_clerical_unit"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="delivery",
            name="doc_queue",
        ),
        migrations.AddField(
            model_name="delivery",
            name="receiving_unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="received_deliveries",
                to="org.unit",
            ),
        ),
        migrations.RunPython(fill_receiving_units, migrations.RunPython.noop),
    ]
