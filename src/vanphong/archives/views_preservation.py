"""Preservation pages for the archivists: the fixity runs with their progress, a run's
findings (each stored file named by its SHA-256 prefix and size, and the record files holding
it as far as the viewer may see them), starting a run, and a permanent file's BagIt export."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.archives import bag, selectors, services_preservation, workflow
from vanphong.archives.jobs_preservation import fixity_run_later
from vanphong.archives.models import FixityFinding, FixityRun, RecordFile
from vanphong.core.files import safe_filename
from vanphong.org.models import Person

RUNS_SHOWN = 20
FINDINGS_SHOWN = 500  # the rest: the API, or the audit event of each batch


def _watcher(request: HttpRequest) -> Person:
    person = cast(Person, request.user)
    if not workflow.may_watch_preservation(person):
        raise Http404
    return person


@dataclass(frozen=True)
class FindingLine:
    finding: FixityFinding
    files: list[RecordFile]
    hidden: bool


@login_required
@require_GET
def preservation(request: HttpRequest) -> HttpResponse:
    _watcher(request)
    runs = list(FixityRun.objects.all()[:RUNS_SHOWN])
    return render(
        request,
        "archives/preservation_runs.html",
        {
            "title": _("Bảo quản: kiểm tra toàn vẹn tệp"),
            "runs": [(run, services_preservation.progress_percent(run)) for run in runs],
        },
    )


@login_required
@require_POST
def preservation_start(request: HttpRequest) -> HttpResponse:
    person = _watcher(request)
    run = services_preservation.fixity_run_start(actor=person)
    fixity_run_later(run)
    messages.success(request, _("Đã bắt đầu kiểm tra toàn vẹn; trang này cho biết tiến độ."))
    return redirect("archives:preservation_run", run.uuid)


def finding_lines(person: Person, findings: list[FixityFinding]) -> list[FindingLine]:
    uses = selectors.stored_files_uses(person, [f.stored_file_id for f in findings])
    return [FindingLine(f, *uses.get(f.stored_file_id, ([], False))) for f in findings]


@login_required
@require_GET
def preservation_run(request: HttpRequest, run_uuid: UUID) -> HttpResponse:
    person = _watcher(request)
    run = FixityRun.objects.filter(uuid=run_uuid).first()
    if run is None:
        raise Http404
    findings = list(
        run.findings.select_related("stored_file").order_by("stored_file_id")[:FINDINGS_SHOWN]
    )
    return render(
        request,
        "archives/preservation_run.html",
        {
            "title": _("Lượt kiểm tra toàn vẹn %(at)s")
            % {"at": run.started_at.strftime("%d/%m/%Y %H:%M")},
            "run": run,
            "percent": services_preservation.progress_percent(run),
            "lines": finding_lines(person, findings),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def preservation_bag(request: HttpRequest, file_uuid: UUID) -> HttpResponseBase:
    """GET: what the bag holds, and the button; POST: the bag as a zip (audited)."""
    person = cast(Person, request.user)
    file = selectors.file_get_visible(person, file_uuid)
    if not bag.may_export(person, file):
        raise Http404
    if request.method == "GET":
        return render(
            request,
            "archives/preservation_bag.html",
            {"title": _("Xuất hồ sơ dạng gói BagIt"), "file": file},
        )
    with tempfile.TemporaryDirectory(prefix="vanphong-bag-") as work:
        try:
            root = bag.file_export_bag(actor=person, file=file, target_dir=Path(work))
        except (PermissionDenied, ValidationError) as error:
            text = error.messages if isinstance(error, ValidationError) else [str(error)]
            for line in text:
                messages.error(request, line)
            return redirect("archives:preservation_bag", file.uuid)
        out = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response)
        bag.zip_bag(root, out)
    out.seek(0)
    name = safe_filename(f"{root.name}.zip", fallback="ho-so.zip")
    return FileResponse(out, as_attachment=True, filename=name, content_type="application/zip")
