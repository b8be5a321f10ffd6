import type { Page } from "playwright-core";

/** What a page showed that a script payload could have caused. */
export interface Inertness {
  /** `window.__pwned`, which every payload of the inert-content case sets when it runs. */
  pwned: unknown;
  /** Elements and attributes the widget never makes itself, wherever they are. */
  foreign: string[];
}

/** The text of an element's shadow root (its `textContent`). */
export function shadowText(page: Page, element: string): Promise<string> {
  return page.evaluate(
    (name) => document.querySelector(name)?.shadowRoot?.textContent ?? "",
    element,
  );
}

/**
 * Whether anything ran or was made from a payload: `window.__pwned`, and in the page and every
 * shadow root the elements and attributes a payload brings and the widget never makes: images,
 * frames, scripts other than the page's own, SVG other than the widget's charts, event-handler
 * attributes and `javascript:` links.
 */
export function inertness(page: Page): Promise<Inertness> {
  return page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    const foreign: string[] = [];
    for (const root of roots) {
      for (const element of Array.from(root.querySelectorAll("*"))) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
        const tag = element.tagName.toLowerCase();
        const pageScript = root === document && tag === "script" && element.hasAttribute("src");
        if (["img", "iframe", "frame", "object", "embed", "script"].includes(tag) && !pageScript) {
          foreign.push(tag);
        }
        if (tag === "svg" && !element.matches('[part~="chart"]')) foreign.push("svg");
        for (const attribute of Array.from(element.attributes)) {
          if (attribute.name.startsWith("on")) foreign.push(`${tag}[${attribute.name}]`);
          if (
            /^\s*javascript:/i.test(attribute.value) &&
            ["href", "src"].includes(attribute.name)
          ) {
            foreign.push(`${tag}[${attribute.name}=javascript:]`);
          }
        }
      }
    }
    return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, foreign };
  });
}
