"""The documents JSON API: every page action on incoming and outgoing documents, for programs.

Thin like the pages: parse the request, fetch through a visibility-scoped selector (an object
the caller may not see is 404), call one service, answer with the object's new state, which the
schemas read from the models (`prefetch` fetches what they read). Service errors are mapped by
`vanphong.api.handlers`: ValidationError → 422 with errors by field, PermissionDenied → 403. A
suspected duplicate registration is answered with 409. One module per flow.
"""

from __future__ import annotations

from ninja import Router

from vanphong.documents.api import files, handling, incoming, outgoing, reception, reports

router = Router()
for flow in (incoming, handling, reception, outgoing, files, reports):
    router.add_router("", flow.router)
