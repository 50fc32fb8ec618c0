"""Following Samarbeidstorget and the weekly digest of new opportunities that match.

The rules, in one place:
- a member follows kinds, sectors and municipalities; within a group the choices are
  alternatives and an empty group means "all". An opportunity without sectors is
  for every sector, one for the whole of Øvre Romerike (no municipality) is for
  every municipality;
- a digest holds open opportunities posted after the member began following (or
  switched the e-mail on again), never the member's own, never one sent before
  (DigestEntry, with a unique constraint as the last line of defence);
- at most one digest per member per WEEK; when nothing matches nothing is sent and
  the week is not used up, so the next daily run sends as soon as something comes;
- safe to run twice at once: each member's week is claimed by a conditional UPDATE
  in the transaction that writes the entries and the e-mail, so a second run
  finds the member already served (like `send_reminders` in events/services.py).
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import MemberSettings
from actors.emails import member_language
from opportunities import emails
from opportunities.links import unsubscribe_url
from opportunities.models import DigestEntry, Following, Opportunity

WEEK = timedelta(days=7)
# More than this in one e-mail is a list, not a digest; the rest come next week.
MAX_PER_DIGEST = 20

SectorLink = Opportunity.sectors.through


def save_following(*, user, form, language: str) -> Following:
    """Save what the member follows. Switching the e-mail on (again) starts the clock:
    only opportunities posted from now on are sent."""
    with transaction.atomic():
        was_active = (
            Following.objects.filter(user=user, active=True).exists() if form.instance.pk else False
        )
        following = form.save(commit=False)
        following.user = user
        if following.active and not was_active:
            following.started_at = timezone.now()
        following.save()
        form.save_m2m()
        # The digest is written in the language the member used when choosing, unless
        # they chose one on Min side already.
        MemberSettings.objects.get_or_create(user=user, defaults={"language": language})
    return following


def unsubscribe(following: Following) -> None:
    following.active = False
    following.save(update_fields=["active", "updated_at"])


def matching(following: Following) -> list[Opportunity]:
    """The new open opportunities this member should hear about, newest first."""
    user_id = following.user_id
    candidates = (
        Opportunity.objects.open()
        .filter(created_at__gte=following.started_at)
        .exclude(actor__owner_id=user_id)
        .exclude(Exists(DigestEntry.objects.filter(user_id=user_id, opportunity=OuterRef("pk"))))
    )
    if following.kinds:
        candidates = candidates.filter(kind__in=following.kinds)
    sector_ids = [s.pk for s in following.sectors.all()]
    if sector_ids:
        link = SectorLink.objects.filter(opportunity=OuterRef("pk"))
        candidates = candidates.filter(
            Exists(link.filter(sector_id__in=sector_ids)) | ~Exists(link)
        )
    municipality_ids = [m.pk for m in following.municipalities.all()]
    if municipality_ids:
        candidates = candidates.filter(
            Q(municipality_id__in=municipality_ids) | Q(municipality__isnull=True)
        )
    return list(candidates.select_related("actor", "municipality").newest()[:MAX_PER_DIGEST])


def due_followers(now) -> "list[Following]":
    """Active followers with a confirmed address whose last digest is a week old or more."""
    confirmed = EmailAddress.objects.filter(user=OuterRef("user"), primary=True, verified=True)
    return list(
        Following.objects.filter(active=True, user__is_active=True)
        .exclude(user__email="")
        .filter(Exists(confirmed))
        .filter(Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=now - WEEK))
        .select_related("user", "user__member_settings")
        .prefetch_related("sectors", "municipalities")
        .order_by("pk")
    )


def send_digests(*, now=None) -> int:
    """Send every due follower their digest; returns how many e-mails were queued."""
    now = now or timezone.now()
    sent = 0
    for following in due_followers(now):
        opportunities = matching(following)
        if opportunities and _send(following, opportunities, now=now):
            sent += 1
    return sent


def _send(following: Following, opportunities: list[Opportunity], *, now) -> bool:
    with transaction.atomic():
        # Claim this member's week: a second run that read the same row updates nothing.
        claimed = (
            Following.objects.filter(pk=following.pk, active=True)
            .filter(
                Q(last_digest_at__isnull=True)
                if following.last_digest_at is None
                else Q(last_digest_at=following.last_digest_at)
            )
            .update(last_digest_at=now)
        )
        if not claimed:
            return False
        DigestEntry.objects.bulk_create(
            DigestEntry(user_id=following.user_id, opportunity=o, sent_at=now)
            for o in opportunities
        )
        unsubscribe = unsubscribe_url(following)
        emails.send(
            "digest",
            to=following.user.email,
            language=member_language(following.user, settings.LANGUAGE_CODE),
            context={
                "opportunities": [
                    (o, emails.absolute(o.get_absolute_url())) for o in opportunities
                ],
                "list_url": emails.absolute(reverse("opportunities:list")),
                "follow_url": emails.absolute(reverse("opportunities:follow")),
                "unsubscribe_url": unsubscribe,
            },
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    return True
