import hashlib
import logging
import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers

from portal import logging as portal_logging
from portal.cache_version import versioned_get, versioned_set

logger = logging.getLogger(__name__)
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")


class LanguageMiddleware:
    """Activate the visitor's chosen language, Norwegian Bokmål otherwise.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language:
    many Norwegians run English browsers and still expect the portal in Norwegian.
    The choice comes only from the language switch (Django's set_language view),
    which stores it in a cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class RequestIdMiddleware:
    """Give every request an id, log it with every line and return it as X-Request-ID.

    An id set by the proxy in front (nginx's $request_id, a load balancer's trace
    id) is kept so one id follows the request through every layer; anything that
    does not look like an id is replaced, so a client cannot inject text into logs.
    """

    header = "X-Request-ID"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(self.header, "")
        rid = incoming if _REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = rid  # type: ignore[attr-defined]  # for views and error pages
        # Not reset on the way out: Django logs "Not Found" and 500s after the
        # middleware has returned, and those lines need the id most. The next
        # request in this thread sets its own.
        portal_logging.request_id.set(rid)
        response = self.get_response(request)
        response.headers[self.header] = rid
        return response


class SecurityHeadersMiddleware:
    """Headers Django has no setting for: a restrictive Permissions-Policy and CORP.

    The portal uses none of these browser features, so each is switched off for
    the page and anything embedded in it.
    """

    permissions_policy = ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "autoplay",
            "camera",
            "display-capture",
            "encrypted-media",
            "fullscreen",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "picture-in-picture",
            "publickey-credentials-get",
            "screen-wake-lock",
            "sync-xhr",
            "usb",
            "xr-spatial-tracking",
        )
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        # Other sites may link to the portal's pages and images, not load them
        # into their own pages.
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-site")
        return response


class UploadLimitMiddleware:
    """Refuse a request body above MAX_UPLOAD_BYTES before anything reads it.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count uploaded files, so without
    this a large image would be streamed to disk in full before a form could say
    no. The proxy should refuse the same size first (client_max_body_size in
    docs/deploy.md); this is the limit that holds when it does not.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        # The multipart envelope (boundaries, other fields) gets a little room on top.
        if length > settings.MAX_UPLOAD_BYTES + 64 * 1024:
            response = render(
                request,
                "413.html",
                {"limit_mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024)},
                status=413,
            )
            return response
        return self.get_response(request)


class AnonymousPageCacheMiddleware:
    """Serve public pages to anonymous visitors from the cache for PAGE_CACHE_SECONDS.

    Only what every anonymous visitor would get alike is shared: a GET without a
    session or messages cookie, answered 200 without setting a cookie (a page with
    a CSRF token sets one, so forms are never shared), without a CSP nonce and
    without Cache-Control private/no-cache/no-store. The key is the language, the
    host (a forged Host header's page is never served to others) and the full URL;
    the entry holds the data version it was made for (portal/cache_version.py: every
    write to what pages show moves it on, so a change is seen on the next request). A logged-in member (who has a session cookie) always gets a page
    made for them, so never a stale or someone else's. What changes without a write
    (an event passing) may be up to PAGE_CACHE_SECONDS old; 0 switches the cache off.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.bypass_cookies = (settings.SESSION_COOKIE_NAME, "messages")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method != "GET"
            or any(name in request.COOKIES for name in self.bypass_cookies)
        ):
            return self.get_response(request)
        # The host is part of the key: a page made for a forged Host header (which the
        # host check lets through when only the port differs) is never served to others.
        url = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(url.encode()).hexdigest()
        key = f"page:{request.LANGUAGE_CODE}:{digest}"
        # Stored beside the data version it was made for: after a change to an actor
        # or event the old page is a miss, so the change is seen at once.
        version, cached = versioned_get(key)
        if not version:  # a cache outage must cost speed, not the page
            return self.get_response(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self._shareable(request, response):
            versioned_set(key, version, response, seconds)
        return response

    @staticmethod
    def _shareable(request: HttpRequest, response: HttpResponse) -> bool:
        cache_control = response.headers.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not isinstance(getattr(request, "_csp_nonce", None), str)
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )


class FriendlyNotFoundMiddleware:
    """With DEBUG on, show the portal's own 404 page instead of Django's technical one.

    `make run` is how newcomers and coordinators first meet the portal; they should
    see what visitors see. Set SHOW_TECHNICAL_404=1 to get Django's page back while
    debugging URL patterns. Installed only when DEBUG is on (see settings).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and response.headers.get("Content-Type", "").startswith("text/html")
            and not getattr(response, "is_portal_page", False)
        ):
            from portal.views import page_not_found

            return page_not_found(request, None)
        return response
