// Data generator for the benchmarks (docs/performance.md): one organisation with many employees
// and completed attempts over the months that have ended, written with COPY, reproducible from
// a seed. Every attempt is scored by the same shared code the API uses, and the report cells
// are then recounted from the stored attempts in bulk.
//
//   pnpm build && node bench/generate.mjs [--employees 100000] [--attempts 1000000] [--seed 1]
//
// Uses DATABASE_URL when set, else the embedded database in DATA_DIR (default .data/). The
// organisation `bench` is deleted and created again on every run.
import "reflect-metadata";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
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
const BATCH = 20_000;
const COLUMNS = {
  attempt: `id, organization_id, subject, assessment_id, version_id, status, team, department,
    idempotency_key, started_at, updated_at, submitted_at`,
  answer: `attempt_id, item_id, organization_id, option_id, value, text, sequence, saved_at`,
  attempt_score: `attempt_id, skill_id, organization_id, score, band, answered, raw, min, max`,
};

const config = loadConfig();
const database = await openDatabase(config, { logger: pino({ level: "warn" }) });
const { dataSource } = database;
const started = performance.now();
try {
  await database.migrate();
  await importLibrary(dataSource, await readLibrary(config.contentDir));
  await dataSource.query(
    `WITH gone AS (DELETE FROM organization WHERE slug = $1 RETURNING 1) SELECT count(*) FROM gone`,
    [values.slug],
  );
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

  const pool = dataSource.driver.master;
  const client = await pool.connect();
  const bar = new cliProgress.SingleBar(
    {
      format: "attempts {bar} {percentage}% {value}/{total} {eta_formatted} left",
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(attempts, 0);
  const now = new Date();
  try {
    for (let first = 0; first < attempts; first += BATCH) {
      const rows = { attempt: [], answer: [], attempt_score: [] };
      for (let index = first; index < Math.min(attempts, first + BATCH); index += 1) {
        writeAttempt(index, rows);
      }
      for (const table of ["attempt", "answer", "attempt_score"]) {
        await pipeline(
          Readable.from(rows[table]),
          client.query(copyStreams.from(`COPY ${table} (${COLUMNS[table]}) FROM STDIN`)),
        );
      }
      bar.update(Math.min(attempts, first + BATCH));
    }
  } finally {
    bar.stop();
    client.release();
  }

  const copied = performance.now();
  const cells = await recountReportCells(dataSource, organization.id);
  const total = performance.now();
  console.log(
    `\n${attempts} attempts of ${employees} employees in ${Math.ceil(employees / teamSize)} teams ` +
      `over ${months} months: COPY ${((copied - started) / 1000).toFixed(1)} s, ` +
      `report cells recounted in ${((total - copied) / 1000).toFixed(1)} s ` +
      `(${cells.cells} cells, ${cells.skillCells} skill cells, ${cells.itemCells} item cells).\n` +
      `Organisation "${organization.slug}" (${organization.id}); ADMIN key ${created.apiKey}.`,
  );

  /** One attempt, its answers and its scores, as COPY text lines. */
  function writeAttempt(index, rows) {
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
    // Reflections are left unanswered: they never score, and nothing here reads them.
    const answers = items
      .filter((item) => item.kind !== "REFLECTION")
      .map((item) => ({ itemId: item.id, ...sampleAnswer(item, strength, random) }));
    const scored = scoreAttempt(items, answers);
    if (!scored.ok) throw new Error(`generated answers do not score: ${scored.error.code}`);
    const id = uuid(index);
    const at = submittedAt.toISOString();
    rows.attempt.push(
      line([
        id,
        organization.id,
        `e${String(employee).padStart(6, "0")}`,
        assessment.id,
        assessment.versionId,
        "SUBMITTED",
        `team-${team}`,
        `department-${department}`,
        `bench-${index}`,
        startedAt.toISOString(),
        at,
        at,
      ]),
    );
    for (const answer of answers) {
      rows.answer.push(
        line([
          id,
          answer.itemId,
          organization.id,
          answer.optionId ?? null,
          answer.value ?? null,
          null,
          0,
          at,
        ]),
      );
    }
    for (const score of scored.value) {
      rows.attempt_score.push(
        line([
          id,
          skillIds.get(score.skill),
          organization.id,
          score.score,
          score.band,
          score.answered,
          score.raw,
          score.min,
          score.max,
        ]),
      );
    }
  }
} finally {
  await database.close();
}

function line(fields) {
  return `${fields.map((field) => (field === null ? "\\N" : String(field))).join("\t")}\n`;
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
