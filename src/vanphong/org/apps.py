from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "vanphong.org"
    label = "org"
    verbose_name = "Tổ chức"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started

        from vanphong.core.selectors import calendar_editors_are
        from vanphong.org import units
        from vanphong.org.selectors import administers_root

        # The unit tree's order and labels, read once per request (`units.directory`).
        request_started.connect(units.request_began, dispatch_uid="org.units.began")
        request_finished.connect(units.request_ended, dispatch_uid="org.units.ended")

        # One working-day calendar serves every unit, so only who administers the top of the
        # tree may change it; core knows no units and asks through this rule.
        calendar_editors_are(administers_root)
