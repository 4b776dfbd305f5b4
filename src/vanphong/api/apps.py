from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "vanphong.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from vanphong.api.services import on_credentials_reset
        from vanphong.org import hooks

        hooks.on_credentials_reset(on_credentials_reset)
