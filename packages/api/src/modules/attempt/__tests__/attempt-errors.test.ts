import { randomUUID } from "node:crypto";
import { mintEmbedToken } from "../../../auth/token-minter.js";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import { PUBLISH, validAssessmentInput } from "../../assessment/__tests__/authoring.fixtures.js";
import {
  ATTEMPT,
  BEST_DECISION_QUALITY,
  MY_ATTEMPTS,
  ORIGIN,
  SAVE,
  START,
  SUBMIT,
  answerInput,
  dataOf,
  Employee,
  errorOf,
  expectFailure,
  itemOf,
  optionOf,
  storedAttempt,
  type AttemptView,
  type SaveAnswerInput,
} from "./attempt.fixtures.js";

// Every way a caller can get an attempt wrong, each answered with its documented error code and
// without a change to what is stored. Codes and fields are those of ADR 0010.

const OTHER_ORIGIN = "https://beta.example";

let app: TestApp;
let org: CreatedOrganization;
let otherOrg: CreatedOrganization;
let subjects = 0;

beforeAll(async () => {
  app = await createTestApp();
  org = await app.createOrganization({ origins: [ORIGIN] });
  otherOrg = await app.createOrganization({ origins: [OTHER_ORIGIN] });
});

afterAll(async () => {
  await app.close();
});

function newEmployee(organization = org): Promise<Employee> {
  subjects += 1;
  return Employee.of(app, organization, `errors-employee-${subjects}`, {
    origin: organization === otherOrg ? OTHER_ORIGIN : ORIGIN,
  });
}

/** Starts an attempt and answers every required item with the best answer. */
async function readyToSubmit(employee: Employee): Promise<AttemptView> {
  return employee.answered(await employee.started("decision-quality"), BEST_DECISION_QUALITY);
}

const sql = <T>(query: string, parameters: unknown[]) =>
  app.database.dataSource.query<T>(query, parameters);

async function attemptRowsOf(subject: string) {
  return sql<{ status: string; scores: number }[]>(
    `SELECT a.status, (SELECT count(*)::int FROM attempt_score s WHERE s.attempt_id = a.id) AS scores
       FROM attempt a WHERE a.subject = $1 ORDER BY a.started_at`,
    [subject],
  );
}

async function attemptCount(): Promise<number> {
  const [row] = await sql<{ count: number }[]>(`SELECT count(*)::int AS count FROM attempt`, []);
  return row?.count ?? -1;
}

describe("saveAnswer with a bad answer", () => {
  let employee: Employee;
  let attempt: AttemptView;
  let excellenceItemId: string;

  beforeAll(async () => {
    employee = await newEmployee();
    attempt = await employee.started("decision-quality");
    await employee.saved(answerInput(attempt, "judges-what-was-known", 3));
    await employee.saved(answerInput(attempt, "tool-six-months-in", "c"));
    await employee.saved(answerInput(attempt, "decision-worth-attention", { text: "Hiring." }));
    const excellence = await employee.started("excellence");
    excellenceItemId = excellence.assessment.items[0]?.id ?? "";
  });

  const item = (key: string) => itemOf(attempt, key).id;
  const option = (key: string, optionKey: string) => optionOf(attempt, key, optionKey).id;

  it.each<[string, string, () => Omit<SaveAnswerInput, "attemptId">]>([
    ["an unknown item id", "input.itemId", () => ({ itemId: randomUUID(), value: 3 })],
    [
      "an item of another assessment",
      "input.itemId",
      () => ({ itemId: excellenceItemId, value: 3 }),
    ],
    ["a malformed item id", "input.itemId", () => ({ itemId: "item-1", value: 3 })],
    [
      "a malformed option id",
      "input.optionId",
      () => ({ itemId: item("tool-six-months-in"), optionId: "option-a" }),
    ],
    [
      "an option of another item",
      "input.optionId",
      () => ({
        itemId: item("tool-six-months-in"),
        optionId: option("sound-choice-bad-result", "b"),
      }),
    ],
    ["value 0", "input.value", () => ({ itemId: item("judges-what-was-known"), value: 0 })],
    ["value 6", "input.value", () => ({ itemId: item("judges-what-was-known"), value: 6 })],
    ["value -1", "input.value", () => ({ itemId: item("judges-what-was-known"), value: -1 })],
    [
      "a reflection of 2001 characters",
      "input.text",
      () => ({ itemId: item("decision-worth-attention"), text: "x".repeat(2001) }),
    ],
  ])("refuses %s with BAD_USER_INPUT naming %s, changing nothing", async (_case, field, input) => {
    const before = await storedAttempt(app, attempt.id);
    const result = await employee.save({ attemptId: attempt.id, ...input() });
    expectFailure(result, { code: "BAD_USER_INPUT", field });
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
  });

  // An answer in another kind's field: naming the field that was sent or the one the item needs
  // both tell the client what is wrong, and the contract does not choose between them.
  it.each<[string, string[], () => Omit<SaveAnswerInput, "attemptId">]>([
    [
      "a value for a choice item",
      ["input.value", "input.optionId"],
      () => ({ itemId: item("tool-six-months-in"), value: 3 }),
    ],
    [
      "a value for a reflection",
      ["input.value", "input.text"],
      () => ({ itemId: item("decision-worth-attention"), value: 3 }),
    ],
    [
      "an option for a LIKERT item",
      ["input.optionId", "input.value"],
      () => ({
        itemId: item("judges-what-was-known"),
        optionId: option("tool-six-months-in", "a"),
      }),
    ],
    [
      "a text for a LIKERT item",
      ["input.text", "input.value"],
      () => ({ itemId: item("judges-what-was-known"), text: "Agree" }),
    ],
  ])("refuses %s with BAD_USER_INPUT, changing nothing", async (_case, fields, input) => {
    const before = await storedAttempt(app, attempt.id);
    const result = await employee.save({ attemptId: attempt.id, ...input() });
    expectFailure(result, { code: "BAD_USER_INPUT" });
    expect(fields).toContain(errorOf(result)?.field);
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
  });

  it("refuses an answer without any value", async () => {
    const before = await storedAttempt(app, attempt.id);
    const result = await employee.save({
      attemptId: attempt.id,
      itemId: item("judges-what-was-known"),
    });
    expectFailure(result, { code: "BAD_USER_INPUT" });
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
  });

  it("refuses a malformed attempt id with BAD_USER_INPUT naming input.attemptId", async () => {
    const result = await employee.save({
      attemptId: "attempt-1",
      itemId: item("judges-what-was-known"),
      value: 3,
    });
    expectFailure(result, { code: "BAD_USER_INPUT", field: "input.attemptId" });
  });

  it("refuses an unknown attempt id with NOT_FOUND", async () => {
    const result = await employee.save({
      attemptId: randomUUID(),
      itemId: item("judges-what-was-known"),
      value: 3,
    });
    expectFailure(result, { code: "NOT_FOUND" });
  });

  it("rejects a non-integer value before it reaches the attempt", async () => {
    const before = await storedAttempt(app, attempt.id);
    const itemId = item("judges-what-was-known");
    const asVariable = await employee.call(SAVE, {
      input: { attemptId: attempt.id, itemId, value: 2.5 },
    });
    expectFailure(asVariable, { code: "BAD_USER_INPUT" });
    expect(asVariable.status).toBe(400);
    const inline = await employee.call(
      `mutation { saveAnswer(input: { attemptId: "${attempt.id}", itemId: "${itemId}", value: 2.5 }) { id } }`,
    );
    expectFailure(inline, { code: "GRAPHQL_VALIDATION_FAILED" });
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
  });

  it("accepts a reflection of exactly 2000 characters", async () => {
    const text = "y".repeat(2000);
    const saved = await employee.saved(answerInput(attempt, "decision-worth-attention", { text }));
    expect(saved.answers.find((answer) => answer.item.key === "decision-worth-attention")).toEqual(
      expect.objectContaining({ text }),
    );
  });
});

describe("submitting", () => {
  it("refuses a submit with required items missing, naming exactly those items", async () => {
    const employee = await newEmployee();
    const attempt = await employee.started("decision-quality");
    const required = attempt.assessment.items.filter((item) => item.required);
    expect(required.map((item) => item.kind)).not.toContain("REFLECTION");

    const empty = await employee.submit(attempt.id, "k1");
    expectFailure(empty, { code: "REQUIRED_ITEMS_MISSING" });
    expect([...(errorOf(empty)?.itemIds as string[])].sort()).toEqual(
      required.map((item) => item.id).sort(),
    );

    await employee.answered(attempt, {
      "judges-what-was-known": 4,
      "sound-choice-bad-result": "b",
      "decision-worth-attention": { text: "Budget." },
    });
    const before = await storedAttempt(app, attempt.id);
    const partial = await employee.submit(attempt.id, "k2");
    expectFailure(partial, { code: "REQUIRED_ITEMS_MISSING" });
    const missing = [
      "months-invested-means-finish",
      "quick-on-small-choices",
      "tool-six-months-in",
      "judging-a-decision",
    ].map((key) => itemOf(attempt, key).id);
    expect([...(errorOf(partial)?.itemIds as string[])].sort()).toEqual(missing.sort());
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
    expect((before.attempt[0] as { status: string }).status).toBe("IN_PROGRESS");

    // The reflection is optional: with every other item answered the submit goes through.
    await employee.saved(answerInput(attempt, "decision-worth-attention", { text: "" }));
    await employee.answered(attempt, {
      "months-invested-means-finish": 2,
      "quick-on-small-choices": 4,
      "tool-six-months-in": "c",
      "judging-a-decision": "leadership",
    });
    const result = await employee.submitted(attempt.id, "k3");
    expect(result.attempt.status).toBe("SUBMITTED");
  });

  it("refuses answers after submission with ATTEMPT_SUBMITTED, changing nothing", async () => {
    const employee = await newEmployee();
    const attempt = await readyToSubmit(employee);
    await employee.submitted(attempt.id, "done");
    const before = await storedAttempt(app, attempt.id);

    for (const [key, choice] of [
      ["judges-what-was-known", 1],
      ["tool-six-months-in", "b"],
      ["decision-worth-attention", { text: "Too late?" }],
    ] as const) {
      const result = await employee.save(answerInput(attempt, key, choice));
      expectFailure(result, { code: "ATTEMPT_SUBMITTED" });
    }
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
  });

  it.each([
    ["empty", ""],
    ["129 characters long", "k".repeat(129)],
  ])("refuses an idempotency key that is %s", async (_case, idempotencyKey) => {
    const employee = await newEmployee();
    const attempt = await readyToSubmit(employee);
    const before = await storedAttempt(app, attempt.id);
    const result = await employee.submit(attempt.id, idempotencyKey);
    expectFailure(result, { code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
    // A key of the longest allowed length goes through.
    const result128 = await employee.submitted(attempt.id, "k".repeat(128));
    expect(result128.attempt.status).toBe("SUBMITTED");
  });

  it("refuses a malformed attempt id and answers an unknown one with NOT_FOUND", async () => {
    const employee = await newEmployee();
    expectFailure(await employee.submit("attempt-1", "key"), {
      code: "BAD_USER_INPUT",
      field: "input.attemptId",
    });
    expectFailure(await employee.submit(randomUUID(), "key"), { code: "NOT_FOUND" });
  });

  it("returns the identical result to a replay with the same key", async () => {
    const employee = await newEmployee();
    const attempt = await readyToSubmit(employee);
    const first = await employee.submitted(attempt.id, "same-key");
    const stored = await storedAttempt(app, attempt.id);
    const replay = await employee.submitted(attempt.id, "same-key");
    expect(replay).toEqual(first);
    expect(await storedAttempt(app, attempt.id)).toEqual(stored);
  });

  it("refuses a submit with another key after submission with ATTEMPT_SUBMITTED", async () => {
    const employee = await newEmployee();
    const attempt = await readyToSubmit(employee);
    const first = await employee.submitted(attempt.id, "first-key");
    const stored = await storedAttempt(app, attempt.id);
    expectFailure(await employee.submit(attempt.id, "second-key"), { code: "ATTEMPT_SUBMITTED" });
    expect(await storedAttempt(app, attempt.id)).toEqual(stored);
    // The result stays readable.
    expect(dataOf(await employee.attempt(attempt.id)).attempt?.result).toEqual(first);
  });

  it("stores one result for concurrent submits with the same key, and returns it to each", async () => {
    const employee = await newEmployee();
    const attempt = await readyToSubmit(employee);
    const results = await Promise.all([
      employee.submit(attempt.id, "tab-key"),
      employee.submit(attempt.id, "tab-key"),
      employee.submit(attempt.id, "tab-key"),
    ]);
    const [first, ...others] = results.map((result) => dataOf(result).submitAttempt);
    for (const other of others) expect(other).toEqual(first);
    expect(await attemptRowsOf(employee.subject)).toEqual([{ status: "SUBMITTED", scores: 1 }]);
  });

  it("stores one result for concurrent submits with different keys; the others get ATTEMPT_SUBMITTED", async () => {
    const employee = await newEmployee();
    const attempt = await readyToSubmit(employee);
    const keys = ["key-a", "key-b", "key-c"];
    const results = await Promise.all(keys.map((key) => employee.submit(attempt.id, key)));

    const winners = results.filter((result) => result.body.errors === undefined);
    const losers = results.filter((result) => result.body.errors !== undefined);
    expect(winners).toHaveLength(1);
    for (const loser of losers) expectFailure(loser, { code: "ATTEMPT_SUBMITTED" });
    expect(await attemptRowsOf(employee.subject)).toEqual([{ status: "SUBMITTED", scores: 1 }]);

    // The winning key replays the stored result; a losing key stays refused.
    const winningKey = keys[results.findIndex((result) => result.body.errors === undefined)];
    const losingKey = keys.find((key) => key !== winningKey) ?? "";
    expect(await employee.submitted(attempt.id, winningKey ?? "")).toEqual(
      winners[0]?.body.data?.submitAttempt,
    );
    expectFailure(await employee.submit(attempt.id, losingKey), { code: "ATTEMPT_SUBMITTED" });
  });

  it("gives two tabs that start at once the same attempt", async () => {
    const employee = await newEmployee();
    const [one, two] = await Promise.all([
      employee.start("decision-quality"),
      employee.start("decision-quality"),
    ]);
    expect(dataOf(one).startAttempt.id).toBe(dataOf(two).startAttempt.id);
    expect(await attemptRowsOf(employee.subject)).toEqual([{ status: "IN_PROGRESS", scores: 0 }]);
  });
});

describe("someone else's attempt", () => {
  let owner: Employee;
  let attempt: AttemptView;

  beforeAll(async () => {
    owner = await Employee.of(app, org, "owner");
    attempt = await owner.started("decision-quality");
    await owner.saved(answerInput(attempt, "judges-what-was-known", 4));
  });

  it.each([
    ["a colleague in the same organisation", () => Employee.of(app, org, "colleague")],
    [
      "an employee of another organisation with the same subject",
      () => Employee.of(app, otherOrg, "owner", { origin: OTHER_ORIGIN }),
    ],
  ])("is unknown to %s", async (_who, stranger) => {
    const caller = await stranger();
    const before = await storedAttempt(app, attempt.id);

    expectFailure(await caller.save(answerInput(attempt, "judges-what-was-known", 1)), {
      code: "NOT_FOUND",
    });
    expectFailure(await caller.save(answerInput(attempt, "quick-on-small-choices", 1)), {
      code: "NOT_FOUND",
    });
    expectFailure(await caller.submit(attempt.id, "steal"), { code: "NOT_FOUND" });
    expect((await caller.attempt(attempt.id)).body).toEqual({ data: { attempt: null } });
    const theirs = dataOf(await caller.myAttempts()).myAttempts;
    expect(theirs.nodes.map((node) => node.id)).not.toContain(attempt.id);

    // Starting the same assessment gives them an attempt of their own.
    const own = await caller.started("decision-quality");
    expect(own.id).not.toBe(attempt.id);
    expect(own.answers).toEqual([]);

    expect(await storedAttempt(app, attempt.id)).toEqual(before);
    expect(dataOf(await owner.attempt(attempt.id)).attempt?.answers).toHaveLength(1);
  });

  it("reads as null for an unknown or malformed id", async () => {
    expect((await owner.attempt(randomUUID())).body).toEqual({ data: { attempt: null } });
    const malformed = await owner.attempt("attempt-1");
    // Either answer tells nothing; an internal error would be a bug.
    expect(malformed.body.data?.attempt ?? null).toBeNull();
    if (malformed.body.errors) {
      expect(errorOf(malformed)).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    }
  });
});

describe("callers that are not employees", () => {
  const operations = (attemptId: string, itemId: string) =>
    [
      ["startAttempt", START, { input: { assessmentSlug: "decision-quality" } }],
      ["saveAnswer", SAVE, { input: { attemptId, itemId, value: 3 } }],
      ["submitAttempt", SUBMIT, { input: { attemptId, idempotencyKey: "key" } }],
      ["attempt", ATTEMPT, { id: attemptId }],
      ["myAttempts", MY_ATTEMPTS, {}],
    ] as const;

  let attempt: AttemptView;
  let analystKey: string;

  beforeAll(async () => {
    const employee = await newEmployee();
    attempt = await employee.started("decision-quality");
    const created = await app.http<{ createApiKey: { key: string } }>(
      `mutation { createApiKey(input: { name: "HR tool", role: ANALYST }) { key } }`,
      {},
      { token: org.apiKey },
    );
    analystKey = dataOf(created).createApiKey.key;
  });

  it("refuses API keys with FORBIDDEN: HR never reads an individual attempt", async () => {
    const before = await storedAttempt(app, attempt.id);
    const attemptsBefore = await attemptCount();
    const itemId = itemOf(attempt, "judges-what-was-known").id;
    for (const [who, token] of [
      ["ADMIN key", org.apiKey],
      ["ANALYST key", analystKey],
    ] as const) {
      for (const [name, query, variables] of operations(attempt.id, itemId)) {
        const result = await app.http(query, variables, { token });
        expect([who, name, errorOf(result)?.code]).toEqual([who, name, "FORBIDDEN"]);
        expectFailure(result, { code: "FORBIDDEN" });
      }
    }
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
    expect(await attemptCount()).toBe(attemptsBefore);
  });

  it("refuses calls without credentials with UNAUTHENTICATED", async () => {
    const before = await storedAttempt(app, attempt.id);
    const attemptsBefore = await attemptCount();
    const itemId = itemOf(attempt, "judges-what-was-known").id;
    for (const [name, query, variables] of operations(attempt.id, itemId)) {
      const result = await app.http(query, variables, { origin: ORIGIN });
      expect([name, errorOf(result)?.code]).toEqual([name, "UNAUTHENTICATED"]);
      expectFailure(result, { code: "UNAUTHENTICATED", reason: "CREDENTIALS_REQUIRED" });
    }
    expect(await storedAttempt(app, attempt.id)).toEqual(before);
    expect(await attemptCount()).toBe(attemptsBefore);
  });

  it("refuses an expired token with UNAUTHENTICATED", async () => {
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    const token = await mintEmbedToken(org.embedKey, { sub: "expired" }, 600, anHourAgo);
    const result = await app.http(
      START,
      { input: { assessmentSlug: "decision-quality" } },
      { token, origin: ORIGIN },
    );
    expectFailure(result, { code: "UNAUTHENTICATED", reason: "TOKEN_EXPIRED" });
    expect(await attemptRowsOf("expired")).toEqual([]);
  });

  it("lets an analyst's embed token take assessments as an employee", async () => {
    const analyst = await Employee.of(app, org, "analyst-1", { role: "analyst" });
    const started = await analyst.started("decision-quality");
    expect(started.status).toBe("IN_PROGRESS");
  });
});

describe("startAttempt with an assessment the caller cannot take", () => {
  beforeAll(async () => {
    for (const [slug, publish] of [
      ["own-published", true],
      ["own-draft", false],
    ] as const) {
      const created = await app.http(
        `mutation($input: AssessmentInput!) { createAssessment(input: $input) { slug } }`,
        { input: validAssessmentInput(slug) },
        { token: org.apiKey },
      );
      expect(created.body.errors).toBeUndefined();
      if (publish) {
        const published = await app.http(PUBLISH, { slug }, { token: org.apiKey });
        expect(published.body.errors).toBeUndefined();
      }
    }
  });

  it.each([
    ["an unknown slug", org, "no-such-assessment"],
    ["a draft that was never published", org, "own-draft"],
    ["another organisation's assessment", "other", "own-published"],
  ] as const)("answers %s with NOT_FOUND and starts nothing", async (_case, where, slug) => {
    const employee = await newEmployee(where === "other" ? otherOrg : org);
    expectFailure(await employee.start(slug), { code: "NOT_FOUND" });
    expect(await attemptRowsOf(employee.subject)).toEqual([]);
  });

  it("lets the organisation's own employees take its published assessment", async () => {
    const employee = await newEmployee();
    expect((await employee.started("own-published")).assessment.slug).toBe("own-published");
  });
});

describe("retake cooldown", () => {
  let cooled: CreatedOrganization;

  const setCooldown = async (retakeCooldownDays: number) => {
    const result = await app.http(
      `mutation($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { slug } }`,
      { input: { retakeCooldownDays } },
      { token: cooled.apiKey },
    );
    expect(result.body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    cooled = await app.createOrganization({ origins: [ORIGIN] });
  });

  it("refuses a new start until the cooldown has passed, but never blocks resuming", async () => {
    // Before any cooldown: Erin submits and starts again at once.
    const erin = await Employee.of(app, cooled, "erin");
    await erin.submitted((await readyToSubmit(erin)).id, "erin-1");
    const open = await erin.started("decision-quality");

    await setCooldown(7);

    const dave = await Employee.of(app, cooled, "dave");
    const result = await dave.submitted((await readyToSubmit(dave)).id, "dave-1");
    const refused = await dave.start("decision-quality");
    expectFailure(refused, { code: "RETAKE_COOLDOWN" });
    const availableAt = errorOf(refused)?.availableAt;
    expect(typeof availableAt).toBe("string");
    const wait = Date.parse(availableAt as string) - Date.parse(result.submittedAt);
    expect(Math.abs(wait - 7 * 24 * 60 * 60 * 1000)).toBeLessThan(1000);
    expect(await attemptRowsOf("dave")).toEqual([{ status: "SUBMITTED", scores: 1 }]);

    // Other assessments are not affected.
    expect((await dave.started("excellence")).status).toBe("IN_PROGRESS");

    // Erin's open attempt resumes and can be finished despite the cooldown.
    const resumed = await erin.started("decision-quality");
    expect(resumed.id).toBe(open.id);
    await erin.answered(resumed, BEST_DECISION_QUALITY);
    expect((await erin.submitted(open.id, "erin-2")).attempt.status).toBe("SUBMITTED");
    expectFailure(await erin.start("decision-quality"), { code: "RETAKE_COOLDOWN" });

    await setCooldown(0);
    expect((await dave.started("decision-quality")).status).toBe("IN_PROGRESS");
  });
});
