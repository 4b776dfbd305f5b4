"""documents 0003 gives every delivery sent before it the unit that receives it today."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps
from django.db.models import F

from tests.support.documents import DocWorld, issued
from vanphong.documents.models import Delivery
from vanphong.documents.services_delivery import Recipient

migration = import_module("vanphong.documents.migrations.0003_delivery_receiving_unit")


def test_deliveries_to_a_committee_are_given_its_office_the_others_themselves(
    world: DocWorld,
) -> None:
    issued(world, recipients=[Recipient(unit=world.hoa_thanh), Recipient(external_name="UBND")])
    issued(world, recipients=[Recipient(unit=world.province_office)])
    Delivery.objects.filter(recipient_unit__isnull=False).update(receiving_unit=F("recipient_unit"))

    migration.fill_receiving_units(apps, None)

    assert set(Delivery.objects.values_list("recipient_unit", "receiving_unit")) == {
        (world.hoa_thanh.pk, world.hoa_thanh_office.pk),
        (world.province_office.pk, world.province_office.pk),
        (None, None),
    }
