from django.conf import settings
from django.utils.functional import SimpleLazyObject

from portal import permissions


def site(request):
    """Values every page needs: the contact address and the canonical site URL."""
    return {
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "SITE_URL": settings.SITE_URL,
    }


def roles(request):
    """`is_member` and `is_coordinator` for templates, from portal.permissions.

    Templates ask these instead of `user.is_authenticated` or `user.is_staff`, so
    "member" means the same on a page as in a view. Lazy: a page that never asks
    costs nothing.
    """
    user = getattr(request, "user", None)
    return {
        "is_member": SimpleLazyObject(lambda: permissions.is_member(user)),
        "is_coordinator": SimpleLazyObject(lambda: permissions.is_coordinator(user)),
    }
