"""The search index keeps itself current: whoever changes what an actor is found by.

An actor's search document (actors/search.py) holds its own fields, its sectors'
names and its municipality's name. `Actor.save()` refreshes it for the actor's own
fields; these receivers cover the rest, so no form, admin hook, import or test has
to remember a refresh call:

- sectors added, removed, set or cleared, from either side of the relation
  (`actor.sectors.add(…)`, `sector.actors.remove(…)`, a form's save_m2m());
- a sector or a municipality renamed.

Bulk writes that bypass signals (`bulk_create` of the through table in the demo's
synthetic data) compute the index themselves.
"""

from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from actors.models import Actor, Municipality, Sector


def _refresh(actors) -> None:
    from actors.search import refresh_search_index

    refresh_search_index(actors)


@receiver(m2m_changed, sender=Actor.sectors.through, dispatch_uid="actors.sectors_changed")
def sectors_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not reverse:  # actor.sectors.…: one actor changed
        if action in ("post_add", "post_remove", "post_clear"):
            _refresh(Actor.objects.filter(pk=instance.pk))
        return
    # sector.actors.…: the actors in pk_set changed; a clear names none, so remember them.
    if action == "pre_clear":
        instance._actors_before_clear = list(instance.actors.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):
        _refresh(Actor.objects.filter(pk__in=pk_set))
    elif action == "post_clear":
        _refresh(Actor.objects.filter(pk__in=getattr(instance, "_actors_before_clear", [])))


@receiver(pre_save, sender=Sector, dispatch_uid="actors.sector_renaming")
@receiver(pre_save, sender=Municipality, dispatch_uid="actors.municipality_renaming")
def _note_rename(sender, instance, **kwargs) -> None:
    if instance.pk is None:
        instance._renamed = False
        return
    old = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    instance._renamed = old is not None and old != instance.name


@receiver(post_save, sender=Sector, dispatch_uid="actors.sector_renamed")
@receiver(post_save, sender=Municipality, dispatch_uid="actors.municipality_renamed")
def _renamed(sender, instance, **kwargs) -> None:
    # The name is part of the search document of every actor in the sector or municipality.
    if getattr(instance, "_renamed", False):
        _refresh(instance.actors.all())
