"""Reads of events and registrations with a rule in them, as QuerySet methods.

Kept apart from events/models.py so the models stay about fields; the models use
these as their managers (`Event.objects.visible_to(user)`,
`event.registrations.public_participants()`).
"""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from portal.permissions import is_coordinator


class EventQuerySet(models.QuerySet):
    def published(self) -> "EventQuerySet":
        """Events the public may see: published, and cancelled ones that had been published."""
        return self.filter(status__in=[self.model.Status.PUBLISHED, self.model.Status.CANCELLED])

    def visible_to(self, user) -> "EventQuerySet":
        """What this user may open: coordinators also preview drafts."""
        return self.all() if is_coordinator(user) else self.published()

    def upcoming(self) -> "EventQuerySet":
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past(self) -> "EventQuerySet":
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")

    def past_years(self) -> list[int]:
        """The years (in Norway) that have past events, newest first: the list's year filter."""
        local = timezone.get_default_timezone()
        days = self.past().datetimes("starts_at", "year", order="DESC", tzinfo=local)
        return [day.year for day in days]

    def listed(
        self, *, past: bool = False, year: int | None = None, kind: str = "", municipality=None
    ) -> "EventQuerySet":
        """The event list as filtered by its form (EventFilterForm.filters()).

        Upcoming events soonest first, or past ones newest first; the year only
        narrows past events.
        """
        events = self.past() if past else self.upcoming()
        if past and year:
            events = events.filter(starts_at__year=year)
        if kind:
            events = events.filter(kind=kind)
        if municipality:
            events = events.filter(municipality=municipality)
        return events

    def with_counts(self) -> "EventQuerySet":
        """Registration counts in the same query, so lists never ask per event.

        The admin's list and the check-in page both read these. Someone who was
        checked in and then cancelled is not counted as attended: the count is of
        people who came with a registration that still stands.
        """
        from events.models import Registration

        status = Registration.Status
        return self.annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=status.CONFIRMED)
            ),
            waiting_count=Count("registrations", filter=Q(registrations__status=status.WAITING)),
            cancelled_count=Count(
                "registrations", filter=Q(registrations__status=status.CANCELLED)
            ),
            attended_count=Count(
                "registrations",
                filter=Q(registrations__attended=True) & ~Q(registrations__status=status.CANCELLED),
            ),
        )

    def for_cards(self) -> "EventQuerySet":
        return self.with_counts().select_related("venue", "municipality")


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> "RegistrationQuerySet":
        return self.exclude(status=self.model.Status.CANCELLED)

    def public_participants(self) -> "RegistrationQuerySet":
        """(name, organisation) of those with a seat who chose to be on the participant list."""
        return self.filter(status=self.model.Status.CONFIRMED, show_name=True).values_list(
            "name", "organisation"
        )

    def for_checkin(self, query: str = "") -> "RegistrationQuerySet":
        """Everyone still registered, by name; `query` narrows to names containing it."""
        registrations = self.active().order_by("name", "pk")
        return registrations.filter(name__icontains=query) if query else registrations

    def waiting_in_order(self) -> "RegistrationQuerySet":
        return self.filter(status=self.model.Status.WAITING).order_by("created_at", "pk")

    def of_member(self, user) -> "RegistrationQuerySet":
        """A member's registrations: made while logged in, or to a confirmed address of theirs."""
        if user is None or not user.is_authenticated:
            return self.none()
        from allauth.account.models import EmailAddress

        mine = Q(user=user)
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        ):
            mine |= Q(email__iexact=email)
        return self.filter(mine)

    def not_anonymised(self) -> "RegistrationQuerySet":
        return self.filter(anonymised_at__isnull=True)
