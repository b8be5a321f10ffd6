import { randomUUID } from "node:crypto";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { de } from "../../packages/widget/src/i18n/de.js";
import { en } from "../../packages/widget/src/i18n/en.js";
import type { Messages } from "../../packages/widget/src/i18n/messages.js";
import { browserAvailable, launchBrowser, watchForProblems } from "../support/browser.js";
import {
  createStorage,
  freePort,
  runCli,
  startApi,
  type ApiProcess,
  type Storage,
} from "../support/stack.js";
import { startWidgetHost, type EmbedKey, type WidgetHost } from "../support/widget-host.js";

const describeBrowser = browserAvailable() ? describe : describe.skip;

// WCAG 2.2 AA, and axe's best practices on top: heading order, landmarks, and the like.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const ASSESSMENT = "decision-quality";
const LESSON = "separate-decisions-from-outcomes";
const ELEMENTS = ["rs-library", "rs-lesson", "rs-assessment", "rs-history"] as const;

/** How a walk through the states looks at each one; `selector` names the element to look at. */
type Check = (state: string, selector: string) => Promise<void>;

interface Focused {
  tag: string;
  part: string;
  id: string;
  /** The host element the focus sits in, or "" on the page itself. */
  host: string;
}

/**
 * WCAG 2.2 AA of every element in every state, in Chromium against the live API: axe on each
 * state, in the light and the dark theme; the keyboard through the paths the main flow test
 * does not take; one live region for progress and save state; and German without English.
 */
describeBrowser("accessibility of every element in every state", () => {
  let storage: Storage;
  let api: ApiProcess;
  let host: WidgetHost;
  let adminKey: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let expectedConsole: RegExp[] = [];

  beforeAll(async () => {
    storage = await createStorage();
    expect(runCli(["content", "import"], storage.env).status).toBe(0);
    const port = await freePort();
    const created = runCli(
      ["org", "create", "--name", "Axe", "--origin", `http://localhost:${port}`, "--json"],
      storage.env,
    );
    expect(created.status).toBe(0);
    const { apiKey, embedKey } = JSON.parse(created.stdout) as {
      apiKey: string;
      embedKey: EmbedKey;
    };
    adminKey = apiKey;
    api = await startApi(storage.env);
    host = await startWidgetHost({ port, apiUrl: `${api.url}/graphql`, embedKey });
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
  });

  afterEach(async () => {
    await page.context().close();
    expect(problems).toEqual([]);
  });

  const newEmployee = () => `a11y-${randomUUID().slice(0, 8)}`;

  /** Serves `body` on a host page and opens it; `query` drives the page script (widget-host). */
  async function open(body: string, query: Record<string, string> = {}): Promise<void> {
    const path = `/${randomUUID().slice(0, 8)}`;
    host.page(path, body);
    const search = new URLSearchParams(query).toString();
    await page.goto(`${host.origin}${path}${search ? `?${search}` : ""}`);
  }

  async function setRetakeCooldown(days: number): Promise<void> {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({
        query: `mutation($days: Int!) {
          updateOrganizationSettings(input: { retakeCooldownDays: $days }) { retakeCooldownDays }
        }`,
        variables: { days },
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  }

  /** Waits for a part inside the element's shadow root (Playwright's locators pierce it). */
  const part = (element: string, name: string) => page.locator(`${element} [part~=${name}]`);

  async function focused(): Promise<Focused> {
    return page.evaluate(() => {
      let element = document.activeElement;
      let hostTag = "";
      while (element?.shadowRoot?.activeElement) {
        hostTag = element.tagName.toLowerCase();
        element = element.shadowRoot.activeElement;
      }
      return {
        tag: element?.tagName.toLowerCase() ?? "",
        part: element?.getAttribute("part") ?? "",
        id: element?.id ?? "",
        host: hostTag,
      };
    });
  }

  async function tabTo(
    matches: (element: Focused) => boolean,
    { limit = 60, key = "Tab" } = {},
  ): Promise<Focused> {
    for (let presses = 0; presses < limit; presses += 1) {
      await page.keyboard.press(key);
      const now = await focused();
      if (matches(now)) return now;
    }
    throw new Error(
      `${key} never reached the element; focus is on ${JSON.stringify(await focused())}`,
    );
  }

  const isPart = (name: string) => (element: Focused) => element.part.split(" ").includes(name);

  async function progressText(): Promise<string> {
    return (await part("rs-assessment", "progress").textContent()) ?? "";
  }

  async function waitForText(selector: string, text: string): Promise<void> {
    await page.locator(selector, { hasText: text }).first().waitFor();
  }

  /** Waits until the save state says exactly `text` ("Saved" is part of "Saved on this device"). */
  async function waitForSync(text: string): Promise<void> {
    await page
      .locator("rs-assessment [part~=sync]", {
        hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`),
      })
      .waitFor();
  }

  // ---------------------------------------------------------------------------------------------
  // The walk: every state of every element, with `check` called in each.

  interface Walk {
    /** Extra attributes for every element, e.g. ` theme="dark"` or ` locale="de"`. */
    attributes: string;
    /** Texts the walk waits for, in the walk's language. */
    texts: { savedOnDevice: string; saved: string; retakeFrom: RegExp };
    check: Check;
  }

  async function walkAllStates({ attributes, texts, check }: Walk): Promise<void> {
    const attrs = attributes;
    // Loading: every element waits for an API that does not answer.
    await page.route(`${api.url}/**`, () => undefined);
    await open(
      `<rs-library${attrs}></rs-library>
       <rs-lesson slug="${LESSON}"${attrs}></rs-lesson>
       <rs-assessment slug="${ASSESSMENT}"${attrs}></rs-assessment>
       <rs-history${attrs}></rs-history>`,
      { employee: newEmployee() },
    );
    for (const element of ELEMENTS) {
      await part(element, "status").first().waitFor();
      await check(`${element}: loading`, element);
    }
    await page.unroute(`${api.url}/**`);

    // Errors: no answer from the API at all.
    expectedConsole = [/Failed to load resource: net::ERR_FAILED/];
    await page.route(`${api.url}/**`, (route) => route.abort());
    await page.reload();
    for (const element of ELEMENTS) {
      await part(element, "error").waitFor();
      await check(`${element}: error`, element);
    }
    await page.unroute(`${api.url}/**`);
    expectedConsole = [];

    // The library, then a lesson inside it.
    await open(`<rs-library${attrs}></rs-library>`);
    await part("rs-library", "skill-name").first().waitFor();
    await check("rs-library: list", "rs-library");
    await part("rs-library", "lesson-button").first().click();
    await part("rs-library", "lesson-title").waitFor();
    await check("rs-library: lesson", "rs-library");

    // A lesson, no lesson chosen, and a lesson that does not exist.
    await open(
      `<rs-lesson id="lesson" slug="${LESSON}"${attrs}></rs-lesson>
       <rs-lesson id="unchosen"${attrs}></rs-lesson>
       <rs-lesson id="missing" slug="no-such-lesson"${attrs}></rs-lesson>`,
    );
    await part("#lesson", "lesson-title").waitFor();
    await check("rs-lesson: lesson", "#lesson");
    await part("#unchosen", "status").waitFor();
    await check("rs-lesson: no lesson chosen", "#unchosen");
    await part("#missing", "status").waitFor();
    await check("rs-lesson: not found", "#missing");

    // Employee elements without a token: sign-in needed.
    await open(
      `<rs-assessment slug="${ASSESSMENT}"${attrs}></rs-assessment><rs-history${attrs}></rs-history>`,
    );
    for (const element of ["rs-assessment", "rs-history"]) {
      await part(element, "sign-in").waitFor();
      await check(`${element}: sign-in needed`, element);
    }

    // An assessment that does not exist.
    await open(`<rs-assessment slug="no-such-assessment"${attrs}></rs-assessment>`, {
      employee: newEmployee(),
    });
    await part("rs-assessment", "error").waitFor();
    await check("rs-assessment: unknown slug", "rs-assessment");

    // The whole attempt, with an empty history beside it.
    const employee = newEmployee();
    await open(
      `<rs-assessment slug="${ASSESSMENT}"${attrs}></rs-assessment><rs-history${attrs}></rs-history>`,
      { employee },
    );
    await part("rs-history", "status").waitFor();
    await check("rs-history: no results yet", "rs-history");
    await part("rs-assessment", "start-button").waitFor();
    await check("rs-assessment: intro", "rs-assessment");
    await part("rs-assessment", "start-button").click();

    const kinds = new Set<string>();
    for (let position = 1; ; position += 1) {
      const question = part("rs-assessment", "question");
      await question.waitFor();
      const kind = (await question.getAttribute("class"))?.replace("question", "").trim() ?? "";
      if (position === 1)
        await check("rs-assessment: a question, not answered yet", "rs-assessment");
      if (position === 4) {
        // Offline for one answer: it waits on the device, and the progress line says so.
        expectedConsole = [/Failed to load resource: net::ERR_FAILED/];
        await page.route(`${api.url}/**`, (route) => route.abort());
        await part("rs-assessment", "choice").nth(1).click();
        await waitForText("rs-assessment [part~=sync]", texts.savedOnDevice);
        await check("rs-assessment: saved on this device (offline)", "rs-assessment");
        await page.unroute(`${api.url}/**`);
        expectedConsole = [];
        // Answering again sends at once.
        await part("rs-assessment", "choice").nth(0).click();
      } else if (kind === "reflection") {
        await part("rs-assessment", "textarea").fill("What did we know when we decided?");
        await part("rs-assessment", "textarea").blur();
      } else {
        await part("rs-assessment", "choice")
          .nth(position % 3)
          .click();
      }
      await waitForSync(texts.saved);
      if (!kinds.has(kind)) await check(`rs-assessment: ${kind} question`, "rs-assessment");
      kinds.add(kind);
      await part("rs-assessment", "next-button").click();
      if ((await part("rs-assessment", "review").count()) > 0) break;
    }
    expect([...kinds].sort()).toEqual(["likert", "options", "reflection"]);

    await part("rs-assessment", "review").waitFor();
    await check("rs-assessment: review", "rs-assessment");
    // A question opened from the review, with its way back.
    await part("rs-assessment", "change-button").nth(2).click();
    await part("rs-assessment", "question").waitFor();
    await check("rs-assessment: a question opened from the review", "rs-assessment");
    await part("rs-assessment", "next-button").click();
    await part("rs-assessment", "review").waitFor();

    // Submitting while the API cannot be reached, then the result.
    expectedConsole = [/Failed to load resource: net::ERR_FAILED/];
    await page.route(`${api.url}/**`, (route) => route.abort());
    await part("rs-assessment", "submit-button").click();
    await waitForText("rs-assessment [part~=progress]", texts.savedOnDevice);
    await check("rs-assessment: submitting (offline)", "rs-assessment");
    await page.unroute(`${api.url}/**`);
    await part("rs-assessment", "result").waitFor({ timeout: 30_000 });
    expectedConsole = [];
    await check("rs-assessment: result", "rs-assessment");
    await part("rs-assessment", "lesson-button").first().click();
    await part("rs-assessment", "lesson-title").waitFor();
    await check("rs-assessment: a recommended lesson", "rs-assessment");
    await part("rs-assessment", "back-button").click();

    // Taking it again within the organisation's cooldown.
    await setRetakeCooldown(30);
    try {
      await part("rs-assessment", "retake-button").click();
      await page
        .locator("rs-assessment [part~=result] [role=status]", { hasText: texts.retakeFrom })
        .waitFor();
      await check("rs-assessment: retake refused (cooldown)", "rs-assessment");

      // A reload within the cooldown, and a history with results.
      await page.reload();
      await part("rs-assessment", "error").waitFor();
      await check("rs-assessment: cooldown after a reload", "rs-assessment");
    } finally {
      await setRetakeCooldown(0);
    }
    await part("rs-history", "chart").first().waitFor();
    await check("rs-history: results", "rs-history");
    await part("rs-history", "table-toggle").locator("summary").click();
    await part("rs-history", "table").waitFor();
    await check("rs-history: results with the table open", "rs-history");
  }

  // ---------------------------------------------------------------------------------------------
  // axe in every state.

  function axeCheck(violations: string[]): Check {
    return async (state, selector) => {
      const results = await new AxeBuilder({ page }).include(selector).withTags(AXE_TAGS).analyze();
      for (const violation of results.violations) {
        const nodes = violation.nodes
          .map((node) => `    ${JSON.stringify(node.target)}: ${node.failureSummary ?? ""}`)
          .join("\n");
        violations.push(`${state}: ${violation.id} (${violation.impact ?? ""})\n${nodes}`);
      }
    };
  }

  const ENGLISH_TEXTS = {
    savedOnDevice: en.savedOnDevice,
    saved: en.saved,
    retakeFrom: /You can take it again from \w+ \d+/,
  };

  it.each([
    ["the light theme", ""],
    ["the dark theme", ' theme="dark"'],
  ])("has no WCAG 2.2 AA violations in any state, in %s", async (_theme, attributes) => {
    const violations: string[] = [];
    await walkAllStates({ attributes, texts: ENGLISH_TEXTS, check: axeCheck(violations) });
    expect(violations.join("\n")).toBe("");
  });

  // ---------------------------------------------------------------------------------------------
  // German, everywhere.

  /**
   * English UI texts that German says differently: none of them may show in German. A message
   * that is a function contributes its fixed words ("minutes", "Change the answer to question").
   */
  function englishOnly(): string[] {
    const texts = new Set<string>();
    const MARK = "\u0001";
    for (const key of Object.keys(en) as (keyof Messages)[]) {
      const english = en[key];
      const german = de[key];
      if (typeof english === "string") {
        if (english !== german) texts.add(english);
      } else if (typeof english === "function" && key !== "band") {
        const say = (message: unknown) =>
          (message as (...args: string[]) => string)(MARK, MARK, MARK);
        if (say(english) === say(german)) continue;
        for (const fragment of say(english).split(MARK)) {
          const words = fragment.replace(/^[\s:;,.]+|[\s:;,.]+$/g, "");
          if (words.length >= 4) texts.add(words);
        }
      }
    }
    en.likert.forEach((text, index) => {
      if (text !== de.likert[index]) texts.add(text);
    });
    for (const band of ["EMERGING", "DEVELOPING", "STRONG"] as const) texts.add(en.band(band));
    return [...texts];
  }

  it("shows every state in German with no English UI text left", async () => {
    const english = englishOnly();
    const found: string[] = [];
    const violations: string[] = [];
    const axe = axeCheck(violations);
    await walkAllStates({
      attributes: ' locale="de"',
      texts: {
        savedOnDevice: de.savedOnDevice,
        saved: de.saved,
        retakeFrom: /ab dem \d+\. \w+/,
      },
      check: async (state, selector) => {
        const text = await page.locator(selector).evaluate((element) => {
          const root = element.shadowRoot;
          const labels = Array.from(root?.querySelectorAll("[aria-label]") ?? [], (each) =>
            each.getAttribute("aria-label"),
          );
          return [root?.textContent ?? "", ...labels].join("\n").replace(/\s+/g, " ");
        });
        const left = english.filter((phrase) =>
          new RegExp(`(^|[^\\p{L}])${escapeRegExp(phrase)}($|[^\\p{L}])`, "u").test(text),
        );
        if (left.length > 0) found.push(`${state}: ${left.map((each) => `"${each}"`).join(", ")}`);
        await axe(state, selector);
      },
    });
    expect(found).toEqual([]);
    expect(violations.join("\n")).toBe("");
  });

  // ---------------------------------------------------------------------------------------------
  // Keyboard, focus and announcements.

  /** Starts the assessment with the keyboard and answers every question; ends on the review. */
  async function answerAllWithKeyboard(): Promise<number> {
    await part("rs-assessment", "start-button").waitFor();
    await tabTo(isPart("start-button"));
    await page.keyboard.press("Enter");
    let total = 0;
    for (let position = 1; total === 0 || position <= total; position += 1) {
      await waitForText("rs-assessment [part~=progress]", `Question ${position} of`);
      total = Number(/of (\d+)/.exec(await progressText())?.[1]);
      expect(await focused()).toEqual(expect.objectContaining({ tag: "legend" }));
      const reflection = (await part("rs-assessment", "textarea").count()) > 0;
      await tabTo((element) => element.tag === "textarea" || element.tag === "input", {
        limit: 3,
      });
      if (reflection) await page.keyboard.type("Ask what we knew.");
      else await page.keyboard.press("Space");
      await tabTo(isPart("next-button"), { limit: 6 });
      await page.keyboard.press("Enter");
    }
    await part("rs-assessment", "review").waitFor();
    return total;
  }

  it("changes an answer from the review by keyboard, with focus on the question and back on the review", async () => {
    await open(`<rs-assessment slug="${ASSESSMENT}"></rs-assessment>`, {
      employee: newEmployee(),
    });
    const total = await answerAllWithKeyboard();
    expect(await focused()).toEqual(expect.objectContaining({ tag: "h2", part: "title" }));
    const before = await page.locator("rs-assessment .review-answer").nth(1).textContent();

    // Tab reaches the change button of question 2, whose name says which question it changes.
    await tabTo(isPart("change-button"));
    await tabTo(isPart("change-button"));
    const name = await page.evaluate(() =>
      document
        .querySelector("rs-assessment")
        ?.shadowRoot?.activeElement?.getAttribute("aria-label"),
    );
    expect(name).toBe("Change the answer to question 2");
    await page.keyboard.press("Enter");
    await waitForText("rs-assessment [part~=progress]", `Question 2 of ${total}`);
    expect((await focused()).tag).toBe("legend");
    expect(await part("rs-assessment", "next-button").textContent()).toMatch(/Back to the review/);

    await tabTo((element) => element.tag === "input");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await tabTo(isPart("next-button"), { limit: 6 });
    await page.keyboard.press("Enter");
    await part("rs-assessment", "review").waitFor();
    expect(await focused()).toEqual(expect.objectContaining({ tag: "h2", part: "title" }));
    expect(await page.locator("rs-assessment .review-answer").nth(1).textContent()).not.toBe(
      before,
    );

    // Back from the review goes to the last question.
    await tabTo(isPart("back-button"), { limit: 30 });
    await page.keyboard.press("Enter");
    await waitForText("rs-assessment [part~=progress]", `Question ${total} of ${total}`);
    expect((await focused()).tag).toBe("legend");
  });

  it("announces progress and save state through one live region that stays in place", async () => {
    await open(`<rs-assessment slug="${ASSESSMENT}"></rs-assessment>`, {
      employee: newEmployee(),
    });
    await part("rs-assessment", "start-button").waitFor();
    // The region is there, empty, before the first question: a screen reader hears it change.
    /** Every live region, named by the part it sits in. */
    const statusRegions = () =>
      page
        .locator("rs-assessment")
        .evaluate((element) =>
          Array.from(element.shadowRoot?.querySelectorAll("[role=status]") ?? [], (region) =>
            (region.closest("[part]")?.getAttribute("part") ?? "").trim(),
          ),
        );
    expect(await statusRegions()).toEqual(["progress"]);
    expect((await progressText()).trim()).toBe("");
    await page.locator("rs-assessment").evaluate((element) => {
      const region = element.shadowRoot?.querySelector("[role=status]");
      Object.assign(window, { progressRegion: region });
    });
    const sameRegion = () =>
      page
        .locator("rs-assessment")
        .evaluate(
          (element) =>
            element.shadowRoot?.querySelector("[role=status]") ===
            (window as unknown as { progressRegion: Element }).progressRegion,
        );

    await part("rs-assessment", "start-button").click();
    await waitForText("rs-assessment [part~=progress]", "Question 1 of 7");
    await part("rs-assessment", "choice").first().click();
    await waitForSync("Saved");
    expect(await sameRegion()).toBe(true);
    await part("rs-assessment", "next-button").click();
    await waitForText("rs-assessment [part~=progress]", "Question 2 of 7");
    expect(await sameRegion()).toBe(true);
    expect(await statusRegions()).toEqual(["progress"]);

    expectedConsole = [/Failed to load resource: net::ERR_FAILED/];
    await page.route(`${api.url}/**`, (route) => route.abort());
    await part("rs-assessment", "choice").first().click();
    await waitForText("rs-assessment [part~=progress]", en.savedOnDevice);
    expect(await sameRegion()).toBe(true);
    await page.unroute(`${api.url}/**`);
    await part("rs-assessment", "choice").nth(1).click();
    await waitForSync("Saved");

    // The review keeps the same region for the save state.
    for (let position = 2; position <= 7; position += 1) {
      if ((await part("rs-assessment", "textarea").count()) > 0) {
        await part("rs-assessment", "textarea").fill("Noted.");
      } else if (position > 2) {
        await part("rs-assessment", "choice").first().click();
      }
      await part("rs-assessment", "next-button").click();
    }
    await part("rs-assessment", "review").waitFor();
    expect(await sameRegion()).toBe(true);
    expect(await statusRegions()).toEqual(["progress"]);
  });

  it("takes it again by keyboard, and says from when while the cooldown runs", async () => {
    await open(`<rs-assessment slug="${ASSESSMENT}"></rs-assessment>`, {
      employee: newEmployee(),
    });
    await answerAllWithKeyboard();
    await tabTo(isPart("submit-button"), { limit: 30 });
    await page.keyboard.press("Enter");
    await part("rs-assessment", "result").waitFor();
    expect(await focused()).toEqual(expect.objectContaining({ tag: "h2", part: "title" }));

    await setRetakeCooldown(30);
    try {
      await tabTo(isPart("retake-button"), { limit: 30 });
      await page.keyboard.press("Enter");
      const status = page.locator("rs-assessment [part~=result] [role=status]");
      await status.filter({ hasText: /You can take it again from/ }).waitFor();
      const expected = new Date(Date.now() + 30 * 24 * 3600 * 1000).toLocaleDateString("en", {
        day: "numeric",
        month: "long",
      });
      expect(await status.textContent()).toContain(expected);
      // Focus stays where the employee was, so they can go on from there.
      expect((await focused()).part).toContain("retake-button");
    } finally {
      await setRetakeCooldown(0);
    }

    await page.keyboard.press("Enter");
    await waitForText("rs-assessment [part~=progress]", "Question 1 of 7");
    expect((await focused()).tag).toBe("legend");
  });

  it("opens a lesson in the library by keyboard and comes back to its button", async () => {
    await open(`<rs-library></rs-library>`);
    await part("rs-library", "lesson-button").first().waitFor();
    await tabTo(isPart("lesson-button"));
    await tabTo(isPart("lesson-button"));
    await page.keyboard.press("Enter");
    await part("rs-library", "lesson-title").waitFor();
    await page.waitForFunction(() => {
      const root = document.querySelector("rs-library")?.shadowRoot;
      return root?.activeElement?.getAttribute("part")?.includes("lesson-title");
    });
    await page.keyboard.press("Shift+Tab");
    expect((await focused()).part).toContain("back-button");
    await page.keyboard.press("Enter");
    await part("rs-library", "skill-name").first().waitFor();
    const back = await page.evaluate(() => {
      const root = document.querySelector("rs-library")?.shadowRoot;
      const buttons = Array.from(root?.querySelectorAll("[part~=lesson-button]") ?? []);
      return buttons.indexOf(root?.activeElement as Element);
    });
    expect(back).toBe(1);
  });

  it("opens the history's table by keyboard", async () => {
    const employee = newEmployee();
    await open(`<rs-assessment slug="${ASSESSMENT}"></rs-assessment>`, { employee });
    await answerAllWithKeyboard();
    await tabTo(isPart("submit-button"), { limit: 30 });
    await page.keyboard.press("Enter");
    await part("rs-assessment", "result").waitFor();

    await open(`<rs-history></rs-history>`, { employee });
    await part("rs-history", "chart").first().waitFor();
    const summary = await tabTo((element) => element.tag === "summary");
    expect(summary.host).toBe("rs-history");
    await page.keyboard.press("Enter");
    await part("rs-history", "table").waitFor({ state: "visible" });
    expect(await part("rs-history", "table").locator("tbody tr").count()).toBeGreaterThan(0);
  });

  it("lets the keyboard leave every element both ways: nothing traps focus", async () => {
    await open(
      `<rs-library></rs-library><rs-lesson slug="${LESSON}"></rs-lesson>
       <rs-assessment slug="${ASSESSMENT}"></rs-assessment><rs-history></rs-history>`,
      { employee: newEmployee() },
    );
    await part("rs-library", "lesson-button").first().waitFor();
    await part("rs-assessment", "start-button").waitFor();
    await part("rs-history", "status").waitFor();
    await page.locator("#before").focus();
    const visited = new Set<string>();
    const forward = await tabTo(
      (element) => {
        if (element.host) visited.add(element.host);
        return element.id === "after";
      },
      { limit: 200 },
    );
    expect(forward.id).toBe("after");
    expect([...visited].sort()).toEqual(["rs-assessment", "rs-library"]);
    const backward = await tabTo((element) => element.id === "before", {
      limit: 200,
      key: "Shift+Tab",
    });
    expect(backward.id).toBe("before");
  });

  it("resolves the language from the token's locale claim, below configure() and above the browser", async () => {
    // Every operation that carries a locale, as the API received it.
    const asked: string[] = [];
    page.on("request", (request) => {
      const body = request.postDataJSON() as {
        operationName?: string;
        variables?: { locale?: string };
      } | null;
      if (body?.variables?.locale) asked.push(`${body.operationName} ${body.variables.locale}`);
    });
    await open(`<rs-assessment slug="${ASSESSMENT}"></rs-assessment><rs-history></rs-history>`, {
      employee: newEmployee(),
      tokenLocale: "de",
    });
    await part("rs-assessment", "start-button").waitFor();
    expect(await part("rs-assessment", "start-button").textContent()).toContain(de.start);
    expect(await page.locator("rs-assessment [part~=base]").getAttribute("lang")).toBe("de");
    await part("rs-history", "status").waitFor();
    expect(await part("rs-history", "status").textContent()).toContain(de.emptyHistory);
    // Content was asked for once, in German: nothing went out in the browser's English first.
    expect(asked.sort()).toEqual(["WidgetHistory DE", "WidgetStartAttempt DE"]);
    asked.length = 0;

    // configure({ locale }) outranks the token.
    await open(`<rs-assessment slug="${ASSESSMENT}"></rs-assessment>`, {
      employee: newEmployee(),
      tokenLocale: "de",
      configLocale: "en",
    });
    await part("rs-assessment", "start-button").waitFor();
    expect(await part("rs-assessment", "start-button").textContent()).toContain(en.start);
    expect(asked).toEqual(["WidgetStartAttempt EN"]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
