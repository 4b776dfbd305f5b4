"""The pages of proposals and of the register of awards, under /thi-dua/."""

from django.urls import URLPattern, URLResolver, path

from vanphong.emulation import views_awards, views_proposals

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "phong-trao/<uuid:movement_uuid>/xet-danh-hieu/",
        views_proposals.qualification,
        name="qualification",
    ),
    path("de-nghi/", views_proposals.proposals, name="proposals"),
    path("de-nghi/moi/", views_proposals.proposal_create, name="proposal_create"),
    path("de-nghi/<uuid:proposal_uuid>/", views_proposals.proposal_detail, name="proposal"),
    path("de-nghi/<uuid:proposal_uuid>/them/", views_proposals.nominee_add, name="nominee_add"),
    path(
        "de-nghi/<uuid:proposal_uuid>/bo/<int:nominee_id>/",
        views_proposals.nominee_remove,
        name="nominee_remove",
    ),
    path("de-nghi/<uuid:proposal_uuid>/bo-phieu/", views_proposals.vote, name="proposal_vote"),
    path("de-nghi/<uuid:proposal_uuid>/ho-so/", views_proposals.dossier, name="proposal_dossier"),
    path("de-nghi/<uuid:proposal_uuid>/trinh/", views_proposals.submit, name="proposal_submit"),
    path(
        "de-nghi/<uuid:proposal_uuid>/quyet-dinh/",
        views_proposals.decision,
        name="proposal_decision",
    ),
    path("khen-thuong/", views_awards.awards, name="awards"),
    path("khen-thuong/so-khen-thuong.xlsx", views_awards.awards_export, name="awards_export"),
    path("khen-thuong/them/", views_awards.award_add, name="award_add"),
]
