from search.engine import search
from tests.factories import make_finding, make_review


def titles(query="", **kwargs):
    """Titles of the findings (or reviews, with level="reviews") a search returns, in order."""
    kwargs.setdefault("page_size", 100)
    return [row.title for row in search(query, **kwargs).results]


def published_finding(
    title, text="", *, year=2020, summary="A fictional review.", themes=(), agencies=(), pseudonym=None, **review
):
    if pseudonym:
        review["title"] = pseudonym
    review_row = make_review(publication_year=year, summary=summary, **review)
    return make_finding(review_row, title=title, text=text or title, themes=themes, agencies=agencies)
