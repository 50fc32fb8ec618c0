"""Run axe-core in the page and fail on any WCAG 2.1 A/AA violation."""

from importlib.resources import files

from tests.browser.html_check import assert_valid_html

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text()


# What a colour scheme can change: the rest of axe's rules see the same page in every scheme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, rules: list[str] | None = None) -> list[dict]:
    """WCAG 2.1 A/AA violations; only `rules` when given (a second run of the same page
    in another colour scheme needs only the colour rules)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    result = page.evaluate("runOnly => axe.run(document, {runOnly})", run_only)
    return result["violations"]


def assert_no_axe_violations(page) -> None:
    """Also checks the page's HTML with the Nu Html Checker: every page that is checked
    for accessibility is checked for valid HTML as well (tests/browser/html_check.py)."""
    assert_valid_html(page)
    violations = axe_violations(page)
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    "
        + "\n    ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in violations
    )
    assert violations == [], f"axe found {len(violations)} violation(s) on {page.url}:\n{report}"
