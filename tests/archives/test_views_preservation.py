"""The preservation pages: the runs with their progress for the archivists (a 404 for anyone
else), starting a run, a run's findings naming only the files the viewer may see, and a
permanent file's BagIt download."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_preservation import document_with, filed
from tests.support.scans import scan_pdf
from tests.support.web import login, messages_of
from vanphong.archives import services_preservation
from vanphong.archives.models import FixityRun, FixityRunStatus
from vanphong.core.files import path_of
from vanphong.core.models import AuditEvent
from vanphong.documents.models import Attachment
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db
RUNS = reverse("archives:preservation")


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return build_archives_world()


def _damage(w: ArchWorld) -> tuple[Any, Any]:
    """Two files holding the same damaged scan: one plain, one Tối mật."""
    document = document_with(w, [("ban-quet.pdf", scan_pdf())])
    plain = filed(w, document, code="01.VP")
    secret = filed(w, document, code="02.MAT", confidentiality=Clearance.TOP_SECRET)
    stored = Attachment.objects.get(incoming=document).file
    path_of(stored).unlink()
    return plain, secret


def test_the_runs_page_shows_each_run_with_its_progress(
    client: Client, w: ArchWorld, django_assert_max_num_queries: Any
) -> None:
    for _ in range(3):
        run = services_preservation.fixity_run_start(actor=None)
        services_preservation.fixity_run_walk(run=run)
    running = services_preservation.fixity_run_start(actor=None)
    FixityRun.objects.filter(pk=running.pk).update(total=4, checked=1)
    login(client, w.province_archivist)
    with django_assert_max_num_queries(12):
        response = client.get(RUNS)
    html = response.content.decode()
    assert html.count('data-testid="fixity-run"') == 4
    assert 'value="25"' in html
    assert 'value="100"' in html


def test_the_pages_are_a_404_for_who_is_not_an_archivist(client: Client, w: ArchWorld) -> None:
    run = services_preservation.fixity_run_start(actor=None)
    login(client, w.province_clerk)
    assert client.get(RUNS).status_code == 404
    assert client.get(reverse("archives:preservation_run", args=[run.uuid])).status_code == 404
    assert client.post(reverse("archives:preservation_start")).status_code == 404


def test_an_archivist_starts_a_run_and_is_taken_to_its_page(
    client: Client, w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    document_with(w, [("a.pdf", scan_pdf())])
    login(client, w.chau_thanh_archivist)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("archives:preservation_start"), follow=True)
    run = FixityRun.objects.get()
    assert response.redirect_chain[-1][0] == reverse("archives:preservation_run", args=[run.uuid])
    assert run.status == FixityRunStatus.DONE
    assert run.checked == 1
    assert "Đã bắt đầu kiểm tra" in messages_of(response)[0]
    assert AuditEvent.objects.get(action="archives.fixity_started").actor_id == (
        w.chau_thanh_archivist.pk
    )


def test_a_finding_names_the_files_the_viewer_may_see_and_only_says_the_others_exist(
    client: Client, w: ArchWorld
) -> None:
    plain, secret = _damage(w)
    run = services_preservation.fixity_run_start(actor=None)
    services_preservation.fixity_run_walk(run=run)
    login(client, w.province_archivist)  # Mật: not cleared for the Tối mật file
    html = client.get(reverse("archives:preservation_run", args=[run.uuid])).content.decode()
    assert html.count('data-testid="fixity-finding"') == 1
    assert "Tệp không còn trên đĩa" in html
    assert plain.title in html
    assert secret.title not in html
    assert "02.MAT" not in html
    assert "tệp thuộc hồ sơ anh/chị không được xem" in html
    stored = Attachment.objects.get().file
    assert stored.sha256[:12] in html
    assert stored.sha256 not in html


def test_an_archivist_downloads_a_permanent_file_as_a_bag(client: Client, w: ArchWorld) -> None:
    file = filed(w, document_with(w, [("ban-quet.pdf", scan_pdf())]))
    address = reverse("archives:preservation_bag", args=[file.uuid])
    login(client, w.province_archivist)
    assert 'data-testid="bag-download"' in client.get(address).content.decode()
    response: Any = client.post(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        names = archive.namelist()
    assert any(name.endswith("/bagit.txt") for name in names)
    assert any(name.endswith("/data/metadata/file.json") for name in names)
    assert AuditEvent.objects.filter(action="archives.file_exported").count() == 1


def test_a_file_kept_for_years_is_not_bagged_and_says_why(client: Client, w: ArchWorld) -> None:
    file = filed(w, document_with(w, [("a.pdf", scan_pdf())]), retention_years=20)
    address = reverse("archives:preservation_bag", args=[file.uuid])
    response = login(client, w.province_archivist).post(address, follow=True)
    assert "Chỉ xuất gói BagIt cho hồ sơ bảo quản vĩnh viễn." in messages_of(response)


def test_the_bag_is_a_404_for_who_may_not_see_the_file_or_is_no_archivist(
    client: Client, w: ArchWorld
) -> None:
    secret = filed(
        w, document_with(w, [("a.pdf", scan_pdf())]), confidentiality=Clearance.TOP_SECRET
    )
    other = document_with(w, [("b.pdf", scan_pdf(["khác"]))], number_symbol="Số 46-CT/TU")
    plain = filed(w, other, code="03.VP")
    login(client, w.province_archivist)
    assert client.get(reverse("archives:preservation_bag", args=[secret.uuid])).status_code == 404
    login(client, w.province_office_leader)  # sees the file, keeps no archive
    assert client.post(reverse("archives:preservation_bag", args=[plain.uuid])).status_code == 404
