"""The accessibility statement is true: it lists the 47 criteria the Norwegian regulation
requires, every "met" names the test that proves it and that test exists, every "not
met" is a breach with its consequence, and docs/accessibility.md says the same."""

import re
from pathlib import Path

import pytest

from events.forms import RegistrationForm
from portal import accessibility as statement

ROOT = Path(__file__).resolve().parents[2]

# WCAG 2.1 A and AA: 50 success criteria; the regulation leaves out 1.2.3, 1.2.4 and 1.2.5.
REQUIRED = [
    "1.1.1",
    "1.2.1",
    "1.2.2",
    "1.3.1",
    "1.3.2",
    "1.3.3",
    "1.3.4",
    "1.3.5",
    "1.4.1",
    "1.4.2",
    "1.4.3",
    "1.4.4",
    "1.4.5",
    "1.4.10",
    "1.4.11",
    "1.4.12",
    "1.4.13",
    "2.1.1",
    "2.1.2",
    "2.1.4",
    "2.2.1",
    "2.2.2",
    "2.3.1",
    "2.4.1",
    "2.4.2",
    "2.4.3",
    "2.4.4",
    "2.4.5",
    "2.4.6",
    "2.4.7",
    "2.5.1",
    "2.5.2",
    "2.5.3",
    "2.5.4",
    "3.1.1",
    "3.1.2",
    "3.2.1",
    "3.2.2",
    "3.2.3",
    "3.2.4",
    "3.3.1",
    "3.3.2",
    "3.3.3",
    "3.3.4",
    "4.1.1",
    "4.1.2",
    "4.1.3",
]


def test_statement_lists_the_47_required_criteria_once_each():
    numbers = [c.number for c in statement.CRITERIA]

    assert len(REQUIRED) == 47
    assert numbers == REQUIRED


@pytest.mark.parametrize("criterion", statement.CRITERIA, ids=lambda c: c.number)
def test_every_met_criterion_names_evidence_that_exists(criterion):
    if criterion.status != statement.MET:
        assert criterion.status in (statement.NOT_MET, statement.NOT_APPLICABLE)
        return
    assert criterion.evidence, f"{criterion.number} is marked met without evidence"
    for evidence in criterion.evidence:
        if evidence == statement.MANUAL:
            continue
        path, name = evidence.split("::")
        source = (ROOT / path).read_text()
        assert re.search(rf"^def {name}\(", source, re.M), f"{criterion.number}: {evidence}"


def test_every_criterion_not_met_is_a_listed_breach():
    not_met = {c.number for c in statement.CRITERIA if c.status == statement.NOT_MET}
    in_breaches = {number for breach in statement.BREACHES for number in breach.criteria}

    assert not_met == in_breaches


def test_docs_checklist_agrees_with_the_statement():
    docs = (ROOT / "docs" / "accessibility.md").read_text()
    rows = dict(re.findall(r"^\| (\d\.\d+\.\d+) [^|]*\| [^|]*\| ([\w /]+?) \|", docs, re.M))
    labels = {statement.MET: "met", statement.NOT_MET: "not met", statement.NOT_APPLICABLE: "n/a"}

    assert rows == {c.number: labels[c.status] for c in statement.CRITERIA}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nb", ["Sist testet", "Diskrimineringsnemnda", "Uutilsynet", "10 arbeidsdager"]),
        ("en", ["Last tested", "Diskrimineringsnemnda", "Uutilsynet", "10 working days"]),
    ],
)
def test_statement_page_shows_every_criterion_and_the_complaint_route(client, language, words):
    client.cookies["django_language"] = language

    html = client.get("/tilgjengelighet/").content.decode()

    assert html.count('<tr id="krav-') == 47
    for word in words:
        assert word in html
    assert "kreativ@ullensaker.kommune.no" in html


def test_personal_fields_say_what_they_are_for():
    """1.3.5: the fields about the person filling in the form carry autocomplete."""
    form = RegistrationForm()

    assert form["name"].field.widget.attrs.get("autocomplete") == "name"
    assert form["email"].field.widget.attrs.get("autocomplete") == "email"
    assert form["phone"].field.widget.attrs.get("autocomplete") == "tel"
