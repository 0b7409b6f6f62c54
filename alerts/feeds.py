"""Atom feeds (RFC 4287) of what is newly published: reviews, any search, each theme, each agency, recurring lessons
and recommendations. A feed holds published material only, whoever asks: it is read by feed readers that sign in as
no one, and a link to it may be shared. What is withdrawn leaves every feed at once (the rows are read through the
visibility rule at each request). Texts from uploads are escaped before they go into a summary of type "html"."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from agencies.models import Agency
from alerts.matching import published_at
from findings.forms import RecommendationFilters
from findings.models import Finding, Lesson, Recommendation, Theme
from reviews.models import Review
from search.engine import search
from search.filters import SearchForm

ENTRIES = 50  # the newest, in each feed
PUBLIC = None  # whoever asks, a feed holds what the public may see


class _AtomFeed(Feed):
    feed_type = Atom1Feed
    author_name = "Case reviews: the national learning repository"

    def item_author_name(self, item):
        return self.author_name


class _FindingsFeed(_AtomFeed):
    """Findings, newest published first: each with its review's title and place in its summary."""

    def item_title(self, finding):
        return finding.title

    def item_link(self, finding):
        return finding.get_absolute_url()

    def item_description(self, finding):
        review = finding.review
        return escape(f"From {review.title} ({review.area}, {review.year or 'year unknown'}). {finding.text}")

    def item_pubdate(self, finding):
        return finding.review.status_changed_at

    def item_updateddate(self, finding):
        return max(finding.updated_at, finding.review.status_changed_at)

    def item_categories(self, finding):
        return [theme.name for theme in finding.themes.all()]


def _newest_findings(queryset):
    published = queryset.visible_to(PUBLIC).for_display().defer("review__full_text")
    return published.order_by("-review__status_changed_at", "review_id", "position")[:ENTRIES]


class ReviewsFeed(_AtomFeed):
    title = "Newly published case reviews"
    subtitle = "Child safeguarding case reviews, newest published first."

    def link(self):
        return reverse("review-list")

    def items(self):
        return Review.objects.visible_to(PUBLIC).defer("full_text").order_by("-status_changed_at")[:ENTRIES]

    def item_title(self, review):
        return review.title

    def item_link(self, review):
        return review.get_absolute_url()

    def item_description(self, review):
        return escape(review.summary)

    def item_pubdate(self, review):
        return review.status_changed_at

    def item_updateddate(self, review):
        return max(review.updated_at, review.status_changed_at)


class ThemeFeed(_FindingsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)

    def title(self, theme):
        return f"New findings about {theme.name}"

    def link(self, theme):
        return theme.get_absolute_url()

    def items(self, theme):
        return _newest_findings(Finding.objects.filter(themes=theme))


class AgencyFeed(_FindingsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Agency, slug=slug)

    def title(self, agency):
        return f"New findings that name {agency.name}"

    def link(self, agency):
        return agency.get_absolute_url()

    def items(self, agency):
        return _newest_findings(Finding.objects.filter(agencies=agency))


class LessonsFeed(_AtomFeed):
    title = "Recurring lessons, new and updated"

    def link(self):
        return reverse("lesson-index")

    def items(self):
        return Lesson.objects.visible_to(PUBLIC).order_by("-updated_at")[:ENTRIES]

    def item_title(self, lesson):
        return lesson.statement

    def item_link(self, lesson):
        return lesson.get_absolute_url()

    def item_description(self, lesson):
        return escape(lesson.summary or lesson.statement)

    def item_pubdate(self, lesson):
        return lesson.published_at or lesson.created_at

    def item_updateddate(self, lesson):
        return lesson.updated_at


class RecommendationsFeed(_AtomFeed):
    """Recommendations of published reviews, newest published first, with the national page's filters."""

    title = "New recommendations of case reviews"

    def get_object(self, request):
        form = RecommendationFilters(request.GET)
        if not form.is_valid():
            raise Http404("Some filters are not valid.")
        return form.filters()

    def link(self, filters):
        return reverse("recommendation-figures")

    def items(self, filters):
        chosen = Recommendation.objects.visible_to(PUBLIC).matching(**filters).for_display()
        return chosen.defer("review__full_text").order_by("-review__status_changed_at", "review_id", "position")[
            :ENTRIES
        ]

    def item_title(self, recommendation):
        return _recommendation_title(recommendation)

    def item_link(self, recommendation):
        return recommendation.get_absolute_url()

    def item_description(self, recommendation):
        return escape(recommendation.text)

    def item_pubdate(self, recommendation):
        return recommendation.review.status_changed_at

    def item_updateddate(self, recommendation):
        return max(recommendation.updated_at, recommendation.review.status_changed_at)


def _recommendation_title(recommendation):
    label = f"{recommendation.label}: " if recommendation.label else ""
    return f"{label}{recommendation.review.title}, to {recommendation.addressed_to}"


class SearchFeed(_FindingsFeed):
    """What a search finds that is newest: its findings, reviews or recommendations (the search page's parameters,
    level included), newest published first."""

    def get_object(self, request):
        """The search's parameters, and its query string for the feed's link (kept with them: one Feed serves every
        request)."""
        parameters = SearchForm(request.GET).parameters()
        if parameters.errors:
            raise Http404("Some search parameters are not valid.")
        return parameters, request.GET.urlencode()

    def title(self, searched):
        parameters, _ = searched
        what = {"reviews": "reviews", "recommendations": "recommendations"}.get(parameters.level, "findings")
        return f"New {what} for “{parameters.query}”" if parameters.query else f"New {what} of this search"

    def link(self, searched):
        return f"{reverse('search')}?{searched[1]}"

    def items(self, searched):
        arguments = {**searched[0].arguments(), "sort": "newest"}
        return search(user=PUBLIC, page_size=ENTRIES, **arguments).results

    def item_title(self, item):
        if isinstance(item, Recommendation):
            return _recommendation_title(item)
        return item.title

    def item_link(self, item):
        return item.get_absolute_url()

    def item_description(self, item):
        if isinstance(item, Review):
            return escape(item.summary)
        if isinstance(item, Recommendation):
            return escape(item.text)
        return super().item_description(item)

    def item_pubdate(self, item):
        return published_at(item)

    def item_updateddate(self, item):
        return max(item.updated_at, published_at(item))

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]
