"""The poster sees the answers on Min side and marks the ones that led to contact."""

import pytest
from django.test import Client
from django.urls import reverse

from opportunities.models import Answer
from tests.factories import make_actor, make_member, make_opportunity
from tests.opportunities.conftest import logged_in

pytestmark = pytest.mark.django_db

MY_PAGE = "/min-side/"


@pytest.fixture
def answer(call, band, musician):
    return Answer.objects.create(
        opportunity=call, actor=band, sender=musician, message="Vi spiller gjerne!\nHilsen Mari"
    )


def contacted_url(answer: Answer) -> str:
    return reverse("opportunities:mark_contacted", args=[answer.pk])


def test_the_poster_sees_the_answer_with_a_link_to_the_responders_profile(clients, answer):
    html = clients["poster"].get(MY_PAGE).content.decode()

    assert "Svar du har fått" in html
    assert f'href="/aktorer/{answer.actor.slug}/"' in html
    assert "Vi spiller gjerne!<br>Hilsen Mari" in html
    assert answer.opportunity.title in html
    assert contacted_url(answer) in html


def test_the_responder_sees_it_under_sent_and_cannot_mark_it(clients, answer):
    html = clients["musician"].get(MY_PAGE).content.decode()

    assert "Svar du har sendt" in html
    assert "Vi spiller gjerne!" in html
    assert contacted_url(answer) not in html


def test_another_member_sees_nothing_of_it(answer):
    html = logged_in(make_member("naboen")).get(MY_PAGE).content.decode()
    assert "Vi spiller gjerne!" not in html
    assert "Ingen har svart på mulighetene dine ennå" in html


def test_the_poster_marks_and_unmarks_tatt_kontakt(clients, answer):
    response = clients["poster"].post(contacted_url(answer))

    assert response.status_code == 302
    assert response["Location"] == f"{MY_PAGE}#answer-{answer.pk}"
    answer.refresh_from_db()
    assert answer.contacted_at is not None
    html = clients["poster"].get(MY_PAGE).content.decode()
    assert "Svaret fra «Mari og bandet» er merket «Tatt kontakt»." in html
    assert "Fjern «Tatt kontakt»" in html

    clients["poster"].post(contacted_url(answer), {"contacted": "0"})
    answer.refresh_from_db()
    assert answer.contacted_at is None


@pytest.mark.parametrize("persona", ["musician", "coordinator"])
def test_only_the_poster_may_mark_it_others_get_404(clients, answer, persona):
    assert clients[persona].post(contacted_url(answer)).status_code == 404
    answer.refresh_from_db()
    assert answer.contacted_at is None


def test_visitors_log_in_and_unconfirmed_accounts_are_refused(clients, answer):
    visitor = clients["visitor"].post(contacted_url(answer))
    assert visitor.status_code == 302 and "/konto/login/" in visitor["Location"]
    assert clients["unconfirmed"].post(contacted_url(answer)).status_code == 403
    answer.refresh_from_db()
    assert answer.contacted_at is None


def test_marking_is_post_only_with_csrf(clients, answer, poster):
    assert clients["poster"].get(contacted_url(answer)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(poster)
    assert strict.post(contacted_url(answer)).status_code == 403
    html = clients["poster"].get(MY_PAGE).content.decode()
    form = html[html.index(f'action="{contacted_url(answer)}"') :]
    assert 'name="csrfmiddlewaretoken"' in form[: form.index("</form>")]


def _answers(call, n: int) -> None:
    for i in range(n):
        member = make_member()
        Answer.objects.create(
            opportunity=call, actor=make_actor(f"Svarer {i}", owner=member), sender=member,
            message=f"Svar nummer {i}",
        )  # fmt: skip


def test_my_page_runs_the_same_queries_for_one_and_many_answers(
    clients, poster, culture_house, band, django_assert_max_num_queries
):
    first = make_opportunity(culture_house, title="Første")
    _answers(first, 1)
    client = clients["poster"]
    client.get(MY_PAGE)
    with django_assert_max_num_queries(40) as few:
        client.get(MY_PAGE)

    _answers(first, 12)
    for n in range(3):
        _answers(make_opportunity(culture_house, title=f"Flere {n}"), 4)
    sent_to = make_opportunity(title="Andres")
    Answer.objects.create(opportunity=sent_to, actor=culture_house, sender=poster, message="Ja")
    with django_assert_max_num_queries(40) as many:
        html = client.get(MY_PAGE).content.decode()

    assert html.count('class="panel" id="answer-') == 25
    assert len(few.captured_queries) == len(many.captured_queries)
