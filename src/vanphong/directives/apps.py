from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "vanphong.directives"
    label = "directives"
    verbose_name = "Theo dõi nghị quyết, chỉ thị"

    def ready(self) -> None:
        from vanphong.core import audit
        from vanphong.directives import inbox, lateness, services
        from vanphong.directives import review_lines as _review_section  # noqa: F401 (registers it)
        from vanphong.planning import hooks as planning_hooks

        audit.on_record(lateness.calendar_changed)
        planning_hooks.on_programme_item_moved(services.programme_item_follow)
        inbox.register_sections()

        from vanphong.directives import measures

        measures.register()

        from vanphong.directives.fileables import register_fileables

        register_fileables()
