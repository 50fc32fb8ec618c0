from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from actors.filters import ActorFilter
from actors.models import Actor, ActorImage, ActorRedirect
from actors.structured_data import actor_json_ld
from opportunities.querysets import open_opportunities_exist
from portal import fragments

PAGE_SIZE = 24


class CountedPaginator(Paginator):
    """A paginator told the number of results, which the facet counts already gave."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


DIRECTORY_STATE = (
    "q",
    "kommune",
    "bransje",
    "type",
    "samarbeid",
    "booking",
    "muligheter",
    "sortering",
    "side",
)


@require_GET
def actor_list(request):
    # The form and results are the same for everyone with the same filters: shared.
    body = fragments.shared(
        "directory",
        fragments.state_of(request, DIRECTORY_STATE),
        lambda: _directory_body(request),
    )
    query = (request.GET.get("q") or "").strip()
    return render(request, "actors/actor_list.html", {"body": body, "query": query})


def _directory_body(request) -> str:
    actor_filter = ActorFilter(request.GET, queryset=Actor.objects.published())
    facets = actor_filter.facets()
    paginator = CountedPaginator(actor_filter.qs.for_cards(), PAGE_SIZE, count=facets.result_count)
    page_obj = paginator.get_page(request.GET.get("side"))
    partial = [] if paginator.count else actor_filter.partial_matches(PAGE_SIZE)
    return render_to_string(
        "actors/includes/directory_body.html",
        {"filter": actor_filter, "facets": facets.groups, "page_obj": page_obj, "partial": partial},
        request=request,
    )


@require_GET
def actor_detail(request, slug: str):
    # Unpublished profiles are a 404 for everyone but their owner and coordinators.
    try:
        actor = get_object_or_404(
            Actor.objects.visible_to(request.user)
            .annotate(has_open_opportunities=open_opportunities_exist(actor_id="pk"))
            .select_related("municipality", "owner")
            .prefetch_related(
                "sectors",
                Prefetch("images", queryset=ActorImage.objects.order_by("role", "position", "pk")),
            ),
            slug=slug,
        )
    except Http404:
        # A profile merged into another (actors/merging.py): its old address moves for good.
        moved = ActorRedirect.objects.select_related("actor").filter(old_slug=slug).first()
        if moved is None or Actor.objects.filter(slug=slug).exists():
            raise
        return redirect(moved.actor, permanent=True)
    return render(
        request,
        "actors/actor_detail.html",
        {
            "actor": actor,
            "contact": actor.contact_for(request.user),
            "hidden_contact": actor.has_hidden_contact_for(request.user),
            "json_ld": actor_json_ld(actor, request),
            "is_owner": request.user.is_authenticated and actor.owner_id == request.user.pk,
            # Asked for only when there are any: a profile without costs no query more.
            "open_opportunities": (
                list(actor.opportunities.open().newest().select_related("municipality"))
                if actor.has_open_opportunities
                else []
            ),
        },
    )
