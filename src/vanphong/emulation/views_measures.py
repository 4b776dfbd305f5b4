"""The measured criteria of a movement for one member: each figure (done of counted, share,
points, as of when), the query behind it in words and the link to its records; and the
convenor's "Tính lại số liệu" (recompute). A movement or a unit one may not see is a 404."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanphong.core import yearly
from vanphong.emulation import services_measure, workflow
from vanphong.emulation.models import Criterion, Measurement, Movement
from vanphong.emulation.selectors import movement_or_404
from vanphong.emulation.views_scoring import movement_crumbs
from vanphong.org.models import Person, Unit


@dataclass(frozen=True)
class Line:
    criterion: Criterion
    measure: yearly.Measure | None  # None: no app measures it yet ("chưa có số liệu")
    measurement: Measurement | None
    records_url: str

    @property
    def share(self) -> float | None:
        m = self.measurement
        return m.done / m.counted if m is not None and m.counted else None


def _member_or_404(person: Person, movement: Movement, unit_uuid: UUID) -> Unit:
    """A member of the movement's bloc in its year, that the reader sees: someone reading
    the unit itself, or the convenor (which follows every member)."""
    unit = Unit.objects.filter(uuid=unit_uuid, pk__in=services_measure.member_ids(movement)).first()
    if unit is None or not (
        workflow.reads_unit(person, unit.pk)
        or workflow.reads_unit(person, movement.bloc.convenor_id)
    ):
        raise Http404
    return unit


def measure_lines(movement: Movement, unit: Unit) -> list[Line]:
    found = {m.criterion_id: m for m in Measurement.objects.filter(movement=movement, unit=unit)}
    lines = []
    for criterion in services_measure.measured_criteria(movement):
        measure = yearly.measure(criterion.measure)
        url = ""
        if measure is not None and measure.records_url is not None:
            url = measure.records_url(str(unit.uuid), movement.year)
        lines.append(Line(criterion, measure, found.get(criterion.pk), url))
    return lines


@login_required
@require_GET
def measures(request: HttpRequest, movement_uuid: UUID, unit_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    movement = movement_or_404(person, movement_uuid)
    unit = _member_or_404(person, movement, unit_uuid)
    return render(
        request,
        "emulation/measures.html",
        {
            "title": _("Số liệu đo được: %(unit)s") % {"unit": unit.name},
            "movement": movement,
            "unit": unit,
            "lines": measure_lines(movement, unit),
            "may_compute": services_measure.may_compute(person, movement),
            "crumbs": movement_crumbs(movement),
        },
    )


@login_required
@require_POST
def measures_compute(request: HttpRequest, movement_uuid: UUID, unit_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    movement = movement_or_404(person, movement_uuid)
    unit = _member_or_404(person, movement, unit_uuid)
    try:
        rows = services_measure.measurements_compute(movement=movement, actor=person)
    except PermissionDenied as error:
        messages.error(request, str(error))
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Đã tính lại %(n)s số liệu.") % {"n": rows})
    return redirect("emulation:measures", movement.uuid, unit.uuid)
