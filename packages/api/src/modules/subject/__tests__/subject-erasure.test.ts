import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import {
  countableAttemptIds,
  recountReportCells,
  storedReportCells,
} from "../../../test-support/report-recount.js";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import {
  BEST_DECISION_QUALITY,
  dataOf,
  Employee,
  ORIGIN,
  WORST_DECISION_QUALITY,
} from "../../attempt/__tests__/attempt.fixtures.js";
import {
  addEndpoint,
  analystKey,
  auditLog,
  eraseCall,
  erased,
  errorOf,
  expectedAuditId,
  exported,
  MIXED_DECISION_QUALITY,
  realSkillsCheck,
  setMinGroupSize,
  startOfNextMonth,
  take,
  thisMonth,
} from "./subject.fixtures.js";

// Erasure (design §4, docs/api.md "Employees' data (GDPR)"): the subject's rows go, and the
// stored report cells afterwards equal a recount of what remains, computed independently of
// the code that maintains them (test-support/report-recount.ts).

const TEAM_REPORT = `query($input: TeamReportInput!) {
  teamReport(input: $input) {
    overall { participants }
    groups { key suppressed participants skills { skill { slug } mean participants } }
  }
}`;

interface TeamReportView {
  overall: { participants: number | null };
  groups: {
    key: string;
    suppressed: boolean;
    participants: number | null;
    skills: { skill: { slug: string }; mean: number; participants: number }[];
  }[];
}

let app: TestApp;
let org: CreatedOrganization;
let other: CreatedOrganization;
let alice: Employee;
/** Decision-quality scores of blue's other members, for the report after alice is gone. */
const blueScores: number[] = [];
let aliceAttemptIds: string[] = [];
let otherAliceAttempt: string;

const employee = (
  organization: CreatedOrganization,
  subject: string,
  team?: string,
  department?: string,
) =>
  Employee.of(app, organization, subject, {
    ...(team ? { team } : {}),
    ...(department ? { department } : {}),
  });

const dqScore = (result: { scores: { skill: { slug: string }; score: number }[] }) =>
  result.scores.find((score) => score.skill.slug === "decision-quality")?.score ?? NaN;

async function teamReport(organization: CreatedOrganization, slug = "decision-quality") {
  const data = dataOf(
    await app.http<{ teamReport: TeamReportView }>(
      TEAM_REPORT,
      { input: { assessmentSlug: slug, groupBy: "TEAM", from: thisMonth(), to: thisMonth() } },
      { token: organization.apiKey },
    ),
  );
  return data.teamReport;
}

async function expectCellsMatchRecount() {
  const db = app.database.dataSource;
  const [stored, recount] = await Promise.all([storedReportCells(db), recountReportCells(db)]);
  expect(stored).toEqual(recount);
  const counted = await db.query<{ id: string }[]>(
    `SELECT id::text FROM attempt WHERE counted ORDER BY id`,
  );
  expect(counted.map((row) => row.id)).toEqual(await countableAttemptIds(db));
  return stored;
}

async function rowsOf(table: "attempt" | "answer" | "attempt_score", attemptIds: string[]) {
  const column = table === "attempt" ? "id" : "attempt_id";
  const [row] = await app.database.dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = ANY ($1::uuid[])`,
    [attemptIds],
  );
  return row?.n;
}

beforeAll(async () => {
  // Team reports cover ended months only, so the reports here see the clock a month ahead.
  const options = { webhookAllowHttp: true, reportNow: startOfNextMonth };
  app = await createTestApp(options);
  org = await app.createOrganization({ origins: [ORIGIN] });
  other = await app.createOrganization({ origins: [ORIGIN] });
  await setMinGroupSize(app, org, 3);
  await addEndpoint(app, org);
  await addEndpoint(app, other);

  // Team blue (department Ops): alice, bob, carol and dave. Alice retakes decision-quality in
  // the same month (only the retake counts), takes real-skills-check and leaves excellence open.
  alice = await employee(org, "alice", "blue", "Ops");
  const first = await alice.started("decision-quality");
  await alice.answered(first, {
    ...BEST_DECISION_QUALITY,
    "decision-worth-attention": { text: "Alice's private reflection" },
  });
  await alice.submitted(first.id, "alice-dq-1");
  const retake = await take(alice, "decision-quality", WORST_DECISION_QUALITY, "alice-dq-2");
  const check = await take(alice, "real-skills-check", realSkillsCheck(5, "c"), "alice-rsc");
  const open = await alice.answered(await alice.started("excellence"), {
    "thinks-about-the-recipient": 4,
  });
  aliceAttemptIds = [first.id, retake.attemptId, check.attemptId, open.id];

  const bob = await employee(org, "bob", "blue", "Ops");
  blueScores.push(
    dqScore((await take(bob, "decision-quality", BEST_DECISION_QUALITY, "b")).result),
  );
  await take(bob, "real-skills-check", realSkillsCheck(2, "a"), "b-rsc");
  const carol = await employee(org, "carol", "blue", "Ops");
  blueScores.push(
    dqScore((await take(carol, "decision-quality", MIXED_DECISION_QUALITY, "c")).result),
  );
  const dave = await employee(org, "dave", "blue", "Ops");
  blueScores.push(
    dqScore((await take(dave, "decision-quality", WORST_DECISION_QUALITY, "d")).result),
  );
  await take(dave, "real-skills-check", realSkillsCheck(4, "d"), "d-rsc");

  // Team green (department Sales) and someone whose token names no team.
  const erin = await employee(org, "erin", "green", "Sales");
  await take(erin, "decision-quality", MIXED_DECISION_QUALITY, "e");
  await take(erin, "real-skills-check", realSkillsCheck(3, "b"), "e-rsc");
  const frank = await employee(org, "frank", "green", "Sales");
  await take(frank, "decision-quality", BEST_DECISION_QUALITY, "f");
  const gina = await employee(org, "gina");
  await take(gina, "decision-quality", WORST_DECISION_QUALITY, "g");

  // Another organisation's alice.
  const otherAlice = await employee(other, "alice", "blue", "Ops");
  otherAliceAttempt = (await take(otherAlice, "decision-quality", BEST_DECISION_QUALITY, "oa"))
    .attemptId;
});

afterAll(async () => {
  await app.close();
});

it("starts from cells that equal the recount, with only the retake of a same-month pair counted", async () => {
  const stored = await expectCellsMatchRecount();
  expect(stored.cells.length).toBeGreaterThan(4);
  expect(stored.itemCells.length).toBeGreaterThan(20);
  const counted = await countableAttemptIds(app.database.dataSource);
  expect(counted).not.toContain(aliceAttemptIds[0]);
  expect(counted).toContain(aliceAttemptIds[1]);
  const report = await teamReport(org);
  expect(report.groups.find((group) => group.key === "blue")?.participants).toBe(4);
});

it("is for ADMIN keys only, and checks the subject", async () => {
  const analyst = await analystKey(app, org);
  expect(errorOf(await eraseCall(app, analyst, "alice"))).toMatchObject({ code: "FORBIDDEN" });
  const employeeToken = await app.mintToken(org, { sub: "alice" });
  const analystToken = await app.mintToken(org, { sub: "hr", role: "analyst" });
  for (const token of [employeeToken, analystToken]) {
    const result = await app.http(
      `mutation { eraseSubjectData(subject: "alice") { attemptsErased } }`,
      {},
      { token, origin: ORIGIN },
    );
    expect(errorOf(result)).toMatchObject({ code: "FORBIDDEN" });
  }
  expect(
    errorOf(await app.http(`mutation { eraseSubjectData(subject: "alice") { subject } }`)),
  ).toMatchObject({ code: "UNAUTHENTICATED" });
  for (const subject of ["", "x".repeat(201)]) {
    expect(errorOf(await eraseCall(app, org.apiKey, subject))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "subject",
    });
  }
  // Nothing was erased by any of these.
  expect(await rowsOf("attempt", aliceAttemptIds)).toBe(4);
});

it("erases the subject's attempts, answers, scores and deliveries, and their responses from the cells", async () => {
  const erasure = await erased(app, org, "alice");
  // Two decision-quality attempts (7 and 6 answers), real-skills-check (12), excellence open (1);
  // three submits, each queued one delivery.
  expect(erasure).toMatchObject({
    subject: "alice",
    attemptsErased: 4,
    answersErased: 26,
    webhookDeliveriesErased: 3,
    auditTargetId: expectedAuditId(org.organization.id, "alice"),
  });
  expect(Date.parse(erasure.erasedAt)).not.toBeNaN();
  for (const table of ["attempt", "answer", "attempt_score"] as const) {
    expect(await rowsOf(table, aliceAttemptIds)).toBe(0);
  }
  const [deliveries] = await app.database.dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM webhook_delivery WHERE payload::text LIKE '%"alice"%'`,
  );
  // Only the other organisation's alice is still announced.
  expect(deliveries?.n).toBe(1);
  await expectCellsMatchRecount();
  expect(await exported(app, org, "alice")).toMatchObject({ attempts: [], webhookDeliveries: [] });
});

it("leaves the other organisation's subject of the same name alone", async () => {
  const document = await exported(app, other, "alice");
  expect(document.attempts.map((attempt) => attempt.id)).toEqual([otherAliceAttempt]);
  expect(document.attempts[0]?.countedInReports).toBe(true);
  expect(document.webhookDeliveries).toHaveLength(1);
});

it("shows in teamReport: blue counts three people and their mean", async () => {
  const blue = (await teamReport(org)).groups.find((group) => group.key === "blue");
  expect(blue?.participants).toBe(3);
  const mean = blueScores.reduce((sum, score) => sum + score, 0) / blueScores.length;
  const skill = blue?.skills.find((candidate) => candidate.skill.slug === "decision-quality");
  expect(skill?.participants).toBe(3);
  expect(skill?.mean).toBeCloseTo(mean, 6);
});

it("leaves the erased employee's token with no attempts", async () => {
  const list = dataOf(await alice.myAttempts()).myAttempts;
  expect(list.totalCount).toBe(0);
  for (const id of aliceAttemptIds) {
    expect(dataOf(await alice.attempt(id)).attempt).toBeNull();
  }
});

it("audits the erasure under the subject's hash, never the subject", async () => {
  const entries = await auditLog(app, org);
  const entry = entries.find((candidate) => candidate.action === "subject.erase");
  expect(entry).toMatchObject({
    targetType: "subject",
    targetId: expectedAuditId(org.organization.id, "alice"),
    details: { attempts: 4, answers: 26, webhookDeliveries: 3, countedResponses: 2 },
  });
  const [clear] = await app.database.dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM audit_log WHERE row_to_json(audit_log)::text LIKE '%alice%'`,
  );
  expect(clear?.n).toBe(0);
});

it("erases again, and erases a subject never seen, with zeros, audited each time", async () => {
  for (const subject of ["alice", "nobody-here"]) {
    expect(await erased(app, org, subject)).toMatchObject({
      subject,
      attemptsErased: 0,
      answersErased: 0,
      webhookDeliveriesErased: 0,
      auditTargetId: expectedAuditId(org.organization.id, subject),
    });
  }
  const erasures = (await auditLog(app, org)).filter((entry) => entry.action === "subject.erase");
  expect(erasures.map((entry) => entry.targetId)).toEqual([
    expectedAuditId(org.organization.id, "nobody-here"),
    expectedAuditId(org.organization.id, "alice"),
    expectedAuditId(org.organization.id, "alice"),
  ]);
  await expectCellsMatchRecount();
});

it("keeps the cells equal to the recount as more subjects go, down to a suppressed team", async () => {
  for (const subject of ["erin", "gina", "bob"]) {
    await erased(app, org, subject);
    await expectCellsMatchRecount();
  }
  const blue = (await teamReport(org)).groups.find((group) => group.key === "blue");
  expect(blue).toMatchObject({ suppressed: true, participants: null });
  expect(await exported(app, org, "carol")).toMatchObject({
    attempts: [{ status: "SUBMITTED", countedInReports: true }],
  });
});
