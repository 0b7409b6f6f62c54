from django.urls import include, path

from api import views

urlpatterns = [
    path("api/", views.documentation, name="api-docs"),
    path("api/v1/schema", views.schema, name="api-schema"),
    # The API's own paths, named as before (api-search, api-review, ...), without a namespace.
    path("api/v1/", include(views.api.urls[0])),
]
