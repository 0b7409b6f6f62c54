"""Keep search vectors in step with every change to reviews, findings and themes."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from agencies.models import Partnership
from findings import indexing
from findings.models import Finding, Theme
from reviews.models import Review


@receiver(post_save, sender=Review)
def review_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_reviews([instance.pk])


@receiver(post_save, sender=Finding)
def finding_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_findings_and_reviews([instance.pk])
        if instance.review.status == Review.Status.PUBLISHED:
            indexing.add_finding_terms(instance.pk)


@receiver(post_delete, sender=Finding)
def finding_deleted(sender, instance, **kwargs):
    indexing.index_reviews([instance.review_id])


@receiver(post_save, sender=Partnership)
def partnership_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # its region may have changed: search entries copy it
        indexing.index_partnership(instance.pk)


@receiver(post_save, sender=Theme)
def theme_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and not created:
        indexing.index_theme(instance.pk)
    elif not raw:  # a new theme: searches may name it (findings.search reads themes once per version)
        indexing.bump_corpus_version()


def _tagged_ids(instance, action, reverse, pk_set, related):
    """The ids of the tagged rows (findings or reviews) a theme-tag change touched, or None before it is done.

    From the tagged side (finding.themes.add) that is the instance; from the theme's side
    (theme.findings.add) it is pk_set, or for a clear the rows it had, remembered before.
    """
    if action == "pre_clear" and reverse:
        instance._cleared_ids = list(getattr(instance, related).values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return None
    if not reverse:
        return [instance.pk]
    return instance.__dict__.pop("_cleared_ids", []) if action == "post_clear" else list(pk_set or [])


@receiver(m2m_changed, sender=Finding.themes.through)
def finding_themes_changed(sender, instance, action, reverse, pk_set, **kwargs):
    ids = _tagged_ids(instance, action, reverse, pk_set, "findings")
    if ids is not None:
        indexing.index_findings_and_reviews(ids)


@receiver(m2m_changed, sender=Review.themes.through)
def review_themes_changed(sender, instance, action, reverse, pk_set, **kwargs):
    ids = _tagged_ids(instance, action, reverse, pk_set, "reviews")
    if ids is not None:
        indexing.index_reviews(ids)
        indexing.index_findings(Finding.objects.filter(review_id__in=ids).values_list("pk", flat=True))


@receiver(m2m_changed, sender=Finding.agencies.through)
def finding_agencies_changed(sender, instance, action, reverse, pk_set, **kwargs):
    ids = _tagged_ids(instance, action, reverse, pk_set, "findings")
    if ids is not None:
        indexing.index_findings_and_reviews(ids)
