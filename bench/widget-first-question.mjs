// Benchmark: how soon an employee sees the first question of <rs-assessment> on a host page that
// embeds the widget with one async script tag, in headless Chromium against the built API as a
// real process. Each run opens a fresh browser context (empty cache, empty storage) and a fresh
// employee, then loads the page again in the same context with another employee (warm cache).
// Measured inside the page with performance.now():
//   script → defined    from the request for real-skills.js (Resource Timing) to the elements'
//                       registration (customElements.whenDefined): download, parse, run
//   script → intro      from the same request to the intro with its Start button in the shadow
//                       DOM (MutationObserver): the above, the page's token fetch, the API's
//                       startAttempt and the render
//   click → question    from the Start click (a capturing listener) to the first question's
//                       prompt in the shadow DOM
//   total               the two together, i.e. all the waiting except the employee's own
// Times are to the DOM change; the paint follows in the next frame. One unmeasured run first
// warms up the API. Prints p50, p95, min and max per measure, and the bundle's size (raw and
// gzipped; served uncompressed here). Usage:
//   pnpm build && node bench/widget-first-question.mjs [--runs 20]
// Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Uses a fresh embedded database in a
// temporary folder; the page server and the API listen on free ports on 127.0.0.1.
/* global window -- the functions passed to page.evaluate() run in the browser. */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { createServer as createNetServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
// The API's own minter (what `realskills token mint` uses), from its build like the CLI itself.
import { mintEmbedToken } from "../packages/api/dist/auth/token-minter.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
const runs = Number(values.runs);
const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = readFileSync(path.join(root, "packages/widget/dist/real-skills.js"));
// playwright-core is a dependency of the end-to-end suites, not of the workspace root.
const requireFromTest = createRequire(path.join(root, "test/package.json"));
const { chromium } = (await import(pathToFileURL(requireFromTest.resolve("playwright-core")).href))
  .default;

const dataDir = await mkdtemp(path.join(os.tmpdir(), "rs-bench-"));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
const [apiPort, pagePort] = [await freePort(), await freePort()];
const pageOrigin = `http://localhost:${pagePort}`;
const apiUrl = `http://localhost:${apiPort}`;

cli(["content", "import"]);
const { embedKey } = JSON.parse(
  cli(["org", "create", "--name", "Bench", "--origin", pageOrigin, "--json"]),
);
const api = spawn(process.execPath, [path.join(root, "packages/api/dist/main.js")], {
  env: { ...env, NODE_ENV: "production", PORT: String(apiPort), HOST: "127.0.0.1" },
  stdio: "inherit",
});
const pageServer = await startPageServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

const chromiumVersion = browser.version();
const cold = [];
const warm = [];
try {
  await waitUntilReady();
  for (let run = 0; run <= runs; run += 1) {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    const first = await measure(page, `bench-${run}-cold`);
    const second = await measure(page, `bench-${run}-warm`);
    if (run > 0) {
      cold.push(first);
      warm.push(second);
    }
    await context.close();
  }
} finally {
  await browser.close();
  pageServer.close();
  api.kill("SIGTERM");
  await new Promise((resolve) => api.once("exit", resolve));
  await rm(dataDir, { recursive: true, force: true });
}

const gzipped = gzipSync(bundle, { level: 9 }).length;
console.log(`
widget first question: <rs-assessment slug="decision-quality"> behind an async script tag, ${runs} runs
  bundle       real-skills.js ${bundle.length} B raw, ${gzipped} B gzipped
  database     embedded PGlite, API and page on localhost (no network latency)
  machine      ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, Chromium ${chromiumVersion}

                              p50      p95      min      max   (ms)
${table("cold cache", cold)}
${table("warm cache", warm)}
  warm runs with the bundle from the HTTP cache: ${warm.filter((run) => run.cached).length} of ${warm.length}
`);

/** Loads the page for one employee and measures up to the first question. */
async function measure(page, employee) {
  await page.goto(`${pageOrigin}/?employee=${employee}`);
  const startButton = page.locator("rs-assessment [part~=start-button]");
  await startButton.waitFor();
  await startButton.click();
  await page.waitForFunction(() => window.benchMarks.question !== undefined);
  return page.evaluate(() => {
    const marks = window.benchMarks;
    const [script] = performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.endsWith("/real-skills.js"));
    if (!script) throw new Error("no resource timing for real-skills.js");
    const scriptToIntro = marks.intro - script.startTime;
    const clickToQuestion = marks.question - marks.click;
    return {
      scriptToDefined: marks.defined - script.startTime,
      scriptToIntro,
      clickToQuestion,
      total: scriptToIntro + clickToQuestion,
      cached: script.transferSize === 0,
    };
  });
}

function table(label, results) {
  const rows = [
    ["script → defined", results.map((run) => run.scriptToDefined)],
    ["script → intro", results.map((run) => run.scriptToIntro)],
    ["click → question", results.map((run) => run.clickToQuestion)],
    ["total", results.map((run) => run.total)],
  ];
  return [
    `  ${label}`,
    ...rows.map(([name, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
      const cells = [at(0.5), at(0.95), sorted[0], sorted.at(-1)];
      return `    ${name.padEnd(22)}${cells.map((ms) => ms.toFixed(1).padStart(9)).join("")}`;
    }),
  ].join("\n");
}

/**
 * The host page: the widget's script tag (async, cacheable for an hour), the page's own script
 * with the pre-load snippet, getToken and the measuring observers, and the host backend's token
 * route, which signs an HS256 embed token for `?employee=` as a customer's backend would.
 */
function startPageServer() {
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Bench</title>
    <link rel="icon" href="data:," />
    <script src="/bench.js"></script>
    <script src="/real-skills.js" data-endpoint="${apiUrl}/graphql" async></script>
  </head>
  <body>
    <rs-assessment slug="decision-quality"></rs-assessment>
  </body>
</html>`;
  const script = `
window.RealSkills = window.RealSkills || {
  q: [],
  configure: function () {
    this.q.push(["configure", arguments]);
  },
};
const employee = new URLSearchParams(location.search).get("employee");
RealSkills.configure({
  getToken: async () => {
    const response = await fetch("/token?employee=" + employee, { method: "POST" });
    return (await response.json()).token;
  },
});
const marks = (window.benchMarks = {});
document.addEventListener("click", () => (marks.click ??= performance.now()), true);
customElements.whenDefined("rs-assessment").then(() => {
  marks.defined = performance.now();
  const shadow = document.querySelector("rs-assessment").shadowRoot;
  const look = () => {
    marks.intro ??= shadow.querySelector("[part~=start-button]") ? performance.now() : undefined;
    if (marks.click !== undefined && shadow.querySelector("[part~=question] [part~=prompt]")) {
      marks.question ??= performance.now();
    }
  };
  new MutationObserver(look).observe(shadow, { childList: true, subtree: true });
  look();
});`;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", pageOrigin);
    if (url.pathname === "/real-skills.js") {
      response.writeHead(200, {
        "Content-Type": "text/javascript",
        "Cache-Control": "public, max-age=3600",
      });
      return response.end(bundle);
    }
    if (url.pathname === "/bench.js") {
      response.writeHead(200, { "Content-Type": "text/javascript", "Cache-Control": "no-store" });
      return response.end(script);
    }
    if (url.pathname === "/token" && request.method === "POST") {
      const sub = url.searchParams.get("employee") ?? "bench";
      void mintEmbedToken(embedKey, { sub, role: "employee" }, 15 * 60).then((token) => {
        response.writeHead(200, {
          "Content-Type": "application/json",
          "Cache-Control": "no-store",
        });
        response.end(JSON.stringify({ token }));
      });
      return;
    }
    if (url.pathname === "/") {
      response.writeHead(200, { "Content-Type": "text/html", "Cache-Control": "no-store" });
      return response.end(page);
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(pagePort, "127.0.0.1", () => resolve(server)));
}

function cli(args) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, "packages/api/dist/cli.js"), ...args],
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
    const server = createNetServer();
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
