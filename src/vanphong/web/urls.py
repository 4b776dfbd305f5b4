from django.contrib.auth.views import LogoutView
from django.urls import path

from vanphong.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", LogoutView.as_view(), name="logout"),
    path("thong-bao/", views.notices, name="notices"),
    path("thong-bao/chua-doc/", views.notices_badge, name="notices_badge"),
    path("healthz", views.healthz, name="healthz"),
]
