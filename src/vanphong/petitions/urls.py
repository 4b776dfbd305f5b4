from django.urls import URLPattern, path, re_path

from vanphong.petitions import (
    views,
    views_clocks,
    views_duplicates,
    views_forward,
    views_letter,
    views_reception,
    views_reports,
)

app_name = "petitions"

# Mounted at the site's root: the letters under "don-thu/", citizen reception under
# "tiep-cong-dan/".
urlpatterns: list[URLPattern] = [
    path("don-thu/", views.letters, name="letters"),
    path("don-thu/moi/", views.letter_register, name="letter_register"),
    path("don-thu/linh-vuc/", views.fields, name="fields"),
    path("don-thu/linh-vuc/<uuid:field_uuid>/", views.field_edit, name="field_edit"),
    path("don-thu/tep/<uuid:letter_file_uuid>/", views.letter_file, name="letter_file"),
    path("don-thu/theo-doi/", views_forward.follow_up, name="follow_up"),
    path("don-thu/bao-cao/", views_reports.report, name="reports"),
    path("don-thu/<uuid:letter_uuid>/chuyen/", views_forward.letter_forward, name="letter_forward"),
    path(
        "don-thu/chuyen/<uuid:forward_uuid>/ket-qua/",
        views_forward.forward_result,
        name="forward_result",
    ),
    path(
        "don-thu/<uuid:letter_uuid>/trung/", views_duplicates.letter_duplicates, name="duplicates"
    ),
    path(
        "don-thu/<uuid:letter_uuid>/trung/danh-dau/",
        views_duplicates.letter_duplicate_link,
        name="duplicate_link",
    ),
    path(
        "don-thu/<uuid:letter_uuid>/trung/bo-danh-dau/",
        views_duplicates.letter_duplicate_unlink,
        name="duplicate_unlink",
    ),
    path(
        "don-thu/<uuid:letter_uuid>/gia-han/",
        views_clocks.letter_extension_add,
        name="letter_extension_add",
    ),
    path(
        "don-thu/<uuid:letter_uuid>/tam-dinh-chi/",
        views_clocks.letter_suspension_add,
        name="letter_suspension_add",
    ),
    path(
        "don-thu/<uuid:letter_uuid>/tam-dinh-chi/ket-thuc/",
        views_clocks.letter_suspension_end,
        name="letter_suspension_end",
    ),
    path("tiep-cong-dan/", views_reception.sessions, name="sessions"),
    path("tiep-cong-dan/len-lich/", views_reception.session_plan, name="session_plan"),
    path("tiep-cong-dan/ghi-buoi-tiep/", views_reception.session_record, name="session_record"),
    path("tiep-cong-dan/so/", views_reception.register, name="reception_register"),
    re_path(
        r"^tiep-cong-dan/so/tai-ve\.(?P<extension>xlsx|pdf)$",
        views_reception.register_export,
        name="reception_register_export",
    ),
    path("tiep-cong-dan/<uuid:session_uuid>/", views_reception.session, name="session"),
    path(
        "tiep-cong-dan/<uuid:session_uuid>/da-tiep/",
        views_reception.session_hold,
        name="session_hold",
    ),
    path("tiep-cong-dan/luot/<uuid:visit_uuid>/", views_reception.visit, name="visit"),
    path("don-thu/<uuid:letter_uuid>/", views_letter.letter, name="letter"),
    path("don-thu/<uuid:letter_uuid>/sua/", views.letter_edit, name="letter_edit"),
    # Last: the letter page's forms, after every page of its own under a letter ("chuyen",
    # "trung", "gia-han", …).
    path(
        "don-thu/<uuid:letter_uuid>/<slug:action>/",
        views_letter.letter_action,
        name="letter_action",
    ),
]
