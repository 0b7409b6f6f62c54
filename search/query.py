"""Reading a query: websearch syntax into concepts and exclusions."""

import re
from dataclasses import dataclass, field

MAX_CONCEPTS = 12


@dataclass
class Concept:
    """One idea of the query: what the user typed (exact) and what else means the same (variants)."""

    exact: list  # strings, ORed
    variants: list = field(default_factory=list)  # strings that mean the same
    phrase: bool = False  # a quoted phrase: required
    words: list = field(default_factory=list)  # the typed words, for suggestions


@dataclass
class ParsedQuery:
    concepts: list
    excluded: list  # strings

    @property
    def empty(self):
        return not self.concepts


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD_EDGES = re.compile(r"^[^\w&]+|[^\w&]+$")


def parse(text):
    """Split a query into concepts and exclusions (websearch syntax)."""
    concepts, excluded = [], []
    join_next = False
    for match in _TOKEN.finditer(text or ""):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare == "OR" and concepts:
                join_next = True
                continue
            negated = "-" if bare.startswith("-") and len(bare) > 1 else ""
            word = _WORD_EDGES.sub("", bare.lstrip("-"))
            word = re.sub(r"['\u2019]s$", "", word)
            if not word:
                continue
            concept = Concept(exact=[word], words=[word])
        else:
            phrase = " ".join(quoted.split())
            if not phrase:
                continue
            concept = Concept(exact=[phrase], phrase=True, words=phrase.split())
        if negated:
            excluded.extend(concept.exact)
            join_next = False
            continue
        if join_next:
            previous = concepts[-1]
            previous.exact.extend(concept.exact)
            previous.words.extend(concept.words)
            previous.phrase = False
            join_next = False
        else:
            concepts.append(concept)
    return ParsedQuery(concepts=concepts[:MAX_CONCEPTS], excluded=excluded)
