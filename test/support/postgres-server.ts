import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./stack.js";

/**
 * A PostgreSQL server of the suite's own: a fresh cluster in a temporary folder on a free port,
 * which a suite may stop, restart or crash without touching anyone else's server. It needs the
 * PostgreSQL server programs (Debian's `postgresql` package); as root it runs them as the
 * `postgres` user, since PostgreSQL refuses to run as root.
 */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/<database>`. */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  /** Stops the server (`fast`: ends sessions, checkpoints) or crashes it (`immediate`). */
  stop(mode?: "fast" | "immediate"): void;
  start(): void;
  /** Stops and removes the cluster. */
  dispose(): Promise<void>;
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = serverBinDir();
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), "rs-pg-"));
  const dataDir = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) =>
      Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
    await chown(dir, id("-u"), id("-g"));
  }
  await chmod(dir, 0o700);
  const run = (program: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, program);
    const argv = asRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args;
    const result = spawnSync(command, argv, { encoding: "utf8", cwd: dir });
    if (result.status !== 0) {
      throw new Error(`${program} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
    }
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const server: PostgresServer = {
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: server.url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return server.url(name);
    },
    stop(mode = "fast") {
      run("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "stop"]);
    },
    start() {
      run("pg_ctl", ["-D", dataDir, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
    },
    async dispose() {
      try {
        server.stop("immediate");
      } catch {
        // Already stopped.
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}

/**
 * A PostgreSQL server for the calling test file: started before its tests, removed after them.
 * Returns a getter, since the server exists only once `beforeAll` has run.
 */
export function postgresServerForThisFile(): () => PostgresServer {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });
  return () => {
    if (server === undefined) throw new Error("The PostgreSQL server starts in beforeAll.");
    return server;
  };
}

/** The folder with `initdb`, `pg_ctl` and `postgres`: `pg_config --bindir`, else Debian's. */
function serverBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // No pg_config on the PATH.
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort().reverse()) {
      candidates.push(path.join(debian, version, "bin"));
    }
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, "initdb")));
  if (!found) {
    throw new Error(
      "The reliability suite needs the PostgreSQL server programs (initdb, pg_ctl); install Debian's postgresql package.",
    );
  }
  return found;
}
