"""The portal's outbox: every e-mail is written to OutgoingEmail first, sent after commit.

The row is saved in the same transaction as the change it tells about, and sent
only once that transaction has committed: no e-mail about a registration that was
rolled back, and no registration lost because the mail server was down.
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from events.calendar import calendar_bytes
from events.dates import format_event_time, relative_day
from events.links import cancel_url
from events.models import OutgoingEmail, Registration
from portal.validators import clean_text

logger = logging.getLogger(__name__)


class Kind:
    CONFIRMATION = "confirmation"
    WAITING = "waiting"
    PROMOTED = "promoted"
    CANCELLED = "cancelled"
    EVENT_CANCELLED = "event_cancelled"
    REMINDER = "reminder"


SUBJECTS = {
    Kind.CONFIRMATION: _("Du er påmeldt: {title}"),
    Kind.WAITING: _("Du står på ventelisten: {title}"),
    Kind.PROMOTED: _("Du har fått plass: {title}"),
    Kind.CANCELLED: _("Du er meldt av: {title}"),
    Kind.EVENT_CANCELLED: _("Avlyst: {title}"),
    Kind.REMINDER: _("Påminnelse: {title} {day}"),
}
# These carry the event as a calendar file, so it lands in the registrant's calendar.
WITH_ICS = {Kind.CONFIRMATION, Kind.PROMOTED, Kind.REMINDER, Kind.EVENT_CANCELLED}


def queue_email(*, registration: Registration, kind: str) -> OutgoingEmail | None:
    """Queue the e-mail `kind` to the registrant; None for a walk-in who gave no address
    (an e-mail to nobody would fail on every retry of the outbox)."""
    if not registration.email:
        return None
    event = registration.event
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "event": event,
            "when": format_event_time(event.starts_at, event.ends_at),
            "event_url": f"{settings.SITE_URL}{event.get_absolute_url()}",
            "cancel_url": cancel_url(registration),
            "position": registration.waiting_position(),
            "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        }
        # A header must be one line (Django refuses it otherwise and the e-mail fails).
        day = relative_day(event.starts_at)
        context["day"] = day
        subject = str(SUBJECTS[kind]).format(title=clean_text(event.title), day=day)
        subject = clean_text(subject)
        text = render_to_string(f"events/email/{kind}.txt", context)
        html = render_to_string(f"events/email/{kind}.html", context)
    ics = calendar_bytes([event], event.title).decode() if kind in WITH_ICS else ""
    return queue(
        kind=kind,
        to=registration.email,
        subject=subject,
        body_text=text,
        body_html=html,
        ics=ics,
        registration=registration,
    )


def queue(
    *,
    kind: str,
    to: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    reply_to: str = "",
    ics: str = "",
    registration: Registration | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """Write an e-mail down and send it once the surrounding transaction commits.

    Every e-mail of the portal goes through here (the directory's too), so one
    outbox, one retry command and one place to look for what was sent.
    """
    email = OutgoingEmail.objects.create(
        registration=registration,
        kind=kind,
        to=to,
        reply_to=reply_to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        ics=ics,
        headers=headers or {},
    )
    transaction.on_commit(partial(deliver, email.pk))
    return email


def deliver(email_id: int) -> bool:
    """Send one recorded e-mail; a failure is written down, never raised."""
    email = OutgoingEmail.objects.get(pk=email_id)
    if email.status == OutgoingEmail.Status.SENT:
        return True
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to or settings.CONTACT_EMAIL],
        headers=email.headers or None,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    if email.ics:
        # Django adds the charset of a text attachment itself; naming it here doubled it.
        message.attach("arrangement.ics", email.ics, "text/calendar")
    email.attempts += 1
    try:
        message.send(fail_silently=False)
    except Exception as error:  # Any failure of any backend: keep it for a retry.
        logger.warning("E-post %s til %s feilet: %s", email.pk, email.to, error)
        email.status = OutgoingEmail.Status.FAILED
        email.error = f"{type(error).__name__}: {error}"
        email.save(update_fields=["status", "error", "attempts"])
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.error = ""
    email.save(update_fields=["status", "error", "attempts", "sent_at"])
    return True


def retry_unsent(*, max_attempts: int = 10) -> tuple[int, int]:
    """Try again every e-mail that is not sent yet. Returns (sent, still failing)."""
    sent = failed = 0
    # A pending e-mail younger than a few minutes may still be on its way from
    # on_commit; leave it alone so no one gets the same e-mail twice.
    stale = timezone.now() - timedelta(minutes=5)
    unsent = OutgoingEmail.objects.filter(attempts__lt=max_attempts).filter(
        Q(status=OutgoingEmail.Status.FAILED)
        | Q(status=OutgoingEmail.Status.PENDING, created_at__lt=stale)
    )
    for email_id in unsent.order_by("created_at").values_list("pk", flat=True):
        if deliver(email_id):
            sent += 1
        else:
            failed += 1
    return sent, failed
