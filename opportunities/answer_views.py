"""Answering an opportunity: a placeholder until the answer form lands (issue 11).

The address exists so the opportunity page can link to it; the real view replaces
this module.
"""

from django.http import Http404, HttpRequest, HttpResponse


def answer(request: HttpRequest, slug: str) -> HttpResponse:
    raise Http404
