"""The annual review (tổng kết năm) under /thi-dua/tong-ket/."""

from django.urls import URLPattern, URLResolver, path

from vanphong.emulation import views_review

urlpatterns: list[URLPattern | URLResolver] = [
    path("tong-ket/", views_review.reviews, name="reviews"),
    path("tong-ket/<uuid:unit_uuid>/<int:year>/", views_review.review, name="review"),
    path(
        "tong-ket/<uuid:unit_uuid>/<int:year>/noi-dung/",
        views_review.review_texts,
        name="review_texts",
    ),
    path(
        "tong-ket/<uuid:unit_uuid>/<int:year>/hoi-nghi/",
        views_review.review_conference,
        name="review_conference",
    ),
    path(
        "tong-ket/<uuid:unit_uuid>/<int:year>/van-ban/",
        views_review.review_documents_view,
        name="review_documents",
    ),
    path(
        "tong-ket/<uuid:unit_uuid>/<int:year>/tai-ve.docx",
        views_review.review_download,
        name="review_docx",
    ),
]
