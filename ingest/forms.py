from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from accounts.roles import author_partnership_ids, is_curator
from agencies.models import Partnership
from ingest import uploads
from ingest.documents import DocumentRejected
from reviews.models import AnonymisationFlag, Review
from vocabulary import AgeBand, Nation, Outcome, review_type_choices


def _names(text):
    """One name a line (commas also separate), blanks and repeats dropped."""
    names = []
    for line in text.replace(",", "\n").splitlines():
        if line.strip() and line.strip() not in names:
            names.append(line.strip())
    return names


class DocumentField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Review document")
        kwargs.setdefault(
            "help_text",
            "The redacted review as a PDF, Word (DOCX), plain text or Markdown file, "
            f"up to {settings.UPLOAD_MAX_MB} MB.",
        )
        kwargs.setdefault("error_messages", {"required": "Choose the review document to upload."})
        kwargs.setdefault("allow_empty_file", True)  # refused by the upload check, which records every refusal
        super().__init__(**kwargs)


class UploadCheckMixin:
    """Checks the uploaded file (type from its content, size, duplicates, readability) as form validation.

    A refused file is recorded with its reason; a good one waits in `self.checked` for `save`.
    """

    review = None

    def clean_document(self):
        uploaded = self.cleaned_data["document"]
        try:
            self.checked = uploads.check_upload(uploaded, self.user)
        except DocumentRejected as rejected:
            uploads.record_rejection(self.review, uploaded, rejected, self.user)
            self.duplicate_of = getattr(rejected, "document", None)
            raise ValidationError(rejected.message, code=rejected.code) from None
        return uploaded

    def full_clean(self):
        super().full_clean()
        if self._errors:  # the form goes back to its author: nothing will be stored from this upload
            self.discard_upload()

    def discard_upload(self):
        """Delete the private copy of the checked file: it is kept only until it is stored."""
        checked = getattr(self, "checked", None)
        if checked is not None:
            checked.path.unlink(missing_ok=True)

    def save(self):
        """Store the review's document. A refusal found only then (the same file stored a moment ago by
        another upload) is recorded and put on the form, and DocumentRejected raised."""
        try:
            return self.store()
        except DocumentRejected as rejected:
            uploads.record_rejection(self.review, self.cleaned_data["document"], rejected, self.user)
            self.duplicate_of = getattr(rejected, "document", None)
            self.add_error("document", rejected.message)
            raise
        finally:
            self.discard_upload()


class NewReviewForm(UploadCheckMixin, forms.ModelForm):
    pseudonyms_text = forms.CharField(
        label="Pseudonyms used in the review",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, for example “Child J” or “Gabriel”. The anonymisation check will not flag them.",
    )
    age_bands = forms.MultipleChoiceField(
        label="Age of the child or children",
        choices=AgeBand.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    document = DocumentField()

    class Meta:
        model = Review
        fields = ["title", "partnership", "nation", "review_type", "publication_year", "outcome", "reviewer", "summary"]
        labels = {
            "title": "Pseudonym of the review",
            "partnership": "Publishing partnership",
            "publication_year": "Year of publication (if known)",
            "reviewer": "Review authors and chair",
            "summary": "Short summary (optional)",
        }
        help_texts = {
            "title": "As the review names the child, for example “Child J” or “Siblings W and X”.",
            "reviewer": "Their names are not flagged by the anonymisation check. Separate names with commas.",
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "title": {"required": "Enter the pseudonym the review uses, for example “Child J”."},
            "partnership": {"required": "Select the partnership that publishes the review."},
            "nation": {"required": "Select the nation the review was carried out in."},
            "review_type": {"required": "Select the type of review."},
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        partnership = self.fields["partnership"]
        partnership.required = True
        partnership.empty_label = "Select the partnership"
        if not is_curator(user):  # authors upload for their own partnerships only
            partnership.queryset = Partnership.objects.filter(pk__in=author_partnership_ids(user))
            if len(partnership.queryset) == 1:  # the only one there is: chosen already
                self.initial.setdefault("partnership", partnership.queryset[0].pk)
        self.fields["nation"].choices = [("", "Select the nation"), *Nation.choices]
        self.fields["review_type"].choices = [("", "Select the type of review"), *review_type_choices()]
        self.fields["outcome"].choices = [("", "Not given"), *Outcome.choices]

    def store(self):
        review = self.instance  # the form's fields were set on it when it was validated
        review.pseudonyms = _names(self.cleaned_data["pseudonyms_text"])
        review.age_bands = self.cleaned_data["age_bands"]
        return uploads.create_review_with_document(review, self.checked, self.user)


class NewVersionForm(UploadCheckMixin, forms.Form):
    document = DocumentField(label="Corrected review document")

    def __init__(self, *args, review, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        self.user = user

    def store(self):
        return uploads.add_version(self.review, self.checked, self.user)


class FlagResolutionForm(forms.Form):
    reason = forms.CharField(
        label="Why is this not identifying?",
        max_length=500,
        error_messages={"required": "Say why this is not identifying, for example “a pseudonym”."},
    )

    def __init__(self, *args, flag: AnonymisationFlag, **kwargs):
        super().__init__(*args, prefix=f"flag-{flag.pk}", **kwargs)
        self.flag = flag


class SubmissionForm(forms.Form):
    """The author's declaration before a review goes to the curators."""

    declaration = forms.BooleanField(
        label=(
            "I confirm that this review has been redacted for publication: children and family members are given "
            "pseudonyms, professionals are referred to by their role, and each flag marked not identifying has been "
            "checked"
        ),
        error_messages={"required": "Confirm that the review has been redacted before you submit it"},
    )


class ReviewDetailsForm(forms.ModelForm):
    """The author's details of a draft review: what the upload form asked, the document aside."""

    pseudonyms_text = NewReviewForm.base_fields["pseudonyms_text"]
    age_bands = NewReviewForm.base_fields["age_bands"]

    class Meta:
        model = Review
        fields = ["title", "nation", "review_type", "publication_year", "outcome", "reviewer", "summary"]
        labels = NewReviewForm.Meta.labels
        help_texts = NewReviewForm.Meta.help_texts
        widgets = NewReviewForm.Meta.widgets
        error_messages = NewReviewForm.Meta.error_messages

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nation"].choices = [("", "Select the nation"), *Nation.choices]
        self.fields["review_type"].choices = [("", "Select the type of review"), *review_type_choices()]
        self.fields["outcome"].choices = [("", "Not given"), *Outcome.choices]
        self.initial.setdefault("pseudonyms_text", "\n".join(self.instance.pseudonyms or []))
        self.initial.setdefault("age_bands", self.instance.age_bands or [])

    def save(self, commit=True):
        self.instance.pseudonyms = _names(self.cleaned_data["pseudonyms_text"])
        self.instance.age_bands = self.cleaned_data["age_bands"]
        return super().save(commit)
