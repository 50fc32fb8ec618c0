from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actors.text import norwegian_slugify


class Municipality(models.Model):
    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("adressenavn"), max_length=100, unique=True)
    number = models.CharField(
        _("kommunenummer"), max_length=4, unique=True, help_text=_("Fire sifre, f.eks. 3209.")
    )
    in_region = models.BooleanField(
        _("i Øvre Romerike"),
        default=True,
        help_text=_("Slå av for nabokommuner utenfor Øvre Romerike."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name


class Sector(models.Model):
    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("adressenavn"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("bransje")
        verbose_name_plural = _("bransjer")

    def __str__(self) -> str:
        return self.name


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Alle")
    MEMBERS = "members", _("Bare innloggede medlemmer")


class ActorQuerySet(models.QuerySet):
    def published(self) -> "ActorQuerySet":
        return self.filter(status=Actor.Status.PUBLISHED)

    def visible_to(self, user) -> "ActorQuerySet":
        """Published profiles, plus the user's own; coordinators see all."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        if user.is_authenticated:
            return self.filter(models.Q(status=Actor.Status.PUBLISHED) | models.Q(owner=user))
        return self.published()

    def newest(self) -> "ActorQuerySet":
        return self.order_by("-published_at", "-id")


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

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("adressenavn"), max_length=220, unique=True, blank=True)
    kind = models.CharField(_("type aktør"), max_length=20, choices=Kind.choices)
    org_number = models.CharField(
        _("organisasjonsnummer"),
        max_length=9,
        blank=True,
        help_text=_("Ni sifre fra Enhetsregisteret. Kan stå tomt."),
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommune"), on_delete=models.PROTECT, related_name="actors"
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("bransjer"), related_name="actors")
    pitch = models.CharField(
        _("kort presentasjon"),
        max_length=200,
        help_text=_("Vises på kortet i katalogen. Høyst 200 tegn."),
    )
    description = models.TextField(_("beskrivelse"), blank=True)
    offers = models.TextField(_("dette tilbyr vi"), blank=True)
    looking_for = models.TextField(_("dette ser vi etter"), blank=True)
    open_for_collaboration = models.BooleanField(_("åpen for samarbeid"), default=False)
    available_for_hire = models.BooleanField(_("kan leies inn eller bookes"), default=False)

    website = models.URLField(_("nettside"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)

    contact_person = models.CharField(_("kontaktperson"), max_length=200, blank=True)
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
        _("telefon"), max_length=20, blank=True, help_text=_("Lagres som +47…")
    )
    phone_visibility = models.CharField(
        _("hvem ser telefonnummeret"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    postal_code = models.CharField(_("postnummer"), max_length=4, blank=True)
    postal_place = models.CharField(_("poststed"), max_length=100, blank=True)
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

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("aktør")
        verbose_name_plural = _("aktører")
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = self._unique_slug()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("actors:detail", args=[self.slug])

    def _unique_slug(self) -> str:
        base = norwegian_slugify(self.name)[:200] or "aktor"
        slug, n = base, 2
        while Actor.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug
