from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, queryset, per_page=None):
    """The requested page of queryset; a page number out of range gives the nearest page."""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))
