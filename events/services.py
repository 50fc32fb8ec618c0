"""Registration workflows: each rule lives here, once.

Every function that changes seats locks the event row first, so two requests
never count the same free seat (PostgreSQL: SELECT … FOR UPDATE; SQLite: the
whole database is locked by the IMMEDIATE transactions set in settings).
"""

from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from events.emails import Kind, queue_email
from events.models import Event, Registration
from portal.busy import DatabaseBusy, is_lock_timeout
from portal.permissions import is_member
from portal.validators import normalise_email


class RegistrationRefused(Exception):
    """Registration is not possible; str(error) says why, for the visitor."""


class AlreadyRegistered(RegistrationRefused):
    pass


class TooBusy(RegistrationRefused, DatabaseBusy):
    """The event's row stayed locked longer than SEAT_LOCK_TIMEOUT_MS; nothing was saved.

    The registration form catches it (and keeps what was typed); anywhere else, such as
    the cancel link or an admin action, portal.busy answers 503 "try again"."""

    def __init__(self) -> None:
        super().__init__(_("Mange melder seg på akkurat nå, prøv igjen om litt."))


def _lock(event: Event) -> Event:
    """The event's row, locked until the transaction ends; TooBusy if that takes too long.

    On PostgreSQL the wait is bounded by SEAT_LOCK_TIMEOUT_MS (SET LOCAL: this
    transaction only), so a stuck transaction elsewhere makes visitors try again
    instead of tying up every worker. On SQLite the IMMEDIATE transaction has
    already taken the database's write lock, bounded by its own busy timeout.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            timeout = f"{int(settings.SEAT_LOCK_TIMEOUT_MS)}ms"
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [timeout])
    try:
        return Event.objects.select_for_update().get(pk=event.pk)
    except OperationalError as error:
        if is_lock_timeout(error):
            raise TooBusy from error
        raise


def register(
    *,
    event: Event,
    name: str,
    email: str,
    consent: bool,
    phone: str = "",
    organisation: str = "",
    actor=None,
    user=None,
    municipality=None,
    diets: Sequence[str] = (),
    diet_other: str = "",
    show_name: bool = False,
) -> Registration:
    """Register one person: a seat if there is one, else the waiting list."""
    if not consent:
        raise RegistrationRefused(_("Du må godta personvernerklæringen for å melde deg på."))
    email = normalise_email(email)
    # Everything that does not depend on the seat count is prepared before the lock.
    registration = Registration(
        name=name.strip(),
        email=email,
        phone=phone,
        organisation=organisation,
        actor=actor,
        user=user if is_member(user) else None,
        municipality=municipality,
        diets=list(diets),
        diet_other=diet_other,
        consent=True,
        show_name=show_name,
        language=translation.get_language() or "nb",
    )
    with transaction.atomic():
        # The last-seat race: two visitors submit at once for the last seat. The row
        # lock makes the second wait until the first has committed, so it counts the
        # seat as taken and goes to the waiting list instead of overbooking.
        event = _lock(event)
        reason = event.registration_closed_reason()
        if reason:
            raise RegistrationRefused(reason)
        if event.registrations.active().filter(email__iexact=email).exists():
            raise _already_registered(email)
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
        has_seat = event.capacity is None or confirmed < event.capacity
        registration.event, registration.created_at = event, timezone.now()
        registration.status = (
            Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITING
        )
        try:
            with transaction.atomic():
                registration.save(force_insert=True)
        except IntegrityError as error:
            # Only reachable if something bypassed the lock; the constraint holds.
            raise _already_registered(email) from error
        queue_email(registration=registration, kind=Kind.CONFIRMATION if has_seat else Kind.WAITING)
    return registration


def _already_registered(email: str) -> AlreadyRegistered:
    return AlreadyRegistered(
        _("{email} er allerede påmeldt dette arrangementet.").format(email=email)
    )


def promote_from_waiting_list(
    *, event: Event, registrations: Iterable[Registration] | None = None
) -> list[Registration]:
    """Give free seats to the waiting list, first come first served, and tell them.

    With `registrations`, a coordinator promotes exactly those, even past the
    capacity (they decide; e.g. a speaker's guest).
    """
    with transaction.atomic():
        event = _lock(event)
        waiting = event.registrations.waiting_in_order()
        if registrations is not None:
            waiting = waiting.filter(pk__in=[r.pk for r in registrations])
        elif event.capacity is not None:
            confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
            waiting = waiting[: max(event.capacity - confirmed, 0)]
        promoted = list(waiting.select_for_update())
        for registration in promoted:
            registration.status = Registration.Status.CONFIRMED
            registration.save(update_fields=["status"])
            registration.event = event
            queue_email(registration=registration, kind=Kind.PROMOTED)
    return promoted


def cancel_registration(*, registration: Registration) -> list[Registration]:
    """Cancel one registration; a freed seat goes to the first on the waiting list.

    Returns the registrations promoted in its place (none or one).
    """
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return []
        had_seat = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        registration.event = event
        queue_email(registration=registration, kind=Kind.CANCELLED)
        if had_seat and not event.is_past and not event.is_cancelled:
            return promote_from_waiting_list(event=event)
    return []


def cancel_event(*, event: Event) -> int:
    """Cancel an event and tell everyone still registered. Returns how many were told."""
    with transaction.atomic():
        event = _lock(event)
        if event.is_cancelled:
            return 0
        event.status = Event.Status.CANCELLED
        event.save(update_fields=["status", "updated_at"])
        told = 0
        for registration in event.registrations.active():
            registration.event = event
            told += queue_email(registration=registration, kind=Kind.EVENT_CANCELLED) is not None
    return told


def send_reminders(*, now=None) -> int:
    """Remind everyone with a seat at an event that starts within a day.

    Safe to run every hour: each registration is claimed by a conditional UPDATE,
    so a second run (or two at once) reminds no one twice.
    """
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__status=Event.Status.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + timedelta(hours=24),
    ).select_related("event")
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                queue_email(registration=registration, kind=Kind.REMINDER)
                sent += 1
    return sent


def copy_as_draft(*, event: Event) -> Event:
    """A new draft with the same content and speakers, for the coordinator to redate."""
    with transaction.atomic():
        speakers = list(event.speakers.all())
        copy = Event.objects.get(pk=event.pk)
        copy.pk = None
        copy.slug = ""
        copy.status = Event.Status.DRAFT
        copy.title = _("Kopi av {title}").format(title=event.title)[:200]
        copy.save()
        for speaker in speakers:
            speaker.pk = None
            speaker.event = copy
            speaker.save()
    return copy


def anonymise_registrations(*, registrations) -> int:
    """Remove the person from these registrations; the rows stay for statistics.

    What remains is the event, the status, attendance, the home municipality and
    the dates: enough to count, nothing to identify anyone. The e-mails sent about
    them go too (their text holds the name). Returns how many were anonymised;
    already anonymised rows are left alone, so running it again changes nothing.
    """
    from events.models import OutgoingEmail

    with transaction.atomic():
        pks = list(registrations.not_anonymised().values_list("pk", flat=True))
        OutgoingEmail.objects.filter(registration_id__in=pks).delete()
        # Earlier versions in the change history hold the same details (portal/history.py).
        Registration.history.filter(id__in=pks).delete()
        return Registration.objects.filter(pk__in=pks).update(
            name=_ANONYMOUS_NAME,
            # Unique per row: the one-active-registration-per-address constraint holds.
            email=Concat(Value("anonym-"), Cast("pk", CharField()), Value("@example.invalid")),
            phone="",
            organisation="",
            user=None,
            actor=None,
            diets=[],
            diet_other="",
            show_name=False,
            anonymised_at=timezone.now(),
        )


def remove_dietary_needs_after_events(*, now=None) -> int:
    """Dietary needs and free-text notes are for ordering food: gone once the event is over."""
    now = now or timezone.now()
    ended = Registration.objects.filter(event__ends_at__lt=now).filter(
        ~Q(diets=[]) | ~Q(diet_other="")
    )
    # The change history's earlier versions of these registrations forget them too.
    Registration.history.filter(event__ends_at__lt=now).filter(
        ~Q(diets=[]) | ~Q(diet_other="")
    ).update(diets=[], diet_other="")
    return ended.update(diets=[], diet_other="")


_ANONYMOUS_NAME = "Anonymisert"


class NeedsConfirmation(Exception):
    """Checking in someone from the waiting list: the coordinator must say yes first."""


def check_in(*, registration: Registration, waiting_list_confirmed: bool = False) -> Registration:
    """Tick someone in at the door, or untick them.

    Someone on the waiting list who turns up takes a seat: they become confirmed,
    but only once the coordinator has said so (NeedsConfirmation otherwise), since
    the seat may be promised to someone else.
    """
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        waiting = registration.status == Registration.Status.WAITING
        if waiting and not registration.attended:
            if not waiting_list_confirmed:
                raise NeedsConfirmation
            registration.status = Registration.Status.CONFIRMED
        registration.attended = not registration.attended
        registration.save(update_fields=["attended", "status"])
    return registration


def add_walk_in(*, event: Event, name: str, email: str, municipality) -> Registration:
    """Someone who came without registering: counted as attended (and in the statistics)."""
    return Registration.objects.create(
        event=event,
        name=name,
        email=email,  # normalised by Registration.save; blank when none was given
        municipality=municipality,
        status=Registration.Status.CONFIRMED,
        attended=True,
        walk_in=True,
        language=translation.get_language() or "nb",
    )


def checkin_counts(event: Event) -> dict[str, int]:
    """The counts at the top of the check-in page, in one query."""
    from django.db.models import Count

    status = Registration.Status
    return event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=status.CONFIRMED)),
        attended=Count("pk", filter=Q(attended=True) & ~Q(status=status.CANCELLED)),
        waiting=Count("pk", filter=Q(status=status.WAITING)),
        walk_ins=Count("pk", filter=Q(walk_in=True) & ~Q(status=status.CANCELLED)),
    )
