import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Whether the browser suites can run. Without Chromium they are skipped with a clear message,
 * except under CI=true, where a missing browser must fail the run rather than pass it silently.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true") {
    throw new Error(
      `CI=true but Chromium is missing at ${CHROMIUM}: install Debian's chromium package.`,
    );
  }
  console.warn(
    `\n  SKIPPED: browser suites need Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).\n`,
  );
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine has no network beyond localhost; these keep Chromium from trying.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Records in `problems` what a user would call broken on `page`: uncaught errors, console errors
 * (except those matching a pattern `expected()` returns at that moment: a test that cuts the
 * network expects failed requests), and CSP violations, which the page reports as console errors.
 */
export async function watchForProblems(
  page: Page,
  problems: string[],
  expected: () => readonly RegExp[] = () => [],
): Promise<void> {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (!expected().some((pattern) => pattern.test(text))) problems.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}
