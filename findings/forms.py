"""Forms for a finding, used by the curators' screen and by authors on their drafts."""

from django import forms
from django.core.exceptions import ValidationError

from findings.models import Finding


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


class SplitForm(forms.Form):
    title = forms.CharField(
        label="Title of the new finding (optional)",
        required=False,
        max_length=300,
        help_text="Left blank, it is the title of this finding followed by “(continued)”.",
    )

    def __init__(self, *args, finding, **kwargs):
        super().__init__(*args, **kwargs)
        self.finding = finding
        self.sentences = finding.sentences()
        self.fields["before"] = forms.TypedChoiceField(
            label="Split before this sentence",
            coerce=int,
            choices=[(index, sentence) for index, sentence in enumerate(self.sentences) if index],
            widget=forms.RadioSelect,
            error_messages={"required": "Select the sentence the new finding starts with."},
        )
        self.order_fields(["before", "title"])

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
