import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** WCAG 2.2 AA, and axe's best practices on top: heading order, landmarks, and the like. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * axe's violations inside `selector` (shadow roots included), one readable line per rule with
 * the nodes it found, each prefixed with `state`. Empty when there are none.
 */
export async function axeViolations(
  page: Page,
  selector: string,
  state: string,
): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(AXE_TAGS).analyze();
  return results.violations.map((violation) => {
    const nodes = violation.nodes
      .map((node) => `    ${JSON.stringify(node.target)}: ${node.failureSummary ?? ""}`)
      .join("\n");
    return `${state}: ${violation.id} (${violation.impact ?? ""})\n${nodes}`;
  });
}
