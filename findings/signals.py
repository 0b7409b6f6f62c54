"""Signals of the findings layer that the layers above listen to."""

from django.dispatch import Signal

# Sent after findings, reviews or lessons were written without their models' save (bulk imports), so that what is
# derived from their texts (search.semantic's embeddings) catches up.
texts_changed = Signal()
