"""The directory's own form submitted as a browser submits it: every field it holds,
with the values the page gave them, plus what the visitor typed."""

from html.parser import HTMLParser

import pytest

from tests.factories import make_actor

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """The (name, value) pairs a browser sends for the form marked data-directory-form."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "data-directory-form" in a:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            elif a.get("type") not in ("submit", "button"):
                self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "select":
            self.select, self.options = a.get("name"), []
        elif tag == "option" and self.select:
            self.options.append((a.get("value", ""), "selected" in a))

    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            chosen = [v for v, selected in self.options if selected] or [self.options[0][0]]
            self.fields.append((self.select, chosen[0]))
            self.select = None
        if tag == "form":
            self.inside = False


def submit(client, page, **typed):
    parser = FormFields()
    parser.feed(page.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in typed.items()})
    return client.get("/aktorer/", data)


def names(response) -> list[str]:
    return [actor.name for actor in response.context["page_obj"].object_list]


def test_a_search_from_the_directory_page_is_ranked_by_relevance(client):
    # Alphabetically "Aulaen" comes first; by relevance the name match does.
    make_actor("Aulaen", pitch="Scene.", description="Vi har et kor på huset, et kammerkor.")
    make_actor("Kammerkoret Vox", pitch="Vi synger.")

    directory = client.get("/aktorer/")
    searched = submit(client, directory, q="kammerkor")

    assert searched.context["filter"].sort == "relevans"
    assert names(searched) == ["Kammerkoret Vox", "Aulaen"]
    # And searching again from the results page keeps the ranking.
    again = submit(client, searched, q="kammerkor")
    assert names(again) == ["Kammerkoret Vox", "Aulaen"]


def test_an_order_the_visitor_chose_is_kept_when_searching(client):
    make_actor("Aulaen", pitch="Scene.", description="Vi har et kammerkor.")
    make_actor("Kammerkoret Vox", pitch="Vi synger.")

    chosen = client.get("/aktorer/", {"sortering": "navn"})
    searched = submit(client, chosen, q="kammerkor")

    assert searched.context["filter"].sort == "navn"
    assert names(searched) == ["Aulaen", "Kammerkoret Vox"]


def test_options_without_results_are_disabled_unless_ticked_and_the_panel_ends_with_a_count(
    client,
):
    make_actor("Kor i Hurdal", municipality="hurdal", sectors=["musikk"])

    html = client.get("/aktorer/", {"bransje": "musikk", "kommune": "nes"}).content.decode()

    # Nes has no music: ticked, so it stays enabled; Gjerdrum has none: disabled.
    assert 'name="kommune" value="nes" checked>' in html
    assert 'name="kommune" value="gjerdrum" disabled>' in html
    assert 'name="kommune" value="hurdal">' in html
    assert "Vis 0 aktører</button>" in html
    assert 'action="/aktorer/#resultater"' in html and 'id="resultater"' in html
