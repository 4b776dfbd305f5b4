from django.apps import AppConfig


class ArchivesConfig(AppConfig):
    name = "vanphong.archives"
    label = "archives"
    verbose_name = "Lưu trữ"

    def ready(self) -> None:
        from vanphong.archives import inbox, measures, services_preservation
        from vanphong.archives import review_lines as _review_section  # noqa: F401 (registers it)
        from vanphong.archives.links_files import file_action_link, files_of_document
        from vanphong.archives.search import ArchivedFileProvider, FileProvider
        from vanphong.core import links
        from vanphong.documents import hooks as documents_hooks
        from vanphong.search import registry

        registry.register(FileProvider())
        registry.register(ArchivedFileProvider())
        links.register("archives.files", files_of_document)
        links.register_action("archives.file", file_action_link)
        inbox.register()
        measures.register()
        # A scan with no text layer is OCR'd once its text extraction found none.
        documents_hooks.on_attachment_extracted(services_preservation.attachment_extracted)
