from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "vanphong.web"
    label = "web"
    verbose_name = "Giao diện"

    def ready(self) -> None:
        from vanphong.api import credentials
        from vanphong.web.preferences import NOTICE_EMAIL

        credentials.register(NOTICE_EMAIL)
