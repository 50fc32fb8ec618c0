"""Dark mode: every component has its own colours for each scheme. axe checks the text
it can see; placeholders it does not, so their contrast is measured here."""

import pytest

from events.links import cancel_token
from tests.browser.axe import assert_no_axe_violations
from tests.factories import make_event, make_registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

_PLACEHOLDER_COLOURS_JS = """
el => [getComputedStyle(el, '::placeholder').color, getComputedStyle(el).backgroundColor]
"""


def _luminance(rgb: str) -> float:
    channels = [float(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cancel_confirmation_has_readable_danger_button(page, live_server, scheme):
    registration = make_registration(make_event(title="Nettverksmøte"))
    page.emulate_media(color_scheme=scheme)

    page.goto(f"{live_server.url}/arrangementer/avmelding/{cancel_token(registration)}/")

    button = page.get_by_role("button", name="Ja, meld meg av")
    colours = button.evaluate(
        "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]"
    )
    assert contrast(*colours) >= 4.5, colours
    assert_no_axe_violations(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_placeholder_is_readable(page, live_server, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + "/")

    colours = page.locator("#home-search").evaluate(_PLACEHOLDER_COLOURS_JS)

    assert contrast(*colours) >= 4.5, colours


_BORDER_AND_RING_JS = """
el => {
  const s = getComputedStyle(el);
  const page = getComputedStyle(document.body).backgroundColor;
  return {border: s.borderTopColor, field: s.backgroundColor, page,
          outline: s.outlineStyle, ring: s.outlineColor};
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_field_borders_and_focus_ring_stand_out(page, live_server, scheme):
    """1.4.11 and 2.4.7: a field's border and the focus ring reach 3:1 against what
    is around them."""
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + "/aktorer/")
    field = page.locator("#directory-search")

    field.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard: :focus-visible
    colours = field.evaluate(_BORDER_AND_RING_JS)

    assert contrast(colours["border"], colours["field"]) >= 3, colours
    assert colours["outline"] != "none", colours
    assert contrast(colours["ring"], colours["page"]) >= 3, colours
