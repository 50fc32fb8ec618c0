"""Every public page (tests/browser/public_pages.py), in both languages: zero axe
violations in light mode, dark mode and forced colours; valid HTML; no sideways
scrolling or cut-off text at 320 px, with 200 % text and with WCAG's text spacing;
the skip link moves focus into main without a reload; every control's name contains
its visible text; headings go down one level at a time; "you are here" survives
forced colours.

One browser context per test, one visit per page: the checks switch viewport, colour
scheme and font size in place, which keeps the whole sweep to a few seconds a page.
"""

import pytest

from tests.browser import checks
from tests.browser.axe import COLOUR_RULES, axe_violations
from tests.browser.html_check import html_errors
from tests.browser.public_pages import PUBLIC_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _axe_report(violations) -> list[str]:
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target'][0]) for n in v['nodes'][:3])})"
        for v in violations
    ]


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_passes_the_accessibility_checks(
    browser, live_server, public_site, language, path
):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nb-NO", timezone_id="Europe/Oslo"
    )
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    url = live_server.url + path.format(**public_site)
    page.goto(url)
    problems: list[str] = []

    problems += [f"skip link: {p}" for p in checks.skip_link_problems(page)]
    problems += [f"HTML: {p}" for p in html_errors(page.request.get(page.url).text())]
    problems += [f"axe (light): {p}" for p in _axe_report(axe_violations(page))]
    problems += [f"headings: {p}" for p in checks.heading_problems(page)]
    problems += [f"label in name: {p}" for p in checks.label_in_name_problems(page, cdp)]
    problems += [f"touch targets: {p}" for p in checks.touch_target_problems(page)]
    problems += [f"reflow: {p}" for p in checks.reflow_problems(page, cdp)]
    page.emulate_media(color_scheme="dark")
    problems += [f"axe (dark): {p}" for p in _axe_report(axe_violations(page, COLOUR_RULES))]
    page.emulate_media(color_scheme="light", forced_colors="active")
    problems += [
        f"axe (forced colours): {p}" for p in _axe_report(axe_violations(page, COLOUR_RULES))
    ]
    problems += [f"forced colours: {p}" for p in checks.current_marker_problems(page)]
    context.close()

    assert problems == [], f"{len(problems)} problem(s) on {url} ({language}):\n" + "\n".join(
        problems
    )
