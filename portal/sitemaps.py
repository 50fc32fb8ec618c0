from django.urls import reverse

from portal.site import SiteUrlSitemap as Sitemap


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> list[str]:
        return ["home", "about", "privacy", "accessibility", "actors:list", "events:list"]

    def location(self, item: str) -> str:
        return reverse(item)


# Each app adds its own sitemap here (actors, events).
sitemaps: dict[str, type[Sitemap]] = {"pages": StaticPagesSitemap}

from events.sitemaps import EventSitemap  # noqa: E402

sitemaps["events"] = EventSitemap

from actors.sitemaps import ActorSitemap  # noqa: E402

sitemaps["actors"] = ActorSitemap
