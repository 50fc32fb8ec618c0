"""Samarbeidstorget: concrete opportunities to work together, and the answers to them.

An opportunity is posted by one of a member's actor profiles; other members answer it
from one of theirs. Whether it is open is its status *and* its deadline, read at query
time (see opportunities/querysets.py).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opportunities.querysets import OPEN, AnswerQuerySet, OpportunityQuerySet, today
from portal.history import history_for
from portal.text import unique_slug
from portal.validators import validate_multiline, validate_single_line

# A new opportunity stays open this long unless its poster chooses another deadline.
DEFAULT_OPEN_DAYS = 60


def default_deadline():
    return today() + timedelta(days=DEFAULT_OPEN_DAYS)


class Opportunity(models.Model):
    class Kind(models.TextChoices):
        PARTNER = "partner", _("Søker samarbeidspartner")
        OFFER = "offer", _("Tilbyr noe")
        OPEN_CALL = "open_call", _("Åpen utlysning eller oppdrag")
        GIG = "gig", _("Betalt oppdrag eller jobb")
        SPACE = "space", _("Lokale eller utstyr å dele")

    class Status(models.TextChoices):
        OPEN = OPEN, _("Åpen")
        CLOSED = "closed", _("Lukket")

    title = models.CharField(_("tittel"), max_length=150, validators=[validate_single_line])
    slug = models.SlugField(_("adressenavn"), max_length=170, unique=True, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("beskrivelse"), validators=[validate_multiline])
    sectors = models.ManyToManyField(
        "actors.Sector", verbose_name=_("bransjer"), related_name="opportunities", blank=True
    )
    # Empty: the whole of Øvre Romerike.
    municipality = models.ForeignKey(
        "actors.Municipality",
        verbose_name=_("kommune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opportunities",
        help_text=_("Tomt betyr hele Øvre Romerike."),
    )
    budget = models.CharField(
        _("budsjett eller honorar"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
        help_text=_("Valgfritt, f.eks. «15 000 kr» eller «etter avtale»."),
    )
    deadline = models.DateField(_("frist"), default=default_deadline)
    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("lagt ut av"),
        on_delete=models.CASCADE,
        related_name="opportunities",
    )
    # The account that posted it, for the member's own data; the profile is what shows.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opprettet av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    # Closed because it found its match (the network reports how many lead to contact).
    filled = models.BooleanField(_("fikk treff"), default=False)
    featured = models.BooleanField(_("fremhevet"), default=False)
    hidden = models.BooleanField(
        _("skjult"), default=False, help_text=_("Skjult av en koordinator.")
    )
    events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("relaterte arrangementer"),
        related_name="opportunities",
        blank=True,
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("oppdatert"), auto_now=True)
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)

    objects = OpportunityQuerySet.as_manager()
    history = history_for(
        _("samarbeidsmulighet"), excluded_fields=["updated_at"], m2m_fields=[sectors]
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("samarbeidsmulighet")
        verbose_name_plural = _("samarbeidsmuligheter")
        indexes = [
            # The list: open ones, newest first.
            models.Index(
                fields=["status", "hidden", "-created_at", "-id"],
                name="opportunity_open_newest_idx",
            ),
            models.Index(fields=["deadline"], name="opportunity_deadline_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(
                Opportunity.objects.exclude(pk=self.pk),
                self.title,
                fallback="mulighet",
                max_length=150,
                reserved={"ny", "mine", "feed", "folg", "avmeld"},
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("opportunities:detail", args=[self.slug])

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.OPEN and self.deadline < today()

    @property
    def is_open(self) -> bool:
        """Open for answers: what `Opportunity.objects.open()` says, for one object."""
        return (
            self.status == self.Status.OPEN
            and not self.hidden
            and not self.is_expired
            and self.actor.is_published
        )

    @property
    def place_name(self) -> str:
        return self.municipality.name if self.municipality else str(_("Hele Øvre Romerike"))

    def close(self, *, filled: bool = False) -> None:
        self.status = self.Status.CLOSED
        self.filled = filled
        self.closed_at = timezone.now()
        self.save(update_fields=["status", "filled", "closed_at", "updated_at"])

    def reopen(self) -> None:
        self.status = self.Status.OPEN
        self.filled = False
        self.closed_at = None
        self.save(update_fields=["status", "filled", "closed_at", "updated_at"])


class Answer(models.Model):
    """A member's answer to an opportunity, from one of their profiles."""

    opportunity = models.ForeignKey(
        Opportunity,
        verbose_name=_("samarbeidsmulighet"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("svarer som"),
        on_delete=models.CASCADE,
        related_name="opportunity_answers",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sendt av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunity_answers",
    )
    message = models.TextField(_("melding"), validators=[validate_multiline])
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)
    # The poster marked that they got in touch ("tatt kontakt").
    contacted_at = models.DateTimeField(_("tatt kontakt"), null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        constraints = [
            # One answer per profile per opportunity: a second one is an edit, not spam.
            models.UniqueConstraint(fields=["opportunity", "actor"], name="one_answer_per_profile"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} → {self.opportunity}"


class Following(models.Model):
    """What a member follows on Samarbeidstorget, for the weekly digest.

    Within a group the choices are alternatives; an empty group means "any". A member
    with no row, or `active` off, gets no digest.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("konto"),
        on_delete=models.CASCADE,
        related_name="opportunity_following",
    )
    active = models.BooleanField(_("ukentlig e-post om nye muligheter"), default=True)
    kinds = models.JSONField(_("typer"), default=list, blank=True)
    sectors = models.ManyToManyField(
        "actors.Sector", verbose_name=_("bransjer"), related_name="+", blank=True
    )
    municipalities = models.ManyToManyField(
        "actors.Municipality", verbose_name=_("kommuner"), related_name="+", blank=True
    )
    # Only opportunities posted after this go into the digest (reset when switched on again).
    started_at = models.DateTimeField(_("følger siden"), default=timezone.now)
    last_digest_at = models.DateTimeField(_("sist sendt oversikt"), null=True, blank=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        verbose_name = _("følger samarbeidstorget")
        verbose_name_plural = _("følger samarbeidstorget")

    def __str__(self) -> str:
        return str(self.user)


class DigestEntry(models.Model):
    """An opportunity sent to a member in a digest: never the same one twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sendt i oversikt")
        verbose_name_plural = _("sendt i oversikt")
        constraints = [
            models.UniqueConstraint(fields=["user", "opportunity"], name="digest_once_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ← {self.opportunity}"
