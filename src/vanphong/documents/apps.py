from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "vanphong.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:
        from vanphong.documents import inbox, measures
        from vanphong.documents import review_lines as _review_section  # noqa: F401 (registers it)
        from vanphong.documents.search import IncomingProvider, OutgoingProvider
        from vanphong.search import registry

        registry.register(IncomingProvider())
        registry.register(OutgoingProvider())
        inbox.register_sections()
        measures.register()

        from vanphong.documents.fileables import register_fileables

        register_fileables()
