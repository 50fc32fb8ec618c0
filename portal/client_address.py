"""The address a request came from, for per-sender limits.

Behind the reverse proxy every request reaches gunicorn from 127.0.0.1, which would
put every visitor under one limit. When the direct peer is a trusted proxy
(settings.TRUSTED_PROXIES) the last address it added to X-Forwarded-For is the
client's; entries further left are written by the client and cannot be trusted.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    peer = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if peer in settings.TRUSTED_PROXIES and forwarded:
        return forwarded.split(",")[-1].strip()
    return peer
