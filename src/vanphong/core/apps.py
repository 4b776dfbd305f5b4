from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "vanphong.core"
    label = "core"
    verbose_name = "Lõi"
