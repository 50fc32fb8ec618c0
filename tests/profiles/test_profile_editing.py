"""Members create and edit their own profiles; coordinators approve and hide them."""

import pytest
from django.core import mail
from django.urls import reverse

from actors.models import Actor, ActorImage
from tests.factories import make_actor, make_image_bytes, make_member, municipality, sector
from tests.profiles.conftest import assert_login_redirect, client_for

CREATE = reverse("actors:create")


def profile_data(**overrides) -> dict:
    data = {
        "name": "Lyd og Lys Gjerdrum",
        "kind": Actor.Kind.COMPANY,
        "municipality": municipality("gjerdrum").pk,
        "sectors": [sector("musikk").pk],
        "pitch": "Lydutleie og lysdesign til konserter og festivaler.",
        "description": "Vi har holdt på siden 2009.",
        "contact_person_visibility": "members",
        "email_visibility": "members",
        "phone_visibility": "members",
        "address_visibility": "public",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "9",
        "images-0-role": "gallery",
        "images-0-alt_text": "",
    }
    data.update(overrides)
    return data


def edit_data(actor: Actor, **overrides) -> dict:
    data = profile_data(
        name=actor.name,
        kind=actor.kind,
        municipality=actor.municipality_id,
        sectors=[s.pk for s in actor.sectors.all()],
        pitch=actor.pitch,
        description=actor.description,
    )
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("owner", 200), ("other_member", 200), ("unconfirmed", 403), ("coordinator", 200)],
)
def test_create_page_is_for_members(clients, persona, expected):
    response = client_for(clients, persona).get(CREATE)
    assert response.status_code == expected


def test_create_page_asks_visitors_to_log_in(clients):
    assert_login_redirect(clients["visitor"].get(CREATE))


def test_create_form_explains_each_field(clients):
    page = clients["other_member"].get(CREATE).content.decode()
    for hint in ("Én eller to setninger som vises på kortet", "Kryss av én eller flere bransjer"):
        assert hint in page
    assert "Forhåndsvis" in page


def test_new_profile_is_pending_owned_and_coordinators_are_told(
    clients, coordinator_user, django_capture_on_commit_callbacks
):
    member = make_member("ny-eier")
    client = clients["other_member"]
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CREATE, profile_data())

    actor = Actor.objects.get(name="Lyd og Lys Gjerdrum")
    assert response.status_code == 302 and response.url == actor.get_absolute_url()
    assert actor.status == Actor.Status.PENDING
    assert actor.owner == member
    assert list(actor.sectors.values_list("slug", flat=True)) == ["musikk"]
    [told] = [m for m in mail.outbox if coordinator_user.email in m.to]
    assert "Lyd og Lys Gjerdrum" in told.subject
    assert "/aktorer/godkjenn/" in told.body
    # The owner sees the pending profile; nobody else does.
    assert client.get(actor.get_absolute_url()).status_code == 200
    assert clients["visitor"].get(actor.get_absolute_url()).status_code == 404
    assert clients["owner"].get(actor.get_absolute_url()).status_code == 404


def test_new_profile_with_an_image_keeps_its_alt_text(clients):
    upload = _upload()
    data = profile_data(**{"images-0-upload": upload, "images-0-alt_text": "Miksebord i mørket"})
    response = clients["other_member"].post(CREATE, data)
    assert response.status_code == 302
    image = ActorImage.objects.get(actor__name="Lyd og Lys Gjerdrum")
    assert image.alt_text == "Miksebord i mørket" and image.large_width > 0


def test_an_image_without_alt_text_is_refused_and_what_was_typed_is_kept(clients):
    data = profile_data(**{"images-0-upload": _upload()})
    response = clients["other_member"].post(CREATE, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Lydutleie og lysdesign til konserter og festivaler." in page
    assert "Skriv hva bildet viser" in page
    assert not Actor.objects.filter(name="Lyd og Lys Gjerdrum").exists()


def test_missing_fields_are_named_in_norwegian(clients):
    response = clients["other_member"].post(CREATE, profile_data(name="", sectors=[]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Skriv navnet på profilen." in page and "Velg minst én bransje." in page


def test_preview_shows_the_profile_and_saves_nothing(clients):
    response = clients["other_member"].post(CREATE, profile_data(forhandsvis="1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Forhåndsvisning" in page and "Lydutleie og lysdesign" in page
    assert not Actor.objects.filter(name="Lyd og Lys Gjerdrum").exists()
    assert mail.outbox == []


def test_control_characters_in_the_name_are_refused(clients):
    response = clients["other_member"].post(CREATE, profile_data(name="Lyd\x07 og Lys"))
    assert response.status_code == 400
    assert "Skriv den på én linje" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("owner", 200), ("other_member", 404), ("unconfirmed", 403), ("coordinator", 404)],
)
def test_only_the_owner_may_edit(clients, own_actor, persona, expected):
    url = reverse("actors:edit", args=[own_actor.slug])
    client = client_for(clients, persona)
    assert client.get(url).status_code == expected
    response = client.post(url, edit_data(own_actor, name="Kapret"))
    assert response.status_code == (302 if persona == "owner" else expected)
    own_actor.refresh_from_db()
    assert (own_actor.name == "Kapret") == (persona == "owner")


def test_edit_asks_visitors_to_log_in(clients, own_actor):
    assert_login_redirect(clients["visitor"].get(reverse("actors:edit", args=[own_actor.slug])))


def test_owners_edit_goes_live_at_once(clients, own_actor):
    url = reverse("actors:edit", args=[own_actor.slug])
    response = clients["owner"].post(url, edit_data(own_actor, pitch="Nå med strykekvartett."))
    assert response.status_code == 302
    own_actor.refresh_from_db()
    assert own_actor.status == Actor.Status.PUBLISHED
    assert (
        "Nå med strykekvartett."
        in clients["visitor"].get(own_actor.get_absolute_url()).content.decode()
    )


def test_owner_sees_why_a_profile_was_hidden(clients, own_actor):
    own_actor.status = Actor.Status.HIDDEN
    own_actor.hidden_reason = "Profilen mangler kontaktopplysninger."
    own_actor.save()
    page = clients["owner"].get(reverse("actors:edit", args=[own_actor.slug])).content.decode()
    assert "Profilen mangler kontaktopplysninger." in page
    assert clients["visitor"].get(own_actor.get_absolute_url()).status_code == 404


def test_my_profiles_lists_only_my_own(clients, own_actor):
    make_actor("Noen Andres Profil", owner=make_member("tredje"))
    page = clients["owner"].get(reverse("actors:mine")).content.decode()
    assert "Eiers Ensemble" in page and "Noen Andres Profil" not in page
    assert_login_redirect(clients["visitor"].get(reverse("actors:mine")))


def test_about_page_leads_to_creating_a_profile(client):
    assert reverse("actors:create") in client.get(reverse("about")).content.decode()


def test_reserved_addresses_never_become_a_profile_slug(db):
    assert make_actor("Ny").slug != "ny"
    assert make_actor("Mine").slug != "mine"


def _upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bilde.jpg", make_image_bytes(), content_type="image/jpeg")


def test_my_page_has_a_my_profiles_section(clients, own_actor):
    page = clients["owner"].get(reverse("accounts:my_page")).content.decode()
    assert "Mine profiler" in page and reverse("actors:edit", args=[own_actor.slug]) in page


def test_owners_edit_is_recorded_with_who_and_what(clients, own_actor, owner_user):
    """Coordinators see (and can undo) owners' edits in the shared change history."""
    if not hasattr(Actor, "history"):
        pytest.skip("the change history (django-simple-history, toolbox) is not set up yet")
    url = reverse("actors:edit", args=[own_actor.slug])
    clients["owner"].post(url, edit_data(own_actor, pitch="Ny presentasjon."))
    latest, before = own_actor.history.order_by("-history_date", "-history_id")[:2]
    assert latest.history_user == owner_user
    assert "pitch" in latest.diff_against(before).changed_fields
