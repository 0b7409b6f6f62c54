"""The feeds: published material only, whoever asks."""

from django.urls import path

from alerts import feeds

urlpatterns = [
    path("feeds/reviews/", feeds.ReviewsFeed(), name="feed-reviews"),
    path("search/feed/", feeds.SearchFeed(), name="feed-search"),
    path("themes/<slug:slug>/feed/", feeds.ThemeFeed(), name="feed-theme"),
    path("agencies/<slug:slug>/feed/", feeds.AgencyFeed(), name="feed-agency"),
    path("feeds/lessons/", feeds.LessonsFeed(), name="feed-lessons"),
    path("feeds/recommendations/", feeds.RecommendationsFeed(), name="feed-recommendations"),
]
