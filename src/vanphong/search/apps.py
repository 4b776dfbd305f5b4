from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "vanphong.search"
    label = "search"
    verbose_name = "Tìm kiếm"

    def ready(self) -> None:
        from vanphong.core import audit
        from vanphong.search import outbox

        audit.on_record(outbox.audit_listener)
