from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from actors.filters import ActorFilter
from actors.models import Actor, ActorImage, ActorRedirect
from actors.structured_data import actor_json_ld
from opportunities.querysets import open_opportunities_exist
from portal import fragments
from portal.member_pages import members_except, shared_with_members
from portal.permissions import is_coordinator, is_member

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
@shared_with_members
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
@shared_with_members
def actor_detail(request, slug: str):
    """A profile. What a member (or a visitor) who is not its owner sees is the same for
    all of them, so it is rendered once per data version and shared (portal/fragments.py);
    the owner and coordinators, who see more, get it rendered for them."""
    user = request.user
    if not is_coordinator(user):
        role = "member" if is_member(user) else "visitor"
        # The date: the open opportunities listed on the profile expire at midnight.
        state = f"{slug}@{timezone.localdate().isoformat()}"
        parts = fragments.shared_parts(
            f"profile-{role}", state, lambda: _shared_profile(request, slug)
        )
        if parts is not None and not (user.is_authenticated and parts["owner_id"] == user.pk):
            # Every member but the owner sees this page (portal/member_pages.py).
            return members_except(_page(request, parts), [parts["owner_id"]])
    # Unpublished profiles are a 404 for everyone but their owner and coordinators.
    try:
        actor = get_object_or_404(_profiles(Actor.objects.visible_to(user)), slug=slug)
    except Http404:
        # A profile merged into another (actors/merging.py): its old address moves for good.
        moved = ActorRedirect.objects.select_related("actor").filter(old_slug=slug).first()
        if moved is None or Actor.objects.filter(slug=slug).exists():
            raise
        return redirect(moved.actor, permanent=True)
    is_owner = user.is_authenticated and actor.owner_id == user.pk
    response = _page(request, _profile_parts(request, actor, is_owner=is_owner))
    response.shared_with_members = False  # made for this user: never stored for others
    return response


def _page(request, parts: dict):
    # Stored as plain text in the cache; they were rendered by our own templates.
    profile = {**parts, "head": mark_safe(parts["head"]), "body": mark_safe(parts["body"])}
    return render(request, "actors/actor_detail.html", {"profile": profile})


def _profiles(actors):
    """What a profile page shows, in a fixed number of queries."""
    return (
        actors.annotate(has_open_opportunities=open_opportunities_exist(actor_id="pk"))
        .select_related("municipality", "owner")
        .prefetch_related(
            "sectors",
            Prefetch("images", queryset=ActorImage.objects.order_by("role", "position", "pk")),
        )
    )


def _shared_profile(request, slug: str) -> dict | None:
    """The pieces of a published profile as every non-owner with this role sees it."""
    actor = _profiles(Actor.objects.published()).filter(slug=slug).first()
    if actor is None:
        return None  # not shared: the view decides (404, a moved profile, the owner's draft)
    return _profile_parts(request, actor, is_owner=False)


def _profile_parts(request, actor: Actor, *, is_owner: bool) -> dict:
    user = request.user
    context = {
        "actor": actor,
        "contact": actor.contact_for(user),
        "hidden_contact": actor.has_hidden_contact_for(user),
        "json_ld": actor_json_ld(actor, request),
        "is_owner": is_owner,
        # Asked for only when there are any: a profile without costs no query more.
        "open_opportunities": (
            list(actor.opportunities.open().newest().select_related("municipality"))
            if actor.has_open_opportunities  # type: ignore[attr-defined]  # by _profiles()
            else []
        ),
    }
    return {
        "owner_id": actor.owner_id,
        "title": actor.name,
        "description": actor.pitch,
        "head": render_to_string("actors/includes/profile_head.html", context, request),
        "body": render_to_string("actors/includes/profile_body.html", context, request),
    }
