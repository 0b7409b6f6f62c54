"""The feeds (published material only, whoever asks) and the e-mail alerts' pages (signed links, no account)."""

from django.urls import path

from alerts import feeds, views

urlpatterns = [
    path("feeds/reviews/", feeds.ReviewsFeed(), name="feed-reviews"),
    path("search/feed/", feeds.SearchFeed(), name="feed-search"),
    path("themes/<slug:slug>/feed/", feeds.ThemeFeed(), name="feed-theme"),
    path("agencies/<slug:slug>/feed/", feeds.AgencyFeed(), name="feed-agency"),
    path("feeds/lessons/", feeds.LessonsFeed(), name="feed-lessons"),
    path("feeds/recommendations/", feeds.RecommendationsFeed(), name="feed-recommendations"),
    path("alerts/new/", views.alert_new, name="alert-new"),
    path("alerts/check-your-email/", views.check_email, name="alert-check-email"),
    path("alerts/confirm/<str:token>/", views.alert_confirm, name="alert-confirm"),
    path("alerts/manage/<str:token>/", views.alert_manage, name="alert-manage"),
    path("alerts/unsubscribe/<str:token>/", views.alert_unsubscribe, name="alert-unsubscribe"),
    path("alerts/stop/<str:token>/", views.alert_stop_all, name="alert-stop-all"),
]
