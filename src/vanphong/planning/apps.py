from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "vanphong.planning"
    label = "planning"
    verbose_name = "Chương trình, lịch công tác"

    def ready(self) -> None:
        from vanphong.api import credentials
        from vanphong.org import hooks
        from vanphong.planning import inbox
        from vanphong.planning import review_lines as _review_section  # noqa: F401 (registers it)
        from vanphong.planning.credentials import CALENDAR_LINKS
        from vanphong.planning.feeds import feeds_revoke_of

        hooks.on_credentials_reset(feeds_revoke_of)
        credentials.register(CALENDAR_LINKS)
        inbox.register_sections()

        from vanphong.planning import measures

        measures.register()

        from vanphong.planning.fileables import register_fileables

        register_fileables()
