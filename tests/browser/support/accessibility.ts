import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * axe-core's serious and critical findings on the page as it is now, as sentences naming the rule and
 * the elements; an empty list when there are none.
 *
 * Fluent's focus manager (Tabster) places `<i data-tabster-dummy aria-hidden tabindex=0>` guards around
 * dialogs and other focus groups; each only hands focus on to the right element the moment it gets it,
 * and is hidden so that screen readers do not announce it. axe's aria-hidden-focus flags them, and
 * Microsoft's own accessibility scanners leave them out; so does this check, for that rule only.
 */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      ...violation,
      nodes:
        violation.id === "aria-hidden-focus"
          ? violation.nodes.filter((node) => !node.html.includes("data-tabster-dummy"))
          : violation.nodes,
    }))
    .filter((violation) => violation.nodes.length > 0)
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}
