import pg from "pg";
import type { EmbedKey } from "./embed-token.js";
import { runCli } from "./stack.js";

/** The page the employees' widget runs on, allowed for every organisation the suites create. */
export const INTRANET_ORIGIN = "https://intranet.example.com";

/** The library assessment the suites' employees take (seven items, two skills). */
export const ASSESSMENT = "real-skills-check";

export interface Organization {
  id: string;
  apiKey: string;
  embedKey: EmbedKey;
}

/** Imports the library and creates an organisation with the operator CLI, as an operator would. */
export function setUpOrganization(
  env: Record<string, string>,
  name = "Reliability Co",
): Organization {
  const imported = runCli(["content", "import"], env);
  if (imported.status !== 0) throw new Error(`content import failed:\n${imported.stderr}`);
  const created = runCli(
    ["org", "create", "--name", name, "--origin", INTRANET_ORIGIN, "--json"],
    env,
  );
  if (created.status !== 0) throw new Error(`org create failed:\n${created.stderr}`);
  const output = JSON.parse(created.stdout) as {
    organization: { id: string };
    apiKey: string;
    embedKey: EmbedKey;
  };
  return { id: output.organization.id, apiKey: output.apiKey, embedKey: output.embedKey };
}

/** POSTs an operation with the organisation's API key; throws on any error. */
export async function asAdmin<T>(
  apiUrl: string,
  organization: Organization,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${organization.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) {
    throw new Error(`admin operation failed (${response.status}): ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/** Runs `work` with a connection to `url`, closed afterwards. */
export async function withDatabase<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Prints what a case measured, one `name: value` line each, under the case's title, straight to
 * the terminal (Jest would wrap `console.log` in a stack trace).
 */
export function printMeasured(title: string, figures: Record<string, unknown>): void {
  const width = Math.max(...Object.keys(figures).map((name) => name.length));
  const lines = Object.entries(figures).map(
    ([name, value]) =>
      `  ${name.padEnd(width)}  ${typeof value === "string" ? value : JSON.stringify(value)}`,
  );
  process.stdout.write(`\n[reliability] ${title}\n${lines.join("\n")}\n`);
}

/** Milliseconds between two `performance.now()` readings, rounded for printing. */
export function elapsed(from: number, to = performance.now()): string {
  return `${Math.round(to - from)} ms`;
}
