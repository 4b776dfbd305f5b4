from django.apps import AppConfig


class ArchivesConfig(AppConfig):
    name = "vanphong.archives"
    label = "archives"
    verbose_name = "Lưu trữ"
