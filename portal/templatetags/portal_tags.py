import functools

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from portal.site import absolute_url
from portal.validators import clean_text

register = template.Library()


@register.filter
def one_line(value) -> str:
    """Stored text on one line, without control characters (for e-mail text and headers)."""
    return clean_text(str(value) if value is not None else "")


@register.filter
def absolute(path_or_url) -> str:
    """An absolute address from SITE_URL, never from the request's Host (portal/site.py)."""
    return absolute_url(str(path_or_url))


# Parts of every page that depend on nothing but the language and a small key (the
# footer; the brand and main menu, keyed by the current item), rendered once per
# process. Templates and translations change only with a deploy, which starts new
# processes.
_RENDERED_ONCE: dict[tuple[str, ...], SafeString] = {}
# The main menu: (URL name, whether a page below the item's address makes it current).
MAIN_MENU = (
    ("actors:list", True),
    ("events:list", True),
    ("opportunities:list", True),
    ("about", False),
)


def _rendered_once(template_name: str, key: tuple[str, ...], context: dict) -> SafeString:
    if settings.DEBUG:  # `make run`: a template edited while the server runs shows at once
        return mark_safe(render_to_string(template_name, context))
    memo_key = (template_name, get_language(), *key)
    rendered = _RENDERED_ONCE.get(memo_key)
    if rendered is None:
        rendered = _RENDERED_ONCE[memo_key] = mark_safe(render_to_string(template_name, context))
    return rendered


@register.simple_tag(takes_context=True)
def brand_and_menu(context) -> SafeString:
    """The brand and the main menu, the item whose section the page is in marked current."""
    path = context["request"].path
    current = next(
        (url for url, below in _menu_urls() if path == url or (below and path.startswith(url))),
        "",
    )
    return _rendered_once("includes/brand_and_menu.html", (current,), {"current": current})


@functools.cache
def _menu_urls_for(_urlconf: str, _prefix: str) -> tuple[tuple[str, bool], ...]:
    return tuple((reverse(name), below) for name, below in MAIN_MENU)


def _menu_urls() -> tuple[tuple[str, bool], ...]:
    # Reversing costs about a tenth of a millisecond a name; the addresses change only
    # with the URL configuration and the script prefix.
    return _menu_urls_for(settings.ROOT_URLCONF, get_script_prefix())


@register.simple_tag
def site_footer() -> SafeString:
    """The footer; it names the contact address, so that is part of the key."""
    return _rendered_once(
        "includes/footer.html", (settings.CONTACT_EMAIL,), {"CONTACT_EMAIL": settings.CONTACT_EMAIL}
    )


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return bool(prefix) and str(value).startswith(prefix)


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context) -> dict:
    """Links to the page in the other languages; `neste` brings the visitor back here."""
    request = context.get("request")
    current = get_language()
    return {
        "other_languages": [(code, name) for code, name in _native_names() if code != current],
        "next": request.get_full_path() if request else "/",
    }


def _native_names() -> list[tuple[str, str]]:
    # Each language is named in itself, so a reader finds their own.
    native = {"nb": "Norsk", "en": "English"}
    return [(code, native.get(code, code)) for code, _name in settings.LANGUAGES]


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj) -> dict:
    """Page links that keep every other query parameter (filters, search, sort)."""
    request = context["request"]
    params = request.GET.copy()
    params.pop("side", None)
    base = params.urlencode()
    prefix = f"?{base}&side=" if base else "?side="
    return {"page_obj": page_obj, "prefix": prefix, "page_range": _page_window(page_obj)}


def _page_window(page_obj, around: int = 2) -> list[int | None]:
    """1 … 4 5 [6] 7 8 … 20: None stands for a gap."""
    last, current = page_obj.paginator.num_pages, page_obj.number
    pages = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    window: list[int | None] = []
    for page in pages:
        if window and page - (window[-1] or 0) > 1:
            window.append(None)
        window.append(page)
    return window


@register.simple_tag
def content_lang() -> str:
    """` lang="nb"` for text that members and coordinators write (pitches, event texts,
    alt texts), on a page in another language: screen readers then read it with a
    Norwegian voice (WCAG 3.1.2). Nothing on Norwegian pages, where it is the page's
    own language. The portal's own words are translated instead."""
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')


@register.simple_tag
def name_lang(name: str) -> str:
    """` lang="nb"` for a name the catalogue does not translate (a sector a coordinator
    added), on a page in another language; nothing for a translated one."""
    if get_language() == settings.LANGUAGE_CODE or gettext(name) != name:
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')


@register.simple_tag(takes_context=True)
def state_in_title(context, *filters: str) -> str:
    """What a list page adds to its title so each state has a title of its own
    (2.4.2): "filtrert" when one of `filters` is set, "side N" past the first page.
    Read from the address, so it also holds for the results directory.js swaps in."""
    query = context["request"].GET
    parts = []
    if any(value for name in filters for value in query.getlist(name)):
        parts.append(gettext("filtrert"))
    page = query.get("side", "")
    if page.isdigit() and int(page) > 1:
        parts.append(gettext("side %(number)s") % {"number": int(page)})
    return f" ({', '.join(parts)})" if parts else ""
