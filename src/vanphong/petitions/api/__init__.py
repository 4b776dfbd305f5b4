"""`/api/v1/don-thu/`: citizen reception and petitions — the same selectors, services and
visibility as the pages. One router of the concerns' routers; those whose paths begin with a
word (`/linh-vuc`, `/so-tiep-cong-dan`, `/bao-cao`, `/tiep-cong-dan`, `/luot-tiep`, `/tep`,
`/chuyen`) come before the letters' `/{letter_uuid}`."""

from __future__ import annotations

from ninja import Router

from vanphong.petitions.api import (
    clocks,
    corrections,
    downloads,
    fields,
    forwards,
    handling,
    letters,
    reception,
    reports,
)

router = Router()
router.add_router("", fields.router)
router.add_router("", downloads.router)
router.add_router("", reports.router)
router.add_router("", reception.router)
router.add_router("", forwards.router)
router.add_router("", letters.router)
router.add_router("", handling.router)
router.add_router("", corrections.router)
router.add_router("", clocks.router)
