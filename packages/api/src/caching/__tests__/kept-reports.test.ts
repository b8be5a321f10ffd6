import type { GraphQLRequestContext } from "@apollo/server";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import type { DataSource } from "typeorm";
import type { EmbedTokenPrincipal } from "../../auth/principal.js";
import { keptReportsPlugin } from "../kept-reports.plugin.js";

// The plugin on its own: a stand-in for the organisation table (its report revision) and
// hand-made request contexts, so that what is kept can be counted without a database.

interface ReportContext {
  principal: EmbedTokenPrincipal;
  locale: string;
}

const [definition] = parse(
  `query Report($groupBy: ReportGrouping) {
    teamReport(input: { assessmentSlug: "decision-quality", groupBy: $groupBy }) { groupBy }
  }`,
).definitions;
if (definition?.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
const REPORT: OperationDefinitionNode = definition;

const revisions = new Map<string, number>();
let today = new Date("2026-11-15T12:00:00Z");
const organizations = {
  query: (_sql: string, [id]: [string]) =>
    Promise.resolve([{ revision: String(revisions.get(id) ?? 0), minGroupSize: 5 }]),
} as unknown as DataSource;

function analystOf(organizationId: string): EmbedTokenPrincipal {
  return {
    kind: "EMBED_TOKEN",
    organizationId,
    role: "ANALYST",
    subject: "hr",
    team: null,
    department: null,
    locale: null,
    kid: "ek_test",
    defaultLocale: "en",
  };
}

/** Asks for a report as Apollo would; resolves with whether it was answered from memory. */
async function ask(
  plugin: ReturnType<typeof keptReportsPlugin<ReportContext>>,
  organizationId: string,
  groupBy: string,
): Promise<boolean> {
  const context = {
    operation: REPORT,
    contextValue: { principal: analystOf(organizationId), locale: "en" },
    request: { operationName: "Report", variables: { groupBy } },
    queryHash: "report-hash",
    response: { http: { headers: new Map() } },
  };
  const listener = await plugin.requestDidStart?.(
    context as unknown as GraphQLRequestContext<ReportContext>,
  );
  const kept = await listener?.responseForOperation?.(
    context as unknown as Parameters<NonNullable<typeof listener.responseForOperation>>[0],
  );
  if (kept) return true;
  const answered = {
    ...context,
    response: { body: { kind: "single", singleResult: { data: { teamReport: { groupBy } } } } },
  };
  await listener?.willSendResponse?.(
    answered as unknown as Parameters<NonNullable<typeof listener.willSendResponse>>[0],
  );
  return false;
}

beforeEach(() => {
  revisions.clear();
  today = new Date("2026-11-15T12:00:00Z");
});

it("answers a report asked again from memory, until the report revision changes", async () => {
  const plugin = keptReportsPlugin<ReportContext>(organizations, () => today);
  expect(await ask(plugin, "org-a", "TEAM")).toBe(false);
  expect(await ask(plugin, "org-a", "TEAM")).toBe(true);

  revisions.set("org-a", 1);
  expect(await ask(plugin, "org-a", "TEAM")).toBe(false);
  expect(await ask(plugin, "org-a", "TEAM")).toBe(true);
});

it("drops the reports kept under an older revision or month once a newer one is read", async () => {
  const plugin = keptReportsPlugin<ReportContext>(organizations, () => today);
  for (const groupBy of ["TEAM", "DEPARTMENT", "ORGANIZATION"]) await ask(plugin, "org-a", groupBy);
  await ask(plugin, "org-b", "TEAM");
  expect(plugin.size).toBe(4);

  // An erasure in an ended month counts org-a's revision up: its three reports are stale.
  revisions.set("org-a", 1);
  await ask(plugin, "org-a", "TEAM");
  expect(plugin.size).toBe(2);
  expect(await ask(plugin, "org-b", "TEAM")).toBe(true);

  // A new month: the default range moves, every kept report is stale.
  today = new Date("2026-12-01T00:00:01Z");
  await ask(plugin, "org-a", "DEPARTMENT");
  await ask(plugin, "org-b", "DEPARTMENT");
  expect(plugin.size).toBe(2);
});
