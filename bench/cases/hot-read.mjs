// Cases 1, 1b and 4: the library's hot read, `assessment(slug)` with its items and options, as a
// persisted query over GET (Apollo's automatic persisted queries: the URL carries the query's
// SHA-256, not its text), from 32 connections; the same read with an employee's embed token;
// and the baseline, a bare node:http server sending the very bytes of that answer.
import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { mintEmbedToken } from "../../packages/api/dist/auth/token-minter.js";
import { onCleanup } from "../lib/cleanup.mjs";
import { checkedRequest } from "../lib/load.mjs";
import { measuredRow, withFreshApi, warmUpThenMeasure } from "../lib/measure.mjs";
import { sampleRss } from "../lib/memory.mjs";
import { graphqlFailure } from "../lib/stats.mjs";

// The reference measurement of this read used 32 connections.
const CONNECTIONS = 32;
const QUERY = `query Assessment($slug: String!) { assessment(slug: $slug) { slug title version items { id kind prompt options { id label } } } }`;
const SLUG = "real-skills-check";
const BARE_SERVER = fileURLToPath(new URL("../lib/bare-server.mjs", import.meta.url));

/** The persisted query's GET path for the assessment `slug`: its hash and variables, no text. */
export function persistedPath(slug) {
  const sha256Hash = createHash("sha256").update(QUERY).digest("hex");
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
  const variables = JSON.stringify({ slug });
  return `/graphql?extensions=${encodeURIComponent(extensions)}&variables=${encodeURIComponent(variables)}`;
}

const PERSISTED_PATH = persistedPath(SLUG);

// Apollo's CSRF prevention refuses a GET that a browser could send cross-site without a
// preflight; this header (any value) marks a request as not such a "simple" one.
export const GET_HEADERS = { "apollo-require-preflight": "true" };

/**
 * Runs case 1 (anonymous), case 4 (its baseline, right after it so that both see the same
 * machine) and case 1b (with an employee token); resolves with their rows.
 */
export async function runHotRead({
  env,
  databaseName,
  seconds,
  warmupSeconds,
  embedKey,
  origin,
  log,
}) {
  // Per-address and per-principal limits off: one generator from one address, with one token,
  // would measure 429s within seconds. This case is about the read path; case 2 keeps the
  // per-principal limit.
  const apiEnv = { ...env, RATE_LIMIT_IP_PER_MINUTE: "0", RATE_LIMIT_PER_MINUTE: "0" };
  const load = { connections: CONNECTIONS, seconds, warmupSeconds, databaseName, log };

  log(`  case 1: assessment(slug) as a persisted GET, anonymous, ${CONNECTIONS} connections`);
  const anonymous = await withFreshApi(apiEnv, (api) => measureRead(api, GET_HEADERS, load));
  const case1 = row("1", "assessment(slug), APQ GET, anonymous", anonymous);

  log(`  case 4: bare node:http server, the same ${anonymous.answer.body.length} bytes`);
  const baseline = await measureBaseline(anonymous.answer, load);
  const case4 = row("4", "baseline: bare node:http, same bytes", baseline);
  case4.ratio = {
    label: "case 1 / baseline",
    value: case1.throughput / case4.throughput,
    unit: "percent",
  };

  log(`  case 1b: the same read with an employee's embed token`);
  const token = await mintEmbedToken(embedKey, { sub: "bench-reader", role: "employee" }, 3600);
  const headers = { ...GET_HEADERS, Authorization: `Bearer ${token}`, Origin: origin };
  const employee = await withFreshApi(apiEnv, (api) => measureRead(api, headers, load));
  const case1b = row("1b", "the same read, employee token", employee);
  if (!employee.answer.body.equals(anonymous.answer.body)) {
    case1b.notes.push("answer differs from the anonymous one");
  }
  return [case1, case1b, case4];
}

async function measureRead(api, headers, load) {
  const answer = await persistQuery(api.url, headers);
  const result = await warmUpThenMeasure({
    url: api.url,
    serverPid: api.pid,
    ...load,
    makeRequests: (errors) => [readRequest(headers, errors)],
  });
  return { ...result, answer };
}

/** A persisted GET of the assessment at `path` (this case's by default), its answer checked. */
export function readRequest(headers, errors, path = PERSISTED_PATH) {
  return checkedRequest(
    "assessment",
    errors,
    { method: "GET", path, headers },
    (status, body) =>
      graphqlFailure(status, body) ??
      (body.startsWith('{"data":{"assessment":{') ? undefined : "no assessment"),
  );
}

/**
 * Registers the query as a client following the APQ protocol does: the hash alone first (a
 * fresh server does not know it: PERSISTED_QUERY_NOT_FOUND), then hash and text together.
 * Resolves with the answer to the hash alone afterwards, as the load will get it: its bytes and
 * content type.
 */
export async function persistQuery(url, headers) {
  const first = await fetch(url + PERSISTED_PATH, { headers });
  const firstBody = await first.text();
  // A store shared between instances may know the hash already; then there is nothing to do.
  if (firstBody.includes("PERSISTED_QUERY_NOT_FOUND")) {
    const register = await fetch(`${url}${PERSISTED_PATH}&query=${encodeURIComponent(QUERY)}`, {
      headers,
    });
    const registered = await register.text();
    if (graphqlFailure(register.status, registered)) {
      throw new Error(`registering the persisted query failed: ${registered.slice(0, 200)}`);
    }
  } else if (graphqlFailure(first.status, firstBody)) {
    throw new Error(`the persisted query's hash alone failed: ${firstBody.slice(0, 200)}`);
  }
  const response = await fetch(url + PERSISTED_PATH, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  const failure = graphqlFailure(response.status, body.toString());
  if (failure)
    throw new Error(`the persisted query failed: ${failure}: ${body.toString().slice(0, 200)}`);
  return { body, contentType: response.headers.get("content-type") ?? "application/json" };
}

/** Case 4: the bare server in a child process, under the same load, checked the same way. */
async function measureBaseline(answer, load) {
  const child = fork(BARE_SERVER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const forget = onCleanup(`baseline server ${child.pid}`, async () => {
    child.kill("SIGTERM");
    await exited;
  });
  try {
    const ready = new Promise((resolve) => child.once("message", resolve));
    child.send({ body: answer.body.toString("base64"), contentType: answer.contentType });
    const { port } = await ready;
    const memory = sampleRss(child.pid);
    const result = await warmUpThenMeasure({
      url: `http://127.0.0.1:${port}`,
      serverPid: child.pid,
      ...load,
      makeRequests: (errors) => [readRequest(GET_HEADERS, errors)],
    });
    return { ...result, memory: await memory.stop() };
  } finally {
    await forget();
  }
}

function row(id, name, result) {
  return measuredRow(result, { id, name, connections: CONNECTIONS });
}
