"""`/api/v1/luu-tru/bao-quan/...`: the fixity runs (start, progress, findings), a stored file's
OCR status, and a permanent file's BagIt export. For the archivists: anyone else gets 404; a
finding names only the record files the caller may see."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from uuid import UUID

from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.archives import bag, selectors, services_preservation, workflow
from vanphong.archives.jobs_preservation import fixity_run_later
from vanphong.archives.models import FixityRun, OcrCopy
from vanphong.core.files import safe_filename
from vanphong.documents.api.files import FILE_RESPONSE
from vanphong.documents.models import Attachment
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Person

router = Router(tags=["bảo quản"])
FINDINGS_LIMIT = 500


class FileRef(Schema):
    uuid: UUID
    code: str
    year: int
    title: str


class FindingOut(Schema):
    sha256_prefix: str = Field(description="12 ký tự đầu của SHA-256 lúc lưu.")
    size: int
    problem: str = Field(description="changed | missing")
    files: list[FileRef] = Field(description="Hồ sơ chứa văn bản có tệp này, người gọi xem được.")
    hidden: bool = Field(description="true: tệp còn thuộc hồ sơ người gọi không được xem.")


class RunOut(Schema):
    uuid: UUID
    status: str = Field(description="running | paused | done")
    started_at: datetime
    finished_at: datetime | None
    total: int
    checked: int
    bytes_read: int
    failures: int
    seconds: float
    progress: int = Field(description="Phần trăm (checked/total).")


class RunDetailOut(RunOut):
    findings: list[FindingOut]


class OcrOut(Schema):
    sha256: str
    status: str = Field(description="queued | done | unreadable | failed | unavailable")
    message: str
    pdfa_sha256: str | None
    text: str


def _watcher(request: HttpRequest) -> Person:
    person = actor(request)
    if not workflow.may_watch_preservation(person):
        raise Http404
    return person


def _run(run: FixityRun) -> dict[str, object]:
    return {
        "uuid": run.uuid,
        "status": run.status,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "total": run.total,
        "checked": run.checked,
        "bytes_read": run.bytes_read,
        "failures": run.failures,
        "seconds": run.seconds,
        "progress": services_preservation.progress_percent(run),
    }


def _detail(person: Person, run: FixityRun) -> dict[str, object]:
    findings = list(
        run.findings.select_related("stored_file").order_by("stored_file_id")[:FINDINGS_LIMIT]
    )
    uses = selectors.stored_files_uses(person, [f.stored_file_id for f in findings])
    lines = []
    for finding in findings:
        files, hidden = uses.get(finding.stored_file_id, ([], False))
        lines.append(
            {
                "sha256_prefix": finding.stored_file.sha256[:12],
                "size": finding.stored_file.size,
                "problem": finding.problem,
                "files": files,
                "hidden": hidden,
            }
        )
    return {**_run(run), "findings": lines}


@router.get(
    "/bao-quan/kiem-tra",
    response={200: list[RunOut], **ERRORS},
    summary="Các lượt kiểm tra toàn vẹn gần nhất",
)
def runs_list(request: HttpRequest) -> list[dict[str, object]]:
    _watcher(request)
    return [_run(run) for run in FixityRun.objects.all()[:20]]


@router.post(
    "/bao-quan/kiem-tra",
    response={202: RunOut, **ERRORS},
    summary="Bắt đầu kiểm tra toàn vẹn (hoặc lấy lượt đang chạy)",
    description="Chỉ một lượt chạy một lúc: khi đã có lượt đang chạy, trả về lượt đó.",
)
def run_start(request: HttpRequest) -> Status[dict[str, object]]:
    person = _watcher(request)
    run = services_preservation.fixity_run_start(actor=person)
    fixity_run_later(run)
    return Status(202, _run(run))


@router.get(
    "/bao-quan/kiem-tra/{run_uuid}",
    response={200: RunDetailOut, **ERRORS},
    summary="Tiến độ và các tệp sai lệch của một lượt kiểm tra",
)
def run_get(request: HttpRequest, run_uuid: UUID) -> dict[str, object]:
    person = _watcher(request)
    run = FixityRun.objects.filter(uuid=run_uuid).first()
    if run is None:
        raise Http404
    return _detail(person, run)


@router.get(
    "/bao-quan/ocr/{sha256}",
    response={200: OcrOut, **ERRORS},
    summary="Tình trạng nhận dạng ký tự (OCR) của một tệp",
    description="Tệp phải là tệp đính kèm của văn bản người gọi được xem; nếu không: 404.",
)
def ocr_get(request: HttpRequest, sha256: str) -> dict[str, object]:
    person = _watcher(request)
    readable = Attachment.objects.filter(file__sha256=sha256.lower()).filter(
        Q(incoming__in=incoming_visible(person)) | Q(outgoing__in=outgoing_visible(person))
    )
    copy = OcrCopy.objects.select_related("original", "pdfa").filter(
        original__sha256=sha256.lower()
    )
    found = copy.first() if readable.exists() else None
    if found is None:
        raise Http404
    return {
        "sha256": found.original.sha256,
        "status": found.status,
        "message": found.message,
        "pdfa_sha256": found.pdfa.sha256 if found.pdfa else None,
        "text": found.text,
    }


@router.post(
    "/bao-quan/ho-so/{file_uuid}/bagit",
    response={**ERRORS},
    summary="Xuất hồ sơ vĩnh viễn dạng gói BagIt (zip)",
    description="Cho cán bộ lưu trữ của kho giữ hồ sơ, được xem hồ sơ; hồ sơ không vĩnh viễn: "
    "422. Việc xuất được ghi nhật ký.",
    openapi_extra=FILE_RESPONSE,
)
def bag_export(request: HttpRequest, file_uuid: UUID) -> FileResponse:
    person = actor(request)
    file = selectors.file_get_visible(person, file_uuid)
    if not bag.may_export(person, file):
        raise Http404
    with tempfile.TemporaryDirectory(prefix="vanphong-bag-") as work:
        root = bag.file_export_bag(actor=person, file=file, target_dir=Path(work))
        out = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response)
        bag.zip_bag(root, out)
    out.seek(0)
    name = safe_filename(f"{root.name}.zip", fallback="ho-so.zip")
    return FileResponse(out, as_attachment=True, filename=name, content_type="application/zip")
