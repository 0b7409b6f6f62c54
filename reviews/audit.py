"""Audit: every change to reviews, findings, themes, lessons and their links is recorded by database
triggers (django-pghistory), with the user and page of the request that made it (pghistory's middleware).
The history pages that read the record are curation's (curation.history)."""

import pghistory


def audit_events():
    """Fresh trackers for a model's inserts, updates and deletes (a tracker learns its model's fields)."""
    return pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent()


def link_events():
    """Fresh trackers for a link table's rows being added and removed."""
    return pghistory.InsertEvent("add"), pghistory.DeleteEvent("remove")
