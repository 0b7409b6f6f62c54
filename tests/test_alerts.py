"""E-mail alerts without an account: sign-up with double opt-in, confirmation and its expiry, rate limits, each
frequency, exactly-once sending across workers, catch-up after an outage, unsubscribing by link and by
List-Unsubscribe-Post, the manage page by signed link only, withdrawn material never sent; the monthly national
digest counted as by hand, in HTML that parses and a plain-text part with the same links."""

import re
import threading
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from alerts import digest, sending
from alerts.models import Alert, ConfirmationSent, OutboxItem, Subscriber
from findings.models import Lesson
from ingest.models import ScheduledRun
from reviews.models import Review
from tests.factories import make_finding, make_recommendation, make_review

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s]+(/alerts/[a-z-]+/[^/\s]+/)")


def sign_up(client, query, email="reader@example.org", frequency="immediate", callbacks=None):
    answer = client.post(f"{reverse('alert-new')}?{query}", {"email": email, "frequency": frequency})
    return answer


def links(message):
    return LINK.findall(message.body)


@pytest.fixture
def confirmed(client, django_capture_on_commit_callbacks):
    """A reader who has signed up for findings about neglect, as soon as they are published, and confirmed."""
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "kind=theme&slug=neglect")
    client.get(links(mail.outbox[-1])[0])
    mail.outbox.clear()
    return Alert.objects.get()


def published_about_neglect(title="Hunger was missed", **review):
    review.setdefault("title", "Child N")
    return make_finding(make_review(**review), title=title, themes=["neglect"])


def test_signing_up_sends_one_confirmation_and_nothing_else_until_it_is_followed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer = sign_up(client, "kind=theme&slug=neglect", email="Reader@Example.org")

    assert answer.status_code == 302 and answer["Location"] == reverse("alert-check-email")
    alert = Alert.objects.get()
    assert (alert.subscriber.email, alert.label, alert.confirmed_at) == ("reader@example.org", "Neglect", None)
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == "Confirm your e-mail alert: Neglect"
    confirm = links(mail.outbox[0])[0]
    published_about_neglect()
    call_command("send_alerts")
    assert len(mail.outbox) == 1, "nothing is sent before the address is confirmed"

    page = client.get(confirm)

    alert.refresh_from_db()
    assert page.status_code == 200 and alert.confirmed_at is not None
    assert "reader@example.org" not in page.content.decode(), "no page shows an address"


def test_the_sign_up_form_says_what_is_wrong_and_keeps_nothing(client):
    page = client.post(f"{reverse('alert-new')}?kind=theme&slug=neglect", {"email": "not an address"})
    html = page.content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in html
    assert "Select how often you want e-mails" in html and not Subscriber.objects.exists()
    assert client.get(f"{reverse('alert-new')}?kind=theme&slug=no-such-theme").status_code == 404


def test_a_search_alert_is_labelled_by_its_words_and_filters(client):
    sign_up(client, "kind=search&q=bruising&nation=wales&page=3")
    alert = Alert.objects.get()
    assert alert.label == "“bruising” (nation Wales)" and alert.parameters == "q=bruising&nation=wales"


def test_confirmation_links_expire_and_cannot_be_forged(client, confirmed, monkeypatch):
    forged = signing.dumps(confirmed.pk, salt="alerts.manage")  # signed, but for another purpose
    assert client.get(reverse("alert-confirm", args=[forged])).status_code == 404
    assert client.get(reverse("alert-confirm", args=["nonsense"])).status_code == 404
    late = sending.token("confirm", confirmed.pk)
    monkeypatch.setattr(signing.time, "time", lambda: timezone.now().timestamp() + 8 * 24 * 3600)
    assert client.get(reverse("alert-confirm", args=[late])).status_code == 404


def test_unconfirmed_addresses_are_deleted_after_seven_days(client):
    sign_up(client, "kind=lessons", email="old@example.org")
    sign_up(client, "kind=lessons", email="new@example.org")
    Alert.objects.filter(subscriber__email="old@example.org").update(created_at=timezone.now() - timedelta(days=8))

    assert sending.purge_unconfirmed() == 1
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_confirmation_e_mails_are_limited_per_address_and_per_client(client, settings):
    settings.ALERTS_RATE_PER_ADDRESS, settings.ALERTS_RATE_PER_CLIENT = 2, 3
    for _ in range(2):
        assert sign_up(client, "kind=lessons").status_code == 302
    refused = sign_up(client, "kind=lessons")
    assert refused.status_code == 200 and "Too many confirmation e-mails" in refused.content.decode()
    assert sign_up(client, "kind=lessons", email="other@example.org").status_code == 302
    assert sign_up(client, "kind=lessons", email="third@example.org").status_code == 200  # the client's limit
    assert ConfirmationSent.objects.count() == 3
    kept = " ".join(ConfirmationSent.objects.values_list("address", flat=True))
    assert "@" not in kept and "reader" not in kept, "the limits keep no address, only a keyed hash of it"


def test_an_immediate_alert_sends_each_new_finding_once_with_unsubscribe_headers(confirmed):
    finding = published_about_neglect()
    make_finding(make_review(title="Child O"), title="Not about neglect", themes=["domestic-abuse"])

    call_command("send_alerts")
    call_command("send_alerts")  # nothing new: nothing more

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reader@example.org"] and finding.title in message.body and "Not about" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/alerts/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    html = message.alternatives[0][0]
    assert finding.title in html and "<script" not in html and "http" in html
    assert OutboxItem.objects.get().status == OutboxItem.Status.SENT


def test_weekly_and_monthly_alerts_wait_for_their_time(confirmed):
    now = timezone.now()
    confirmed.frequency = Alert.Frequency.WEEKLY
    confirmed.last_run_at = now - timedelta(days=3)
    assert not confirmed.is_due(now) and confirmed.is_due(now + timedelta(days=4))
    confirmed.frequency = Alert.Frequency.MONTHLY
    confirmed.last_run_at = now.replace(day=1)
    assert not confirmed.is_due(now.replace(day=2)) and confirmed.is_due(now.replace(day=1) + timedelta(days=31))
    confirmed.save()
    published_about_neglect()
    assert sending.queue_due(now=now.replace(day=2)) == 0 and not OutboxItem.objects.exists()
    assert sending.queue_due(now=now.replace(day=1) + timedelta(days=31)) == 1


def test_withdrawn_material_is_never_sent(confirmed):
    finding = published_about_neglect()
    sending.queue_due()
    finding.review.withdraw(reason="Identifying details")

    assert sending.send_pending() == []
    assert mail.outbox == [] and OutboxItem.objects.get().status == OutboxItem.Status.DROPPED


class Refusing:
    """A mail server that cannot be reached (the outage)."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def test_after_an_outage_what_waited_is_sent_with_back_off(confirmed, settings):
    published_about_neglect()
    settings.EMAIL_BACKEND = "tests.test_alerts.Refusing"
    now = timezone.now()
    sending.queue_due(now)
    assert sending.send_pending(now) == []
    row = OutboxItem.objects.get()
    assert (row.status, row.attempts, row.last_error) == (
        "pending",
        1,
        "ConnectionRefusedError: the mail server is down",
    )
    assert row.next_attempt_at == now + timedelta(minutes=1)
    assert sending.send_pending(now) == []  # not tried again before its time

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sent = sending.send_pending(now + timedelta(minutes=2))

    assert len(sent) == 1 and len(mail.outbox) == 1 and OutboxItem.objects.get().status == "sent"


def test_unsubscribing_by_the_link_and_by_one_click_post(client, confirmed):
    published_about_neglect()
    call_command("send_alerts")
    unsubscribe = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = LINK.search(unsubscribe).group(1)
    assert "Stop these e-mails" in client.get(path).content.decode()
    assert Alert.objects.exists(), "opening the link changes nothing"

    answer = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    assert answer.status_code == 200 and not Alert.objects.exists() and not Subscriber.objects.exists()


def test_the_manage_page_opens_only_by_its_signed_link_and_shows_that_addresss_alerts(client, confirmed):
    other = Subscriber.objects.create(email="someone@example.org")
    Alert.objects.create(subscriber=other, kind="lessons", label="Recurring lessons", confirmed_at=timezone.now())
    manage = reverse("alert-manage", args=[sending.token("manage", confirmed.subscriber_id)])
    assert client.get(reverse("alert-manage", args=[str(confirmed.subscriber_id)])).status_code == 404

    page = client.get(manage).content.decode()
    assert "Neglect" in page and "Recurring lessons" not in page and "reader@example.org" not in page

    client.post(manage, {"alert": confirmed.pk, "action": "frequency", "frequency": "monthly"})
    assert Alert.objects.get(pk=confirmed.pk).frequency == "monthly"
    client.post(manage, {"alert": Alert.objects.get(subscriber=other).pk, "action": "stop"})
    assert Alert.objects.filter(subscriber=other).exists(), "another address's alert cannot be stopped from here"
    client.post(manage, {"action": "stop-all"})
    assert list(Subscriber.objects.all()) == [other]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # two workers: each commits
def test_two_workers_sending_at_once_send_each_item_exactly_once(client):
    readers = []
    for n in range(6):
        subscriber = Subscriber.objects.create(email=f"reader{n}@example.org")
        readers.append(
            Alert.objects.create(
                subscriber=subscriber,
                kind="theme",
                parameters="neglect",
                label="Neglect",
                frequency="immediate",
                confirmed_at=timezone.now() - timedelta(hours=1),
                checked_until=timezone.now() - timedelta(hours=1),
            )
        )
    published_about_neglect()
    sending.queue_due()
    start = threading.Barrier(2)
    sent = []

    def worker():
        start.wait()
        try:
            sent.extend(sending.send_pending())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(subscriber for subscriber, _, _ in sent) == sorted(alert.subscriber_id for alert in readers)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"reader{n}@example.org" for n in range(6))
    assert set(OutboxItem.objects.values_list("status", flat=True)) == {"sent"}


def test_the_dry_run_shows_what_would_go_out_and_changes_nothing(confirmed, capsys):
    published_about_neglect()

    call_command("send_alerts", "--dry-run")

    out = capsys.readouterr().out
    assert f"Would send to subscriber {confirmed.subscriber_id}: 1 new item from case reviews: Neglect" in out
    assert "reader@example.org" not in out and mail.outbox == [] and not OutboxItem.objects.exists()
    confirmed.refresh_from_db()
    assert confirmed.last_run_at is None


# The monthly national digest


def published_in(when, title, nation="england", themes=("neglect",), findings=1):
    review = make_review(title=title, nation=nation)
    Review.objects.filter(pk=review.pk).update(status_changed_at=when)
    for n in range(findings):
        make_finding(review, title=f"{title} finding {n}", themes=themes)
    return Review.objects.get(pk=review.pk)


@pytest.fixture
def months():
    """November 2026 and the fourteen months before it, with reviews counted by hand:
    - November: three reviews (two English, one Welsh); findings: neglect 1 + 2, domestic abuse 3 (Welsh review);
    - September and October: domestic abuse 2 more (so 5 of the last three months' 8: 62.5 %), neglect 3 of 8 (37.5 %);
    - the twelve months before (September 2025 to August 2026): neglect 9, domestic abuse 1 (10 %: it rose most);
    - a draft in November, and a review published in December: in no November digest."""
    nov = digest.month_start(2026, 11)
    published_in(nov + timedelta(days=2), "Child N1", findings=1)
    published_in(nov + timedelta(days=3), "Child N2", findings=2)
    welsh = published_in(nov + timedelta(days=4), "Child W", nation="wales", themes=("domestic-abuse",), findings=3)
    published_in(nov - timedelta(days=20), "Child O", themes=("domestic-abuse",), findings=2)
    published_in(digest.month_start(2026, 3), "Child Before", findings=9)
    published_in(digest.month_start(2026, 4), "Child Before DA", themes=("domestic-abuse",), findings=1)
    draft = make_review(Review.Status.IN_CURATION, title="Child Draft")
    Review.objects.filter(pk=draft.pk).update(status_changed_at=nov + timedelta(days=5))
    published_in(digest.month_start(2026, 12) + timedelta(days=1), "Child December")
    recommendation = make_recommendation(welsh, "The Board should audit its neglect procedure.")
    action = recommendation.actions.create(text="Audit 20 cases", status="completed")
    action.completed_at = (nov + timedelta(days=10)).date()
    action.save()
    Lesson.objects.create(
        slug="new", statement="Hunger goes unseen", status="published", published_at=nov + timedelta(days=1)
    )
    return nov


def test_the_digest_counts_a_month_as_counted_by_hand(months):
    made = digest.build(months)

    assert [review.title for review in made.reviews] == ["Child N1", "Child N2", "Child W"]
    assert made.by_nation == [("England", 2), ("Wales", 1)]
    assert [(theme.slug, n) for theme, n in made.by_theme] == [("domestic-abuse", 3), ("neglect", 3)]
    assert [(theme.slug, now, before) for theme, now, before in made.rising] == [("domestic-abuse", 62.5, 10.0)]
    assert [lesson.statement for lesson in made.lessons_new] == ["Hunger goes unseen"] and not made.lessons_updated
    assert (made.recommendations_made, made.recommendations_completed) == (1, 1)


def test_the_digest_e_mail_is_html_that_parses_with_a_plain_text_part_of_the_same_links(client, months, settings):
    subscriber = Subscriber.objects.create(email="trainer@example.org")
    Alert.objects.create(subscriber=subscriber, kind="digest", label="The monthly national digest",
                         frequency="monthly", confirmed_at=months, last_run_at=months)  # fmt: skip

    sending.queue_due(now=digest.month_start(2026, 12) + timedelta(hours=1))
    sending.send_pending(now=digest.month_start(2026, 12) + timedelta(hours=1))

    message = mail.outbox[0]
    assert message.subject == "Case reviews published in November 2026"
    html = message.alternatives[0][0]
    page = etree.fromstring(html.encode(), etree.XMLParser())  # well-formed: parses without a single error
    assert page.find(".//h1").text == "Case reviews published in November 2026"
    assert "<link" not in html and "<img" not in html and "<script" not in html, "no external resources"
    html_links = {a.get("href") for a in page.iter("a")}
    text_links = set(re.findall(r"https?://\S+?(?=[)\s]|$)", message.body))
    assert html_links == text_links and len(html_links) >= 8
    assert "Child December" not in message.body and "Child Draft" not in message.body


def test_signing_up_for_the_digest_is_monthly_whatever_is_posted(client):
    sign_up(client, "kind=digest", frequency="immediate")
    assert Alert.objects.get().frequency == "monthly"
    assert "Once a month we will e-mail you" in client.get(f"{reverse('alert-new')}?kind=digest").content.decode()


def test_a_lessons_alert_tells_of_findings_linked_to_it_and_only_a_published_lesson_can_be_followed(client):
    lesson = Lesson.objects.create(slug="unseen-men", statement="Men in the household go unseen",
                                   status="published", published_at=timezone.now())  # fmt: skip
    draft = Lesson.objects.create(slug="draft", statement="A lesson still being written")
    assert client.get(f"{reverse('alert-new')}?kind=lesson&slug={draft.slug}").status_code == 404
    assert "Get e-mails when reviews find this lesson again" in client.get(lesson.get_absolute_url()).content.decode()
    subscriber = Subscriber.objects.create(email="trainer@example.org")
    Alert.objects.create(subscriber=subscriber, kind="lesson", parameters=lesson.slug, label=lesson.statement,
                         frequency="immediate", confirmed_at=timezone.now(), checked_until=timezone.now())  # fmt: skip
    finding = published_about_neglect(title="The stepfather was never seen")
    lesson.links.create(finding=finding)

    call_command("send_alerts")

    assert len(mail.outbox) == 1 and "The stepfather was never seen" in mail.outbox[0].body


def test_the_worker_queues_the_alerts_once_a_minute_however_many_workers_run():
    minute = timezone.now().replace(second=0, microsecond=0)
    assert ScheduledRun.claim("alerts.tasks.run_alerts", minute)
    assert not ScheduledRun.claim("alerts.tasks.run_alerts", minute), "a second worker the same minute does not"
    assert ScheduledRun.claim("alerts.tasks.run_alerts", minute + timedelta(minutes=1))


def test_an_e_mail_of_several_alerts_unsubscribes_from_them_all_in_one_click(client, confirmed):
    Alert.objects.create(subscriber=confirmed.subscriber, kind="agency", parameters="police", label="Police",
                         frequency="immediate", confirmed_at=confirmed.confirmed_at,
                         checked_until=confirmed.checked_until)  # fmt: skip
    review = make_review(title="Child P")
    make_finding(review, title="Hunger went unseen", themes=["neglect"])
    make_finding(review, title="Nobody told the school", themes=["domestic-abuse"], agencies=["police"])
    call_command("send_alerts")
    assert len(mail.outbox) == 1 and "Neglect" in mail.outbox[0].subject and "Police" in mail.outbox[0].subject
    path = LINK.search(mail.outbox[0].extra_headers["List-Unsubscribe"]).group(1)
    assert "Stop all these e-mails" in client.get(path).content.decode()

    client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    assert not Subscriber.objects.exists() and not Alert.objects.exists()


def test_signing_up_again_for_the_same_alert_makes_no_second_alert(
    client, confirmed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer = sign_up(client, "kind=theme&slug=neglect")
    assert answer["Location"] == reverse("alert-check-email")
    assert Alert.objects.count() == 1 and mail.outbox == [], "confirmed already: nothing to confirm again"
