"""Merging two profiles of the same actor: a coordinator chooses which one is kept.

Nothing of the other profile is lost:
- its texts, links and contact details fill the fields the kept profile has empty
  (the kept profile's own values win where both have one);
- its sectors are added; its images move (its logo becomes a gallery image when
  the kept profile has a logo already);
- its owner becomes the owner when the kept profile has none; when both have one,
  the coordinator chooses (`owner`), and the other owner's claim stays possible;
- everything that points to it moves: events held there, talks, registrations,
  contact messages, claims, opportunities and any model added later, found through
  the model's relations rather than listed here;
- its change history moves to the kept profile, which gets a record of the merge;
- its address redirects to the kept profile with 301 (actors/redirects.py), and so
  do the addresses that already redirected to it.

The kept profile is saved the ordinary way, so the search index follows
(Actor.save() and actors/signals.py); the other's index rows go with it.
"""

from contextlib import suppress

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from actors.models import Actor, ActorImage, ActorRedirect, ClaimRequest

# Fields the other profile fills when the kept profile has them empty.
FILLED_FROM_OTHER = [
    "org_number",
    "pitch",
    "description",
    "offers",
    "looking_for",
    "website",
    "instagram",
    "facebook",
    "linkedin",
    "contact_person",
    "email",
    "phone",
    "address",
    "postal_code",
    "postal_place",
]


def merge_actors(*, keep: Actor, remove: Actor, owner=None) -> Actor:
    """Move everything of `remove` to `keep`, delete `remove`, redirect its address."""
    if keep.pk == remove.pk:
        raise ValueError("An actor cannot be merged with itself.")
    with transaction.atomic():
        # Two coordinators merging the same pair at once: the second finds it gone.
        locked = {
            a.pk: a for a in Actor.objects.select_for_update().filter(pk__in=[keep.pk, remove.pk])
        }
        keep, remove = locked[keep.pk], locked[remove.pk]
        for name in FILLED_FROM_OTHER:
            if not getattr(keep, name) and getattr(remove, name):
                setattr(keep, name, getattr(remove, name))
        if owner is not None:
            keep.owner = owner
        elif keep.owner_id is None:
            keep.owner_id = remove.owner_id
        _move_images(keep, remove)
        _move_claims(keep, remove)
        _move_related(keep, remove)
        Actor.history.filter(id=remove.pk).update(id=keep.pk)
        ActorRedirect.objects.update_or_create(old_slug=remove.slug, defaults={"actor": keep})
        sectors = list(remove.sectors.all())
        reason = _("Slått sammen med «%(name)s» (%(slug)s)") % {
            "name": remove.name,
            "slug": remove.slug,
        }
        remove._change_reason = reason  # type: ignore[attr-defined]
        remove.delete()
        keep._change_reason = reason  # type: ignore[attr-defined]
        keep.save()
        keep.sectors.add(*sectors)
    return keep


def _move_images(keep: Actor, remove: Actor) -> None:
    images = ActorImage.objects.filter(actor=remove)
    if ActorImage.objects.filter(actor=keep, role=ActorImage.Role.LOGO).exists():
        images.filter(role=ActorImage.Role.LOGO).update(role=ActorImage.Role.GALLERY)
    images.update(actor=keep)


def _move_claims(keep: Actor, remove: Actor) -> None:
    # One open claim per member and profile: a member who asked for both keeps one.
    asked_both = ClaimRequest.objects.open().filter(actor=keep).values("user")
    ClaimRequest.objects.open().filter(actor=remove, user__in=asked_both).delete()


def _move_related(keep: Actor, remove: Actor) -> None:
    """Every foreign key to the removed profile now points to the kept one.

    A row that would break a unique rule (both profiles answered the same
    opportunity) stays with the removed profile and goes the way its relation says
    on delete: the kept profile already has its own such row.
    """
    for relation in Actor._meta.related_objects:
        if not relation.one_to_many or relation.related_model is ActorImage:
            continue
        name = relation.field.name
        rows = relation.related_model._base_manager.filter(**{name: remove})
        try:
            with transaction.atomic():
                rows.update(**{name: keep})
        except IntegrityError:
            for pk in rows.values_list("pk", flat=True):
                with suppress(IntegrityError), transaction.atomic():
                    rows.filter(pk=pk).update(**{name: keep})
