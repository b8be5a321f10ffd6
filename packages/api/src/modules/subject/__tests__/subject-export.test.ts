import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import {
  BEST_DECISION_QUALITY,
  dataOf,
  Employee,
  ORIGIN,
  WORST_DECISION_QUALITY,
  type ResultView,
} from "../../attempt/__tests__/attempt.fixtures.js";
import {
  addEndpoint,
  analystKey,
  auditLog,
  errorOf,
  expectedAuditId,
  exportCall,
  exported,
  MIXED_DECISION_QUALITY,
  take,
  type SubjectDocument,
} from "./subject.fixtures.js";

// GDPR access (design §4, docs/api.md "Employees' data (GDPR)"): one JSON document with
// everything stored about one subject of the caller's organisation, and nothing else.

const REFLECTION = "I keep projects alive too long; my manager does not know.";

let app: TestApp;
let org: CreatedOrganization;
let other: CreatedOrganization;
let firstId: string;
let retake: { attemptId: string; result: ResultView };
let openId: string;
let bobAttempt: string;
let otherAliceAttempt: string;

beforeAll(async () => {
  app = await createTestApp({ webhookAllowHttp: true });
  org = await app.createOrganization({ origins: [ORIGIN] });
  other = await app.createOrganization({ origins: [ORIGIN] });
  await addEndpoint(app, org);
  await addEndpoint(app, other);

  const alice = await Employee.of(app, org, "alice", { team: "blue", department: "Ops" });
  const first = await alice.started("decision-quality");
  await alice.answered(first, {
    ...MIXED_DECISION_QUALITY,
    "decision-worth-attention": { text: REFLECTION },
  });
  await alice.submitted(first.id, "alice-1");
  firstId = first.id;
  retake = await take(alice, "decision-quality", BEST_DECISION_QUALITY, "alice-2");
  openId = (
    await alice.answered(await alice.started("excellence"), {
      "thinks-about-the-recipient": 2,
    })
  ).id;

  const bob = await Employee.of(app, org, "bob", { team: "blue", department: "Ops" });
  bobAttempt = (await take(bob, "decision-quality", WORST_DECISION_QUALITY, "bob")).attemptId;
  const otherAlice = await Employee.of(app, other, "alice");
  otherAliceAttempt = (await take(otherAlice, "decision-quality", WORST_DECISION_QUALITY, "oa"))
    .attemptId;
});

afterAll(async () => {
  await app.close();
});

describe("exportSubjectData", () => {
  let document: SubjectDocument;

  beforeAll(async () => {
    document = await exported(app, org, "alice");
  });

  it("holds every attempt of the subject, oldest first, with team, department and times", () => {
    expect(document).toMatchObject({
      format: "real-skills.subject-data/1",
      organizationId: org.organization.id,
      subject: "alice",
    });
    expect(document.attempts.map((attempt) => attempt.id)).toEqual([
      firstId,
      retake.attemptId,
      openId,
    ]);
    expect(document.attempts[0]).toMatchObject({
      assessment: { slug: "decision-quality", version: 1 },
      status: "SUBMITTED",
      team: "blue",
      department: "Ops",
      idempotencyKey: "alice-1",
      // The same-month retake replaced it in the reports.
      countedInReports: false,
    });
    expect(document.attempts[1]?.countedInReports).toBe(true);
    expect(document.attempts[2]).toMatchObject({
      assessment: { slug: "excellence" },
      status: "IN_PROGRESS",
      submittedAt: null,
      team: null,
      scores: [],
    });
  });

  it("holds every answer, the reflection text included", () => {
    const [first] = document.attempts;
    expect(first?.answers).toHaveLength(7);
    expect(first?.answers).toContainEqual(
      expect.objectContaining({
        item: expect.objectContaining({ key: "decision-worth-attention", kind: "REFLECTION" }),
        option: null,
        value: null,
        text: REFLECTION,
      }),
    );
    expect(first?.answers).toContainEqual(
      expect.objectContaining({
        item: expect.objectContaining({ key: "tool-six-months-in", kind: "SITUATIONAL" }),
        option: expect.objectContaining({ key: "a" }),
      }),
    );
    expect(first?.answers).toContainEqual(
      expect.objectContaining({
        item: expect.objectContaining({ key: "judges-what-was-known", kind: "LIKERT" }),
        value: 4,
      }),
    );
    expect(document.attempts[2]?.answers).toEqual([
      expect.objectContaining({
        item: expect.objectContaining({ key: "thinks-about-the-recipient" }),
        value: 2,
      }),
    ]);
  });

  it("holds the stored scores, as the employee saw them", () => {
    const scores = document.attempts[1]?.scores.map(({ skill, score, band, answeredItems }) => ({
      skill,
      score,
      band,
      answeredItems,
    }));
    expect(scores).toEqual(
      retake.result.scores.map((score) => ({
        skill: score.skill.slug,
        score: score.score,
        band: score.band,
        answeredItems: score.answeredItems,
      })),
    );
  });

  it("holds the webhook deliveries that named the subject", () => {
    expect(document.webhookDeliveries).toHaveLength(2);
    expect(
      document.webhookDeliveries.map((delivery) => delivery.payload.attempt.id).sort(),
    ).toEqual([firstId, retake.attemptId].sort());
    for (const delivery of document.webhookDeliveries) {
      expect(delivery).toMatchObject({ event: "attempt.completed", status: "PENDING" });
      expect(delivery.payload.attempt.subject).toBe("alice");
    }
  });

  it("holds nothing of other subjects or organisations", () => {
    const text = JSON.stringify(document);
    for (const foreign of ["bob", bobAttempt, otherAliceAttempt, other.organization.id]) {
      expect(text).not.toContain(foreign);
    }
  });

  it("is audited under the subject's hash", async () => {
    const entry = (await auditLog(app, org)).find((node) => node.action === "subject.export");
    expect(entry).toMatchObject({
      targetType: "subject",
      targetId: expectedAuditId(org.organization.id, "alice"),
      details: { attempts: 3, webhookDeliveries: 2 },
    });
    expect(JSON.stringify(entry)).not.toContain("alice");
  });
});

it("shows the other organisation only its own subject of the same name", async () => {
  const document = await exported(app, other, "alice");
  expect(document.attempts.map((attempt) => attempt.id)).toEqual([otherAliceAttempt]);
  expect(document.webhookDeliveries).toHaveLength(1);
});

it("gives an empty document for a subject with nothing stored", async () => {
  const data = dataOf(await exportCall(app, org.apiKey, "nobody-here")).exportSubjectData;
  expect(data.subject).toBe("nobody-here");
  expect(Date.parse(data.exportedAt)).not.toBeNaN();
  expect(JSON.parse(data.document)).toMatchObject({
    subject: "nobody-here",
    exportedAt: data.exportedAt,
    attempts: [],
    webhookDeliveries: [],
  });
});

it("is for ADMIN keys only, and checks the subject", async () => {
  expect(errorOf(await exportCall(app, await analystKey(app, org), "alice"))).toMatchObject({
    code: "FORBIDDEN",
  });
  const token = await app.mintToken(org, { sub: "alice" });
  const result = await app.http(
    `{ exportSubjectData(subject: "alice") { document } }`,
    {},
    { token, origin: ORIGIN },
  );
  expect(errorOf(result)).toMatchObject({ code: "FORBIDDEN" });
  for (const subject of ["", "x".repeat(201)]) {
    expect(errorOf(await exportCall(app, org.apiKey, subject))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "subject",
    });
  }
  expect(
    dataOf(await exportCall(app, org.apiKey, "x".repeat(200))).exportSubjectData.subject,
  ).toHaveLength(200);
});
