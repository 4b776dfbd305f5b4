from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "vanphong.documents"
    label = "documents"
    verbose_name = "Văn bản"
