"""The retention tables: seeded as unverified, editable data; the page lists and fold-searches
them; only an archivist or Office leader of the province's Office edits a row."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from tests.support.archives import build_archives_world
from tests.support.web import login, page_queries
from vanphong.archives import services_retention
from vanphong.archives.models import RetentionRule, UnitLevel
from vanphong.archives.plans import retention_rules, unit_level
from vanphong.archives.services_retention import RuleInput
from vanphong.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_both_tables_are_seeded_unverified_with_their_source() -> None:
    for level in (UnitLevel.PROVINCIAL, UnitLevel.DISTRICT):
        rows = RetentionRule.objects.filter(level=level)
        assert 25 <= rows.count() <= 40
        assert not rows.filter(verified=True).exists()
        assert all("35-HD/VPTW" in rule.source for rule in rows)
    permanent = RetentionRule.objects.get(
        level=UnitLevel.PROVINCIAL, title__startswith="Biên bản hội nghị Tỉnh ủy"
    )
    assert permanent.retention_years is None
    weekly = RetentionRule.objects.get(level=UnitLevel.DISTRICT, title__startswith="Lịch công tác")
    assert weekly.retention_years == 5


def test_the_search_folds_tones_and_d() -> None:
    found = retention_rules(UnitLevel.DISTRICT, "DON THU khieu nai")
    assert [r.title for r in found] == ["Hồ sơ giải quyết đơn thư khiếu nại, tố cáo"]
    assert retention_rules("", "đơn thư").count() == 2 + 2


def test_a_unit_follows_the_table_of_its_committees_level() -> None:
    w = build_archives_world()
    assert unit_level(w.province_office) == UnitLevel.PROVINCIAL
    assert unit_level(w.chau_thanh_office) == UnitLevel.DISTRICT


def _input(**fields: Any) -> RuleInput:
    values: dict[str, Any] = {
        "group": "I. Tài liệu tổng hợp",
        "title": "Lịch công tác tuần",
        "retention_years": 10,
        "permanent": False,
        "source": "Hướng dẫn 35-HD/VPTW, phụ lục 1, mục 8",
        "verified": True,
    }
    values.update(fields)
    return RuleInput(**values)


def test_the_provinces_archivist_corrects_a_row_and_it_is_audited() -> None:
    w = build_archives_world()
    rule = RetentionRule.objects.filter(level=UnitLevel.DISTRICT).earliest("id")
    saved = services_retention.retention_rule_update(
        actor=w.province_archivist, rule=rule, data=_input()
    )
    assert (saved.retention_years, saved.verified, saved.title_folded) == (
        10,
        True,
        "lich cong tac tuan",
    )
    event = AuditEvent.objects.get(action="retention_rule.update")
    assert event.after is not None
    assert event.before is not None
    assert event.after["verified"] is True
    assert event.before["verified"] is False


def test_a_district_archivist_or_clerk_may_not_edit_the_tables() -> None:
    w = build_archives_world()
    rule = RetentionRule.objects.earliest("id")
    for person in (w.chau_thanh_archivist, w.province_clerk, w.chau_thanh_office_leader):
        with pytest.raises(PermissionDenied):
            services_retention.retention_rule_update(actor=person, rule=rule, data=_input())
    services_retention.retention_rule_update(
        actor=w.province_office_leader, rule=rule, data=_input()
    )


def test_a_row_says_permanent_or_a_number_of_years_not_both() -> None:
    w = build_archives_world()
    rule = RetentionRule.objects.earliest("id")
    for fields in ({"permanent": True}, {"retention_years": None}, {"retention_years": 0}):
        with pytest.raises(ValidationError) as excinfo:
            services_retention.retention_rule_update(
                actor=w.province_archivist, rule=rule, data=_input(**fields)
            )
        assert "retention_years" in excinfo.value.message_dict
    saved = services_retention.retention_rule_update(
        actor=w.province_archivist,
        rule=rule,
        data=_input(permanent=True, retention_years=None),
    )
    assert saved.retention_years is None


def test_the_page_lists_searches_and_offers_editing_to_the_editor_only(client: Client) -> None:
    w = build_archives_world()
    login(client, w.chau_thanh_clerk)
    page = reverse("archives:retention_list")
    body = client.get(page, {"cap": "district", "tim": "so dang ky"}).content.decode()
    assert "Sổ đăng ký văn bản đi, văn bản đến" in body
    assert "Văn kiện đại hội" not in body
    assert "/sua/" not in body
    assert page_queries(client, page) == page_queries(client, page + "?cap=provincial")
    rule = RetentionRule.objects.get(level="district", number="1")
    assert client.get(reverse("archives:retention_edit", args=[rule.uuid])).status_code == 403
    login(client, w.province_archivist)
    assert reverse("archives:retention_edit", args=[rule.uuid]) in client.get(page).content.decode()
    response = client.post(
        reverse("archives:retention_edit", args=[rule.uuid]),
        {
            "group": rule.group,
            "title": rule.title,
            "permanent": "on",
            "source": rule.source,
            "verified": "on",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.verified
