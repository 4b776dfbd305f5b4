from django.urls import include, path

from vanphong.api_root import api

urlpatterns = [
    path("", include("vanphong.web.urls")),
    path("to-chuc/", include("vanphong.org.urls")),
    path("tai-khoan/", include("vanphong.api.urls")),
    path("ngay-lam-viec/", include("vanphong.core.urls")),
    path("van-ban/", include("vanphong.documents.urls")),
    path("ke-hoach/", include("vanphong.planning.urls")),
    path("nhiem-vu/", include("vanphong.directives.urls")),
    path("tim-kiem/", include("vanphong.search.urls")),
    path("", include("vanphong.petitions.urls")),
    path("", include("vanphong.emulation.urls")),
    path("", include("vanphong.archives.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
