import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { assessmentInput, type TextFor } from "../support/abuse-assessment.js";
import { inertness, shadowText, type Inertness } from "../support/abuse-inertness.js";
import { browserAvailable, launchBrowser, watchForProblems } from "../support/browser.js";
import { shiftedClockEnv, startOfNextMonth } from "../support/clock.js";
import { mintEmbedToken } from "../support/embed-token.js";
import { agreeAndPickFirst, takeAssessment } from "../support/employees.js";
import { startPostgresServer, type PostgresServer } from "../support/postgres-server.js";
import {
  INTRANET_ORIGIN,
  asAdmin,
  printMeasured,
  setUpOrganization,
} from "../support/reliability.js";
import { freePort, startApi, type ApiProcess } from "../support/stack.js";
import {
  startWidgetHost,
  strictContentSecurityPolicy,
  type WidgetHost,
} from "../support/widget-host.js";

// Text that other people author reaches employees' and HR's browsers through the widget: an
// organisation's assessment (title, description, prompts, option labels, in both languages) and
// the team and department names its intranet puts into embed tokens. Filled with script
// payloads, all of it must render as text, on a page without any CSP (which would otherwise hide
// an injection) and under the strict one: nothing runs, no element comes out of it, and the
// payloads read literally.

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** Each runs script (sets `window.__pwned`, opens a dialog) or adds an element if parsed as HTML. */
const PAYLOADS = [
  `<img src=x onerror="window.__pwned=1">`,
  `<script>window.__pwned=1</script>`,
  `<svg onload=window.__pwned=1>`,
  `javascript:window.__pwned=1`,
  "${window.__pwned=1}",
  "{{constructor.constructor('window.__pwned=1')()}}",
  `"><img src=x onerror=alert(1)>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>">`,
  `<a href="javascript:window.__pwned=1">go</a>`,
  `<!--?lit$1234$--><b onmouseover=alert(1)>lit</b>`,
  `</textarea><style>*{display:none}</style>`,
];

const SLUG = "inert-content";
/** Three people each: the organisation's smallest group shown. */
const MIN_GROUP_SIZE = 3;
const TEAMS = [PAYLOADS[0], PAYLOADS[2], PAYLOADS[7]].map((payload) => `${payload} team`);
const DEPARTMENTS = [PAYLOADS[1], PAYLOADS[6], PAYLOADS[9]].map((p) => `${p} department`);
const REFLECTION = `<img src=x onerror="window.__pwned=1"> my reflection`;

/** Every authored text of the assessment, by `place locale`, each with a payload in it. */
const authored = new Map<string, string>();
const hostileText: TextFor = (place, locale) => {
  const text = `${PAYLOADS[authored.size % PAYLOADS.length] ?? ""} ${place}`;
  authored.set(`${place} ${locale}`, text);
  return text;
};

describeBrowser("authored text and claims full of script payloads render inert", () => {
  let server: PostgresServer;
  let api: ApiProcess;
  let open: WidgetHost;
  let strict: WidgetHost;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPostgresServer();
    const env = { DATABASE_URL: await server.createDatabase("inert"), LOG_LEVEL: "warn" };
    const organization = setUpOrganization(env, "Inert Co");
    const [openPort, strictPort] = [await freePort(), await freePort()];
    const origins = [openPort, strictPort].map((port) => `http://localhost:${port}`);

    // Employees of payload-named teams submit now; reports count months that have ended, so
    // HR reads from an API whose clock says it is next month (see team-report.e2e.test.ts).
    const submitting = await startApi(env);
    try {
      await asAdmin(
        submitting.url,
        organization,
        `mutation($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { id } }`,
        { input: { allowedOrigins: [INTRANET_ORIGIN, ...origins], minGroupSize: MIN_GROUP_SIZE } },
      );
      await asAdmin(
        submitting.url,
        organization,
        `mutation($input: AssessmentInput!) { createAssessment(input: $input) { slug } }`,
        { input: assessmentInput(SLUG, hostileText) },
      );
      await asAdmin(
        submitting.url,
        organization,
        `mutation($slug: String!) { publishAssessment(slug: $slug) { slug } }`,
        { slug: SLUG },
      );
      for (const [index, team] of TEAMS.entries()) {
        for (let person = 0; person < MIN_GROUP_SIZE; person += 1) {
          const token = await mintEmbedToken(organization.embedKey, {
            sub: `inert-${index}-${person}`,
            team,
            department: DEPARTMENTS[index] ?? "",
          });
          await takeAssessment(
            { apiUrl: submitting.url, token, origin: INTRANET_ORIGIN },
            SLUG,
            (item) => (item.kind === "REFLECTION" ? { text: REFLECTION } : agreeAndPickFirst(item)),
          );
        }
      }
    } finally {
      await submitting.stop();
    }

    const readAt = startOfNextMonth();
    const offset = readAt.getTime() - Date.now();
    api = await startApi({ ...env, ...shiftedClockEnv(readAt) });
    const host = (port: number, contentSecurityPolicy?: string) =>
      startWidgetHost({
        port,
        apiUrl: `${api.url}/graphql`,
        embedKey: organization.embedKey,
        clock: () => new Date(Date.now() + offset),
        ...(contentSecurityPolicy ? { contentSecurityPolicy } : {}),
      });
    open = await host(openPort);
    strict = await host(strictPort, strictContentSecurityPolicy(api.url));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await open.close();
    await strict.close();
    await api.stop();
    await server.dispose();
  });

  /** A page that records problems, dialogs and requests to anywhere but the host and the API. */
  async function watchedPage(host: WidgetHost) {
    const page = await (await browser.newContext({ locale: "en-US" })).newPage();
    const problems: string[] = [];
    const dialogs: string[] = [];
    const strayRequests: string[] = [];
    await watchForProblems(page, problems);
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      const url = new URL(request.url());
      const ours =
        (url.origin === host.origin && url.pathname !== "/x") ||
        (url.origin === new URL(api.url).origin && url.pathname === "/graphql");
      if (!ours) strayRequests.push(request.url());
    });
    return { page, problems, dialogs, strayRequests };
  }

  const pageFor = (host: WidgetHost, body: string, query: Record<string, string>) => {
    const path = `/${randomUUID().slice(0, 8)}`;
    host.page(path, body);
    return `${host.origin}${path}?${new URLSearchParams(query).toString()}`;
  };

  it.each([
    ["without a CSP", () => open, "en"],
    ["under the strict CSP", () => strict, "de"],
  ] as const)(
    "an employee takes an assessment whose every text is a payload, %s",
    async (title, hostOf, locale) => {
      const host = hostOf();
      const { page, problems, dialogs, strayRequests } = await watchedPage(host);
      const part = (name: string) => page.locator(`rs-assessment [part~=${name}]`);
      const seen: string[] = [];
      const checks: Inertness[] = [];
      const look = async (element: string) => {
        seen.push(await shadowText(page, element));
        checks.push(await inertness(page));
      };
      await page.goto(
        pageFor(host, `<rs-assessment slug="${SLUG}"></rs-assessment><rs-history></rs-history>`, {
          employee: `inert-taker-${randomUUID()}`,
          ...(locale === "de" ? { configLocale: "de" } : {}),
        }),
      );
      await part("start-button").waitFor();
      await look("rs-assessment");
      await part("start-button").click();
      let questions = 0;
      while ((await part("review").count()) === 0) {
        await part("question").waitFor();
        await look("rs-assessment");
        questions += 1;
        if ((await part("textarea").count()) > 0) await part("textarea").fill(REFLECTION);
        else await part("choice").first().click();
        await part("next-button").click();
      }
      await look("rs-assessment");
      await part("submit-button").click();
      await part("result").waitFor();
      await look("rs-assessment");
      await page.locator("rs-history [part~=chart]").first().waitFor();
      await look("rs-history");

      const texts = [...authored].filter(([key]) => key.endsWith(` ${locale}`)).map(([, t]) => t);
      const missing = [...texts, REFLECTION].filter((text) => !seen.some((s) => s.includes(text)));
      printMeasured(`inert content: an employee's assessment ${title}`, {
        "authored texts with payloads": texts.length,
        "screens looked at": checks.length,
        questions,
        "texts not shown literally": missing,
        "window.__pwned": checks.map((check) => check.pwned).find((pwned) => pwned !== undefined),
        "foreign elements or attributes": checks.flatMap((check) => check.foreign),
        dialogs,
        "requests elsewhere": strayRequests,
        problems,
      });
      expect(questions).toBe(5);
      expect(missing).toEqual([]);
      expect(checks).toEqual(checks.map(() => ({ pwned: undefined, foreign: [] })));
      expect(dialogs).toEqual([]);
      expect(strayRequests).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it.each([
    ["by team, without a CSP", () => open, "team", TEAMS],
    ["by department, under the strict CSP", () => strict, "department", DEPARTMENTS],
  ] as const)(
    "HR reads a report %s, every group named with a payload",
    async (title, hostOf, groupBy, names) => {
      const host = hostOf();
      const { page, problems, dialogs, strayRequests } = await watchedPage(host);
      const part = (name: string) => page.locator(`rs-team-report [part~=${name}]`);
      await page.goto(
        pageFor(
          host,
          `<rs-team-report assessment="${SLUG}" group-by="${groupBy}"></rs-team-report>`,
          {
            employee: `inert-hr-${randomUUID()}`,
            role: "analyst",
          },
        ),
      );
      await part("chart").first().waitFor();
      await part("table-button").first().click();
      await part("table").first().waitFor();
      const text = await shadowText(page, "rs-team-report");
      const labels = await Promise.all(
        (await part("chart").all()).map(
          async (chart) => (await chart.getAttribute("aria-label")) ?? "",
        ),
      );
      const check = await inertness(page);
      const missing = names.filter((name) => !text.includes(name));
      const unlabelled = names.filter((name) => !labels.some((label) => label.includes(name)));
      printMeasured(`inert content: a report ${title}`, {
        "group names with payloads": names.length,
        charts: labels.length,
        "names not shown literally": missing,
        "names missing from the charts' labels": unlabelled,
        "window.__pwned": check.pwned,
        "foreign elements or attributes": check.foreign,
        dialogs,
        "requests elsewhere": strayRequests,
        problems,
      });
      expect(missing).toEqual([]);
      expect(unlabelled).toEqual([]);
      expect(check).toEqual({ pwned: undefined, foreign: [] });
      expect(dialogs).toEqual([]);
      expect(strayRequests).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );
});
