"""Change history: who changed what and when, only real changes, bulk actions, restore."""

import pytest

from actors.models import Actor
from events.models import Event, Registration
from tests.factories import make_actor, make_event, make_registration

pytestmark = pytest.mark.django_db

ACTORS = "/admin/actors/actor/"


def post_data(form, **overrides) -> dict:
    """What a browser would send for this (unbound) admin form, changed by `overrides`."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(getattr(item, "pk", item)) for item in value]
        else:
            data[name] = str(value)
    data.update(overrides)
    return data


def admin_edit(client, actor, **changes):
    url = f"{ACTORS}{actor.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = post_data(form, **changes)
    data.update(
        {
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "9",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def found(client, query: str) -> list[str]:
    """The names the directory's search box finds."""
    return [actor.name for actor in client.get("/aktorer/", {"q": query}).context["page_obj"]]


def changed_fields(record) -> set[str]:
    return {change.field for change in record.diff_against(record.prev_record).changes}


def test_admin_edit_records_the_coordinator_and_only_the_changed_fields(
    coordinator_client, coordinator
):
    actor = make_actor("Kløfta Keramikk", pitch="Bruksporselen fra Kløfta.")

    admin_edit(coordinator_client, actor, pitch="Kopper og kanner fra Kløfta.")

    latest = actor.history.first()
    assert latest.history_user == coordinator
    assert changed_fields(latest) == {"pitch"}


def test_saving_without_a_change_writes_no_record():
    actor = make_actor("Uendret")
    before = actor.history.count()

    Actor.objects.get(pk=actor.pk).save()

    assert actor.history.count() == before


def test_sectors_changed_with_the_form_are_one_record(coordinator_client, coordinator):
    actor = make_actor("Råholt Lyd", sectors=["musikk"])
    before = actor.history.count()
    design = actor.sectors.model.objects.get(slug="design")

    admin_edit(coordinator_client, actor, pitch="Lyd og design.", sectors=[str(design.pk)])

    assert actor.history.count() == before + 1
    assert changed_fields(actor.history.first()) == {"pitch", "sectors"}


def test_bulk_publish_and_hide_are_recorded_per_actor_with_the_user(
    coordinator_client, coordinator
):
    drafts = [make_actor(f"Utkast {n}", status=Actor.Status.DRAFT) for n in range(3)]
    published = make_actor("Allerede publisert")
    before = published.history.count()

    coordinator_client.post(
        ACTORS, {"action": "publish", "_selected_action": [a.pk for a in [*drafts, published]]}
    )

    for actor in drafts:
        latest = actor.history.first()
        assert latest.status == Actor.Status.PUBLISHED
        assert latest.history_user == coordinator
        assert changed_fields(latest) == {"status", "published_at"}
        # The sectors are recorded with the bulk change too, so a restore keeps them.
        assert list(latest.sectors.values_list("sector__slug", flat=True)) == ["musikk"]
    assert published.history.count() == before  # nothing changed for it

    coordinator_client.post(ACTORS, {"action": "hide", "_selected_action": [drafts[0].pk]})
    assert drafts[0].history.first().status == Actor.Status.HIDDEN
    assert changed_fields(drafts[0].history.first()) == {"status"}


def test_bulk_publish_writes_a_constant_number_of_queries(django_assert_max_num_queries):
    few = [make_actor(status=Actor.Status.DRAFT).pk for _ in range(2)]
    many = [make_actor(status=Actor.Status.DRAFT).pk for _ in range(20)]
    with django_assert_max_num_queries(10) as small:
        Actor.objects.filter(pk__in=few).publish()
    with django_assert_max_num_queries(10) as large:
        Actor.objects.filter(pk__in=many).publish()

    assert len(small.captured_queries) == len(large.captured_queries)


def test_cancelling_an_event_in_the_admin_is_recorded(coordinator_client, coordinator):
    event = make_event(status=Event.Status.PUBLISHED)

    coordinator_client.post(
        "/admin/events/event/",
        {"action": "cancel_events", "_selected_action": [event.pk], "post": "yes"},
    )

    latest = event.history.first()
    assert latest.status == Event.Status.CANCELLED
    assert latest.history_user == coordinator
    assert changed_fields(latest) == {"status"}


def test_marking_attended_in_bulk_is_recorded(coordinator_client, coordinator):
    registration = make_registration(make_event())

    coordinator_client.post(
        "/admin/events/registration/",
        {"action": "mark_attended", "_selected_action": [registration.pk]},
    )

    latest = registration.history.first()
    assert latest.attended is True
    assert latest.history_user == coordinator
    assert changed_fields(latest) == {"attended"}


def test_history_page_lists_the_change_and_who_made_it(coordinator_client, coordinator):
    actor = make_actor("Maura Musikk", pitch="Gammel tekst.")
    admin_edit(coordinator_client, actor, pitch="Ny tekst.")

    html = coordinator_client.get(f"{ACTORS}{actor.pk}/history/").content.decode()

    assert "Gammel tekst." in html and "Ny tekst." in html
    assert "koordinator" in html
    assert "Endret av" in html  # the library's Norwegian labels


def test_restore_brings_back_fields_and_sectors_and_the_search_follows(
    coordinator_client, coordinator
):
    actor = make_actor("Kløfta Keramikk", sectors=["kunsthandverk"])
    original = actor.history.first()
    admin_edit(
        coordinator_client,
        actor,
        name="Kløfta Leire",
        sectors=[str(actor.sectors.model.objects.get(slug="musikk").pk)],
    )
    assert found(coordinator_client, "leire") == ["Kløfta Leire"]

    url = f"{ACTORS}{actor.pk}/history/{original.history_id}/"
    form = coordinator_client.get(url).context["adminform"].form
    response = coordinator_client.post(url, post_data(form))

    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.name == "Kløfta Keramikk"
    assert [s.slug for s in actor.sectors.all()] == ["kunsthandverk"]
    assert found(coordinator_client, "keramikk") == ["Kløfta Keramikk"]
    assert found(coordinator_client, "leire") == []
    restored = actor.history.first()
    assert restored.history_change_reason.startswith("Gjenopprettet versjonen fra")
    assert restored.history_user == coordinator


def test_history_and_restore_are_closed_to_members(member_client):
    actor = make_actor()
    client = member_client

    assert client.get(f"{ACTORS}{actor.pk}/history/").status_code == 302
    record = actor.history.first()
    response = client.get(f"{ACTORS}{actor.pk}/history/{record.history_id}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_registration_history_leaves_out_the_secret():
    registration = make_registration(make_event())

    assert not hasattr(registration.history.first(), "secret")
    assert Registration.history.model._meta.verbose_name == "historikk: påmelding"


def test_forgetting_a_person_also_forgets_their_earlier_versions():
    from datetime import timedelta

    from django.utils import timezone

    from events import services

    past = make_event(starts_at=timezone.now() - timedelta(days=3))
    registration = make_registration(past, name="Sesam Allergiker", diet_other="Sesam")
    registration.phone = "+4741234567"
    registration.save()
    assert registration.history.count() == 2

    services.remove_dietary_needs_after_events()
    assert not Registration.history.exclude(diet_other="").exists()

    services.anonymise_registrations(registrations=Registration.objects.filter(pk=registration.pk))
    assert not Registration.history.filter(name="Sesam Allergiker").exists()
    assert not Registration.history.filter(phone="+4741234567").exists()
