from django import forms

from alerts.models import Alert


class AlertForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We use it only to send these e-mails, and delete it when you stop them.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    frequency = forms.ChoiceField(
        label="How often do you want e-mails?",
        choices=Alert.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how often you want e-mails"},
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(choices=Alert.Frequency.choices)
