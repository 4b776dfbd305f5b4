from django.urls import path

from vanphong.core import views

app_name = "core"

urlpatterns = [
    path("", views.calendar_year, name="calendar"),
    path("<int:year>/", views.calendar_year, name="calendar_year"),
    path("ngay/moi/", views.calendar_day_create, name="calendar_day_create"),
    path("ngay/<uuid:day_uuid>/sua/", views.calendar_day_update, name="calendar_day_update"),
    path("ngay/<uuid:day_uuid>/xoa/", views.calendar_day_delete, name="calendar_day_delete"),
]
