// The two databases a run can measure on, each fresh and each removed afterwards: the embedded
// PGlite in a temporary folder, or a scratch database created on a PostgreSQL server.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "./api-process.mjs";
import { onCleanup } from "./cleanup.mjs";

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * Opens a fresh database of `kind` ("pglite" or "postgres") and resolves with the environment
 * the API, its CLI and the generator need to use it (and nothing else), its version, and
 * `dispose()`. The caller's DATABASE_URL is the PostgreSQL admin connection, never the
 * database measured.
 */
export async function openBenchDatabase(kind) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.DATA_DIR;
  if (kind === "pglite") return openPglite(base);
  if (kind === "postgres") return openPostgres(base);
  throw new Error(`unknown database "${kind}" (pglite or postgres)`);
}

async function openPglite(base) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "rs-bench-"));
  const dispose = onCleanup(`temporary folder ${dataDir}`, () =>
    rm(dataDir, { recursive: true, force: true }),
  );
  return {
    kind: "pglite",
    label: "embedded PGlite",
    env: { ...base, DATA_DIR: dataDir },
    /** Read once the database exists (after the library import). */
    version: () => pgliteVersion(dataDir),
    dispose,
  };
}

async function openPostgres(base) {
  const adminUrl = process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const name = `rs_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let version;
  try {
    version = (await admin.query("SHOW server_version")).rows[0].server_version;
    // A run killed with SIGKILL leaves its database behind; a new run never reuses a pid's.
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const dispose = onCleanup(`scratch database ${name}`, () => dropDatabase(adminUrl, name));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    label: "PostgreSQL",
    env: { ...base, DATABASE_URL: url.toString() },
    version: () => Promise.resolve(`PostgreSQL ${version}`),
    name,
    dispose,
  };
}

async function dropDatabase(adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // FORCE (PostgreSQL 13+) ends sessions still open, e.g. of an API killed mid-query.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * PGlite's version from the API's dependency, and the PostgreSQL major version from the data
 * folder (PG_VERSION, written by initdb), once the library import has created it: asking a
 * throwaway instance would cost an initdb, about 10 s here.
 */
async function pgliteVersion(dataDir) {
  const requireFromApi = createRequire(path.join(ROOT, "packages/api/package.json"));
  // The package's exports hide package.json; it sits two folders above the entry point.
  const packageDir = path.resolve(requireFromApi.resolve("@electric-sql/pglite"), "../..");
  const { version } = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8"));
  const major = await readFile(path.join(dataDir, "pglite", "PG_VERSION"), "utf8").catch(() => "?");
  return `PGlite ${version} (PostgreSQL ${major.trim()})`;
}
