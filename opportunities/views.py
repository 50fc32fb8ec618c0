"""Samarbeidstorget's pages: the list with filters, an opportunity, and the member's own.

Every page that changes an opportunity finds it through
Opportunity.objects.posted_by(request.user), so someone else's is a 404, never a 403
that would confirm it exists. Coordinators feature, hide and close any of them in
the admin.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actors.models import Actor, ActorImage
from actors.views import CountedPaginator
from events.models import Event
from opportunities.filters import FACET_GROUPS, LIST_STATE, OpportunityFilter
from opportunities.forms import CloseForm, OpportunityForm
from opportunities.models import Opportunity
from opportunities.querysets import today
from portal import fragments
from portal.member_pages import shared_with_members
from portal.permissions import member_required

PAGE_SIZE = 24


@require_GET
@shared_with_members
def opportunity_list(request: HttpRequest) -> HttpResponse:
    # The same for everyone with the same filters: shared (portal/fragments.py). The
    # date is part of the key: an opportunity leaves the list when its deadline passes.
    state = f"{fragments.state_of(request, LIST_STATE)}@{today().isoformat()}"
    body = fragments.shared("opportunities", state, lambda: _list_body(request))
    return render(
        request,
        "opportunities/opportunity_list.html",
        {"body": body, "title": _list_title(request), "feed_query": _feed_query(request)},
    )


def _list_body(request: HttpRequest) -> str:
    opportunity_filter = OpportunityFilter(request.GET, queryset=Opportunity.objects.open())
    facets = opportunity_filter.facets()
    paginator = CountedPaginator(
        opportunity_filter.qs.for_cards(), PAGE_SIZE, count=facets.result_count
    )
    page_obj = paginator.get_page(request.GET.get("side"))
    return render_to_string(
        "opportunities/includes/list_body.html",
        {"filter": opportunity_filter, "facets": facets.groups, "page_obj": page_obj},
        request=request,
    )


def _list_title(request: HttpRequest) -> str:
    """A title of its own for a search, filtered results and every page after the first."""
    query = (request.GET.get("q") or "").strip()[:100]
    ticked = sum(1 for name in FACET_GROUPS for value in request.GET.getlist(name) if value)
    if query:
        title = _("Søk etter «%(query)s» i samarbeidsmuligheter") % {"query": query}
    elif ticked:
        title = _("Samarbeidsmuligheter, filtrert (%(count)s valg)") % {"count": ticked}
    else:
        title = _("Samarbeidsmuligheter")
    page = request.GET.get("side", "")
    if page.isdigit() and int(page) > 1:
        title = _("%(title)s – side %(page)s") % {"title": title, "page": page}
    return title


def _feed_query(request: HttpRequest) -> str:
    """The list's filters for the feed link: the same parameters, without the page."""
    params = request.GET.copy()
    params.pop("side", None)
    for name in list(params):
        if name not in LIST_STATE:
            params.pop(name)
    return params.urlencode()


@require_GET
def opportunity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Hidden ones, and those of unpublished profiles, are a 404 but for owner and coordinators.
    opportunity = get_object_or_404(
        Opportunity.objects.visible_to(request.user)
        .select_related("actor__municipality", "municipality")
        .prefetch_related(
            "sectors",
            Prefetch(
                "actor__images",
                queryset=ActorImage.objects.order_by("role", "position", "pk"),
            ),
            Prefetch(
                "events",
                queryset=Event.objects.published().order_by("starts_at", "pk"),
                to_attr="related_events",
            ),
        ),
        slug=slug,
    )
    user = request.user
    is_owner = user.is_authenticated and opportunity.actor.owner_id == user.pk
    return render(
        request,
        "opportunities/opportunity_detail.html",
        {
            "opportunity": opportunity,
            "actor": opportunity.actor,
            "is_owner": is_owner,
            "close_form": CloseForm() if is_owner else None,
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request: HttpRequest) -> HttpResponse:
    if not Actor.objects.owned_by(request.user).exists():
        return render(request, "opportunities/needs_profile.html")
    form = OpportunityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        opportunity = form.save(commit=False)
        opportunity.created_by = request.user
        opportunity.save()
        form.save_m2m()
        if opportunity.actor.is_published:
            messages.success(request, _("Muligheten er lagt ut på Samarbeidstorget."))
        else:
            messages.success(
                request,
                _("Muligheten er lagret. Den vises for alle når profilen din er godkjent."),
            )
        return redirect(opportunity)
    return _form_page(request, form)


@member_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _own(request, slug)
    form = OpportunityForm(request.POST or None, instance=opportunity, user=request.user)
    if request.method == "POST" and form.is_valid():
        opportunity = form.save()
        messages.success(request, _("Endringene er lagret."))
        return redirect(opportunity)
    return _form_page(request, form, opportunity)


def _form_page(request, form, opportunity=None) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "opportunity": opportunity}
    return render(request, "opportunities/opportunity_form.html", context, status=status)


@member_required
@require_POST
def opportunity_close(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _own(request, slug)
    form = CloseForm(request.POST)
    form.is_valid()  # one optional box: never invalid
    opportunity.close(filled=bool(form.cleaned_data.get("filled")))
    if opportunity.filled:
        messages.success(request, _("Muligheten er lukket. Så bra at dere fikk treff!"))
    else:
        messages.success(request, _("Muligheten er lukket og vises ikke lenger i oversikten."))
    return redirect(opportunity)


@member_required
@require_POST
def opportunity_reopen(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _own(request, slug)
    if opportunity.deadline < today():
        messages.error(
            request, _("Fristen har gått ut. Sett en ny frist, så kan du åpne muligheten igjen.")
        )
        return redirect("opportunities:edit", slug=opportunity.slug)
    opportunity.reopen()
    messages.success(request, _("Muligheten er åpnet igjen."))
    return redirect(opportunity)


def _own(request: HttpRequest, slug: str) -> Opportunity:
    return get_object_or_404(
        Opportunity.objects.posted_by(request.user).select_related("actor"), slug=slug
    )


@member_required
@require_GET
def my_opportunities(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opportunities/my_opportunities.html",
        {"section": my_opportunities_context(request)},
    )


def my_opportunities_context(request: HttpRequest) -> dict:
    """The "Mine muligheter" section, on its own page and on /min-side/ (accounts/sections.py)."""
    return {
        "my_opportunities": list(
            Opportunity.objects.posted_by(request.user)
            .select_related("actor")
            .with_answer_counts()
            .newest()
        ),
        "has_profile": Actor.objects.owned_by(request.user).exists(),
    }
