from django.conf import settings


def site(request):
    """Values every page needs: the contact address and the canonical site URL."""
    return {
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "SITE_URL": settings.SITE_URL,
    }
