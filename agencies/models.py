import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from vocabulary import Nation, Region


def _slug_base(text, max_length):
    return slugify(text)[:max_length].strip("-") or "item"


def _numbered(base, n, max_length):
    return base if n == 1 else f"{base[: max_length - len(str(n)) - 1]}-{n}"


def unique_slug(model, text, *, max_length=80, exclude_pk=None):
    """A slug for text that no other row of model uses yet ("child-j", "child-j-2", ...)."""
    base = _slug_base(text, max_length)
    slug, n = base, 1
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while others.filter(slug=slug).exists():
        n += 1
        slug = _numbered(base, n, max_length)
    return slug


def private_slugs(model, texts, *, max_length=80):
    """Slugs for new rows that may be hidden from some readers: the text, then six random hex digits.

    A numbered slug ("child-j-2") would tell anyone who sees it that another row of the same name exists, though
    they may not see it; a random ending tells nothing. One query checks that none is taken.
    """
    while True:
        slugs = [f"{_slug_base(text, max_length - 7)}-{secrets.token_hex(3)}" for text in texts]
        if len(set(slugs)) == len(slugs) and not model.objects.filter(slug__in=slugs).exists():
            return slugs


class Partnership(models.Model):
    """The body that commissions and publishes reviews."""

    class Kind(models.TextChoices):
        PARTNERSHIP = "partnership", "Local safeguarding children partnership"
        LSCB = "lscb", "Local safeguarding children board (former)"
        REGIONAL_BOARD = "regional-board", "Regional safeguarding board (Wales)"
        CPC = "cpc", "Child protection committee (Scotland)"
        NORTHERN_IRELAND = "ni-board", "Safeguarding board or panel (Northern Ireland)"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    nation = models.CharField(max_length=20, choices=Nation.choices)
    region = models.CharField(
        max_length=40, choices=Region.choices, blank=True, help_text="English region (England only)."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    former_names = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    # False for a partnership named in a backlog report and created for it: a curator confirms it.
    confirmed = models.BooleanField(default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="partnerships", help_text="The partnership's review authors."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Partnership, self.name)
        super().save(*args, **kwargs)

    @staticmethod
    def kind_from_name(name, nation=""):
        lowered = name.lower()
        if "child protection committee" in lowered:
            return Partnership.Kind.CPC
        if "regional safeguarding" in lowered and "board" in lowered:
            return Partnership.Kind.REGIONAL_BOARD
        if "lscb" in lowered or "safeguarding children board" in lowered:
            return Partnership.Kind.LSCB
        if nation == Nation.WALES and "board" in lowered:
            return Partnership.Kind.REGIONAL_BOARD
        if nation == Nation.NORTHERN_IRELAND:
            return Partnership.Kind.NORTHERN_IRELAND
        if "partnership" in lowered:
            return Partnership.Kind.PARTNERSHIP
        return Partnership.Kind.OTHER


class Sector(models.TextChoices):
    SOCIAL_CARE = "social-care", "Children's social care"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    JUSTICE = "justice", "Justice"
    HOUSING = "housing", "Housing"
    VOLUNTARY = "voluntary", "Voluntary and other"


class Agency(models.Model):
    """A kind of agency involved in a case ("Health visiting", "Police")."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("agency-detail", args=[self.slug])
