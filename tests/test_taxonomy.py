"""Theme taxonomy management: curators add, rename, describe, deactivate and merge themes; search, counts,
theme pages, suggestions and old addresses follow at once."""

import pytest
from django.urls import reverse

from curation.taxonomy_forms import parse_keywords
from findings.models import Theme, ThemeRedirect
from ingest.suggestions import suggest_themes
from search.engine import search
from tests.factories import make_finding, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def fostering():
    """Two published findings tagged "Private fostering" whose own words never say so, and a hidden one."""
    first = make_finding(
        make_review(title="Child Fern"),
        title="Nobody asked who the aunt's friend was",
        text="The girl lived with a family friend for a year and no agency was told.",
        themes=["private-fostering"],
    )
    second = make_finding(
        make_review(title="Child Moss"),
        title="The school did not ask where the boy was living",
        text="He stayed with a neighbour while his mother was abroad.",
        themes=["private-fostering"],
    )
    make_finding(make_review("draft", title="Child Draft"), title="Draft finding", themes=["private-fostering"])
    return [first, second]


def edit_data(theme, **changes):
    data = {
        "name": theme.name,
        "slug": theme.slug,
        "facet": theme.facet,
        "definition": theme.definition,
        "keywords": "\n".join(theme.keywords),
    }
    return {**data, **changes}


def theme_facet_counts(results):
    return {option.value: option.count for option in results.facets["theme"]}


MANAGEMENT = [
    ("get", "theme-manage", []),
    ("get", "theme-new", []),
    ("post", "theme-new", []),
    ("get", "theme-edit", ["neglect"]),
    ("post", "theme-edit", ["neglect"]),
    ("post", "theme-deactivate", ["neglect"]),
    ("post", "theme-reactivate", ["neglect"]),
    ("get", "theme-merge", ["neglect"]),
    ("post", "theme-merge", ["neglect"]),
]


@pytest.mark.parametrize(("method", "name", "args"), MANAGEMENT)
def test_signed_in_non_curators_get_404_on_every_taxonomy_page_and_post(outsider, method, name, args):
    response = getattr(outsider, method)(reverse(name, args=args), {"name": "Sneaky", "into": "hygiene"})
    assert response.status_code == 404
    assert Theme.objects.get(slug="neglect").active and not Theme.objects.filter(name="Sneaky").exists()


@pytest.mark.parametrize(("method", "name", "args"), MANAGEMENT)
def test_signed_out_visitors_are_sent_to_sign_in(practitioner, method, name, args):
    response = getattr(practitioner, method)(reverse(name, args=args))
    assert response.status_code == 302 and response["Location"].startswith(reverse("sign-in"))


def test_the_manage_page_lists_active_and_inactive_themes_by_facet_with_counts(curator, fostering):
    Theme.objects.filter(slug="radicalisation").update(active=False)
    facets = dict(curator.get(reverse("theme-manage")).context["facets"])
    context = {t.slug: t for t in facets["context"]}
    assert sum(len(themes) for themes in facets.values()) == Theme.objects.count() == 41
    assert not context["radicalisation"].active
    assert context["private-fostering"].finding_count == 3  # curators count unpublished findings too


def test_the_theme_index_links_to_theme_management_for_curators_only(curator, practitioner):
    link = f'href="{reverse("theme-manage")}"'
    assert link in curator.get(reverse("theme-index")).content.decode()
    assert link not in practitioner.get(reverse("theme-index")).content.decode()


def test_a_curator_adds_a_theme_whose_slug_comes_from_its_name(curator):
    response = curator.post(
        reverse("theme-new"),
        {
            "name": "Bereavement and loss",
            "facet": "context",
            "definition": "The child or a carer lost someone close.",
            "keywords": "bereavement\n  death of a parent \n\nBereavement\nloss",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("theme-manage")
    theme = Theme.objects.get(slug="bereavement-and-loss")
    assert (theme.name, theme.facet, theme.active) == ("Bereavement and loss", "context", True)
    assert theme.keywords == ["bereavement", "death of a parent", "loss"]
    assert theme.position > Theme.objects.filter(facet="context").exclude(pk=theme.pk).order_by("-position")[0].position


def test_a_new_theme_cannot_take_the_name_of_another(curator):
    response = curator.post(reverse("theme-new"), {"name": "neglect", "facet": "context"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and "There is already a theme with this name" in html
    assert 'href="#id_name"' in html
    assert Theme.objects.filter(name__iexact="neglect").count() == 1


def test_keywords_typed_one_a_line_are_tidied_and_deduplicated():
    typed = "  MASH\ninformation   sharing\n\nInformation sharing,\nreferrals\nreferral\nGDPR"
    assert parse_keywords(typed) == ["MASH", "information sharing", "referrals", "GDPR"]


def test_renaming_a_theme_redirects_its_old_address_permanently(curator, practitioner, fostering):
    theme = Theme.objects.get(slug="private-fostering")
    response = curator.post(
        reverse("theme-edit", args=["private-fostering"]),
        edit_data(theme, name="Private and informal fostering", slug=""),
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.name, theme.slug) == ("Private and informal fostering", "private-and-informal-fostering")
    old = practitioner.get("/themes/private-fostering/?page=1")
    assert old.status_code == 301 and old["Location"] == "/themes/private-and-informal-fostering/?page=1"
    page = practitioner.get(old["Location"])
    assert page.context["theme"].finding_count == 2 and page.context["theme"].review_count == 2


def test_renaming_a_theme_keeps_search_and_facet_counts_right(curator, fostering):
    theme = Theme.objects.get(slug="private-fostering")
    curator.post(reverse("theme-edit", args=[theme.slug]), edit_data(theme, name="Informal care arrangements", slug=""))
    found = search("informal care arrangements", page_size=100)
    assert {f.pk for f in found.results} == {f.pk for f in fostering}
    assert theme_facet_counts(found)["informal-care-arrangements"] == 2
    assert theme_facet_counts(search("", {"theme": ["informal-care-arrangements"]}))["informal-care-arrangements"] == 2
    # The old name is remembered: people who learned it still find the theme's findings.
    assert {f.pk for f in search("private fostering", page_size=100).results} == {f.pk for f in fostering}


def test_a_theme_cannot_take_an_address_that_still_leads_to_another_theme(curator):
    ThemeRedirect.objects.create(old_slug="hygiene", theme=Theme.objects.get(slug="neglect"))
    theme = Theme.objects.get(slug="poverty-housing")
    response = curator.post(reverse("theme-edit", args=[theme.slug]), edit_data(theme, slug="hygiene"))
    assert response.status_code == 200
    assert "/themes/hygiene/ still leads to another theme" in response.content.decode()
    assert Theme.objects.filter(slug="poverty-housing").exists()


def test_describing_a_theme_and_changing_its_facet_keep_its_address(curator, practitioner):
    theme = Theme.objects.get(slug="poverty-housing")
    curator.post(
        reverse("theme-edit", args=[theme.slug]),
        edit_data(theme, definition="Money & housing <worries>.", facet="practice"),
    )
    theme.refresh_from_db()
    assert (theme.slug, theme.facet, theme.definition) == ("poverty-housing", "practice", "Money & housing <worries>.")
    assert not ThemeRedirect.objects.filter(theme=theme).exists()
    html = practitioner.get(theme.get_absolute_url()).content.decode()
    assert "Money &amp; housing &lt;worries&gt;." in html


def test_a_keyword_edit_changes_theme_suggestions_at_once(curator):
    text = "The family had been refused the Westmoor hardship grant twice."
    title = "The Westmoor hardship grant"
    assert "poverty-housing" not in {s.slug for s in suggest_themes(text, title=title)}
    theme = Theme.objects.get(slug="poverty-housing")
    keywords = "\n".join([*theme.keywords, "Westmoor hardship grant"])
    curator.post(reverse("theme-edit", args=[theme.slug]), edit_data(theme, keywords=keywords))
    found = {s.slug: s for s in suggest_themes(text, title=title)}
    assert found["poverty-housing"].reasons[0].keyword == "Westmoor hardship grant"


def test_deactivating_a_theme_hides_it_from_filters_the_index_and_suggestions(curator, practitioner, fostering):
    text = "She had lived in a private fostering arrangement with a family friend."
    assert "private-fostering" in {s.slug for s in suggest_themes(text, title="Private fostering")}
    response = curator.post(reverse("theme-deactivate", args=["private-fostering"]))
    assert response.status_code == 302 and not Theme.objects.get(slug="private-fostering").active
    index = practitioner.get(reverse("theme-index")).context["facets"]
    assert "private-fostering" not in {t.slug for _, themes in index for t in themes}
    filters = practitioner.get(reverse("search"), {"q": "family friend"}).context["results"].facets["theme"]
    assert "private-fostering" not in {option.value for option in filters}
    assert "private-fostering" not in {s.slug for s in suggest_themes(text, title="Private fostering")}


def test_a_deactivated_theme_keeps_its_tags_and_its_page(curator, practitioner, fostering):
    curator.post(reverse("theme-deactivate", args=["private-fostering"]))
    assert all(f.themes.filter(slug="private-fostering").exists() for f in fostering)
    page = practitioner.get(reverse("theme-detail", args=["private-fostering"]))
    assert page.status_code == 200 and page.context["theme"].finding_count == 2
    assert "This theme is no longer used for new findings." in page.content.decode()


def test_reactivating_a_theme_offers_it_again(curator, practitioner):
    Theme.objects.filter(slug="private-fostering").update(active=False)
    curator.post(reverse("theme-reactivate", args=["private-fostering"]))
    index = practitioner.get(reverse("theme-index")).context["facets"]
    assert "private-fostering" in {t.slug for _, themes in index for t in themes}


def test_merging_asks_for_confirmation_saying_how_many_findings_move(curator, fostering):
    response = curator.get(reverse("theme-merge", args=["private-fostering"]), {"into": "looked-after-children"})
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["finding_count"] == 3
    assert "govuk-warning-text" in html and "3 findings will be tagged" in html
    assert Theme.objects.filter(slug="private-fostering").exists()


def test_a_theme_cannot_be_merged_into_itself(curator):
    response = curator.post(reverse("theme-merge", args=["neglect"]), {"into": "neglect"})
    assert response.status_code == 200 and "Choose one of the themes" in response.content.decode()
    assert Theme.objects.filter(slug="neglect").exists()


def test_merging_moves_the_findings_to_the_surviving_theme(curator, practitioner, fostering):
    make_finding(make_review(), title="Placement moved", themes=["looked-after-children"])
    response = curator.post(reverse("theme-merge", args=["private-fostering"]), {"into": "looked-after-children"})
    assert response.status_code == 302 and not Theme.objects.filter(slug="private-fostering").exists()
    page = practitioner.get(reverse("theme-detail", args=["looked-after-children"]))
    assert page.context["theme"].finding_count == 3 and page.context["theme"].review_count == 3
    counts = theme_facet_counts(search("", {"theme": ["looked-after-children"]}))
    assert counts == {"looked-after-children": 3}
    facet = {o.value: o.count for o in search("", {"facet": ["context"]}).facets["facet"]}
    assert facet["context"] == 3


def test_a_merged_theme_address_redirects_permanently_to_the_survivor(curator, practitioner, fostering):
    curator.post(reverse("theme-merge", args=["private-fostering"]), {"into": "looked-after-children"})
    response = practitioner.get("/themes/private-fostering/")
    assert response.status_code == 301 and response["Location"] == "/themes/looked-after-children/"


def test_search_by_a_merged_theme_name_still_finds_its_findings(curator, fostering):
    assert {f.pk for f in search("private fostering").results} == {f.pk for f in fostering}
    curator.post(reverse("theme-merge", args=["private-fostering"]), {"into": "looked-after-children"})
    found = search("private fostering", page_size=100)
    assert {f.pk for f in found.results} == {f.pk for f in fostering}
    assert found.themes_named == ["looked-after-children"]
