"""Tiny views for tests/portal/test_page_cache_rules.py: one answer per rule of the cache.

Each answers with a new number in X-Svar on every call, so a test sees at once
whether its second request was answered from the cache.
"""

import itertools

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

_calls = itertools.count(1)


def _fresh(request, status: int = 200, **headers) -> HttpResponse:
    response = HttpResponse("svar", status=status)
    response["X-Svar"] = str(next(_calls))
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def plain(request):
    return _fresh(request)


def private(request):
    return _fresh(request, Cache_Control="private, max-age=60")


def no_cache(request):
    return _fresh(request, Cache_Control="no-cache")


def no_store(request):
    return _fresh(request, Cache_Control="no-store")


def not_found(request):
    response = _fresh(request, status=404)
    response.is_portal_page = True  # FriendlyNotFoundMiddleware (DEBUG) leaves it alone
    return response


def created(request):
    return _fresh(request, status=201)


def streaming(request):
    response = StreamingHttpResponse(iter(["strøm"]))
    response["X-Svar"] = str(next(_calls))
    return response


def with_nonce(request):
    # Reading the nonce makes the page carry it; django-csp then puts it in the header.
    response = HttpResponse(f"nonce {request.csp_nonce}")
    response["X-Svar"] = str(next(_calls))
    return response


urlpatterns = [
    path("vanlig/", plain),
    path("privat/", private),
    path("no-cache/", no_cache),
    path("no-store/", no_store),
    path("mangler/", not_found),
    path("opprettet/", created),
    path("strom/", streaming),
    path("nonce/", with_nonce),
    *portal_urlpatterns,  # the layout and 404 page link to the portal's own pages
]
