import pg from "pg";

/** Digest of every table's rows, by table name. */
export type Fingerprint = ReadonlyMap<string, string>;

/**
 * Tables and columns that change without any request changing data: the rate limiter's counters,
 * TypeORM's migration list, and an API key's `last_used_at`, which authenticating (even a request
 * that is then refused) refreshes at most once a minute.
 */
const UNWATCHED_TABLES = new Set(["rate_limit", "migrations"]);
const UNWATCHED_COLUMNS = new Set(["api_key.last_used_at"]);

interface Column {
  table: string;
  column: string;
  type: string;
}

/**
 * Watches the database of the API under abuse: digests of every table (to tell whether a refused
 * request changed anything) and a search for a value in every text column (to tell whether an
 * accepted one stored what it was sent).
 */
export class DatabaseWatch {
  private constructor(
    private readonly client: pg.Client,
    private readonly columns: readonly Column[],
  ) {}

  static async open(url: string): Promise<DatabaseWatch> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<Column>(
      `SELECT table_name AS table, column_name AS column, udt_name AS type
         FROM information_schema.columns
        WHERE table_schema = 'public'
        ORDER BY table_name, ordinal_position`,
    );
    const watched = rows.filter(
      ({ table, column }) =>
        !UNWATCHED_TABLES.has(table) && !UNWATCHED_COLUMNS.has(`${table}.${column}`),
    );
    return new DatabaseWatch(client, watched);
  }

  /** The tables of schema public as they are now: a digest of all their rows each. */
  async fingerprint(): Promise<Fingerprint> {
    const existing = await this.client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
    );
    const tables = existing.rows
      .map((row) => row.name)
      .filter((name) => !UNWATCHED_TABLES.has(name));
    const digests = tables.map((table) => {
      const columns = this.columns.filter((c) => c.table === table).map((c) => quote(c.column));
      return `SELECT ${literal(table)} AS name,
                (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), ''))
                   FROM (SELECT ${columns.join(", ") || "1"} FROM ${quote(table)}) r) AS digest`;
    });
    const { rows } = await this.client.query<{ name: string; digest: string }>(
      digests.join(" UNION ALL "),
    );
    return new Map(rows.map((row) => [row.name, row.digest]));
  }

  /** The text, text array and JSON columns (`table.column`) holding `value` exactly somewhere. */
  async columnsHolding(value: string): Promise<string[]> {
    const checks = this.columns.flatMap(({ table, column, type }) => {
      const condition = {
        text: `${quote(column)} = $1`,
        varchar: `${quote(column)} = $1`,
        _text: `$1 = ANY(${quote(column)})`,
        jsonb: `jsonb_path_exists(${quote(column)}, '$.** ? (@ == $v)', jsonb_build_object('v', $1::text))`,
      }[type];
      if (condition === undefined) return [];
      return [
        `SELECT ${literal(`${table}.${column}`)} AS at WHERE EXISTS (SELECT 1 FROM ${quote(table)} WHERE ${condition})`,
      ];
    });
    const { rows } = await this.client.query<{ at: string }>(checks.join(" UNION ALL "), [value]);
    return rows.map((row) => row.at);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** The tables whose rows differ between two fingerprints, or that one of them lacks. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
