"""Account workflows that reach across apps: deleting an account and everything personal."""

import logging

from django.db import transaction

from accounts import personal_data
from actors.models import Actor

logger = logging.getLogger(__name__)


def delete_account(*, user, hand_over_profiles: bool) -> dict[str, int]:
    """Delete the account and the member's personal data; keep what statistics need.

    The member's profiles are either handed to the coordinators (they stay as they
    are, without an owner) or unpublished (hidden, without an owner, for the
    coordinators to delete). Registrations are anonymised, not deleted, so the
    attendance figures stay right; e-mails to the member's address are deleted.
    Returns counts per step, for the log.
    """
    with transaction.atomic():
        profiles = Actor.objects.owned_by(user)
        profile_ids = list(profiles.values_list("pk", flat=True))
        if not hand_over_profiles:
            profiles.hide()
        Actor.objects.filter(pk__in=profile_ids).update(owner=None)
        counts = personal_data.erase(user)
        counts["profiles"] = len(profile_ids)
        user.delete()
    logger.info("Account deleted: %s", counts)
    return counts
