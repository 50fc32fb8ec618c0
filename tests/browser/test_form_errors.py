"""A form sent with errors: focus on the summary, "Feil:" in the title, every field's
aria-describedby pointing at the error that is printed, and the page still reflows
at 320 px and with 200 % text (a long word in the summary once widened the panel)."""

import pytest

from tests.browser import checks
from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_actor, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every id an aria-describedby names exists; every invalid field is described by its error.
_DESCRIBEDBY_JS = """
() => {
  const problems = [];
  for (const el of document.querySelectorAll('[aria-describedby]')) {
    for (const id of el.getAttribute('aria-describedby').split(/\\s+/).filter(Boolean)) {
      if (!document.getElementById(id)) problems.push(`${el.id || el.tagName}: no element #${id}`);
    }
  }
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    const error = ids.map(id => document.getElementById(id)).find(d => d && d.matches('.error-message'));
    if (!error) problems.push(`${el.id}: invalid, but not described by its error`);
  }
  return problems;
}
"""


def _submit_empty(page) -> None:
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()


def _assert_errors_reach_screen_readers(page, title_prefix: str) -> None:
    assert page.title().startswith(title_prefix), page.title()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')"), (
        page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
    )
    assert page.locator("[data-error-summary][role=alert]").count() == 0
    assert page.evaluate(_DESCRIBEDBY_JS) == []


@pytest.mark.parametrize(("language", "prefix"), [("nb", "Feil:"), ("en", "Error:")])
def test_registration_with_errors_focuses_summary_and_reflows(
    browser, live_server, language, prefix
):
    event = make_event(title="Romerikskonferansen for kultur- og kreative næringer")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    page.goto(f"{live_server.url}{event.get_absolute_url()}pamelding/")

    _submit_empty(page)

    _assert_errors_reach_screen_readers(page, prefix)
    assert checks.reflow_problems(page, cdp) == []
    assert_no_axe_violations(page)
    page.emulate_media(color_scheme="dark")
    assert_no_axe_violations(page)
    context.close()


@pytest.mark.parametrize("path", ["/konto/signup/", "/konto/login/", "{actor}kontakt/"])
def test_forms_with_errors_focus_summary_and_describe_fields(page, live_server, path):
    actor = make_actor("Vorma Keramikk", email="post@vorma.example.no")
    page.goto(live_server.url + path.format(actor=actor.get_absolute_url()))

    _submit_empty(page)

    _assert_errors_reach_screen_readers(page, "Feil:")
