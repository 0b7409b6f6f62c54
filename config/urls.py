from django.contrib import admin
from django.urls import include, path

from reviews import views as review_views

urlpatterns = [
    path("", review_views.home, name="home"),
    path("reviews/", include("reviews.urls")),
    path("themes/", include("findings.urls")),
    path("agencies/", include("agencies.urls")),
    path("", include("findings.urls_search")),
    path("account/", include("accounts.urls")),
    path("admin/", admin.site.urls),
]
