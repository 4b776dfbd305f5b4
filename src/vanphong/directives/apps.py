from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "vanphong.directives"
    label = "directives"
    verbose_name = "Theo dõi nghị quyết, chỉ thị"

    def ready(self) -> None:
        from vanphong.core import audit
        from vanphong.directives import lateness

        audit.on_record(lateness.calendar_changed)
