"""The denouncer sweep's world: the secrecy sweep's world (every route filled) plus two
denunciations whose petitioners carry markers, and every person around them.

One denunciation is in the province Office's book, handled by a reception officer the Office's
leader chose, classified, forwarded to the Inspection Committee with a forwarding note that was
approved, signed, issued to Hòa Thành (where the people denounced work: its clerk registers the
copy) — the other in Châu Thành's book, registered as a proposal, taken by its reception
officer and classified a denunciation, its scan added then, forwarded without a note issued.
The daily reminder has run and the search index is drained.

A denouncer received at the province's reception session ("V") is recorded as a visit with a
scan of what was handed in, by the same officer.

Each petitioner's name, address, place of issue and scan (its name and the text inside) carry
a marker of their own, "ZQX-<KIND>" (read by `sweep.kinds_in`); the identity numbers and phones
are digits, read as `symbols` (by `sweep.symbols_in`). Letter "T" is the province's, "H" the
district's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.security.sweep_world import SweepWorld, _feeds, _pdf, build
from tests.support import personas
from tests.support.documents import register_delivery
from vanphong.api.services import token_create
from vanphong.core.numbering import allocate
from vanphong.core.vietnamese import fold
from vanphong.documents import services_outgoing
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Person
from vanphong.petitions import (
    reminders,
    services_forward,
    services_handling,
    services_reception,
)
from vanphong.petitions import services as petition_services
from vanphong.petitions.models import Eligibility, Forward, Letter, ReceptionSession, Visit
from vanphong.search import engine

LETTERS = ("T", "H")  # the province's denunciation, the district's
CASES = (*LETTERS, "V")  # and a denouncer received at the province's reception session


def markers(letter: str) -> dict[str, str]:
    """The marked identity values of a letter's denouncer, by kind (the kind names the field
    and the letter: TENT is the province's denouncer's name)."""
    return {
        f"TEN{letter}": f"Quách Thị ZQX-TEN{letter}",
        f"DIACHI{letter}": f"Số 7 ấp ZQX-DIACHI{letter}, xã Trường Hòa",
        f"NOICAP{letter}": f"Công an tỉnh ZQX-NOICAP{letter}",
        f"BUTTICH{letter}": f"ZQX-BUTTICH{letter}",  # the scan's file name and its text
    }


def numbers(letter: str) -> dict[str, str]:
    """The denouncer's identity number and phone (digits, no marker can be written in them)."""
    last = {"T": "111", "H": "222", "V": "333"}[letter]
    return {f"CCCD{letter}": f"079187000{last}", f"SDT{letter}": f"0912777{last}"}


def kinds(letter: str) -> set[str]:
    return {*markers(letter), *numbers(letter)}


def identity(letter: str) -> petition_services.CitizenData:
    found = markers(letter)
    digits = numbers(letter)
    return petition_services.CitizenData(
        full_name=found[f"TEN{letter}"],
        id_number=digits[f"CCCD{letter}"],
        id_issued=found[f"NOICAP{letter}"],
        address=found[f"DIACHI{letter}"],
        phone=digits[f"SDT{letter}"],
    )


# Every persona of the sweep and who they are. The denunciations' readers are computed by
# `workflow.may_read_identity`; READERS is what the law says it must come to.
PERSONAS = {
    "province_handler": "the province's letter's handler, a reception officer of the Office",
    "province_office_leader": "the province Office's leader (Chánh Văn phòng)",
    "secretary": "the provincial Secretary (Bí thư), a leader of the committee",
    "province_reception": "another reception officer of the Office, who registered the letter",
    "province_specialist": "a specialist of the province's Office",
    "province_clerk": "the province Office's clerk, who issued the forwarding note",
    "province_admin": "the province's administrator (quản trị)",
    "superuser": "the installation's superuser",
    "district_handler": "the district's letter's handler, Châu Thành's reception officer",
    "chau_thanh_office_leader": "Châu Thành Office's leader",
    "chau_thanh_leader": "Châu Thành's committee leader (another unit's leader for T)",
    "chau_thanh_clerk": "Châu Thành Office's clerk",
    "hoa_thanh_clerk": "the clerk of Hòa Thành, where the people denounced work: the note's "
    "recipient",
}
READERS = {
    "T": {"province_handler", "province_office_leader", "secretary"},
    "V": {"province_handler", "province_office_leader", "secretary"},
    "H": {"district_handler", "chau_thanh_office_leader", "chau_thanh_leader"},
}


@dataclass
class DenouncerWorld(SweepWorld):
    people: dict[str, Person] = field(default_factory=dict)
    letters: dict[str, Letter] = field(default_factory=dict)  # "T", "H"
    forwards: dict[str, Forward] = field(default_factory=dict)
    visit: Visit | None = None  # "V", received by the province's letter's handler
    note_copy: IncomingDocument | None = None  # the note as Hòa Thành registered it
    outbox: list[Any] = field(default_factory=list)  # the emails sent while building

    def person(self, name: str) -> Person:
        if name in self.people:
            return self.people[name]
        return super().person(name)

    @property
    def notes(self) -> list[OutgoingDocument]:
        return [forward.note for forward in self.forwards.values() if forward.note is not None]

    def more_objects(self, persona: str) -> dict[str, list[Any]]:
        copies = [self.note_copy] if self.note_copy is not None else []
        return {
            "document_uuid": [*self.notes, *copies],
            "forward_uuid": list(self.forwards.values()),
            "delivery_uuid": [d for note in self.notes for d in note.deliveries.all()],
        }

    def more_attached(self) -> list[IncomingDocument | OutgoingDocument]:
        copies: list[IncomingDocument | OutgoingDocument] = (
            [self.note_copy] if self.note_copy is not None else []
        )
        return [*self.notes, *copies]

    def more_queries(self, route: str) -> list[dict[str, str]]:
        """The denouncers looked for by name, folded and typed, by number and by phone, on
        every search and every filtered list."""
        name_t, name_h = markers("T")["TENT"], markers("H")["TENH"]
        wanted = [fold(name_t), name_h, numbers("T")["CCCDT"]]
        if route in {"search:results", "search:suggest", "api:vanphong_search_api_search"}:
            return [{"q": text} for text in wanted]
        if route == "petitions:letters":
            return [{"text": text} for text in wanted]
        if route.startswith("api:") and "petition" in route:
            # The petitions API's lists (their search parameter's name is not known here:
            # the usual ones are tried, an unknown one is ignored).
            return [{"q": text, "text": text, "search": text} for text in wanted]
        return []

    def symbols(self) -> dict[str, str]:
        return {**super().symbols(), **{k: v for x in CASES for k, v in numbers(x).items()}}


def _people(world: SweepWorld) -> dict[str, Person]:
    p = world.docs.p
    added = {
        "province_handler": personas.cast(p, "td2.tinh"),
        "secretary": personas.cast(p, "bithu"),
        "province_reception": Person.objects.get(username="tiepdan.quet"),  # sweep_world's
        "district_handler": personas.cast(p, "td.chauthanh"),
    }
    return {name: added[name] if name in added else world.person(name) for name in PERSONAS}


def build_denouncer_world() -> DenouncerWorld:
    base = build()
    world = DenouncerWorld(**{name: getattr(base, name) for name in base.__dataclass_fields__})
    world.people = _people(world)
    p = world.docs.p
    who = world.people
    today = world.today
    mail.outbox = []

    # --- the province's denunciation: registered, assigned, classified, forwarded ----------
    # The secrecy world wrote this year's first letter as a row, past the book's counter.
    allocate(petition_services.series(p.province_office, today.year))
    province = petition_services.letter_register(
        actor=who["province_reception"],
        unit=p.province_office,
        received_on=today,
        channel="post",
        summary="Tố cáo cán bộ xã nhận tiền khi cấp giấy chứng nhận quyền sử dụng đất",
        denunciation=True,
        citizens=[identity("T")],
        field=_land(),
        place="xã Trường Hòa, huyện Hòa Thành",
        subject="Cán bộ địa chính xã Trường Hòa",
        files=[_pdf(markers("T")["BUTTICHT"])],
    )
    province = services_handling.letter_handler_assign(
        actor=world.docs.province_office_leader, letter=province, handler=who["province_handler"]
    )
    province = services_handling.letter_classify(
        actor=who["province_handler"], letter=province, eligibility=Eligibility.ELIGIBLE
    )
    province_forward = services_forward.letter_forward(
        actor=who["province_handler"],
        letter=province,
        to_body="Ủy ban Kiểm tra Huyện ủy Hòa Thành",
        to_unit=p.hoa_thanh,
        forwarded_on=today,
    )
    note = province_forward.note
    assert note is not None
    leader = world.docs.province_office_leader
    services_outgoing.outgoing_submit(actor=who["province_handler"], document=note)
    services_outgoing.outgoing_approve(actor=leader, document=note)
    services_outgoing.outgoing_sign(actor=leader, document=note, position="Chánh Văn phòng")
    services_outgoing.outgoing_issue(
        actor=p.province_clerk,
        document=note,
        recipients=[Recipient(unit=p.hoa_thanh_office)],
        issued_on=today,
    )
    note.refresh_from_db()
    world.note_copy = register_delivery(world.docs, note)

    # --- the district's: taken by its officer, the scan added after, forwarded -------------
    district = petition_services.letter_register(
        actor=who["district_handler"],
        unit=p.chau_thanh_office,
        received_on=today - timedelta(days=1),
        channel="in_person",
        summary="Tố cáo chủ tịch xã sử dụng sai tiền hỗ trợ hộ nghèo",
        # Registered as a proposal, found a denunciation when classified.
        proposal=True,
        citizens=[identity("H")],
    )
    engine.drain()  # indexed as a proposal, with its petitioner's name
    district = services_handling.letter_take(actor=who["district_handler"], letter=district)
    district = services_handling.letter_classify(
        actor=who["district_handler"],
        letter=district,
        eligibility=Eligibility.ELIGIBLE,
        proposal=False,
        denunciation=True,
    )
    petition_services.letter_files_add(
        actor=who["district_handler"],
        letter=district,
        files=[_pdf(markers("H")["BUTTICHH"])],
        kind="letter",
    )
    district_forward = services_forward.letter_forward(
        actor=who["district_handler"],
        letter=district,
        to_body="Ủy ban Kiểm tra Huyện ủy Châu Thành",
        forwarded_on=today,
    )

    # --- a denouncer received in person at the province's reception session ---------------
    # The secrecy world wrote this year's first visit as a row too.
    allocate(services_reception.visit_series(p.province_office, today.year))
    upload = _pdf(markers("V")["BUTTICHV"])
    scan = SimpleUploadedFile(upload.name, upload.stream.read(), content_type="application/pdf")
    world.visit = services_reception.visit_record(
        actor=who["province_handler"],
        session=ReceptionSession.objects.get(unit=p.province_office, day=today),
        group_size=1,
        citizens=[identity("V")],
        denunciation=True,
        raised="Tố cáo trưởng ấp thu tiền trái quy định",
        files=[scan],
    )

    world.letters = {"T": province, "H": district}
    world.forwards = {"T": province_forward, "H": district_forward}
    # The daily reminder: the letters' clocks are due within the reminder's reach.
    reminders.send(today=today, within=60)
    world.outbox = list(mail.outbox)
    engine.drain()
    for name, person in world.people.items():
        if name not in world.tokens:
            world.tokens[name] = token_create(actor=None, person=person, name="sweep").token
        if name not in world.feeds:
            world.feeds[name] = _feeds(world, person)
    return world


def _land() -> Any:
    from vanphong.petitions.models import Field

    land, _created = Field.objects.get_or_create(name="Đất đai", defaults={"position": 1})
    return land


def client_for(world: DenouncerWorld, persona: str) -> Client:
    client = Client()
    client.force_login(world.person(persona))
    return client
