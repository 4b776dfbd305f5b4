from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "vanphong.directives"
    label = "directives"
    verbose_name = "Theo dõi nghị quyết, chỉ thị"
