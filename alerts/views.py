"""Signing up for e-mail alerts without an account (double opt-in), confirming, managing and unsubscribing by signed
links. No page shows an address."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from accounts.roles import client_address
from agencies.models import Agency
from alerts import sending
from alerts.forms import AlertForm, FrequencyForm
from alerts.models import Alert, ConfirmationSent, Subscriber, address_key
from alerts.tasks import send_confirmation
from config.forms import posted
from findings.models import Lesson, Theme
from search.filters import BY_NAME, FILTERS, SearchForm

SECONDS_A_DAY = 60 * 60 * 24


def _followed(query):
    """(kind, parameters, label) of what the sign-up page's query string asks to follow; Http404 if nothing."""
    kind = query.get("kind")
    if kind in (Alert.Kind.THEME, Alert.Kind.AGENCY):
        model = Theme if kind == Alert.Kind.THEME else Agency
        found = get_object_or_404(model, slug=query.get("slug", ""))
        return kind, found.slug, found.name
    if kind == Alert.Kind.LESSONS:
        return kind, "", "Recurring lessons"
    if kind == Alert.Kind.LESSON:
        lesson = get_object_or_404(Lesson.objects.visible_to(None), slug=query.get("slug", ""))
        return kind, lesson.slug, lesson.statement[:300]
    if kind == Alert.Kind.DIGEST:
        return kind, "", "The monthly national digest"
    if kind == Alert.Kind.SEARCH:
        search = QueryDict(mutable=True)
        for name, values in query.lists():
            if name not in ("kind", "page", "sort") and any(values):
                search.setlist(name, values)
        parameters = SearchForm(search).parameters()
        if parameters.errors:
            raise Http404("Some search parameters are not valid.")
        return kind, search.urlencode(), _search_label(parameters)
    raise Http404("Say what the alert follows.")


def _search_label(parameters):
    chosen = []
    for item in FILTERS:
        value = parameters.filters.get(item.name)
        if value in (None, "", []):
            continue
        names = dict(item.options()) if item.many else {}
        values = value if isinstance(value, list) else [value]
        chosen += [f"{BY_NAME[item.name].label.lower()} {names.get(v, v)}" for v in values]
    words = f"“{parameters.query}”" if parameters.query else "new findings"
    return (f"{words} ({', '.join(chosen)})" if chosen else words)[:300]


def alert_new(request):
    kind, parameters, label = _followed(request.GET)
    data = posted(request)
    if data is not None and kind == Alert.Kind.DIGEST:  # the digest comes once a month
        data = data.copy()
        data["frequency"] = Alert.Frequency.MONTHLY
    form = AlertForm(data, initial={"frequency": Alert.Frequency.WEEKLY})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if ConfirmationSent.too_many(email, client_address(request)):
            form.add_error(
                "email", "Too many confirmation e-mails have been asked for in the last hour. Try again later"
            )
        else:
            with transaction.atomic():
                subscriber, _ = Subscriber.objects.get_or_create(email=email)
                wanted = {"label": label, "frequency": form.cleaned_data["frequency"]}
                alert, _ = Alert.objects.get_or_create(
                    subscriber=subscriber, kind=kind, parameters=parameters, defaults=wanted
                )
                if alert.confirmed_at is None:  # (one already confirmed needs nothing; the page says the same)
                    ConfirmationSent.objects.create(address=address_key(email), client=client_address(request))
                    transaction.on_commit(lambda: send_confirmation.enqueue(alert.pk), robust=True)
            return redirect("alert-check-email")
    return render(request, "alerts/new.html", {"form": form, "label": label, "kind": kind})


def check_email(request):
    return render(request, "alerts/check_email.html", {"days": settings.ALERTS_CONFIRM_DAYS})


def _signed(token, purpose, max_age=None):
    """The id a signed link names, or a 404 page that says the link is not valid (or has expired)."""
    try:
        return signing.loads(token, salt=f"alerts.{purpose}", max_age=max_age)
    except signing.BadSignature as error:
        raise Http404("This link is not valid or has expired.") from error


def alert_confirm(request, token):
    alert = Alert.objects.filter(pk=_signed(token, "confirm", settings.ALERTS_CONFIRM_DAYS * SECONDS_A_DAY)).first()
    if alert is None:
        raise Http404("This alert no longer exists.")
    if alert.confirmed_at is None:
        alert.confirm()
    manage = reverse("alert-manage", args=[sending.token("manage", alert.subscriber_id)])
    return render(request, "alerts/confirmed.html", {"alert": alert, "manage": manage})


def alert_manage(request, token):
    """Every alert of the address the signed link names: change how often, stop one, or stop them all."""
    subscriber = Subscriber.objects.filter(pk=_signed(token, "manage")).first()
    if subscriber is None:
        return render(request, "alerts/unsubscribed.html", {"all": True})
    if request.method == "POST":
        if request.POST.get("action") == "stop-all":
            subscriber.delete()
            return render(request, "alerts/unsubscribed.html", {"all": True})
        alert = get_object_or_404(subscriber.alerts, pk=request.POST.get("alert") or 0)
        if request.POST.get("action") == "stop":
            _stop(alert)
        else:
            form = FrequencyForm(request.POST)
            if form.is_valid():
                alert.frequency = form.cleaned_data["frequency"]
                alert.save(update_fields=["frequency"])
        if not Subscriber.objects.filter(pk=subscriber.pk).exists():
            return render(request, "alerts/unsubscribed.html", {"all": True})
        return redirect(request.path)
    alerts = subscriber.alerts.all()
    return render(request, "alerts/manage.html", {"alerts": alerts, "frequencies": Alert.Frequency.choices})


def _stop(alert):
    """Delete the alert, and its address when it has no other."""
    subscriber = alert.subscriber
    alert.delete()
    if not subscriber.alerts.exists():
        subscriber.delete()


@csrf_exempt  # one-click unsubscribe (RFC 8058): mail programs post "List-Unsubscribe=One-Click" without a token
def alert_unsubscribe(request, token):
    alert = Alert.objects.filter(pk=_signed(token, "unsubscribe")).select_related("subscriber").first()
    if request.method == "POST":
        if alert is not None:
            _stop(alert)
        return render(request, "alerts/unsubscribed.html", {"label": alert.label if alert else ""})
    if alert is None:
        return render(request, "alerts/unsubscribed.html", {"label": ""})
    return render(request, "alerts/unsubscribe.html", {"alert": alert})


@csrf_exempt  # one-click unsubscribe (RFC 8058) of an e-mail that gathered several alerts: all of them
def alert_stop_all(request, token):
    subscriber = Subscriber.objects.filter(pk=_signed(token, "stop")).first()
    if request.method == "POST" and subscriber is not None:
        subscriber.delete()
    if request.method == "POST" or subscriber is None:
        return render(request, "alerts/unsubscribed.html", {"all": True})
    return render(request, "alerts/stop_all.html", {"alerts": subscriber.alerts.all()})
