from django.urls import path

from search import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/export.csv", views.export_csv, name="search-export"),
    path("recommendations/export.csv", views.export_recommendations_csv, name="recommendations-export"),
]
