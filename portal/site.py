"""Absolute addresses of the portal, always from SITE_URL.

Never from the request's Host header: pages are cached and shared
(portal.middleware.AnonymousPageCacheMiddleware), and JSON-LD, the sitemap, robots.txt,
feeds and e-mails leave the site, so a forged `Host: 127.0.0.1:6666` must not end up
in them (issue 9, defect 8).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


def absolute_url(path_or_url: str) -> str:
    """`/aktorer/x/` → `https://portal.example/aktorer/x/`; absolute URLs (media on an
    object store) are returned as they are."""
    if urlsplit(path_or_url).scheme in ("http", "https"):
        return path_or_url
    return f"{settings.SITE_URL}{path_or_url}"


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).netloc


def site_protocol() -> str:
    return urlsplit(settings.SITE_URL).scheme or "https"


class SiteUrlSitemap(Sitemap):
    """A sitemap whose addresses come from SITE_URL (Django's default is the request's host)."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return site_protocol()

    def get_domain(self, site=None) -> str:
        return site_domain()
