from actors.models import Actor
from portal.site import SiteUrlSitemap as Sitemap


class ActorSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Actor.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, actor: Actor):
        return actor.updated_at
