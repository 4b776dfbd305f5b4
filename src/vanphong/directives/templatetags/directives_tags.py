"""The "follow its implementation" button other modules' pages show (a document in the
registry, an approved work programme), without those modules knowing about directives."""

from __future__ import annotations

from typing import Any

from django import template

from vanphong.directives import selectors
from vanphong.directives.models import DIRECTIVE_TYPES, Directive
from vanphong.planning.models import ProgrammeStatus, WorkProgramme

register = template.Library()


@register.inclusion_tag("directives/_track_button.html", takes_context=True)
def track_button(context: dict[str, Any], document: Any, direction: str) -> dict[str, Any]:
    """`direction` is "incoming" or "outgoing". Shown to whoever acts for the unit that
    would follow the document; once followed, a link to its dashboard instead."""
    person = context["request"].user
    unit = selectors.tracking_unit(document.unit)
    shown = document.type_symbol in DIRECTIVE_TYPES and selectors.acts_for(person, unit)
    tracked = None
    if shown:
        tracked = Directive.objects.filter(unit=unit, **{direction: document}).first()
        if tracked is None and direction == "outgoing":
            # A programme's CTr document is followed through its programme.
            tracked = Directive.objects.filter(unit=unit, programme__document=document).first()
        if direction == "outgoing" and document.issued_on is None:
            shown = False
    return {"shown": shown, "tracked": tracked, "direction": direction, "document": document}


@register.inclusion_tag("directives/_track_button.html", takes_context=True)
def programme_track_button(context: dict[str, Any], programme: WorkProgramme) -> dict[str, Any]:
    person = context["request"].user
    shown = programme.status == ProgrammeStatus.APPROVED and selectors.acts_for(
        person, programme.committee
    )
    tracked = (
        Directive.objects.filter(unit=programme.committee, programme=programme).first()
        if shown
        else None
    )
    return {"shown": shown, "tracked": tracked, "programme": programme}
