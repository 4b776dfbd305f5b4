"""A printed week downloads under an ASCII Vietnamese name, never an English stored value."""

from __future__ import annotations

from tests.support.planning import PlanWorld, publish
from vanphong.planning import printing, services_schedule, week


def test_the_file_name_says_lanh_dao_not_leaders(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    publish(world, version)
    name = printing.filename(week.build(version, world.specialist), "pdf")
    assert name == "lich-tuan-07-2012_tinh-uy-tay-ninh_lanh-dao_ban-1.pdf"
    assert name.isascii()
