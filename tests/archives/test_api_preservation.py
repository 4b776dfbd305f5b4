"""`/api/v1/luu-tru/bao-quan/...`: starting a fixity run and reading its progress and findings
(only the files the caller may see named), a scan's OCR status, a permanent file's bag; a 404
for who is not an archivist."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_preservation import document_with, filed
from tests.support.scans import scan_pdf
from vanphong.api.services import token_create
from vanphong.archives.models import FixityRun, OcrCopy, OcrStatus
from vanphong.core.files import path_of
from vanphong.documents.models import Attachment
from vanphong.org.models import Clearance, Person

pytestmark = pytest.mark.django_db
API = "/api/v1/luu-tru/bao-quan"


class Caller:
    def __init__(self, client: Client, person: Person) -> None:
        self.client = client
        token = token_create(actor=None, person=person, name="thử").token
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str) -> Any:
        return self.client.get(API + path, headers=self.headers)

    def post(self, path: str) -> Any:
        return self.client.post(
            API + path, {}, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return build_archives_world()


def test_an_archivist_starts_a_run_and_reads_its_progress_and_findings(
    client: Client, w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    document = document_with(w, [("ban-quet.pdf", scan_pdf())])
    filed(w, document, code="01.VP")
    filed(w, document, code="02.MAT", confidentiality=Clearance.TOP_SECRET)
    path_of(Attachment.objects.get().file).unlink()
    archivist = Caller(client, w.province_archivist)
    with django_capture_on_commit_callbacks(execute=True):
        started = archivist.post("/kiem-tra")
    assert started.status_code == 202
    run = started.json()
    assert run["status"] == "running"
    assert run["total"] == 1
    detail = archivist.get(f"/kiem-tra/{run['uuid']}").json()
    assert (detail["status"], detail["progress"], detail["failures"]) == ("done", 100, 1)
    [finding] = detail["findings"]
    assert finding["problem"] == "missing"
    assert [f["code"] for f in finding["files"]] == ["01.VP"]
    assert finding["hidden"] is True
    assert [r["uuid"] for r in archivist.get("/kiem-tra").json()] == [run["uuid"]]


def test_the_runs_are_a_404_for_who_is_not_an_archivist(client: Client, w: ArchWorld) -> None:
    clerk = Caller(client, w.province_clerk)
    assert clerk.post("/kiem-tra").status_code == 404
    assert clerk.get("/kiem-tra").status_code == 404
    assert not FixityRun.objects.exists()


def test_the_ocr_status_of_a_scan_of_a_document_the_caller_sees(
    client: Client, w: ArchWorld
) -> None:
    document = document_with(w, [("ban-quet.pdf", scan_pdf())])
    stored = Attachment.objects.get(incoming=document).file
    OcrCopy.objects.create(original=stored, status=OcrStatus.UNREADABLE, message="Trang trắng")
    answer = Caller(client, w.province_archivist).get(f"/ocr/{stored.sha256}")
    assert answer.status_code == 200
    assert answer.json() == {
        "sha256": stored.sha256,
        "status": "unreadable",
        "message": "Trang trắng",
        "pdfa_sha256": None,
        "text": "",
    }
    # Châu Thành's archivist does not see the province's document.
    assert Caller(client, w.chau_thanh_archivist).get(f"/ocr/{stored.sha256}").status_code == 404
    assert Caller(client, w.province_archivist).get(f"/ocr/{'0' * 64}").status_code == 404


def test_an_archivist_exports_a_permanent_file_as_a_zipped_bag(
    client: Client, w: ArchWorld
) -> None:
    file = filed(w, document_with(w, [("ban-quet.pdf", scan_pdf())]))
    answer = Caller(client, w.province_archivist).post(f"/ho-so/{file.uuid}/bagit")
    assert answer.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(answer.streaming_content))) as archive:
        assert any(name.endswith("/manifest-sha256.txt") for name in archive.namelist())
    refused = filed(
        w,
        document_with(w, [("b.pdf", scan_pdf(["khác"]))], number_symbol="Số 46-CT/TU"),
        code="05.VP",
        retention_years=10,
    )
    answer = Caller(client, w.province_archivist).post(f"/ho-so/{refused.uuid}/bagit")
    assert answer.status_code == 422
    assert Caller(client, w.province_clerk).post(f"/ho-so/{file.uuid}/bagit").status_code == 404
