"""Who may see what: the portal's one vocabulary for members and coordinators.

Every rule that depends on who the visitor is asks these functions, never
`user.is_authenticated` or `user.is_staff` directly, so "member" and
"coordinator" each mean one thing everywhere:

- a *coordinator* runs the network from the admin (an active staff account);
- a *member* is someone with a confirmed account; coordinators count as members.

A visitor (anonymous, or an account that is not yet confirmed) is neither.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def is_coordinator(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def is_member(user) -> bool:
    """A confirmed account: sees members-only contact details and participant lists."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return is_coordinator(user) or has_confirmed_email(user)


def has_confirmed_email(user) -> bool:
    """The account's primary e-mail address is confirmed (allauth's signed link).

    Remembered on the user object: a page asks several times per request.
    """
    cached = getattr(user, "_has_confirmed_email", None)
    if cached is None:
        from allauth.account.models import EmailAddress

        cached = EmailAddress.objects.filter(user=user, primary=True, verified=True).exists()
        user._has_confirmed_email = cached
    return cached


def coordinator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Coordinators only: visitors are asked to log in, everyone else is refused (403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_coordinator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def member_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Members only: visitors are asked to log in; an account that is not confirmed yet
    is told what to do (403), since logging in again would not help."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_member(request.user):
            return render(request, "portal/member_required.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
