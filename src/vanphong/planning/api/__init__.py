"""`/api/v1/ke-hoach/`: work programmes, monthly plans, weekly schedules, rooms and feeds —
the same services as the pages, the same visibility. One module per concern; this router
mounts them all."""

from ninja import Router

from vanphong.planning.api import feeds, monthly_plans, programmes, rooms, schedules

router = Router(tags=["kế hoạch, lịch công tác"])
for part in (programmes, monthly_plans, schedules, rooms, feeds):
    router.add_router("", part.router)
