from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string, select_template
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from actors.models import Actor
from events.models import Event
from opportunities.models import Opportunity
from portal import accessibility as statement
from portal import fragments
from portal.member_pages import shared_with_members
from portal.site import absolute_url

HOME_OPPORTUNITIES = 3


@require_GET
@shared_with_members
def home(request):
    # The same for everyone: shared between users (portal/fragments.py). The date is in
    # the key: an opportunity leaves the page when its deadline passes, with no write.
    body = fragments.shared("home", timezone.localdate().isoformat(), lambda: _home_body(request))
    return render(request, "portal/home.html", {"body": body})


def _home_body(request) -> str:
    newest_actors = Actor.objects.published().newest().for_cards()[:6]
    upcoming_events = Event.objects.published().upcoming().for_cards()[:3]
    opportunities = Opportunity.objects.open().for_home().for_cards()[:HOME_OPPORTUNITIES]
    return render_to_string(
        "portal/includes/home_body.html",
        {
            "newest_actors": newest_actors,
            "upcoming_events": upcoming_events,
            "opportunities": opportunities,
        },
        request=request,
    )


def _text_page(request, page: str, title: str | Promise, **context):
    """A page of prose written once per language: templates/portal/pages/<page>.<lang>.html."""
    body = select_template(
        [f"portal/pages/{page}.{get_language()}.html", f"portal/pages/{page}.nb.html"]
    )
    return render(
        request,
        "portal/text_page.html",
        {"title": title, "body_template": body.template.name, **context},
    )


@require_GET
def about(request):
    return _text_page(request, "about", _("Om nettverket"))


@require_GET
def privacy(request):
    # The periods are the ones `manage.py apply_retention` applies (one source).
    return _text_page(request, "privacy", _("Personvernerklæring"), retention=settings.RETENTION)


@require_GET
def accessibility(request):
    return _text_page(
        request,
        "accessibility",
        _("Tilgjengelighetserklæring"),
        criteria=statement.CRITERIA,
        breaches=statement.BREACHES,
        counts=statement.summary(),
        last_tested=statement.LAST_TESTED,
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /sprak/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def set_language(request, code: str):
    """Switch language with a plain link (works without JavaScript and without a form).

    Only the language cookie changes, so a GET is safe; `neste` says where to go back to.
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("neste", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        # Django's own setting, one of the values set_cookie takes; the stubs say str.
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )
    return response


def page_not_found(request, exception):
    response = render(request, "404.html", status=404)
    # A marker that FriendlyNotFoundMiddleware reads to leave this response alone.
    response.is_portal_page = True  # type: ignore[attr-defined]
    return response


def bad_request(request, exception=None, reason: str = ""):
    """400: also Django's handler for suspicious requests (a forged Host header)."""
    return render(request, "400.html", {"reason": reason}, status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason: str = ""):
    """A form sent without its security token (an old tab, cookies blocked): the
    portal's own page in the visitor's language, not Django's English one."""
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    # Rendered without the request context: the error may have come from it.
    return render(request, "500.html", {"CONTACT_EMAIL": settings.CONTACT_EMAIL}, status=500)


def media(request, path: str) -> HttpResponseBase:
    """Uploaded files in development, as django.views.static.serve, but an address the
    file system cannot even look up (a name too long, a NUL) is a 404, not a 500."""
    from django.views.static import serve

    try:
        return serve(request, path, document_root=str(settings.MEDIA_ROOT))
    except (OSError, ValueError) as error:
        raise Http404 from error
