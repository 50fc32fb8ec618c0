"""Every view answers hostile input with a page, a 4xx or a form error, never a 500.

The URLs come from the URL resolver and the parameter names from every form and
filter of the portal, so a new view or form is covered without touching this test.
Run it on PostgreSQL too: NUL bytes and over-long values fail only there.
"""

import re
from urllib.parse import quote

import django_filters
import pytest
from django import forms
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import make_actor, make_coordinator, make_event, make_registration

pytestmark = pytest.mark.django_db

CORPUS = [
    "abc",
    "",
    "1.5",
    "-1",
    "0",
    "99999999999999999999999",
    "\x00",
    "x" * 3000,
    "ø😀\u202e\u200b",
    "../../etc/passwd",
]
# The admin's pages are many and slow to render; its own code is Django's, so a shorter
# corpus there: not a number, NUL, very long, unicode.
ADMIN_CORPUS = ["abc", "\x00", "x" * 3000, "ø😀\u202e\u200b"]
# Names the views read straight from the query string, beside the forms' fields.
QUERY_NAMES = {"q", "side", "neste", "next", "registration", "o", "p", "e", "token"}
_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)|<(?:(\w+):)?(\w+)>")


def _routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _fill(route: str, value_for) -> str:
    """The route with each parameter replaced, regex anchors removed."""

    def replace(match: re.Match) -> str:
        converter = match.group(2) or ("path" if match.group(1) else "str")
        name = match.group(1) or match.group(3)
        return value_for(converter, name)

    return "/" + _GROUP.sub(replace, route).replace("^", "").replace("$", "")


def _form_field_names() -> set[str]:
    """Field names of every form and filter defined in the portal's own code."""
    project = {config.name for config in _project_apps()}
    names: set[str] = set()
    stack = [forms.BaseForm, django_filters.FilterSet]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] not in project:
            continue
        names |= set(getattr(cls, "base_fields", {}) or {})
        names |= set(getattr(cls, "base_filters", {}) or {})
    return names


def _project_apps():
    from django.apps import apps

    return [c for c in apps.get_app_configs() if str(settings.BASE_DIR) in str(c.path)]


@pytest.fixture
def world():
    event = make_event()
    registration = make_registration(event)
    actor = make_actor()
    return {"slug": event.slug, "actor_slug": actor.slug, "pk": str(registration.pk)}


def _valid_value(world):
    def value_for(converter: str, name: str) -> str:
        if converter == "slug":
            return world["slug"]
        if converter == "int" or name in ("object_id", "pk", "content_type_id"):
            return world["pk"]
        return "abc"

    return value_for


def _hostile_paths(route: str, corpus: list[str]) -> list[str]:
    if not _GROUP.search(route):
        return []
    paths = []
    for value in corpus:
        quoted = quote(value, safe="") or "x"
        paths.append(_fill(route, lambda converter, name, quoted=quoted: quoted))
    return paths


def test_no_view_answers_hostile_input_with_a_500(world):
    names = sorted(_form_field_names() | QUERY_NAMES)
    assert {"q", "registration", "email", "name"} <= set(names)  # the forms were found
    coordinator = make_coordinator()
    failures = []
    routes = sorted(set(_routes()))
    assert len(routes) > 40
    for route in routes:
        for who in ("visitor", "coordinator"):
            client = Client(raise_request_exception=False)
            if who == "coordinator":
                client.force_login(coordinator)
            elif route.startswith(settings.ADMIN_URL):
                continue  # visitors are sent to the login before any parameter is read
            corpus = ADMIN_CORPUS if route.startswith(settings.ADMIN_URL) else CORPUS
            url = _fill(route, _valid_value(world))
            requests = [("get", path, {}) for path in _hostile_paths(route, corpus)]
            for value in corpus:
                data = dict.fromkeys(names, value)
                requests += [("get", url, data), ("post", url, data)]
            for method, path, data in requests:
                # Each request is undone, so a delete or log-out does not starve the rest.
                with transaction.atomic():
                    response = getattr(client, method)(path, data)
                    transaction.set_rollback(True)
                if response.status_code >= 500:
                    shown = {k: v[:20] for k, v in data.items()} if data else ""
                    failures.append(f"{who} {method.upper()} {path[:120]} {str(shown)[:80]}")
    assert failures == []
