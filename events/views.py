from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from actors.models import Actor
from events import services
from events.calendar import calendar_bytes
from events.forms import (
    CheckinSearchForm,
    CheckinToggleForm,
    EventFilterForm,
    RegistrationForm,
    WalkInForm,
)
from events.links import BadLink, registration_from_token
from events.models import RECENT_DAYS, Event, Registration
from events.services import (
    AlreadyRegistered,
    RegistrationRefused,
    TooBusy,
    cancel_registration,
    register,
)
from events.structured_data import event_json_ld
from opportunities.querysets import open_opportunities_exist
from portal import fragments, ratelimit
from portal.client_address import client_address
from portal.member_pages import shared_with_members
from portal.permissions import coordinator_required, is_member
from portal.views import bad_request

PAGE_SIZE = 12


EVENT_LIST_STATE = ("vis", "ar", "type", "kommune", "side")


@require_GET
@shared_with_members
def event_list(request: HttpRequest) -> HttpResponse:
    # The same for everyone with the same filters: shared (portal/fragments.py).
    state = fragments.state_of(request, EVENT_LIST_STATE)
    body = fragments.shared("events", state, lambda: _event_list_body(request))
    showing_past = request.GET.get("vis") == "tidligere"
    return render(request, "events/event_list.html", {"body": body, "showing_past": showing_past})


def _event_list_body(request: HttpRequest) -> str:
    published = Event.objects.published()
    form = EventFilterForm(request.GET, years=published.past_years())
    filters = form.filters()
    events = published.for_cards().listed(**filters)
    page_obj = Paginator(events, PAGE_SIZE).get_page(request.GET.get("side"))
    return render_to_string(
        "events/includes/event_list_body.html",
        {
            "form": form,
            "page_obj": page_obj,
            "events": page_obj.object_list,
            "showing_past": filters["past"],
            "is_filtered": bool(filters["kind"] or filters["municipality"] or filters["year"]),
        },
        request=request,
    )


def _initial_for(user) -> dict:
    """Prefill the form for a member from their account and profile."""
    if not is_member(user):
        return {}
    actor = Actor.objects.owned_by(user).select_related("municipality").first()
    initial = {"name": user.get_full_name(), "email": user.email}
    if actor is not None:
        initial.update(organisation=actor.name, municipality=actor.municipality)
    return initial


def _registration_post(request: HttpRequest, event: Event, closed_reason: str):
    """Handle a registration: a redirect when it is done or refused, else the bound form
    with its errors for the page to show again (what was typed kept)."""
    form = RegistrationForm(request.POST)
    if closed_reason:
        messages.error(request, closed_reason)
        return redirect(event)
    if form.is_valid() and _too_many_registrations(request, form.cleaned_data["email"]):
        form.add_error(None, TOO_MANY)
        form.status = 429  # type: ignore[attr-defined]  # read by the views below
    elif form.is_valid():
        actor = Actor.objects.owned_by(request.user).first()
        try:
            registration = register(
                event=event, user=request.user, actor=actor, **form.cleaned_data
            )
        except AlreadyRegistered as error:
            form.add_error("email", str(error))
        except TooBusy as error:
            # Nothing was saved; the form keeps what they typed for the next try.
            form.add_error(None, str(error))
            form.status = 503  # type: ignore[attr-defined]  # read by the views below
        except RegistrationRefused as error:
            form.add_error(None, str(error))
        else:
            _tell_registered(request, registration)
            # The form posts to #pamelding and browsers keep that fragment through a
            # redirect without one; #main brings the visitor to the message instead.
            return redirect(f"{event.get_absolute_url()}#main")
    return form


TOO_MANY = gettext_lazy(
    "Det er kommet mange påmeldinger fra deg på kort tid, så vi tar en pause. "
    "Prøv igjen om en time, eller skriv til oss hvis du melder på mange."
)


def _too_many_registrations(request: HttpRequest, email: str) -> bool:
    """Per client address and per e-mail address and hour: each one sends an e-mail."""
    period = 60 * 60
    return not (
        ratelimit.hit(
            "registration-address",
            client_address(request),
            limit=settings.REGISTRATION_LIMIT_PER_ADDRESS,
            period=period,
        )
        and ratelimit.hit(
            "registration-email", email, limit=settings.REGISTRATION_LIMIT_PER_EMAIL, period=period
        )
    )


def _event_for(request: HttpRequest, slug: str) -> Event:
    return get_object_or_404(
        Event.objects.visible_to(request.user)
        .with_counts()
        .annotate(has_open_opportunities=open_opportunities_exist(events="pk"))
        .select_related("venue", "municipality"),
        slug=slug,
    )


@require_http_methods(["GET", "POST"])
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The event. A visitor gets a page without a form (the form, with its CSRF token,
    is a step of its own: event_register), so the page can be served to every visitor
    from the page cache; a member gets the form prefilled on the page."""
    event = _event_for(request, slug)
    closed_reason = event.registration_closed_reason()
    form = None
    if request.method == "POST":
        form = _registration_post(request, event, closed_reason)
        if isinstance(form, HttpResponse):
            return form
    elif request.user.is_authenticated:
        form = RegistrationForm(initial=_initial_for(request.user))
    participants = None
    if is_member(request.user):
        participants = list(event.registrations.public_participants())
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "speakers": event.speakers.select_related("actor"),
            "programme": [line for line in event.programme.splitlines() if line.strip()],
            "form": form,
            "closed_reason": closed_reason,
            "participants": participants,
            "json_ld": event_json_ld(event),
            # Asked for only when there are any: an event without costs no query more.
            "open_opportunities": (
                list(event.opportunities.open().newest().for_cards())
                if getattr(event, "has_open_opportunities", False)
                else []
            ),
        },
        status=getattr(form, "status", 200),
    )


@require_http_methods(["GET", "POST"])
def event_register(request: HttpRequest, slug: str) -> HttpResponse:
    """The registration form on a page of its own (linked from the event page)."""
    event = _event_for(request, slug)
    closed_reason = event.registration_closed_reason()
    if request.method == "POST":
        form = _registration_post(request, event, closed_reason)
        if isinstance(form, HttpResponse):
            return form
    else:
        form = RegistrationForm(initial=_initial_for(request.user))
    return render(
        request,
        "events/register.html",
        {"event": event, "form": form, "closed_reason": closed_reason},
        status=getattr(form, "status", 200),
    )


def _tell_registered(request: HttpRequest, registration: Registration) -> None:
    if registration.status == Registration.Status.WAITING:
        messages.warning(
            request,
            _(
                "Arrangementet er fullt. Du står som nr. %(position)s på ventelisten. "
                "Får du plass, sender vi en e-post til %(email)s."
            )
            % {"position": registration.waiting_position(), "email": registration.email},
        )
    else:
        messages.success(
            request,
            _("Takk, du er påmeldt! Vi har sendt en bekreftelse til %(email)s.")
            % {"email": registration.email},
        )


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The cancel link from the e-mail: a page that asks first, then a POST that cancels."""
    try:
        registration = registration_from_token(token)
    except BadLink as error:
        return render(request, "events/cancel_invalid.html", {"reason": str(error)}, status=400)
    event = registration.event
    is_cancelled = registration.status == Registration.Status.CANCELLED
    if request.method == "POST" and not is_cancelled and not event.is_past:
        cancel_registration(registration=registration)
        messages.success(request, _("Du er meldt av. Takk for at du sa fra!"))
        return redirect("events:cancel", token=token)
    return render(
        request,
        "events/cancel.html",
        {
            "registration": registration,
            "event": event,
            "is_cancelled": is_cancelled,
            "token": token,
        },
    )


@coordinator_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, slug: str) -> HttpResponse:
    """Tick people in at the door. With JavaScript the row changes in place (JSON);
    without it, a plain form that comes back to the same search and row."""
    event = get_object_or_404(Event, slug=slug)
    search = CheckinSearchForm(request.GET)
    if not search.is_valid():
        return bad_request(
            request, reason=_("Søket kan ikke inneholde kontrolltegn eller være så langt.")
        )
    query = search.cleaned_data["q"].strip()
    walk_in_form = WalkInForm(event=event)
    if request.method == "POST" and "registration" in request.POST:
        return _check_in(request, event, query)
    if request.method == "POST":
        walk_in_form = WalkInForm(request.POST, event=event)
        if walk_in_form.is_valid():
            registration = services.add_walk_in(event=event, **walk_in_form.cleaned_data)
            messages.success(
                request, _("%(name)s er lagt til og sjekket inn.") % {"name": registration.name}
            )
            return redirect(_checkin_url(event, "", registration))
    return render(
        request,
        "events/checkin.html",
        {
            "event": event,
            "registrations": event.registrations.for_checkin(query),
            "query": query,
            "counts": services.checkin_counts(event),
            "walk_in_form": walk_in_form,
        },
        status=400 if walk_in_form.errors else 200,
    )


def _checkin_url(event: Event, query: str, registration: Registration) -> str:
    url = reverse("events:checkin", args=[event.slug])
    if query:
        url += "?" + urlencode({"q": query})
    return f"{url}#r-{registration.pk}"


def _check_in(request: HttpRequest, event: Event, query: str) -> HttpResponse:
    toggle = CheckinToggleForm(request.POST)
    if not toggle.is_valid():
        return bad_request(request, reason=_("Vi forstod ikke hvilken påmelding du trykket på."))
    registration = get_object_or_404(
        event.registrations.active(), pk=toggle.cleaned_data["registration"]
    )
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        registration = services.check_in(
            registration=registration,
            waiting_list_confirmed=request.POST.get("confirm") == "1",
        )
    except services.NeedsConfirmation:
        question = _("%(name)s står på ventelisten. Vil du sjekke inn likevel?") % {
            "name": registration.name
        }
        if wants_json:
            return JsonResponse({"confirm": question}, status=409)
        return render(
            request,
            "events/checkin_confirm.html",
            {"event": event, "registration": registration, "question": question, "query": query},
        )
    if wants_json:
        return JsonResponse(
            {
                "id": registration.pk,
                "attended": registration.attended,
                "waiting": registration.status == Registration.Status.WAITING,
                "counts": services.checkin_counts(event),
            }
        )
    return redirect(_checkin_url(event, query, registration))


def _ics_response(content: bytes, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.published().select_related("venue"), slug=slug)
    return _ics_response(calendar_bytes([event], event.title), f"{event.slug}.ics", True)


@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Subscribable calendar: everything upcoming and the last few months."""
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    events = (
        Event.objects.published()
        .filter(ends_at__gte=since)
        .select_related("venue")
        .order_by("starts_at")
    )
    name = _("Kreative Øvre Romerike – arrangementer")
    return _ics_response(calendar_bytes(events, name), "kreative-ovre-romerike.ics", False)
