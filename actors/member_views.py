"""Pages where members keep their own profiles, claim one, and where anyone writes to an actor.

Every page that changes a profile finds it through Actor.objects.owned_by(request.user),
so someone else's profile is a 404, never a 403 that would confirm it exists.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from actors import services
from actors.forms import ask_to_reselect_uploads
from actors.links import BadLink, actor_from_approve_token, actor_from_still_correct_token
from actors.models import Actor
from actors.profile_forms import ClaimForm, ContactForm, ProfileForm, ProfileImageFormSet
from portal.client_address import client_address
from portal.permissions import coordinator_required, is_member, member_required


@member_required
@require_GET
def my_profiles(request: HttpRequest) -> HttpResponse:
    return render(request, "actors/my_profiles.html", my_profiles_context(request))


def my_profiles_context(request: HttpRequest) -> dict:
    """The "Mine profiler" section, on its own page and on /min-side/ (accounts/sections.py)."""
    return {"my_actors": Actor.objects.owned_by(request.user).order_by("name")}


@member_required
@require_http_methods(["GET", "POST"])
def profile_create(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None)
    images = ProfileImageFormSet(request.POST or None, request.FILES or None, instance=Actor())
    if request.method == "POST" and form.is_valid() and images.is_valid():
        if "forhandsvis" not in request.POST:
            actor = services.submit_profile(
                form=form, images=images, owner=request.user, language=_language()
            )
            messages.success(
                request,
                _(
                    "Takk! Profilen er sendt til godkjenning. Vi sier fra på e-post når den er publisert."
                ),
            )
            return redirect(actor.get_absolute_url())
        return _form_page(request, form, images, preview=True)
    return _form_page(request, form, images)


@member_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.owned_by(request.user), slug=slug)
    form = ProfileForm(request.POST or None, instance=actor)
    images = ProfileImageFormSet(request.POST or None, request.FILES or None, instance=actor)
    if request.method == "POST" and form.is_valid() and images.is_valid():
        if "forhandsvis" not in request.POST:
            actor = services.update_profile(form=form, images=images)
            messages.success(request, _("Endringene er lagret."))
            return redirect(actor.get_absolute_url())
        return _form_page(request, form, images, preview=True, actor=actor)
    return _form_page(request, form, images, actor=actor)


def _form_page(request, form, images, *, preview: bool = False, actor=None) -> HttpResponse:
    if request.method == "POST":
        ask_to_reselect_uploads(images)
    context = {"form": form, "images": images, "actor": actor, "preview": None}
    if preview:
        # An unsaved copy with what was typed; nothing is stored until "Lagre".
        context["preview"] = form.save(commit=False)
        context["preview_sectors"] = form.cleaned_data["sectors"]
    status = 400 if request.method == "POST" and not preview else 200
    return render(request, "actors/profile_form.html", context, status=status)


@coordinator_required
@require_http_methods(["GET", "POST"])
def approve(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the coordinators' e-mail: a page that asks, then a POST that publishes."""
    try:
        actor = actor_from_approve_token(token)
    except BadLink as error:
        return render(request, "actors/link_invalid.html", {"reason": str(error)}, status=400)
    if request.method == "POST":
        if services.approve_profile(actor=actor):
            messages.success(request, _("Profilen er publisert, og eieren har fått beskjed."))
        return redirect(actor.get_absolute_url())
    return render(request, "actors/approve.html", {"actor": actor, "token": token})


@require_http_methods(["GET", "POST"])
def still_correct(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the yearly reminder: works without logging in, confirms only on POST."""
    try:
        actor = actor_from_still_correct_token(token)
    except BadLink as error:
        return render(request, "actors/link_invalid.html", {"reason": str(error)}, status=400)
    if request.method == "POST":
        services.confirm_still_correct(actor=actor)
        messages.success(request, _("Takk! Vi har notert at informasjonen er riktig."))
        return redirect("actors:still_correct", token=token)
    return render(request, "actors/still_correct.html", {"actor": actor, "token": token})


@member_required
@require_http_methods(["GET", "POST"])
def claim(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.published().filter(owner=None), slug=slug)
    pending = actor.claims.open().filter(user=request.user).first()
    form = ClaimForm(request.POST or None, initial={"message": pending and pending.message})
    limited = False
    if request.method == "POST" and form.is_valid():
        try:
            services.request_claim(
                actor=actor,
                user=request.user,
                message=form.cleaned_data["message"],
                language=_language(),
            )
        except services.ClaimLimitReached:
            limited = True
            form.add_error(
                None,
                _(
                    "Du har allerede %(n)s forespørsler som venter på svar fra koordinatorene. "
                    "Vent til de er behandlet før du sender flere."
                )
                % {"n": services.MAX_OPEN_CLAIMS},
            )
        else:
            messages.success(
                request, _("Takk! Koordinatorene ser på forespørselen og svarer deg på e-post.")
            )
            return redirect(actor.get_absolute_url())
    status = 429 if limited else 400 if form.errors else 200
    context = {"actor": actor, "form": form, "pending": pending}
    return render(request, "actors/claim_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.published().select_related("owner"), slug=slug)
    if not actor.contact_address:
        raise Http404
    user = request.user
    initial = {"name": user.get_full_name(), "email": user.email} if user.is_authenticated else {}
    form = ContactForm(request.POST or None, initial=initial)
    limited = False
    if request.method == "POST" and form.is_valid():
        if form.is_bot:
            # Pretend it went: a bot learns nothing, and nothing is sent.
            return redirect(actor.get_absolute_url())
        try:
            services.send_contact_message(
                actor=actor,
                user=user,
                **_message_fields(form),
                address=client_address(request),
                language=_language(),
            )
        except services.ContactLimitReached:
            limited = True
            form.add_error(None, _limit_message(user))
        else:
            messages.success(request, _("Meldingen er sendt. Du har fått en kopi på e-post."))
            return redirect(actor.get_absolute_url())
    status = 429 if limited else 400 if form.errors else 200
    return render(
        request, "actors/contact_form.html", {"actor": actor, "form": form}, status=status
    )


def _message_fields(form: ContactForm) -> dict:
    return {name: form.cleaned_data[name] for name in ("name", "email", "subject", "body")}


def _limit_message(user) -> str:
    limit = services.contact_limit(user)
    if is_member(user):
        text = _(
            "Du har sendt %(limit)s meldinger den siste timen, som er grensen. Prøv igjen om en time."
        )
    else:
        text = _(
            "Du har sendt %(limit)s meldinger den siste timen, som er grensen for besøkende "
            "uten konto. Prøv igjen om en time, eller logg inn for å sende flere."
        )
    return text % {"limit": limit}


def _language() -> str:
    return "en" if get_language() == "en" else "nb"
