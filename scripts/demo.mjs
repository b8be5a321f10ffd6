// `pnpm start`: imports the library, creates the demo organisation, starts the API, and serves
// the demo intranet page (with its own token endpoint) on a second origin. Expects `pnpm build` to have run (the `start` script does it first).
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startDemoServer } from "../packages/widget/demo/serve.mjs";

const apiPort = Number(process.env.PORT ?? 4000);
const demoPort = Number(process.env.DEMO_PORT ?? 4001);
const apiUrl = `http://localhost:${apiPort}/graphql`;
const cli = fileURLToPath(new URL("../packages/api/dist/cli.js", import.meta.url));
const main = fileURLToPath(new URL("../packages/api/dist/main.js", import.meta.url));

// The import and the demo organisation come before the server opens the embedded database, so
// they never compete for it.
const imported = spawnSync(process.execPath, [cli, "content", "import"], { stdio: "inherit" });
if (imported.status !== 0) process.exit(imported.status ?? 1);

// The demo intranet plays a customer: its backend signs embed tokens with the organisation's key.
const setup = spawnSync(
  process.execPath,
  [cli, "demo", "setup", "--origin", `http://localhost:${demoPort}`, "--json"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (setup.status !== 0) process.exit(setup.status ?? 1);
const { embedKey } = JSON.parse(setup.stdout);

const api = spawn(process.execPath, [main], {
  stdio: "inherit",
  env: { ...process.env, PORT: String(apiPort) },
});
api.on("exit", (code) => {
  console.error(`The API stopped (exit code ${code}).`);
  process.exit(code ?? 1);
});

await waitUntilReady(`http://localhost:${apiPort}/readyz`);
const demo = await startDemoServer({ port: demoPort, apiUrl, embedKey });

console.log(`
  Real Skills demo is running.

    Demo intranet page:  ${demo.url}
    GraphQL API:         ${apiUrl}
    Health / readiness:  http://localhost:${apiPort}/healthz, /readyz

  Press Ctrl+C to stop.
`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    void demo.close();
    api.removeAllListeners("exit");
    api.once("exit", (code) => process.exit(code ?? 0));
    api.kill("SIGTERM");
  });
}

async function waitUntilReady(url) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`The API did not become ready at ${url} within 60 s.`);
  api.kill("SIGTERM");
  process.exit(1);
}
