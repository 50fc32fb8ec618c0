"""Accessibility checks that axe does not make, run in the page (tests/browser/test_public_pages.py).

Each returns a list of readable problems (empty when the page passes), so one visit
of a page can run them all and report everything at once.
"""

import re

# What a long word, a wide table or a fixed width does: the page scrolls sideways
# (1.4.10), or a box with overflow hidden cuts the text off (1.4.10, 1.4.12).
_OVERFLOW_JS = """
() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    // Name the widest culprits: elements that reach past the viewport's right edge.
    const wide = [...document.body.querySelectorAll('*')]
      .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1
                    && !el.closest('.visually-hidden, .skip-link, .honeypot, [hidden]'))
      .filter(el => ![...el.children].some(c => c.getBoundingClientRect().right > root.clientWidth + 1))
      .slice(0, 4)
      .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '')
                 + ' «' + (el.textContent || '').trim().slice(0, 40) + '»');
    problems.push(`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window: ${wide.join(', ')}`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, .skip-link, .honeypot, [hidden], .table-scroll')) continue;
    const style = getComputedStyle(el);
    if (!['hidden', 'clip'].includes(style.overflowX)) continue;
    if (el.scrollWidth > el.clientWidth + 1 && (el.textContent || '').trim()) {
      problems.push(`text cut off in ${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`
                    + ` (${el.scrollWidth} > ${el.clientWidth} px): «${el.textContent.trim().slice(0, 40)}»`);
    }
  }
  return problems;
}
"""

# WCAG 1.4.12's test values (the text spacing bookmarklet).
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }
"""


def overflow_problems(page) -> list[str]:
    return page.evaluate(_OVERFLOW_JS)


def reflow_problems(page, cdp) -> list[str]:
    """No sideways scrolling and no text cut off at 320 px, with text-only zoom to
    200 % at 1280 px (the browser's default font size doubled, as its text size setting
    does), and with WCAG's text spacing at 390 px. The page is not reloaded between them."""
    problems = []
    page.set_viewport_size({"width": 320, "height": 800})
    problems += [f"320 px: {p}" for p in overflow_problems(page)]
    page.set_viewport_size({"width": 1280, "height": 900})
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    problems += [f"200 % text: {p}" for p in overflow_problems(page)]
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})
    page.set_viewport_size({"width": 390, "height": 844})
    # A constructed style sheet: the page's CSP (style-src 'self') refuses a <style>.
    page.evaluate(
        "css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
        " document.adoptedStyleSheets = [sheet]; }",
        TEXT_SPACING_CSS,
    )
    problems += [f"text spacing: {p}" for p in overflow_problems(page)]
    page.evaluate("document.adoptedStyleSheets = []")
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


def skip_link_problems(page) -> list[str]:
    """The first Tab stop is the skip link; Enter moves focus into main, without a reload."""
    page.evaluate("window.__notReloaded = true")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.className")
    if "skip-link" not in first:
        return [f"the first Tab stop is not the skip link but .{first}"]
    page.keyboard.press("Enter")
    page.wait_for_timeout(150)  # a reload, if there is one, starts here
    problems = []
    if not page.evaluate("window.__notReloaded === true"):
        problems.append("the skip link reloads the page")
    if not page.evaluate("!!document.activeElement.closest('main')"):
        problems.append(
            "after the skip link, focus is on "
            + page.evaluate("document.activeElement.tagName")
            + ", not in main"
        )
    return problems


_HEADINGS_JS = """
() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => !h.closest('[hidden]'))
  .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 40)])
"""


def heading_problems(page) -> list[str]:
    """One h1, and no level skipped on the way down (1.3.1)."""
    headings = page.evaluate(_HEADINGS_JS)
    problems = []
    if [level for level, _ in headings].count(1) != 1:
        problems.append(f"{[lvl for lvl, _ in headings].count(1)} h1 headings")
    previous = 1
    for level, text in headings:
        if level > previous + 1:
            problems.append(f"h{previous} is followed by h{level} «{text}»")
        previous = level
    return problems


_WORD = re.compile(r"[\wæøåÆØÅ]+")


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


# The text a sighted user sees in a control: without what is there for screen readers
# only (.visually-hidden) or not shown at all; form fields show no text of their own.
VISIBLE_TEXT_JS = """
function () {
  if (['INPUT', 'SELECT', 'TEXTAREA'].includes(this.tagName)) return '';
  const copy = this.cloneNode(true);
  copy.querySelectorAll('.visually-hidden, [hidden]').forEach(el => el.remove());
  return copy.textContent || '';
}
"""

# The roles people operate by speech ("click Møtt"): their accessible name must
# contain what they see (2.5.3).
_NAMED_ROLES = {
    "button",
    "link",
    "checkbox",
    "radio",
    "tab",
    "menuitem",
    "switch",
    "combobox",
    "textbox",
    "searchbox",
    "DisclosureTriangle",
}


def label_in_name_problems(page, cdp) -> list[str]:
    """Every control's accessible name (as Chromium computes it) contains its visible
    text, and adds no character the page does not show (CSS-inserted "+" for instance)."""
    cdp.send("DOM.getDocument", {"depth": 0})
    tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    problems = []
    for node in tree:
        role = node.get("role", {}).get("value")
        if role not in _NAMED_ROLES or node.get("ignored") or "backendDOMNodeId" not in node:
            continue
        name = node.get("name", {}).get("value", "")
        obj = cdp.send("DOM.resolveNode", {"backendNodeId": node["backendDOMNodeId"]})["object"]
        if "objectId" not in obj:
            continue
        visible = cdp.send(
            "Runtime.callFunctionOn",
            {
                "objectId": obj["objectId"],
                "functionDeclaration": VISIBLE_TEXT_JS,
                "returnByValue": True,
            },
        )["result"].get("value", "")
        cdp.send("Runtime.releaseObject", {"objectId": obj["objectId"]})
        if not _words(visible):
            continue
        if _words(visible) not in _words(name):
            problems.append(f"{role} shows «{visible.strip()}» but is named «{name}»")
        elif role == "DisclosureTriangle" and name.strip() != visible.strip():
            problems.append(f"disclosure shows «{visible.strip()}» but is named «{name}»")
    return problems


# In forced colours the browser replaces every colour and background: the marker for
# "you are here" must be something else (a border or underline the others lack).
_CURRENT_MARKER_JS = """
() => {
  const signature = el => {
    const s = getComputedStyle(el);
    const border = ['Top', 'Right', 'Bottom', 'Left'].map(side =>
      s['border' + side + 'Style'] !== 'none' && parseFloat(s['border' + side + 'Width']) > 0
        && s['border' + side + 'Color'] !== s.backgroundColor
        && s['border' + side + 'Color'] !== 'rgba(0, 0, 0, 0)'
        ? side + parseFloat(s['border' + side + 'Width']) : '').join('');
    return [border, s.textDecorationLine, s.textDecorationThickness, s.fontWeight,
            s.outlineStyle, s.color, s.backgroundColor].join('|');
  };
  const problems = [];
  for (const current of document.querySelectorAll('[aria-current]')) {
    const group = current.closest('nav, ul, ol');
    if (!group) continue;
    const other = [...group.querySelectorAll('a')].find(a => a !== current && !a.hasAttribute('aria-current'));
    if (other && signature(current) === signature(other)) {
      problems.push(`«${current.textContent.trim()}» looks like «${other.textContent.trim()}» in forced colours`);
    }
  }
  return problems;
}
"""


def current_marker_problems(page) -> list[str]:
    return page.evaluate(_CURRENT_MARKER_JS)


def accessible_name(cdp, locator) -> str:
    """The accessible name Chromium computes for the element (what a screen reader
    and speech input use)."""
    locator.evaluate("el => el.setAttribute('data-name-probe', '')")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-name-probe]"})
    locator.evaluate("el => el.removeAttribute('data-name-probe')")
    nodes = cdp.send(
        "Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False}
    )["nodes"]
    return nodes[0].get("name", {}).get("value", "")


_SMALL_TARGETS_JS = """
() => [...document.querySelectorAll('.site-footer a, .lang-switch a, .account-links a, .account-links button')]
  .map(el => [el.textContent.trim(), el.getBoundingClientRect().height, el.getBoundingClientRect().width])
  .filter(([text, height, width]) => height < 44 || width < 44)
  .map(([text, height, width]) => `«${text}» is ${Math.round(width)} × ${Math.round(height)} px`)
"""


def touch_target_problems(page) -> list[str]:
    """The footer's links, the language switch and the account links: 44 × 44 px or more."""
    return page.evaluate(_SMALL_TARGETS_JS)
