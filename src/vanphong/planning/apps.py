from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "vanphong.planning"
    label = "planning"
    verbose_name = "Chương trình, lịch công tác"
