"""The emulation API under /api/v1/thi-dua/, one router per flow."""

from ninja import Router

from vanphong.emulation.api import measures, proposals, review, scoring

router = Router(tags=["thi-dua"])
router.add_router("", scoring.router)
router.add_router("", proposals.router)
router.add_router("", measures.router)
router.add_router("", review.router)
