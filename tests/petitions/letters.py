"""Letters registered through the services, for the petitions tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.petitions import clocks, services
from vanphong.petitions.models import Letter
from vanphong.petitions.services import CitizenData

RECEIVED = date(2011, 9, 12)
DENOUNCER = CitizenData(
    full_name="Trần Văn Tố", id_number="290 123 456", address="ấp Bình Lợi", phone="0909123456"
)


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def register(world: PetitionWorld, **overrides: Any) -> Letter:
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "unit": world.province_office,
        "received_on": RECEIVED,
        "channel": "post",
        "summary": "Khiếu nại việc bồi thường đất khi mở rộng đường",
        "complaint": True,
        "citizens": [CitizenData(full_name="Nguyễn Văn Khiếu", id_number="290111222")],
        "field": world.land,
    }
    fields.update(overrides)
    return services.letter_register(**fields)


def denunciation(world: PetitionWorld, **overrides: Any) -> Letter:
    fields: dict[str, Any] = {
        "complaint": False,
        "denunciation": True,
        "summary": "Tố cáo bí thư Đảng ủy xã nhận tiền khi cấp đất",
        "citizens": [DENOUNCER],
    }
    return register(world, **{**fields, **overrides})


def accepted(world: PetitionWorld) -> Letter:
    """A complex denunciation accepted for settlement on 04/03/2019, its clocks computed: the
    letter an extension or a suspension applies to."""
    letter = letter_row(
        world,
        received_on=date(2019, 3, 4),
        complaint=False,
        denunciation=True,
        complexity="complex",
        eligibility="eligible",
        handling="accept",
        accepted_on=date(2019, 3, 4),
    )
    clocks.refresh(letter)
    return letter
