"""Spelling suggestions ("did you mean") from the published corpus's own words."""

import re

from django.db.models import F, Func, Q

from search.models import SearchTerm
from vocabulary import field_words


def _distance(a, b, limit):
    """Levenshtein distance, or limit + 1 once it is certainly more than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def suggest_spelling(text, unknown, exists=None):
    """The query with each unknown word replaced by the nearest corpus word, or None.

    Words of the field's terms of art and acronyms ("ACEs", "sexting", "cuckooing") are never replaced, even when
    no published document has them yet. exists(word) confirms a candidate: the word list may hold words that
    edits have since removed.
    """
    corrected = text
    changed = False
    for word in unknown:
        lowered = word.lower()
        if len(lowered) < 3 or not lowered.isalpha() or lowered in field_words():
            continue
        limit = 1 if len(lowered) <= 5 else 2
        candidates = (
            SearchTerm.objects.exclude(stem="")
            .filter(
                Q(word__startswith=lowered[0])
                | Q(word__startswith=lowered[:2][::-1])
                | Q(word__regex=f"^.{re.escape(lowered[1])}")
            )
            .annotate(length=Func(F("word"), function="length"))
            .filter(length__gte=len(lowered) - limit, length__lte=len(lowered) + limit)
            .values_list("word", "ndoc")
        )
        ranked = sorted(
            (distance, -ndoc, candidate)
            for candidate, ndoc in candidates
            if (distance := _distance(lowered, candidate, limit)) <= limit
        )
        best = next((c for _, _, c in ranked[:20] if exists is None or exists(c)), None)
        if best:
            corrected = re.sub(rf"\b{re.escape(word)}\b", best, corrected, count=1)
            changed = True
    return corrected if changed else None
