"""Samarbeidstorget in the admin: the list with answer counts in a constant number of
queries, filters, actions that feature, hide and close with history, the answers to
read, and the injection-safe export."""

from datetime import timedelta

import pytest
from django.utils import timezone

from opportunities.models import Answer, Opportunity
from tests.factories import make_actor, make_opportunity, make_user

pytestmark = pytest.mark.django_db

URL = "/admin/opportunities/opportunity/"


def answer(opportunity, n: int = 0) -> Answer:
    responder = make_actor(f"Svarer {opportunity.pk}-{n}")
    return Answer.objects.create(
        opportunity=opportunity, actor=responder, sender=make_user(), message=f"Svar {n}"
    )


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    return [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]


def test_the_list_shows_answer_counts_in_a_constant_number_of_queries(
    coordinator_client, django_assert_max_num_queries
):
    first = make_opportunity(title="Band til sommerscenen")
    answer(first, 1)
    answer(first, 2)
    html = coordinator_client.get(URL).content.decode()
    assert "Band til sommerscenen" in html
    assert '<td class="field-answer_count">2</td>' in html

    with django_assert_max_num_queries(30) as few:
        coordinator_client.get(URL)
    for n in range(20):
        answer(make_opportunity(), n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        coordinator_client.get(URL)


def test_the_expired_filter(coordinator_client):
    make_opportunity(title="Fortsatt åpen")
    make_opportunity(title="Gått ut", deadline=timezone.localdate() - timedelta(days=1))

    expired = coordinator_client.get(f"{URL}?utlopt=ja").content.decode()
    current = coordinator_client.get(f"{URL}?utlopt=nei").content.decode()

    assert "Gått ut" in expired and "Fortsatt åpen" not in expired
    assert "Fortsatt åpen" in current and "Gått ut" not in current


@pytest.mark.parametrize(
    ("action", "field", "value"),
    [("feature", "featured", True), ("hide", "hidden", True), ("close", "status", "closed")],
)
def test_actions_change_the_chosen_ones_and_write_history(coordinator_client, action, field, value):
    chosen, other = make_opportunity(), make_opportunity()
    before = chosen.history.count()

    response = coordinator_client.post(
        URL, {"action": action, "_selected_action": [chosen.pk]}, follow=True
    )

    chosen.refresh_from_db()
    other.refresh_from_db()
    assert response.status_code == 200 and "1 mulighet er" in response.content.decode()
    assert getattr(chosen, field) == value and getattr(other, field) != value
    assert chosen.history.count() == before + 1
    if action == "close":
        assert chosen.closed_at is not None


def test_unfeature_and_unhide_undo_and_leave_the_rest(coordinator_client):
    featured = make_opportunity(featured=True, hidden=True)

    for action in ("unfeature", "unhide"):
        coordinator_client.post(URL, {"action": action, "_selected_action": [featured.pk]})

    featured.refresh_from_db()
    assert not featured.featured and not featured.hidden
    assert featured.is_open


def test_a_hidden_opportunity_leaves_the_board_at_once(coordinator_client, client, settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    opportunity = make_opportunity(title="Upassende innlegg")
    assert "Upassende innlegg" in client.get("/samarbeid/").content.decode()

    coordinator_client.post(URL, {"action": "hide", "_selected_action": [opportunity.pk]})

    assert "Upassende innlegg" not in client.get("/samarbeid/").content.decode()


def test_the_answers_are_shown_to_read_not_to_change(coordinator_client):
    opportunity = make_opportunity()
    answer(opportunity)

    html = coordinator_client.get(f"{URL}{opportunity.pk}/change/").content.decode()

    assert "Svar 0" in html
    assert 'name="answers-0-message"' not in html


def test_the_export_is_filtered_and_injection_safe(coordinator_client):
    make_opportunity(title='=HYPERLINK("http://evil.example","Klikk")', featured=True)
    make_opportunity(title="Ikke fremhevet")

    rows = csv_rows(coordinator_client.get(f"{URL}eksport/csv/?featured__exact=1"))

    assert rows[0][:3] == ["Tittel", "Type", "Lagt ut av"]
    assert len(rows) == 2
    assert rows[1][0].startswith("\"'=HYPERLINK")


def test_members_do_not_get_the_admin_or_its_export(member_client):
    for url in (URL, f"{URL}eksport/csv/"):
        response = member_client.get(url)
        assert response.status_code in (302, 403)
        assert "attachment" not in response.get("Content-Disposition", "")


def test_the_admin_search_finds_by_poster(coordinator_client):
    make_opportunity(make_actor("Eidsvoll Jazzfest"), title="Frivillige")
    make_opportunity(title="Noe annet")

    html = coordinator_client.get(f"{URL}?q=jazzfest").content.decode()

    assert "Frivillige" in html and "Noe annet" not in html


def test_opportunity_kinds_are_all_in_the_filter(coordinator_client):
    html = coordinator_client.get(URL).content.decode()

    for _value, label in Opportunity.Kind.choices:
        assert str(label) in html
