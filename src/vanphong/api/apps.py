from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "vanphong.api"
    label = "api"
    verbose_name = "API"
