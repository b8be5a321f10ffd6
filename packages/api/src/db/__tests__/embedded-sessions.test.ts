import pg from "pg";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "../embedded.js";

// Regression: pglite-socket's own queue let connections take turns between the messages of one
// query, so concurrent queries failed (`portal "" does not exist`) or returned another query's
// rows. Every connection must behave as if it had a session of its own.
describe("the embedded database under concurrent connections", () => {
  let embedded: EmbeddedDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    embedded = await openEmbeddedDatabase({
      dataDir: null,
      maxConnections: 9,
      shareRunning: false,
    });
    pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    await pool.query("CREATE TABLE probe (id integer PRIMARY KEY, value integer NOT NULL)");
  });

  afterAll(async () => {
    await pool.end();
    await embedded.close();
  });

  it("answers every parameterised query with its own rows, beside open transactions", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 600 }, async (_, i) => {
        try {
          if (i % 3 === 0) {
            const client = await pool.connect();
            try {
              await client.query("BEGIN");
              await client.query("INSERT INTO probe VALUES ($1, $2)", [i, i * 2]);
              const { rows } = await client.query<{ value: number }>(
                "SELECT value FROM probe WHERE id = $1 FOR UPDATE",
                [i],
              );
              await client.query("COMMIT");
              return rows[0]?.value === i * 2 ? "right" : "wrong";
            } finally {
              client.release();
            }
          }
          const { rows } = await pool.query<{ value: number }>(
            i % 2 === 0 ? "SELECT $1::int AS value" : "SELECT $1::int + 0 AS value, 'x' AS other",
            [i],
          );
          return rows[0]?.value === i ? "right" : "wrong";
        } catch {
          return "failed";
        }
      }),
    );
    expect(outcomes.filter((outcome) => outcome !== "right")).toEqual([]);
    const { rows } = await pool.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM probe",
    );
    expect(rows[0]?.count).toBe(200);
  });
});
