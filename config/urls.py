from django.contrib import admin
from django.urls import include, path

from findings import history_views
from reviews import views as review_views

urlpatterns = [
    path("", review_views.home, name="home"),
    path("reviews/", include("reviews.urls")),
    path("curation/", include("reviews.urls_curation")),
    path("themes/", include("findings.urls")),
    path("lessons/", include("findings.urls_lessons")),
    path("agencies/", include("agencies.urls")),
    path("", include("findings.urls_search")),
    path("account/", include("accounts.urls")),
    path("lessons/<slug:slug>/history/", history_views.lesson_history, name="lesson-history"),
    path("admin/", admin.site.urls),
]
