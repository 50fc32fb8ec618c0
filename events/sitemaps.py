from events.models import Event
from portal.site import SiteUrlSitemap as Sitemap


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("-starts_at")

    def lastmod(self, item: Event):
        return item.updated_at
