from django.apps import AppConfig


class ArchivesConfig(AppConfig):
    name = "vanphong.archives"
    label = "archives"
    verbose_name = "Lưu trữ"

    def ready(self) -> None:
        from vanphong.archives import inbox, measures
        from vanphong.archives import review_lines as _review_section  # noqa: F401 (registers it)
        from vanphong.archives.links_files import file_action_link, files_of_document
        from vanphong.archives.search import ArchivedFileProvider, FileProvider
        from vanphong.core import links
        from vanphong.search import registry

        registry.register(FileProvider())
        registry.register(ArchivedFileProvider())
        links.register("archives.files", files_of_document)
        links.register_action("archives.file", file_action_link)
        inbox.register()
        measures.register()
