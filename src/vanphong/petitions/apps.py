from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "vanphong.petitions"
    label = "petitions"
    verbose_name = "Tiếp công dân, đơn thư"

    def ready(self) -> None:
        from vanphong.petitions.reception_check import register_reception_section

        register_reception_section()
