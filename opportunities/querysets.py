"""Reads of Samarbeidstorget with a rule in them: which opportunities are open, and who sees what.

An opportunity *expires* when its deadline has passed: that is read from the date
at query time (`open()`), never written by a nightly job, so a page can never show
yesterday's open call as open.
"""

from django.db import models
from django.db.models.functions import Now
from django.utils import timezone

from portal.permissions import is_coordinator

# Opportunity.Status.OPEN (the models import it from here: the QuerySet comes first).
OPEN = "open"
# Opportunity.Kind.OPEN_CALL and GIG: what buyers ask the region for, shown on the home page.
HOME_KINDS = ("open_call", "gig")


def today():
    """The date in the portal's time zone (Europe/Oslo): a deadline lasts the whole day."""
    return timezone.localdate()


def open_opportunities_exist(**outer: str) -> models.Exists:
    """An expression for other models' queries: "has at least one open opportunity".

    `open_opportunities_exist(actor_id="pk")` for actors, `(events="pk")` for events:
    annotate with it to list them only where there are any, or filter by it, without
    a query of its own.
    """
    from opportunities.models import Opportunity

    links = {field: models.OuterRef(ref) for field, ref in outer.items()}
    return models.Exists(Opportunity.objects.open().filter(**links).values("pk"))


class OpportunityQuerySet(models.QuerySet):
    def open(self) -> "OpportunityQuerySet":
        """Open, not hidden, deadline today or later, posted by a published profile:
        what the list, the feed, the home page and the digest show."""
        return self.filter(
            status=OPEN,
            hidden=False,
            deadline__gte=today(),
            actor__status="published",
        )

    def expired(self) -> "OpportunityQuerySet":
        return self.filter(status=OPEN, deadline__lt=today())

    def viewable(self) -> "OpportunityQuerySet":
        """Pages anyone may open: open, expired or closed, as long as neither the
        opportunity nor its profile is hidden (an expired call's page says it expired)."""
        return self.filter(hidden=False, actor__status="published")

    def posted_by(self, user) -> "OpportunityQuerySet":
        """Opportunities of the profiles this user keeps (none for a visitor)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(actor__owner=user)

    def visible_to(self, user) -> "OpportunityQuerySet":
        """The pages this user may open: viewable ones, the user's own; coordinators all."""
        if is_coordinator(user):
            return self.all()
        return self.viewable() | self.posted_by(user)

    def newest(self) -> "OpportunityQuerySet":
        return self.order_by("-created_at", "-id")

    def for_home(self) -> "OpportunityQuerySet":
        """The home page's pick: featured ones and open calls or paid gigs, featured first."""
        wanted = models.Q(featured=True) | models.Q(kind__in=HOME_KINDS)
        return self.filter(wanted).order_by("-featured", "-created_at", "-id")

    # Coordinator actions (the admin): one UPDATE each, whatever the number chosen, one
    # history record per opportunity that really changed, and the shared caches told.
    def feature(self) -> int:
        return self._set(featured=True)

    def unfeature(self) -> int:
        return self._set(featured=False)

    def hide(self) -> int:
        return self._set(hidden=True)

    def unhide(self) -> int:
        return self._set(hidden=False)

    def close(self) -> int:
        return self._set(status="closed", also={"closed_at": Now()})

    def _set(self, *, also: dict | None = None, **values) -> int:
        from portal.cache_version import bump
        from portal.history import record_bulk_change

        changing = list(self.exclude(**values).values_list("pk", flat=True))
        if changing:
            self.model._default_manager.filter(pk__in=changing).update(
                updated_at=Now(), **values, **(also or {})
            )
            record_bulk_change(self.model, changing)
            bump()  # update() sends no signals
        return len(changing)

    def with_answer_counts(self) -> "OpportunityQuerySet":
        return self.annotate(answer_count=models.Count("answers", distinct=True))

    def for_cards(self) -> "OpportunityQuerySet":
        """What an opportunity card shows (poster, place), in the one query of the list."""
        return self.select_related("actor", "municipality")


class AnswerQuerySet(models.QuerySet):
    def to_user(self, user) -> "AnswerQuerySet":
        """Answers to the opportunities of the profiles this user keeps."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(opportunity__actor__owner=user)

    def from_user(self, user) -> "AnswerQuerySet":
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(sender=user)
