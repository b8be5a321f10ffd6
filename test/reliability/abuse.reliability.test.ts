import { assessmentInput } from "../support/abuse-assessment.js";
import { claimsCorpus } from "../support/abuse-claims.js";
import type { Credentials } from "../support/abuse-client.js";
import {
  callerCorpus,
  callersOf,
  payloadCorpus,
  storageCorpus,
  type AbuseContext,
  type StorageProbe,
} from "../support/abuse-corpus.js";
import { credentialCorpus } from "../support/abuse-credentials.js";
import { DatabaseWatch } from "../support/abuse-database.js";
import { graphqlCorpus } from "../support/abuse-graphql.js";
import { AbuseRun } from "../support/abuse-runner.js";
import { introspect } from "../support/abuse-schema.js";
import { transportCorpus } from "../support/abuse-transport.js";
import { mintEmbedToken } from "../support/embed-token.js";
import { embedGraphql } from "../support/employees.js";
import { postgresServerForThisFile } from "../support/postgres-server.js";
import {
  INTRANET_ORIGIN,
  asAdmin,
  elapsed,
  printMeasured,
  setUpOrganization,
} from "../support/reliability.js";
import { startApi } from "../support/stack.js";

// Hundreds of hostile requests against one API process on PostgreSQL, one at a time: transport
// abuse, hostile documents and variables, every root field by every kind of caller, hostile
// strings in every String and ID argument the schema has, and hostile embed-token claims through
// whole assessments. No answer may be a 5xx, an INTERNAL_SERVER_ERROR, a hang or anything but the
// API's JSON error shape, none may leak how the server is built, a refused request must leave the
// database as it was, and an accepted hostile value must be stored exactly as sent.

/** The organisation's own assessment whose draft the corpus updates. */
const DRAFT = "abuse-draft";
/** A library assessment with a REFLECTION item: its answers are free text the API stores. */
const WITH_REFLECTION = "decision-quality";

const postgres = postgresServerForThisFile();

test("a corpus of hostile requests: no 5xx, no leak, no hang, refusals change nothing", async () => {
  const env = {
    DATABASE_URL: await postgres().createDatabase("abuse"),
    // The corpus comes from one address and a handful of credentials, faster than any person.
    RATE_LIMIT_PER_MINUTE: "0",
    RATE_LIMIT_IP_PER_MINUTE: "0",
    // Deliveries would change the database between requests.
    WEBHOOK_WORKER: "false",
    LOG_LEVEL: "warn",
  };
  const organization = setUpOrganization(env, "Abuse Co");
  const api = await startApi(env);
  const database = await DatabaseWatch.open(env.DATABASE_URL);
  try {
    const started = performance.now();
    const context = await arrange(api.url, organization);
    const run = new AbuseRun(api.url, context.credentials, database);

    await run.hostile(transportCorpus());
    await run.hostile(credentialCorpus(organization.embedKey));
    await run.hostile(graphqlCorpus());
    const schema = await introspect(api.url);
    const probes = callerCorpus(schema, context);
    const callers = callersOf(probes, await run.hostile(probes.map((probe) => probe.request)));
    const storing = await storingArguments(run, storageCorpus(schema, context, callers));
    await run.hostile(payloadCorpus(schema, context, callers, storing));
    await run.hostile(await claimsCorpus(organization.embedKey, context));
    const took = elapsed(started);

    const stillServing = await fetch(`${api.url}/readyz`).then((response) => response.ok);
    const errorLines = api
      .output()
      .split("\n")
      .filter((line) => /"level":(50|60)/.test(line));

    for (const [category, tally] of run.tallies) {
      printMeasured(`abuse: ${category}`, {
        sent: tally.sent,
        "accepted (not refused)": tally.accepted,
        "HTTP statuses": tally.statuses,
        "error codes": tally.codes,
        "slowest answer": `${tally.slowestMs} ms (${tally.slowest})`,
        "refused, database compared: unchanged": tally.unchangedChecks,
        "accepted, hostile value found stored as sent": tally.storedChecks,
        problems: run.problems.filter((problem) => problem.startsWith(`${category} /`)).length,
      });
    }
    printMeasured("abuse: the whole corpus", {
      "hostile requests": run.sent,
      took,
      "root fields": schema.rootFields.length,
      "caller of each root field": Object.fromEntries(callers),
      "arguments that store what they are given": [...storing].sort(),
      "API still ready afterwards": stillServing,
      "error lines in the API's log": errorLines.length,
      problems: run.problems.length,
    });

    expect(run.problems).toEqual([]);
    expect(stillServing).toBe(true);
    expect(run.sent).toBeGreaterThanOrEqual(200);
    for (const category of ["transport", "graphql", "callers", "payloads", "claims"] as const) {
      expect(run.tallies.get(category)?.sent).toBeGreaterThan(0);
    }
  } finally {
    await database.close();
    await api.stop();
  }
});

/**
 * The text arguments of mutations that store a harmless value sent to them as it was sent, each
 * looked for at once: the next draft update replaces the last.
 */
async function storingArguments(run: AbuseRun, probes: StorageProbe[]): Promise<Set<string>> {
  const storing = new Set<string>();
  for (const probe of probes) {
    const [verdict] = await run.benign([probe.request]);
    const accepted = verdict?.rejected === false;
    if (accepted && (await run.holding(probe.marker)).length > 0) storing.add(probe.key);
  }
  return storing;
}

/**
 * What the corpus needs besides the organisation: a draft of its own assessment, an employee
 * with an unfinished attempt at the library's assessment, and each kind of caller's headers.
 */
async function arrange(
  apiUrl: string,
  organization: ReturnType<typeof setUpOrganization>,
): Promise<AbuseContext & { credentials: Credentials }> {
  await asAdmin(
    apiUrl,
    organization,
    `mutation($input: AssessmentInput!) { createAssessment(input: $input) { slug } }`,
    { input: assessmentInput(DRAFT) },
  );
  const employee = await mintEmbedToken(organization.embedKey, { sub: "abuse-employee" });
  const analyst = await mintEmbedToken(organization.embedKey, {
    sub: "abuse-analyst",
    role: "analyst",
  });
  const { startAttempt } = await embedGraphql<{
    startAttempt: { id: string; assessment: AbuseContext["assessment"] };
  }>(
    { apiUrl, token: employee, origin: INTRANET_ORIGIN },
    `mutation($slug: String!) {
      startAttempt(input: { assessmentSlug: $slug }) {
        id assessment { slug items { id kind options { id } } }
      }
    }`,
    { slug: WITH_REFLECTION },
  );
  const reflection = startAttempt.assessment.items.find((item) => item.kind === "REFLECTION");
  if (!reflection) throw new Error(`${WITH_REFLECTION} has no REFLECTION item`);
  return {
    assessment: startAttempt.assessment,
    attemptId: startAttempt.id,
    reflectionItemId: reflection.id,
    draftSlug: DRAFT,
    credentials: {
      anonymous: {},
      employee: { authorization: `Bearer ${employee}`, origin: INTRANET_ORIGIN },
      analyst: { authorization: `Bearer ${analyst}`, origin: INTRANET_ORIGIN },
      admin: { authorization: `Bearer ${organization.apiKey}` },
    },
  };
}
