"""The archives API under /api/v1/luu-tru/, one router per flow."""

from ninja import Router

from vanphong.archives.api import disposals, files, plans, preservation, transfers

router = Router(tags=["luu-tru"])
router.add_router("", plans.router)
router.add_router("", files.router)
router.add_router("", transfers.router)
router.add_router("", disposals.router)
router.add_router("", preservation.router)
