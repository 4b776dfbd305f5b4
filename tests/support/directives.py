"""Directives and tasks built through the services: the province tracks a directive of the
Central Committee and assigns its tasks to Châu Thành."""

from __future__ import annotations

from datetime import date

from tests.support.documents import DocWorld, register
from vanphong.directives import services
from vanphong.directives.models import Directive, Task


def province_directive(world: DocWorld) -> Directive:
    existing = Directive.objects.filter(unit=world.province).first()
    if existing is not None:
        return existing
    document = register(
        world,
        actor=world.province_clerk,
        unit=world.province_office,
        sender_name="Ban Chấp hành Trung ương",
        number_symbol="Số 01-CT/TW",
        document_date=date(2011, 1, 5),
        subject="Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XIII",
    )
    return services.directive_track(
        actor=world.province_office_leader, unit=world.province, incoming=document
    )


def district_task(world: DocWorld, **changes: object) -> Task:
    if "directive" not in changes:
        changes["directive"] = province_directive(world)
    fields: dict[str, object] = {
        "actor": world.province_office_leader,
        "lead_unit": world.chau_thanh,
        "content": "Lập danh sách cử tri, niêm yết đúng hạn",
        "deadline": date(2011, 4, 15),
        "clause": "Mục 2",
        "product": "Báo cáo",
    }
    fields.update(changes)
    return services.task_assign(**fields)  # type: ignore[arg-type]


def sub_task(world: DocWorld, parent: Task, **changes: object) -> Task:
    """The district breaks `parent` down for its Office."""
    fields: dict[str, object] = {
        "actor": world.chau_thanh_clerk,
        "directive": parent.directive,
        "parent": parent,
        "lead_unit": world.chau_thanh_office,
        "content": "Tổng hợp các xã",
    }
    fields.update(changes)
    return services.task_assign(**fields)  # type: ignore[arg-type]


def review_url(directive: Directive, **params: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/nhiem-vu/van-ban/{directive.uuid}/bao-cao/" + (f"?{query}" if query else "")
