"""Forms for a finding, used by the curators' screen and by authors on their drafts; and for tracking a
recommendation's response and actions."""

from django import forms
from django.core.exceptions import ValidationError

from findings.models import Action, Finding, Recommendation
from vocabulary import Nation


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["label", "title", "text", "questions", "notes"]
        labels = {
            "label": "Label in the review (optional)",
            "title": "Title",
            "text": "Text of the finding",
            "questions": "Questions for the partnership (optional)",
            "notes": "Notes the finding cites (optional)",
        }
        help_texts = {
            "label": "As the review numbers it, for example Finding 3 or Key learning 2.",
            "questions": "Questions the review asks the partnership about this finding, one a line.",
            "notes": "The review's footnotes this finding cites, one a line with its number.",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 10}),
            "questions": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": "Enter a title for the finding."},
            "text": {"required": "Enter the text of the finding."},
        }


class SentenceSplitForm(forms.Form):
    """Which sentence of a finding's or a recommendation's text (`row`) a new one starts with."""

    noun = "finding"

    def __init__(self, *args, row, **kwargs):
        super().__init__(*args, **kwargs)
        self.row = row
        self.sentences = row.sentences()
        self.fields["before"] = forms.TypedChoiceField(
            label="Split before this sentence",
            coerce=int,
            choices=[(index, sentence) for index, sentence in enumerate(self.sentences) if index],
            widget=forms.RadioSelect,
            error_messages={"required": f"Select the sentence the new {self.noun} starts with."},
        )
        self.order_fields(["before"])


class SplitForm(SentenceSplitForm):
    title = forms.CharField(
        label="Title of the new finding (optional)",
        required=False,
        max_length=300,
        help_text="Left blank, it is the title of this finding followed by “(continued)”.",
    )

    def __init__(self, *args, finding, **kwargs):
        super().__init__(*args, row=finding, **kwargs)
        self.finding = finding

    def save(self):
        return self.finding.split(self.cleaned_data["before"], self.cleaned_data["title"])


class MergeForm(forms.Form):
    findings = forms.ModelMultipleChoiceField(
        queryset=Finding.objects.none(),
        error_messages={
            "required": "Select the findings to merge.",
            "invalid_choice": "Select findings of this review.",
        },
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["findings"].queryset = review.findings.order_by("position", "id")

    def clean_findings(self):
        findings = sorted(self.cleaned_data["findings"], key=lambda finding: (finding.position, finding.pk))
        if len(findings) < 2:
            raise ValidationError("Select at least two findings to merge.")
        return findings

    def save(self):
        first, *others = self.cleaned_data["findings"]
        first.merge_with(*others)
        return first, others


class ResponseForm(forms.ModelForm):
    """The response to a recommendation, recorded by the partnership that published the review (or a curator)."""

    responded_at = forms.DateField(
        label="Date of the response (optional)",
        required=False,
        help_text="As year-month-day, for example 2026-03-31.",
        error_messages={"invalid": "Enter the date of the response as year-month-day, for example 2026-03-31."},
    )

    class Meta:
        model = Recommendation
        fields = ["response", "response_reasons", "responded_at"]
        labels = {"response": "Response", "response_reasons": "Reasons (optional)"}
        help_texts = {"response_reasons": "Why it was accepted only in part, or not accepted; shown to everyone."}
        widgets = {"response": forms.RadioSelect, "response_reasons": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response"].choices = [("", "No response recorded yet"), *Recommendation.Response.choices]

    def clean(self):
        cleaned = super().clean()
        Response = Recommendation.Response
        partly = cleaned.get("response") in (Response.PARTLY_ACCEPTED, Response.NOT_ACCEPTED)
        if partly and not (cleaned.get("response_reasons") or "").strip():
            self.add_error("response_reasons", "Enter why it was not accepted in full.")
        return cleaned


class ActionForm(forms.ModelForm):
    """An action taken on a recommendation."""

    due = forms.DateField(
        label="Due by (optional)",
        required=False,
        help_text="As year-month-day, for example 2026-09-30.",
        error_messages={"invalid": "Enter the date it is due as year-month-day, for example 2026-09-30."},
    )

    class Meta:
        model = Action
        fields = ["text", "owner", "owner_text", "due", "status", "evidence", "internal_note"]
        labels = {
            "text": "What will be done",
            "owner": "Owner agency (optional)",
            "owner_text": "Owner, in words (optional)",
            "status": "Status",
            "evidence": "Evidence of progress or completion (optional)",
            "internal_note": "Internal note (optional)",
        }
        help_texts = {
            "owner_text": "When no agency of the list fits, for example “Safeguarding partnership business unit”.",
            "evidence": "What shows it was done, with links to documents; shown to everyone.",
            "internal_note": "Seen only by the partnership's authors and the curators.",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "status": forms.RadioSelect,
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"text": {"required": "Enter what will be done."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].empty_label = "No agency of the list"


class RecommendationFilters(forms.Form):
    """The filters of recommendations (their export and national figures), as the API names them."""

    nation = forms.ChoiceField(label="Nation", choices=[("", "All nations"), *Nation.choices], required=False)
    year_from = forms.IntegerField(
        label="From year", min_value=1900, max_value=2100, required=False,
        error_messages={"invalid": "Enter the first year as four digits, for example 2015."},
    )  # fmt: skip
    year_to = forms.IntegerField(
        label="To year", min_value=1900, max_value=2100, required=False,
        error_messages={"invalid": "Enter the last year as four digits, for example 2024."},
    )  # fmt: skip
    kind = forms.ChoiceField(choices=Recommendation.Kind.choices, required=False)
    addressee = forms.ChoiceField(choices=Recommendation.Addressee.choices, required=False)
    theme = forms.SlugField(required=False)
    agency = forms.SlugField(required=False)

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("year_from"), cleaned.get("year_to")
        if first and last and first > last:
            self.add_error("year_to", "The last year must be the same as or after the first year.")
        return cleaned

    def filters(self):
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
