"""The pages of disposals, legal holds, holdings and registers, under /luu-tru/."""

from django.urls import URLPattern, URLResolver, path

from vanphong.archives import views_disposals as v

urlpatterns: list[URLPattern | URLResolver] = [
    path("tieu-huy/", v.disposal_list, name="disposal_list"),
    path("tieu-huy/de-nghi/", v.disposal_propose, name="disposal_propose"),
    path("tieu-huy/<uuid:disposal_uuid>/", v.disposal_detail, name="disposal_detail"),
    path("tieu-huy/<uuid:disposal_uuid>/tham-dinh/", v.disposal_appraise, name="disposal_appraise"),
    path("tieu-huy/<uuid:disposal_uuid>/phe-duyet/", v.disposal_approve, name="disposal_approve"),
    path("tieu-huy/<uuid:disposal_uuid>/thuc-hien/", v.disposal_execute, name="disposal_execute"),
    path("tieu-huy/<uuid:disposal_uuid>/huy-bo/", v.disposal_cancel, name="disposal_cancel"),
    path("tieu-huy/<uuid:disposal_uuid>/bien-ban.pdf", v.disposal_record, name="disposal_record"),
    path("tam-giu/", v.hold_list, name="hold_list"),
    path("tam-giu/moi/", v.hold_create, name="hold_create"),
    path("tam-giu/<uuid:hold_uuid>/", v.hold_detail, name="hold_detail"),
    path("tam-giu/<uuid:hold_uuid>/go/", v.hold_release, name="hold_release"),
    path("thong-ke/", v.register_holdings, name="register_holdings"),
    path("so-nop-luu/", v.register_transfers, name="register_transfers"),
    path("so-nop-luu.xlsx", v.register_transfers_xlsx, name="register_transfers_xlsx"),
    path("so-nop-luu.pdf", v.register_transfers_pdf, name="register_transfers_pdf"),
    path("so-tieu-huy/", v.register_disposals, name="register_disposals"),
    path("so-tieu-huy.xlsx", v.register_disposals_xlsx, name="register_disposals_xlsx"),
    path("so-tieu-huy.pdf", v.register_disposals_pdf, name="register_disposals_pdf"),
]
