from django.urls import path

from findings import api, views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/export.csv", api.export_csv, name="search-export"),
    path("api/", api.documentation, name="api-docs"),
    path("api/v1/search", api.search_api, name="api-search"),
    path("api/v1/reviews/<str:review_id>", api.review_api, name="api-review"),
    path("api/v1/themes", api.themes_api, name="api-themes"),
    path("api/v1/lessons", api.lessons_api, name="api-lessons"),
    path("api/v1/lessons/<str:lesson_id>", api.lesson_api, name="api-lesson"),
    path("api/v1/schema", api.schema, name="api-schema"),
]
