"""Reads of the directory with a rule in them: who sees which actors, in what order.

Kept apart from actors/models.py so the models stay about fields; the models use
these as their managers (`Actor.objects.visible_to(user)`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, Now
from django.utils import timezone

from portal.permissions import is_coordinator

# Owners of stale profiles are asked at most once a month (manage.py remind_stale_profiles).
REMIND_EVERY = timedelta(days=30)


def not_confirmed_since(cutoff) -> models.Q:
    """Owned profiles nobody has confirmed or changed since `cutoff`, as a condition."""
    return models.Q(owner__isnull=False, updated_at__lt=cutoff) & (
        models.Q(confirmed_at__isnull=True) | models.Q(confirmed_at__lt=cutoff)
    )


def stale_condition(now=None) -> models.Q:
    """A stale profile (see ActorQuerySet.stale()), for aggregates that count them."""
    from accounts.retention import months_before

    months = settings.RETENTION["profile_reminder_after_months"]
    return not_confirmed_since(months_before(now or timezone.now(), months))


class MunicipalityQuerySet(models.QuerySet):
    def places(self) -> "MunicipalityQuerySet":
        """Real municipalities, for the directory's and the calendar's filters."""
        return self.exclude(slug=self.model.OTHER_SLUG)

    def for_registration(self) -> "MunicipalityQuerySet":
        """The region first, then its neighbours, "Annen kommune" last."""
        return self.order_by(
            "-in_region",
            models.Case(models.When(slug=self.model.OTHER_SLUG, then=1), default=0),
            "name",
        )


# Columns an actor card never shows (see ActorQuerySet.for_cards()).
CARD_DEFERRED = (
    "description",
    "offers",
    "looking_for",
    "search_name",
    "search_title",
    "search_text",
    "address",
)


class ActorQuerySet(models.QuerySet):
    def published(self) -> "ActorQuerySet":
        return self.filter(status=self.model.Status.PUBLISHED)

    def visible_to(self, user) -> "ActorQuerySet":
        """Published profiles, plus the user's own; coordinators see all."""
        if is_coordinator(user):
            return self.all()
        return self.published() | self.owned_by(user)

    def owned_by(self, user) -> "ActorQuerySet":
        """The profiles this user keeps (none for a visitor)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def newest(self) -> "ActorQuerySet":
        return self.order_by("-published_at", "-id")

    def for_cards(self) -> "ActorQuerySet":
        """What an actor card shows, in a constant number of queries (one more for images).

        The long texts and search strings are left out: a card shows none of them, and
        they are most of a row's bytes."""
        from actors.models import ActorImage

        return (
            self.defer(*CARD_DEFERRED)
            .select_related("municipality")
            .prefetch_related(
                models.Prefetch(
                    "images", queryset=ActorImage.objects.order_by("role", "position", "pk")
                )
            )
        )

    # Coordinator actions: one UPDATE each, whatever the number of actors, and one
    # history record per actor whose status really changed (portal/history.py).
    def publish(self) -> int:
        return self._set_status(
            self.model.Status.PUBLISHED, published_at=Coalesce("published_at", Now())
        )

    def hide(self) -> int:
        return self._set_status(self.model.Status.HIDDEN)

    def send_to_review(self) -> int:
        return self._set_status(self.model.Status.PENDING)

    def _set_status(self, status: str, **also) -> int:
        from portal.history import record_bulk_change

        already = self.filter(status=status).count()
        changing = list(self.exclude(status=status).values_list("pk", flat=True))
        updated = self.model.objects.filter(pk__in=changing).update(
            status=status, updated_at=Now(), **also
        )
        record_bulk_change(self.model, changing)
        self._bumping(updated)
        return already + len(changing)

    @staticmethod
    def _bumping(changed: int) -> int:
        """update() sends no signals: move the data version on for the shared caches."""
        from portal.cache_version import bump

        if changed:
            bump()
        return changed

    def refresh_search_index(self) -> None:
        from actors.search import refresh_search_index

        refresh_search_index(self)

    def not_confirmed_since(self, cutoff) -> "ActorQuerySet":
        """Owned profiles nobody has confirmed or changed since `cutoff`."""
        return self.filter(not_confirmed_since(cutoff))

    def stale(self, now=None) -> "ActorQuerySet":
        """Published profiles whose owner is due to be asked whether they are still right
        (settings.RETENTION["profile_reminder_after_months"], as the privacy statement says).

        The one definition of a stale profile: the admin's filter, the reminders and the
        statistics page (stale_condition) count the same profiles."""
        return self.published().filter(stale_condition(now))

    def due_reminder(self, now=None) -> "ActorQuerySet":
        """Stale profiles whose owner has not been reminded within REMIND_EVERY."""
        now = now or timezone.now()
        return self.stale(now).filter(
            models.Q(reminded_at__isnull=True) | models.Q(reminded_at__lt=now - REMIND_EVERY)
        )
