// Benchmark: the hot read of the library, `assessment(slug)` with its items and options, from
// N concurrent clients against the built API as a real process. Prints throughput, latency
// percentiles, errors and the API's peak memory. Usage:
//   pnpm build && node bench/library-read.mjs [--seconds 10] [--connections 32]
// Uses DATABASE_URL when set (a scratch database is NOT created: point it at a disposable one),
// else a fresh embedded database in a temporary folder.
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    port: { type: "string", default: "4100" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const root = fileURLToPath(new URL("..", import.meta.url));
const dataDir = await mkdtemp(path.join(os.tmpdir(), "rs-bench-"));
// One load generator from one address would run into the per-address rate limit within seconds
// and measure 429s; this benchmark is about the read path, so the limits are off (0).
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
  PORT: values.port,
  RATE_LIMIT_PER_MINUTE: "0",
  RATE_LIMIT_IP_PER_MINUTE: "0",
};

const imported = spawnSync(
  process.execPath,
  [path.join(root, "packages/api/dist/cli.js"), "content", "import"],
  {
    env,
    stdio: "inherit",
  },
);
if (imported.status !== 0) process.exit(1);
const api = spawn(process.execPath, [path.join(root, "packages/api/dist/main.js")], {
  env,
  stdio: "inherit",
});
const url = `http://127.0.0.1:${values.port}`;
await waitUntilReady();

const body = JSON.stringify({
  query: `query($slug: String!) { assessment(slug: $slug) { slug title version items { id kind prompt options { id label } } } }`,
  variables: { slug: "real-skills-check" },
});
const latencies = [];
let errors = 0;
let peakRssKb = 0;
const sampler = setInterval(async () => {
  peakRssKb = Math.max(peakRssKb, await rssKb(api.pid));
}, 250);

const deadline = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const response = await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        const json = await response.json();
        if (!response.ok || json.errors) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - started);
    }
  }),
);
clearInterval(sampler);
latencies.sort((a, b) => a - b);
const at = (p) =>
  latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);

console.log(`
library read: assessment(slug) with items and options, POST, ${connections} connections, ${seconds} s
  database     ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}
  requests     ${latencies.length}
  throughput   ${(latencies.length / seconds).toFixed(0)} req/s
  latency p50  ${at(0.5)} ms
  latency p99  ${at(0.99)} ms
  errors       ${errors}
  API peak RSS ${(peakRssKb / 1024).toFixed(0)} MB
  machine      ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}
`);

api.kill("SIGTERM");
await new Promise((resolve) => api.once("exit", resolve));
await rm(dataDir, { recursive: true, force: true });

async function waitUntilReady() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the API did not become ready");
}

async function rssKb(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
