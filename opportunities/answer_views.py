"""Answering an opportunity, the answers on Min side, following and unsubscribing.

Members answer from their own published profiles (opportunities/answers.py holds
the rules); the poster finds the answers through Answer.objects.to_user(request.user),
so someone else's answer is a 404, never a 403 that would confirm it exists.
"""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from opportunities import answers, digest
from opportunities.answer_forms import AnswerForm, FollowForm
from opportunities.links import BadLink, following_from_token
from opportunities.models import Answer, Following, Opportunity
from portal.client_address import client_address
from portal.permissions import is_member, member_required


@member_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = get_object_or_404(
        Opportunity.objects.visible_to(request.user).select_related("actor__owner"), slug=slug
    )
    refusal, profiles = answers.refusal(request.user, opportunity)
    form = None
    if refusal is None:
        data = request.POST if request.method == "POST" else None
        form = AnswerForm(data, opportunity=opportunity, profiles=profiles)
    context = {"opportunity": opportunity, "form": form, "refusal": refusal}

    def page(status: int) -> HttpResponse:
        return render(request, "opportunities/answer_form.html", context, status=status)

    if request.method != "POST":
        return page(200)
    if form is None or not form.is_valid():
        return page(400)
    if form.is_bot:
        # Pretend it went: a bot learns nothing, and nothing is sent.
        return redirect(opportunity.get_absolute_url())
    try:
        answers.send_answer(
            opportunity=opportunity,
            actor=form.cleaned_data["actor"],
            user=request.user,
            message=form.cleaned_data["message"],
            address=client_address(request),
            language=_language(),
        )
    except answers.AnswerLimitReached:
        form.add_error(None, _limit_message())
        return page(429)
    except answers.AlreadyAnswered:
        form.add_error("actor", _("Denne profilen har allerede svart på muligheten."))
        return page(400)
    messages.success(
        request,
        _(
            "Svaret er sendt til «%(name)s». Du har fått en kopi på e-post, og svaret ligger på Min side."
        )
        % {"name": opportunity.actor.name},
    )
    return redirect(opportunity.get_absolute_url())


def _limit_message() -> str:
    return _(
        "Du har sendt %(limit)s svar den siste timen, som er grensen. Prøv igjen om en time."
    ) % {"limit": answers.answer_limit()}


def _language() -> str:
    return "en" if get_language() == "en" else "nb"


def answers_context(request: HttpRequest) -> dict:
    """The "Samarbeidstorget" section of /min-side/ (accounts/sections.py): answers to
    the member's opportunities, grouped by opportunity, and the answers they sent."""
    user = request.user
    received = Answer.objects.to_user(user).select_related("actor").order_by("-created_at", "-id")
    posted = (
        Opportunity.objects.posted_by(user)
        .filter(answers__isnull=False)
        .annotate(answer_count=Count("answers"))
        .prefetch_related(Prefetch("answers", queryset=received, to_attr="received"))
        .order_by("-created_at", "-id")
    )
    sent = (
        Answer.objects.from_user(user)
        .select_related("actor", "opportunity__actor")
        .order_by("-created_at", "-id")
    )
    return {
        "answered_opportunities": list(posted),
        "sent_answers": list(sent),
        "following": _following(user) if is_member(user) else None,
        "is_member": is_member(user),
    }


@member_required
@require_POST
def mark_contacted(request: HttpRequest, pk: int) -> HttpResponse:
    """The poster marks (or unmarks) an answer "Tatt kontakt"; only answers to their own."""
    answer = get_object_or_404(Answer.objects.to_user(request.user).select_related("actor"), pk=pk)
    contacted = request.POST.get("contacted", "1") != "0"
    answers.mark_contacted(answer=answer, contacted=contacted)
    if contacted:
        text = _("Svaret fra «%(name)s» er merket «Tatt kontakt».")
    else:
        text = _("Merket «Tatt kontakt» er fjernet fra svaret fra «%(name)s».")
    messages.success(request, text % {"name": answer.actor.name})
    return redirect(f"{reverse('accounts:my_page')}#answer-{answer.pk}")


@member_required
@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    following = _following(request.user)
    form = FollowForm(
        request.POST if request.method == "POST" else None,
        instance=following or _new_following(request.user),
    )
    if request.method == "POST" and form.is_valid():
        saved = digest.save_following(user=request.user, form=form, language=_language())
        if saved.active:
            messages.success(
                request,
                _("Valgene er lagret. Du får en e-post i uka når nye muligheter passer."),
            )
        else:
            messages.success(request, _("Valgene er lagret. Du får ingen e-post om muligheter."))
        return redirect("opportunities:follow")
    status = 400 if form.errors else 200
    return render(
        request,
        "opportunities/follow_form.html",
        {"form": form, "following": following},
        status=status,
    )


def _following(user) -> Following | None:
    """The member's Following row, if they have chosen anything yet."""
    return Following.objects.filter(user=user).first()


def _new_following(user) -> Following:
    return Following(user=user)


@csrf_exempt  # The signed token is the credential; mail clients POST without a cookie (RFC 8058).
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks, POST unsubscribes: a mail scanner that opens links changes nothing."""
    try:
        following = following_from_token(token)
    except BadLink as error:
        return render(request, "opportunities/unsubscribe.html", {"reason": str(error)}, status=400)
    if request.method == "POST":
        digest.unsubscribe(following)
        return render(request, "opportunities/unsubscribe.html", {"done": True})
    return render(
        request, "opportunities/unsubscribe.html", {"token": token, "following": following}
    )
