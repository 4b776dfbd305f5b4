"""Pages of the weekly schedule: parse, fetch through a scoped selector, call one service."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core import paging
from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import attempt
from vanphong.core.vietnamese import parse_number_symbol
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Person, Unit
from vanphong.planning import (
    feeds,
    list_filters,
    printing,
    selectors,
    services,
    services_schedule,
    week,
)
from vanphong.planning.conflicts import Conflict, ConflictError, EntryData, unresolved
from vanphong.planning.forms import (
    AmendForm,
    EntryForm,
    FeedForm,
    OpenWeekForm,
    ReasonForm,
    RoomForm,
)
from vanphong.planning.models import Entry, FeedToken, Schedule, ScheduleVersion, VersionStatus
from vanphong.planning.selectors import leaders_of

WEEKS = 50  # schedules on a page of the list


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


# --- the list of weeks ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def schedules(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    committees = Unit.objects.filter(pk__in=[u.pk for u in selectors.compiles_for(person)])
    form = OpenWeekForm(
        request.POST or None,
        committees=committees,
        initial={"day": timezone.localdate() + timedelta(days=7)},
    )
    if request.method == "POST" and form.is_valid():
        version = attempt(
            form,
            lambda: services_schedule.schedule_open(
                actor=person,
                committee=form.cleaned_data["committee"],
                kind=form.cleaned_data["kind"],
                day=form.cleaned_data["day"],
            ),
        )
        if version is not None:
            return redirect("planning:schedule", version.schedule.uuid)
    found = list_filters.schedules_narrowed(selectors.schedules_visible(person), request.GET)
    # One COUNT for the total and the page numbers.
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=WEEKS)
    weeks = found.order_by("-monday", "committee__sort_order", "kind").prefetch_related("versions")[
        pages.start : pages.end
    ]
    return render(
        request,
        "planning/schedules.html",
        {
            "title": _("Lịch công tác tuần"),
            "weeks": weeks,
            "pages": pages,
            "form": form if committees else None,
        },
    )


# --- one week ---------------------------------------------------------------------------------


def _schedule(request: HttpRequest, schedule_uuid: UUID | str) -> Schedule:
    return get_visible_or_404(selectors.schedules_visible(_actor(request)), schedule_uuid)


def _shown_version(request: HttpRequest, schedule: Schedule) -> ScheduleVersion:
    versions = selectors.versions_visible(_actor(request), schedule)
    raw = request.GET.get("ban", "")
    if raw.isdigit() and len(raw) < 4:
        found = versions.filter(number=int(raw)).first()
    else:
        found = versions.order_by("-number").first()
    if found is None:
        raise Http404
    return found


@login_required
@require_GET
def schedule(request: HttpRequest, schedule_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    item = _schedule(request, schedule_uuid)
    version = _shown_version(request, item)
    shown = week.build(version, person)
    committee = item.committee
    compiler = selectors.can_compile(person, committee)
    approver = selectors.can_approve(person, committee)
    shown.can_edit = compiler and version.status == VersionStatus.DRAFT
    open_conflicts = (
        unresolved(version, reader=person)
        if version.status == VersionStatus.DRAFT and compiler
        else []
    )
    # Each clashing entry as the grid shows it to the person: "Bận" where it is secret to them.
    rows = {row.entry.pk: row for day in shown.days for rs in day.sessions.values() for row in rs}
    return render(
        request,
        "planning/schedule.html",
        {
            "title": item.title,
            "schedule": item,
            "version": version,
            "week": shown,
            "versions": selectors.versions_visible(person, item).order_by("-number"),
            "can_edit": compiler and version.status == VersionStatus.DRAFT,
            "can_approve": approver and version.status == VersionStatus.DRAFT,
            "can_publish": approver and version.status == VersionStatus.APPROVED,
            "can_amend": compiler
            and version.status == VersionStatus.PUBLISHED
            and selectors.open_version(item) is None,
            "conflicts": [(rows[entry.pk], conflict) for entry, conflict in open_conflicts],
        },
    )


def _documents(person: Person, text: str) -> tuple[list[IncomingDocument], list[OutgoingDocument]]:
    """The documents named by number-symbol, one per line, among those the person sees."""
    incoming: list[IncomingDocument] = []
    outgoing: list[OutgoingDocument] = []
    unknown: list[str] = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        try:
            key = parse_number_symbol(line).key
        except ValueError:
            unknown.append(line)
            continue
        found_out = outgoing_visible(person).filter(symbol_key=key).order_by("-issued_on").first()
        found_in = incoming_visible(person).filter(symbol_key=key).order_by("-received_at").first()
        if found_out is not None:
            outgoing.append(found_out)
        elif found_in is not None:
            incoming.append(found_in)
        else:
            unknown.append(line)
    if unknown:
        raise ValidationError(
            {"documents": _("Không tìm thấy văn bản: %(lines)s.") % {"lines": "; ".join(unknown)}}
        )
    return incoming, outgoing


def _overrides(post: QueryDict) -> dict[str, str]:
    return {
        key.removeprefix("override-"): post.get(key, "")
        for key in post
        if key.startswith("override-") and post.get(key, "").strip()
    }


def _entry_form(request: HttpRequest, version: ScheduleVersion, **kwargs: Any) -> EntryForm:
    committee = version.schedule.committee
    return EntryForm(
        request.POST or None,
        monday=version.schedule.monday,
        leaders=leaders_of(committee),
        rooms=selectors.rooms_of(committee),
        units=Unit.objects.filter(is_active=True).order_by("sort_order", "name"),
        **kwargs,
    )


def _entry_page(
    request: HttpRequest,
    version: ScheduleVersion,
    entry: Entry | None,
) -> HttpResponse:
    person = _actor(request)
    schedule_ = version.schedule
    initial: dict[str, Any] = {"day": schedule_.monday.isoformat()}
    if entry is not None:
        initial = {
            "day": entry.day.isoformat(),
            "session": entry.session,
            "starts_at": entry.starts_at,
            "ends_at": entry.ends_at,
            "content": entry.content,
            "leaders": [a.person.uuid for a in entry.attendance.select_related("person")],
            "room": entry.room.uuid if entry.room else None,
            "place": entry.place,
            "units": [u.uuid for u in entry.unit_list()],
            "preparing_unit": entry.preparing_unit.uuid if entry.preparing_unit else None,
            # Only the documents the compiler may open: a number-symbol names its document.
            "documents": "\n".join(
                [d.number_symbol for d in incoming_visible(person).filter(schedule_entries=entry)]
                + [d.number_symbol for d in outgoing_visible(person).filter(schedule_entries=entry)]
            ),
            "note": entry.note,
            "confidentiality": entry.confidentiality,
        }
    form = _entry_form(request, version, initial=initial)
    conflicts: list[Conflict] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            incoming, outgoing = _documents(person, data["documents"])
            entry_data = EntryData(
                day=data["day"],
                session=data["session"],
                content=data["content"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                room=data["room"],
                place=data["place"],
                preparing_unit=data["preparing_unit"],
                note=data["note"],
                confidentiality=data["confidentiality"],
                leaders=list(data["leaders"]),
                units=list(data["units"]),
                incoming=incoming,
                outgoing=outgoing,
            )
            overrides = _overrides(request.POST)
            if entry is None:
                services_schedule.entry_add(
                    actor=person, version=version, data=entry_data, overrides=overrides
                )
            else:
                services_schedule.entry_update(
                    actor=person, entry=entry, data=entry_data, overrides=overrides
                )
        except ConflictError as error:
            conflicts = error.conflicts
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã lưu mục lịch."))
            return redirect("planning:schedule", schedule_.uuid)
    return render(
        request,
        "planning/entry_form.html",
        {
            "title": _("Sửa mục lịch") if entry else _("Thêm mục lịch"),
            "schedule": schedule_,
            "version": version,
            "form": form,
            "conflicts": conflicts,
            "reasons": _overrides(request.POST) if request.method == "POST" else {},
        },
    )


def _editable_version(request: HttpRequest, version_uuid: UUID) -> ScheduleVersion:
    version = get_visible_or_404(
        ScheduleVersion.objects.select_related("schedule__committee"), version_uuid
    )
    _schedule(request, version.schedule.uuid)  # 404 unless the person sees the week
    if not selectors.can_compile(_actor(request), version.schedule.committee):
        raise Http404
    return version


@login_required
@require_http_methods(["GET", "POST"])
def entry_add(request: HttpRequest, version_uuid: UUID) -> HttpResponse:
    return _entry_page(request, _editable_version(request, version_uuid), None)


def _entry(request: HttpRequest, entry_uuid: UUID) -> Entry:
    entry = get_visible_or_404(Entry.objects.select_related("version__schedule"), entry_uuid)
    version = _editable_version(request, entry.version.uuid)
    # An entry the person sees as "Bận" has no form for them: its form shows the content.
    if not selectors.sees_entry(
        _actor(request), entry, selectors.clearance_units(version.schedule.committee)
    ):
        raise Http404
    return entry


@login_required
@require_http_methods(["GET", "POST"])
def entry_update(request: HttpRequest, entry_uuid: UUID) -> HttpResponse:
    entry = _entry(request, entry_uuid)
    return _entry_page(request, entry.version, entry)


@login_required
@require_POST
def entry_remove(request: HttpRequest, entry_uuid: UUID) -> HttpResponse:
    entry = _entry(request, entry_uuid)
    schedule_uuid = entry.version.schedule.uuid
    try:
        services_schedule.entry_remove(actor=_actor(request), entry=entry)
        messages.success(request, _("Đã bỏ mục lịch."))
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect("planning:schedule", schedule_uuid)


def _version_for(request: HttpRequest, version_uuid: UUID) -> ScheduleVersion:
    version = get_visible_or_404(
        ScheduleVersion.objects.select_related("schedule__committee"), version_uuid
    )
    visible = selectors.versions_visible(_actor(request), _schedule(request, version.schedule.uuid))
    if not visible.filter(pk=version.pk).exists():
        raise Http404
    return version


@login_required
@require_POST
def version_approve(request: HttpRequest, version_uuid: UUID) -> HttpResponse:
    version = _version_for(request, version_uuid)
    try:
        services_schedule.schedule_approve(actor=_actor(request), version=version)
        messages.success(request, _("Đã duyệt lịch; có thể phát hành."))
    except ConflictError as error:
        shown = error.messages[:5]
        more = len(error.messages) - len(shown)
        if more:
            shown.append(_("và %(n)s trùng lịch khác.") % {"n": more})
        messages.error(request, _("Chưa duyệt được: còn trùng lịch chưa xử lý. ") + " ".join(shown))
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect(_version_url(version))


@login_required
@require_POST
def version_publish(request: HttpRequest, version_uuid: UUID) -> HttpResponse:
    version = _version_for(request, version_uuid)
    try:
        services_schedule.schedule_publish(actor=_actor(request), version=version)
        messages.success(request, _("Đã phát hành lịch tới các đơn vị."))
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect(_version_url(version))


def _version_url(version: ScheduleVersion) -> str:
    return reverse("planning:schedule", args=[version.schedule.uuid]) + f"?ban={version.number}"


@login_required
@require_http_methods(["GET", "POST"])
def version_return(request: HttpRequest, version_uuid: UUID) -> HttpResponse:
    version = _version_for(request, version_uuid)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            lambda: services_schedule.schedule_return(
                actor=_actor(request), version=version, reason=form.cleaned_data["reason"]
            ),
        )
        if done is not None:
            messages.success(request, _("Đã trả lại để sửa."))
            return redirect(_version_url(version))
    return _simple_form(request, _("Trả lại bản lịch"), form, _version_url(version))


@login_required
@require_http_methods(["GET", "POST"])
def version_amend(request: HttpRequest, version_uuid: UUID) -> HttpResponse:
    version = _version_for(request, version_uuid)
    form = AmendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        amendment = attempt(
            form,
            lambda: services_schedule.schedule_amend(
                actor=_actor(request), version=version, note=form.cleaned_data["change_note"]
            ),
        )
        if amendment is not None:
            messages.success(request, _("Đã lập bản điều chỉnh; sửa rồi trình duyệt lại."))
            return redirect(_version_url(amendment))
    return _simple_form(request, _("Điều chỉnh lịch đã phát hành"), form, _version_url(version))


def _simple_form(request: HttpRequest, title: str, form: Any, back: str) -> HttpResponse:
    return render(
        request,
        "planning/simple_form.html",
        {"title": title, "form": form, "cancel_url": back, "submit_label": title},
    )


# --- print, lobby --------------------------------------------------------------------------


@login_required
@require_GET
def version_print(request: HttpRequest, version_uuid: UUID, extension: str) -> HttpResponse:
    version = _version_for(request, version_uuid)
    shown = week.build(version, _actor(request))
    if extension == "pdf":
        body, content_type = printing.pdf(shown), "application/pdf"
    else:
        body = printing.docx(shown)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{printing.filename(shown, extension)}"'
    )
    return response


LOBBY_REFRESH_SECONDS = 60


@login_required
@require_GET
def lobby(request: HttpRequest, committee_uuid: UUID) -> HttpResponse:
    """The week on a screen in the hall: full screen, published entries only, refreshing."""
    committee = get_visible_or_404(Unit.objects.all(), committee_uuid)
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    weeks = []
    for item in Schedule.objects.filter(committee=committee, monday=monday).order_by("kind"):
        published = selectors.current_published(item)
        if published is not None:
            weeks.append(week.build(published, _actor(request)))
    context = {
        "title": committee.name,
        "weeks": weeks,
        "today": today,
        "refresh": LOBBY_REFRESH_SECONDS,
        "committee": committee,
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "planning/_lobby_weeks.html", context)
    return render(request, "planning/lobby.html", context)


# --- rooms and calendar feeds -----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def rooms(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    committees = Unit.objects.filter(pk__in=[u.pk for u in selectors.compiles_for(person)])
    form = RoomForm(request.POST or None, committees=committees)
    if request.method == "POST" and form.is_valid():
        room = attempt(
            form,
            lambda: services.room_create(
                actor=person,
                committee=form.cleaned_data["committee"],
                name=form.cleaned_data["name"],
                address=form.cleaned_data["address"],
                capacity=form.cleaned_data["capacity"],
            ),
        )
        if room is not None:
            messages.success(request, _("Đã thêm phòng họp."))
            return redirect("planning:rooms")
    return render(
        request,
        "planning/rooms.html",
        {
            "title": _("Phòng họp"),
            "rooms": selectors.rooms_visible(person).order_by("committee__sort_order", "name"),
            "form": form if committees else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def feeds_page(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    from vanphong.org.selectors import units_visible

    units = units_visible(person).order_by("sort_order", "name")
    leaders = Person.objects.filter(
        Q(pk__in=selectors.leaders_among(units).values("pk")) | Q(pk=person.pk)
    ).order_by("full_name")
    form = FeedForm(
        request.POST or None, people=leaders, rooms=selectors.rooms_visible(person), units=units
    )
    created = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = attempt(
            form,
            lambda: services.feed_create(
                actor=person,
                scope=data["scope"],
                person=data["person"],
                room=data["room"],
                unit=data["unit"],
            ),
        )
    mine = FeedToken.objects.filter(owner=person).select_related("person", "room", "unit")
    return render(
        request,
        "planning/feeds.html",
        {
            "title": _("Lịch trên điện thoại (iCalendar)"),
            "form": form,
            "feeds": mine.order_by("-created_at"),
            "created_url": request.build_absolute_uri(
                reverse("planning:ical", args=[created.token])
            )
            if created is not None
            else "",
        },
    )


@login_required
@require_POST
def feed_revoke(request: HttpRequest, feed_uuid: UUID) -> HttpResponse:
    feed = get_visible_or_404(FeedToken.objects.filter(owner=_actor(request)), feed_uuid)
    try:
        services.feed_revoke(actor=_actor(request), feed=feed)
        messages.success(request, _("Đã thu hồi liên kết; lịch đã đăng ký sẽ không cập nhật nữa."))
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect("planning:feeds")


@require_GET
def ical(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself: no login (a phone cannot log in); the unguessable token is the key,
    and a revoked token, or one whose owner left, is a 404 like an unknown one."""
    feed = (
        FeedToken.objects.filter(
            digest=services.feed_digest(token[:200]),
            revoked_at__isnull=True,
            owner__is_active=True,
        )
        .select_related("owner", "person", "room", "unit")
        .first()
    )
    if feed is None:
        raise Http404
    response = HttpResponse(feeds.calendar(feed), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
