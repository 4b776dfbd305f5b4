"""The petitions world: the documents world plus reception officers, and letters built as
rows (factories) for tests that need many; the services' own tests build through services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tests.support.documents import DocWorld, build_world
from tests.support.personas import cast
from vanphong.core.vietnamese import fold
from vanphong.org.models import Person
from vanphong.petitions.models import Citizen, Field, Letter


@dataclass
class PetitionWorld:
    d: DocWorld
    province_reception: Person  # td.tinh, Văn phòng Tỉnh ủy
    province_reception_2: Person  # td2.tinh, Văn phòng Tỉnh ủy: sees letters, handles none
    chau_thanh_reception: Person  # td.chauthanh, Văn phòng Huyện ủy Châu Thành
    land: Field

    def __getattr__(self, name: str) -> Any:  # the documents world's and personas' fields
        return getattr(self.d, name)


def build_petition_world() -> PetitionWorld:
    d = build_world()
    land, _ = Field.objects.get_or_create(name="Đất đai", defaults={"position": 1})
    return PetitionWorld(
        d=d,
        province_reception=cast(d.p, "td.tinh"),
        province_reception_2=cast(d.p, "td2.tinh"),
        chau_thanh_reception=cast(d.p, "td.chauthanh"),
        land=land,
    )


def letter_row(
    world: PetitionWorld,
    *,
    petitioners: tuple[str, ...] = ("Nguyễn Văn Khiếu",),
    id_number: str = "",
    **fields: Any,
) -> Letter:
    """A letter written as rows, numbered after the unit's last one, without the services (no
    clocks, no audit): for lists, counts and sweeps."""
    unit = fields.pop("unit", world.province_office)
    received_on: date = fields.pop("received_on", date(2011, 9, 12))
    last = (
        Letter.objects.filter(unit=unit, year=received_on.year)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    values: dict[str, Any] = {
        "unit": unit,
        "year": received_on.year,
        "number": (last or 0) + 1,
        "received_on": received_on,
        "channel": "post",
        "complaint": True,
        "summary": "Khiếu nại việc bồi thường đất khi mở rộng đường",
        "field": world.land,
        "created_by": world.province_reception,
    }
    values.update(fields)
    values["summary_folded"] = fold(values["summary"])
    letter = Letter.objects.create(**values)
    if not letter.anonymous:
        for position, name in enumerate(petitioners):
            Citizen.objects.create(
                letter=letter,
                position=position,
                full_name=name,
                name_folded=fold(name),
                id_number=id_number if position == 0 else "",
                address="ấp Trường Lưu, xã Trường Hòa, huyện Hòa Thành",
            )
    return letter
