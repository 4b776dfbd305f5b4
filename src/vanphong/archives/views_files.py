"""Pages of the files being compiled (lập hồ sơ), under /luu-tru/: the list of files, a file
with its document index, "Đưa vào hồ sơ" (reached from any document's page), opening,
editing, numbering sheets, closing and reopening, and the printed indexes. A file one may not
see is a 404; a document one may not see is a 404 on "Đưa vào hồ sơ" and is not linked from
an index."""

from __future__ import annotations

from datetime import date
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.archives import (
    bag,
    deadlines,
    index_print,
    services_access,
    services_files,
    services_holds,
    workflow,
)
from vanphong.archives.forms_files import (
    AUTO,
    CloseForm,
    FileEditForm,
    FileFilterForm,
    FileOpenForm,
    ItemAddForm,
    ItemMoveForm,
    PagesForm,
    ReopenForm,
)
from vanphong.archives.models import FileItem, FilePlan, FileStatus, PlanEntry, RecordFile
from vanphong.archives.selectors import file_get_visible, files_visible
from vanphong.archives.selectors_files import (
    compiling_units,
    files_filtered,
    files_holding,
    items_of,
    open_files_for,
)
from vanphong.archives.suggest import suggest_files
from vanphong.core import fileables, paging
from vanphong.core.forms import attempt
from vanphong.documents.selectors import unit_grants
from vanphong.org.models import Person, Unit

PER_PAGE = 50


def crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Hồ sơ"), reverse("archives:file_list")), *extra]


def _file_crumbs(file: RecordFile) -> list[tuple[str, str]]:
    return crumbs((file.code, reverse("archives:file_detail", args=[file.uuid])))


def _seen_units(person: Person) -> QuerySet[Unit]:
    ids: set[int] = set(compiling_units(person))
    for units in unit_grants(person).values():
        ids.update(units)
    return Unit.objects.filter(pk__in=ids).order_by("sort_order", "name")


def _compiling(person: Person) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=compiling_units(person), is_active=True).order_by(
        "sort_order", "name"
    )


@login_required
@require_GET
def file_list(request: HttpRequest) -> HttpResponse:
    person = cast(Person, request.user)
    units = list(_seen_units(person))
    form = FileFilterForm(request.GET or None, units=units)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        by_uuid = {str(u.uuid): u for u in units}
        filters = {
            "unit": by_uuid.get(data["don_vi"]),
            "year": data["nam"],
            "status": data["trang_thai"],
            "retention": data["thoi_han"],
        }
    found = files_filtered(person, **filters)
    pages = paging.pages(
        total=found.count(), number=request.GET.get(paging.PARAM), per_page=PER_PAGE
    )
    index_unit, index_year = filters.get("unit"), filters.get("year")
    return render(
        request,
        "archives/file_list.html",
        {
            "title": _("Hồ sơ"),
            "form": form,
            "files": found[pages.start : pages.end],
            "pages": pages,
            "may_open": bool(compiling_units(person)),
            "index_unit": index_unit,
            "index_year": index_year,
        },
    )


@login_required
@require_GET
def file_detail(request: HttpRequest, file_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    file = file_get_visible(person, file_uuid)
    items = list(items_of(file))
    seen = fileables.describe_many(person, [(i.kind, i.source_uuid) for i in items])
    lines = [(item, seen.get((item.kind, item.source_uuid))) for item in items]
    compiles = workflow.may_compile(person, file.unit)
    is_open = file.status == FileStatus.OPEN
    services_access.file_read_record(actor=person, file=file)
    archived = file.archive_unit is not None and file.status in (
        FileStatus.TRANSFERRED,
        FileStatus.DESTROYED,
    )
    return render(
        request,
        "archives/file_detail.html",
        {
            "holds": services_holds.holds_on_file(person, file),
            "may_keep_back": file.status == FileStatus.CLOSED
            and deadlines.is_transferable(file)
            and workflow.may_approve_plan(person, file.unit),
            "may_place": archived
            and file.status == FileStatus.TRANSFERRED
            and file.archive_unit is not None
            and workflow.is_archivist(person, file.archive_unit, file.confidentiality),
            "may_export": file.is_permanent
            and file.status == FileStatus.TRANSFERRED
            and bag.may_export(person, file),
            "transfer_due": deadlines.transfer_deadline(file),
            "title": _("Hồ sơ %(code)s") % {"code": file.code},
            "file": file,
            "lines": lines,
            "may_edit": compiles and is_open,
            "may_close": compiles and is_open,
            "may_reopen": file.status == FileStatus.CLOSED
            and file.transfer_id is None
            and services_files.may_reopen(person, file),
            "needs_pages": services_files.needs_page_numbers(file),
            "retention": services_files.retention_label(file.retention_years),
            "move_form": ItemMoveForm(),
            "crumbs": crumbs(),
        },
    )


def _entries(person: Person, units: list[Unit]) -> list[tuple[str, str]]:
    entries = (
        PlanEntry.objects.filter(
            plan__unit__in=units, plan__year__gte=timezone.localdate().year - 1
        )
        .select_related("plan__unit")
        .order_by("-plan__year", "plan__unit_id", "code")[:300]
    )
    return [
        (str(e.uuid), f"{e.plan.year} · {e.plan.unit.name} · {e.code} {e.title}") for e in entries
    ]


@login_required
@require_http_methods(["GET", "POST"])
def file_open(request: HttpRequest) -> HttpResponse:
    person = cast(Person, request.user)
    units = list(_compiling(person))
    if not units:
        raise Http404
    today = timezone.localdate()
    form = FileOpenForm(
        request.POST or None,
        units=units,
        entries=_entries(person, units),
        initial={"year": today.year, "opened_on": today},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = next(u for u in units if str(u.uuid) == data["unit"])
        entry = None
        if data["plan_entry"]:
            entry = PlanEntry.objects.filter(
                uuid=data["plan_entry"], plan__in=FilePlan.objects.filter(unit__in=units)
            ).first()
        file = attempt(
            form,
            lambda: services_files.file_open(
                actor=person,
                unit=unit,
                year=data["year"],
                plan_entry=entry,
                code=data["code"],
                title=data["title"],
                retention_years=data["retention_years"],
                permanent=data["permanent"],
                responsible=person,
                opened_on=data["opened_on"],
                note=data["note"],
            ),
        )
        if file is not None:
            messages.success(request, _("Đã mở hồ sơ %(code)s.") % {"code": file.code})
            kind, source = request.GET.get("loai", ""), request.GET.get("ma", "")
            if kind and source:
                return redirect(f"{reverse('archives:file_add_item')}?loai={kind}&ma={source}")
            return redirect("archives:file_detail", file.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Mở hồ sơ"),
            "form": form,
            "submit_label": _("Mở hồ sơ"),
            "cancel_url": reverse("archives:file_list"),
            "crumbs": crumbs(),
        },
    )


def _compiled_file(person: Person, file_uuid: UUID) -> RecordFile:
    file = file_get_visible(person, file_uuid)
    return file


@login_required
@require_http_methods(["GET", "POST"])
def file_edit(request: HttpRequest, file_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    file = _compiled_file(person, file_uuid)
    form = FileEditForm(
        request.POST or None,
        initial={
            "code": file.code,
            "title": file.title,
            "retention_years": file.retention_years,
            "permanent": file.retention_years is None,
            "note": file.note,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            lambda: services_files.file_update(
                actor=person,
                file=file,
                code=data["code"],
                title=data["title"],
                retention_years=data["retention_years"],
                permanent=data["permanent"],
                responsible=file.responsible,
                note=data["note"],
            ),
        )
        if done is not None:
            messages.success(request, _("Đã lưu hồ sơ."))
            return redirect("archives:file_detail", file.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Sửa hồ sơ %(code)s") % {"code": file.code},
            "form": form,
            "submit_label": _("Lưu"),
            "cancel_url": reverse("archives:file_detail", args=[file.uuid]),
            "crumbs": _file_crumbs(file),
        },
    )


def _item_of(file: RecordFile, item_uuid: UUID) -> FileItem:
    item = FileItem.objects.filter(file=file, uuid=item_uuid).first()
    if item is None:
        raise Http404
    return item


def _flash(request: HttpRequest, form: Any) -> None:
    for errors in form.errors.values():
        for text in errors:
            messages.error(request, text)


@login_required
@require_POST
def file_item_remove(request: HttpRequest, file_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    file = file_get_visible(person, file_uuid)
    item = _item_of(file, item_uuid)
    form = ItemMoveForm()
    if attempt(form, lambda: services_files.item_remove(actor=person, file=file, item=item)):
        messages.success(request, _("Đã bỏ văn bản khỏi hồ sơ."))
    _flash(request, form)
    return redirect("archives:file_detail", file.uuid)


@login_required
@require_POST
def file_item_move(request: HttpRequest, file_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    file = file_get_visible(person, file_uuid)
    item = _item_of(file, item_uuid)
    form = ItemMoveForm(request.POST)
    if form.is_valid():
        position = form.cleaned_data["position"]
        if attempt(
            form,
            lambda: services_files.item_move(actor=person, file=file, item=item, position=position),
        ):
            messages.success(request, _("Đã chuyển văn bản đến vị trí %(n)s.") % {"n": position})
    _flash(request, form)
    return redirect("archives:file_detail", file.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def file_number_pages(request: HttpRequest, file_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    file = file_get_visible(person, file_uuid)
    form = PagesForm(request.POST or None, items=items_of(file))
    if request.method == "POST" and form.is_valid():
        manual = None if form.cleaned_data["mode"] == AUTO else form.manual()
        done = attempt(
            form,
            lambda: services_files.items_number_pages(actor=person, file=file, manual=manual),
        )
        if done is not None:
            messages.success(request, _("Đã đánh số tờ."))
            return redirect("archives:file_detail", file.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Đánh số tờ hồ sơ %(code)s") % {"code": file.code},
            "intro": _(
                "Tờ được đánh số liên tục từ 1 theo thứ tự văn bản trong hồ sơ, không bỏ sót, "
                "không trùng. Hồ sơ bảo quản từ 5 năm trở lên phải đánh số tờ trước khi kết thúc."
            ),
            "form": form,
            "submit_label": _("Đánh số tờ"),
            "cancel_url": reverse("archives:file_detail", args=[file.uuid]),
            "crumbs": _file_crumbs(file),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def file_close(request: HttpRequest, file_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    file = file_get_visible(person, file_uuid)
    form = CloseForm(request.POST or None, initial={"work_ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ended: date = form.cleaned_data["work_ended_on"]
        done = attempt(
            form,
            lambda: services_files.file_close(actor=person, file=file, work_ended_on=ended),
        )
        if done is not None:
            messages.success(request, _("Đã kết thúc hồ sơ %(code)s.") % {"code": file.code})
            return redirect("archives:file_detail", file.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Kết thúc hồ sơ %(code)s") % {"code": file.code},
            "intro": _(
                "Khi kết thúc, hồ sơ lấy thời hạn bảo quản của văn bản có giá trị nhất; không "
                "thêm, bớt văn bản được nữa."
            ),
            "form": form,
            "submit_label": _("Kết thúc hồ sơ"),
            "cancel_url": reverse("archives:file_detail", args=[file.uuid]),
            "crumbs": _file_crumbs(file),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def file_reopen(request: HttpRequest, file_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    file = file_get_visible(person, file_uuid)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        done = attempt(
            form, lambda: services_files.file_reopen(actor=person, file=file, reason=reason)
        )
        if done is not None:
            messages.success(request, _("Đã mở lại hồ sơ %(code)s.") % {"code": file.code})
            return redirect("archives:file_detail", file.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Mở lại hồ sơ %(code)s") % {"code": file.code},
            "form": form,
            "submit_label": _("Mở lại"),
            "danger": True,
            "cancel_url": reverse("archives:file_detail", args=[file.uuid]),
            "crumbs": _file_crumbs(file),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def file_add_item(request: HttpRequest) -> HttpResponse:
    """ "Đưa vào hồ sơ": the document (`?loai=incoming&ma=<uuid>`), the files that already
    hold it, the suggested files, and the choice of the person's open files."""
    person = cast(Person, request.user)
    kind = request.GET.get("loai", "")
    info = fileables.describe(person, kind, request.GET.get("ma", ""))
    if info is None:
        raise Http404
    year = info.document_date.year if info.document_date else timezone.localdate().year
    # The document's own unit's files; for a thing kept by a unit one does not compile for (a
    # committee's weekly schedule, filed by its Office), the files of the units one compiles for.
    units = list(_compiling(person))
    own = [u for u in units if u.pk == info.unit_id]
    suggested: list[RecordFile] = []
    for unit in own or units[:5]:
        suggested += suggest_files(person=person, unit=unit, year=year, text=info.title)
    suggested = suggested[:5]
    choices = list(open_files_for(person))
    ordered = suggested + [f for f in choices if f not in suggested]
    form = ItemAddForm(request.POST or None, files=ordered)
    if suggested and not form.is_bound:
        form.initial["file"] = str(suggested[0].uuid)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        file = next(f for f in ordered if str(f.uuid) == data["file"])
        filed = attempt(
            form,
            lambda: services_files.item_add(
                actor=person,
                file=file,
                kind=kind,
                source_uuid=info.uuid,
                note=data["note"],
                retention_years=data["retention_years"],
                permanent=data["permanent"],
            ),
        )
        if filed is not None:
            messages.success(request, _("Đã đưa vào hồ sơ %(code)s.") % {"code": file.code})
            if filed.elsewhere:
                messages.info(
                    request,
                    _("Văn bản này cũng có trong hồ sơ: %(files)s.")
                    % {"files": ", ".join(f"{f.code} {f.title}" for f in filed.elsewhere)},
                )
            return redirect("archives:file_detail", file.uuid)
    provider = fileables.fileable(kind)
    return render(
        request,
        "archives/file_add_item.html",
        {
            "title": _("Đưa vào hồ sơ"),
            "info": info,
            "kind_label": provider.label if provider is not None else kind,
            "form": form,
            "suggested": suggested,
            "holding": list(files_holding(person, kind, info.uuid)),
            "has_files": bool(ordered),
            "open_url": f"{reverse('archives:file_open')}?loai={kind}&ma={info.uuid}",
            "crumbs": crumbs(),
        },
    )


def _download(content: bytes, file_format: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=index_print.CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@login_required
@require_GET
def file_index_export(request: HttpRequest, file_uuid: UUID, file_format: str) -> HttpResponse:
    """The file's document index (mục lục văn bản)."""
    person = cast(Person, request.user)
    if file_format not in index_print.CONTENT_TYPES:
        raise Http404
    file = file_get_visible(person, file_uuid)
    content = index_print.item_index(file, items_of(file), file_format)
    return _download(content, file_format, f"muc-luc-van-ban-{file.year}-{file.code}")


@login_required
@require_GET
def file_list_export(request: HttpRequest, file_format: str) -> HttpResponse:
    """A unit's index of files (mục lục hồ sơ) for a year: the files the reader sees."""
    person = cast(Person, request.user)
    if file_format not in index_print.CONTENT_TYPES:
        raise Http404
    unit = _seen_units(person).filter(uuid=_uuid_or_404(request.GET.get("don_vi", ""))).first()
    year = request.GET.get("nam", "")
    if unit is None or not year.isdigit():
        raise Http404
    files = (
        files_visible(person)
        .filter(unit=unit, year=int(year))
        .exclude(status=FileStatus.DESTROYED)
        .order_by("code", "id")
    )
    content = index_print.file_index(unit, int(year), files, file_format)
    return _download(content, file_format, f"muc-luc-ho-so-{year}")


def _uuid_or_404(value: str) -> UUID:
    key = fileables.as_uuid(value)
    if key is None:
        raise Http404
    return key
