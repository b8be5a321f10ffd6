import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { startDemoServer } from "../../packages/widget/demo/serve.mjs";
import { browserAvailable, launchBrowser, watchForProblems } from "../support/browser.js";
import {
  createStorage,
  freePort,
  runCli,
  startApi,
  type ApiProcess,
  type Storage,
} from "../support/stack.js";

const describeBrowser = browserAvailable() ? describe : describe.skip;

const SAVED_ON_DEVICE = "Saved on this device — will send when you're back online";

/** The focused element, looked up through shadow roots. */
interface Focused {
  tag: string;
  part: string;
  type: string;
}

/**
 * The employee journey of issue 4 in real Chromium against the real API: an organisation whose
 * allowed origin is the demo intranet, which mints embed tokens with the organisation's key.
 */
describeBrowser("<rs-assessment> on the demo intranet, against the live API", () => {
  let storage: Storage;
  let api: ApiProcess;
  let demo: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  /** Console errors a test provokes on purpose (the browser logs failed requests itself). */
  let expectedConsole: RegExp[] = [];

  beforeAll(async () => {
    storage = await createStorage();
    expect(runCli(["content", "import"], storage.env).status).toBe(0);
    // The organisation must know the demo's origin before the demo runs, so its port comes first.
    const demoPort = await freePort();
    const created = runCli(
      [
        "org",
        "create",
        "--name",
        "Northwind",
        "--origin",
        `http://localhost:${demoPort}`,
        "--json",
      ],
      storage.env,
    );
    expect(created.status).toBe(0);
    const { embedKey } = JSON.parse(created.stdout) as {
      embedKey: { kid: string; secret: string };
    };
    api = await startApi(storage.env);
    demo = await startDemoServer({ port: demoPort, apiUrl: `${api.url}/graphql`, embedKey });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await demo.close();
    await api.stop();
    await storage.dispose();
  });

  beforeEach(async () => {
    problems.length = 0;
    expectedConsole = [];
    page = await browser.newPage({ locale: "en-US" });
    await watchForProblems(page, problems, () => expectedConsole);
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  /** A fresh pseudonymous employee per test, so that attempts and outboxes never meet. */
  const newEmployee = () => `e2e-${randomUUID().slice(0, 8)}`;

  const open = (employee: string) => page.goto(`${demo.url}?employee=${employee}`);

  const assessment = () => page.locator("rs-assessment");

  async function focused(): Promise<Focused> {
    return page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return {
        tag: element?.tagName.toLowerCase() ?? "",
        part: element?.getAttribute("part") ?? "",
        type: element?.getAttribute("type") ?? "",
      };
    });
  }

  /** Presses Tab until the focused element matches; the page has many stops before ours. */
  async function tabTo(matches: (element: Focused) => boolean, limit = 120): Promise<void> {
    for (let presses = 0; presses < limit; presses += 1) {
      await page.keyboard.press("Tab");
      if (matches(await focused())) return;
    }
    throw new Error(
      `Tab never reached the element; focus is on ${JSON.stringify(await focused())}`,
    );
  }

  const isPart = (part: string) => (element: Focused) => element.part.split(" ").includes(part);

  async function progressText(): Promise<string> {
    return (await assessment().locator("[part~=progress] [role=status]").textContent()) ?? "";
  }

  /** Waits until focus sits on the new question's legend, as it must after each step. */
  async function expectQuestionFocused(position: number, total: number): Promise<void> {
    await page.waitForFunction(
      (text) =>
        document
          .querySelector("rs-assessment")
          ?.shadowRoot?.querySelector("[part~=progress] [role=status]")
          ?.textContent.includes(text),
      `Question ${position} of ${total}`,
    );
    expect((await focused()).tag).toBe("legend");
  }

  /**
   * Answers the question on screen with the keyboard: into the radio group with Tab, then
   * Space (first option) or arrow keys; a reflection gets typed text. Then Tab to Next, Enter.
   */
  async function answerWithKeyboard(
    option: number,
    reflection = "I will ask what we knew.",
  ): Promise<void> {
    const isReflection = (await assessment().locator("textarea").count()) > 0;
    // One Tab from the question's legend; more after a reload, which leaves focus to the page.
    await tabTo((element) => element.tag === "textarea" || element.type === "radio");
    if (isReflection) {
      await page.keyboard.type(reflection);
    } else {
      await page.keyboard.press("Space");
      for (let step = 1; step < option; step += 1) await page.keyboard.press("ArrowDown");
    }
    await tabTo(isPart("next-button"), 5);
    await page.keyboard.press("Enter");
  }

  async function startWithKeyboard(): Promise<number> {
    await assessment().locator("[part~=start-button]").waitFor();
    await tabTo(isPart("start-button"));
    await page.keyboard.press("Enter");
    const [, total] = /of (\d+)/.exec(await waitForProgress()) ?? [];
    return Number(total);
  }

  async function waitForProgress(): Promise<string> {
    await assessment().locator("[part~=question]").waitFor();
    return progressText();
  }

  async function waitForSync(text: string): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector("rs-assessment")
          ?.shadowRoot?.querySelector("[part~=sync]")
          ?.textContent.trim() === expected,
      text,
    );
  }

  /** What the employee's own account says, through the API with a token from the demo's route. */
  async function submittedAttempts(employee: string) {
    const tokenResponse = await fetch(`${demo.url}api/real-skills-token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ subject: employee }),
    });
    const { token } = (await tokenResponse.json()) as { token: string };
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `{
          all: myAttempts { totalCount }
          submitted: myAttempts(status: SUBMITTED) {
            totalCount
            nodes { id answeredCount result { scores { skill { slug } score band } } }
          }
        }`,
      }),
    });
    return (await response.json()) as {
      data: {
        all: { totalCount: number };
        submitted: {
          totalCount: number;
          nodes: {
            answeredCount: number;
            result: { scores: { skill: { slug: string }; score: number }[] } | null;
          }[];
        };
      };
    };
  }

  it("takes an assessment with the keyboard alone, reads a recommended lesson and comes back", async () => {
    await open(newEmployee());
    const intro = assessment().locator("[part~=intro]");
    await intro.waitFor();
    expect(await intro.textContent()).toMatch(/Only you see your answers and results/);
    expect(await intro.textContent()).toMatch(/7 questions/);

    const total = await startWithKeyboard();
    expect(total).toBe(7);
    for (let position = 1; position <= total; position += 1) {
      await expectQuestionFocused(position, total);
      // Vary the answers: first, second, third option …
      await answerWithKeyboard(((position - 1) % 3) + 1);
    }

    const review = assessment().locator("[part~=review]");
    await review.waitFor();
    expect((await focused()).tag).toBe("h2");
    expect(await assessment().locator("[part~=review-item]").count()).toBe(total);
    await tabTo(isPart("submit-button"), 30);
    await page.keyboard.press("Enter");

    const result = assessment().locator("[part~=result]");
    await result.waitFor();
    const chart = assessment().locator("svg[role=img][part~=chart]");
    expect(await chart.getAttribute("aria-label")).toMatch(/of 100/);
    expect(await chart.locator("rect.bar").count()).toBeGreaterThanOrEqual(1);
    expect(await assessment().locator("[part~=score]").first().textContent()).toMatch(
      /\d+ of 100[\s\S]*(Emerging|Developing|Strong)[\s\S]*Try this week/,
    );
    const lessons = assessment().locator("[part~=lesson-button]");
    expect(await lessons.count()).toBeGreaterThanOrEqual(1);

    // The history on the same page picks up the new result.
    await page.locator("rs-history svg[role=img]").first().waitFor();

    // Into a recommended lesson and back, still by keyboard.
    const lessonTitle = (
      (await lessons.first().locator(".lesson-button-title").textContent()) ?? ""
    ).trim();
    await tabTo(isPart("lesson-button"), 30);
    await page.keyboard.press("Enter");
    await assessment().locator("[part~=lesson-title]").waitFor();
    expect(await assessment().locator("[part~=lesson-title]").textContent()).toContain(lessonTitle);
    expect((await focused()).part).toContain("lesson-title");
    await page.keyboard.press("Shift+Tab");
    expect((await focused()).part).toContain("back-button");
    await page.keyboard.press("Enter");
    await result.waitFor();
    expect((await focused()).part).toContain("lesson-button");
    await assessment().locator("[part~=retake-button]").waitFor();
  });

  it("keeps answers given offline through reloads and submits them exactly once", async () => {
    const employee = newEmployee();
    await open(employee);
    const total = await startWithKeyboard();
    await answerWithKeyboard(2);
    await expectQuestionFocused(2, total);
    await answerWithKeyboard(4);
    await expectQuestionFocused(3, total);
    await waitForSync("Saved");

    // The API becomes unreachable; the page and its token route stay.
    expectedConsole = [/Failed to load resource: net::ERR_FAILED/];
    await page.route(`${api.url}/**`, (route) => route.abort());
    await answerWithKeyboard(1);
    await expectQuestionFocused(4, total);
    await waitForSync(SAVED_ON_DEVICE);
    await answerWithKeyboard(3);
    await expectQuestionFocused(5, total);
    await waitForSync(SAVED_ON_DEVICE);

    // A reload while still offline resumes at the same question, from the device alone.
    await page.reload();
    expect(await waitForProgress()).toMatch(`Question 5 of ${total}`);
    await waitForSync(SAVED_ON_DEVICE);

    // Back online: the reload resumes, merges and resends.
    await page.unroute(`${api.url}/**`);
    await page.reload();
    expect(await waitForProgress()).toMatch(`Question 5 of ${total}`);
    await waitForSync("Saved");
    for (let position = 5; position <= total; position += 1) {
      await assessment().locator("[part~=question]").waitFor();
      await answerWithKeyboard(2, "Offline answers made it.");
    }

    await assessment().locator("[part~=review]").waitFor();
    const answers = await assessment().locator(".review-answer").allTextContents();
    // Three agreement items, then a scenario whose third option was chosen offline.
    expect(answers.slice(0, 3).map((text) => text.trim())).toEqual([
      "Disagree",
      "Agree",
      "Strongly disagree",
    ]);
    expect(answers[3]).toMatch(/comparing both options/);
    expect(answers.map((text) => text.trim())).not.toContain("No answer");
    await tabTo(isPart("submit-button"), 30);
    await page.keyboard.press("Enter");
    await assessment().locator("[part~=result]").waitFor();

    const { data } = await submittedAttempts(employee);
    expect(data.submitted.totalCount).toBe(1);
    const [attempt] = data.submitted.nodes;
    expect(attempt?.answeredCount).toBe(total);
    expect(attempt?.result?.scores.map((score) => score.skill.slug)).toEqual(["decision-quality"]);
    // Nothing was left open or started twice along the way.
    expect(data.all.totalCount).toBe(1);
  });

  it("refreshes a refused token once through getToken and carries on", async () => {
    let tokenCalls = 0;
    await page.route("**/api/real-skills-token", async (route) => {
      tokenCalls += 1;
      const response = await route.fetch();
      if (tokenCalls > 1) return route.fulfill({ response });
      // The first token arrives broken, as an expired or rotated one would be refused.
      const { token } = (await response.json()) as { token: string };
      const broken = `${token.slice(0, -6)}AAAAAA`;
      return route.fulfill({ response, json: { token: broken } });
    });
    // The refused request is logged by the browser itself.
    expectedConsole = [/status of 401/];

    await open(newEmployee());
    const total = await startWithKeyboard();
    await answerWithKeyboard(5);
    await expectQuestionFocused(2, total);
    await waitForSync("Saved");
    expect(tokenCalls).toBe(2);
  });

  it("asks a visitor without a token to sign in, and fires rs-error", async () => {
    await page.route("**/api/real-skills-token", (route) =>
      route.fulfill({ status: 401, body: "" }),
    );
    expectedConsole = [/status of 401/];
    await page.addInitScript(() => {
      const codes: string[] = [];
      Object.assign(window, { rsErrorCodes: codes });
      document.addEventListener("rs-error", (event) => {
        codes.push((event as CustomEvent<{ code: string }>).detail.code);
      });
    });
    await open(newEmployee());
    await assessment().locator("[part~=sign-in]").waitFor();
    expect(await assessment().locator("[part~=sign-in]").textContent()).toMatch(/Sign-in needed/);
    const codes = await page.evaluate(
      () => (window as unknown as { rsErrorCodes: string[] }).rsErrorCodes,
    );
    expect(codes).toContain("UNAUTHENTICATED");
    // The library still reads anonymously.
    await page.locator("rs-library h2.skill-name").first().waitFor();
  });
});
