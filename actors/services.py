"""Workflows around members' own profiles: submit, approve, hide, claim, contact, confirm.

Each function is one step a person takes, does everything that step means (the
change, the e-mails, the timestamps) inside one transaction, and is the only place
that step is written. E-mails go through the outbox, so they leave only if the
change is committed.
"""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from actors import emails
from actors.contact import address_hash
from actors.links import approve_url, still_correct_url
from actors.models import Actor, ClaimRequest, ContactMessage
from actors.querysets import REMIND_EVERY
from portal.permissions import is_member
from portal.validators import normalise_email


def submit_profile(*, form, images, owner, language: str) -> Actor:
    """A member's new profile: saved as pending, the coordinators told.

    Takes the validated forms because they own the steps after the row is saved
    (sectors, the search document, image renditions).
    """
    with transaction.atomic():
        actor = form.save(commit=False)
        actor.owner = owner
        actor.status = Actor.Status.PENDING
        actor.language = language
        actor.save()
        form.save_m2m()
        images.instance = actor
        images.save()
        emails.tell_coordinators(
            "profile_submitted",
            {
                "actor": actor,
                "owner": owner,
                "approve_url": approve_url(actor),
                "profile_url": emails.profile_url(actor),
                "subject_args": {"name": actor.name},
            },
        )
    return actor


def update_profile(*, form, images) -> Actor:
    """The owner's edit: live at once; the change history records who and what."""
    with transaction.atomic():
        actor = form.save()
        images.save()
    return actor


def approve_profile(*, actor: Actor) -> bool:
    """Publish a pending profile and tell its owner. False if it was not pending."""
    with transaction.atomic():
        # Two coordinators clicking at once: only one publishes and only one e-mail goes.
        actor = Actor.objects.select_for_update().get(pk=actor.pk)
        if actor.status != Actor.Status.PENDING:
            return False
        actor.status = Actor.Status.PUBLISHED
        actor.hidden_reason = ""
        actor.save()
        owner = actor.owner
        if owner is not None and owner.email:
            emails.send(
                "profile_approved",
                to=owner.email,
                language=emails.owner_language(actor),
                context={
                    "actor": actor,
                    "profile_url": emails.profile_url(actor),
                    "subject_args": {"name": actor.name},
                },
            )
    return True


def approve_profiles(queryset: QuerySet) -> int:
    return sum(approve_profile(actor=actor) for actor in queryset.order_by("pk"))


def hide_profile(*, actor: Actor, reason: str) -> None:
    """Hide a profile with a reason its owner sees on their edit page (and by e-mail)."""
    with transaction.atomic():
        actor.status = Actor.Status.HIDDEN
        actor.hidden_reason = reason
        actor.save()
        owner = actor.owner
        if owner is not None and owner.email:
            emails.send(
                "profile_hidden",
                to=owner.email,
                language=emails.owner_language(actor),
                context={"actor": actor, "reason": reason, "subject_args": {"name": actor.name}},
            )


# Each new claim e-mails the coordinators: one member may have this many waiting at once.
MAX_OPEN_CLAIMS = 5


class ClaimLimitReached(Exception):
    """The member already has MAX_OPEN_CLAIMS claims waiting; nothing was saved."""


def request_claim(*, actor: Actor, user, message: str, language: str) -> ClaimRequest:
    """A member asks to take over an unowned profile; asking again updates the message."""
    with transaction.atomic():
        waiting = ClaimRequest.objects.open().filter(user=user).exclude(actor=actor)
        if waiting.count() >= MAX_OPEN_CLAIMS:
            raise ClaimLimitReached
        claim, created = ClaimRequest.objects.open().update_or_create(
            actor=actor, user=user, defaults={"message": message, "language": language}
        )
        if created:
            emails.tell_coordinators(
                "claim_received",
                {"claim": claim, "actor": actor, "subject_args": {"name": actor.name}},
            )
    return claim


def approve_claim(*, claim: ClaimRequest, by) -> bool:
    """Make the member the owner and tell them; other open claims on the profile are refused.

    False when the claim was already decided or the profile has an owner by now.
    """
    with transaction.atomic():
        # Two claims on one profile approved at once: the actor row decides who wins.
        actor = Actor.objects.select_for_update().get(pk=claim.actor_id)
        claim = ClaimRequest.objects.select_for_update().get(pk=claim.pk)
        if claim.status != ClaimRequest.Status.PENDING or actor.owner_id:
            return False
        actor.owner = claim.user
        actor.language = claim.language
        actor.save()
        _decide(claim, ClaimRequest.Status.APPROVED, by)
        _tell_claimant(claim, "claim_approved")
        for other in actor.claims.open().select_related("user"):
            _decide(other, ClaimRequest.Status.REFUSED, by)
            _tell_claimant(other, "claim_refused")
    return True


def refuse_claim(*, claim: ClaimRequest, by) -> bool:
    with transaction.atomic():
        claim = ClaimRequest.objects.select_for_update().get(pk=claim.pk)
        if claim.status != ClaimRequest.Status.PENDING:
            return False
        _decide(claim, ClaimRequest.Status.REFUSED, by)
        _tell_claimant(claim, "claim_refused")
    return True


def _decide(claim: ClaimRequest, status: str, by) -> None:
    claim.status = status
    claim.decided_at = timezone.now()
    claim.decided_by = by
    claim.save(update_fields=["status", "decided_at", "decided_by"])


def _tell_claimant(claim: ClaimRequest, kind: str) -> None:
    if not claim.user.email:
        return
    emails.send(
        kind,
        to=claim.user.email,
        language=emails.member_language(claim.user, claim.language),
        context={
            "claim": claim,
            "actor": claim.actor,
            "profile_url": emails.profile_url(claim.actor),
            "subject_args": {"name": claim.actor.name},
        },
    )


class ContactLimitReached(Exception):
    """The sender has sent as many messages as they may this hour."""


def contact_limit(user) -> int:
    # Buyers without an account may write too, with a stricter limit against spam.
    if is_member(user):
        return settings.CONTACT_LIMIT_MEMBER
    return settings.CONTACT_LIMIT_VISITOR


def send_contact_message(
    *,
    actor: Actor,
    user,
    name: str,
    email: str,
    subject: str,
    body: str,
    address: str,
    language: str,
) -> ContactMessage:
    """Send a message to the actor (sender as Reply-To) and a copy to the sender.

    Raises ContactLimitReached when this e-mail or network address has used up the
    hour's limit. Two simultaneous sends may both pass the count; one extra message
    an hour is an acceptable cost for not locking on every send.
    """
    recipient = actor.contact_address
    if not recipient:
        raise ValueError("actor has no address to write to")
    recent = ContactMessage.objects.recent_from(email=email, address=address).count()
    if recent >= contact_limit(user):
        raise ContactLimitReached
    with transaction.atomic():
        message = ContactMessage.objects.create(
            actor=actor,
            actor_name=actor.name,
            sender_user=user if user is not None and user.is_authenticated else None,
            sender_name=name,
            sender_email=normalise_email(email),
            sender_address=address_hash(address),
            subject=subject,
            body=body,
            language=language,
        )
        context = {
            "message": message,
            "actor": actor,
            "profile_url": emails.profile_url(actor),
            "subject_args": {"subject": subject, "name": actor.name},
        }
        emails.send(
            "contact_message",
            to=recipient,
            language=emails.owner_language(actor),
            context=context,
            reply_to=email,
        )
        emails.send("contact_copy", to=email, language=language, context=context)
    return message


def member_data(user) -> dict:
    """The directory's part of a member's data export (accounts/personal_data.py)."""
    claims = [
        {
            "profile": claim.actor.name,
            "message": claim.message,
            "status": claim.status,
            "sent_at": claim.created_at.isoformat(),
        }
        for claim in ClaimRequest.objects.filter(user=user).select_related("actor")
    ]
    return {"messages_sent": sent_messages(user), "profile_claims": claims}


def erase_member_messages(user) -> int:
    """Deleting an account removes the record of the messages it sent (they were delivered)."""
    mine = ContactMessage.objects.sent_by(user) | ContactMessage.objects.filter(
        sender_email=normalise_email(user.email)
    )
    deleted, _by_model = mine.delete()
    return deleted


def sent_messages(user) -> list[dict]:
    """What a member has sent through contact forms, for their data export."""
    return [
        {
            "to": message.actor_name,
            "subject": message.subject,
            "body": message.body,
            "sent_at": message.created_at.isoformat(),
        }
        for message in ContactMessage.objects.sent_by(user).order_by("created_at")
    ]


def confirm_still_correct(*, actor: Actor) -> None:
    """The owner says the profile is still right: it is not stale for another year."""
    # update(): confirming is not an edit, so "last updated" on the profile stays.
    Actor.objects.filter(pk=actor.pk).update(confirmed_at=timezone.now())


def remind_stale_profiles(*, now=None) -> int:
    """E-mail each owner of stale profiles once, at most once a month. Returns e-mails sent.

    Running it twice is harmless: the reminded profiles are not due again for a month.
    """
    now = now or timezone.now()
    recently_reminded = Actor.objects.filter(reminded_at__gte=now - REMIND_EVERY).values("owner")
    due = (
        Actor.objects.due_reminder(now)
        .exclude(owner__in=recently_reminded)
        .exclude(owner__email="")
        .select_related("owner")
        .order_by("owner_id", "name")
    )
    by_owner: dict = defaultdict(list)
    for actor in due:
        by_owner[actor.owner].append(actor)
    sent = 0
    for owner, actors in by_owner.items():
        with transaction.atomic():
            # Two runs at once: each profile is claimed by one UPDATE, so nobody is asked twice.
            claimed = [a for a in actors if _claim_reminder(a, now)]
            if claimed:
                _send_reminder(owner, claimed)
                sent += 1
    return sent


def _claim_reminder(actor: Actor, now) -> bool:
    due = Actor.objects.due_reminder(now).filter(pk=actor.pk)
    return due.update(reminded_at=now) == 1


def _send_reminder(owner, actors: list[Actor]) -> None:
    emails.send(
        "still_correct",
        to=owner.email,
        language=emails.owner_language(actors[0]),
        context={
            "actors": [
                (actor, emails.profile_url(actor), still_correct_url(actor)) for actor in actors
            ],
            "reminder_after": settings.RETENTION["profile_reminder_after_months"],
            "hidden_after": settings.RETENTION["profile_hidden_after_months"],
            "subject_args": {"name": ", ".join(actor.name for actor in actors)},
        },
    )
