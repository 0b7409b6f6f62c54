"""Forms for curators' recurring lesson pages."""

from django import forms
from django.db.models import Q

from findings.models import Finding, Lesson, Theme


class LessonForm(forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["statement", "summary", "themes"]
        labels = {"statement": "Statement", "summary": "Summary", "themes": "Themes"}
        help_texts = {
            "summary": "What the reviews found and why it matters to practitioners, in a short paragraph or two.",
            "themes": "The lesson is listed on these themes' pages.",
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 6}), "themes": forms.CheckboxSelectMultiple}
        error_messages = {"statement": {"required": "Enter the lesson as a statement"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kept = self.instance.themes.all() if self.instance.pk else Theme.objects.none()
        self.fields["themes"].queryset = Theme.objects.filter(Q(active=True) | Q(pk__in=kept)).order_by("name")


class LinkFindingForm(forms.Form):
    """Link one finding to a lesson, from the search results."""

    lesson = forms.ModelChoiceField(
        queryset=Lesson.objects.all(), error_messages={"required": "Choose the lesson to link the finding to"}
    )
    finding = forms.ModelChoiceField(queryset=Finding.objects.all())
