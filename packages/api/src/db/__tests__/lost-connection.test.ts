import type pg from "pg";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver.js";
import { isDatabaseUnavailable } from "../../common/errors.js";
import { createTestApp, type TestApp } from "../../test-support/harness.js";

// A server that ends a connection (a restart, a failover, an administrator) does so with an
// error event on it. Only a PostgreSQL server can be told to end one of its sessions.
const onPostgres = process.env.DATABASE_URL ? it : it.skip;

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ importContent: false });
});

afterAll(async () => {
  await app.close();
});

describe("a pool connection the server ends while it is checked out", () => {
  onPostgres(
    "does not end the process: its next statement fails as unavailable, and the pool goes on",
    async () => {
      // Checked out as any user of the pool does, between two statements: the pool itself
      // listens to idle connections only, and an error event nobody listens to is thrown.
      const pool = (app.database.dataSource.driver as PostgresDriver).master as pg.Pool;
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await app.database.dataSource.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
      await new Promise((resolve) => setTimeout(resolve, 200));

      const failure: unknown = await client.query("SELECT 1").catch((error: unknown) => error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      client.release(true);
      expect(await app.database.ping()).toBe(true);
    },
  );
});
