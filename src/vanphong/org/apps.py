from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "vanphong.org"
    label = "org"
    verbose_name = "Tổ chức"
