"""Forms of the curation screen."""

import datetime

from django import forms

from agencies.models import Agency, Sector
from findings.forms import FindingForm, SentenceSplitForm
from findings.models import Facet, Finding, Lesson, Recommendation, Theme
from reviews.models import Review
from vocabulary import AgeBand, HarmType


class LinesField(forms.CharField):
    """A list of short texts edited one a line (commas also separate); blanks and repeats dropped."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        items = []
        for item in super().to_python(value).replace(",", "\n").splitlines():
            if item.strip() and item.strip() not in items:
                items.append(item.strip())
        return items


class DateField(forms.DateField):
    """A date typed as day/month/year, and shown back that way."""

    def prepare_value(self, value):
        return f"{value.day}/{value.month}/{value.year}" if isinstance(value, datetime.date) else value


class ReviewDetailsForm(forms.ModelForm):
    age_bands = forms.MultipleChoiceField(
        label="Age of the child or children",
        choices=AgeBand.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    harm_types = forms.MultipleChoiceField(
        label="Types of harm", choices=HarmType.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    keywords = LinesField(label="Keywords", required=False, help_text="One a line, for example “bruising”.")
    publication_date = DateField(
        label="Date of publication (if known)",
        required=False,
        help_text="For example 27/3/2021.",
        error_messages={"invalid": "Enter the date of publication as a real date, for example 27/3/2021."},
    )

    class Meta:
        model = Review
        fields = [
            "title",
            "partnership",
            "nation",
            "review_type",
            "publication_year",
            "publication_date",
            "age_bands",
            "outcome",
            "sex",
            "harm_types",
            "summary",
            "keywords",
            "methodology",
        ]
        labels = {
            "title": "Pseudonym of the review",
            "partnership": "Publishing partnership",
            "review_type": "Type of review",
            "publication_year": "Year of publication",
            "methodology": "How the review was done",
        }
        help_texts = {"publication_year": "Set from the date when there is one."}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "methodology": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "title": {"required": "Enter the pseudonym the review uses, for example “Child J”."},
            "nation": {"required": "Select the nation the review was carried out in."},
            "review_type": {"required": "Select the type of review."},
            "publication_year": {"invalid": "Enter the year of publication as a number, for example 2021."},
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publication_date"):
            cleaned["publication_year"] = cleaned["publication_date"].year
        return cleaned

    def save(self):
        # Only the fields of the form: the review's status may change meanwhile.
        self.instance.save(update_fields=[*self.Meta.fields, "updated_at"])
        return self.instance


class NewFindingForm(FindingForm):
    source_page = forms.IntegerField(
        label="Page (optional)",
        required=False,
        min_value=1,
        help_text="Left blank, it is found from the review's document when the passage is in it.",
        error_messages={"invalid": "Enter the page as a number, for example 12.", "min_value": "Pages start at 1."},
    )

    class Meta(FindingForm.Meta):
        labels = FindingForm.Meta.labels | {"text": "Passage of the review"}
        help_texts = FindingForm.Meta.help_texts | {
            "text": "Paste or type the passage from the review's text that makes this finding."
        }

    def save(self, review):
        return Finding.append(review, **self.cleaned_data)


class AddThemesForm(forms.Form):
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.active(), error_messages={"required": "Select a theme to add."}
    )


class AgenciesForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["agencies"]

    def save(self, by=None):
        self.instance.set_agencies(list(self.cleaned_data["agencies"]), by=by)
        return self.instance


class LessonLinkForm(forms.Form):
    lesson = forms.ModelChoiceField(
        label="Recurring lesson", queryset=Lesson.objects.all(), error_messages={"required": "Select a lesson."}
    )


class ReturnForm(forms.Form):
    comments = forms.CharField(
        label="Comments for the author",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What needs to change before the review can be published. The author sees these comments.",
        error_messages={"required": "Enter your comments for the author: say what needs to change."},
    )


class RecommendationForm(forms.ModelForm):
    """A recommendation of the review: its words, whom it asks, the findings it follows from, its themes."""

    class Meta:
        model = Recommendation
        fields = ["label", "text", "addressee", "addressee_text", "agencies", "kind", "findings", "themes"]
        labels = {
            "label": "Label in the report (optional)",
            "text": "Text of the recommendation",
            "addressee": "Whom does it ask?",
            "addressee_text": "Whom it asks, in the report's words (optional)",
            "agencies": "Agencies it asks",
            "kind": "Kind of recommendation",
            "findings": "Findings it follows from",
            "themes": "Themes",
        }
        help_texts = {
            "label": "As the report numbers it, for example Recommendation 3, CSC 1 or 4.2.",
            "addressee_text": "For example “The Department for Education” or “Northshire Constabulary”.",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "addressee": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "agencies": forms.CheckboxSelectMultiple,
            "findings": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
        }
        error_messages = {"text": {"required": "Enter the text of the recommendation."}}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        self.fields["findings"].queryset = review.findings.order_by("position", "id")
        self.fields["findings"].label_from_instance = lambda f: f"{f.position}. {f.title}"
        self.fields["themes"].queryset = Theme.objects.active()
        self.fields["addressee"].error_messages["required"] = "Select whom the recommendation asks."
        self.fields["kind"].error_messages["required"] = "Select the kind of recommendation."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("addressee") == Recommendation.Addressee.AGENCIES and not cleaned.get("agencies"):
            self.add_error("agencies", "Select the agencies the recommendation asks, or choose whom else it asks.")
        return cleaned

    def save(self):
        """Save it; a new one goes after the review's others."""
        recommendation = self.instance
        if recommendation.pk is None:
            recommendation.review, recommendation.position = self.review, Recommendation.next_position(self.review)
        return super().save()


class RecommendationSplitForm(SentenceSplitForm):
    noun = "recommendation"

    def save(self):
        return self.row.split(self.cleaned_data["before"])


class RecommendationMergeForm(forms.Form):
    recommendations = forms.ModelMultipleChoiceField(
        queryset=Recommendation.objects.none(),
        error_messages={
            "required": "Select the recommendations to merge.",
            "invalid_choice": "Select recommendations of this review.",
        },
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendations"].queryset = review.recommendations.order_by("position", "id")

    def clean_recommendations(self):
        chosen = sorted(self.cleaned_data["recommendations"], key=lambda row: (row.position, row.pk))
        if len(chosen) < 2:
            raise forms.ValidationError("Select at least two recommendations to merge.")
        return chosen

    def save(self):
        first, *others = self.cleaned_data["recommendations"]
        names = [other.name for other in others]
        first.merge_with(*others)
        return first, names


class PublishForm(forms.Form):
    """Publishing, with whether readers may download the public copy when one has been made."""

    offer_copy = forms.ChoiceField(
        label="May readers download the public copy of the report?",
        choices=[("yes", "Yes, I have checked the public copy"), ("no", "No, publish without a copy of the report")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether readers may download the public copy of the report."},
    )

    no_recommendations = forms.BooleanField(
        label="This report makes no recommendations",
        help_text="Its document has a recommendations section, but the review has no recommendation recorded. Add "
        "them on the curation screen, or confirm that the report makes none.",
        error_messages={"required": "Confirm that the report makes no recommendations, or add its recommendations."},
    )

    def __init__(self, *args, copy_ready, confirm_no_recommendations=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not copy_ready:
            del self.fields["offer_copy"]
        if not confirm_no_recommendations:
            del self.fields["no_recommendations"]

    @property
    def offers_copy(self):
        return getattr(self, "cleaned_data", {}).get("offer_copy") == "yes"


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the review being withdrawn?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown on the review's page, for example “Identifying details were found after publication.”",
        error_messages={"required": "Enter why the review is being withdrawn."},
    )


def themes_by_facet(leaving_out=()):
    """[(facet label, [active themes])] for the theme checkboxes, without those left out."""
    themes = list(Theme.objects.active().exclude(pk__in=[theme.pk for theme in leaving_out]))
    groups = [(facet.label, [theme for theme in themes if theme.facet == facet]) for facet in Facet]
    return [(label, members) for label, members in groups if members]


def agencies_by_sector():
    """[(sector label, [agencies])] for the agency checkboxes."""
    agencies = list(Agency.objects.all())
    groups = [(sector.label, [agency for agency in agencies if agency.sector == sector]) for sector in Sector]
    return [(label, members) for label, members in groups if members]
