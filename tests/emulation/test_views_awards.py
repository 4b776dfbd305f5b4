"""The register of awards: who sees which lines, the filters, a person's own titles, the XLSX
with user text as text, the manual line, and a query count that does not grow with the lines."""

from __future__ import annotations

import io

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.support.emulation_proposals import ProposalWorld, award_row, pw
from tests.support.web import login, page_queries
from vanphong.emulation.models import Award

__all__ = ["pw"]

AWARDS = reverse("emulation:awards")


def _lines(pw: ProposalWorld, count: int, *, year: int = 2011) -> None:
    for index in range(count):
        award_row(
            year=year,
            title_code="advanced_worker",
            title_name="Lao động tiên tiến",
            register_unit=pw.chau_thanh,
            person=pw.staff[index % len(pw.staff)],
            number=f"Số {index + 1}/QĐ-VP",
        )


def test_the_register_lists_the_lines_of_the_units_one_reads(
    client: Client, pw: ProposalWorld
) -> None:
    _lines(pw, 2)
    award_row(
        year=2011,
        title_code="advanced_collective",
        title_name="Tập thể lao động tiên tiến",
        register_unit=pw.members[1],
        unit=pw.members[1],
    )
    login(client, pw.officer(pw.chau_thanh))
    response = client.get(AWARDS)
    assert [award.register_unit for award, _cells in response.context["rows"]] == [
        pw.chau_thanh,
        pw.chau_thanh,
    ]
    login(client, pw.people.province_leader)  # the province: every unit below it
    assert len(client.get(AWARDS).context["rows"]) == 3
    login(client, pw.convenor_officer)  # the provincial Office: not the districts' books
    assert client.get(AWARDS).context["rows"] == []


def test_the_filters_narrow_by_person_title_year_and_decision(
    client: Client, pw: ProposalWorld
) -> None:
    _lines(pw, 3)
    _lines(pw, 1, year=2010)
    login(client, pw.officer(pw.chau_thanh))

    def count(**params: str) -> int:
        return len(client.get(AWARDS, params).context["rows"])

    assert count(nam="2010") == 1
    assert count(**{"quyet-dinh": "Số 2/"}) == 1
    assert count(**{"danh-hieu": "advanced_worker"}) == 4
    assert count(**{"danh-hieu": "Cờ thi đua"}) == 0
    assert count(**{"can-bo": "nhan vien 1"}) == 1  # folded: no tone marks needed
    assert count(**{"don-vi": str(pw.chau_thanh.uuid)}) == 4
    assert count(**{"don-vi": str(pw.members[1].uuid)}) == 0  # not a unit one reads


def test_a_person_sees_their_own_titles_whatever_their_unit(
    client: Client, pw: ProposalWorld
) -> None:
    _lines(pw, 3)
    login(client, pw.staff[0])
    response = client.get(AWARDS, {"cua-toi": "on"})
    rows = response.context["rows"]
    assert len(rows) == 1
    assert rows[0][0].person == pw.staff[0]


def test_someone_without_a_post_sees_no_line_but_their_own(
    client: Client, pw: ProposalWorld
) -> None:
    _lines(pw, 3)
    login(client, pw.people.unassigned)
    assert client.get(AWARDS).context["rows"] == []


def test_the_xlsx_holds_the_filtered_lines_and_text_stays_text(
    client: Client, pw: ProposalWorld
) -> None:
    award_row(
        year=2011,
        title_code="other",
        title_name='=HYPERLINK("x")',
        register_unit=pw.chau_thanh,
        person=pw.staff[0],
    )
    login(client, pw.officer(pw.chau_thanh))
    response = client.get(reverse("emulation:awards_export"), {"nam": "2011"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "STT"
    assert rows[2][2] == '=HYPERLINK("x")'
    assert sheet.cell(row=3, column=3).data_type == "s"


def test_an_emulation_officer_adds_a_line_from_an_outside_decision(
    client: Client, pw: ProposalWorld
) -> None:
    login(client, pw.officer(pw.chau_thanh))
    response = client.post(
        reverse("emulation:award_add"),
        {
            "register_unit": str(pw.chau_thanh.uuid),
            "year": "2010",
            "title_code": "advanced_worker",
            "decision_number": "Số 5/QĐ-VPHU",
            "decided_on": "15/01/2011",
            "person": str(pw.staff[1].uuid),
        },
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert (award.person, award.title_name) == (pw.staff[1], "Lao động tiên tiến")


def test_the_register_page_takes_the_same_queries_for_3_lines_or_30(
    client: Client, pw: ProposalWorld
) -> None:
    login(client, pw.people.province_leader)
    _lines(pw, 3)
    few = page_queries(client, AWARDS)
    _lines(pw, 27)
    assert page_queries(client, AWARDS) == few
    assert few <= 12
