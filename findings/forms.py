"""Forms for a finding, used by the curators' screen and by authors on their drafts."""

from django import forms

from findings.models import Finding


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["label", "title", "text", "questions", "recommendation", "notes"]
        labels = {
            "label": "Label in the review (optional)",
            "title": "Title",
            "text": "Text of the finding",
            "recommendation": "Recommendation (optional)",
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
            "recommendation": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": "Enter a title for the finding."},
            "text": {"required": "Enter the text of the finding."},
        }
