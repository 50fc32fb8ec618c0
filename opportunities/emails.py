"""Samarbeidstorget's e-mails: an answer to the poster, its copy to the responder, the digest.

Written in the recipient's language and put in the portal's outbox
(events/emails.py), like every other e-mail. Who reads which language is the
directory's rule (actors/emails.py): the member's choice on Min side, else the
language stored on the profile. Names and titles go into the subject line through
`clean_text`, so a name stored with a line break can never add a header.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from events.emails import queue
from events.models import OutgoingEmail
from portal.validators import clean_text

SUBJECTS = {
    "answer_received": _("Svar på «{title}» fra {name}"),
    "answer_copy": _("Kopi av svaret ditt på «{title}»"),
    "digest": _("Nye muligheter på Samarbeidstorget"),
}


def send(
    kind: str,
    *,
    to: str,
    language: str,
    context: dict,
    reply_to: str = "",
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """Render `opportunities/email/<kind>.txt` in `language` and put it in the outbox."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            **context,
            "SITE_URL": settings.SITE_URL,
            "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        }
        subject_args = {k: clean_text(str(v)) for k, v in context.get("subject_args", {}).items()}
        # One line with single spaces, whatever the names contain.
        subject = " ".join(clean_text(str(SUBJECTS[kind]).format(**subject_args)).split())
        body = render_to_string(f"opportunities/email/{kind}.txt", context)
    return queue(
        kind=f"opportunity_{kind}",
        to=to,
        subject=subject[:300],
        body_text=body,
        reply_to=reply_to,
        headers=headers,
    )


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
