from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "vanphong.petitions"
    label = "petitions"
    verbose_name = "Tiếp công dân, đơn thư"

    def ready(self) -> None:
        from vanphong.core import audit, links
        from vanphong.petitions import inbox, jobs
        from vanphong.petitions import review_lines as _review_section  # noqa: F401 (registers it)
        from vanphong.petitions.links import letters_of_document
        from vanphong.petitions.reception_check import register_reception_section
        from vanphong.petitions.search import LetterProvider
        from vanphong.search import registry

        registry.register(LetterProvider())
        inbox.register_sections()
        register_reception_section()
        audit.on_record(jobs.calendar_changed)
        links.register("petitions.letters", letters_of_document)

        from vanphong.petitions import measures

        measures.register()

        from vanphong.petitions.fileables import register_fileables

        register_fileables()
