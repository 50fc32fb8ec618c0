"""Pages that are the same for every member, served to members from the cache.

The anonymous page cache (portal.middleware.AnonymousPageCacheMiddleware) never
serves a logged-in member: their header holds their own "Min side" link and a log-out
form with their CSRF token. Yet the home page, the directory and a profile are
otherwise the same for every member (what differs by role, such as contact details,
is the same for all members). A view marked @shared_with_members says so; its page is
stored once per URL, language and data version with the header's account links cut
out, and each member gets it with their own account links rendered into it.

Only what is safe to share is stored and served:
- members only (confirmed accounts that are not coordinators, who see more);
- a GET answered 200 by a marked view, without a CSP nonce, and with no CSRF token
  outside the account links (a form in the page would carry someone else's token);
- never while the member has messages waiting (they are shown on the next page);
- never to a member the view named as seeing more (the owner of a profile).

A write to what pages show moves the data version on (portal/cache_version.py), so
a change is seen on the next request; PAGE_CACHE_SECONDS bounds the rest, as for
visitors, and 0 switches this off too.
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from portal.cache_version import versioned_get, versioned_set
from portal.permissions import is_coordinator, is_member

# The account links (templates/includes/account_links.html) are marked so they can be
# cut out of a stored page and rendered anew for each member.
PERSONAL_START = "<!--personal-->"
PERSONAL_END = "<!--/personal-->"
PLACEHOLDER = "<!--personal:account-links-->"
ACCOUNT_LINKS = "includes/account_links.html"


def shared_with_members(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view's page is the same for every member apart from the header's account
    links: members may be served it from the cache. A view that answers some member
    differently sets `response.members_except` (their user ids) or, for a page made
    for one member only, `response.shared_with_members = False`."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not hasattr(response, "shared_with_members"):
            response.shared_with_members = True  # type: ignore[attr-defined]
        return response

    # Read by the middleware before the view runs (decorators around this one copy it).
    wrapper.shared_with_members = True  # type: ignore[attr-defined]
    return wrapper


def members_except(response: HttpResponse, user_ids: Iterable[int | None]) -> HttpResponse:
    """Mark a shared page as not for these members (they get their own)."""
    response.members_except = frozenset(i for i in user_ids if i is not None)  # type: ignore[attr-defined]
    return response


@dataclass(frozen=True)
class _Entry:
    content: str  # with PLACEHOLDER where the account links go
    content_type: str
    members_except: frozenset[int]

    def response_for(self, request: HttpRequest) -> HttpResponse:
        links = render_to_string(ACCOUNT_LINKS, request=request)
        return HttpResponse(
            self.content.replace(PLACEHOLDER, links, 1), content_type=self.content_type
        )


class MemberPageCacheMiddleware:
    """Serve @shared_with_members pages to members from the cache (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Set by process_view when the view is shared and no current copy was found.
        missed = getattr(request, "_member_page_missed", None)
        if missed is not None:
            key, version = missed
            entry = self._entry(request, response)
            if entry is not None:
                versioned_set(key, version, entry, settings.PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        # Asked only for a marked view, so other pages (robots.txt, feeds, forms) do not
        # load the session and the account for nothing.
        if (
            not getattr(view_func, "shared_with_members", False)
            or not settings.PAGE_CACHE_SECONDS
            or not self._member_get(request)
        ):
            return None
        # As for visitors: the host is in the key, so a forged Host's page stays its own.
        url = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(url.encode()).hexdigest()
        key = f"member-page:{request.LANGUAGE_CODE}:{digest}"
        version, entry = versioned_get(key)
        if not version:  # no cache to know what is current
            return None
        if entry is None:
            request._member_page_missed = (key, version)  # type: ignore[attr-defined]
            return None
        if request.user.pk in entry.members_except:
            return None  # they see more: their own page, and the shared copy stays
        return entry.response_for(request)

    @staticmethod
    def _member_get(request: HttpRequest) -> bool:
        user = request.user
        return (
            request.method == "GET"
            and is_member(user)
            and not is_coordinator(user)
            and not _messages_waiting(request)
        )

    @staticmethod
    def _entry(request: HttpRequest, response: HttpResponse) -> _Entry | None:
        if (
            response.status_code != 200
            or response.streaming
            or getattr(response, "shared_with_members", False) is not True
            or isinstance(getattr(request, "_csp_nonce", None), str)
            or (getattr(request, "_messages", None) is not None and request._messages.added_new)  # type: ignore[attr-defined]
        ):
            return None
        content = response.content.decode(response.charset)
        start, end = content.find(PERSONAL_START), content.find(PERSONAL_END)
        if start < 0 or end < start or content.count(PERSONAL_START) != 1:
            return None
        shared = content[:start] + PLACEHOLDER + content[end + len(PERSONAL_END) :]
        if "csrfmiddlewaretoken" in shared:  # a form in the page: its token is this member's
            return None
        return _Entry(
            content=shared,
            content_type=response["Content-Type"],
            members_except=getattr(response, "members_except", frozenset()),
        )


def _messages_waiting(request: HttpRequest) -> bool:
    # Django's default message storage keeps them in a cookie, or in the session when
    # they do not fit; either way they belong on the next page this member sees.
    return "messages" in request.COOKIES or "_messages" in request.session
