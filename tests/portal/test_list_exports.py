"""Export of filtered admin lists and of the newsletter's mailing list, through the one exporter."""

import io

import pytest
from openpyxl import load_workbook

from accounts.models import MemberSettings
from actors.models import Actor
from events.models import Event, Registration
from tests.factories import (
    make_actor,
    make_event,
    make_member,
    make_registration,
    make_unconfirmed,
    municipality,
)

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    return [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]


def test_actor_export_holds_exactly_the_filtered_and_searched_list(coordinator_client):
    make_actor(
        "Nes Keramikk", municipality="nes", sectors=["kunsthandverk"], org_number="988077917"
    )
    make_actor("Nes Jazz", municipality="nes", sectors=["musikk"])
    make_actor("Eidsvoll Jazz", municipality="eidsvoll", sectors=["musikk"])
    nes = municipality("nes").pk
    query = f"?municipality__id__exact={nes}&q=jazz"

    changelist = coordinator_client.get(f"/admin/actors/actor/{query}").content.decode()
    rows = csv_rows(coordinator_client.get(f"/admin/actors/actor/eksport/csv/{query}"))

    assert f'href="/admin/actors/actor/eksport/csv/{query.replace("&", "&amp;")}"' in changelist
    assert rows[0][:5] == ["Navn", "Adressenavn", "Type", "Status", "Kommune"]
    assert [row[0] for row in rows[1:]] == ["Nes Jazz"]
    everything = csv_rows(coordinator_client.get("/admin/actors/actor/eksport/csv/"))
    keramikk = next(row for row in everything if row[0] == "Nes Keramikk")
    assert keramikk[4:7] == ["Nes", "Kunsthåndverk", "988077917"]


def test_event_export_as_xlsx_honours_the_status_filter(coordinator_client):
    published = make_event(title="Publisert møte", status=Event.Status.PUBLISHED)
    make_event(title="Utkast", status=Event.Status.DRAFT)
    make_registration(published, attended=True)

    response = coordinator_client.get("/admin/events/event/eksport/xlsx/?status__exact=published")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Tittel"
    assert [row[0] for row in rows[1:]] == ["Publisert møte"]
    assert rows[1][-3:] == (1, 0, 1)  # confirmed, waiting, attended


def test_registration_export_is_filtered_and_injection_safe(coordinator_client):
    event = make_event()
    make_registration(event, name='=HYPERLINK("http://evil.example","Klikk")')
    make_registration(event, name="Vera Venter", status=Registration.Status.WAITING)

    rows = csv_rows(
        coordinator_client.get("/admin/events/registration/eksport/csv/?status__exact=confirmed")
    )

    assert len(rows) == 2  # the waiting list is filtered out
    assert rows[1][0].startswith("\"'=HYPERLINK")  # text, not a formula


def test_exports_are_for_coordinators_only(member_client):
    for url in ("/admin/actors/actor/eksport/csv/", "/koordinator/nyhetsbrev/csv/"):
        response = member_client.get(url)
        assert response.status_code in (302, 403)
        # The portal's 403 page has the network's public address in its footer, so
        # "no @ in the page" no longer tells; no file is what matters.
        assert "attachment" not in response.get("Content-Disposition", "")
        assert not response["Content-Type"].startswith(("text/csv", "application/vnd"))


def test_mailing_list_holds_confirmed_members_who_asked_for_news(coordinator_client):
    wants = make_member("vil-ha", email="vil.ha@example.no", first_name="Vilde")
    MemberSettings.objects.create(user=wants, newsletter=True)
    MemberSettings.objects.create(user=make_member("vil-ikke"), newsletter=False)
    MemberSettings.objects.create(user=make_unconfirmed("ubekreftet"), newsletter=True)
    quit_ = make_member("sluttet")
    quit_.is_active = False
    quit_.save()
    MemberSettings.objects.create(user=quit_, newsletter=True)

    rows = csv_rows(coordinator_client.get("/koordinator/nyhetsbrev/csv/"))
    sheet = load_workbook(
        io.BytesIO(coordinator_client.get("/koordinator/nyhetsbrev/xlsx/").content)
    ).active

    assert rows == [["E-post", "Fornavn", "Etternavn"], ["vil.ha@example.no", "Vilde", ""]]
    assert sheet["A2"].value == "vil.ha@example.no" and sheet["A3"].value is None
    assert (
        'href="/koordinator/nyhetsbrev/csv/"' in coordinator_client.get("/admin/").content.decode()
    )


def test_actor_list_export_query_count_does_not_grow(
    coordinator_client, django_assert_max_num_queries
):
    for n in range(3):
        make_actor(f"Aktør {n}")
    with django_assert_max_num_queries(20) as few:
        coordinator_client.get("/admin/actors/actor/eksport/xlsx/")
    for n in range(3, 30):
        make_actor(f"Aktør {n}")
    with django_assert_max_num_queries(20) as many:
        coordinator_client.get("/admin/actors/actor/eksport/xlsx/")
    assert len(few.captured_queries) == len(many.captured_queries)
    assert Actor.objects.count() == 30
