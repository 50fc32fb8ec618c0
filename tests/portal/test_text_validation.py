"""Control, bidirectional and invisible characters; field lengths; e-mail normalisation."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.test import RequestFactory

from events.forms import RegistrationForm
from events.models import Registration
from portal.validators import (
    TextValidator,
    clean_text,
    normalise_email,
    validate_multiline,
    validate_single_line,
)
from tests.factories import make_coordinator, make_event, make_registration, registration_data

REFUSED_ON_ONE_LINE = [
    "Kari\nBesøk http://evil.example/",
    "Kari\r",
    "Kari\tNordmann",
    "Kari\x00",
    "Kari\x1b[31m",
    "Kari\x7f",
    "Kari\x85",
    "Kari\u2028Nordmann",
    "Kari \u202ennamdroN",
    "Kari \u2066x\u2069",
    "Kari\u200f",
    "Ka\u200bri",
    "Kari\ufeff",
    "Ka\u2060ri",
]
ACCEPTED = [
    "Kari Nordmann",
    "Ærlige Østlendinger på Årnes",
    "Máret Sárá",  # Sámi
    "Café «Løkka» – 100 % & co.",
    "👩‍🎨 Kunstnerkollektivet",  # an emoji sequence joined by U+200D
    "محمد",
]


@pytest.mark.parametrize("value", REFUSED_ON_ONE_LINE)
def test_single_line_refuses_control_bidi_and_invisible_characters(value):
    with pytest.raises(ValidationError) as error:
        validate_single_line(value)

    assert "Teksten inneholder" in error.value.messages[0]


@pytest.mark.parametrize("value", ["\u200d", " \u200c ", "\u200d\u200c"])
def test_nothing_visible_is_refused(value):
    with pytest.raises(ValidationError, match="bare usynlige tegn"):
        validate_single_line(value)


@pytest.mark.parametrize("value", ACCEPTED)
def test_ordinary_names_are_accepted(value):
    validate_single_line(value)
    validate_multiline(value)


def test_multiline_allows_line_breaks_but_not_the_rest():
    validate_multiline("Første avsnitt.\r\n\r\nAndre\tavsnitt.")
    for value in ("Tekst\x00", "Tekst \u202e", "Tekst\x1b", "Tekst\u200b"):
        with pytest.raises(ValidationError):
            validate_multiline(value)


def test_clean_text_makes_stored_text_printable():
    assert clean_text("Kurs\r\nX-Injected: yes\x00\u202e") == "Kurs  X-Injected: yes"
    assert clean_text("A\nB\x1b", multiline=True) == "A\nB"


def _project_models():
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if base in path.parents and ".venv" not in path.parts:
            yield from config.get_models()


def test_every_text_column_of_the_portal_has_the_rule():
    """New models are covered too: a CharField or TextField without the rule fails here."""
    missing = []
    for model in _project_models():
        if hasattr(model, "instance_type"):
            continue  # change history (portal/history.py): copies written by code, not typed
        for field in model._meta.get_fields():
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if (
                not field.editable
                or field.choices
                or isinstance(field, models.EmailField | models.URLField | models.SlugField)
            ):
                continue  # not typed by anyone, or checked by a stricter validator
            multiline = isinstance(field, models.TextField)
            if TextValidator(multiline=multiline) not in field.validators:
                missing.append(f"{model._meta.label}.{field.name}")
    assert missing == []


def _admin_forms(rf):
    request = rf.get("/")
    request.user = make_coordinator()
    for model, model_admin in admin.site._registry.items():
        yield model, model_admin.get_form(request)
        for inline in model_admin.get_inline_instances(request):
            yield inline.model, inline.get_formset(request).form


# Fields that accept a longer spelling and store a shorter canonical form.
NORMALISING = {("actors.Actor", "org_number"), ("actors.Actor", "phone")}


@pytest.mark.django_db
def test_every_admin_form_field_fits_its_column():
    too_long = []
    for model, form_class in _admin_forms(RequestFactory()):
        for name, form_field in form_class.base_fields.items():
            try:
                column = model._meta.get_field(name)
            except Exception:
                continue
            limit = getattr(column, "max_length", None)
            if not limit or column.choices or (model._meta.label, name) in NORMALISING:
                continue
            if getattr(form_field, "max_length", None) is None or form_field.max_length > limit:
                too_long.append(f"{model._meta.label}.{name}")
    assert too_long == []


def test_registration_form_fields_fit_their_columns():
    form = RegistrationForm()
    columns = {field.name: field for field in Registration._meta.get_fields()}
    for name, field in form.fields.items():
        limit = getattr(columns.get(name), "max_length", None)
        if limit:
            assert field.max_length is not None and field.max_length <= limit, name


def _long_address(length: int) -> str:
    domain = ".".join(["d" * 60] * 3) + ".no"  # labels of at most 63 letters
    return "k" * (length - len(domain) - 1) + "@" + domain


@pytest.mark.django_db
def test_a_291_character_address_is_a_form_error_not_a_500(client):
    event = make_event()
    address = _long_address(291)
    assert len(address) == 291

    response = client.post(event.get_absolute_url(), registration_data(email=address))

    assert response.status_code == 200
    assert "254 eller færre tegn" in response.context["form"].errors["email"][0]
    assert not Registration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Kari\u202e", "\u200b\u200b", "Kari\x00", "Kari\x0bNordmann"])
def test_registration_form_refuses_hidden_characters_and_keeps_the_input(client, name):
    event = make_event()

    response = client.post(event.get_absolute_url(), registration_data(name=name))

    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert response.context["form"]["email"].value() == "kari@example.no"
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_a_line_break_in_an_event_title(client):
    client.force_login(make_coordinator())
    event = make_event()

    response = client.post(
        f"/admin/events/event/{event.pk}/change/",
        {
            "kind": event.kind,
            "title": "Kurs\nBesøk http://evil.example/",
            "slug": event.slug,
            "status": event.status,
            "summary": event.summary,
            "starts_at_0": "01.01.2030",
            "starts_at_1": "18:00",
            "ends_at_0": "01.01.2030",
            "ends_at_1": "21:00",
            "price": "Gratis",
            "organisers": "Nettverket",
            "registration_required": "on",
            "speakers-TOTAL_FORMS": "0",
            "speakers-INITIAL_FORMS": "0",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "linjeskift" in str(response.context["adminform"].form.errors["title"])
    event.refresh_from_db()
    assert "\n" not in event.title


def test_email_is_normalised_with_nfkc_and_lower_case():
    assert normalise_email(" \u212aARI@Example.NO ") == "kari@example.no"  # Kelvin sign
    assert normalise_email("ｋari@example.no") == "kari@example.no"  # full-width k
    assert normalise_email("kari@STRASSE.de") == normalise_email("kari@straße.de")


@pytest.mark.django_db
def test_kelvin_sign_is_the_same_registrant_on_every_database(client):
    event = make_event()
    make_registration(event, email="kari@example.no")

    response = client.post(
        event.get_absolute_url(), registration_data(email="\u212aari@example.no")
    )

    assert response.status_code == 200
    assert "allerede påmeldt" in response.context["form"].errors["email"][0]
    assert event.registrations.count() == 1


@pytest.mark.django_db
def test_non_ascii_capitals_in_the_domain_are_the_same_registrant(client):
    # SQLite's LOWER() leaves Ø alone, PostgreSQL's lowers it: normalise before storing.
    event = make_event()
    client.post(event.get_absolute_url(), registration_data(email="kari@ØVRE.no"))

    client.post(event.get_absolute_url(), registration_data(email="KARI@øvre.no"))

    assert list(event.registrations.values_list("email", flat=True)) == ["kari@øvre.no"]


@pytest.mark.django_db
def test_a_members_name_refuses_hidden_characters_too():
    from accounts.forms import NameForm

    form = NameForm(data={"first_name": "Kari\u202e", "last_name": "Nordmann\n"})

    assert not form.is_valid()
    assert "Teksten inneholder" in form.errors["first_name"][0]
