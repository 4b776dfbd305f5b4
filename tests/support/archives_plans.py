"""File plans for tests: the archives' world with a draft plan of Châu Thành's Office, built
through the services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.archives import ArchWorld, build_archives_world
from vanphong.archives import services_plans
from vanphong.archives.models import FilePlan, PlanEntry, PlanHeading, RetentionRule
from vanphong.archives.services_plans import EntryInput
from vanphong.org.models import Person

YEAR = 2012


@dataclass
class PlanWorld:
    w: ArchWorld
    plan: FilePlan
    general: PlanHeading  # I. Công tác tổng hợp
    reports: PlanHeading  # I.1 Báo cáo
    admin: PlanHeading  # II. Công tác hành chính

    def __getattr__(self, name: str) -> Any:
        return getattr(self.w, name)


def entry(
    world: PlanWorld | ArchWorld,
    plan: FilePlan,
    heading: PlanHeading,
    code: str,
    title: str,
    *,
    actor: Person | None = None,
    **fields: Any,
) -> PlanEntry:
    if "retention_years" not in fields and "rule" not in fields:
        fields.setdefault("permanent", True)
    return services_plans.entry_add(
        actor=actor or world.chau_thanh_clerk,
        plan=plan,
        data=EntryInput(heading=heading, code=code, title=title, **fields),
    )


def district_rule(title_start: str) -> RetentionRule:
    return RetentionRule.objects.get(level="district", title__startswith=title_start)


def build_plan_world() -> PlanWorld:
    """Châu Thành Office's 2012 draft: I. Công tác tổng hợp (01.TH permanent, 1. Báo cáo with
    02.TH five years), II. Công tác hành chính (03.HC twenty years)."""
    w = build_archives_world()
    clerk = w.chau_thanh_clerk
    plan = services_plans.plan_create(actor=clerk, unit=w.chau_thanh_office, year=YEAR)
    general = services_plans.heading_add(actor=clerk, plan=plan, title="Công tác tổng hợp")
    reports = services_plans.heading_add(actor=clerk, plan=plan, title="Báo cáo", parent=general)
    admin = services_plans.heading_add(actor=clerk, plan=plan, title="Công tác hành chính")
    world = PlanWorld(w=w, plan=plan, general=general, reports=reports, admin=admin)
    entry(
        world,
        plan,
        general,
        "01.TH",
        "Nghị quyết, chỉ thị, kết luận của Ban Thường vụ Huyện ủy",
        keywords="nghị quyết chỉ thị kết luận",
        responsible=clerk,
    )
    entry(
        world,
        plan,
        reports,
        "02.TH",
        "Báo cáo tháng, quý của Huyện ủy",
        retention_years=5,
        keywords="báo cáo tháng quý",
    )
    entry(world, plan, admin, "03.HC", "Sổ đăng ký văn bản đi, đến", retention_years=20)
    return world
