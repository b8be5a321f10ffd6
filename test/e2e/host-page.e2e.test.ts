import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { startDemoServer } from "../../packages/widget/demo/serve.mjs";
import { browserAvailable, launchBrowser } from "../support/browser.js";
import {
  createStorage,
  freePort,
  runCli,
  startApi,
  type ApiProcess,
  type Storage,
} from "../support/stack.js";
import { startHostPages, type HostPages, type Kind, type Tag } from "./host-page.fixtures.js";

const describeBrowser = browserAvailable() ? describe : describe.skip;

const REFERENCE = fileURLToPath(new URL("../../docs/embedding.md", import.meta.url));
const SHOTS_DIR = path.join(os.tmpdir(), "rs-host-page");

const KINDS: Kind[] = ["clean", "hostile"];
const THEMES = ["light", "dark"] as const;

/** `### \`<rs-x>\`` → its `#### CSS parts` names, from the generated reference. */
function documentedParts(): Map<string, Set<string>> {
  const parts = new Map<string, Set<string>>();
  const reference = readFileSync(REFERENCE, "utf8");
  for (const section of reference.split(/^### /m).slice(1)) {
    const tag = /^`<([\w-]+)>`/.exec(section)?.[1];
    const table = section.split(/^#### CSS parts$/m)[1]?.split(/^#### /m)[0] ?? "";
    if (!tag) continue;
    parts.set(tag, new Set([...table.matchAll(/^\| `([\w-]+)`/gm)].map(([, name = ""]) => name)));
  }
  return parts;
}

type Rgb = [number, number, number];

/** `rgb(…)`/`rgba(…)` or `color(srgb …)` as computed styles print colours. */
function parseColor(value: string): Rgb {
  const numbers = (value.match(/[\d.]+/g) ?? []).map(Number);
  const scale = value.startsWith("color(") ? 255 : 1;
  return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0].map((part) => part * scale) as Rgb;
}

function contrast(first: Rgb, second: Rgb): number {
  const luminance = ([red, green, blue]: Rgb): number => {
    const linear = (channel: number): number => {
      const value = channel / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
  };
  const [lighter = 0, darker = 0] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * Every element on a clean page and on a page whose style sheet does everything an intranet
 * should not (a 10px root font size, a reset that unsets everything, global rules for every
 * element and for buttons, fields and SVG), in Chromium against the live API. Both pages are
 * screenshotted at the same viewport and must match byte for byte: identical pixels encode to
 * identical PNGs, so equal buffers need no image decoder, and any leak shows as a difference.
 * Along the way: every part on screen is documented, every control is at least 24 × 24 px and
 * shows a focus ring of 3:1, and nothing moves under reduced motion.
 */
describeBrowser("the widget on a hostile host page", () => {
  let storage: Storage;
  let api: ApiProcess;
  let demo: { url: string; close(): Promise<void> };
  let hostPages: HostPages;
  let browser: Browser;
  const pages = new Map<Kind, Page>();
  const problems: string[] = [];
  /** Screenshots that differ between the pages, with where to look at them. */
  const mismatches: string[] = [];
  const reference = documentedParts();

  beforeAll(async () => {
    storage = await createStorage();
    expect(runCli(["content", "import"], storage.env).status).toBe(0);
    const port = await freePort();
    const created = runCli(
      ["org", "create", "--name", "Hostile", "--origin", `http://localhost:${port}`, "--json"],
      storage.env,
    );
    expect(created.status).toBe(0);
    const { embedKey } = JSON.parse(created.stdout) as {
      embedKey: { kid: string; secret: string };
    };
    api = await startApi(storage.env);
    // The demo intranet's backend mints the embed tokens; the pages themselves are served here.
    demo = await startDemoServer({ port: 0, apiUrl: `${api.url}/graphql`, embedKey });
    hostPages = await startHostPages({
      port,
      apiUrl: `${api.url}/graphql`,
      tokenUrl: `${demo.url}api/real-skills-token`,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await hostPages.close();
    await demo.close();
    await api.stop();
    await storage.dispose();
  });

  beforeEach(async () => {
    problems.length = 0;
    mismatches.length = 0;
    for (const kind of KINDS) {
      const page = await browser.newPage({
        locale: "en-US",
        viewport: { width: 800, height: 1000 },
        colorScheme: "light",
      });
      page.on("pageerror", (error) => problems.push(`${kind} page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`${kind} console: ${message.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      pages.set(kind, page);
    }
  });

  afterEach(async () => {
    for (const page of pages.values()) await page.close();
    expect(problems).toEqual([]);
  });

  /** Runs the same steps on both pages, one after the other. */
  async function onBoth(step: (page: Page, kind: Kind) => Promise<void>): Promise<void> {
    for (const kind of KINDS) await step(pages.get(kind) as Page, kind);
  }

  async function open(tag: Tag, employee = ""): Promise<void> {
    await onBoth(async (page, kind) => {
      const query = employee ? `?employee=${employee}-${kind}` : "";
      await page.goto(`${hostPages.url(kind, tag)}${query}`);
    });
  }

  async function setTheme(page: Page, tag: Tag, theme: string | undefined): Promise<void> {
    await page.locator(tag).evaluate((element, value) => {
      if (value) element.setAttribute("theme", value);
      else element.removeAttribute("theme");
    }, theme);
  }

  /** The element's pixels in the light and the dark theme on both pages, compared. */
  async function expectSamePixels(state: string, tag: Tag): Promise<void> {
    for (const theme of THEMES) {
      const shots = new Map<Kind, Buffer>();
      await onBoth(async (page, kind) => {
        await setTheme(page, tag, theme);
        await page.mouse.move(0, 0);
        shots.set(kind, await page.locator(tag).screenshot({ animations: "disabled" }));
        await setTheme(page, tag, undefined);
      });
      const [clean, hostile] = KINDS.map((kind) => shots.get(kind) as Buffer);
      if (clean?.equals(hostile as Buffer)) continue;
      await mkdir(SHOTS_DIR, { recursive: true });
      const files = KINDS.map((kind) => path.join(SHOTS_DIR, `${state}-${theme}-${kind}.png`));
      await Promise.all(files.map((file, index) => writeFile(file, [clean, hostile][index] ?? "")));
      mismatches.push(`${state} (${theme}) differs: ${files.join(" vs ")}`);
    }
  }

  /** Every part on screen is in the element's reference, on either page. */
  async function expectDocumentedParts(tag: Tag): Promise<void> {
    const documented = reference.get(tag) ?? new Set();
    await onBoth(async (page) => {
      const shown = await page
        .locator(tag)
        .evaluate((element) =>
          Array.from(element.shadowRoot?.querySelectorAll("[part]") ?? []).flatMap((each) =>
            Array.from(each.part),
          ),
        );
      expect(shown.length).toBeGreaterThan(0);
      expect([...new Set(shown)].filter((name) => !documented.has(name))).toEqual([]);
    });
  }

  /** Every control, or the label that takes its clicks, is at least 24 × 24 px. */
  async function expectTargets(tag: Tag): Promise<void> {
    await onBoth(async (page, kind) => {
      const small = await page.locator(tag).evaluate((element) => {
        const controls = element.shadowRoot?.querySelectorAll<HTMLElement>(
          "button, a[href], input, select, textarea, summary, [tabindex='0']",
        );
        return Array.from(controls ?? [])
          .map((control) => {
            const target = control.closest("label") ?? control;
            const { width, height } = target.getBoundingClientRect();
            return { what: `${control.localName}[part=${target.part.value}]`, width, height };
          })
          .filter(({ width, height }) => width < 24 || height < 24);
      });
      expect({ kind, small }).toEqual({ kind, small: [] });
    });
  }

  /**
   * Tabs from the page's button through the element until focus leaves it: every stop has an
   * outline of at least 2px whose colour has 3:1 against the element's surface.
   */
  async function expectFocusRings(tag: Tag, theme: string): Promise<void> {
    const page = pages.get("hostile") as Page;
    await setTheme(page, tag, theme);
    await page.locator("#before").focus();
    const weak: string[] = [];
    let stops = 0;
    for (; stops < 80; stops += 1) {
      await page.keyboard.press("Tab");
      const ring = await page.evaluate((hostTag) => {
        const host = document.activeElement;
        const focused = host?.shadowRoot?.activeElement;
        if (host?.localName !== hostTag || !focused) return undefined;
        const style = getComputedStyle(focused);
        const base = host.shadowRoot.querySelector(".base");
        return {
          what: `${focused.localName}[part=${focused.getAttribute("part") ?? ""}]`,
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          color: style.outlineColor,
          surface: base ? getComputedStyle(base).backgroundColor : "",
        };
      }, tag);
      if (!ring) break;
      const ratio = contrast(parseColor(ring.color), parseColor(ring.surface));
      if (ring.style === "none" || ring.width < 2 || ratio < 3) {
        weak.push(
          `${ring.what}: ${ring.style} ${ring.width}px ${ring.color}, ${ratio.toFixed(2)}:1`,
        );
      }
    }
    await setTheme(page, tag, undefined);
    expect(stops).toBeGreaterThan(0);
    expect({ theme, weak }).toEqual({ theme, weak: [] });
  }

  async function expectState(state: string, tag: Tag): Promise<void> {
    await expectSamePixels(state, tag);
    await expectDocumentedParts(tag);
    await expectTargets(tag);
  }

  async function waitForBoth(tag: Tag, selector: string): Promise<void> {
    await onBoth(async (page) => {
      await page.locator(tag).locator(selector).first().waitFor();
    });
  }

  it("hostile rules do reach the element itself, so the comparison means something", async () => {
    await open("rs-library");
    await waitForBoth("rs-library", "h2.skill-name");
    const host = await (pages.get("hostile") as Page).locator("rs-library").evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        fontFamily: style.fontFamily,
        lineHeight: style.lineHeight,
        whiteSpace: style.whiteSpace,
        rootFontSize: getComputedStyle(document.documentElement).fontSize,
      };
    });
    expect(host.fontFamily).toMatch(/Comic Sans/);
    expect(host.lineHeight).not.toBe("normal");
    expect(host.rootFontSize).toBe("10px");
  });

  it("draws <rs-library> and <rs-lesson> the same on both pages, light and dark", async () => {
    await open("rs-library");
    await waitForBoth("rs-library", "h2.skill-name");
    await expectState("library", "rs-library");
    for (const theme of THEMES) await expectFocusRings("rs-library", theme);

    await open("rs-lesson");
    await waitForBoth("rs-lesson", "[part~=lesson-title]");
    await expectState("lesson", "rs-lesson");
    expect(mismatches).toEqual([]);
  });

  it("follows the system's colour scheme unless the theme attribute pins one", async () => {
    const page = pages.get("clean") as Page;
    await page.goto(hostPages.url("clean", "rs-lesson"));
    await page.locator("rs-lesson [part~=lesson-title]").waitFor();
    const shot = () => page.locator("rs-lesson").screenshot();
    const light = await shot();
    await setTheme(page, "rs-lesson", "dark");
    const dark = await shot();
    expect(dark.equals(light)).toBe(false);

    await setTheme(page, "rs-lesson", undefined);
    await page.emulateMedia({ colorScheme: "dark" });
    expect((await shot()).equals(dark)).toBe(true);
    await setTheme(page, "rs-lesson", "light");
    expect((await shot()).equals(light)).toBe(true);
  });

  it("draws <rs-assessment> at the intro, a question and the result, then <rs-history>, the same on both pages", async () => {
    const employee = `host-${randomUUID().slice(0, 8)}`;
    await open("rs-assessment", employee);
    await waitForBoth("rs-assessment", "[part~=start-button]");
    await expectState("assessment-intro", "rs-assessment");
    for (const theme of THEMES) await expectFocusRings("rs-assessment", theme);

    // The first question is an agreement scale; its first point is chosen by keyboard, so the
    // focus ring is in the picture too.
    await onBoth(async (page) => {
      const assessment = page.locator("rs-assessment");
      await assessment.locator("[part~=start-button]").click();
      await assessment.locator(".question.likert").waitFor();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Space");
      await waitForSync(page, "Saved");
    });
    await expectState("assessment-likert", "rs-assessment");
    await expectReducedMotion();

    await onBoth(async (page) => {
      const assessment = page.locator("rs-assessment");
      await assessment.locator("[part~=next-button]").click();
      for (;;) {
        const review = assessment.locator("[part~=review]");
        await assessment.locator("[part~=question], [part~=review]").first().waitFor();
        if (await review.count()) break;
        const prompt = await assessment.locator("[part~=prompt]").textContent();
        if ((await assessment.locator("textarea").count()) > 0) {
          await assessment.locator("textarea").fill("Ask what we knew then.");
        } else {
          await assessment.locator("[part~=choice]").nth(1).click();
        }
        await waitForSync(page, "Saved");
        await assessment.locator("[part~=next-button]").click();
        // The next question, or the review, replaces this one.
        await page.waitForFunction(
          (previous) =>
            document.querySelector("rs-assessment")?.shadowRoot?.querySelector("[part~=prompt]")
              ?.textContent !== previous,
          prompt,
        );
      }
      await assessment.locator("[part~=submit-button]").click();
      await assessment.locator("[part~=result]").waitFor();
    });
    await expectState("assessment-result", "rs-assessment");
    for (const theme of THEMES) await expectFocusRings("rs-assessment", theme);

    await open("rs-history", employee);
    await waitForBoth("rs-history", "svg[part~=chart]");
    await expectState("history", "rs-history");
    for (const theme of THEMES) await expectFocusRings("rs-history", theme);
    expect(mismatches).toEqual([]);
  });

  async function waitForSync(page: Page, text: string): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector("rs-assessment")
          ?.shadowRoot?.querySelector("[part~=sync]")
          ?.textContent.trim() === expected,
      text,
    );
  }

  /** Under `prefers-reduced-motion: reduce` no transition or animation runs anywhere inside. */
  async function expectReducedMotion(): Promise<void> {
    const page = pages.get("clean") as Page;
    await page.emulateMedia({ reducedMotion: "reduce" });
    const moving = await page.evaluate(() =>
      Array.from(document.querySelectorAll("rs-library, rs-lesson, rs-assessment, rs-history"))
        .flatMap((host) => Array.from(host.shadowRoot?.querySelectorAll("*") ?? []))
        .filter((element) => {
          const style = getComputedStyle(element);
          const durations = `${style.transitionDuration},${style.animationDuration}`;
          return style.animationName !== "none" || /[1-9]/.test(durations);
        })
        .map((element) => element.localName),
    );
    await page.emulateMedia({ reducedMotion: "no-preference" });
    expect(moving).toEqual([]);
  }
});
