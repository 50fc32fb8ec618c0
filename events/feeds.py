from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.dates import format_event_time
from events.models import Event
from portal.site import absolute_url
from portal.validators import clean_text


class UpcomingEventsFeed(Feed):
    title = _("Kommende arrangementer – Kreative Øvre Romerike")
    description = _(
        "Nettverksmøter, treff og kurs for kultur- og kreative næringer på Øvre Romerike."
    )

    # Absolute addresses from SITE_URL: Django would otherwise add the request's Host.
    def link(self) -> str:
        return absolute_url(reverse("events:list"))

    def feed_url(self) -> str:
        return absolute_url(reverse("events:feed"))

    def item_link(self, item: Event) -> str:
        return absolute_url(item.get_absolute_url())

    def items(self):
        return Event.objects.published().upcoming().select_related("venue")[:50]

    # clean_text: XML 1.0 cannot hold control characters, and stored text may have them.
    def item_title(self, item: Event) -> str:
        return clean_text(item.title)

    def item_description(self, item: Event) -> str:
        place = f" · {item.place}" if item.place else ""
        return clean_text(
            f"{format_event_time(item.starts_at, item.ends_at)}{place}. {item.summary}"
        )

    def item_pubdate(self, item: Event):
        return item.created_at

    def item_updateddate(self, item: Event):
        return item.updated_at
