from django.urls import path

from vanphong.api import credentials, views

app_name = "account"

urlpatterns = [
    path("", views.credentials, name="credentials"),
    path("mat-khau/", views.password_change, name="password"),
    path("ma-truy-cap/<uuid:token_uuid>/thu-hoi/", views.token_revoke, name="token_revoke"),
    *(url for other in credentials.registered() for url in other.urls),
]
