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
import { scoreAttempt } from "@real-skills/shared";
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
const COLUMNS = {
  attempt: [
    "id",
    "organization_id",
    "subject",
    "assessment_id",
    "version_id",
    "status",
    "team",
    "department",
    "idempotency_key",
    "started_at",
    "updated_at",
    "submitted_at",
  ],
  answer: [
    "attempt_id",
    "item_id",
    "organization_id",
    "option_id",
    "value",
    "text",
    "sequence",
    "saved_at",
  ],
  attempt_score: [
    "attempt_id",
    "skill_id",
    "organization_id",
    "score",
    "band",
    "answered",
    "raw",
    "min",
    "max",
  ],
};
const TABLES = Object.keys(COLUMNS);

const config = loadConfig();
const database = await openDatabase(config, { logger: pino({ level: "warn" }) });
const { dataSource } = database;
const pool = dataSource.driver.master;
const seconds = (from, to) => ((to - from) / 1000).toFixed(1);
const started = performance.now();
try {
  await database.migrate();
  await importLibrary(dataSource, await readLibrary(config.contentDir));
  await deleteOrganization(values.slug);
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
  // The columns every row of this organisation shares, written once instead of per row.
  const answerPrefix = new Map(
    answerable.map((item) => [item.id, `\t${item.id}\t${organization.id}\t`]),
  );
  const scorePrefix = new Map(
    [...skillIds].map(([slug, id]) => [slug, `\t${id}\t${organization.id}\t`]),
  );
  const attemptPrefix = `\t${organization.id}\t`;
  const attemptMiddle = `\t${assessment.id}\t${assessment.versionId}\tSUBMITTED\t`;

  const setUp = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      format: "attempts {bar} {percentage}% {value}/{total} {eta_formatted} left",
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  const copies = await openCopies();
  bar.start(attempts, 0);
  const now = new Date();
  try {
    for (let first = 0; first < attempts; first += copies.batchSize) {
      const last = Math.min(attempts, first + copies.batchSize);
      const batch = { attempt: "", answer: "", attempt_score: "" };
      for (let index = first; index < last; index += 1) writeAttempt(index, batch);
      await copies.write(batch);
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

  /** One attempt, its answers and its scores, appended to the batch's COPY text. */
  function writeAttempt(index, batch) {
    const employee = index % employees;
    const round = Math.floor(index / employees);
    const random = generator(seed, index);
    const person = generator(seed, -1 - employee);
    const team = Math.floor(employee / teamSize);
    const department = Math.floor(team / teamsPerDepartment);
    // Each round is one month further back, from last month on; beyond `months` rounds a
    // person answers again in a month they already answered in (a retake).
    const monthsBack = 1 + (round % months);
    const submittedAt = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1) +
        Math.floor(random() * 27 * 86_400_000),
    );
    const startedAt = new Date(submittedAt.getTime() - 180_000);
    const strength = 0.2 + 0.6 * person() + 0.1 * Math.sin(team);
    const answers = answerable.map((item) => ({
      itemId: item.id,
      ...sampleAnswer(item, strength, random),
    }));
    const scored = scoreAttempt(items, answers);
    if (!scored.ok) throw new Error(`generated answers do not score: ${scored.error.code}`);
    const id = uuid(index);
    const at = submittedAt.toISOString();
    batch.attempt +=
      `${id}${attemptPrefix}e${String(employee).padStart(6, "0")}${attemptMiddle}` +
      `team-${team}\tdepartment-${department}\tbench-${index}\t${startedAt.toISOString()}\t` +
      `${at}\t${at}\n`;
    for (const answer of answers) {
      const option = answer.optionId ?? "\\N";
      const value = answer.value ?? "\\N";
      batch.answer += `${id}${answerPrefix.get(answer.itemId)}${option}\t${value}\t\\N\t0\t${at}\n`;
    }
    for (const score of scored.value) {
      batch.attempt_score +=
        `${id}${scorePrefix.get(score.skill)}${score.score}\t${score.band}\t${score.answered}\t` +
        `${score.raw}\t${score.min}\t${score.max}\n`;
    }
  }
} finally {
  await database.close();
}

/**
 * Writers of the batches' COPY text into the three tables. Foreign-key triggers are off for
 * the loading sessions (`session_replication_role = replica`, which needs a superuser): they
 * would check each of ~20 million rows against its attempt, item, option, skill and
 * organisation one at a time, which more than doubles the load. The rows are right by
 * construction: they reference the organisation, assessment, items, options and skills read
 * above, and attempts written in the same run.
 *
 * On PostgreSQL each table gets its own connection and one COPY for the whole run, so the
 * server writes the three tables side by side while this process generates the next batch.
 */
async function openCopies() {
  if (database.kind === "embedded") return openEmbeddedInserts();
  const clients = await Promise.all(TABLES.map(() => pool.connect()));
  const streams = {};
  const done = [];
  for (const [position, table] of TABLES.entries()) {
    const client = clients[position];
    await client.query(`SET session_replication_role = replica`);
    streams[table] = client.query(
      // A deep buffer, so that generating the next batch overlaps the server's writing.
      copyStreams.from(`COPY ${table} (${COLUMNS[table]}) FROM STDIN`, {
        highWaterMark: 16 * 1024 * 1024,
      }),
    );
    const ended = finished(streams[table]);
    // Awaited in finish(); a failure before that surfaces through write() first.
    ended.catch(() => {});
    done.push(ended);
  }
  return {
    batchSize: 2_000,
    async write(batch) {
      const full = TABLES.filter((table) => !streams[table].write(batch[table]));
      await Promise.all(full.map((table) => once(streams[table], "drain")));
    },
    async finish() {
      for (const table of TABLES) streams[table].end();
      await Promise.all(done);
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
 * the same COPY text goes as one parameter per batch and table to an INSERT that splits it
 * into lines and fields and casts each to its column's type. The text holds no tabs, newlines
 * or backslashes but the `\N` of a NULL, so no COPY escapes need undoing.
 */
async function openEmbeddedInserts() {
  const client = await pool.connect();
  // PGlite's one session is every connection's: the setting must not outlive the load.
  await client.query(`SET session_replication_role = replica`);
  const inserts = {};
  for (const table of TABLES) {
    const { rows } = await client.query(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
         FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [table],
    );
    const types = new Map(rows.map((row) => [row.name, row.type]));
    const fields = COLUMNS[table].map(
      (column, index) => `NULLIF(field[${index + 1}], '\\N')::${types.get(column)}`,
    );
    inserts[table] = `INSERT INTO ${table} (${COLUMNS[table]})
      SELECT ${fields} FROM string_to_table($1, E'\\n') AS line,
             string_to_array(line, E'\\t') AS field
       WHERE line <> ''`;
  }
  return {
    batchSize: 2_000,
    async write(batch) {
      for (const table of TABLES) await client.query(inserts[table], [batch[table]]);
    },
    async finish() {
      await client.query(`RESET session_replication_role`);
      client.release();
    },
    abort() {
      client.release(true);
    },
  };
}

/**
 * Deletes the organisation and everything it holds. Its answers and scores go first, in one
 * statement each; its attempts then go with the triggers off, because their `ON DELETE
 * CASCADE` would otherwise look for answers and scores once per attempt, a million times.
 */
async function deleteOrganization(slug) {
  await dataSource.transaction(async (manager) => {
    const [organization] = await manager.query(`SELECT id FROM organization WHERE slug = $1`, [
      slug,
    ]);
    if (!organization) return;
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
