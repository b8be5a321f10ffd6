/**
 * xAPI 1.0.3 statements for an organisation's Learning Record Store (docs/api.md, Webhooks, xAPI).
 * A statement is built from the stored `attempt.completed` event, so it knows exactly what the
 * event knows: who (the organisation's pseudonymous `subject`) completed which assessment version
 * when, in which team and department — never scores, bands, answers or feedback (design §4).
 */

export const XAPI_VERSION = "1.0.3";

/** Our IRIs. URNs, because they name things rather than pages anyone could open. */
export const XAPI_IRI = {
  organization: (organizationId: string) => `urn:realskills:organization:${organizationId}`,
  assessment: (slug: string) => `urn:realskills:assessment:${slug}`,
  assessmentVersion: "urn:realskills:extension:assessment-version",
  team: "urn:realskills:extension:team",
  department: "urn:realskills:extension:department",
} as const;

const COMPLETED = {
  id: "http://adlnet.gov/expapi/verbs/completed",
  display: { "en-US": "completed", "de-DE": "abgeschlossen" },
} as const;
const ASSESSMENT_ACTIVITY_TYPE = "http://adlnet.gov/expapi/activities/assessment";

export interface XapiStatement {
  id: string;
  actor: { objectType: "Agent"; account: { homePage: string; name: string } };
  verb: typeof COMPLETED;
  object: {
    objectType: "Activity";
    id: string;
    definition: { type: string; name: Record<string, string> };
  };
  timestamp: string;
  context: { platform: string; extensions: Record<string, string | number> };
}

/**
 * The statement for one delivery of an `attempt.completed` event. Its `id` is the delivery's id,
 * so a retried delivery is the same statement and the LRS keeps it once.
 */
export function xapiStatement(
  delivery: { id: string; organizationId: string },
  payload: Record<string, unknown>,
): XapiStatement {
  const attempt = completedAttempt(payload);
  const extensions: Record<string, string | number> = {
    [XAPI_IRI.assessmentVersion]: attempt.version,
  };
  // An unknown team or department is left out rather than sent as null.
  if (attempt.team !== null) extensions[XAPI_IRI.team] = attempt.team;
  if (attempt.department !== null) extensions[XAPI_IRI.department] = attempt.department;
  return {
    id: delivery.id,
    actor: {
      objectType: "Agent",
      account: { homePage: XAPI_IRI.organization(delivery.organizationId), name: attempt.subject },
    },
    verb: COMPLETED,
    object: {
      objectType: "Activity",
      id: XAPI_IRI.assessment(attempt.slug),
      definition: { type: ASSESSMENT_ACTIVITY_TYPE, name: { "en-US": attempt.slug } },
    },
    timestamp: attempt.submittedAt,
    context: { platform: "Real Skills", extensions },
  };
}

interface CompletedAttempt {
  subject: string;
  slug: string;
  version: number;
  submittedAt: string;
  team: string | null;
  department: string | null;
}

/**
 * Reads the fields a statement needs from an `attempt.completed` payload (webhook.events.ts), and
 * nothing else: picking fields, not copying the event, keeps anything added to it later out.
 */
function completedAttempt(payload: Record<string, unknown>): CompletedAttempt {
  const attempt = asRecord(payload.attempt);
  const assessment = asRecord(attempt?.assessment);
  const subject = attempt?.subject;
  const slug = assessment?.slug;
  const version = assessment?.version;
  const submittedAt = attempt?.submittedAt;
  if (
    payload.type !== "attempt.completed" ||
    typeof subject !== "string" ||
    typeof slug !== "string" ||
    typeof version !== "number" ||
    typeof submittedAt !== "string"
  ) {
    throw new Error("an xAPI statement needs an attempt.completed event");
  }
  return {
    subject,
    slug,
    version,
    submittedAt,
    team: optionalString(attempt?.team),
    department: optionalString(attempt?.department),
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function optionalString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
