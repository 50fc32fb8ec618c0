"""An Atom feed of the open opportunities, filtered by the same parameters as the list.

`/samarbeid/feed/?bransje=musikk&kommune=nes` holds what the list with those filters
shows (first page order: featured, then newest), so a feed reader can follow one
corner of the board.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import formats
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from opportunities.filters import LIST_STATE, OpportunityFilter
from opportunities.models import Opportunity
from opportunities.querysets import today
from portal import fragments
from portal.site import absolute_url
from portal.validators import clean_text

FEED_SIZE = 50


class OpenOpportunitiesFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Samarbeidsmuligheter – Kreative Øvre Romerike")
    subtitle = gettext_lazy(
        "Åpne utlysninger, oppdrag og ønsker om samarbeid i kultur- og kreative næringer "
        "på Øvre Romerike."
    )

    def get_object(self, request, *args, **kwargs):
        # The filters are the "object": items() and the links read them.
        return OpportunityFilter(request.GET, queryset=Opportunity.objects.open())

    # Absolute addresses from SITE_URL: Django would otherwise add the request's Host.
    def link(self, obj: OpportunityFilter) -> str:
        return absolute_url(reverse("opportunities:list") + _query(obj))

    def feed_url(self, obj: OpportunityFilter) -> str:
        return absolute_url(reverse("opportunities:feed") + _query(obj))

    def items(self, obj: OpportunityFilter):
        return obj.qs.for_cards()[:FEED_SIZE]

    def item_link(self, item: Opportunity) -> str:
        return absolute_url(item.get_absolute_url())

    # clean_text: XML 1.0 cannot hold control characters, and stored text may have them.
    def item_title(self, item: Opportunity) -> str:
        return clean_text(f"{item.get_kind_display()}: {item.title}")

    def item_description(self, item: Opportunity) -> str:
        deadline = formats.date_format(item.deadline, "DATE_FORMAT")
        facts = _("%(poster)s · %(place)s · frist %(deadline)s") % {
            "poster": item.actor.name,
            "place": item.place_name,
            "deadline": deadline,
        }
        return clean_text(f"{facts}. {item.description}", multiline=True)

    def item_author_name(self, item: Opportunity) -> str:
        return clean_text(item.actor.name)

    def item_pubdate(self, item: Opportunity):
        return item.created_at

    def item_updateddate(self, item: Opportunity):
        return item.updated_at


@require_safe
def open_opportunities_feed(request: HttpRequest) -> HttpResponse:
    """The feed, shared like the list (portal/fragments.py): readers poll it, and
    rendering fifty entries costs more than a page of cards."""
    state = f"{fragments.state_of(request, LIST_STATE)}@{today().isoformat()}"
    body = fragments.shared(
        "opportunities-feed",
        state,
        lambda: OpenOpportunitiesFeed()(request).content.decode(),
    )
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")


def _query(opportunity_filter: OpportunityFilter) -> str:
    data = opportunity_filter.data.copy() if opportunity_filter.is_bound else None
    if not data:
        return ""
    for name in list(data):
        if name not in ("q", "type", "bransje", "kommune"):
            data.pop(name)
    encoded = data.urlencode()
    return f"?{encoded}" if encoded else ""
