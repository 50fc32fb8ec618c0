import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.querysets import EventQuerySet, RegistrationQuerySet
from portal.history import history_for
from portal.text import unique_slug
from portal.validators import normalise_email, validate_multiline, validate_single_line

# How far back the public calendar feed reaches, so a subscriber's calendar keeps
# the events they just went to.
RECENT_DAYS = 90


class Event(models.Model):
    class Kind(models.TextChoices):
        NETWORK_MEETING = "network_meeting", _("Nettverksmøte")
        SOCIAL = "social", _("Sosialt treff")
        COURSE = "course", _("Kurs")
        CONFERENCE = "conference", _("Konferanse")
        STUDY_TRIP = "study_trip", _("Studietur")
        OTHER = "other", _("Annet")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PUBLISHED = "published", _("Publisert")
        CANCELLED = "cancelled", _("Avlyst")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("tittel"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("adressenavn"), max_length=220, unique=True, blank=True)
    summary = models.CharField(
        _("kort omtale"),
        max_length=300,
        help_text=_("Vises på kortet i listen. Høyst 300 tegn."),
        validators=[validate_single_line],
    )
    description = models.TextField(_("beskrivelse"), blank=True, validators=[validate_multiline])
    programme = models.TextField(
        _("program"),
        blank=True,
        help_text=_("Ett punkt per linje, gjerne med klokkeslett først: «18.00 Dørene åpner»."),
        validators=[validate_multiline],
    )
    venue = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("sted (aktør)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
        help_text=_("Scenen, galleriet eller bedriften som er vertskap. Eller fyll ut sted under."),
    )
    place_name = models.CharField(
        _("sted"),
        max_length=200,
        blank=True,
        help_text=_("Brukes når stedet ikke er en aktør."),
        validators=[validate_single_line],
    )
    address = models.CharField(
        _("adresse"), max_length=200, blank=True, validators=[validate_single_line]
    )
    municipality = models.ForeignKey(
        "actors.Municipality",
        verbose_name=_("kommune"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    capacity = models.PositiveIntegerField(
        _("antall plasser"), null=True, blank=True, help_text=_("Tomt betyr ingen grense.")
    )
    registration_required = models.BooleanField(_("krever påmelding"), default=True)
    registration_opens_at = models.DateTimeField(
        _("påmeldingen åpner"), null=True, blank=True, help_text=_("Tomt betyr med en gang.")
    )
    registration_closes_at = models.DateTimeField(
        _("påmeldingsfrist"), null=True, blank=True, help_text=_("Tomt betyr når det starter.")
    )
    # Event content is written in Norwegian, so the default is stored as such.
    price = models.CharField(
        _("pris"), max_length=100, default="Gratis", validators=[validate_single_line]
    )
    organisers = models.CharField(
        _("arrangør"),
        max_length=200,
        default="Ullensaker kommune og Innovasjon Gardermoen",
        validators=[validate_single_line],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    image = models.ImageField(_("bilde"), upload_to="events/", blank=True)
    image_alt = models.CharField(
        _("bildetekst for skjermlesere"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
    )
    online_url = models.URLField(
        _("lenke for digital deltakelse"), blank=True, help_text=_("For hybride arrangementer.")
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("oppdatert"), auto_now=True)

    objects = EventQuerySet.as_manager()
    history = history_for(_("arrangement"), excluded_fields=["updated_at"])

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = self._new_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    def _new_slug(self) -> str:
        # The date tells this year's "Nettverksmøte" from last year's.
        day = f"{timezone.localtime(self.starts_at):%Y-%m-%d}" if self.starts_at else ""
        taken = Event.objects.exclude(pk=self.pk)
        return unique_slug(taken, self.title, fallback="arrangement", max_length=190, suffix=day)

    @property
    def is_free(self) -> bool:
        """The default price "Gratis" is the portal's own word, translated on the page;
        any other price is a coordinator's text, shown as written."""
        return self.price.strip().lower() == "gratis"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def place(self) -> str:
        return self.venue.name if self.venue_id else self.place_name

    @property
    def full_address(self) -> str:
        """The street address, taken from the venue's profile when there is one and the
        venue shows its address to everyone (the event page, calendar file and JSON-LD
        are public; a members-only address is left out and can be typed in `address`)."""
        if self.address:
            return self.address
        if self.venue_id and self.venue.contact_for(None).get("address"):
            return self.venue.full_address
        return ""

    def confirmed(self) -> int:
        # Uses the annotation from with_counts() when present; one query otherwise.
        if hasattr(self, "confirmed_count"):
            return self.confirmed_count
        return self.registrations.filter(status=Registration.Status.CONFIRMED).count()

    @property
    def seats_left(self) -> int | None:
        """None means no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed(), 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0

    def registration_closed_reason(self, now=None) -> str:
        """Why no one can register now, in words for the visitor; "" when they can."""
        now = now or timezone.now()
        if self.status == self.Status.CANCELLED:
            return _("Arrangementet er avlyst.")
        if self.status != self.Status.PUBLISHED:
            return _("Arrangementet er ikke publisert ennå.")
        if not self.registration_required:
            return _("Dette arrangementet krever ikke påmelding. Bare møt opp!")
        if self.ends_at < now or self.starts_at <= now:
            return _("Arrangementet har allerede vært, så påmeldingen er stengt.")
        if self.registration_opens_at and now < self.registration_opens_at:
            return _("Påmeldingen har ikke åpnet ennå.")
        if self.registration_closes_at and now >= self.registration_closes_at:
            return _("Påmeldingsfristen har gått ut.")
        return ""


class Speaker(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("arrangement"), on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("navn"), max_length=200, validators=[validate_single_line])
    role = models.CharField(
        _("rolle"), max_length=200, blank=True, validators=[validate_single_line]
    )
    bio = models.TextField(
        _("kort om"), max_length=600, blank=True, validators=[validate_multiline]
    )
    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("aktørprofil"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="talks",
    )
    photo = models.ImageField(_("bilde"), upload_to="events/speakers/", blank=True)
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("innleder")
        verbose_name_plural = _("innledere")

    def __str__(self) -> str:
        return self.name


class Diet(models.TextChoices):
    VEGETARIAN = "vegetarian", _("Vegetar")
    VEGAN = "vegan", _("Vegansk")
    GLUTEN_FREE = "gluten_free", _("Glutenfri")
    LACTOSE_FREE = "lactose_free", _("Laktosefri")
    NUT_ALLERGY = "nut_allergy", _("Nøtteallergi")


def _new_secret() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bekreftet")
        WAITING = "waiting", _("Venteliste")
        CANCELLED = "cancelled", _("Avmeldt")

    event = models.ForeignKey(
        Event, verbose_name=_("arrangement"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("navn"), max_length=200, validators=[validate_single_line])
    # Blank only for walk-ins added at the door without an address.
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(
        _("telefon"), max_length=20, blank=True, validators=[validate_single_line]
    )
    organisation = models.CharField(
        _("organisasjon eller virksomhet"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
    )
    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("aktørprofil"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medlem"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    municipality = models.ForeignKey(
        "actors.Municipality",
        verbose_name=_("hjemkommune"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    diets = models.JSONField(_("kosthold"), default=list, blank=True)
    diet_other = models.CharField(
        _("andre hensyn til mat"), max_length=300, blank=True, validators=[validate_single_line]
    )
    consent = models.BooleanField(_("samtykke til personvernerklæringen"), default=False)
    show_name = models.BooleanField(_("vis navnet på deltakerlisten"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    attended = models.BooleanField(_("møtt"), default=False)
    walk_in = models.BooleanField(
        _("kom uten påmelding"), default=False, help_text=_("Lagt til ved døren.")
    )
    language = models.CharField(
        _("språk"), max_length=10, default="nb", validators=[validate_single_line]
    )
    secret = models.CharField(max_length=64, unique=True, default=_new_secret, editable=False)
    reminded_at = models.DateTimeField(_("påminnelse sendt"), null=True, blank=True)
    created_at = models.DateTimeField(_("påmeldt"), default=timezone.now, db_index=True)
    cancelled_at = models.DateTimeField(_("avmeldt"), null=True, blank=True)
    # Set when the person's details were removed (account deleted, or the retention
    # period over): the row stays, so attendance statistics keep counting it.
    anonymised_at = models.DateTimeField(_("anonymisert"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()
    # The secret is the participant's key to their own registration: not kept in history.
    history = history_for(_("påmelding"), excluded_fields=["secret"])

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("påmelding")
        verbose_name_plural = _("påmeldinger")
        constraints = [
            # The last line of defence behind services.register(): one active
            # registration per e-mail address and event, whatever the letter case.
            models.UniqueConstraint(
                F("event"),
                Lower("email"),
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    def save(self, *args, **kwargs) -> None:
        # Stored as compared (portal.validators.normalise_email), whoever saves it.
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def get_diets_display(self) -> str:
        labels = dict(Diet.choices)
        parts = [str(labels.get(code, code)) for code in self.diets]
        if self.diet_other:
            parts.append(self.diet_other)
        return ", ".join(parts)

    def toggle_attended(self) -> None:
        self.attended = not self.attended
        self.save(update_fields=["attended"])

    def waiting_position(self) -> int | None:
        if self.status != self.Status.WAITING:
            return None
        ahead = Registration.objects.filter(
            event_id=self.event_id, status=self.Status.WAITING
        ).filter(Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk))
        return ahead.count() + 1


class OutgoingEmail(models.Model):
    """Every e-mail the portal sends, written down before it is sent (events/emails.py).

    A failing mail server then costs a retry (`manage.py retry_unsent_mail`),
    never a registration.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Venter")
        SENT = "sent", _("Sendt")
        FAILED = "failed", _("Feilet")

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("påmelding"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="emails",
    )
    kind = models.CharField(_("type"), max_length=30, validators=[validate_single_line])
    to = models.EmailField(_("til"))
    reply_to = models.EmailField(
        _("svar til"), blank=True, help_text=_("Tom: svar går til nettverkets adresse.")
    )
    subject = models.CharField(_("emne"), max_length=300, validators=[validate_single_line])
    body_text = models.TextField(_("tekst"), validators=[validate_multiline])
    body_html = models.TextField(_("HTML"), blank=True, validators=[validate_multiline])
    ics = models.TextField(_("kalenderfil"), blank=True, validators=[validate_multiline])
    # Extra headers, e.g. List-Unsubscribe on the opportunities digest.
    headers = models.JSONField(_("ekstra e-posthoder"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("forsøk"), default=0)
    error = models.TextField(_("feilmelding"), blank=True, validators=[validate_multiline])
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
