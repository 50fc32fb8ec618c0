"""The member's own page, /min-side/: registrations, settings, their data.

Every view here acts on request.user only; another member's registration is
found through Registration.objects.of_member(request.user) or not at all (404).
Login, sign-up, confirmation and passwords are allauth's views (/konto/…).
"""

import json

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import personal_data, services
from accounts.forms import DeleteAccountForm, MemberSettingsForm, NameForm
from accounts.models import MemberSettings
from accounts.sections import render_sections
from actors.models import Actor
from events import services as event_services
from events.models import Registration
from portal.permissions import is_member


@require_GET
@login_required
def my_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/my_page.html",
        {"sections": render_sections(request), "is_confirmed": is_member(request.user)},
    )


def registrations_context(request: HttpRequest) -> dict:
    mine = (
        Registration.objects.of_member(request.user)
        .active()
        .select_related("event")
        .order_by("event__starts_at")
    )
    now = timezone.now()
    return {
        "upcoming": [r for r in mine if r.event.ends_at >= now],
        "past": [r for r in reversed(mine) if r.event.ends_at < now],
    }


def account_context(request: HttpRequest) -> dict:
    return {
        "name_form": NameForm(instance=request.user),
        "email_addresses": EmailAddress.objects.filter(user=request.user),
    }


def notifications_context(request: HttpRequest) -> dict:
    return {"settings_form": MemberSettingsForm(instance=MemberSettings.for_user(request.user))}


def personal_data_context(request: HttpRequest) -> dict:
    return {}


@require_POST
@login_required
def update_settings(request: HttpRequest) -> HttpResponse:
    """Name and e-mail choices, saved from the two small forms on /min-side/."""
    form: MemberSettingsForm | NameForm
    if "newsletter" in request.POST or "language" in request.POST:
        form = MemberSettingsForm(request.POST, instance=MemberSettings.for_user(request.user))
    else:
        form = NameForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Endringene er lagret."))
    else:
        messages.error(request, _("Endringene ble ikke lagret. Sjekk feltene og prøv igjen."))
    return redirect("accounts:my_page")


@require_POST
@login_required
def cancel_registration(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(
        Registration.objects.of_member(request.user).active().select_related("event"), pk=pk
    )
    if registration.event.is_past:
        messages.error(request, _("Arrangementet er over, så påmeldingen kan ikke endres."))
        return redirect("accounts:my_page")
    event_services.cancel_registration(registration=registration)
    messages.success(
        request,
        _("Du er meldt av «%(event)s». Vi har sendt en bekreftelse på e-post.")
        % {"event": registration.event.title},
    )
    return redirect("accounts:my_page")


@require_GET
@login_required
def download_data(request: HttpRequest) -> HttpResponse:
    data = personal_data.collect(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mine-data-kreativ.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    has_profiles = Actor.objects.owned_by(request.user).exists()
    form = DeleteAccountForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        has_profiles=has_profiles,
    )
    if request.method == "POST" and form.is_valid():
        user = request.user
        hand_over = form.cleaned_data.get("profiles") == DeleteAccountForm.PROFILES_HAND_OVER
        logout(request)
        services.delete_account(user=user, hand_over_profiles=hand_over)
        messages.success(request, _("Kontoen din og opplysningene om deg er slettet."))
        return redirect("home")
    return render(
        request, "accounts/delete_account.html", {"form": form, "has_profiles": has_profiles}
    )
