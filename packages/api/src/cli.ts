#!/usr/bin/env node
import "reflect-metadata";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { printSchema } from "graphql";
import { ConfigError, loadConfig, type Config } from "./config/index.js";
import { openDatabase, type Database } from "./db/database.js";
import { createLogger } from "./logger.js";
import { ContentError, importLibrary, readLibrary } from "./modules/content/index.js";
import { createSchema } from "./schema.js";

const USAGE = `Usage: realskills <command>

Commands:
  db migrate              apply pending database migrations
  content check           validate the library files (no database needed)
  content import [--json] validate and import the library (idempotent; migrates first)
  schema emit             write schema.graphql from the code
  schema check            fail when schema.graphql differs from the code

Uses DATABASE_URL when set, else the embedded database in DATA_DIR (default .data/).`;

/** Thrown for a wrong command line; printed with the usage text. */
class UsageError extends Error {}

const SCHEMA_FILE = fileURLToPath(new URL("../schema.graphql", import.meta.url));

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  const [group, command, ...rest] = positionals;
  if (values.help || group === undefined) {
    console.log(USAGE);
    return;
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest.join(" ")}"`);
  switch (`${group} ${command ?? ""}`.trim()) {
    case "db migrate":
      return withDatabase(async (database) => {
        const applied = await database.migrate();
        console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "Up to date.");
      });
    case "content check": {
      const library = await readLibrary(loadConfig().contentDir);
      console.log(
        `Content is valid: ${library.skills.length} skills, ` +
          `${library.skills.reduce((n, s) => n + s.lessons.length, 0)} lessons, ` +
          `${library.assessments.length} assessments.`,
      );
      return;
    }
    case "content import":
      return withDatabase(async (database, config) => {
        const library = await readLibrary(config.contentDir);
        await database.migrate();
        const report = await importLibrary(database.dataSource, library);
        if (values.json) {
          console.log(JSON.stringify(report));
          return;
        }
        const { skills, lessons, assessments } = report;
        console.log(
          `Library imported from ${config.contentDir}\n` +
            `  skills:      ${skills.created} created, ${skills.updated} updated, ${skills.unchanged} unchanged\n` +
            `  lessons:     ${lessons.created} created, ${lessons.updated} updated, ${lessons.unchanged} unchanged, ${lessons.removed} removed\n` +
            `  assessments: ${assessments.created} created, ${assessments.newVersions} new versions, ${assessments.unchanged} unchanged`,
        );
      });
    case "schema emit":
      await writeFile(SCHEMA_FILE, await printedSchema());
      console.log(`Wrote ${SCHEMA_FILE}`);
      return;
    case "schema check": {
      const committed = await readFile(SCHEMA_FILE, "utf8").catch(() => "");
      if (committed !== (await printedSchema())) {
        throw new Error(
          `${SCHEMA_FILE} is out of date with the code. Run \`pnpm --filter @real-skills/api schema:emit\` and commit it.`,
        );
      }
      console.log("schema.graphql matches the code.");
      return;
    }
    default:
      throw new UsageError(`unknown command "${positionals.join(" ")}"`);
  }
}

async function printedSchema(): Promise<string> {
  return `${printSchema(await createSchema())}\n`;
}

async function withDatabase(work: (database: Database, config: Config) => Promise<void>) {
  const config = loadConfig();
  const logger = createLogger(
    { logLevel: config.logLevel === "info" ? "warn" : config.logLevel },
    "stderr",
  );
  // Joins the running server's embedded database instead of opening its files a second time.
  const database = await openDatabase(config, { logger, shareRunning: true });
  try {
    await work(database, config);
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`realskills: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const known = error instanceof ContentError || error instanceof ConfigError;
  console.error(
    known || !(error instanceof Error)
      ? String(error instanceof Error ? error.message : error)
      : `realskills: ${error.message}`,
  );
  process.exit(1);
});
