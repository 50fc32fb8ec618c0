"""The sections of /min-side/, in order: each a template and a function for its context.

Other apps add their own section here (for example the member's profiles) by a
dotted path, so accounts never imports them and each app keeps its own reads.
A context function takes the request and returns a dict for its template.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Section:
    template: str
    context: str  # dotted path to a function (request) -> dict


SECTIONS: list[Section] = [
    Section("actors/includes/my_profiles_section.html", "actors.member_views.my_profiles_context"),
    Section(
        "opportunities/includes/my_opportunities_section.html",
        "opportunities.views.my_opportunities_context",
    ),
    Section("accounts/my_page/registrations.html", "accounts.views.registrations_context"),
    Section(
        "opportunities/includes/answers_section.html", "opportunities.answer_views.answers_context"
    ),
    Section("accounts/my_page/account.html", "accounts.views.account_context"),
    Section("accounts/my_page/notifications.html", "accounts.views.notifications_context"),
    Section("accounts/my_page/personal_data.html", "accounts.views.personal_data_context"),
]


def render_sections(request: HttpRequest) -> list[tuple[str, dict]]:
    return [(s.template, import_string(s.context)(request)) for s in SECTIONS]
