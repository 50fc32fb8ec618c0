import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.querysets import ActorQuerySet, MunicipalityQuerySet
from actors.validators import format_org_number, validate_org_number, validate_phone
from portal.history import history_for
from portal.permissions import is_member
from portal.text import format_address, format_phone, unique_slug
from portal.validators import validate_multiline, validate_single_line


class Municipality(models.Model):
    # "Annen kommune" on the registration form: someone from outside the region
    # (a data migration creates it with in_region off, so statistics count it outside).
    OTHER_SLUG = "annen-kommune"

    name = models.CharField(
        _("navn"), max_length=100, unique=True, validators=[validate_single_line]
    )
    slug = models.SlugField(_("adressenavn"), max_length=100, unique=True)
    number = models.CharField(
        _("kommunenummer"),
        max_length=4,
        unique=True,
        help_text=_("Fire sifre, f.eks. 3209."),
        validators=[validate_single_line],
    )
    in_region = models.BooleanField(
        _("i Øvre Romerike"),
        default=True,
        help_text=_("Slå av for nabokommuner utenfor Øvre Romerike."),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name


class Sector(models.Model):
    name = models.CharField(
        _("navn"), max_length=100, unique=True, validators=[validate_single_line]
    )
    slug = models.SlugField(_("adressenavn"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("bransje")
        verbose_name_plural = _("bransjer")

    def __str__(self) -> str:
        # The seeded sectors are the portal's own words, translated like the rest
        # (actors/sector_names.py); one a coordinator adds stays as written.
        return gettext(self.name)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Alle")
    MEMBERS = "members", _("Bare innloggede medlemmer")


# Addresses under /aktorer/ that are pages of their own, never a profile's slug.
RESERVED_SLUGS = {"ny", "mine", "godkjenn", "fortsatt-riktig"}


class Actor(models.Model):
    class Kind(models.TextChoices):
        ARTIST = "artist", _("Kunstner eller frilanser")
        COMPANY = "company", _("Bedrift")
        ORGANISATION = "organisation", _("Organisasjon eller forening")
        VENUE = "venue", _("Scene eller kulturhus")
        FESTIVAL = "festival", _("Festival")
        GALLERY = "gallery", _("Galleri")
        PUBLIC_BUYER = "public_buyer", _("Offentlig innkjøper")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PENDING = "pending", _("Til godkjenning")
        PUBLISHED = "published", _("Publisert")
        HIDDEN = "hidden", _("Skjult")

    name = models.CharField(_("navn"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("adressenavn"), max_length=220, unique=True, blank=True)
    kind = models.CharField(_("type aktør"), max_length=20, choices=Kind.choices)
    org_number = models.CharField(
        _("organisasjonsnummer"),
        max_length=9,
        blank=True,
        help_text=_("Ni sifre fra Enhetsregisteret. Kan stå tomt."),
        validators=[validate_org_number, validate_single_line],
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommune"), on_delete=models.PROTECT, related_name="actors"
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("bransjer"), related_name="actors")
    pitch = models.CharField(
        _("kort presentasjon"),
        max_length=200,
        help_text=_("Vises på kortet i katalogen. Høyst 200 tegn."),
        validators=[validate_single_line],
    )
    description = models.TextField(_("beskrivelse"), blank=True, validators=[validate_multiline])
    offers = models.TextField(_("dette tilbyr vi"), blank=True, validators=[validate_multiline])
    looking_for = models.TextField(
        _("dette ser vi etter"), blank=True, validators=[validate_multiline]
    )
    open_for_collaboration = models.BooleanField(_("åpen for samarbeid"), default=False)
    available_for_hire = models.BooleanField(_("kan leies inn eller bookes"), default=False)

    website = models.URLField(_("nettside"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)

    contact_person = models.CharField(
        _("kontaktperson"), max_length=200, blank=True, validators=[validate_single_line]
    )
    contact_person_visibility = models.CharField(
        _("hvem ser kontaktpersonen"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    email = models.EmailField(_("e-post"), blank=True)
    email_visibility = models.CharField(
        _("hvem ser e-posten"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    phone = models.CharField(
        _("telefon"),
        max_length=20,
        blank=True,
        help_text=_("Lagres som +47…"),
        validators=[validate_phone, validate_single_line],
    )
    phone_visibility = models.CharField(
        _("hvem ser telefonnummeret"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    address = models.CharField(
        _("adresse"), max_length=200, blank=True, validators=[validate_single_line]
    )
    postal_code = models.CharField(
        _("postnummer"), max_length=4, blank=True, validators=[validate_single_line]
    )
    postal_place = models.CharField(
        _("poststed"), max_length=100, blank=True, validators=[validate_single_line]
    )
    address_visibility = models.CharField(
        _("hvem ser adressen"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actors",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("oppdatert"), auto_now=True)
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    # When the owner last said the profile is still correct (or changed it): profiles
    # left alone for settings.RETENTION["profile_hidden_after_months"] are hidden by
    # `manage.py apply_retention`; reminders come first (remind_stale_profiles).
    confirmed_at = models.DateTimeField(_("sist bekreftet riktig"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("sist påminnet"), null=True, blank=True)
    hidden_reason = models.TextField(
        _("begrunnelse for skjuling"),
        blank=True,
        validators=[validate_multiline],
        help_text=_("Eieren ser denne teksten når profilen er skjult."),
    )
    language = models.CharField(
        _("eierens språk"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="nb",
        help_text=_("E-post til eieren skrives på dette språket."),
    )

    # The search document, kept current by save() and actors/signals.py (see actors/search.py):
    # normalised words of the name, of the short texts, and of everything.
    search_name = models.TextField(editable=False, blank=True, default="")
    search_title = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = ActorQuerySet.as_manager()
    # Who changed what (portal/history.py); the search document is derived, not history.
    history = history_for(
        _("aktør"),
        excluded_fields=["search_name", "search_title", "search_text", "updated_at"],
        m2m_fields=[sectors],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("aktør")
        verbose_name_plural = _("aktører")
        indexes = [
            # The home page's newest actors: published, newest first, ties by id.
            models.Index(fields=["status", "-published_at", "-id"], name="actors_actor_newest_idx"),
            # The directory's default order: PostgreSQL reads the first page off the index.
            models.Index(fields=["name", "id"], name="actors_actor_name_id_idx"),
            models.Index(fields=["-updated_at", "-id"], name="actors_actor_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(
                Actor.objects.exclude(pk=self.pk),
                self.name,
                fallback="aktor",
                max_length=200,
                reserved=RESERVED_SLUGS,
            )
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        # Sectors are saved after the actor (many-to-many): actors/signals.py refreshes
        # the index again when they change, and when a sector or municipality is renamed.
        self.refresh_search_index()

    def get_absolute_url(self) -> str:
        return reverse("actors:detail", args=[self.slug])

    def refresh_search_index(self) -> None:
        from actors.search import refresh_search_index

        refresh_search_index(Actor.objects.filter(pk=self.pk))

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def contact_address(self) -> str:
        """Where the contact form's messages go: the owner's e-mail, else the profile's."""
        if self.owner is not None and self.owner.email:
            return self.owner.email
        return self.email

    @property
    def can_be_claimed(self) -> bool:
        return self.owner_id is None and self.is_published

    @property
    def org_number_display(self) -> str:
        return format_org_number(self.org_number)

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def is_person(self) -> bool:
        return self.kind == self.Kind.ARTIST

    def contact_for(self, user) -> dict[str, str]:
        """The contact details this user may see: public ones, and members-only ones for members."""
        member = is_member(user)
        fields = [
            ("contact_person", self.contact_person, self.contact_person_visibility),
            ("email", self.email, self.email_visibility),
            ("phone", self.phone_display, self.phone_visibility),
            ("address", self.full_address, self.address_visibility),
        ]
        return {
            name: value
            for name, value, visibility in fields
            if value and (visibility == Visibility.PUBLIC or member)
        }

    def has_hidden_contact_for(self, user) -> bool:
        """True when there is contact information the user would see as a member."""
        return not is_member(user) and any(
            value and visibility == Visibility.MEMBERS
            for value, visibility in [
                (self.contact_person, self.contact_person_visibility),
                (self.email, self.email_visibility),
                (self.phone, self.phone_visibility),
                (self.full_address, self.address_visibility),
            ]
        )

    @property
    def public_postal_place(self) -> str:
        """The postal place when the address is public; "" when it is for members only."""
        return self.postal_place if self.address_visibility == Visibility.PUBLIC else ""

    @property
    def full_address(self) -> str:
        return format_address(self.address, self.postal_code, self.postal_place)

    @property
    def links(self) -> list[tuple[str | Promise, str]]:
        pairs: list[tuple[str | Promise, str]] = [
            (_("Nettside"), self.website),
            ("Instagram", self.instagram),
            ("Facebook", self.facebook),
            ("LinkedIn", self.linkedin),
        ]
        return [(label, url) for label, url in pairs if url]

    @property
    def logo(self) -> "ActorImage | None":
        return next(
            (image for image in self.images.all() if image.role == ActorImage.Role.LOGO), None
        )

    @property
    def gallery(self) -> list["ActorImage"]:
        return [image for image in self.images.all() if image.role == ActorImage.Role.GALLERY]

    @property
    def card_image(self) -> "ActorImage | None":
        """The first gallery image, else the logo. Uses prefetched images (for_cards())."""
        images = list(self.images.all())
        gallery = [image for image in images if image.role == ActorImage.Role.GALLERY]
        return next(iter(gallery or images), None)


def _image_path(instance: "ActorImage", filename: str) -> str:
    # A random name: no guessing of unpublished profiles' images, no clashes on re-upload.
    return f"actors/{instance.actor_id}/{uuid.uuid4().hex}{filename[-10:]}"


class ActorImage(models.Model):
    """A logo or gallery image in two renditions made once at upload (actors/images.py)."""

    MAX_GALLERY = 8

    class Role(models.TextChoices):
        LOGO = "logo", _("Logo")
        GALLERY = "gallery", _("Galleribilde")

    actor = models.ForeignKey(
        Actor, verbose_name=_("aktør"), on_delete=models.CASCADE, related_name="images"
    )
    role = models.CharField(_("bruk"), max_length=10, choices=Role.choices, default=Role.GALLERY)
    alt_text = models.CharField(
        _("alternativ tekst"),
        max_length=250,
        help_text=_("Beskriv hva bildet viser, for dem som ikke ser det. Påkrevd."),
        validators=[validate_single_line],
    )
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)
    small = models.ImageField(_("lite bilde"), upload_to=_image_path, editable=False)
    small_width = models.PositiveIntegerField(editable=False)
    small_height = models.PositiveIntegerField(editable=False)
    large = models.ImageField(_("stort bilde"), upload_to=_image_path, editable=False)
    large_width = models.PositiveIntegerField(editable=False)
    large_height = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField(_("lastet opp"), auto_now_add=True)

    class Meta:
        ordering = ["role", "position", "pk"]
        verbose_name = _("bilde")
        verbose_name_plural = _("bilder")
        constraints = [
            models.UniqueConstraint(
                fields=["actor"],
                condition=models.Q(role="logo"),
                name="one_logo_per_actor",
                violation_error_message=_("En aktør kan bare ha én logo. Velg «Galleribilde»."),
            )
        ]

    def __str__(self) -> str:
        return self.alt_text

    def set_renditions(self, processed) -> None:
        """Attach the two renditions of a processed upload (actors.images.process_upload)."""
        self.small.save("-480.webp", processed.small.content, save=False)
        self.small_width, self.small_height = processed.small.width, processed.small.height
        self.large.save("-1200.webp", processed.large.content, save=False)
        self.large_width, self.large_height = processed.large.width, processed.large.height

    @property
    def srcset(self) -> str:
        return f"{self.small.url} {self.small_width}w, {self.large.url} {self.large_width}w"


class SearchWord(models.Model):
    """Every word of the search documents, once: where a typo is matched to real words.

    Comparing a misspelt word with this short list (Damerau–Levenshtein distance with
    rapidfuzz, the same on SQLite and PostgreSQL: actors/typos.py and actors/search.py) is
    much cheaper than comparing it with every profile. Words are only added, never
    removed: a word no profile uses any more simply finds nothing.
    """

    word = models.CharField(max_length=64, primary_key=True, validators=[validate_single_line])

    class Meta:
        verbose_name = _("søkeord")
        verbose_name_plural = _("søkeord")

    def __str__(self) -> str:
        return self.word


# Models kept in modules of their own, registered with the app here.
from actors.claims import ClaimRequest  # noqa: E402
from actors.contact import ContactMessage  # noqa: E402
from actors.redirects import ActorRedirect  # noqa: E402

__all__ = [
    "Actor",
    "ActorImage",
    "ActorRedirect",
    "ClaimRequest",
    "ContactMessage",
    "Municipality",
    "SearchWord",
    "Sector",
    "Visibility",
]
