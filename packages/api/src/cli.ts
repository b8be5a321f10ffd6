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
import { isLocale, MAX_EMBED_TOKEN_LIFETIME_SECONDS } from "@real-skills/shared";
import { mintEmbedToken, parseDuration } from "./auth/token-minter.js";
import {
  normalizeOrigin,
  OrganizationInputError,
  OrganizationService,
} from "./modules/organization/organization.service.js";
import { createSchema } from "./schema.js";
import { createServices } from "./context.js";
import { seedDemoResponses } from "./demo/demo-responses.js";
import { recountReportCells } from "./modules/report/report-recount.js";

const USAGE = `Usage: realskills <command>

Commands:
  db migrate              apply pending database migrations
  content check           validate the library files (no database needed)
  content import [--json] validate and import the library (idempotent; migrates first)
  schema emit             write schema.graphql from the code
  schema check            fail when schema.graphql differs from the code
  org create --name NAME --origin URL [--origin URL …] [--slug SLUG] [--json]
                          create an organisation; prints its first ADMIN API key and an
                          HS256 embed key, each shown only this once
  demo setup --origin URL [--json]
                          create the demo organisation "demo" (or reuse it, adding the
                          origin), give it sample responses for its team report (once),
                          and print its HS256 embed key: for the demo page only
  report recount --org ID|SLUG
                          rebuild the organisation's HR report cells from its stored
                          attempts (after loading data around the API; the API keeps
                          them up to date by itself)
  token mint --org ID|SLUG --sub SUBJECT [--team T] [--department D] [--role employee|analyst]
             [--locale en|de] [--ttl 1h]
                          print an embed token signed with the organisation's newest HS256
                          key (for development and tests; customers mint their own)

Uses DATABASE_URL when set, else the embedded database in DATA_DIR (default .data/).`;

/** The organisation `pnpm start` embeds the widget for. */
const DEMO_ORGANIZATION = { slug: "demo", name: "Demo Intranet" } as const;

/** Thrown for a wrong command line; printed with the usage text. */
class UsageError extends Error {}

const SCHEMA_FILE = fileURLToPath(new URL("../schema.graphql", import.meta.url));

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
      name: { type: "string" },
      slug: { type: "string" },
      origin: { type: "string", multiple: true },
      org: { type: "string" },
      sub: { type: "string" },
      team: { type: "string" },
      department: { type: "string" },
      role: { type: "string" },
      locale: { type: "string" },
      ttl: { type: "string" },
    },
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
    case "org create": {
      // Arguments are checked before the database opens, so mistakes answer at once.
      const { name, origin: origins } = values;
      if (!name) throw new UsageError("org create needs --name");
      if (!origins?.length) throw new UsageError("org create needs at least one --origin");
      origins.forEach((origin, index) => {
        try {
          normalizeOrigin(origin, `--origin ${index + 1}`);
        } catch (error) {
          throw new UsageError(error instanceof Error ? error.message : String(error));
        }
      });
      return withDatabase(async (database) => {
        await database.migrate();
        const created = await new OrganizationService(database.dataSource)
          .create({ name, slug: values.slug, origins })
          .catch((error: unknown) => {
            throw error instanceof OrganizationInputError ? new UsageError(error.message) : error;
          });
        const { organization, apiKey, embedKey } = created;
        if (values.json) {
          console.log(
            JSON.stringify({
              organization: { id: organization.id, slug: organization.slug },
              apiKey,
              embedKey,
            }),
          );
          return;
        }
        console.log(
          `Organisation "${organization.name}" created.\n` +
            `  id:            ${organization.id}\n` +
            `  slug:          ${organization.slug}\n` +
            `  origins:       ${organization.allowedOrigins.join(", ")}\n\n` +
            `Shown only now; store them in your secret manager:\n` +
            `  ADMIN API key: ${apiKey}\n` +
            `  embed key id:  ${embedKey.kid}\n` +
            `  embed secret:  ${embedKey.secret}  (HS256, base64url-encoded bytes)`,
        );
      });
    }
    case "demo setup": {
      const origin = values.origin?.[0];
      if (!origin) throw new UsageError("demo setup needs --origin");
      let normalized: string;
      try {
        normalized = normalizeOrigin(origin, "--origin");
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      return withDatabase(async (database) => {
        await database.migrate();
        const organizations = new OrganizationService(database.dataSource);
        let organization = await organizations.findByIdOrSlug(DEMO_ORGANIZATION.slug);
        if (organization) {
          await organizations.addOrigins(organization.id, [normalized]);
        } else {
          organization = (
            await organizations.create({ ...DEMO_ORGANIZATION, origins: [normalized] })
          ).organization;
        }
        const key = await organizations.currentHs256Key(organization.id);
        if (!key?.secret)
          throw new UsageError(`the demo organisation has no usable HS256 embed key`);
        await seedDemoResponses(
          database.dataSource,
          createServices(database.dataSource),
          organization.id,
        );
        const embedKey = { kid: key.kid, secret: key.secret };
        console.log(
          values.json
            ? JSON.stringify({
                organization: { id: organization.id, slug: organization.slug },
                embedKey,
              })
            : `Demo organisation "${organization.slug}" allows ${normalized}; embed key ${key.kid}.`,
        );
      });
    }
    case "report recount": {
      const { org } = values;
      if (!org) throw new UsageError("report recount needs --org");
      return withDatabase(async (database) => {
        const organization = await new OrganizationService(database.dataSource).findByIdOrSlug(org);
        if (!organization) throw new UsageError(`no organisation "${org}"`);
        const counts = await recountReportCells(database.dataSource, organization.id);
        console.log(
          values.json
            ? JSON.stringify(counts)
            : `Report cells of "${organization.slug}" rebuilt: ${counts.cells} cells, ` +
                `${counts.skillCells} skill cells, ${counts.itemCells} item cells.`,
        );
      });
    }
    case "token mint": {
      // Arguments are checked before the database opens, so mistakes answer at once.
      const { org, sub } = values;
      if (!org) throw new UsageError("token mint needs --org");
      if (!sub) throw new UsageError("token mint needs --sub");
      const role = values.role ?? "employee";
      if (role !== "employee" && role !== "analyst") {
        throw new UsageError(`--role must be employee or analyst (got "${role}")`);
      }
      if (values.locale !== undefined && !isLocale(values.locale)) {
        throw new UsageError(`--locale must be en or de (got "${values.locale}")`);
      }
      const ttl = parseDuration(values.ttl ?? "1h");
      if (ttl === undefined || ttl < 1 || ttl > MAX_EMBED_TOKEN_LIFETIME_SECONDS) {
        throw new UsageError(`--ttl must be 1s to 24h, e.g. 15m or 8h (got "${values.ttl ?? ""}")`);
      }
      return withDatabase(async (database) => {
        const organizations = new OrganizationService(database.dataSource);
        const organization = await organizations.findByIdOrSlug(org);
        if (!organization) throw new UsageError(`no organisation "${org}"`);
        const key = await organizations.currentHs256Key(organization.id);
        if (!key?.secret)
          throw new UsageError(`organisation "${org}" has no usable HS256 embed key`);
        const token = await mintEmbedToken(
          { kid: key.kid, secret: key.secret },
          {
            sub,
            ...(values.team ? { team: values.team } : {}),
            ...(values.department ? { department: values.department } : {}),
            ...(values.locale ? { locale: values.locale } : {}),
            role,
          },
          ttl,
        );
        console.log(token);
      });
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
    console.error(`realskills: ${error.message}\nRun \`realskills --help\` for usage.`);
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
