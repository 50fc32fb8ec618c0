"""The address a request came from, for per-sender limits: one rule for the whole portal.

Behind the reverse proxy every request reaches gunicorn from the proxy's address,
which would put every visitor under one limit. The login throttling (django-allauth)
already knows how many proxies to trust (ALLAUTH_TRUSTED_PROXY_COUNT, from the
environment's TRUSTED_PROXY_COUNT) and takes the client from X-Forwarded-For
accordingly; every other limit asks the same function, so a proxy is configured once.
"""

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no address at all: count such requests together
        return "unknown"
