// The API as production runs it: `node packages/api/dist/main.js` in its own process, so that
// the load generator (in the harness's process) and the server never share an event loop or a
// heap, and the server's memory can be read from /proc on its own.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ApiLog } from "./api-log.mjs";
import { onCleanup } from "./cleanup.mjs";
import { sampleRss } from "./memory.mjs";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const API_MAIN = path.join(ROOT, "packages/api/dist/main.js");
const API_CLI = path.join(ROOT, "packages/api/dist/cli.js");

/** Runs the operator CLI (`realskills …`) against the run's database; returns its stdout. */
export function realskills(args, env) {
  return runScript(API_CLI, args, env, `realskills ${args.join(" ")}`);
}

/**
 * Creates the organisation the loads use, `bench-load`, allowing pages from `origin`, with the
 * operator CLI: resolves with what `org create --json` prints (`apiKey`, an ADMIN key, and
 * `embedKey`, { kid, secret }).
 */
export function createLoadOrganization(env, origin) {
  const args = ["org", "create", "--name", "Bench load", "--slug", "bench-load"];
  return JSON.parse(realskills([...args, "--origin", origin, "--json"], env));
}

/**
 * Runs the Node script `file` to its end (the CLI, the data generator) with `env` at
 * LOG_LEVEL=warn; returns its stdout, or throws with its output when it fails.
 */
export function runScript(file, args, env, name = path.relative(ROOT, file)) {
  const result = spawnSync(process.execPath, [file, ...args], {
    env: { ...env, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`${name} failed:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

/**
 * Starts the API on a free port of 127.0.0.1 and resolves once /readyz answers. Memory is
 * sampled from then on (start-up is not part of a case) until `stop()`, which resolves with the
 * peak RSS of that stretch and the process's VmHWM. Its log is summarised in `log`.
 */
export async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = new ApiLog();
  log.follow(child.stdout);
  log.follow(child.stderr);
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const forget = onCleanup(`API process ${child.pid}`, () => stopProcess(child, exited));
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitUntilReady(url),
    exited.then(({ code, signal }) => {
      throw new Error(`the API exited during start-up (${signal ?? `status ${code}`})`);
    }),
  ]);
  const memory = sampleRss(child.pid);
  let stopped;
  return {
    url,
    pid: child.pid,
    log,
    /** Resolves when the process ends, also unexpectedly in the middle of a case. */
    exited,
    stop() {
      stopped ??= (async () => {
        const figures = await memory.stop();
        await forget();
        return figures;
      })();
      return stopped;
    },
  };
}

/** SIGTERM (the API drains and closes its pool), SIGKILL if it has not ended within 10 s. */
export async function stopProcess(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the API did not become ready within 60 s");
}
