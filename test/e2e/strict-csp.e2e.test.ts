import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser.js";
import {
  createStorage,
  freePort,
  runCli,
  startApi,
  type ApiProcess,
  type Storage,
} from "../support/stack.js";
import {
  startWidgetHost,
  strictContentSecurityPolicy,
  type EmbedKey,
  type WidgetHost,
} from "../support/widget-host.js";

const describeBrowser = browserAvailable() ? describe : describe.skip;

/**
 * The whole employee journey on a host page with the strictest policy a careful customer sets:
 * only same-origin scripts and styles, the API as the one other origin, and Trusted Types, so
 * that every HTML the widget writes must come through Lit's `lit-html` policy. Any policy
 * violation or console error fails the test.
 */
describeBrowser("the widget under a strict CSP with Trusted Types", () => {
  let storage: Storage;
  let api: ApiProcess;
  let host: WidgetHost;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    storage = await createStorage();
    expect(runCli(["content", "import"], storage.env).status).toBe(0);
    const port = await freePort();
    const created = runCli(
      ["org", "create", "--name", "Strict", "--origin", `http://localhost:${port}`, "--json"],
      storage.env,
    );
    expect(created.status).toBe(0);
    const { embedKey } = JSON.parse(created.stdout) as { embedKey: EmbedKey };
    api = await startApi(storage.env);
    host = await startWidgetHost({
      port,
      apiUrl: `${api.url}/graphql`,
      embedKey,
      contentSecurityPolicy: strictContentSecurityPolicy(api.url),
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await host.close();
    await api.stop();
    await storage.dispose();
  });

  beforeEach(async () => {
    problems.length = 0;
    page = await browser.newPage({ locale: "en-US" });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    await page.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { cspViolations: violations });
      document.addEventListener("securitypolicyviolation", (event) => {
        violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
      });
    });
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  const part = (element: string, name: string) => page.locator(`${element} [part~=${name}]`);

  it("runs library, lesson, assessment, result and history with no violation", async () => {
    const path = `/${randomUUID().slice(0, 8)}`;
    host.page(
      path,
      `<rs-library></rs-library>
       <rs-assessment slug="decision-quality"></rs-assessment>
       <rs-history></rs-history>`,
    );
    const response = await page.goto(`${host.origin}${path}?employee=csp-${randomUUID()}`);
    expect(response?.headers()["content-security-policy"]).toContain("trusted-types lit-html");
    // The page really enforces Trusted Types: a plain string into innerHTML is refused.
    expect(
      await page.evaluate(() => {
        try {
          document.createElement("div").innerHTML = "<b>x</b>";
          return "accepted";
        } catch (error) {
          return error instanceof TypeError ? "refused" : String(error);
        }
      }),
    ).toBe("refused");
    // The probe's own refusal is the only one allowed, and the listener heard it.
    expect(await violations()).toEqual([expect.stringMatching(/^require-trusted-types-for/)]);
    await page.evaluate(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations.length = 0;
    });
    expect(problems).toEqual([expect.stringMatching(/requires 'TrustedHTML' assignment/)]);
    problems.length = 0;

    // The library, a lesson in it, and back.
    await part("rs-library", "lesson-button").first().click();
    await part("rs-library", "lesson-title").waitFor();
    expect(await part("rs-library", "section").count()).toBeGreaterThanOrEqual(4);
    await part("rs-library", "back-button").click();
    await part("rs-library", "skill-name").first().waitFor();

    // An empty history, then the assessment from its intro to the review.
    await part("rs-history", "status").waitFor();
    await part("rs-assessment", "start-button").click();
    const kinds = new Set<string>();
    for (;;) {
      const question = part("rs-assessment", "question");
      await question.waitFor();
      kinds.add((await question.getAttribute("class")) ?? "");
      if ((await part("rs-assessment", "textarea").count()) > 0) {
        await part("rs-assessment", "textarea").fill("What did we know at the time?");
      } else {
        await part("rs-assessment", "choice").nth(1).click();
      }
      await part("rs-assessment", "next-button").click();
      if ((await part("rs-assessment", "review").count()) > 0) break;
    }
    expect(kinds.size).toBe(3);

    // Review, submit, result with its chart and a recommended lesson.
    await part("rs-assessment", "review").waitFor();
    expect(await part("rs-assessment", "review-item").count()).toBe(7);
    await part("rs-assessment", "submit-button").click();
    await part("rs-assessment", "result").waitFor();
    expect(await page.locator("rs-assessment svg[part~=chart] rect.bar").count()).toBe(1);
    await part("rs-assessment", "lesson-button").first().click();
    await part("rs-assessment", "lesson-title").waitFor();
    await part("rs-assessment", "back-button").click();
    await part("rs-assessment", "retake-button").waitFor();

    // The history picks up the result: its chart and table.
    await part("rs-history", "chart").first().waitFor();
    await part("rs-history", "table-toggle").locator("summary").click();
    expect(await part("rs-history", "table").locator("tbody tr").count()).toBeGreaterThan(0);

    expect(await violations()).toEqual([]);
  });
});
