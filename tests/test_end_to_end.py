"""End to end, through the pages only: an author uploads a review and corrects it, a curator curates it, links it
to a recurring lesson and publishes both, a practitioner finds it, and the curator withdraws it again.

Each step a person takes is a request to the real views made with what the page shows: the form that has the
button pressed, its fields found by their labels and names in the page's HTML, or the link with the text clicked.
The document is processed by the real pipeline during the upload (TASKS_BACKEND=immediate). The test commits
each request, as the site does, so that the history's times are real.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ingest.forms import SubmissionForm
from tests.documents import make_pdf

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


# Pages, their links and their forms, used as a person would ------------------------------------------------


@dataclass
class Control:
    tag: str
    type: str
    name: str = ""
    value: str = ""
    id: str = ""
    checked: bool = False  # checked, or for an option selected
    text: str = ""  # a button's, option's or link's text, with its visually hidden parts (as a screen reader says)
    label: str = ""  # the text of the control's <label>
    options: list = field(default_factory=list)  # a select's options, as Controls


@dataclass
class Form:
    url: str
    method: str
    id: str = ""
    controls: list = field(default_factory=list)


def _squash(text):
    return " ".join(text.split())


def _text(html):
    """What a piece of HTML says: every tag a space, but none before punctuation after a tag ("<b>Draft</b>.")."""
    return re.sub(r" ([,.;:])", r"\1", _squash(unescape(re.sub(r"<[^>]+>", " ", html))))


class _PageParser(HTMLParser):
    """The forms of a page (with the controls outside them that name them in form="..."), its links and labels."""

    def __init__(self, url):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.form = self.select = None
        self.forms, self.links, self.labels, self.outside = [], [], [], []
        self.collecting = []  # (tag, control, attribute) of the open elements whose text is wanted

    def _add(self, control, attrs):
        if attrs.get("form"):
            self.outside.append((attrs["form"], control))
        elif self.form is not None:
            self.form.controls.append(control)

    def handle_starttag(self, tag, attrs):
        attrs = {name: "" if value is None else value for name, value in attrs}
        name, value, ident = attrs.get("name", ""), attrs.get("value", ""), attrs.get("id", "")
        if tag == "form":
            url = urljoin(self.url, attrs.get("action") or self.url)
            self.form = Form(url, attrs.get("method", "get").lower(), ident)
            self.forms.append(self.form)
        elif tag == "input":
            kind = attrs.get("type", "text").lower()
            value = "on" if kind in ("checkbox", "radio") and "value" not in attrs else value
            text = value if kind == "submit" else ""
            self._add(Control("input", kind, name, value, ident, checked="checked" in attrs, text=text), attrs)
        elif tag in ("textarea", "select", "button"):
            kind = attrs.get("type", "submit").lower() if tag == "button" else tag
            control = Control(tag, kind, name, value, ident)
            self._add(control, attrs)
            if tag == "select":
                self.select = control
            else:
                self.collecting.append((tag, control, "value" if tag == "textarea" else "text"))
        elif tag == "option" and self.select is not None:
            option = Control("option", "option", value=value, checked="selected" in attrs)
            self.select.options.append(option)
            self.collecting.append((tag, option, "text"))
        elif tag == "a" and "href" in attrs:
            link = Control("a", "link", value=urljoin(self.url, attrs["href"]))
            self.links.append(link)
            self.collecting.append((tag, link, "text"))
        elif tag == "label":
            label = Control("label", "label", value=attrs.get("for", ""))
            self.labels.append(label)
            self.collecting.append((tag, label, "text"))

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        for index in reversed(range(len(self.collecting))):
            if self.collecting[index][0] == tag:
                del self.collecting[index]
                break

    def handle_data(self, data):
        for _, control, attribute in self.collecting:
            setattr(control, attribute, getattr(control, attribute) + data)


class Page:
    """A page a person has open: its address, what it says, its links and its forms."""

    def __init__(self, client, response):
        assert response.status_code == 200, (response.status_code, response.content.decode()[:3000])
        self.client = client
        query = response.request.get("QUERY_STRING", "")
        self.url = response.request["PATH_INFO"] + (f"?{query}" if query else "")
        self.html = response.content.decode()
        self.text = _text(re.sub(r"<script\b.*?</script>", " ", self.html, flags=re.S))
        parser = _PageParser(self.url)
        parser.feed(self.html)
        labels = {label.value: _squash(label.text) for label in parser.labels}
        forms_by_id = {form.id: form for form in parser.forms if form.id}
        for form_id, control in parser.outside:
            forms_by_id[form_id].controls.append(control)
        for form in parser.forms:
            for control in form.controls:
                control.text, control.label = _squash(control.text), labels.get(control.id, "")
                for option in control.options:
                    option.text = _squash(option.text)
        self.forms = parser.forms
        self.links = [(link.value, _squash(link.text)) for link in parser.links]

    def __contains__(self, text):
        return text in self.text

    def messages(self):
        """The texts of the messages at the top of the page (“Success” banners, “There is a problem” summaries)."""
        return [_text(m) for m in re.findall(r'<p class="[^"]*\bcr-message">(.*?)</p>', self.html)]

    def headings(self, tag):
        """The texts of the page's headings of one level ("h2", "h3"), in order."""
        return [_text(heading) for heading in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", self.html, re.S)]

    def table_rows(self):
        """The texts of the cells of each row of the page's tables, the header rows left out."""
        rows = [
            re.findall(r"<td\b[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr\b.*?</tr>", self.html, re.S)
        ]
        return [[_text(cell) for cell in cells] for cells in rows if cells]

    def link(self, text):
        """The address of the one link whose text starts with text."""
        found = {href for href, link_text in self.links if link_text.startswith(text)}
        assert len(found) == 1, f"{len(found)} links “{text}” on {self.url}: {sorted(found)}"
        return found.pop()

    def follow(self, text):
        return visit(self.client, self.link(text))

    def form(self, button):
        """The one form with a button whose text is button, or else starts with it."""
        found = [f for f in self.forms if any(c.type == "submit" and c.text == button for c in f.controls)] or [
            f for f in self.forms if any(c.type == "submit" and c.text.startswith(button) for c in f.controls)
        ]
        assert len(found) == 1, f"{len(found)} forms with a button “{button}” on {self.url}"
        return found[0]

    def submit(self, button, fields=None, *, choose=()):
        """Fill in the form that has the button as a person would, press the button and see the page it leads to.

        fields: {label or name: value} typed into text boxes and text areas, or a file for a file input.
        choose: the labels of checkboxes and radio buttons to tick, and (select name, option text) pairs to pick.
        Everything else is sent as the page has it.
        """
        form = self.form(button)
        fields, picks, data, offered = dict(fields or {}), dict(c for c in choose if isinstance(c, tuple)), {}, set()
        for control in form.controls:
            if control.type in ("checkbox", "radio"):
                values = [control.value] if control.label in choose or control.checked else []
                offered.add(control.label)
            elif control.tag == "select":
                options = [o for o in control.options if o.checked] or control.options[:1]
                if control.name in picks:
                    options = [o for o in control.options if o.text.startswith(picks[control.name])]
                    assert options, f"No option “{picks[control.name]}”: {[o.text for o in control.options]}"
                    offered.add((control.name, picks[control.name]))
                values = [option.value for option in options[:1]]
            elif control.type in ("submit", "reset", "button"):
                values = [control.value] if control.text.startswith(button) and control.type == "submit" else []
            elif control.label in fields or control.name in fields:
                values = [fields.pop(control.label if control.label in fields else control.name)]
            else:
                values = [control.value]
            if control.name:
                data.setdefault(control.name, []).extend(values)
        assert not fields, f"No field {sorted(fields)} in the form at {form.url}"
        assert set(choose) <= offered, f"Nothing to choose as {set(choose) - offered} in the form at {form.url}"
        send = self.client.get if form.method == "get" else self.client.post
        return Page(self.client, send(form.url, {name: values for name, values in data.items() if values}, follow=True))


def visit(client, url, data=None):
    return Page(client, client.get(url, data))


def username(page):
    """Who is signed in, as the header's sign-out button says to a screen reader."""
    button = next(c.text for c in page.form("Sign out").controls if c.text.startswith("Sign out"))
    return re.fullmatch(r"Sign out ?\((.+)\)", button).group(1)


def findings_listed(page):
    """The titles of the findings a page links to (search results, theme and lesson pages), in order."""
    return [text for href, text in page.links if "#finding-" in href]


def exported_rows(page):
    """The rows of the CSV file that the page's download link gives."""
    response = page.client.get(page.link("Download these results as CSV"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


# The review ------------------------------------------------------------------------------------------------

LEAKED_NAME = "Sarah Jenkins"
LEAKED_PHONE = "07700 900123"
SPLIT_AT = "Adult K had been convicted of assaulting a previous partner, and the probation service knew it."

PAGES = [
    "Local Child Safeguarding Practice Review: Child P\n\n"
    "1. Introduction\n\n"
    "1.1 This review considers how agencies worked together to protect Child P, who was nine weeks old when she "
    "was admitted to hospital with a skull fracture in January 2023. Child P lived with Mother and Mother's "
    "partner, Adult K. The review covers the period from the booking appointment in May 2022 to January 2023.\n\n"
    "1.2 The review used a systems approach, with a learning event for practitioners from midwifery, health "
    "visiting, children's social care, the police and general practice.",
    "2. Findings\n\n"
    "Finding 1: Police knowledge of domestic abuse did not reach the midwife or the health visitor\n\n"
    "2.1 The police were called to the family home three times during the pregnancy after neighbours heard "
    "shouting. Each domestic abuse incident was graded standard risk, and no notification was sent to midwifery "
    f"or health visiting. The health visitor, {LEAKED_NAME}, continued to see the family as a universal case. "
    f"Mother's mobile number was {LEAKED_PHONE}. {SPLIT_AT} Nobody who visited the home asked Adult K about his "
    "past, and he was not seen alone at any contact.\n\n"
    "Recommendation 1: The partnership should make sure that domestic abuse notifications about a household with "
    "a pregnant woman or a baby reach midwifery and health visiting within one working day.",
    "Finding 2: A bruise on a non-mobile baby was not referred for a child protection medical\n\n"
    "2.2 When Child P was six weeks old the GP saw a small bruise on her upper arm at the routine check. Mother "
    "said that a cousin had held her too tightly. The bruise was not referred to children's social care, as the "
    "partnership's bruising protocol requires for any baby who is not independently mobile.\n\n"
    "Recommendation 2: General practices should audit every bruise recorded on a non-mobile baby against the "
    "bruising protocol.\n\n"
    "Finding 3: Explanations for the bruise were accepted at face value\n\n"
    "2.3 The GP and the health visitor each accepted the explanation for the bruise without checking it with "
    "anyone else. Neither showed the professional curiosity the protocol expects.\n\n"
    "Recommendation 3: Training on professional curiosity should use the learning from this review.",
]
CORRECTED_PAGES = [
    p.replace(f"The health visitor, {LEAKED_NAME}, continued", "The health visitor continued") for p in PAGES
]
PHONE_REASON = "A number from the range Ofcom keeps for drama: it cannot belong to anyone."

# Titles as proposed: the report's labels ("Finding 1") are kept apart from them.
FINDING_1 = "Police knowledge of domestic abuse did not reach the midwife or the health visitor"
FINDING_2 = "A bruise on a non-mobile baby was not referred for a child protection medical"
FINDING_3 = "Explanations for the bruise were accepted at face value"
SPLIT_TITLE = "Adult K's violent past was not known to the professionals who visited"

LESSON = "Bruises on babies who cannot yet move on their own are explained away instead of referred"
LESSON_SUMMARY = (
    "Review after review finds that a bruise on a baby who is not independently mobile was seen, explained by a "
    "parent and not referred, although every partnership's bruising protocol says it must be."
)
QUERY = "bruising protocol"
THEME = "Bruising in non-mobile babies"
WITHDRAWAL = "The family recognised themselves in the review: it must not be public."


# The author ------------------------------------------------------------------------------------------------


def an_author_uploads_the_review(author, tmp_path):
    pdf = make_pdf(tmp_path / "child-p.pdf", PAGES)
    form = visit(author, reverse("home")).follow("Upload a review")
    document = form.submit(
        "Upload and check",
        {
            "Pseudonym of the review": "Child P",
            "Year of publication (if known)": "2023",
            "Short summary (optional)": "A baby of nine weeks was found to have a skull fracture.",
            "Pseudonyms used in the review": "Child P\nAdult K",
            "Review authors and chair": "Dr Alan Reviewer",
            "Review document": SimpleUploadedFile("child-p.pdf", pdf.read_bytes(), "application/pdf"),
        },
        choose=[
            ("partnership", author.partnership.name),
            ("nation", "England"),
            ("review_type", "Local child safeguarding practice review"),
            ("outcome", "Child seriously harmed"),
            "Under 1",
        ],
    )
    assert re.fullmatch(r"/reviews/child-p-[\w-]+/document/", document.url), document.url
    assert document.messages() == ["“Child P” was uploaded. It is being checked now."]
    assert "This review is Draft" in document
    return document


def the_author_sees_the_flags_and_the_proposed_findings(document):
    assert "Anonymisation checked Done 2 flags, 2 to resolve" in document
    assert "Findings proposed Done 3 findings and 3 recommendations proposed" in document
    assert re.findall(r"Page 2 (\w+ ?\w*) Must be resolved", document.text) == ["Person name", "Phone"]
    assert f"<mark>{LEAKED_NAME}</mark>" in document.html and f"<mark>{LEAKED_PHONE}</mark>" in document.html
    assert document.headings("h3") == [
        f"Finding 1: {FINDING_1} page 2",
        f"Finding 2: {FINDING_2} page 3",
        f"Finding 3: {FINDING_3} page 3",
        "Merge findings",  # the author may change, reorder, split, merge and delete them while it is a draft
        "Recommendation 1:",  # each recommendation of the report proposed as a record of its own
        "Recommendation 2:",
        "Recommendation 3:",
    ]
    assert f"{THEME} 0." in document and "Domestic abuse 0." in document, "suggested themes, with their scores"
    assert "2 identifying details flagged by the anonymisation check are unresolved" in document
    assert not [form for form in document.forms if form.url.endswith("/submit/")], "no submitting yet"


def the_author_marks_the_phone_number_not_identifying(document):
    document = document.submit(f"Mark not identifying: {LEAKED_PHONE}", {"Why is this not identifying?": PHONE_REASON})
    assert document.messages() == [f"“{LEAKED_PHONE}” was marked not identifying."]
    assert f"Marked not identifying: {PHONE_REASON} {document.client.user.get_full_name()}" in document
    assert "1 identifying detail flagged by the anonymisation check is unresolved" in document
    return document


def the_author_uploads_a_version_without_the_name(document, tmp_path):
    pdf = make_pdf(tmp_path / "child-p-v2.pdf", CORRECTED_PAGES)
    form = document.follow("Upload a corrected version")
    document = form.submit(
        "Upload and check",
        {"Corrected review document": SimpleUploadedFile("child-p-v2.pdf", pdf.read_bytes(), "application/pdf")},
    )
    assert document.messages() == ["Version 2 was uploaded. It is being checked now."]
    assert "Processing child-p-v2.pdf, version 2, 3 pages: Processed" in document
    assert LEAKED_NAME not in document, "the name was in the first version only"
    assert f"Marked not identifying: {PHONE_REASON} (marked on version 1)" in document, "explained already"
    assert len(document.headings("h3")) == 7, "the findings and recommendations proposed again, from version 2"
    assert "Nothing stops the review being submitted" in document
    return document


def the_author_submits_the_review(document):
    check = document.follow("Check your answers and submit")
    assert "Check your answers before submitting" in check and "Child P" in check
    refused = check.submit("Submit the review")  # the declaration not ticked
    assert "There is a problem Confirm that the review has been redacted before you submit it" in refused
    done = refused.submit("Submit the review", choose=[SubmissionForm.base_fields["declaration"].label])
    assert "Review submitted Child P" in done and "What happens next" in done
    document = visit(document.client, document.url)
    assert "This review is Submitted" in document
    return document


# The curator -----------------------------------------------------------------------------------------------


def a_curator_takes_the_review_from_the_queue(curator):
    queue = visit(curator, reverse("home")).follow("Curation")
    row = re.search(r"Child P .*? Take Child P", queue.text).group(0)
    assert "Submitted" in row and "Northshire" in row and "England" in row
    assert " 0 3 Not taken " in row, "no flag open, three findings, nobody curating it"
    screen = queue.submit("Take Child P")
    assert screen.messages() == ["You are now curating “Child P”."]
    assert "This review is In curation, curated by you" in screen
    assert "No anonymisation flag is unresolved" in screen
    return screen


def the_curator_splits_the_first_finding_before_a_sentence(screen):
    form = screen.follow("Split finding 1 at a sentence")
    assert "The first sentence stays with this finding" in form
    screen = form.submit("Split the finding", {"Title of the new finding (optional)": SPLIT_TITLE}, choose=[SPLIT_AT])
    assert screen.messages() == [f"“{FINDING_1}” was split: its later sentences are now finding 2, “{SPLIT_TITLE}”."]
    assert f"{FINDING_1} The police were called" in screen and "universal case. Mother's mobile" in screen
    assert f"Finding 2, page 2 {SPLIT_TITLE} {SPLIT_AT} Nobody who visited the home" in screen
    return screen


def the_curator_merges_the_two_bruising_findings(screen):
    screen = screen.submit("Merge selected findings", choose=[f"3. {FINDING_2}", f"4. {FINDING_3}"])
    assert screen.messages() == [f"“{FINDING_3}” was merged into “{FINDING_2}”."]
    assert screen.headings("h3")[:4] == [FINDING_1, SPLIT_TITLE, FINDING_2, "Merge findings"]
    caption = "Finding 3, page 3"  # its label renumbered with its position
    merged = screen.text.split(f"{caption} {FINDING_2}")[1].split("Change finding 3")[0]
    assert "independently mobile. The GP and the health visitor each accepted the explanation" in merged
    assert "Recommendations that follow from it: Recommendation 2, Recommendation 3" in merged  # both carried over
    return screen


def the_curator_decides_the_suggested_themes(screen):
    screen = screen.submit("Accept Domestic abuse for finding 1")
    assert screen.messages() == [f"“Domestic abuse” was added to “{FINDING_1}”."]
    screen = screen.submit("Reject Voice and lived experience of the child for finding 1")  # its sentence moved
    screen = screen.submit(f"Accept {THEME} for finding 3")
    assert screen.messages() == [f"“{THEME}” was added to “{FINDING_2}”."]
    screen = screen.submit("Reject Non-accidental injury for finding 3")
    # What is left are the themes suggested for the recommendations: the curator has read them and accepts them all.
    left = sum("/recommendation-suggestions/" in form.url for form in screen.forms)
    themes = [f.url for f in screen.forms if "/suggestions/" in f.url or "/recommendation-suggestions/" in f.url]
    assert left and all("/recommendation-suggestions/" in url or url.endswith("/suggestions/accept/") for url in themes)
    screen = screen.submit(f"Accept all {left} suggested theme{'s' if left != 1 else ''}")
    assert screen.messages() == [f"{left} suggested theme{'s were' if left != 1 else ' was'} accepted."]
    assert not [f for f in screen.forms if "/suggestions/" in f.url or "/recommendation-suggestions/" in f.url]
    assert f"1 finding has no theme: “{SPLIT_TITLE}”." in screen, "a split finding has no suggestions of its own"
    return screen


def the_curator_adds_a_theme_to_the_finding_that_has_none(screen):
    form = screen.follow("Add themes to finding 2")
    screen = form.submit("Add the themes", choose=["Fathers and male carers"])
    assert screen.messages() == [f"“Fathers and male carers” added to “{SPLIT_TITLE}”."]
    assert "No theme" not in screen and "Nothing stops the review being published" in screen
    return screen


def the_curator_names_the_agencies_of_the_bruising_finding(screen):
    form = screen.follow("Change the agencies of finding 3")
    screen = form.submit("Save the agencies", choose=["GP and primary care", "Health visiting"])
    assert screen.messages() == [f"The agencies of “{FINDING_2}” were saved."]
    return screen


def the_curator_writes_a_lesson(curator):
    form = visit(curator, reverse("home")).follow("Lessons").follow("Manage lessons").follow("Add a lesson")
    lesson = form.submit(
        "Add lesson", {"Statement": LESSON, "Summary": LESSON_SUMMARY}, choose=[THEME, "Professional curiosity"]
    )
    assert lesson.messages() == ["The lesson was added as a draft. Link findings to it from the search results."]
    assert "Draft lesson" in lesson and "No findings are linked yet." in lesson
    return lesson


def the_curator_links_the_bruising_finding_to_the_lesson(screen):
    screen = visit(screen.client, screen.url)  # again: the lesson is new
    # The finding resembles the new lesson (the curation screen offers it in one click); the list of every lesson
    # is used here.
    assert f"Link finding 3 to the lesson “{LESSON}”" in screen.text
    screen = screen.submit("Link finding 3 to the lesson", choose=[("lesson", f"{LESSON} (draft)")])
    assert screen.messages() == [f"“{FINDING_2}” was linked to the lesson “{LESSON}”."]
    assert f"{LESSON} Draft Unlink finding 3" in screen
    return screen


def the_curator_publishes_the_lesson(lesson):
    lesson = visit(lesson.client, lesson.url).submit("Publish lesson")
    assert lesson.messages() == ["The lesson was published: everyone can see it."]
    assert f"{FINDING_2} Child P, Northshire" in lesson and "In curation" in lesson
    return lesson


def the_curator_publishes_the_review(screen):
    check = visit(screen.client, screen.url).follow("Check what will be published")
    assert "Once published, everything below is public" in check and FINDING_2 in check
    check = check.submit("Make the public copy")  # made by the worker (at once in tests), then checked
    copy = check.client.get(check.link("Download it to check it"))
    assert copy.status_code == 200 and copy["Content-Type"] == "application/pdf"
    screen = check.submit("Publish the review", choose=["Yes, I have checked the public copy"])
    assert screen.messages() == ["“Child P” was published."]
    assert "This review is Published" in screen
    return screen


def the_curator_withdraws_the_review(screen):
    screen = visit(screen.client, screen.url).submit(
        "Withdraw the review", {"Why is the review being withdrawn?": WITHDRAWAL}
    )
    assert screen.messages() == ["“Child P” was withdrawn. It is no longer public."]
    assert f"The review was withdrawn: {WITHDRAWAL}" in screen
    return screen


def the_history_keeps_every_step_with_who_took_it(screen, author):
    history = visit(screen.client, screen.url).follow("Document and checks").follow("History")
    assert author.get(history.url).status_code == 404, "curators only"
    curator = username(history)
    rows = [(who, what, changes) for _, who, what, changes in history.table_rows()]
    steps = [  # newest first
        (curator, "Status changed from “Published” to “Withdrawn”", "Status: Published → Withdrawn"),
        (curator, "Status changed from “In curation” to “Published”", ""),
        (curator, f"“{FINDING_3}” deleted", ""),  # merged into finding 2
        (curator, f"“{SPLIT_TITLE}” added", ""),  # split from finding 1
        (curator, "Status changed from “Submitted” to “In curation”", ""),  # taken
        (author.user.get_full_name(), "Status changed from “Draft” to “Submitted”", ""),
    ]
    found = [
        next((i for i, row in enumerate(rows) if row[0] == step[0] and step[1] in row[1] and step[2] in row[2]), None)
        for step in steps
    ]
    assert None not in found and found == sorted(found), list(zip(steps, found, strict=True))
    assert f"Withdrawn reason: (empty) → {WITHDRAWAL}" in rows[found[0]][2]
    kept = (curator, f"Finding 1 “{FINDING_1[:79]}…” changed")
    assert kept in [row[:2] for row in rows], "split: the first part kept"
    tagged = [what for who, what, _ in rows if who == curator and what.startswith("Theme “")]
    assert sum(" added to finding " in what for what in tagged) == 3
    assert all(" added to finding " in what or " added to recommendation " in what for what in tagged), tagged
    assert any(who == curator and " linked to the lesson “" in what for who, what, _ in rows[:3])


# The practitioner ------------------------------------------------------------------------------------------


def a_practitioner_searches_and_finds_the_finding_and_the_lesson(practitioner):
    home = visit(practitioner, reverse("home"))
    assert "Published reviews 1 Findings 3 Publishing partnerships 1 Years covered 2023" in home
    results = home.submit("Search", {"q": QUERY})
    assert f"1 finding for “{QUERY}”" in results and findings_listed(results) == [FINDING_2]
    assert f"Recurring lessons {LESSON} Found by 1 review Theme: {THEME}" in results
    return results


def the_practitioner_reads_the_review(results):
    review = results.follow("Child P")
    assert "Local child safeguarding practice review Child P" in review
    # (each with its label above it: the report's series, renumbered by the split and the merge)
    assert review.headings("h3") == [
        f"Finding 1 {FINDING_1}",
        f"Finding 2 {SPLIT_TITLE}",
        f"Finding 3 {FINDING_2}",
        *(f"Recommendation {n}:" for n in (1, 2, 3)),  # the report's recommendations, as it made them
    ]
    assert f"To The partnership (multi-agency) Follows from Finding 1: {FINDING_1}" in review
    assert f"{FINDING_2} When Child P was six weeks old" in review
    assert f"Page 3 of the review Theme: {THEME} Agency: Health visiting Agency: GP and primary care" in review
    assert "Theme: Fathers and male carers" in review and "Theme: Domestic abuse" in review
    report = review.client.get(review.link("Download the report of Child P"))
    assert report.status_code == 200 and report["Content-Disposition"] == 'attachment; filename="child-p-report.pdf"'
    return review


def the_practitioner_finds_the_finding_by_its_theme(review):
    theme = review.follow(f"Theme: {THEME}")
    assert "1 finding from 1 review." in theme and findings_listed(theme) == [FINDING_2]
    assert f"Recurring lessons {LESSON} Found by 1 review" in theme
    filtered = theme.follow("Search and filter these findings")
    assert filtered.url == "/search/?theme=bruising-non-mobile"
    assert "1 finding" in filtered and findings_listed(filtered) == [FINDING_2]
    return theme


def the_practitioner_opens_the_lesson(results):
    lesson = results.follow(LESSON)
    assert "Found by 1 review Published in 2023 Nations England" in lesson
    assert f"Themes {THEME}, Professional curiosity" in lesson
    assert findings_listed(lesson) == [FINDING_2] and "From Child P, Northshire" in lesson
    return lesson


def the_practitioner_uses_the_api(practitioner):
    found = practitioner.get(reverse("api-search"), {"q": QUERY}).json()
    assert [result["title"] for result in found["results"]] == [FINDING_2]
    assert [(lesson["statement"], lesson["reviews"]) for lesson in found["lessons"]] == [(LESSON, 1)]
    api_review_url = reverse("api-review", args=[found["results"][0]["review"]["id"]])
    review = practitioner.get(api_review_url).json()
    assert [finding["title"] for finding in review["findings"]] == [FINDING_1, SPLIT_TITLE, FINDING_2]
    assert review["findings"][2]["themes"] == ["bruising-non-mobile"]
    return api_review_url


def the_practitioner_downloads_the_results(results):
    rows = exported_rows(results)
    assert [(row["finding_title"], row["review_title"], row["year"], row["themes"]) for row in rows] == [
        (FINDING_2, "Child P", "2023", THEME)
    ]
    assert set(rows[0]["agencies"].split("; ")) == {"GP and primary care", "Health visiting"}


def what_the_public_sees(client, *, review_url, api_review_url, theme_url, lesson_url):
    """Every public place where the review or its findings could show, as client sees it."""
    home = visit(client, reverse("home"))
    search = visit(client, reverse("search"), {"q": QUERY})
    theme = visit(client, theme_url)
    lesson = visit(client, lesson_url)
    themes = visit(client, reverse("theme-index")).table_rows()
    api = client.get(reverse("api-search"), {"q": QUERY}).json()
    agencies = visit(client, reverse("agency-index"))
    return {
        "review page": client.get(review_url).status_code,
        "home page": re.search(
            r"Published reviews (\d+) Findings (\d+) Publishing partnerships (\d+)", home.text
        ).groups(),
        "home page's latest reviews and themes": ("Child P" in home, re.search(rf"{THEME} \((.*?)\)", home.text)[1]),
        "review list": "Child P" in visit(client, reverse("review-list")),
        "search": findings_listed(search),
        "search's lessons": re.findall(r"Recurring lessons (.+?) (Found by \d+ reviews?)", search.text),
        "search by theme": findings_listed(visit(client, reverse("search"), {"theme": "bruising-non-mobile"})),
        "theme page": (re.search(r"\d+ findings? from \d+ reviews?", theme.text)[0], findings_listed(theme)),
        "themes page": next(cells[1:] for cells in themes if cells[0].startswith(f"{THEME} ")),
        "lesson page": (re.search(r"Found by \d+ reviews?", lesson.text)[0], findings_listed(lesson)),
        "api search": ([r["title"] for r in api["results"]], [(x["statement"], x["reviews"]) for x in api["lessons"]]),
        "api review": client.get(api_review_url).status_code,
        "csv export": [row["finding_title"] for row in exported_rows(search)] if "Download these" in search else [],
        "agencies page": re.findall(r"(GP and primary care|Health visiting|Police) \((\d+) findings?\)", agencies.text),
    }


# The story -------------------------------------------------------------------------------------------------


def test_a_review_goes_from_upload_through_curation_to_the_public_and_out_again(
    author, curator, practitioner, tmp_path
):
    document = an_author_uploads_the_review(author, tmp_path)
    the_author_sees_the_flags_and_the_proposed_findings(document)
    document = the_author_marks_the_phone_number_not_identifying(document)
    document = the_author_uploads_a_version_without_the_name(document, tmp_path)
    document = the_author_submits_the_review(document)
    assert practitioner.get(document.link("See the review as it will be published")).status_code == 404

    screen = a_curator_takes_the_review_from_the_queue(curator)
    screen = the_curator_splits_the_first_finding_before_a_sentence(screen)
    screen = the_curator_merges_the_two_bruising_findings(screen)
    screen = the_curator_decides_the_suggested_themes(screen)
    screen = the_curator_adds_a_theme_to_the_finding_that_has_none(screen)
    screen = the_curator_names_the_agencies_of_the_bruising_finding(screen)
    lesson = the_curator_writes_a_lesson(curator)
    screen = the_curator_links_the_bruising_finding_to_the_lesson(screen)
    lesson = the_curator_publishes_the_lesson(lesson)
    screen = the_curator_publishes_the_review(screen)

    results = a_practitioner_searches_and_finds_the_finding_and_the_lesson(practitioner)
    review = the_practitioner_reads_the_review(results)
    theme = the_practitioner_finds_the_finding_by_its_theme(review)
    lesson = the_practitioner_opens_the_lesson(results)
    api_review_url = the_practitioner_uses_the_api(practitioner)
    the_practitioner_downloads_the_results(results)
    places = {
        "review_url": review.url,
        "api_review_url": api_review_url,
        "theme_url": theme.url,
        "lesson_url": lesson.url,
    }
    assert what_the_public_sees(practitioner, **places) == {
        "review page": 200,
        "home page": ("1", "3", "1"),
        "home page's latest reviews and themes": (True, "1 finding"),
        "review list": True,
        "search": [FINDING_2],
        "search's lessons": [(LESSON, "Found by 1 review")],
        "search by theme": [FINDING_2],
        "theme page": ("1 finding from 1 review", [FINDING_2]),
        "themes page": ["1", "1"],
        "lesson page": ("Found by 1 review", [FINDING_2]),
        "api search": ([FINDING_2], [(LESSON, 1)]),
        "api review": 200,
        "csv export": [FINDING_2],
        "agencies page": [("Police", "0"), ("Health visiting", "1"), ("GP and primary care", "1")],
    }

    the_curator_withdraws_the_review(screen)

    assert what_the_public_sees(practitioner, **places) == {
        "review page": 404,
        "home page": ("0", "0", "0"),
        "home page's latest reviews and themes": (False, "0 findings"),
        "review list": False,
        "search": [],
        "search's lessons": [(LESSON, "Found by 0 reviews")],  # the lesson stays public, without the review
        "search by theme": [],
        "theme page": ("0 findings from 0 reviews", []),
        "themes page": ["0", "0"],
        "lesson page": ("Found by 0 reviews", []),
        "api search": ([], [(LESSON, 0)]),
        "api review": 404,
        "csv export": [],
        "agencies page": [("Police", "0"), ("Health visiting", "0"), ("GP and primary care", "0")],
    }
    the_history_keeps_every_step_with_who_took_it(screen, author)
