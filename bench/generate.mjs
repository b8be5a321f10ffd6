// Data generator for the benchmarks (docs/performance.md): one organisation with many employees
// and completed attempts over the months that have ended, written with COPY, reproducible from
// a seed. Every attempt is scored by the same shared code the API uses, and the report cells
// are then recounted from the stored attempts in bulk.
//
//   pnpm build && node bench/generate.mjs [--employees 100000] [--attempts 1000000] [--seed 1]
//
// Uses DATABASE_URL when set, else the embedded database in DATA_DIR (default .data/). The
// organisation `bench` is deleted and created again on every run. Point it at a disposable
// database: it loads with foreign-key triggers off (see `openCopies`).
import "reflect-metadata";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import copyStreams from "pg-copy-streams";
import { pino } from "pino";
import { LIKERT_SCALE, scoreAttempt } from "@real-skills/shared";
import { loadConfig } from "@real-skills/api/dist/config/index.js";
import { openDatabase } from "@real-skills/api/dist/db/database.js";
import { importLibrary, readLibrary } from "@real-skills/api/dist/modules/content/index.js";
import { OrganizationService } from "@real-skills/api/dist/modules/organization/organization.service.js";
import { VersionItemsCache } from "@real-skills/api/dist/modules/attempt/version-items.js";
import { sampleAnswer, seededRandom } from "@real-skills/api/dist/demo/sample-answers.js";
import { recountReportCells } from "@real-skills/api/dist/modules/report/report-recount.js";

const { values } = parseArgs({
  options: {
    employees: { type: "string", default: "100000" },
    attempts: { type: "string", default: "1000000" },
    months: { type: "string", default: "12" },
    "team-size": { type: "string", default: "50" },
    "teams-per-department": { type: "string", default: "20" },
    assessment: { type: "string", default: "real-skills-check" },
    seed: { type: "string", default: "1" },
    slug: { type: "string", default: "bench" },
  },
});
const employees = Number(values.employees);
const attempts = Number(values.attempts);
const months = Number(values.months);
const teamSize = Number(values["team-size"]);
const teamsPerDepartment = Number(values["teams-per-department"]);
const seed = Number(values.seed);
// The generated columns and their types, in the order they are written.
const COLUMNS = {
  attempt: {
    id: "uuid",
    organization_id: "uuid",
    subject: "text",
    assessment_id: "uuid",
    version_id: "uuid",
    status: "text",
    team: "text",
    department: "text",
    idempotency_key: "text",
    started_at: "timestamptz",
    updated_at: "timestamptz",
    submitted_at: "timestamptz",
    counted: "bool",
  },
  answer: {
    attempt_id: "uuid",
    item_id: "uuid",
    organization_id: "uuid",
    option_id: "uuid",
    value: "int4",
    text: "text",
    sequence: "int4",
    saved_at: "timestamptz",
  },
  attempt_score: {
    attempt_id: "uuid",
    skill_id: "uuid",
    organization_id: "uuid",
    score: "int4",
    band: "text",
    answered: "int4",
    raw: "int4",
    min: "int4",
    max: "int4",
  },
};
const TABLES = Object.keys(COLUMNS);
const TYPES = Object.fromEntries(TABLES.map((table) => [table, Object.values(COLUMNS[table])]));

/** A growing buffer of COPY data; `take` hands over what it holds and starts afresh. */
class CopyBuffer {
  constructor(capacity) {
    this.buffer = Buffer.allocUnsafe(capacity);
    this.length = 0;
  }

  reserve(bytes) {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  bytes(source) {
    this.reserve(source.length);
    source.copy(this.buffer, this.length);
    this.length += source.length;
  }

  int16(value) {
    this.reserve(2);
    this.length = this.buffer.writeInt16BE(value, this.length);
  }

  int32(value) {
    this.reserve(4);
    this.length = this.buffer.writeInt32BE(value, this.length);
  }

  string(value, encoding = "utf8") {
    this.reserve(3 * value.length);
    this.length += this.buffer.write(value, this.length, encoding);
  }

  take() {
    const taken = this.buffer.subarray(0, this.length);
    // The taken bytes stay with the COPY stream until sent: the next batch needs new memory.
    this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.length = 0;
    return taken;
  }
}

// Microseconds from 2000-01-01 UTC, PostgreSQL's own timestamp, need 51 bits: more than an
// int32 and less than a double's exact 53, so they are written as two 32-bit halves.
const POSTGRES_EPOCH = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 2 ** 32;

/**
 * PostgreSQL's binary COPY format: each row a field count and each field its length and bytes.
 * The server takes uuids, integers and timestamps as they are instead of parsing text, which
 * makes its side of the load about three times faster (2.2 s → 0.8 s for 1.2 million answers).
 */
const BINARY = {
  header: Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]),
  trailer: Buffer.from([0xff, 0xff]),
  /** Writes `fields` as the table's columns from the `from`th on. */
  fields(out, table, from, fields) {
    const types = TYPES[table];
    if (from === 0) out.int16(types.length);
    for (let offset = 0; offset < fields.length; offset += 1) {
      const value = fields[offset];
      if (value === null) {
        out.int32(-1);
        continue;
      }
      switch (types[from + offset]) {
        case "uuid":
          out.int32(16);
          out.string(value.replaceAll("-", ""), "hex");
          break;
        case "int4":
          out.int32(4);
          out.int32(value);
          break;
        case "bool":
          out.int32(1);
          out.reserve(1);
          out.length = out.buffer.writeUInt8(value ? 1 : 0, out.length);
          break;
        case "text": {
          out.int32(0);
          const start = out.length;
          out.string(value);
          out.buffer.writeInt32BE(out.length - start, start - 4);
          break;
        }
        case "timestamptz": {
          const micros = (value - POSTGRES_EPOCH) * 1000;
          const high = Math.floor(micros / TWO_TO_32);
          out.int32(8);
          out.int32(high);
          out.reserve(4);
          out.length = out.buffer.writeUInt32BE(micros - high * TWO_TO_32, out.length);
          break;
        }
      }
    }
  },
};

/** COPY's text format, which the embedded database's INSERT splits (`openEmbeddedInserts`). */
const TEXT = {
  fields(out, table, from, fields) {
    const types = TYPES[table];
    for (let offset = 0; offset < fields.length; offset += 1) {
      const value = fields[offset];
      if (from + offset > 0) out.string("\t");
      if (value === null) out.string("\\N");
      else if (types[from + offset] === "timestamptz") out.string(new Date(value).toISOString());
      else if (types[from + offset] === "bool") out.string(value ? "t" : "f");
      else out.string(String(value));
    }
    if (from + fields.length === types.length) out.string("\n");
  },
};

const config = loadConfig();
// From before opening: the embedded database's start-up (and first initdb) is part of a run.
const started = performance.now();
const database = await openDatabase(config, { logger: pino({ level: "warn" }) });
const { dataSource } = database;
const pool = dataSource.driver.master;
const seconds = (from, to) => ((to - from) / 1000).toFixed(1);
try {
  await database.migrate();
  await importLibrary(dataSource, await readLibrary(config.contentDir));
  if (await deleteOrganization(values.slug)) {
    // The last run's rows are dead but still take their pages: scans would read them and
    // autovacuum would start on them in the middle of the load.
    await dataSource.query(`VACUUM attempt, answer, attempt_score`);
  }
  const created = await new OrganizationService(dataSource).create({
    name: "Benchmark Inc.",
    slug: values.slug,
    origins: ["http://localhost:4001"],
  });
  const { organization } = created;
  const [assessment] = await dataSource.query(
    `SELECT a.id, v.id AS "versionId" FROM assessment a
       JOIN assessment_version v ON v.assessment_id = a.id AND v.published_at IS NOT NULL
      WHERE a.slug = $1 AND a.organization_id IS NULL ORDER BY v.version DESC LIMIT 1`,
    [values.assessment],
  );
  if (!assessment) throw new Error(`no published library assessment "${values.assessment}"`);
  const { items } = await new VersionItemsCache(dataSource).get(assessment.versionId);
  const skillIds = new Map(
    (await dataSource.query(`SELECT id, slug FROM skill`)).map((row) => [row.slug, row.id]),
  );
  // Reflections are left unanswered: they never score, and nothing here reads them.
  const answerable = items.filter((item) => item.kind !== "REFLECTION");
  const format = database.kind === "postgres" ? BINARY : TEXT;
  const scratch = new CopyBuffer(1024);
  /** Some of a row's fields, encoded once to be copied into many rows. */
  const encode = (table, from, fields) => {
    scratch.length = 0;
    format.fields(scratch, table, from, fields);
    return Buffer.from(scratch.buffer.subarray(0, scratch.length));
  };
  // An answer row is the attempt's id, then what the item and the choice decide, then the
  // attempt's time: the middle is encoded once per item and choice (by option id or by
  // agreement) instead of once per row.
  const agreements = [];
  for (let value = LIKERT_SCALE.min; value <= LIKERT_SCALE.max; value += 1) agreements.push(value);
  const answerMiddles = answerable.map((item) => {
    const middle = (optionId, value) =>
      encode("answer", 1, [item.id, organization.id, optionId, value, null, 0]);
    return new Map(
      item.kind === "LIKERT"
        ? agreements.map((value) => [value, middle(null, value)])
        : item.options.map((option) => [option.id, middle(option.id, null)]),
    );
  });
  const scoreMiddles = new Map(
    [...skillIds].map(([slug, id]) => [slug, encode("attempt_score", 1, [id, organization.id])]),
  );

  const setUp = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      format: "attempts {bar} {percentage}% {value}/{total} {eta_formatted} left",
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  const copies = await openCopies(format, organization.id);
  const batch = Object.fromEntries(TABLES.map((table) => [table, new CopyBuffer(1 << 20)]));
  bar.start(attempts, 0);
  const now = new Date();
  try {
    for (let first = 0; first < attempts; first += copies.batchSize) {
      const last = Math.min(attempts, first + copies.batchSize);
      for (let index = first; index < last; index += 1) writeAttempt(index);
      await copies.write(Object.fromEntries(TABLES.map((table) => [table, batch[table].take()])));
      bar.update(last);
    }
    await copies.finish();
  } catch (error) {
    copies.abort();
    throw error;
  } finally {
    bar.stop();
  }
  const copied = performance.now();
  // Fresh statistics, so that the recount (and the reports after it) plan for the rows as
  // they now are; autovacuum would get there too, but later.
  await dataSource.query(`ANALYZE attempt, answer, attempt_score`);
  const analysed = performance.now();
  const cells = await recountReportCells(dataSource, organization.id);
  const total = performance.now();
  const perSecond = Math.round(attempts / ((copied - setUp) / 1000));
  console.log(
    `\n${attempts} attempts of ${employees} employees in ${Math.ceil(employees / teamSize)} teams ` +
      `over ${months} months (${database.kind}): set-up ${seconds(started, setUp)} s, ` +
      `COPY ${seconds(setUp, copied)} s (${perSecond} attempts/s), ` +
      `ANALYZE ${seconds(copied, analysed)} s, report cells recounted in ` +
      `${seconds(analysed, total)} s (${cells.cells} cells, ${cells.skillCells} skill cells, ` +
      `${cells.itemCells} item cells); ${seconds(started, total)} s in all.\n` +
      `Organisation "${organization.slug}" (${organization.id}); ADMIN key ${created.apiKey}.`,
  );

  /**
   * When attempt `index` was submitted: a moment in its round's month, from the first draw of
   * its random stream. Each round is one month further back, from last month on; beyond
   * `months` rounds a person answers again in a month they already answered in (a retake).
   */
  function submittedAtOf(index, random = generator(seed, index)) {
    const monthsBack = 1 + (Math.floor(index / employees) % months);
    return (
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1) +
      Math.floor(random() * 27 * 86_400_000)
    );
  }

  /**
   * Whether the API would count the attempt, as it marks `attempt.counted` on submit: the last
   * one its person submitted in its month (of equal times the greater id, which grows with the
   * index). The recount would set any wrong flag right, but rewriting a million attempts for
   * it costs some 12 s.
   */
  function isCounted(index, submittedAt) {
    const sameMonth = months * employees;
    for (let other = index % sameMonth; other < attempts; other += sameMonth) {
      const otherAt = other === index ? submittedAt : submittedAtOf(other);
      if (otherAt > submittedAt || (otherAt === submittedAt && other > index)) return false;
    }
    return true;
  }

  /** One attempt, its answers and its scores, appended to the batch's COPY data. */
  function writeAttempt(index) {
    const employee = index % employees;
    const random = generator(seed, index);
    const person = generator(seed, -1 - employee);
    const team = Math.floor(employee / teamSize);
    const department = Math.floor(team / teamsPerDepartment);
    const submittedAt = submittedAtOf(index, random);
    const strength = 0.2 + 0.6 * person() + 0.1 * Math.sin(team);
    const answers = answerable.map((item) => ({
      itemId: item.id,
      ...sampleAnswer(item, strength, random),
    }));
    const scored = scoreAttempt(items, answers);
    if (!scored.ok) throw new Error(`generated answers do not score: ${scored.error.code}`);
    const id = uuid(index);
    format.fields(batch.attempt, "attempt", 0, [
      id,
      organization.id,
      `e${String(employee).padStart(6, "0")}`,
      assessment.id,
      assessment.versionId,
      "SUBMITTED",
      `team-${team}`,
      `department-${department}`,
      `bench-${index}`,
      submittedAt - 180_000,
      submittedAt,
      submittedAt,
      isCounted(index, submittedAt),
    ]);
    const answerHead = encode("answer", 0, [id]);
    const answerTail = encode("answer", 7, [submittedAt]);
    for (const [position, answer] of answers.entries()) {
      batch.answer.bytes(answerHead);
      batch.answer.bytes(answerMiddles[position].get(answer.optionId ?? answer.value));
      batch.answer.bytes(answerTail);
    }
    const scoreHead = encode("attempt_score", 0, [id]);
    for (const score of scored.value) {
      batch.attempt_score.bytes(scoreHead);
      batch.attempt_score.bytes(scoreMiddles.get(score.skill));
      format.fields(batch.attempt_score, "attempt_score", 3, [
        score.score,
        score.band,
        score.answered,
        score.raw,
        score.min,
        score.max,
      ]);
    }
  }
} finally {
  await database.close();
}

/**
 * Writers of the batches' COPY data into the three tables. Foreign-key triggers are off for
 * the loading sessions (`session_replication_role = replica`, which needs a superuser): they
 * would check each of ~20 million rows against its attempt, item, option, skill and
 * organisation one at a time, which more than doubles the load. The rows are right by
 * construction: they reference the organisation, assessment, items, options and skills read
 * above, and attempts written in the same run.
 *
 * On PostgreSQL each table gets its own connection and one COPY for the whole run, so the
 * server writes the three tables side by side while this process generates the next batch.
 */
async function openCopies(format, organizationId) {
  if (database.kind === "embedded") return openEmbeddedInserts();
  const clients = await Promise.all(TABLES.map(() => pool.connect()));
  const streams = {};
  const done = [];
  for (const [position, table] of TABLES.entries()) {
    const client = clients[position];
    await client.query(`BEGIN`);
    await client.query(`SET LOCAL session_replication_role = replica`);
    // What the foreign-key trigger would have done: keep the organisation from being deleted
    // (by another run) while its rows are being written.
    await client.query(`SELECT FROM organization WHERE id = $1 FOR KEY SHARE`, [organizationId]);
    const columns = Object.keys(COLUMNS[table]);
    streams[table] = client.query(
      // A deep buffer, so that generating the next batch overlaps the server's writing.
      copyStreams.from(`COPY ${table} (${columns}) FROM STDIN (FORMAT binary)`, {
        highWaterMark: 16 * 1024 * 1024,
      }),
    );
    streams[table].write(format.header);
    const ended = finished(streams[table]);
    // Said at once, because pg-copy-streams may then fail on a write it still had pending, with
    // a TypeError that does not name the cause.
    ended.catch((error) => console.error(`\nCOPY ${table} failed: ${error.message}`));
    done.push(ended);
  }
  return {
    batchSize: 2_000,
    async write(batch) {
      const full = TABLES.filter((table) => !streams[table].write(batch[table]));
      await Promise.all(full.map((table) => once(streams[table], "drain")));
    },
    async finish() {
      for (const table of TABLES) streams[table].end(format.trailer);
      await Promise.all(done);
      await Promise.all(clients.map((client) => client.query(`COMMIT`)));
      for (const client of clients) client.release();
    },
    abort() {
      // A connection left mid-COPY is of no further use.
      for (const client of clients) client.release(true);
    },
  };
}

/**
 * PGlite's socket cannot take COPY … FROM STDIN: PGlite must receive the copy data in the same
 * call as the statement, and the socket passes each protocol message on by itself (the
 * connection then fails with "protocol synchronization was lost"; pglite PR #1028). So there
 * each batch goes as COPY text in one parameter per table to an INSERT that splits it into
 * lines and fields and casts each to its column's type. The text holds no tabs, newlines or
 * backslashes but the `\N` of a NULL, so no COPY escapes need undoing.
 */
async function openEmbeddedInserts() {
  const client = await pool.connect();
  // One transaction, as on PostgreSQL: a failed load leaves nothing. PGlite is this process's
  // alone, so no other run can delete the organisation meanwhile.
  await client.query(`BEGIN`);
  await client.query(`SET LOCAL session_replication_role = replica`);
  const inserts = {};
  for (const table of TABLES) {
    const columns = Object.entries(COLUMNS[table]);
    const fields = columns.map(([, type], index) => `NULLIF(field[${index + 1}], '\\N')::${type}`);
    inserts[table] = `INSERT INTO ${table} (${columns.map(([name]) => name)})
      SELECT ${fields} FROM string_to_table($1, E'\\n') AS line,
             string_to_array(line, E'\\t') AS field
       WHERE line <> ''`;
  }
  return {
    batchSize: 2_000,
    async write(batch) {
      for (const table of TABLES) {
        await client.query(inserts[table], [batch[table].toString("utf8")]);
      }
    },
    async finish() {
      await client.query(`COMMIT`);
      client.release();
    },
    abort() {
      client.release(true);
    },
  };
}

/**
 * Deletes the organisation and everything it holds; says whether there was one. Its answers
 * and scores go first, in one statement each; its attempts then go with the triggers off,
 * because their `ON DELETE CASCADE` would otherwise look for answers and scores once per
 * attempt, a million times.
 */
async function deleteOrganization(slug) {
  return dataSource.transaction(async (manager) => {
    const [organization] = await manager.query(`SELECT id FROM organization WHERE slug = $1`, [
      slug,
    ]);
    if (!organization) return false;
    const ofOrganization = `SELECT id FROM attempt WHERE organization_id = $1`;
    await manager.query(`DELETE FROM answer WHERE attempt_id IN (${ofOrganization})`, [
      organization.id,
    ]);
    await manager.query(`DELETE FROM attempt_score WHERE attempt_id IN (${ofOrganization})`, [
      organization.id,
    ]);
    await manager.query(`SET LOCAL session_replication_role = replica`);
    await manager.query(`DELETE FROM attempt WHERE organization_id = $1`, [organization.id]);
    await manager.query(`SET LOCAL session_replication_role = origin`);
    await manager.query(`DELETE FROM organization WHERE id = $1`, [organization.id]);
    return true;
  });
}

/** An independent seeded generator per (seed, stream): reproducible streams. */
function generator(seedValue, stream) {
  return seededRandom(
    Math.imul(seedValue ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream, 0xc2b2ae35),
  );
}

/** A version-4-shaped UUID from the seed and the attempt's index: unique and reproducible. */
function uuid(index) {
  const seedHex = (seed >>> 0).toString(16).padStart(8, "0");
  const indexHex = index.toString(16).padStart(12, "0");
  return `${seedHex}-0000-4000-8000-${indexHex}`;
}
