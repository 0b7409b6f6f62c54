"""What text extraction hands on: the shapes shared by extraction, the anonymisation check and segmentation.

Kept free of Django and of any parser so every stage (and the command-line tools) can use it.
"""

from dataclasses import dataclass, field


class DocumentRejected(Exception):
    """An upload the repository cannot take, with a message written for the person who uploaded it."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message

    def __reduce__(self):  # raised in a child process and re-raised in the worker (reviews.bounded)
        return DocumentRejected, (self.code, self.message)


@dataclass
class Page:
    number: int  # 1-based; a text or DOCX file is one page
    text: str


@dataclass
class Extra:
    """Text outside the body that can still identify someone.

    source is one of: "metadata" (document properties), "comment", "tracked_change", "annotation" (PDF),
    "hidden_text" (PDF text under a filled box), "header_footer" (repeated page furniture taken out of the
    body text), "footnote" (a footnote's note, taken out of the text: PDF, Markdown, a text export's notes).
    """

    source: str
    text: str
    label: str = ""  # e.g. "Author", "Last modified by", "Deleted text", "Comment"
    page: int | None = None
    context: str = ""  # a footnote's: the words just before its mark, where the text cites it


@dataclass
class ExtractedDocument:
    kind: str  # "pdf" | "docx" | "text" | "markdown"
    pages: list[Page]
    extras: list[Extra] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # non-fatal remarks for the author

    @property
    def text(self):
        return "\n\n".join(page.text for page in self.pages)

    @property
    def word_count(self):
        return sum(len(page.text.split()) for page in self.pages)
