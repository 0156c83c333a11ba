"""Run axe-core in a page and describe its findings for a person to read."""

from pathlib import Path

from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
AXE_PATH = "/__axe-core__/axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.join(" ")),
    summaries: v.nodes.map((n) => n.failureSummary),
  }));
}"""


def violations(page: Page) -> list[dict]:
    """Return the WCAG 2.2 A and AA violations axe finds in the page as it stands."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        _inject(page)
    return page.evaluate(_RUN_AXE, WCAG_TAGS)


def _inject(page: Page) -> None:
    # The site's Content-Security-Policy allows only same-origin scripts, so axe is
    # loaded from a same-origin address the browser answers itself; the policy
    # stays in force for everything the page does.
    url = page.evaluate("location.origin") + AXE_PATH
    page.route(
        url,
        lambda route: route.fulfill(path=AXE_SCRIPT, content_type="text/javascript"),
        times=1,
    )
    page.add_script_tag(url=url)


def describe(found: list[dict]) -> str:
    """Return one block per violation: rule, impact, help text and the elements."""
    blocks = []
    for violation in found:
        lines = [
            f"{violation['id']} ({violation['impact']}): {violation['help']}",
            f"  {violation['helpUrl']}",
        ]
        for target, summary in zip(
            violation["targets"], violation["summaries"], strict=True
        ):
            lines.append(f"  - {target}")
            lines.extend(f"      {line}" for line in (summary or "").splitlines())
        blocks.append("\n".join(lines))
    return "\n".join(blocks)
