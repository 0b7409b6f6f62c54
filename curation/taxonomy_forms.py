"""Forms for curators' theme taxonomy pages: add, change, merge."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from findings.models import Facet, Theme, ThemeRedirect, normalise_keyword

# Slugs the taxonomy pages use under /themes/: no theme may take them.
RESERVED_SLUGS = {"manage", "new"}


def parse_keywords(text):
    """Keywords typed one a line: spaces tidied, blanks dropped, repeats (ignoring case, punctuation and
    a plural s) dropped, the first spelling kept."""
    keywords, seen = [], set()
    for line in (text or "").splitlines():
        keyword = " ".join(line.split()).strip(",;")
        key = normalise_keyword(keyword)
        if key and key not in seen:
            seen.add(key)
            keywords.append(keyword)
    return keywords


class KeywordsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 8})

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Indicative keywords")
        kwargs.setdefault(
            "help_text",
            "One a line: words and phrases reviews use for this theme. Theme suggestions use them at once.",
        )
        super().__init__(required=False, **kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def clean(self, value):
        keywords = parse_keywords(super().clean(value))
        too_long = [k for k in keywords if len(k) > 120]
        if too_long:
            raise ValidationError(f"Keywords must be 120 characters or fewer: “{too_long[0][:40]}…” is too long")
        return keywords


class ThemeFieldsMixin:
    """Checks that a theme's name and slug are free (the theme being changed aside)."""

    theme = None

    def _others(self):
        return Theme.objects.exclude(pk=self.theme.pk) if self.theme else Theme.objects.all()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if self._others().filter(name__iexact=name).exists():
            raise ValidationError("There is already a theme with this name")
        return name

    def check_slug(self, slug, field):
        if not slug:
            self.add_error(field, "The name must contain letters or numbers")
        elif slug in RESERVED_SLUGS:
            self.add_error(field, f"“{slug}” cannot be used as a web address: choose another")
        elif self._others().filter(slug=slug).exists():
            self.add_error(field, f"Another theme already has the web address /themes/{slug}/")
        elif ThemeRedirect.objects.filter(old_slug=slug).exclude(theme=self.theme).exists():
            self.add_error(field, f"/themes/{slug}/ still leads to another theme that used it: choose another")


class NewThemeForm(ThemeFieldsMixin, forms.ModelForm):
    keywords = KeywordsField()

    class Meta:
        model = Theme
        fields = ["name", "facet", "definition", "keywords"]
        labels = {"name": "Name", "facet": "Kind of theme", "definition": "Definition"}
        help_texts = {
            "name": "Its web address is made from the name.",
            "definition": "What findings with this theme are about, in a sentence or two.",
        }
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        if "name" in cleaned:
            self.check_slug(slugify(cleaned["name"])[:80].strip("-"), "name")
        return cleaned

    def save(self, commit=True):
        theme = super().save(commit=False)
        theme.slug = slugify(theme.name)[:80].strip("-")
        last = Theme.objects.filter(facet=theme.facet).order_by("-position").first()
        theme.position = last.position + 1 if last else 0
        if commit:
            theme.save()
        return theme


class ThemeForm(ThemeFieldsMixin, forms.Form):
    """Change a theme: renaming it (or its web address) keeps the old address redirecting."""

    name = forms.CharField(label="Name", max_length=120)
    slug = forms.SlugField(
        label="Web address",
        max_length=80,
        required=False,
        help_text="The last part of /themes/…/. Leave it empty to make it from the name. "
        "The old address will redirect to the new one.",
    )
    facet = forms.ChoiceField(label="Kind of theme", choices=Facet.choices)
    definition = forms.CharField(label="Definition", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    keywords = KeywordsField()

    def __init__(self, *args, theme, **kwargs):
        self.theme = theme
        initial = {name: getattr(theme, name) for name in ("name", "slug", "facet", "definition", "keywords")}
        super().__init__(*args, initial=initial, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if "name" in cleaned and "slug" in cleaned:
            cleaned["slug"] = cleaned["slug"] or slugify(cleaned["name"])[:80].strip("-")
            self.check_slug(cleaned["slug"], "slug")
        return cleaned

    @property
    def renamed(self):
        return (self.cleaned_data["name"], self.cleaned_data["slug"]) != (self.theme.name, self.theme.slug)

    def save(self):
        theme, data = self.theme, self.cleaned_data
        theme.facet, theme.definition, theme.keywords = data["facet"], data["definition"], data["keywords"]
        if self.renamed:
            theme.rename(data["name"], data["slug"])
        else:
            theme.save()
        return theme


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label="Merge into",
        queryset=Theme.objects.none(),
        to_field_name="slug",
        empty_label="Choose a theme",
        help_text="Its findings, reviews and lessons will carry the theme you choose instead.",
        error_messages={"required": "Choose the theme to merge into", "invalid_choice": "Choose one of the themes"},
    )

    def __init__(self, *args, theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Theme.objects.exclude(pk=theme.pk).order_by("name")
