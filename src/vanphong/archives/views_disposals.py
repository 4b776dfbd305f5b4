"""The pages of disposals (through each step), legal holds, the holdings statistics and the
transfer and disposal registers, under /luu-tru/."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.archives import registers, services_disposals, services_holds
from vanphong.archives.disposal_print import record_filename
from vanphong.archives.forms_disposals import (
    AppraiseForm,
    ApproveForm,
    DisposalProposeForm,
    ExecuteForm,
    HoldForm,
    ReasonForm,
    YearQuery,
)
from vanphong.archives.models import Disposal, DisposalStatus, FileStatus, RecordFile
from vanphong.archives.selectors import archive_units_kept, files_visible
from vanphong.core import paging
from vanphong.core.forms import BootstrapForm, attempt
from vanphong.documents.views_files import download
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import committee_of, people_holding, scope_for

PAGE = 50


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _url(name: str, *args: object) -> str:
    return reverse(f"archives:{name}", args=args)


def _crumbs(disposal: Disposal | None = None) -> list[tuple[str, str]]:
    crumbs = [(_("Tiêu hủy tài liệu"), _url("disposal_list"))]
    if disposal is not None:
        crumbs.append((disposal.title, _url("disposal_detail", disposal.uuid)))
    return crumbs


def _form_page(
    request: HttpRequest,
    form: BootstrapForm,
    *,
    title: str,
    submit: str,
    cancel: str,
    crumbs: list[tuple[str, str]],
    intro: str = "",
    danger: bool = False,
) -> HttpResponse:
    return render(
        request,
        "web/form.html",
        {
            "title": title,
            "intro": intro,
            "form": form,
            "submit_label": submit,
            "cancel_url": cancel,
            "crumbs": crumbs,
            "danger": danger,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


# Disposals ------------------------------------------------------------------------------------


@login_required
@require_GET
def disposal_list(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    found = registers.disposals_visible(person).order_by("-proposed_at", "-id")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = list(found.select_related("archive_unit", "proposed_by")[pages.start : pages.end])
    return render(
        request,
        "archives/disposal_list.html",
        {
            "title": _("Tiêu hủy tài liệu hết giá trị"),
            "rows": rows,
            "pages": pages,
            "may_propose": bool(archive_units_kept(person)),
        },
    )


def _archive_unit(request: HttpRequest, person: Person) -> Unit:
    kept = Unit.objects.filter(pk__in=archive_units_kept(person)).order_by("sort_order", "id")
    wanted = request.GET.get("luu-tru", "")
    unit = None
    if wanted:
        try:
            unit = kept.filter(uuid=UUID(wanted)).first()
        except ValueError:
            unit = None
    unit = unit or kept.first()
    if unit is None:
        raise PermissionDenied(_("Chỉ cán bộ lưu trữ được đề nghị tiêu hủy."))
    return unit


@login_required
@require_http_methods(["GET", "POST"])
def disposal_propose(request: HttpRequest) -> HttpResponse:
    """The files of the archive past retention, to tick for a new list."""
    person = _actor(request)
    unit = _archive_unit(request, person)
    today = timezone.localdate()
    candidates = registers.disposal_candidates(person, unit, today)
    form = DisposalProposeForm(
        request.POST or None,
        candidates=candidates,
        # Every candidate comes ticked: the usual list is all of them, less what is kept back.
        initial={
            "title": _("Tiêu hủy tài liệu hết giá trị năm %(y)s") % {"y": today.year},
            "files": [str(u) for u in candidates.values_list("uuid", flat=True)],
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_disposals.disposal_propose(
                actor=person, archive_unit=unit, title=data["title"], files=list(data["files"])
            ),
        )
        if made is not None:
            messages.success(
                request,
                _("Đã lập đề nghị tiêu hủy %(n)s hồ sơ.") % {"n": len(data["files"])},
            )
            return redirect("archives:disposal_detail", made.uuid)
    return _form_page(
        request,
        form,
        title=_("Đề nghị tiêu hủy: %(u)s") % {"u": unit.name},
        intro=_(
            "Các hồ sơ đã hết thời hạn bảo quản (tính từ năm sau năm kết thúc công việc), "
            "không bị tạm giữ và chưa có trong đợt tiêu hủy nào. Hồ sơ vĩnh viễn không bao giờ "
            "được tiêu hủy."
        ),
        submit=_("Lập đề nghị"),
        cancel=_url("disposal_list"),
        crumbs=_crumbs(),
    )


@login_required
@require_GET
def disposal_detail(request: HttpRequest, disposal_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    disposal = registers.disposal_get_visible(person, disposal_uuid)
    items = list(registers.disposal_items_visible(person, disposal))
    open_ = disposal.status in registers.OPEN_STATUSES
    held = services_holds.blocking_holds([i.file for i in items]) if open_ else {}
    seen = set(
        services_holds.holds_visible(person)
        .filter(pk__in=[h.pk for hs in held.values() for h in hs])
        .values_list("pk", flat=True)
    )
    may_run = services_disposals.may_run(person, disposal)
    return render(
        request,
        "archives/disposal_detail.html",
        {
            "title": disposal.title,
            "disposal": disposal,
            "lines": [
                (
                    item,
                    [
                        services_holds.hold_label(h, h.pk in seen)
                        for h in held.get(item.file_id, [])
                    ],
                )
                for item in items
            ],
            "council": list(disposal.council.order_by("full_name", "id")),
            "may_appraise": may_run and disposal.status == DisposalStatus.PROPOSED,
            "may_approve": services_disposals.may_approve(person, disposal)
            and disposal.status == DisposalStatus.APPRAISED,
            "may_execute": may_run and disposal.status == DisposalStatus.APPROVED,
            "may_cancel": may_run and open_,
            "may_record": disposal.record_id is not None
            and registers.disposal_fully_visible(person, disposal),
            "crumbs": _crumbs(),
        },
    )


def _step(
    request: HttpRequest,
    disposal_uuid: UUID,
    *,
    allowed: Callable[[Person, Disposal], bool],
    build: Callable[[Person, Disposal], BootstrapForm],
    call: Callable[[Person, Disposal, BootstrapForm], Any],
    title: str,
    submit: str,
    done: str,
    intro: str = "",
    danger: bool = False,
) -> HttpResponse:
    person = _actor(request)
    disposal = registers.disposal_get_visible(person, disposal_uuid)
    if not allowed(person, disposal):
        raise PermissionDenied(_("Anh/chị không có quyền thực hiện bước này."))
    form = build(person, disposal)
    if request.method == "POST" and form.is_valid():
        made = attempt(form, lambda: call(person, disposal, form))
        if made is not None:
            messages.success(request, done)
            return redirect("archives:disposal_detail", disposal.uuid)
    return _form_page(
        request,
        form,
        title=f"{title}: {disposal.title}",
        intro=intro,
        submit=submit,
        cancel=_url("disposal_detail", disposal.uuid),
        crumbs=_crumbs(disposal),
        danger=danger,
    )


def _council_people(disposal: Disposal) -> QuerySet[Person]:
    unit = disposal.archive_unit
    committee = committee_of(unit)
    units = [unit.pk] + ([committee.pk] if committee is not None else [])
    return people_holding(units=units).order_by("full_name", "id")


@login_required
@require_http_methods(["GET", "POST"])
def disposal_appraise(request: HttpRequest, disposal_uuid: UUID) -> HttpResponse:
    def build(person: Person, disposal: Disposal) -> BootstrapForm:
        return AppraiseForm(
            request.POST or None,
            people=_council_people(disposal),
            items=list(registers.disposal_items_visible(person, disposal)),
        )

    def call(person: Person, disposal: Disposal, form: BootstrapForm) -> Any:
        return services_disposals.disposal_appraise(
            actor=person,
            disposal=disposal,
            council=list(form.cleaned_data["council"]),
            opinion=form.cleaned_data["opinion"],
            keep=cast(AppraiseForm, form).kept(),
        )

    return _step(
        request,
        disposal_uuid,
        allowed=services_disposals.may_run,
        build=build,
        call=call,
        title=_("Thẩm định của hội đồng"),
        submit=_("Ghi kết quả thẩm định"),
        done=_("Đã ghi kết quả thẩm định của hội đồng."),
        intro=_("Ghi lý do bên cạnh hồ sơ hội đồng đề nghị giữ lại; hồ sơ khác sẽ được hủy."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def disposal_approve(request: HttpRequest, disposal_uuid: UUID) -> HttpResponse:
    return _step(
        request,
        disposal_uuid,
        allowed=services_disposals.may_approve,
        build=lambda _p, _d: ApproveForm(request.POST or None),
        call=lambda p, d, f: services_disposals.disposal_approve(
            actor=p, disposal=d, decision=f.cleaned_data["decision"]
        ),
        title=_("Phê duyệt tiêu hủy"),
        submit=_("Phê duyệt"),
        done=_("Đã phê duyệt danh sách tiêu hủy."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def disposal_execute(request: HttpRequest, disposal_uuid: UUID) -> HttpResponse:
    return _step(
        request,
        disposal_uuid,
        allowed=services_disposals.may_run,
        build=lambda _p, _d: ExecuteForm(
            request.POST or None, initial={"executed_on": timezone.localdate()}
        ),
        call=lambda p, d, f: services_disposals.disposal_execute(
            actor=p,
            disposal=d,
            method=f.cleaned_data["method"],
            executed_on=f.cleaned_data["executed_on"],
        ),
        title=_("Thực hiện tiêu hủy"),
        submit=_("Đã hủy: lập biên bản"),
        done=_("Đã ghi việc tiêu hủy và lập biên bản."),
        intro=_(
            "Lệnh tạm giữ được kiểm tra lại khi thực hiện: hồ sơ đang bị tạm giữ không bị hủy. "
            "Hồ sơ đã hủy vẫn còn trong hệ thống (thông tin, mục lục, lịch sử)."
        ),
        danger=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def disposal_cancel(request: HttpRequest, disposal_uuid: UUID) -> HttpResponse:
    return _step(
        request,
        disposal_uuid,
        allowed=services_disposals.may_run,
        build=lambda _p, _d: ReasonForm(request.POST or None),
        call=lambda p, d, f: services_disposals.disposal_cancel(
            actor=p, disposal=d, reason=f.cleaned_data["reason"]
        ),
        title=_("Hủy bỏ đợt tiêu hủy"),
        submit=_("Hủy bỏ đợt"),
        done=_("Đã hủy bỏ đợt tiêu hủy."),
        danger=True,
    )


@login_required
@require_GET
def disposal_record(request: HttpRequest, disposal_uuid: UUID) -> FileResponse:
    """The destruction record names every file: only for whoever sees them all."""
    person = _actor(request)
    disposal = registers.disposal_get_visible(person, disposal_uuid)
    if disposal.record is None or not registers.disposal_fully_visible(person, disposal):
        raise Http404
    return download(disposal.record, record_filename(disposal))


# Holds ----------------------------------------------------------------------------------------


@login_required
@require_GET
def hold_list(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    found = services_holds.holds_visible(person).order_by("released_at", "-placed_at", "-id")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = list(found.select_related("unit", "placed_by")[pages.start : pages.end])
    return render(
        request,
        "archives/hold_list.html",
        {
            "title": _("Lệnh tạm giữ hồ sơ"),
            "rows": rows,
            "pages": pages,
            "may_place": bool(_hold_units(person).exists()),
        },
    )


def _hold_units(person: Person) -> QuerySet[Unit]:
    units = scope_for(person).units_with_role(*services_holds.HOLD_MANAGERS)
    return Unit.objects.filter(pk__in=units, is_active=True).order_by("sort_order", "id")


@login_required
@require_http_methods(["GET", "POST"])
def hold_create(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    units = _hold_units(person)
    if not units.exists():
        raise PermissionDenied(_("Chỉ lãnh đạo đơn vị, lãnh đạo Văn phòng được ra lệnh tạm giữ."))
    ids = list(units.values_list("pk", flat=True))
    offered = (
        files_visible(person)
        .filter(Q(unit_id__in=ids) | Q(archive_unit_id__in=ids))
        .exclude(status=FileStatus.DESTROYED)
        .order_by("-year", "code")
    )
    initial: dict[str, Any] = {}
    wanted = request.GET.get("ho-so", "")
    if wanted:
        try:
            first: RecordFile | None = offered.filter(uuid=UUID(wanted)).first()
        except ValueError:
            first = None
        if first is not None:
            initial["files"] = [first.uuid]
            unit_id = first.archive_unit_id if first.archive_unit_id in ids else first.unit_id
            initial["unit"] = units.filter(pk=unit_id).values_list("uuid", flat=True).first()
    form = HoldForm(request.POST or None, units=units, files=offered, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_holds.hold_place(
                actor=person,
                unit=data["unit"],
                kind=data["kind"],
                reason=data["reason"],
                reference=data["reference"],
                files=list(data["files"]),
            ),
        )
        if made is not None:
            messages.success(request, _("Đã ra lệnh tạm giữ hồ sơ."))
            return redirect("archives:hold_detail", made.uuid)
    return _form_page(
        request,
        form,
        title=_("Ra lệnh tạm giữ hồ sơ"),
        intro=_("Hồ sơ bị tạm giữ không được đưa vào danh sách tiêu hủy cho đến khi gỡ lệnh."),
        submit=_("Tạm giữ"),
        cancel=_url("hold_list"),
        crumbs=[(_("Lệnh tạm giữ hồ sơ"), _url("hold_list"))],
    )


@login_required
@require_GET
def hold_detail(request: HttpRequest, hold_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    hold = services_holds.hold_get_visible(person, hold_uuid)
    return render(
        request,
        "archives/hold_detail.html",
        {
            "title": str(hold),
            "hold": hold,
            "files": list(hold.files.select_related("unit").order_by("year", "code")),
            "may_release": hold.released_at is None
            and services_holds.may_manage_holds(person, hold.unit),
            "crumbs": [(_("Lệnh tạm giữ hồ sơ"), _url("hold_list"))],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def hold_release(request: HttpRequest, hold_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    hold = services_holds.hold_get_visible(person, hold_uuid)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            lambda: services_holds.hold_release(
                actor=person, hold=hold, reason=form.cleaned_data["reason"]
            ),
        )
        if done is not None:
            messages.success(request, _("Đã gỡ lệnh tạm giữ."))
            return redirect("archives:hold_detail", hold.uuid)
    return _form_page(
        request,
        form,
        title=_("Gỡ lệnh tạm giữ"),
        submit=_("Gỡ lệnh"),
        cancel=_url("hold_detail", hold.uuid),
        crumbs=[(_("Lệnh tạm giữ hồ sơ"), _url("hold_list"))],
    )


# Registers and statistics ---------------------------------------------------------------------


def _kept_units(person: Person) -> QuerySet[Unit]:
    units = scope_for(person).units_with_role(*registers.KEEPERS)
    return Unit.objects.filter(pk__in=units).order_by("sort_order", "id")


def _query(
    request: HttpRequest, units: QuerySet[Unit] | None = None
) -> tuple[YearQuery, dict[str, Any]]:
    query = YearQuery(request.GET or None, units=units)
    data: dict[str, Any] = {}
    if query.is_bound and query.is_valid():
        data = query.cleaned_data
    return query, data


@login_required
@require_GET
def register_holdings(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    query, data = _query(request, _kept_units(person))
    found = registers.holdings(person, archive_unit=data.get("archive_unit"), year=data.get("year"))
    return render(
        request,
        "archives/register_holdings.html",
        {
            "title": _("Thống kê tài liệu lưu trữ"),
            "query": query,
            "holdings": found,
            "levels": registers.LEVEL_NAMES,
        },
    )


def _register_page(
    request: HttpRequest, *, kind: str, title: str, columns: Any, lines: Callable[..., Any]
) -> HttpResponse:
    person = _actor(request)
    query, data = _query(request)
    if kind == "transfers":
        found: Any = registers.transfer_register(person, year=data.get("year"))
    else:
        found = registers.disposal_register(person, year=data.get("year"))
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    chosen = lines(person, found[pages.start : pages.end])
    cells = registers.transfer_cells if kind == "transfers" else registers.disposal_cells
    return render(
        request,
        "archives/register_list.html",
        {
            "title": title,
            "query": query,
            "headings": columns,
            "rows": [
                (line, [registers.cell_text(c) for c in cells(pages.start + index, line)])
                for index, line in enumerate(chosen, start=1)
            ],
            "pages": pages,
            "kind": kind,
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def register_transfers(request: HttpRequest) -> HttpResponse:
    return _register_page(
        request,
        kind="transfers",
        title=_("Sổ nộp lưu"),
        columns=registers.TRANSFER_COLUMNS,
        lines=registers.transfer_lines,
    )


@login_required
@require_GET
def register_disposals(request: HttpRequest) -> HttpResponse:
    return _register_page(
        request,
        kind="disposals",
        title=_("Sổ tiêu hủy tài liệu"),
        columns=registers.DISPOSAL_COLUMNS,
        lines=registers.disposal_lines,
    )


def _export(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    person = _actor(request)
    _q, data = _query(request)
    columns: Sequence[Any]
    widths: Sequence[float]
    if kind == "transfers":
        rows, title = registers.transfer_register_files(person, year=data.get("year"))
        columns, widths, name = registers.TRANSFER_COLUMNS, registers.TRANSFER_WIDTHS, "so-nop-luu"
    else:
        rows, title = registers.disposal_register_files(person, year=data.get("year"))
        columns, widths, name = registers.DISPOSAL_COLUMNS, registers.DISPOSAL_WIDTHS, "so-tieu-huy"
    if fmt == "xlsx":
        response = HttpResponse(
            registers.register_xlsx(title, columns, rows), content_type=registers.XLSX
        )
    else:
        response = HttpResponse(
            registers.register_pdf(title, columns, widths, rows), content_type="application/pdf"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
@require_GET
def register_transfers_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "transfers", "xlsx")


@login_required
@require_GET
def register_transfers_pdf(request: HttpRequest) -> HttpResponse:
    return _export(request, "transfers", "pdf")


@login_required
@require_GET
def register_disposals_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "disposals", "xlsx")


@login_required
@require_GET
def register_disposals_pdf(request: HttpRequest) -> HttpResponse:
    return _export(request, "disposals", "pdf")
