"""Answering an opportunity, and the poster marking that they got in touch.

The rules live here, once: who may answer (a member, from one of their own published
profiles, never to their own opportunity), when (while the opportunity is open), how
often (one answer per profile and opportunity; as many per hour as the contact form
allows a member, per account and per client address), and what it sends (the poster
an e-mail with the responder as Reply-To, the responder a copy), all in one
transaction with the outbox.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from actors.emails import member_language, owner_language
from actors.models import Actor
from opportunities import emails
from opportunities.models import Answer, Opportunity
from portal import ratelimit

LIMIT_WINDOW = timedelta(hours=1)


class CannotAnswer(Exception):
    """The answer was not saved; str(error) says why, for the member."""


class AnswerLimitReached(CannotAnswer):
    pass


class AlreadyAnswered(CannotAnswer):
    pass


def answering_profiles(user, opportunity: Opportunity) -> QuerySet[Actor]:
    """The member's own published profiles that may answer: never the poster itself."""
    return (
        Actor.objects.owned_by(user).published().exclude(pk=opportunity.actor_id).order_by("name")
    )


def is_own(user, opportunity: Opportunity) -> bool:
    """The member keeps the profile that posted it: answering would be answering oneself."""
    return user.is_authenticated and opportunity.actor.owner_id == user.pk


def refusal(user, opportunity: Opportunity) -> tuple[str | None, list[Actor]]:
    """Why this member cannot answer ("expired", "closed", "own", "no_profile"), or None,
    and the profiles they may answer from."""
    if not opportunity.is_open:
        return ("expired" if opportunity.is_expired else "closed"), []
    if is_own(user, opportunity):
        return "own", []
    profiles = list(answering_profiles(user, opportunity))
    return (None if profiles else "no_profile"), profiles


def answer_limit() -> int:
    # The contact form's limit for members: one rule for "messages a member sends".
    return settings.CONTACT_LIMIT_MEMBER


def within_limits(*, user, address: str) -> bool:
    """Answers in the last hour by this account (counted in the database, shared by
    every process) and from this client address (portal/ratelimit.py)."""
    since = timezone.now() - LIMIT_WINDOW
    if Answer.objects.from_user(user).filter(created_at__gte=since).count() >= answer_limit():
        return False
    return ratelimit.hit("opportunity-answer", address, limit=answer_limit(), period=60 * 60)


def send_answer(
    *, opportunity: Opportunity, actor: Actor, user, message: str, address: str, language: str
) -> Answer:
    """Save the answer and queue the poster's e-mail and the responder's copy.

    Raises CannotAnswer (AlreadyAnswered, AnswerLimitReached) with the reason.
    """
    if actor.owner_id != user.pk or not actor.is_published or actor.pk == opportunity.actor_id:
        raise CannotAnswer("not an answering profile of this member")  # the form prevents it
    if not within_limits(user=user, address=address):
        raise AnswerLimitReached
    try:
        with transaction.atomic():
            answer = Answer.objects.create(
                opportunity=opportunity, actor=actor, sender=user, message=message
            )
            _queue_emails(answer, language=language)
    except IntegrityError as error:
        # Two clicks at once: the unique constraint lets one through.
        raise AlreadyAnswered from error
    return answer


def _queue_emails(answer: Answer, *, language: str) -> None:
    opportunity, poster = answer.opportunity, answer.opportunity.actor
    sender_email: str = answer.sender.email if answer.sender else ""
    context = {
        "answer": answer,
        "opportunity": opportunity,
        "responder": answer.actor,
        "poster": poster,
        "responder_url": emails.absolute(answer.actor.get_absolute_url()),
        "opportunity_url": emails.absolute(opportunity.get_absolute_url()),
        "my_page_url": emails.absolute("/min-side/#my-answers-heading"),
        "subject_args": {"title": opportunity.title, "name": answer.actor.name},
    }
    recipient = poster.contact_address
    if recipient:
        emails.send(
            "answer_received",
            to=recipient,
            language=owner_language(poster),
            context=context,
            reply_to=sender_email,
        )
    if answer.sender and sender_email:
        emails.send(
            "answer_copy",
            to=sender_email,
            language=member_language(answer.sender, language),
            context=context,
        )


def mark_contacted(*, answer: Answer, contacted: bool = True) -> None:
    """The poster says they got in touch with the responder (or takes it back)."""
    answer.contacted_at = timezone.now() if contacted else None
    answer.save(update_fields=["contacted_at"])
