import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser, watchForProblems } from "../support/browser.js";
import { strictContentSecurityPolicy } from "../support/widget-host.js";
import {
  createStorage,
  freePort,
  runCli,
  startApi,
  type ApiProcess,
  type Storage,
} from "../support/stack.js";

const describeBrowser = browserAvailable() ? describe : describe.skip;

const BUNDLE = readFileSync(
  new URL("../../packages/widget/dist/real-skills.js", import.meta.url),
  "utf8",
);
const GUIDE = readFileSync(new URL("../../docs/embedding.md", import.meta.url), "utf8");

/** The pre-load snippet exactly as docs/embedding.md gives it. */
const SNIPPET = `window.RealSkills = window.RealSkills || {
  q: [],
  configure: function () {
    this.q.push(["configure", arguments]);
  },
};`;

interface TestPage {
  html: string;
  /** The page's own script, served as /page.js (no inline scripts under the strict CSP). */
  script?: string;
}

/**
 * How a host page uses the script tag, in Chromium against the live API: settings from the tag's
 * data-* attributes, `configure()` calls made before an async script has loaded, the script
 * loaded twice. Every page runs under the strict policy the guide documents, Trusted Types
 * included, and any console error or policy violation fails the test.
 */
describeBrowser("embedding real-skills.js with a script tag", () => {
  let storage: Storage;
  let api: ApiProcess;
  let host: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let token: string;
  const site: { page?: TestPage | undefined } = {};
  const problems: string[] = [];

  beforeAll(async () => {
    storage = await createStorage();
    expect(runCli(["content", "import"], storage.env).status).toBe(0);
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const created = runCli(
      ["org", "create", "--name", "Embedding", "--origin", origin, "--json"],
      storage.env,
    );
    expect(created.status).toBe(0);
    const { organization } = JSON.parse(created.stdout) as { organization: { slug: string } };
    const minted = runCli(
      ["token", "mint", "--org", organization.slug, "--sub", "embedding-e2e", "--ttl", "1h"],
      storage.env,
    );
    expect(minted.status).toBe(0);
    token = minted.stdout.trim();
    api = await startApi(storage.env);
    host = await startHostServer(port, site, api.url);
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
    site.page = undefined;
    page = await browser.newPage({ locale: "en-US" });
    await watchForProblems(page, problems);
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  const endpoint = () => `${api.url}/graphql`;
  const firstSkill = () => page.locator("rs-library h2.skill-name").first();
  const intro = () => page.locator("rs-assessment [part~=intro]");

  it("configures every element from the script tag's data-* attributes", async () => {
    site.page = {
      html: `<script src="/real-skills.js" data-endpoint="${endpoint()}" data-locale="de" defer></script>
        <rs-library></rs-library>`,
    };
    await page.goto(host.url);
    await firstSkill().waitFor();
    expect(await firstSkill().textContent()).toMatch(/Verantwortung/);

    // A configure() call after the script has loaded wins over the tag's attributes.
    await page.evaluate(() => {
      const { RealSkills } = window as unknown as { RealSkills: { configure(s: object): void } };
      RealSkills.configure({ locale: "en" });
    });
    await page.waitForFunction(() =>
      /responsib/i.test(
        document.querySelector("rs-library")?.shadowRoot?.querySelector("h2")?.textContent ?? "",
      ),
    );
  });

  it("replays configure() calls made before an async script loaded, in order, getToken included", async () => {
    site.page = {
      html: `<script>${SNIPPET}</script>
        <script src="/page.js"></script>
        <script src="/real-skills.js?delay=300" async></script>
        <rs-library></rs-library>
        <rs-assessment slug="decision-quality"></rs-assessment>`,
      script: `
        window.seenBeforeLoad = {
          registered: Boolean(customElements.get("rs-library")),
          queued: Array.isArray(window.RealSkills.q),
        };
        window.tokenCalls = 0;
        RealSkills.configure({ endpoint: "${endpoint()}", locale: "en" });
        RealSkills.configure({
          locale: "de",
          getToken: function () {
            window.tokenCalls += 1;
            return "${token}";
          },
        });`,
    };
    await page.goto(host.url);

    await intro().waitFor();
    // The second call's locale won over the first's; the getToken it carried signed in.
    expect(await intro().textContent()).toMatch(/Deine Antworten und Ergebnisse siehst nur du/);
    expect(await firstSkill().textContent()).toMatch(/Verantwortung/);
    const state = await page.evaluate(() => {
      const global = window as unknown as {
        seenBeforeLoad: { registered: boolean; queued: boolean };
        tokenCalls: number;
        RealSkills: { version?: string; q?: unknown };
      };
      return {
        seenBeforeLoad: global.seenBeforeLoad,
        tokenCalls: global.tokenCalls,
        version: global.RealSkills.version,
        queue: global.RealSkills.q,
      };
    });
    expect(state.seenBeforeLoad).toEqual({ registered: false, queued: true });
    expect(state.tokenCalls).toBeGreaterThanOrEqual(1);
    expect(state.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(state.queue).toBeUndefined();
  });

  it("takes the script twice without an error: one registration, every setting applied", async () => {
    site.page = {
      html: `<script src="/real-skills.js" data-endpoint="${endpoint()}" defer></script>
        <script src="/copy/real-skills.js" data-locale="de" defer></script>
        <script src="/page.js" defer></script>
        <rs-library></rs-library>
        <rs-assessment slug="decision-quality"></rs-assessment>`,
      script: `RealSkills.configure({ getToken: () => "${token}" });`,
    };
    await page.goto(host.url);

    await intro().waitFor();
    expect(await intro().textContent()).toMatch(/Deine Antworten/);
    expect(await firstSkill().textContent()).toMatch(/Verantwortung/);
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith("real-skills.js")),
    );
    expect(loaded.sort()).toEqual(["/copy/real-skills.js", "/real-skills.js"]);
    // Start still works with the first copy's classes.
    await page.locator("rs-assessment [part~=start-button]").click();
    await page.locator("rs-assessment [part~=question]").waitFor();
  });

  it("documents the snippet that these pages use", () => {
    expect(GUIDE).toContain(SNIPPET);
  });
});

/**
 * The customer's intranet for one test: `/` is `site.page`, `/page.js` its script, and
 * the built bundle is served at two URLs, as two tags (or a tag manager and a template) might
 * load it. `?delay=…` holds the bundle back that many milliseconds.
 */
async function startHostServer(
  port: number,
  site: { readonly page?: TestPage | undefined },
  apiUrl: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://host");
    const current = site.page;
    let type = "text/javascript";
    let body: string | undefined;
    const headers: Record<string, string> = {};
    if (url.pathname.endsWith("/real-skills.js")) {
      body = BUNDLE;
    } else if (url.pathname === "/page.js") {
      body = current?.script;
    } else if (url.pathname === "/" && current) {
      type = "text/html; charset=utf-8";
      body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
        <body>${current.html}</body></html>`;
      headers["Content-Security-Policy"] = strictPolicy(apiUrl, body);
    }
    if (body === undefined) {
      // A favicon request must not log a 404.
      response.writeHead(url.pathname === "/favicon.ico" ? 204 : 404).end();
      return;
    }
    const respond = () => {
      response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", ...headers });
      response.end(body);
    };
    setTimeout(respond, Number(url.searchParams.get("delay") ?? 0));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** The strict policy, admitting the page's pre-load snippet by its hash. */
function strictPolicy(apiUrl: string, html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, source]) =>
      `'sha256-${createHash("sha256")
        .update(source ?? "")
        .digest("base64")}'`,
  );
  return strictContentSecurityPolicy(apiUrl, hashes);
}
