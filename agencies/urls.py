from django.urls import path

from agencies import views

urlpatterns = [
    path("", views.agency_index, name="agency-index"),
    path("<slug:slug>/", views.agency_detail, name="agency-detail"),
]
