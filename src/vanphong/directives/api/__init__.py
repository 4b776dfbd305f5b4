"""`/api/v1/nhiem-vu/`: directives and their tasks — the same services and visibility as the
pages. One router of the flows' routers; the delegations and the directives come first, their
one-segment paths (`/uy-quyen`, `/van-ban`) before the tasks' `/{task_uuid}`."""

from __future__ import annotations

from ninja import Router

from vanphong.directives.api import delegations, directives, tasks

router = Router(tags=["theo dõi nhiệm vụ"])
router.add_router("", delegations.router)
router.add_router("", directives.router)
router.add_router("", tasks.router)
