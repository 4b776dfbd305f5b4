"""The pages of the transfer to the agency archive: the transfers, a transfer (submit, receive
with box and shelf per file, its list and record), the files due, keeping a file back, placing
a file. Access to archived files is in `views_access`."""

from __future__ import annotations

from datetime import timedelta
from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.archives import (
    deadlines,
    services_transfers,
    transfer_print,
    workflow,
)
from vanphong.archives import selectors_transfers as sel
from vanphong.archives.forms_transfers import (
    KeepBackForm,
    PlaceForm,
    ReceiveForm,
    TransferForm,
)
from vanphong.archives.jobs_transfers import retention_over
from vanphong.archives.models import (
    FileStatus,
    RecordFile,
    Transfer,
    TransferStatus,
)
from vanphong.archives.retention import retention_expires_on
from vanphong.archives.selectors import archive_units_kept, file_get_visible, files_visible
from vanphong.core import paging
from vanphong.core.files import open_stored, safe_filename
from vanphong.core.forms import ConfirmForm, attempt
from vanphong.org.models import Person, Unit

PAGE = 50


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _crumbs(*more: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Nộp lưu"), reverse("archives:transfer_list")), *more]


# --- transfers -----------------------------------------------------------------------------


@login_required
@require_GET
def transfer_list(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    found = sel.transfers_visible(person).order_by("-created_at", "-id")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = list(found.select_related("unit", "archive_unit")[pages.start : pages.end])
    return render(
        request,
        "archives/transfer_list.html",
        {
            "title": _("Nộp lưu hồ sơ vào lưu trữ cơ quan"),
            "rows": rows,
            "pages": pages,
            "may_create": bool(sel.compiling_units(person)),
        },
    )


@login_required
@require_GET
def transfer_due(request: HttpRequest) -> HttpResponse:
    """The files due in the archive within 30 days or overdue, and, for an archivist, the
    files whose retention has run out."""
    person = _actor(request)
    today = timezone.localdate()
    until = today + timedelta(days=deadlines.ALERT_DAYS)
    files = list(
        sel.files_due_for(person, until)
        .select_related("unit")
        .order_by("work_ended_on", "pk")[:500]
    )
    due = [
        (file, deadlines.transfer_deadline(file), deadlines.transfer_clock(file, today))
        for file in files
    ]
    expired: list[tuple[RecordFile, object]] = []
    if archive_units_kept(person):
        ended = retention_over(today)
        seen = set(
            files_visible(person).filter(pk__in=[f.pk for f in ended]).values_list("pk", flat=True)
        )
        expired = [(f, retention_expires_on(f)) for f in ended if f.pk in seen]
    return render(
        request,
        "archives/transfer_due.html",
        {
            "title": _("Hồ sơ đến hạn nộp lưu"),
            "due": due,
            "expired": expired,
            "today": today,
            "crumbs": _crumbs(),
        },
    )


def _compiling_units(person: Person) -> list[Unit]:
    return list(
        Unit.objects.filter(pk__in=sorted(sel.compiling_units(person)), is_active=True).order_by(
            "sort_order", "id"
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def transfer_create(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    units = [u for u in _compiling_units(person) if workflow.may_compile(person, u)]
    if not units:
        raise Http404
    candidates = (
        files_visible(person)
        .filter(
            unit__in=units,
            status=FileStatus.CLOSED,
            transfer__isnull=True,
        )
        .filter(
            Q(retention_years__isnull=True) | Q(retention_years__gte=deadlines.TRANSFER_MIN_YEARS)
        )
        .order_by("unit_id", "year", "code")
    )
    form = TransferForm(
        request.POST or None,
        units=Unit.objects.filter(pk__in=[u.pk for u in units]),
        files=candidates,
        initial={"year": timezone.localdate().year - 1, "unit": units[0].uuid},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_transfers.transfer_create(
                actor=person,
                unit=data["unit"],
                year=data["year"],
                files=list(data["record_files"]),
                note=data["note"],
            ),
        )
        if made is not None:
            messages.success(request, _("Đã lập đợt nộp lưu."))
            return redirect("archives:transfer_detail", made.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Lập đợt nộp lưu"),
            "intro": _(
                "Chọn các hồ sơ đã kết thúc, bảo quản từ %(n)d năm trở lên hoặc vĩnh viễn, của "
                "một đơn vị. Hồ sơ bảo quản dưới %(n)d năm không nộp lưu."
            )
            % {"n": deadlines.TRANSFER_MIN_YEARS},
            "form": form,
            "submit_label": _("Lập đợt nộp lưu"),
            "cancel_url": reverse("archives:transfer_list"),
            "crumbs": _crumbs(),
        },
    )


def _transfer_files(person: Person, transfer: Transfer) -> tuple[list[RecordFile], int]:
    """The files of the transfer the person sees, and how many there are in all."""
    every = RecordFile.objects.filter(transfer=transfer)
    shown = list(files_visible(person).filter(transfer=transfer).order_by("year", "code", "pk"))
    return shown, every.count()


@login_required
@require_GET
def transfer_detail(request: HttpRequest, transfer_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    transfer = sel.transfer_get_visible(person, transfer_uuid)
    files, total = _transfer_files(person, transfer)
    compiles = workflow.may_compile(person, transfer.unit)
    return render(
        request,
        "archives/transfer_detail.html",
        {
            "title": _("Đợt nộp lưu năm %(year)d — %(unit)s")
            % {"year": transfer.year, "unit": transfer.unit.name},
            "transfer": transfer,
            "files": files,
            "hidden": total - len(files),
            "may_edit": compiles and transfer.status == TransferStatus.DRAFT,
            "may_receive": transfer.status == TransferStatus.SUBMITTED
            and workflow.is_archivist(person, transfer.archive_unit),
            "may_place": transfer.status == TransferStatus.RECEIVED
            and workflow.is_archivist(person, transfer.archive_unit),
            "crumbs": _crumbs(),
        },
    )


@login_required
@require_POST
def transfer_submit(request: HttpRequest, transfer_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    transfer = sel.transfer_get_visible(person, transfer_uuid)
    form = ConfirmForm(request.POST)
    done = attempt(
        form, lambda: services_transfers.transfer_submit(actor=person, transfer=transfer)
    )
    if done is not None:
        messages.success(request, _("Đã gửi đợt nộp lưu đến lưu trữ cơ quan."))
    else:
        for error in form.non_field_errors():
            messages.error(request, str(error))
        for errors in form.errors.values():
            for error in errors:
                if error not in form.non_field_errors():
                    messages.error(request, str(error))
    return redirect("archives:transfer_detail", transfer.uuid)


@login_required
@require_POST
def transfer_file_remove(
    request: HttpRequest, transfer_uuid: UUID, file_uuid: UUID
) -> HttpResponse:
    person = _actor(request)
    transfer = sel.transfer_get_visible(person, transfer_uuid)
    file = file_get_visible(person, file_uuid)
    form = ConfirmForm(request.POST)
    done = attempt(
        form,
        lambda: services_transfers.transfer_file_remove(actor=person, transfer=transfer, file=file),
    )
    if done is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("archives:transfer_detail", transfer.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def transfer_receive(request: HttpRequest, transfer_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    transfer = sel.transfer_get_visible(person, transfer_uuid)
    files, total = _transfer_files(person, transfer)
    form = ReceiveForm(
        request.POST or None, files=files, initial={"received_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            lambda: services_transfers.transfer_receive(
                actor=person,
                transfer=transfer,
                received_on=form.cleaned_data["received_on"],
                placements=form.placements(),
            ),
        )
        if done is not None:
            messages.success(request, _("Đã nhận đợt nộp lưu; biên bản giao nhận đã được lập."))
            return redirect("archives:transfer_detail", transfer.uuid)
    return render(
        request,
        "archives/transfer_receive.html",
        {
            "title": _("Nhận đợt nộp lưu năm %(year)d — %(unit)s")
            % {"year": transfer.year, "unit": transfer.unit.name},
            "transfer": transfer,
            "form": form,
            "hidden": total - len(files),
            "crumbs": _crumbs(
                (str(transfer), reverse("archives:transfer_detail", args=[transfer.uuid]))
            ),
        },
    )


@login_required
@require_GET
def transfer_list_export(
    request: HttpRequest, transfer_uuid: UUID, file_format: str
) -> HttpResponse:
    person = _actor(request)
    transfer = sel.transfer_get_visible(person, transfer_uuid)
    if file_format not in transfer_print.CONTENT_TYPES:
        raise Http404
    files, _total = _transfer_files(person, transfer)
    content = (
        transfer_print.list_xlsx(transfer, files)
        if file_format == "xlsx"
        else transfer_print.list_pdf(transfer, files)
    )
    response = HttpResponse(content, content_type=transfer_print.CONTENT_TYPES[file_format])
    name = safe_filename(f"muc-luc-nop-luu-{transfer.year}-{transfer.unit.symbol}.{file_format}")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def transfer_record(request: HttpRequest, transfer_uuid: UUID) -> FileResponse:
    """The stored hand-over record: it lists every file, so it is given to those who see all."""
    person = _actor(request)
    transfer = sel.transfer_get_visible(person, transfer_uuid)
    files, total = _transfer_files(person, transfer)
    if transfer.record is None or len(files) != total:
        raise Http404
    return FileResponse(
        open_stored(transfer.record),
        content_type="application/pdf",
        as_attachment=True,
        filename=safe_filename(f"bien-ban-giao-nhan-{transfer.year}-{transfer.unit.symbol}.pdf"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def transfer_keep_back(request: HttpRequest, file_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    file = file_get_visible(person, file_uuid)
    if not workflow.may_approve_plan(person, file.unit):
        raise Http404
    form = KeepBackForm(
        request.POST or None,
        initial={"until": file.kept_back_until, "reason": file.kept_back_reason},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            lambda: services_transfers.file_keep_back(
                actor=person, file=file, until=data["until"], reason=data["reason"]
            ),
        )
        if done is not None:
            messages.success(request, _("Đã ghi quyết định giữ lại hồ sơ."))
            return redirect("archives:transfer_due")
    due = deadlines.transfer_due_on(file)
    limit = deadlines.keep_back_limit(file)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Giữ lại hồ sơ %(code)s") % {"code": file.code},
            "intro": _("Hạn nộp lưu: %(due)s. Giữ lại tối đa đến %(limit)s.")
            % {
                "due": f"{due:%d/%m/%Y}" if due else "—",
                "limit": f"{limit:%d/%m/%Y}" if limit else "—",
            },
            "form": form,
            "submit_label": _("Lưu"),
            "cancel_url": reverse("archives:transfer_due"),
            "crumbs": _crumbs((_("Hồ sơ đến hạn nộp lưu"), reverse("archives:transfer_due"))),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def transfer_place(request: HttpRequest, file_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    file = file_get_visible(person, file_uuid)
    if file.archive_unit is None or not workflow.is_archivist(
        person, file.archive_unit, file.confidentiality
    ):
        raise Http404
    form = PlaceForm(request.POST or None, initial={"box": file.box, "shelf": file.shelf})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            lambda: services_transfers.file_place(
                actor=person, file=file, box=data["box"], shelf=data["shelf"]
            ),
        )
        if done is not None:
            messages.success(request, _("Đã chuyển hồ sơ sang hộp số %(box)s.") % {"box": done.box})
            if file.transfer is not None:
                return redirect("archives:transfer_detail", file.transfer.uuid)
            return redirect("archives:transfer_list")
    return render(
        request,
        "web/form.html",
        {
            "title": _("Sắp xếp hồ sơ %(code)s") % {"code": file.code},
            "form": form,
            "submit_label": _("Lưu"),
            "cancel_url": reverse("archives:transfer_list"),
            "crumbs": _crumbs(),
        },
    )
