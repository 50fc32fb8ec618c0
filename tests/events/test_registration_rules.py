"""Rules of events/services.py that the pages only show in part: the duplicate
refused with the address named, walk-ins, check-in of the waiting list, the door's
counts, and what anonymising and the end of an event remove."""

from datetime import timedelta

import pytest
from django.db.models.signals import pre_save
from django.utils import timezone, translation

from events.models import OutgoingEmail, Registration
from events.services import (
    AlreadyRegistered,
    NeedsConfirmation,
    add_walk_in,
    anonymise_registrations,
    cancel_event,
    cancel_registration,
    check_in,
    checkin_counts,
    register,
    remove_dietary_needs_after_events,
)
from tests.factories import make_actor, make_event, make_registration, municipality

pytestmark = pytest.mark.django_db
CONFIRMED, WAITING = Registration.Status.CONFIRMED, Registration.Status.WAITING


# --- Registering twice ---------------------------------------------------------------


def test_a_second_registration_with_the_same_address_is_refused_naming_the_address():
    event = make_event()
    register(event=event, name="Kari", email="kari@example.no", consent=True)

    with pytest.raises(AlreadyRegistered) as refused:
        register(event=event, name="Kari N.", email=" KARI@example.no ", consent=True)

    assert str(refused.value) == "kari@example.no er allerede påmeldt dette arrangementet."
    assert event.registrations.count() == 1


def test_a_duplicate_that_slips_past_the_check_is_refused_by_the_constraint_the_same_way():
    """Another request registers the same address between the check and the save (as
    if it had bypassed the lock): the database's constraint refuses the second row,
    with the same message, and nothing of it is kept or sent."""
    event = make_event()

    def the_other_request_comes_first(sender, instance, **kwargs):
        if instance.pk is None and instance.name == "Kari":
            Registration.objects.create(event=event, name="Kari fra før", email=instance.email)

    pre_save.connect(the_other_request_comes_first, sender=Registration)
    try:
        with pytest.raises(AlreadyRegistered) as refused:
            register(event=event, name="Kari", email="kari@example.no", consent=True)
    finally:
        pre_save.disconnect(the_other_request_comes_first, sender=Registration)

    assert str(refused.value) == "kari@example.no er allerede påmeldt dette arrangementet."
    assert not Registration.objects.filter(name="Kari").exists()
    assert not OutgoingEmail.objects.exists()


# --- At the door ---------------------------------------------------------------------


def test_a_walk_in_is_stored_with_the_address_and_home_municipality_given():
    event = make_event()

    walk_in = add_walk_in(
        event=event, name="Dora", email=" Dora@Example.NO ", municipality=municipality("nes")
    )

    walk_in.refresh_from_db()
    assert walk_in.email == "dora@example.no"
    assert walk_in.municipality == municipality("nes")
    assert (walk_in.status, walk_in.attended, walk_in.walk_in) == (CONFIRMED, True, True)


@pytest.mark.parametrize(("active", "stored"), [("en", "en"), ("nb", "nb"), (None, "nb")])
def test_a_walk_in_has_the_language_of_the_coordinator_who_added_them(active, stored):
    with translation.override(active):
        walk_in = add_walk_in(event=make_event(), name="Dora", email="", municipality=None)

    walk_in.refresh_from_db()
    assert walk_in.language == stored


def test_checking_in_someone_from_the_waiting_list_needs_the_coordinators_yes():
    event = make_event(capacity=1)
    make_registration(event)
    waiting = make_registration(event, status=WAITING)

    with pytest.raises(NeedsConfirmation):
        check_in(registration=waiting)

    waiting.refresh_from_db()
    assert (waiting.status, waiting.attended) == (WAITING, False)
    checked_in = check_in(registration=waiting, waiting_list_confirmed=True)
    assert (checked_in.status, checked_in.attended) == (CONFIRMED, True)


def test_a_walk_in_who_is_cancelled_again_is_no_longer_counted_at_the_door():
    event = make_event()
    mistake = add_walk_in(event=event, name="Feil", email="", municipality=None)
    add_walk_in(event=event, name="Dora", email="", municipality=None)

    Registration.objects.filter(pk=mistake.pk).update(status=Registration.Status.CANCELLED)

    assert checkin_counts(event) == {"confirmed": 1, "attended": 1, "waiting": 0, "walk_ins": 1}


def test_a_walk_in_without_an_address_is_sent_nothing_when_cancelled():
    event = make_event()
    walk_in = add_walk_in(event=event, name="Dora", email="", municipality=None)
    make_registration(event, email="kari@example.no")

    cancel_registration(registration=walk_in)
    told = cancel_event(event=event)

    assert told == 1
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["kari@example.no"]


# --- Personal data -------------------------------------------------------------------


def _everything_given(event, member, **fields):
    return make_registration(
        event, name="Mona Medlem", email="mona@example.no", phone="+4741234567",
        organisation="Studio Nordlys", user=member, actor=make_actor("Monas Musikk"),
        diets=["vegan"], diet_other="Ingen sesam", show_name=True, **fields,
    )  # fmt: skip


def test_anonymising_removes_everything_that_identifies_the_person(member):
    event = make_event()
    mine = _everything_given(event, member, attended=True)

    assert anonymise_registrations(registrations=Registration.objects.all()) == 1

    mine.refresh_from_db()
    assert mine.name == "Anonymisert"
    assert mine.email == f"anonym-{mine.pk}@example.invalid"
    assert (mine.phone, mine.organisation, mine.diets, mine.diet_other) == ("", "", [], "")
    assert (mine.user, mine.actor, mine.show_name) == (None, None, False)
    assert mine.anonymised_at is not None
    assert (mine.event, mine.status, mine.attended) == (event, CONFIRMED, True)


def test_anonymised_registrations_at_one_event_keep_addresses_of_their_own():
    event = make_event()
    first = make_registration(event)
    second = make_registration(event)

    assert anonymise_registrations(registrations=Registration.objects.all()) == 2

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.email == f"anonym-{first.pk}@example.invalid"
    assert second.email == f"anonym-{second.pk}@example.invalid"


def _ended(**fields):
    now = timezone.now()
    return make_event(starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1), **fields)


def test_dietary_needs_and_notes_go_each_on_their_own_once_the_event_is_over():
    event = _ended()
    only_diets = make_registration(event, diets=["vegan"])
    only_note = make_registration(event, diet_other="Ingen sesam")
    nothing = make_registration(event)
    upcoming = make_registration(make_event(), diets=["vegan"], diet_other="Ingen sesam")

    assert remove_dietary_needs_after_events() == 2

    for registration in (only_diets, only_note, nothing):
        registration.refresh_from_db()
        assert (registration.diets, registration.diet_other) == ([], "")
    upcoming.refresh_from_db()
    assert (upcoming.diets, upcoming.diet_other) == (["vegan"], "Ingen sesam")


def test_the_change_history_forgets_dietary_needs_and_notes_too():
    event = _ended()
    both = make_registration(event, diets=["vegan"], diet_other="Ingen sesam")
    only_diets = make_registration(event, diets=["vegan"])
    only_note = make_registration(event, diet_other="Ingen sesam")
    for registration in (both, only_diets, only_note):
        registration.name = "Endret navn"  # a second version in the history
        registration.save()

    remove_dietary_needs_after_events()

    versions = Registration.history.filter(event=event)
    assert versions.count() == 6
    assert {(tuple(v.diets), v.diet_other) for v in versions} == {((), "")}
