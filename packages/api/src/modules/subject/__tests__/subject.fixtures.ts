import { createHash } from "node:crypto";
import type { HttpResult, TestApp } from "../../../test-support/harness.js";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import { dataOf, type Choice, type Employee } from "../../attempt/__tests__/attempt.fixtures.js";

/**
 * Operations and helpers for the GDPR tests, written from the contract in docs/api.md
 * ("Employees' data (GDPR)"), over real HTTP with API keys.
 */

export const EXPORT = `query($subject: String!) {
  exportSubjectData(subject: $subject) { subject exportedAt document }
}`;

export const ERASE = `mutation($subject: String!) {
  eraseSubjectData(subject: $subject) {
    subject attemptsErased answersErased webhookDeliveriesErased erasedAt auditTargetId
  }
}`;

export const AUDIT_LOG = `{
  auditLog(first: 100) { nodes { actorId action targetType targetId details createdAt } }
}`;

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id } }
}`;

const UPDATE_SETTINGS = `mutation($input: OrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) { minGroupSize }
}`;

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`;

export interface SubjectErasure {
  subject: string;
  attemptsErased: number;
  answersErased: number;
  webhookDeliveriesErased: number;
  erasedAt: string;
  auditTargetId: string;
}

/** The export document as docs/api.md describes it. */
export interface SubjectDocument {
  format: string;
  organizationId: string;
  subject: string;
  exportedAt: string;
  attempts: {
    id: string;
    assessment: { slug: string; version: number; versionId: string };
    status: "IN_PROGRESS" | "SUBMITTED";
    team: string | null;
    department: string | null;
    startedAt: string;
    updatedAt: string;
    submittedAt: string | null;
    idempotencyKey: string | null;
    countedInReports: boolean;
    answers: {
      item: { id: string; key: string; kind: string };
      option: { id: string; key: string } | null;
      value: number | null;
      text: string | null;
      sequence: number;
      savedAt: string;
    }[];
    scores: {
      skill: string;
      score: number;
      band: string;
      answeredItems: number;
      raw: number;
      min: number;
      max: number;
    }[];
  }[];
  webhookDeliveries: {
    id: string;
    endpointId: string;
    event: string;
    status: string;
    createdAt: string;
    payload: { attempt: { id: string; subject: string } };
  }[];
}

export interface AuditNode {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  createdAt: string;
}

/** The audit id docs/api.md promises: hex SHA-256 of `<organisation id>:<subject>`. */
export const expectedAuditId = (organizationId: string, subject: string) =>
  createHash("sha256").update(`${organizationId}:${subject}`).digest("hex");

export function exportCall(app: TestApp, token: string, subject: string) {
  return app.http<{
    exportSubjectData: { subject: string; exportedAt: string; document: string };
  }>(EXPORT, { subject }, { token });
}

export function eraseCall(app: TestApp, token: string, subject: string) {
  return app.http<{ eraseSubjectData: SubjectErasure }>(ERASE, { subject }, { token });
}

/** The parsed export of `subject`; fails the test on any error. */
export async function exported(
  app: TestApp,
  organization: CreatedOrganization,
  subject: string,
): Promise<SubjectDocument> {
  const data = dataOf(await exportCall(app, organization.apiKey, subject));
  return JSON.parse(data.exportSubjectData.document) as SubjectDocument;
}

/** Erases `subject`; fails the test on any error. */
export async function erased(
  app: TestApp,
  organization: CreatedOrganization,
  subject: string,
): Promise<SubjectErasure> {
  return dataOf(await eraseCall(app, organization.apiKey, subject)).eraseSubjectData;
}

export async function auditLog(app: TestApp, organization: CreatedOrganization) {
  const data = dataOf(
    await app.http<{ auditLog: { nodes: AuditNode[] } }>(
      AUDIT_LOG,
      {},
      { token: organization.apiKey },
    ),
  );
  return data.auditLog.nodes;
}

/** An endpoint for attempt.completed. No worker runs in these tests, so deliveries stay PENDING. */
export async function addEndpoint(app: TestApp, organization: CreatedOrganization) {
  dataOf(
    await app.http(
      CREATE_ENDPOINT,
      { input: { url: "http://127.0.0.1:9/hooks", events: ["ATTEMPT_COMPLETED"] } },
      { token: organization.apiKey },
    ),
  );
}

export async function setMinGroupSize(
  app: TestApp,
  organization: CreatedOrganization,
  minGroupSize: number,
) {
  dataOf(
    await app.http(UPDATE_SETTINGS, { input: { minGroupSize } }, { token: organization.apiKey }),
  );
}

export async function analystKey(app: TestApp, organization: CreatedOrganization) {
  const data = dataOf(
    await app.http<{ createApiKey: { key: string } }>(
      CREATE_KEY,
      { input: { name: "HR analyst", role: "ANALYST" } },
      { token: organization.apiKey },
    ),
  );
  return data.createApiKey.key;
}

/** Starts, answers and submits an assessment; returns the attempt id and the result. */
export async function take(
  employee: Employee,
  slug: string,
  choices: Record<string, Choice>,
  key: string,
) {
  const attempt = await employee.answered(await employee.started(slug), choices);
  const result = await employee.submitted(attempt.id, key);
  return { attemptId: attempt.id, result };
}

/** The first error's extensions. */
export const errorOf = (result: HttpResult<unknown>) => result.body.errors?.[0]?.extensions;

/** Real-skills-check answers: every LIKERT, both SITUATIONAL and the FORCED_CHOICE item. */
export function realSkillsCheck(agreement: 1 | 2 | 3 | 4 | 5, option: "a" | "b" | "c" | "d") {
  return {
    "helps-others-through-change": agreement,
    "polishing-nobody-notices": agreement,
    "knows-who-work-serves": 6 - agreement,
    "moves-small-debates-along": agreement,
    "looks-back-after-setbacks": 3,
    "courage-grows-with-practice": agreement,
    "hard-to-say-no": 2,
    "stretches-and-backs-colleagues": 4,
    "defends-first-position": agreement,
    "project-stalls-halfway": option,
    "one-version-before-launch": option === "a" ? "c" : "d",
    "how-work-goes-best": agreement > 3 ? "leadership" : "management",
  } satisfies Record<string, Choice>;
}

/** Decision-quality answers between best and worst. */
export const MIXED_DECISION_QUALITY: Record<string, Choice> = {
  "judges-what-was-known": 4,
  "months-invested-means-finish": 2,
  "quick-on-small-choices": 3,
  "tool-six-months-in": "a",
  "sound-choice-bad-result": "c",
  "judging-a-decision": "leadership",
};

/** The current month, `YYYY-MM` (UTC): the month of every response these tests submit. */
export const thisMonth = () => new Date().toISOString().slice(0, 7);

/** A moment on the first day of next month (UTC): "now" for reports that show ended months. */
export function startOfNextMonth(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 1));
}
