"""Samarbeidstorget's part of "Last ned mine data" and "Slett kontoen min"
(accounts/personal_data.py lists these by dotted path).

On account deletion:
- opportunities belong to the profile that posted them, not to the person: they stay
  with the profile (handed to the coordinators or hidden with it, as the member
  chooses), and only the link to the account (`created_by`) goes;
- answers the member sent are anonymised, not deleted: the message and the link to
  the account are removed, the row stays so the poster's list and the network's
  figures (answered, led to contact) stay right. The poster has the e-mail already;
- answers received stay on the profile's opportunities, as they are the responders';
- what the member followed and the record of digests sent are deleted.
"""

from opportunities.models import Answer, DigestEntry, Following, Opportunity


def _when(value) -> str | None:
    return value.isoformat() if value else None


def member_data(user) -> dict:
    posted = (
        Opportunity.objects.filter(created_by=user) | Opportunity.objects.posted_by(user)
    ).select_related("actor", "municipality")
    sent = Answer.objects.from_user(user).select_related("actor", "opportunity")
    received = Answer.objects.to_user(user).select_related("actor", "opportunity")
    following = Following.objects.filter(user=user).prefetch_related("sectors", "municipalities")
    return {
        "opportunities_posted": [
            {
                "title": o.title,
                "kind": o.kind,
                "profile": o.actor.name,
                "description": o.description,
                "place": o.place_name,
                "budget": o.budget,
                "deadline": o.deadline.isoformat(),
                "status": o.status,
                "filled": o.filled,
                "created": _when(o.created_at),
            }
            for o in posted.distinct().order_by("created_at")
        ],
        "opportunity_answers_sent": [
            {
                "opportunity": a.opportunity.title,
                "as_profile": a.actor.name,
                "message": a.message,
                "sent_at": _when(a.created_at),
            }
            for a in sent.order_by("created_at")
        ],
        "opportunity_answers_received": [
            {
                "opportunity": a.opportunity.title,
                "from_profile": a.actor.name,
                "message": a.message,
                "received_at": _when(a.created_at),
                "contacted_at": _when(a.contacted_at),
            }
            for a in received.order_by("created_at")
        ],
        "opportunity_following": [
            {
                "weekly_email": f.active,
                "kinds": list(f.kinds),
                "sectors": [s.name for s in f.sectors.all()],
                "municipalities": [m.name for m in f.municipalities.all()],
                "since": _when(f.started_at),
                "last_digest": _when(f.last_digest_at),
            }
            for f in following
        ],
    }


def erase_member_data(user) -> int:
    """Anonymise the answers sent; delete what was followed and the digest record."""
    anonymised = Answer.objects.from_user(user).update(message="", sender=None)
    followed, _by_model = Following.objects.filter(user=user).delete()
    entries, _by_model = DigestEntry.objects.filter(user=user).delete()
    return anonymised + followed + entries
