"""What the Content-Security-Policy blocked in a visitor's browser reaches the log."""

import json
import logging

import pytest

pytestmark = pytest.mark.django_db

REPORT = {
    "csp-report": {
        "document-uri": "https://kreativ.example.no/aktorer/",
        "violated-directive": "script-src-elem",
        "blocked-uri": "inline",
        "source-file": "https://kreativ.example.no/aktorer/",
        "line-number": 12,
    }
}


def test_policy_tells_browsers_where_to_report(client):
    assert "report-uri /csp-rapport/" in client.get("/om/")["Content-Security-Policy"]


def test_report_is_logged_as_a_warning(client, caplog):
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = client.post(
            "/csp-rapport/", json.dumps(REPORT), content_type="application/csp-report"
        )

    assert response.status_code == 204
    [record] = [r for r in caplog.records if r.name == "portal.csp"]
    assert record.getMessage() == (
        "CSP blocked inline on https://kreativ.example.no/aktorer/ (script-src-elem)"
    )
    assert record.line_number == "12"


def test_report_needs_no_csrf_token():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    response = strict.post("/csp-rapport/", json.dumps(REPORT), content_type="application/json")

    assert response.status_code == 204


def test_only_post_is_accepted(client):
    assert client.get("/csp-rapport/").status_code == 405


def test_garbage_is_refused(client):
    response = client.post("/csp-rapport/", "ikke json", content_type="application/json")

    assert response.status_code == 400


def test_oversized_report_is_refused_unread(client, caplog):
    body = json.dumps({"csp-report": {"blocked-uri": "x" * 20_000}})

    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = client.post("/csp-rapport/", body, content_type="application/json")

    assert response.status_code == 413
    assert not [r for r in caplog.records if r.name == "portal.csp"]


def test_bad_content_length_is_refused(client):
    response = client.post(
        "/csp-rapport/", json.dumps(REPORT), content_type="application/json", CONTENT_LENGTH="x"
    )

    assert response.status_code == 400
