from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "vanphong.org"
    label = "org"
    verbose_name = "Tổ chức"

    def ready(self) -> None:
        from vanphong.core.selectors import calendar_editors_are
        from vanphong.org.selectors import administers_root

        # One working-day calendar serves every unit, so only who administers the top of the
        # tree may change it; core knows no units and asks through this rule.
        calendar_editors_are(administers_root)
