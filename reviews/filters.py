import django_filters

from reviews.models import Review
from vocabulary import Nation, ReviewType


class ReviewListFilter(django_filters.FilterSet):
    nation = django_filters.ChoiceFilter(choices=Nation.choices, empty_label="All nations")
    review_type = django_filters.ChoiceFilter(choices=ReviewType.choices, empty_label="All review types")
    year = django_filters.NumberFilter(field_name="publication_year", label="Year published")

    class Meta:
        model = Review
        fields = ["nation", "review_type", "year"]
