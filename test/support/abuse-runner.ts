import { send, type Credentials } from "./abuse-client.js";
import { changedTables, type DatabaseWatch, type Fingerprint } from "./abuse-database.js";
import type { AbuseCategory, HostileRequest } from "./abuse-request.js";
import { judge, type Verdict } from "./abuse-verdict.js";

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What one category of the corpus saw. */
export interface CategoryTally {
  sent: number;
  /** Answered without being refused (see `Verdict.rejected`). */
  accepted: number;
  /** Answers by HTTP status (0: none came). */
  statuses: Record<number, number>;
  /** GraphQL error codes by how often they came. */
  codes: Record<string, number>;
  slowestMs: number;
  slowest: string;
  /** Refused requests after which the database was compared with before: all equal. */
  unchangedChecks: number;
  /** Accepted requests whose hostile value was looked for in the database: all found. */
  storedChecks: number;
}

/**
 * Sends the corpus one request at a time against one API and its database, judges every answer
 * (`judge`), and checks the database around each: every table still there, unchanged after a
 * refused request, holding the hostile value exactly after an accepted one that stores it
 * (`HostileRequest.stores`).
 */
export class AbuseRun {
  /** `category / request: problem`, for every problem any request showed. */
  readonly problems: string[] = [];
  readonly tallies = new Map<AbuseCategory, CategoryTally>();
  private fingerprint: Fingerprint | undefined;
  /** The tables there were before the first request. */
  private tables: readonly string[] | undefined;

  constructor(
    private readonly apiUrl: string,
    private readonly credentials: Credentials,
    private readonly database: DatabaseWatch,
  ) {}

  /** Sends every request in order, counting it in its category; the verdicts in the same order. */
  async hostile(requests: readonly HostileRequest[]): Promise<Verdict[]> {
    const verdicts: Verdict[] = [];
    for (const request of requests) verdicts.push(await this.sendHostile(request));
    return verdicts;
  }

  /** Sends requests that are not part of the corpus (set-up, probes); their verdicts in order. */
  async benign(requests: readonly HostileRequest[]): Promise<Verdict[]> {
    const verdicts: Verdict[] = [];
    for (const request of requests) {
      const verdict = judge(request, await send(this.apiUrl, request, this.credentials));
      if (verdict.body) request.onAnswer?.(verdict.body);
      verdicts.push(verdict);
    }
    this.fingerprint = undefined;
    return verdicts;
  }

  /** The columns holding `value` exactly (`table.column`). */
  holding(value: string): Promise<string[]> {
    return this.database.columnsHolding(value);
  }

  /** Hostile requests sent, all categories together. */
  get sent(): number {
    return [...this.tallies.values()].reduce((sum, tally) => sum + tally.sent, 0);
  }

  private async sendHostile(request: HostileRequest): Promise<Verdict> {
    const before = this.fingerprint ?? (await this.database.fingerprint());
    this.tables ??= [...before.keys()];
    const answer = await send(this.apiUrl, request, this.credentials);
    const verdict = judge(request, answer);
    if (verdict.body) request.onAnswer?.(verdict.body);
    const after = await this.database.fingerprint();
    this.fingerprint = after;

    const tally = this.tallyOf(request.category);
    const problems = [...verdict.problems];
    const dropped = this.tables.filter((table) => !after.has(table));
    if (dropped.length > 0) problems.push(`tables gone afterwards: ${dropped.join(", ")}`);
    tally.sent += 1;
    if (!verdict.rejected) tally.accepted += 1;
    tally.statuses[answer.status] = (tally.statuses[answer.status] ?? 0) + 1;
    for (const code of verdict.codes) tally.codes[code] = (tally.codes[code] ?? 0) + 1;
    if (answer.ms > tally.slowestMs) {
      tally.slowestMs = answer.ms;
      tally.slowest = request.name;
    }
    if (verdict.rejected) {
      const changed = changedTables(before, after);
      if (changed.length > 0) problems.push(`refused, but changed ${changed.join(", ")}`);
      else tally.unchangedChecks += 1;
    } else if (request.stores !== undefined) {
      if (await this.storedAsSent(request.stores)) tally.storedChecks += 1;
      else problems.push("accepted, but the value it stores is nowhere in the database as sent");
    }
    const where = `${request.category} / ${request.name}`;
    this.problems.push(...problems.map((problem) => `${where}: ${problem}`));
    return verdict;
  }

  /**
   * Whether the database holds `value` exactly. PostgreSQL cannot hold NUL, and UTF-8 has no
   * encoding for an unpaired surrogate (the driver sends U+FFFD instead, in what it stores and in
   * what it looks for alike): such a value is never stored as sent.
   */
  private async storedAsSent(value: string): Promise<boolean> {
    if (value.includes("\0") || UNPAIRED_SURROGATE.test(value)) return false;
    return (await this.database.columnsHolding(value)).length > 0;
  }

  private tallyOf(category: AbuseCategory): CategoryTally {
    let tally = this.tallies.get(category);
    if (!tally) {
      tally = {
        sent: 0,
        accepted: 0,
        statuses: {},
        codes: {},
        slowestMs: 0,
        slowest: "",
        unchangedChecks: 0,
        storedChecks: 0,
      };
      this.tallies.set(category, tally);
    }
    return tally;
  }
}
