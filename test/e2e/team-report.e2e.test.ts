import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { bandFor } from "@real-skills/shared";
import { de } from "../../packages/widget/src/i18n/de.js";
import { en } from "../../packages/widget/src/i18n/en.js";
import { axeViolations } from "../support/axe.js";
import { browserAvailable, launchBrowser, watchForProblems } from "../support/browser.js";
import { shiftedClockEnv, startOfNextMonth } from "../support/clock.js";
import { mintEmbedToken } from "../support/embed-token.js";
import { takeAssessment } from "../support/employees.js";
import {
  createStorage,
  freePort,
  graphql,
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

const ASSESSMENT = "decision-quality";
const MIN_GROUP_SIZE = 5;
// One team big enough to be shown, one too small: it must appear as hidden, without figures.
const BIG_TEAM = { name: "blue", people: MIN_GROUP_SIZE };
const SMALL_TEAM = { name: "green", people: 2 };

/** A table as a reader meets it: caption, then each row's cells as "th[scope] text" or "td text". */
interface ReadTable {
  caption: string;
  rows: string[][];
}

/**
 * `<rs-team-report>` on a host page with a strict CSP, against the real API: employees of two
 * teams take the assessment through GraphQL, then an HR analyst opens the report.
 */
describeBrowser("<rs-team-report> in Chromium against the live API", () => {
  let storage: Storage;
  let api: ApiProcess;
  let host: WidgetHost;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let expectedConsole: RegExp[] = [];
  /** What every employee scored: they all answered alike, so it is also every average. */
  let score: number;
  let skillName: string;

  beforeAll(async () => {
    storage = await createStorage();
    expect(runCli(["content", "import"], storage.env).status).toBe(0);
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const created = runCli(
      ["org", "create", "--name", "Report", "--origin", origin, "--json"],
      storage.env,
    );
    expect(created.status).toBe(0);
    const { embedKey } = JSON.parse(created.stdout) as { embedKey: EmbedKey };
    // Employees submit now; reports count months that have ended, so the analyst reads the
    // report from the same database through an API whose clock says it is next month.
    const submitting = await startApi(storage.env);
    const scores: number[] = [];
    try {
      for (const team of [BIG_TEAM, SMALL_TEAM]) {
        for (let index = 0; index < team.people; index += 1) {
          const token = await mintEmbedToken(embedKey, {
            sub: `${team.name}-${index}`,
            team: team.name,
          });
          const result = await takeAssessment(
            { apiUrl: submitting.url, token, origin },
            ASSESSMENT,
          );
          scores.push(...result.scores.map((entry) => entry.score));
          skillName = result.scores[0]?.skill.name ?? "";
        }
      }
    } finally {
      await submitting.stop();
    }
    // One skill, and the same answers everywhere: one score.
    expect(new Set(scores).size).toBe(1);
    score = scores[0] ?? NaN;

    const readAt = startOfNextMonth();
    const offset = readAt.getTime() - Date.now();
    api = await startApi({ ...storage.env, ...shiftedClockEnv(readAt) });
    host = await startWidgetHost({
      port,
      apiUrl: `${api.url}/graphql`,
      embedKey,
      clock: () => new Date(Date.now() + offset),
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
    expectedConsole = [];
    // axe needs a page of its own context.
    page = await (await browser.newContext({ locale: "en-US" })).newPage();
    await watchForProblems(page, problems, () => expectedConsole);
    await page.addInitScript(() => {
      const codes: string[] = [];
      Object.assign(window, { rsErrors: codes });
      document.addEventListener("rs-error", (event) => {
        codes.push((event as CustomEvent<{ code: string }>).detail.code);
      });
    });
  });

  afterEach(async () => {
    await page.context().close();
    expect(problems).toEqual([]);
  });

  async function open(attributes: string, role: "analyst" | "employee" = "analyst"): Promise<void> {
    const path = `/${randomUUID().slice(0, 8)}`;
    host.page(path, `<rs-team-report assessment="${ASSESSMENT}"${attributes}></rs-team-report>`);
    const query = new URLSearchParams({ employee: `hr-${randomUUID().slice(0, 8)}` });
    if (role === "analyst") query.set("role", "analyst");
    await page.goto(`${host.origin}${path}?${query.toString()}`);
  }

  const part = (name: string) => page.locator(`rs-team-report [part~=${name}]`);

  async function chartLabels(): Promise<string[]> {
    const charts = part("chart");
    await charts.first().waitFor();
    return Promise.all(
      (await charts.all()).map(async (chart) => (await chart.getAttribute("aria-label")) ?? ""),
    );
  }

  function readTables(): Promise<ReadTable[]> {
    return page.evaluate(() => {
      const root = document.querySelector("rs-team-report")?.shadowRoot;
      const text = (node: Node | null | undefined) =>
        (node?.textContent ?? "").replace(/\s+/g, " ").trim();
      return Array.from(root?.querySelectorAll("table") ?? []).map((table) => ({
        caption: text(table.caption),
        rows: Array.from(table.rows).map((row) =>
          Array.from(row.cells).map((cell) =>
            cell.tagName === "TH"
              ? `th[${cell.getAttribute("scope") ?? ""}] ${text(cell)}`
              : `td ${text(cell)}`,
          ),
        ),
      }));
    });
  }

  /** Tabs from the page's button before the widget to the tables' toggle and opens it. */
  async function openTablesByKeyboard(): Promise<void> {
    await page.locator("#before").focus();
    for (let presses = 0; presses < 20; presses += 1) {
      await page.keyboard.press("Tab");
      const focusedPart = await page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.getAttribute("part") ?? "";
      });
      if (focusedPart === "table-button") {
        await page.keyboard.press("Enter");
        await part("table").first().waitFor();
        return;
      }
    }
    throw new Error("Tab never reached the tables' toggle");
  }

  const monthOfSubmissions = (locale: string) =>
    new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(),
    );

  it("shows the big team's figures, the small team as hidden with the reason, and the same as tables", async () => {
    await open(' theme="light"');
    await expect(part("summary").textContent()).resolves.toContain(
      `: ${BIG_TEAM.people} responses.`,
    );
    const hidden = en.hiddenGroup(MIN_GROUP_SIZE);

    const [groups, trend] = await chartLabels();
    expect(groups).toBe(
      `${skillName}: average by group: Everyone: ${score}; ${BIG_TEAM.name}: ${score}; ${SMALL_TEAM.name}: ${hidden}`,
    );
    expect(trend).toBe(
      `${skillName}: everyone, month by month: ${monthOfSubmissions("en")}: ${score}`,
    );
    // What a sighted reader sees in the chart: the figures of the big team, the reason for the small.
    const drawn = await part("chart").first().locator("text").allTextContents();
    expect(drawn.map((label) => label.replace(/\s+/g, " ").trim())).toEqual([
      `Everyone · ${score}`,
      `${BIG_TEAM.name} · ${score}`,
      `${SMALL_TEAM.name} · ${hidden}`,
    ]);

    await openTablesByKeyboard();
    const [bySkill, byMonth] = await readTables();
    const bands = (["EMERGING", "DEVELOPING", "STRONG"] as const).map(
      (band) => `td ${bandFor(score) === band ? BIG_TEAM.people : 0}`,
    );
    const figures = [`td ${BIG_TEAM.people}`, `td ${score}`, ...bands];
    expect(bySkill?.caption).toBe(skillName);
    expect(bySkill?.rows.map((row) => row.slice(0, 6))).toEqual([
      ["Group", "Responses", "Average", "Emerging", "Developing", "Strong"].map(
        (text) => `th[col] ${text}`,
      ),
      ["th[row] Everyone", ...figures],
      [`th[row] ${BIG_TEAM.name}`, ...figures],
      // The hidden team: the reason, and not one figure of its own.
      [`th[row] ${SMALL_TEAM.name}`, `td ${hidden}`],
    ]);
    expect(byMonth?.caption).toBe("Everyone, month by month");
    expect(byMonth?.rows.at(-1)).toEqual([
      `th[row] ${monthOfSubmissions("en")}`,
      `td ${BIG_TEAM.people}`,
      `td ${score}`,
    ]);
  });

  it("speaks German with locale=de, skill names included, and no English UI text", async () => {
    const skill = await graphql<{ skill: { name: string } }>(
      api.url,
      `
        query ($slug: String!) {
          skill(slug: $slug, locale: DE) {
            name
          }
        }
      `,
      { slug: ASSESSMENT },
    );
    const germanName = skill.body.data?.skill.name ?? "";
    await open(' locale="de"');
    await expect(part("summary").textContent()).resolves.toContain(
      `: ${BIG_TEAM.people} Antworten.`,
    );
    const [groups] = await chartLabels();
    expect(groups).toBe(
      `${germanName}: Durchschnitt je Gruppe: Alle: ${score}; ${BIG_TEAM.name}: ${score}; ${SMALL_TEAM.name}: ${de.hiddenGroup(MIN_GROUP_SIZE)}`,
    );
    await openTablesByKeyboard();
    const text = await page
      .locator("rs-team-report")
      .evaluate((element) => element.shadowRoot?.textContent ?? "");
    expect(text).toContain(de.showTable);
    expect(text).toContain(de.reliability);
    for (const english of [
      en.everyone,
      en.showTable,
      en.responses,
      en.hiddenGroup(MIN_GROUP_SIZE),
      en.trendCaption,
    ]) {
      expect(text).not.toContain(english);
    }
  });

  it("says in words that an employee's token cannot open the report", async () => {
    expectedConsole = [/Failed to load resource: the server responded with a status of 403/];
    await open("", "employee");
    await page.locator("rs-team-report [part~=error]", { hasText: en.reportForbidden }).waitFor();
    // Before the page's script has configured getToken, the element reports that it has none.
    const codes = await page.evaluate(() => (window as unknown as { rsErrors: string[] }).rsErrors);
    expect(codes.at(-1)).toBe("FORBIDDEN");
    await expect(part("chart").count()).resolves.toBe(0);
  });

  it("says in words that a month that has not ended cannot be reported", async () => {
    await open(' to="2099-01"');
    await page.locator("rs-team-report [part~=error]", { hasText: en.reportBadPeriod }).waitFor();
    const codes = await page.evaluate(() => (window as unknown as { rsErrors: string[] }).rsErrors);
    expect(codes.at(-1)).toBe("BAD_USER_INPUT");
  });

  it("says so when nothing was counted in the months asked for", async () => {
    await open(' from="2020-01" to="2020-03"');
    const empty = en.reportEmpty("Jan 2020", "Mar 2020");
    await page.locator("rs-team-report [part~=status]", { hasText: empty }).waitFor();
  });

  it.each([
    ["the light theme", ' theme="light"'],
    ["the dark theme", ' theme="dark"'],
  ])(
    "has no WCAG 2.2 AA violations with its tables open or when empty, in %s",
    async (_theme, attributes) => {
      const violations: string[] = [];
      await open(attributes);
      await part("chart").first().waitFor();
      violations.push(...(await axeViolations(page, "rs-team-report", "report")));
      await openTablesByKeyboard();
      violations.push(...(await axeViolations(page, "rs-team-report", "report with tables")));
      await open(`${attributes} from="2020-01" to="2020-03"`);
      await page.locator("rs-team-report [part~=status]", { hasText: "No responses" }).waitFor();
      violations.push(...(await axeViolations(page, "rs-team-report", "nothing counted")));
      expect(violations.join("\n")).toBe("");
    },
  );
});
