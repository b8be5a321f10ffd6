// Takes the screenshots in docs/embedding.md: every element, and each step of an assessment, 640
// pixels wide, untouched by any page styles or theming, in English. Starts the built API with a
// fresh embedded database and the library imported, an organisation that allows the demo
// intranet's origin, and the demo server (for real-skills.js and its token route); each shot is
// a bare page on the demo's origin with one element. Usage, from the repository root:
//   pnpm build && node packages/widget/scripts/screenshots.mjs
// Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Writes docs/images/rs-*.png.
/* global document, requestAnimationFrame -- functions passed to page.evaluate() run in the browser. */
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startDemoServer } from "../demo/serve.mjs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const IMAGES = path.join(ROOT, "docs/images");
const WIDTH = 640;
/** Taller elements are cut here: the top of a long list shows what it is. */
const MAX_HEIGHT = 900;
const LESSON = "separate-decisions-from-outcomes";
const ASSESSMENT = "decision-quality";

// playwright-core is a dependency of the end-to-end suites, not of this package.
const requireFromTest = createRequire(path.join(ROOT, "test/package.json"));
const { chromium } = (await import(pathToFileURL(requireFromTest.resolve("playwright-core")).href))
  .default;

const dataDir = await mkdtemp(path.join(os.tmpdir(), "rs-screenshots-"));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
const [apiPort, demoPort] = [await freePort(), await freePort()];
const apiUrl = `http://localhost:${apiPort}`;

cli(["content", "import"]);
// The demo organisation, as `pnpm start` sets it up: it comes with last month's sample responses
// of three teams, so the team report has figures and a hidden team to show.
const { embedKey } = JSON.parse(
  cli(["demo", "setup", "--origin", `http://localhost:${demoPort}`, "--json"]),
);
const api = spawn(process.execPath, [path.join(ROOT, "packages/api/dist/main.js")], {
  env: { ...env, NODE_ENV: "production", PORT: String(apiPort), HOST: "127.0.0.1" },
  stdio: "inherit",
});
const demo = await startDemoServer({ port: demoPort, apiUrl: `${apiUrl}/graphql`, embedKey });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-features=LocalNetworkAccessChecks",
  ],
});

try {
  await waitUntilReady();
  const library = await open("<rs-library></rs-library>");
  await library.locator("rs-library [part~=lesson-button]").first().waitFor();
  await capture(library, "rs-library");

  const lesson = await open(`<rs-lesson slug="${LESSON}"></rs-lesson>`);
  await lesson.locator("rs-lesson [part~=lesson-title]").waitFor();
  await capture(lesson, "rs-lesson");

  const signIn = await open(`<rs-assessment slug="${ASSESSMENT}"></rs-assessment>`, {
    signedIn: false,
  });
  await signIn.locator("rs-assessment [part~=sign-in]").waitFor();
  await capture(signIn, "rs-assessment-sign-in");

  // One employee through the whole assessment: the intro, a question, the review, the result.
  const employee = `screenshots-${randomUUID().slice(0, 8)}`;
  const page = await open(`<rs-assessment slug="${ASSESSMENT}"></rs-assessment>`, { employee });
  const assessment = page.locator("rs-assessment");
  await assessment.locator("[part~=start-button]").waitFor();
  await capture(page, "rs-assessment-intro");
  await assessment.locator("[part~=start-button]").click();
  await assessment.locator("[part~=choice]").nth(3).click();
  await page.waitForFunction(
    () =>
      document
        .querySelector("rs-assessment")
        ?.shadowRoot?.querySelector("[part~=sync]")
        ?.textContent.trim() === "Saved",
  );
  await capture(page, "rs-assessment-question");
  await answerAll(page, 0);
  await capture(page, "rs-assessment-review");
  await assessment.locator("[part~=submit-button]").click();
  await assessment.locator("[part~=result]").waitFor();
  await capture(page, "rs-assessment-result");

  // Two retakes, so that the history has a line to draw.
  for (const shift of [1, 2]) {
    await assessment.locator("[part~=retake-button]").click();
    await answerAll(page, shift);
    await assessment.locator("[part~=submit-button]").click();
    await assessment.locator("[part~=result]").waitFor();
  }
  const history = await open("<rs-history></rs-history>", { employee });
  await history.locator("rs-history [part~=chart]").first().waitFor();
  await capture(history, "rs-history");

  const report = await open('<rs-team-report assessment="real-skills-check"></rs-team-report>', {
    role: "analyst",
  });
  await report.locator("rs-team-report [part~=chart]").first().waitFor();
  await capture(report, "rs-team-report");
} finally {
  await browser.close();
  await demo.close();
  api.kill("SIGTERM");
  await new Promise((resolve) => api.once("exit", resolve));
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * A bare page on the demo's origin with `body` in a 640-pixel column. The demo's own script
 * configures getToken with the demo server's token route, for `employee` (as an HR analyst with
 * `role: "analyst"`), unless `signedIn` is false.
 */
async function open(body, { employee, role, signedIn = true } = {}) {
  const page = await browser.newPage({
    viewport: { width: WIDTH + 32, height: MAX_HEIGHT + 32 },
    locale: "en-US",
    colorScheme: "light",
    reducedMotion: "reduce",
  });
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.route(`${demo.url}screenshot.html*`, (route) =>
    route.fulfill({ contentType: "text/html", body: pageHtml(body, signedIn, role) }),
  );
  await page.goto(`${demo.url}screenshot.html${employee ? `?employee=${employee}` : ""}`);
  return page;
}

/** Saves the element's picture as docs/images/<name>.png, cut at MAX_HEIGHT. */
async function capture(page, name) {
  // Let the last render reach the screen.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  const box = await page.locator("main > *").first().boundingBox();
  const file = path.join(IMAGES, `${name}.png`);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, MAX_HEIGHT) },
  });
  console.log(
    `wrote ${path.relative(ROOT, file)} (${Math.round(box.width)} × ${Math.round(box.height)} px)`,
  );
}

function pageHtml(body, signedIn, role) {
  const tokenEndpoint = signedIn ? "/api/real-skills-token" : "";
  const roleAttribute = role ? ` data-role="${role}"` : "";
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <style>
      body { margin: 0; padding: 16px; background: #fff; }
      main { width: ${WIDTH}px; }
    </style>
    <script src="/real-skills.js" data-endpoint="${apiUrl}/graphql" defer></script>
    <script src="/demo.js" data-token-endpoint="${tokenEndpoint}"${roleAttribute} defer></script>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}

/**
 * Answers every question from the intro or where the assessment stands up to the review: the
 * option `shift` places after the middle one (wrapping), and a sentence for a reflection.
 */
async function answerAll(page, shift) {
  const assessment = page.locator("rs-assessment");
  const next = assessment.locator("[part~=start-button], [part~=question], [part~=review]");
  await next.first().waitFor();
  if ((await assessment.locator("[part~=start-button]").count()) > 0) {
    await assessment.locator("[part~=start-button]").click();
    await assessment.locator("[part~=question]").waitFor();
  }
  while ((await assessment.locator("[part~=review]").count()) === 0) {
    const textarea = assessment.locator("textarea");
    if ((await textarea.count()) > 0) {
      await textarea.fill("I will write down what we knew before we decided, and compare.");
    } else {
      const options = assessment.locator("[part~=choice]");
      const count = await options.count();
      await options.nth((Math.floor(count / 2) + shift) % count).click();
    }
    await assessment.locator("[part~=next-button]").click();
    await assessment.locator("[part~=question], [part~=review]").first().waitFor();
  }
}

function cli(args) {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "packages/api/dist/cli.js"), ...args],
    {
      env,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`realskills ${args.join(" ")}:\n${result.stderr}`);
  return result.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${apiUrl}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the API did not become ready");
}
