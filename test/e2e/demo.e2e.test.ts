import type { Browser, Page } from "playwright-core";
import { startDemoServer } from "../../packages/widget/demo/serve.mjs";
import { browserAvailable, launchBrowser, watchForProblems } from "../support/browser.js";
import {
  createStorage,
  runCli,
  startApi,
  type ApiProcess,
  type Storage,
} from "../support/stack.js";

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser("the demo intranet page in Chromium", () => {
  let storage: Storage;
  let api: ApiProcess;
  let demo: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    storage = await createStorage();
    expect(runCli(["content", "import"], storage.env).status).toBe(0);
    api = await startApi(storage.env);
    demo = await startDemoServer({ port: 0, apiUrl: `${api.url}/graphql` });
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
    page = await browser.newPage({ locale: "en-US" });
    await watchForProblems(page, problems);
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  it("shows the nine skills with their lessons from the live API, on another origin", async () => {
    expect(new URL(demo.url).origin).not.toBe(new URL(api.url).origin);
    await page.goto(demo.url);
    const skills = page.locator("rs-library h2.skill-name");
    await skills.first().waitFor();
    expect(await skills.count()).toBe(9);
    expect(await skills.first().textContent()).toMatch(/responsib/i);
    expect(await page.locator("rs-library [part~=lesson-button]").count()).toBeGreaterThanOrEqual(
      18,
    );
  });

  it("opens a lesson inside the library and in the reading pane, and comes back", async () => {
    await page.goto(demo.url);
    const lessonButton = page.locator("rs-library [part~=lesson-button]").first();
    const title = (await lessonButton.textContent())?.trim().split("\n")[0]?.trim() ?? "";
    await lessonButton.click();

    const inLibrary = page.locator("rs-library [part~=lesson-title]");
    await inLibrary.waitFor();
    expect(await inLibrary.textContent()).toContain(title);
    // The page's listener for rs-lesson-open sets the slug on <rs-lesson>.
    const inPane = page.locator("rs-lesson [part~=lesson-title]");
    await inPane.waitFor();
    expect(await inPane.textContent()).toContain(title);
    expect(await page.locator("rs-lesson [part~=section]").count()).toBeGreaterThanOrEqual(4);

    await page.locator("rs-library [part~=back-button]").click();
    await page.locator("rs-library h2.skill-name").first().waitFor();
    const focused = await page.evaluate(
      () =>
        document.querySelector("rs-library")?.shadowRoot?.activeElement?.getAttribute("part") ?? "",
    );
    expect(focused).toContain("lesson-button");
  });

  it("switches the whole widget to German", async () => {
    await page.goto(demo.url);
    const firstSkill = page.locator("rs-library h2.skill-name").first();
    await firstSkill.waitFor();
    const english = await firstSkill.textContent();
    await page.selectOption("#language", "de");
    await page.waitForFunction(
      (previous) =>
        document.querySelector("rs-library")?.shadowRoot?.querySelector("h2.skill-name")
          ?.textContent !== previous,
      english,
    );
    expect(await firstSkill.textContent()).toMatch(/Verantwortung/);
    expect(
      await page.locator("rs-library").evaluate((el) => el.shadowRoot?.textContent ?? ""),
    ).toMatch(/Minuten|Lektion/);
  });

  it("follows a German browser without any setting", async () => {
    const german = await browser.newPage({ locale: "de-DE" });
    try {
      await german.goto(demo.url);
      const firstSkill = german.locator("rs-library h2.skill-name").first();
      await firstSkill.waitFor();
      expect(await firstSkill.textContent()).toMatch(/Verantwortung/);
    } finally {
      await german.close();
    }
  });
});
