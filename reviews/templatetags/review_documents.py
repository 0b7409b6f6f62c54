from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def mark_in(context, text):
    """The context, escaped, with the first occurrence of text marked. Both come from uploads: untrusted."""
    context, text = str(context or ""), str(text or "")
    at = context.find(text) if text else -1
    if at < 0:
        return escape(context)
    return mark_safe(
        f"{escape(context[:at])}<mark>{escape(context[at : at + len(text)])}</mark>{escape(context[at + len(text) :])}"
    )
