from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "vanphong.petitions"
    label = "petitions"
    verbose_name = "Tiếp công dân, đơn thư"

    def ready(self) -> None:
        from vanphong.petitions import inbox

        inbox.register_sections()
