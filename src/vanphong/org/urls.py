from django.urls import path

from vanphong.org import views, views_memberships, views_people

app_name = "org"

urlpatterns = [
    path("", views.units, name="units"),
    path("don-vi/moi/", views.unit_create, name="unit_create"),
    path("don-vi/<uuid:unit_uuid>/", views.unit_detail, name="unit_detail"),
    path("don-vi/<uuid:unit_uuid>/sua/", views.unit_update, name="unit_update"),
    path("don-vi/<uuid:unit_uuid>/nhiem-ky/moi/", views.term_create, name="term_create"),
    path("nhiem-ky/<uuid:term_uuid>/sua/", views.term_update, name="term_update"),
    path("can-bo/", views_people.people, name="people"),
    path("can-bo/moi/", views_people.person_create, name="person_create"),
    path("can-bo/<uuid:person_uuid>/", views_people.person_detail, name="person_detail"),
    path("can-bo/<uuid:person_uuid>/sua/", views_people.person_update, name="person_update"),
    path(
        "can-bo/<uuid:person_uuid>/mat-khau/", views_people.person_password, name="person_password"
    ),
    path(
        "can-bo/<uuid:person_uuid>/vo-hieu-hoa/",
        views_people.person_deactivate,
        name="person_deactivate",
    ),
    path(
        "can-bo/<uuid:person_uuid>/kich-hoat/",
        views_people.person_reactivate,
        name="person_reactivate",
    ),
    path(
        "can-bo/<uuid:person_uuid>/thu-hoi-ma-truy-cap/",
        views_people.person_credentials_revoke,
        name="person_credentials_revoke",
    ),
    path(
        "can-bo/<uuid:person_uuid>/cong-tac/moi/",
        views_memberships.membership_create,
        name="membership_create",
    ),
    path(
        "cong-tac/<uuid:membership_uuid>/sua/",
        views_memberships.membership_update,
        name="membership_update",
    ),
    path(
        "cong-tac/<uuid:membership_uuid>/ket-thuc/",
        views_memberships.membership_end,
        name="membership_end",
    ),
    path("de-nghi/", views_memberships.requests, name="requests"),
    path("de-nghi/<uuid:request_uuid>/", views_memberships.request_detail, name="request_detail"),
    path(
        "de-nghi/<uuid:request_uuid>/xac-nhan/",
        views_memberships.request_confirm,
        name="request_confirm",
    ),
    path(
        "de-nghi/<uuid:request_uuid>/tu-choi/",
        views_memberships.request_refuse,
        name="request_refuse",
    ),
]
